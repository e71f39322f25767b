/**
 * Recognising partnership documents (agreement, pitch, check-in, scorecard, playbook) and
 * checking them: unfilled placeholders everywhere, and for an agreement the five things both
 * sides should have aligned on.
 */
import { agreementSection, emptyAgreement, type AgreementItemId, type AgreementSides } from './agreement';
import { AGREEMENT_ITEMS } from './domain';
import type { TextLanguage } from './textLanguage';
import { readFrontMatter } from './frontMatter';
import { findPlaceholders, maskCodeAndComments } from './placeholders';
import { l10n } from './l10n';

export const PARTNERSHIP_DOC_KINDS = ['agreement', 'pitch', 'check-in', 'scorecard', 'playbook'] as const;
export type PartnershipDocKind = (typeof PARTNERSHIP_DOC_KINDS)[number];

/** The front matter key that marks a partnership document. */
export const PARTNERSHIP_DOC_KEY = 'partnership-doc';

/**
 * The kind of partnership document, from the front matter `partnership-doc: <kind>`, or, when
 * there is none, an agreement title `# Community Partnership - Yours x Theirs`.
 */
export function partnershipDocKind(text: string): PartnershipDocKind | undefined {
  const fm = readFrontMatter(text);
  if (fm.kind === 'yaml') {
    const value = fm.data[PARTNERSHIP_DOC_KEY];
    if (typeof value === 'string') {
      const kind = value.trim().toLowerCase();
      if ((PARTNERSHIP_DOC_KINDS as readonly string[]).includes(kind)) return kind as PartnershipDocKind;
    }
  }
  return agreementHeading(text) ? 'agreement' : undefined;
}

interface Heading {
  /** Offsets of the heading line, without its line break. */
  start: number;
  end: number;
  sides?: AgreementSides;
}

/**
 * `Community Partnership - Yours x Theirs` (an en or em dash or a colon also works; `x` or
 * `×`) split into the two sides, by hand: a pattern with two lazy groups around ` x ` would
 * backtrack over a title of thousands of words.
 */
export function parseAgreementTitle(title: string): AgreementSides | undefined {
  const prefix = agreementTitlePrefix(title);
  if (!prefix) return undefined;
  let rest = title.slice(prefix.length).trimStart();
  if (!/^[-\u2013\u2014:]/.test(rest)) return undefined;
  rest = rest.slice(1).trim();
  // The first " x " that has text on both sides: "Acme x Go Berlin" gives Acme and Go Berlin.
  const words = rest.split(/\s/);
  for (let i = 1; i < words.length - 1; i++) {
    if (words[i] !== 'x' && words[i] !== 'X' && words[i] !== '\u00d7') continue;
    const yours = words.slice(0, i).join(' ').trim();
    const theirs = words.slice(i + 1).join(' ').trim();
    if (yours && theirs) return { yours, theirs };
  }
  return undefined;
}

/** The title's opening words, in English or German ("Community-Partnerschaft – A × B"), if it has them. */
function agreementTitlePrefix(title: string): string | undefined {
  return /^(?:community partnership|community-partnerschaft)(?![a-z])/i.exec(title)?.[0].toLowerCase();
}

/** The language an agreement is written in, from its title: German for "Community-Partnerschaft". */
function agreementLanguage(text: string): TextLanguage {
  const h1 = firstH1(text);
  return h1 && agreementTitlePrefix(h1.title) === 'community-partnerschaft' ? 'de' : 'en';
}

/** The first H1 of the body, if it is an agreement title (code blocks ignored). */
function agreementHeading(text: string): Heading | undefined {
  const h1 = firstH1(text);
  if (!h1) return undefined;
  const sides = parseAgreementTitle(h1.title);
  return sides ? { start: h1.start, end: h1.end, sides } : undefined;
}

function firstH1(text: string): { start: number; end: number; title: string } | undefined {
  const masked = maskCodeAndComments(text);
  for (const line of lines(masked)) {
    const m = /^ {0,3}#(?:[ \t]+|$)/.exec(line.text);
    if (!m) continue;
    // The optional closing hashes of an ATX heading are not part of the title.
    const title = withoutClosingHashes(text.slice(line.start + m[0].length, line.end).trim());
    return { start: line.start, end: line.end, title };
  }
  return undefined;
}

/** `Title ##` gives `Title`: the optional closing hashes of an ATX heading (a loop, not a regex). */
function withoutClosingHashes(title: string): string {
  let end = title.length;
  while (end > 0 && title[end - 1] === '#') end--;
  if (end === title.length) return title;
  if (end === 0) return '';
  return /[ \t]/.test(title[end - 1]) ? title.slice(0, end).trim() : title;
}

function lines(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    out.push({ start, end: start + line.length, text: line });
    start += raw.length + 1;
  }
  return out;
}

/** What checkAgreement reports: one of the five items, or the review date within the timeline. */
export type AgreementCheckId = AgreementItemId | 'review-date';

export interface MissingAgreementItem {
  id: AgreementCheckId;
  title: string;
  /** The Markdown a Quick Fix inserts. */
  section: string;
}

/**
 * How each item shows up in a hand-written agreement. `label` is tried on headings and on
 * `Label:` / `**Label:**` lines, `prose` on every line, so both a sectioned document and a
 * short memo pass.
 */
const DETECT: Record<AgreementCheckId, { label: RegExp; prose: RegExp }> = {
  contributions: {
    label: /contribut|responsibilit|deliverable|commitment|who does what|\bwill$|beitr[äa]g|übernimmt$|aufgaben|wer macht was/i,
    prose: /\b(?:will contribute|contributes?|contributions?|beitragen|beiträgt)\b/i,
  },
  timeline: {
    label: /timeline|duration|\bterm\b|schedule|start date|\bdates?\b|\blength\b|zeitplan|laufzeit|\bdauer\b|startdatum|\bbeginn\b/i,
    prose: /\b(?:duration|start date|starts on|runs (?:for|until)|laufzeit|startdatum|beginnt am|läuft bis)\b/i,
  },
  'review-date': {
    label: /\breview\b|überprüfung/i,
    prose: /\b(?:review(?:ed)?\s+(?:date|on|by|in|after|at)|revisit)\b|überprüfungstermin/i,
  },
  success: {
    label: /success|metric|\bkpis?\b|\btargets?\b|\bgoals?\b|measur|outcome|erfolg|kennzahl|\bziele?\b|messen/i,
    prose: /\b(?:success metrics?|measured? success|kpis?|targets?|erfolgskennzahlen?|kennzahlen?)\b/i,
  },
  communication: {
    label: /communicat|check-?ins?|contact|\bsync\b|meeting|cadence|rhythm|kommunikation|ansprech|kontakt|rhythmus|treffen/i,
    prose: /\b(?:primary contact|point of contact|check-?ins?|monthly call|bi-?weekly|weekly sync|ansprechperson|ansprechpartner\w*|monatlicher call)\b/i,
  },
  exit: {
    label: /\bexit\b|terminat|ending|wind(?:ing)?[- ]down|cancel|notice|ausstieg|kündigung|beenden/i,
    prose: /\b(?:notice|terminat\w*|exit|end (?:this|the) (?:partnership|agreement|collaboration)|kündigungsfrist|ausstiegsklausel)\b/i,
  },
};

/**
 * "We bring", "Each side provides": a side, then a verb after it. Two scans instead of one
 * pattern with `.*` between them, which backtracks quadratically on a long label.
 */
function sideBrings(label: string): boolean {
  const side = /\b(?:we|they|each side|both sides)\b/i.exec(label);
  return !!side && /\b(?:brings?|gives?|offers?|provides?)\b/i.test(label.slice(side.index));
}

const CHECK_TITLES: Record<AgreementCheckId, string> = {
  ...(Object.fromEntries(AGREEMENT_ITEMS.map((i) => [i.id, i.title])) as Record<AgreementItemId, string>),
  'review-date': 'Review date',
};

/**
 * What a partnership record's front matter already settles: `start` is the timeline's start,
 * `review` the review date, `cadence` with an owner or a contact the communication rhythm.
 */
export interface AgreementFacts {
  start?: boolean;
  review?: boolean;
  communication?: boolean;
}

/** Which of the five items (and the review date) an agreement document lacks. */
export function checkAgreement(text: string, facts: AgreementFacts = {}): { missing: MissingAgreementItem[] } {
  const fm = readFrontMatter(text);
  const body = maskCodeAndComments(fm.body);
  const labels: string[] = [];
  const prose: string[] = [];
  for (const { text: line } of lines(body)) {
    const heading = /^ {0,3}#{1,6}[ \t](.*)$/.exec(line);
    if (heading) {
      // The agreement title names the partnership, not a section.
      if (!agreementTitlePrefix(heading[1].trim())) labels.push(heading[1].replace(/[*_#]/g, '').trim());
      continue;
    }
    const label = /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?:\[[ xX]\][ \t]+)?([^:\n]{1,60}?):/.exec(line);
    if (label) labels.push(label[1].replace(/[*_]/g, '').trim());
    // Task list lines are practices to tick ("A monthly check-in between the owners"), not
    // terms; they count only through an explicit label.
    if (!/^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/.test(line)) prose.push(line);
  }
  const settled: Partial<Record<AgreementCheckId, boolean>> = { timeline: facts.start, 'review-date': facts.review, communication: facts.communication };
  const labelled = (id: AgreementCheckId, l: string) => DETECT[id].label.test(l) || (id === 'contributions' && sideBrings(l));
  const has = (id: AgreementCheckId) => !!settled[id] || labels.some((l) => labelled(id, l)) || prose.some((l) => DETECT[id].prose.test(l));

  const sides = agreementHeading(text)?.sides ?? { yours: '', theirs: '' };
  // A section a Quick Fix adds is written in the agreement's own language.
  const writing = { language: agreementLanguage(text) };
  const empty = emptyAgreement();
  const missing: MissingAgreementItem[] = [];
  for (const item of AGREEMENT_ITEMS) {
    if (!has(item.id)) {
      missing.push({ id: item.id, title: item.title, section: agreementSection(item.id, empty, sides, writing) });
    } else if (item.id === 'timeline' && !has('review-date')) {
      missing.push({ id: 'review-date', title: CHECK_TITLES['review-date'], section: agreementSection('review-date', empty, sides, writing) });
    }
  }
  return { missing };
}

export interface PartnershipDiagnostic {
  start: number;
  end: number;
  message: string;
  /** `placeholder` or `missing-<item>` (`missing-review-date` for the review date). */
  code: string;
  fix?: { insertAt: number; text: string; title: string };
  /** For `placeholder`: every placeholder of the section, the first one at start..end. */
  placeholders?: { start: number; end: number; text: string }[];
}

/** The Problems panel's message for a missing item (a function: the translator is set at run time). */
const missingMessage = (id: AgreementCheckId): string =>
  ({
    contributions: () => l10n.t("The agreement doesn't say what each side contributes."),
    timeline: () => l10n.t('The agreement has no timeline: add the start date, the duration and a review date.'),
    'review-date': () => l10n.t('The agreement has no review date: pick the day you decide together whether to go on.'),
    success: () => l10n.t("The agreement doesn't say how success is measured: add a metric with a target."),
    communication: () => l10n.t('The agreement has no communication rhythm: name a primary contact on each side and how often you check in.'),
    exit: () => l10n.t('The agreement has no exit clause: say how either side can end the partnership gracefully.'),
  })[id]();

const fixTitle = (id: AgreementCheckId): string =>
  ({
    contributions: () => l10n.t('Add what each side contributes'),
    timeline: () => l10n.t('Add a timeline (start date, duration, review date)'),
    'review-date': () => l10n.t('Add a review date'),
    success: () => l10n.t('Add success metrics'),
    communication: () => l10n.t('Add contacts and check-ins'),
    exit: () => l10n.t('Add an exit clause'),
  })[id]();

/** The stages from which a record's agreement is checked: before, the terms are not agreed yet. */
const AGREED_STAGES = new Set(['agreed', 'active', 'ended']);

/**
 * A partnership record (front matter with a `partner`), its stage, and what its front matter
 * settles of the agreement. Undefined for any other document.
 */
function recordFacts(text: string): { stage: string; facts: AgreementFacts } | undefined {
  const fm = readFrontMatter(text);
  if (fm.kind !== 'yaml' || typeof fm.data.partner !== 'string' || fm.data[PARTNERSHIP_DOC_KEY] !== undefined) return undefined;
  const d = fm.data;
  const filled = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v instanceof Date || typeof v === 'number');
  const owners = d.owners && typeof d.owners === 'object' ? (d.owners as Record<string, unknown>) : {};
  const person = filled(owners.ours) || filled(owners.theirs) || filled(d.contact);
  return {
    stage: typeof d.stage === 'string' ? d.stage.trim().toLowerCase() : 'prospect',
    facts: { start: filled(d.start), review: filled(d.review), communication: filled(d.cadence) && person },
  };
}

/** At most this many placeholders are named in one section's message. */
const NAMED_PLACEHOLDERS = 4;

/**
 * The placeholders of a partnership document, one diagnostic per section (the text under one
 * heading): a new record's template leaves a few in each, and one line per section says what
 * is left without flooding the Problems panel. It sits on the section's first placeholder.
 */
function placeholderDiagnostics(text: string): PartnershipDiagnostic[] {
  const found = findPlaceholders(text);
  if (found.length === 0) return [];
  const headings = lines(maskCodeAndComments(text))
    .filter((l) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(l.text))
    .map((l) => l.start);
  const sectionOf = (offset: number) => {
    let section = -1;
    for (const h of headings) if (h <= offset) section = h;
    return section;
  };
  const groups = new Map<number, typeof found>();
  for (const p of found) {
    // A placeholder in a heading belongs to the section that heading opens.
    const key = sectionOf(p.start);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((group) => {
    const names = [...new Set(group.map((p) => p.text))];
    const named = names.slice(0, NAMED_PLACEHOLDERS).join(', ');
    const shown = names.length > NAMED_PLACEHOLDERS ? l10n.t('{0}, and {1} more', named, names.length - NAMED_PLACEHOLDERS) : named;
    const message = group.length === 1 ? l10n.t('{0} is still to be filled in.', group[0].text) : l10n.t('{0} placeholders to fill in here: {1}.', group.length, shown);
    return { start: group[0].start, end: group[0].end, message, code: 'placeholder', placeholders: group.map((p) => ({ start: p.start, end: p.end, text: p.text })) };
  });
}

/**
 * Placeholders in any partnership document, plus the missing items of an agreement: an
 * agreement document, or a partnership record from the stage `agreed` on (a prospect has no
 * terms yet). A record's front matter counts: `start`, `review` and `cadence` are its dates
 * and rhythm.
 */
export function diagnosePartnershipDoc(text: string): PartnershipDiagnostic[] {
  const record = recordFacts(text);
  const kind = record ? 'record' : partnershipDocKind(text);
  if (!kind) return [];
  const out = placeholderDiagnostics(text);
  if (record ? !AGREED_STAGES.has(record.stage) : kind !== 'agreement') return out;

  const { missing } = checkAgreement(text, record?.facts);
  if (missing.length === 0) return out;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withEol = (s: string) => s.replace(/\n/g, eol);
  const fm = readFrontMatter(text);
  const heading = agreementHeading(text) ?? firstH1(text);
  const anchor = heading ?? firstLine(text, fm.bodyOffset);
  const all = lines(text);
  const signOff = all.find((l) => l.start >= fm.bodyOffset && /^ {0,3}#{1,6}[ \t]+sign[- ]?off\b/i.test(l.text));
  const duration = all.find((l) => l.start >= fm.bodyOffset && /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?duration\b/i.test(l.text));

  for (const m of missing) {
    let fix: { insertAt: number; text: string };
    if (m.id === 'review-date' && duration) {
      fix = { insertAt: duration.end, text: withEol('\n' + m.section) };
    } else if (m.id === 'timeline' || m.id === 'review-date') {
      fix = heading ? { insertAt: heading.end, text: withEol('\n\n' + m.section) } : { insertAt: fm.bodyOffset, text: withEol(m.section + '\n\n') };
    } else if (signOff) {
      fix = { insertAt: signOff.start, text: withEol(m.section + '\n\n') };
    } else {
      const lead = text.length === 0 || /\n$/.test(text) ? '' : '\n';
      fix = { insertAt: text.length, text: withEol(lead + '\n' + m.section + '\n') };
    }
    out.push({
      start: anchor.start,
      end: anchor.end,
      message: missingMessage(m.id),
      code: `missing-${m.id}`,
      fix: { ...fix, title: fixTitle(m.id) },
    });
  }
  return out;
}

/** The first non-empty line at or after `from`, or an empty range there. */
function firstLine(text: string, from: number): { start: number; end: number } {
  for (const l of lines(text)) if (l.start >= from && l.text.trim() !== '') return { start: l.start, end: l.end };
  return { start: from, end: from };
}
