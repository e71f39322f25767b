/**
 * The partnership agreement: the five things both sides align on, the five practices that keep
 * a partnership running, and the lightweight Markdown document that records them.
 */
import type { ContextLabel } from './context/sections';
import { AGREEMENT_ITEMS, PARTNERSHIP_TYPES, RUNNING_PRACTICES, SUCCESS_METRICS, partnershipType } from './domain';
import { escapeSnippetText } from './placeholders';
import { firstPerson } from './pitch';
import { l10n } from './l10n';
import { term, textDate, type TextLanguage } from './textLanguage';

export type AgreementItemId = (typeof AGREEMENT_ITEMS)[number]['id'];
export type RunningPracticeId = (typeof RUNNING_PRACTICES)[number]['id'];

export const DURATIONS = ['3 months', '6 months', 'ongoing'] as const;
export type Duration = (typeof DURATIONS)[number];

/** The two check-in rhythms the playbook suggests; any other text is accepted too. */
export const CHECK_IN_CADENCES = ['monthly call', 'bi-weekly async update'] as const;

/** Either side may end the partnership with this much notice unless they agree otherwise. */
export const DEFAULT_NOTICE_PERIOD = 'two weeks';
/** The same default as a German form shows it (the German exit clause reads either). */
const DEFAULT_NOTICE_PERIODS: Readonly<Record<TextLanguage, string>> = { en: DEFAULT_NOTICE_PERIOD, de: 'zwei Wochen' };

/**
 * The notice period as the form shows it in the document's language: the default follows the
 * language; a period the user wrote stays as written.
 */
export function noticeInLanguage(notice: string | undefined, language: TextLanguage): string {
  if (notice === undefined || Object.values(DEFAULT_NOTICE_PERIODS).includes(notice.trim())) return DEFAULT_NOTICE_PERIODS[language];
  return notice;
}

export interface SuccessTarget {
  metric: string;
  target: string;
}

export interface PerSide<T> {
  yours?: T;
  theirs?: T;
}

/** Everything the agreement form holds. Plain data only, so it round-trips through JSON. */
export interface AgreementState {
  /** What the partnership is: one of the 16 types (its id or title) and the topic. */
  collaboration?: { type?: string; topic?: string };
  contributions?: PerSide<string[]>;
  duration?: Duration | '';
  /** ISO dates (`2026-03-01`) or whatever the user wrote. */
  startDate?: string;
  reviewDate?: string;
  metrics?: SuccessTarget[];
  /** Primary contact on each side. */
  contacts?: PerSide<string>;
  /** `monthly call`, `bi-weekly async update` or the user's own rhythm. */
  cadence?: string;
  noticePeriod?: string;
  /** Running practices agreed (ticked). `owners` is decided by the owner names instead. */
  practices?: Partial<Record<RunningPracticeId, boolean>>;
  /** Partnership owner on each side; the primary contact stands in when none is named. */
  owners?: PerSide<string>;
}

export interface AgreementSides {
  yours: string;
  theirs: string;
}

export function emptyAgreement(): AgreementState {
  return {
    collaboration: { type: '', topic: '' },
    contributions: { yours: [], theirs: [] },
    duration: '',
    startDate: '',
    reviewDate: '',
    metrics: [],
    contacts: { yours: '', theirs: '' },
    cadence: '',
    noticePeriod: DEFAULT_NOTICE_PERIOD,
    practices: {},
    owners: { yours: '', theirs: '' },
  };
}

export interface AgreementProgressItem {
  id: AgreementItemId | RunningPracticeId;
  kind: 'item' | 'practice';
  title: string;
  done: boolean;
  /** What is still to be filled in, in words for the form. */
  missing: string[];
}

export interface AgreementProgress {
  done: number;
  total: number;
  items: AgreementProgressItem[];
}

/** The five agreement items, then the five running practices. */
export function agreementProgress(state: AgreementState): AgreementProgress {
  const f = fields(state);
  const agreed = () => [l10n.t('agreed by both sides')];
  const missingFor: Record<AgreementItemId | RunningPracticeId, string[]> = {
    contributions: [...(f.yourContributions.length ? [] : [l10n.t('your contributions')]), ...(f.theirContributions.length ? [] : [l10n.t("the partner's contributions")])],
    timeline: [...(f.duration ? [] : [l10n.t('duration')]), ...(f.startDate ? [] : [l10n.t('start date')]), ...(f.reviewDate ? [] : [l10n.t('review date')])],
    success: metricsMissing(f.metrics),
    communication: [
      ...(f.yourContact ? [] : [l10n.t('your primary contact')]),
      ...(f.theirContact ? [] : [l10n.t("the partner's primary contact")]),
      ...(f.cadence ? [] : [l10n.t('check-in cadence')]),
    ],
    exit: f.notice ? [] : [l10n.t('notice period')],
    owners: [...(f.yourOwner ? [] : [l10n.t('your owner')]), ...(f.theirOwner ? [] : [l10n.t("the partner's owner")])],
    startSmall: f.practices.startSmall ? [] : agreed(),
    monthlyCheckIn: f.practices.monthlyCheckIn ? [] : agreed(),
    shareData: f.practices.shareData ? [] : agreed(),
    celebrate: f.practices.celebrate ? [] : agreed(),
  };
  const items: AgreementProgressItem[] = [
    ...AGREEMENT_ITEMS.map((i) => ({ id: i.id, kind: 'item' as const, title: i.title, done: missingFor[i.id].length === 0, missing: missingFor[i.id] })),
    ...RUNNING_PRACTICES.map((p) => ({ id: p.id, kind: 'practice' as const, title: p.title, done: missingFor[p.id].length === 0, missing: missingFor[p.id] })),
  ];
  return { done: items.filter((i) => i.done).length, total: items.length, items };
}

function metricsMissing(metrics: SuccessTarget[]): string[] {
  if (metrics.length === 0) return [l10n.t('a success metric with a target')];
  if (metrics.some((m) => m.metric && m.target)) return [];
  return metrics
    .filter((m) => m.metric && !m.target)
    .map((m) => l10n.t('a target for {0}', m.metric))
    .concat(metrics.some((m) => !m.metric) ? [l10n.t('a metric name')] : []);
}

/** Sections of the agreement document, also offered one by one as Quick Fixes. */
export type AgreementSectionId = AgreementItemId | 'collaboration' | 'review-date' | 'running' | 'sign-off';

/** Placeholders of the agreement document while a value is missing. */
export const AGREEMENT_PLACEHOLDERS = {
  yours: '[your community]',
  theirs: '[partner community]',
  collaboration: '[what you will do together]',
  topic: '[topic]',
  startDate: '[start date]',
  duration: '[3 months, 6 months or ongoing]',
  reviewDate: '[review date]',
  yourContribution: '[what you contribute]',
  theirContribution: '[what they contribute]',
  metric: '[metric]',
  target: '[target]',
  contact: '[name and email]',
  cadence: '[monthly call or bi-weekly async update]',
  notice: '[notice period]',
  owner: '[owner]',
  signer: '[name]',
} as const;

/** The placeholders of a German agreement: "du" and "ihr", as the German pitch. */
export const AGREEMENT_PLACEHOLDERS_DE: Readonly<Record<keyof typeof AGREEMENT_PLACEHOLDERS, string>> = {
  yours: '[deine Community]',
  theirs: '[Partner-Community]',
  collaboration: '[was ihr gemeinsam vorhabt]',
  topic: '[Thema]',
  startDate: '[Startdatum]',
  duration: '[3 Monate, 6 Monate oder unbefristet]',
  reviewDate: '[Überprüfungstermin]',
  yourContribution: '[was ihr beitragt]',
  theirContribution: '[was die andere Seite beiträgt]',
  metric: '[Kennzahl]',
  target: '[Ziel]',
  contact: '[Name und E-Mail]',
  cadence: '[monatlicher Call oder alle zwei Wochen ein schriftliches Update]',
  notice: '[Kündigungsfrist]',
  owner: '[verantwortliche Person]',
  signer: '[Name]',
};

export const AGREEMENT_TITLE_PREFIX = 'Community Partnership - ';
export const AGREEMENT_TITLE_PREFIX_DE = 'Community-Partnerschaft – ';

/** How the agreement is written: its language, and how the notice period reads in the exit clause. */
export interface AgreementWriting {
  language?: TextLanguage;
  /** The notice as the exit clause says it ("two weeks' notice"); the language's own by default. */
  phrase?: (notice: string) => string;
}

/** The words of the agreement document in one language; the values are filled in as written. */
interface AgreementWords {
  placeholders: Readonly<Record<keyof typeof AGREEMENT_PLACEHOLDERS, string>>;
  titlePrefix: string;
  and: string;
  collaboration: (what: string, topic: string, topicGiven: boolean) => string;
  start: string;
  duration: string;
  review: string;
  contributions: string;
  will: (side: string) => string;
  success: string;
  communication: string;
  contactFor: (side: string) => string;
  checkIns: string;
  exit: string;
  exitText: (phrase: string) => string;
  running: string;
  ownersLine: (title: string, ours: string, yours: string, theirOwner: string, theirs: string) => string;
  signOff: string;
  signFor: (side: string, name: string) => string;
  notice: (notice: string) => string;
}

const ENGLISH: AgreementWords = {
  placeholders: AGREEMENT_PLACEHOLDERS,
  titlePrefix: AGREEMENT_TITLE_PREFIX,
  and: 'x',
  collaboration: (what, topic) => `- **The collaboration:** ${what} on ${topic}`,
  start: 'Start date',
  duration: 'Duration',
  review: 'Review date',
  contributions: 'What each side contributes',
  will: (side) => `${side} will:`,
  success: 'Success metrics',
  communication: 'Communication',
  contactFor: (side) => `Primary contact for ${side}`,
  checkIns: 'Check-ins',
  exit: 'Exit clause',
  exitText: (phrase) =>
    `Either side can end this partnership at any time by telling the other side in writing, with ${phrase}. ` +
    'Anything already promised to members (an announced event, a piece in progress) is either finished or called off together, and both sides agree on how to tell their members.',
  running: 'Running it',
  ownersLine: (title, ours, yours, theirOwner, theirs) => `${title}: ${ours} for ${yours}, ${theirOwner} for ${theirs}`,
  signOff: 'Sign-off',
  signFor: (side, name) => `For ${side}: ${name}, date: ____________`,
  notice: noticePhrase,
};

const GERMAN: AgreementWords = {
  placeholders: AGREEMENT_PLACEHOLDERS_DE,
  titlePrefix: AGREEMENT_TITLE_PREFIX_DE,
  and: '×',
  // The topic is the user's own words, often English: quoted, it fits any German sentence.
  collaboration: (what, topic, given) => `- **Die Zusammenarbeit:** ${what} zum Thema ${given ? `„${topic}“` : topic}`,
  start: 'Startdatum',
  duration: 'Laufzeit',
  review: 'Überprüfungstermin',
  contributions: 'Was jede Seite beiträgt',
  will: (side) => `${side} übernimmt:`,
  success: 'Erfolgskennzahlen',
  communication: 'Kommunikation',
  contactFor: (side) => `Ansprechperson für ${side}`,
  checkIns: 'Check-ins',
  exit: 'Ausstiegsklausel',
  exitText: (phrase) =>
    `Jede Seite kann diese Partnerschaft jederzeit beenden, indem sie es der anderen Seite schriftlich mitteilt, ${phrase}. ` +
    'Was den Mitgliedern schon zugesagt ist (ein angekündigtes Event, ein Beitrag in Arbeit), wird entweder zu Ende gebracht oder gemeinsam abgesagt, und beide Seiten stimmen ab, wie sie es ihren Mitgliedern sagen.',
  running: 'Im laufenden Betrieb',
  ownersLine: (title, ours, yours, theirOwner, theirs) => `${title}: ${ours} für ${yours}, ${theirOwner} für ${theirs}`,
  signOff: 'Unterschriften',
  signFor: (side, name) => `Für ${side}: ${name}, Datum: ____________`,
  notice: germanNoticePhrase,
};

const WORDS: Readonly<Record<TextLanguage, AgreementWords>> = { en: ENGLISH, de: GERMAN };

/** The Markdown of one section (no trailing newline), in the language of `writing` (English by default). */
export function agreementSection(id: AgreementSectionId, state: AgreementState, sides: AgreementSides, writing: AgreementWriting = {}): string {
  const language = writing.language ?? 'en';
  const w = WORDS[language];
  const A = w.placeholders;
  const phrase = writing.phrase ?? w.notice;
  const f = fields(state);
  const s = sideNames(sides, language);
  const date = (v: string) => textDate(v, language);
  switch (id) {
    case 'collaboration':
      return w.collaboration(f.collaboration ? term(f.collaboration, language) : A.collaboration, f.topic || A.topic, !!f.topic);
    case 'timeline':
      return [
        `- **${w.start}:** ${f.startDate ? date(f.startDate) : A.startDate}`,
        `- **${w.duration}:** ${f.duration ? term(f.duration, language) : A.duration}`,
        agreementSection('review-date', state, sides, writing),
      ].join('\n');
    case 'review-date':
      return `- **${w.review}:** ${f.reviewDate ? date(f.reviewDate) : A.reviewDate}`;
    case 'contributions':
      return [
        `## ${w.contributions}`,
        '',
        `**${w.will(s.yours)}**`,
        '',
        ...bullets(f.yourContributions, A.yourContribution),
        '',
        `**${w.will(s.theirs)}**`,
        '',
        ...bullets(f.theirContributions, A.theirContribution),
      ].join('\n');
    case 'success': {
      const metrics = f.metrics.length ? f.metrics : [{ metric: '', target: '' }];
      return [`## ${w.success}`, '', ...metrics.map((m) => `- **${m.metric ? term(m.metric, language) : A.metric}:** ${m.target || A.target}`)].join('\n');
    }
    case 'communication':
      return [
        `## ${w.communication}`,
        '',
        `- **${w.contactFor(s.yours)}:** ${f.yourContact || A.contact}`,
        `- **${w.contactFor(s.theirs)}:** ${f.theirContact || A.contact}`,
        `- **${w.checkIns}:** ${f.cadence ? term(f.cadence, language) : A.cadence}`,
      ].join('\n');
    case 'exit':
      return [`## ${w.exit}`, '', w.exitText(phrase(f.notice || A.notice))].join('\n');
    case 'running': {
      const box = (done: boolean) => (done ? '[x]' : '[ ]');
      return [
        `## ${w.running}`,
        '',
        ...RUNNING_PRACTICES.map((p) =>
          p.id === 'owners'
            ? `- ${box(!!(f.yourOwner && f.theirOwner))} ${w.ownersLine(term(p.title, language), f.yourOwner || A.owner, s.yours, f.theirOwner || A.owner, s.theirs)}`
            : `- ${box(!!f.practices[p.id])} ${term(p.title, language)}`,
        ),
      ].join('\n');
    }
    case 'sign-off':
      return [`## ${w.signOff}`, '', `- ${w.signFor(s.yours, f.yourContact || A.signer)}`, `- ${w.signFor(s.theirs, f.theirContact || A.signer)}`].join('\n');
  }
}

/** The title line, without the `# `. */
export function agreementTitle(sides: AgreementSides, language: TextLanguage = 'en'): string {
  const s = sideNames(sides, language);
  const w = WORDS[language];
  return `${w.titlePrefix}${s.yours} ${w.and} ${s.theirs}`;
}

/**
 * The lightweight agreement as Markdown, in English or German. The front matter lets the
 * checker recognise the file even after the title is changed.
 */
export function renderAgreement(state: AgreementState, sides: AgreementSides, writing: AgreementWriting = {}): string {
  const sections: AgreementSectionId[] = ['contributions', 'success', 'communication', 'exit', 'running', 'sign-off'];
  return [
    '---',
    'partnership-doc: agreement',
    '---',
    '',
    `# ${agreementTitle(sides, writing.language)}`,
    '',
    agreementSection('collaboration', state, sides, writing),
    agreementSection('timeline', state, sides, writing),
    ...sections.flatMap((id) => ['', agreementSection(id, state, sides, writing)]),
    '',
  ].join('\n');
}

/**
 * The agreement as a VS Code snippet. The first tab stop is the partner (what anyone types
 * first), then the slots in the order they are read: the collaboration, its dates, the
 * contributions, the metric, the contacts, the cadence and the notice. Your community's name
 * comes from the context as plain text; only without one is it a tab stop, after the partner.
 * Choices for duration, first metric and cadence. The exit clause reads as the checklist's
 * ("with two weeks' notice"), the phrase a tab stop. Context values are escaped, so a name like
 * `${1:x}` or `$TM_FILENAME` is inserted as written. In German (`language`), the words, the
 * choices and today's date (15.03.2026) are German, as the checklist's German document.
 */
export function agreementSnippet(values: Readonly<Partial<Record<ContextLabel, string | undefined>>>, language: TextLanguage = 'en'): string {
  // The document is rendered with markers in place of the slots, escaped as a whole, and the
  // markers are then swapped for snippet syntax in one pass. The markers use private-use
  // characters, which are removed from context values first so a value cannot forge one.
  const stops: string[] = [];
  let next = 1;
  const slot = (snippet: string) => `\uE000${stops.push(snippet) - 1}\uE001`;
  const tab = (text: string) => slot(`\${${next++}:${escapeSnippetText(text)}}`);
  const choice = (options: readonly string[]) => slot(`\${${next++}|${options.map(escapeChoice).join(',')}|}`);

  const w = WORDS[language];
  const A = w.placeholders;
  const say = (english: string) => term(english, language);
  const name = contextValue(values['Community Name']);
  const contact = firstPerson(contextValue(values['Team']));
  const theirs = tab(A.theirs);
  const yours = name || tab(A.yours);
  // In reading order, so Tab goes down the document.
  const type = choice([language === 'de' ? '[Art der Partnerschaft]' : '[partnership type]', ...PARTNERSHIP_TYPES.map((t) => say(t.title))]);
  const topic = tab(A.topic);
  const today = language === 'de' ? '${CURRENT_DATE}.${CURRENT_MONTH}.${CURRENT_YEAR}' : '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
  const startDate = slot(`\${${next++}:${today}}`);
  const duration = choice(DURATIONS.map(say)) as Duration;
  const reviewDate = tab(A.reviewDate);
  const contributions = { yours: [tab(A.yourContribution)], theirs: [tab(A.theirContribution)] };
  const metrics = [{ metric: choice(SUCCESS_METRICS.map((m) => say(m.title))), target: tab(A.target) }];
  const contacts = { yours: tab(contact || A.contact), theirs: tab(A.contact) };
  const cadence = choice(CHECK_IN_CADENCES.map(say));
  const notice = tab(w.notice(DEFAULT_NOTICE_PERIOD));
  const state: AgreementState = {
    // The first choice says the type is still to pick: a real type would be a guess.
    collaboration: { type, topic },
    startDate,
    duration,
    reviewDate,
    contributions,
    metrics,
    contacts,
    cadence,
    noticePeriod: notice,
  };
  // The owners line falls back to the contacts, which are always "filled" here (by tab
  // stops); nothing is agreed yet when the snippet is inserted, so its box starts unticked.
  const owners = say(RUNNING_PRACTICES.find((p) => p.id === 'owners')?.title ?? '');
  const rendered = renderAgreement(state, { yours, theirs }, { language, phrase: (phrase) => phrase }).replace(`- [x] ${owners}`, `- [ ] ${owners}`);
  const text = escapeSnippetText(rendered);
  return text.replace(/\uE000(\d+)\uE001/g, (_, n: string) => stops[Number(n)]) + '$0';
}

/** Inside `${1|a,b|}` a comma or pipe also needs escaping. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

function contextValue(value: string | undefined): string {
  const v = (value ?? '').replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ').trim();
  return /^tbd\.?$/i.test(v) ? '' : v;
}

/**
 * "two weeks' notice", "one month's notice", "30 days' notice"; a period written some other
 * way (or a placeholder, or a snippet's tab stop) reads "a notice period of ...".
 */
export function noticePhrase(notice: string): string {
  const m = /^(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (day|week|month)(s?)$/i.exec(notice.trim());
  if (!m) return `a notice period of ${notice}`;
  const count = m[1].toLowerCase() === 'a' || m[1].toLowerCase() === 'an' ? 'one' : m[1] === '1' ? 'one' : m[1] === '2' ? 'two' : m[1].toLowerCase();
  const plural = count !== 'one';
  return `${count} ${m[2].toLowerCase()}${plural ? "s'" : "'s"} notice`;
}

const GERMAN_NUMBERS: Readonly<Record<string, string>> = {
  one: 'ein', two: 'zwei', three: 'drei', four: 'vier', five: 'fünf', six: 'sechs', seven: 'sieben', eight: 'acht', nine: 'neun', ten: 'zehn', twelve: 'zwölf',
  ein: 'ein', eine: 'ein', einen: 'ein', zwei: 'zwei', drei: 'drei', vier: 'vier', fünf: 'fünf', sechs: 'sechs', sieben: 'sieben', acht: 'acht', neun: 'neun', zehn: 'zehn', zwölf: 'zwölf',
};
/** Each unit in the dative, singular (with its article) and plural: "mit einer Frist von einer Woche / zwei Wochen". */
const GERMAN_UNITS: Readonly<Record<string, [string, string]>> = {
  day: ['einem Tag', 'Tagen'], tag: ['einem Tag', 'Tagen'], week: ['einer Woche', 'Wochen'], woche: ['einer Woche', 'Wochen'], month: ['einem Monat', 'Monaten'], monat: ['einem Monat', 'Monaten'],
};

/**
 * The notice as a German exit clause says it: "mit einer Frist von zwei Wochen", from the
 * period written in English ("two weeks", the default) or in German ("4 Wochen", "1 Monat");
 * anything else is quoted as written after "mit der vereinbarten Kündigungsfrist".
 */
export function germanNoticePhrase(notice: string): string {
  const m = /^(\d{1,3}|an?|[a-zäöüß]+) (day|week|month|tag|woche|monat)(s|e|en|n)?$/i.exec(notice.trim());
  const raw = m?.[1].toLowerCase();
  const count = raw === undefined ? undefined : /^\d+$/.test(raw) ? (raw === '1' ? 'ein' : raw) : raw === 'a' || raw === 'an' ? 'ein' : GERMAN_NUMBERS[raw];
  if (!m || count === undefined) return `mit der vereinbarten Kündigungsfrist (${notice.trim()})`;
  const [one, many] = GERMAN_UNITS[m[2].toLowerCase()];
  return `mit einer Frist von ${count === 'ein' ? one : `${count} ${many}`}`;
}

/** The partnership type's title for the document: "Co-hosted AMA, workshop or webinar". */
function collaborationTitle(type: string): string {
  const t = partnershipType(type) ?? PARTNERSHIP_TYPES.find((x) => x.title.toLowerCase() === type.toLowerCase());
  return t ? t.title : type;
}

function bullets(items: string[], placeholder: string): string[] {
  return (items.length ? items : [placeholder]).map((i) => `- ${i}`);
}

function sideNames(sides: AgreementSides, language: TextLanguage): AgreementSides {
  const A = WORDS[language].placeholders;
  return { yours: clean(sides.yours) || A.yours, theirs: clean(sides.theirs) || A.theirs };
}

function clean(value: string | undefined): string {
  return (typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim();
}

/** The state with every value cleaned and defaults applied; tolerant of hand-edited JSON. */
function fields(state: AgreementState) {
  const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => clean(typeof x === 'string' ? x : '')).filter(Boolean) : []);
  const metrics = (Array.isArray(state.metrics) ? state.metrics : [])
    .map((m) => ({ metric: clean(m?.metric), target: clean(m?.target) }))
    .filter((m) => m.metric || m.target);
  const yourContact = clean(state.contacts?.yours);
  const theirContact = clean(state.contacts?.theirs);
  return {
    collaboration: collaborationTitle(clean(state.collaboration?.type)),
    topic: clean(state.collaboration?.topic),
    yourContributions: list(state.contributions?.yours),
    theirContributions: list(state.contributions?.theirs),
    duration: clean(state.duration),
    startDate: clean(state.startDate),
    reviewDate: clean(state.reviewDate),
    metrics,
    yourContact,
    theirContact,
    cadence: clean(state.cadence),
    // Unset means the default notice; an explicitly emptied field is missing.
    notice: state.noticePeriod === undefined ? DEFAULT_NOTICE_PERIOD : clean(state.noticePeriod),
    practices: state.practices ?? {},
    yourOwner: clean(state.owners?.yours) || yourContact,
    theirOwner: clean(state.owners?.theirs) || theirContact,
  };
}
