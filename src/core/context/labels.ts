import { findDate } from './dates';
import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel, type ContextSectionTitle } from './sections';
import { HISTORY_WORDS, TRANSLATED_LABELS, TRANSLATED_SECTIONS } from './translations';

/**
 * The community context file's sections and labels (./sections, as the community skill family
 * writes them: `## Section` headings and `- **Label:** (guidance)` lines), the guidance its
 * template leaves in an unfilled field, and the ways people and assistants reword them: the one
 * table of synonyms the reader, the updater and the restructuring Quick Fix share.
 */
export { CONTEXT_SECTIONS, CONTEXT_LABELS, COUNT_LABELS, DEFAULT_CONTEXT_PATH, type ContextLabel, type ContextSectionTitle } from './sections';

/**
 * The guidance the family's template writes in parentheses after a label, verbatim
 * (Studio-Self/Tribalism, "Community Context" skill). A field that still holds it is unfilled.
 */
export const TEMPLATE_GUIDANCE: Readonly<Partial<Record<ContextLabel, string>>> = {
  'Community type': 'brand community, creator community, professional network, open source, interest-based, learning community, product community',
  'Primary platform': 'Discord, Slack, Circle, Forum, etc.',
  Founded: 'date or "planning stage"',
  'Current size': 'member count or "pre-launch"',
  Mission: 'why does this community exist?',
  'Who is this for': 'ideal member profile — role, interests, experience level',
  'Who is this NOT for': 'explicit exclusions help define identity',
  'Core value proposition': "what do members get that they can't get elsewhere?",
  'Positioning statement': 'For [audience] who [need], [community name] is the [category] that [differentiator]',
  'Relationship to business': 'product community, marketing channel, standalone business, internal community',
  'Company/brand': 'name, what it does',
  'Product/service': 'what the parent company sells, if applicable',
  'Revenue model': 'free, freemium, paid, sponsorship, none',
  'Primary business goal': 'retention, acquisition, support deflection, brand awareness, revenue',
  Demographics: 'profession, seniority, industry, geography',
  Psychographics: 'motivations, pain points, aspirations',
  'Where they hang out online': 'other communities, social platforms, forums',
  'What they talk about': 'topics, questions, problems',
  'Language/jargon': 'terms they use, tone they respond to',
  Stage: 'idea, pre-launch, early, growing, mature, declining',
  'Active members': 'DAU/WAU/MAU if known',
  'Engagement level': 'high/medium/low, qualitative description',
  Team: 'who manages the community — size, roles, time allocation',
  Budget: 'monthly/annual, if applicable',
  'Tools in use': 'platforms, bots, analytics, moderation tools',
  'Existing programs': 'events, ambassador program, content series, etc.',
  'Community personality': 'professional, casual, nerdy, rebellious, supportive, etc.',
  Tone: 'formal, informal, playful, direct',
  Values: '3-5 core values the community operates by',
  'Taboo topics': "what's off-limits or unwelcome",
};

/**
 * Other ways the labels are written. `strong` ones are read anywhere, nested under another
 * label too; `weak` ones are common words (`Name`, `Size`, `Goal`) read only where they stand
 * on their own, not as a sub-item of another label, where they usually describe that value.
 */
const LABEL_SYNONYMS: Readonly<Record<ContextLabel, { strong?: readonly string[]; weak?: readonly string[] }>> = {
  'Community Name': { strong: ['Name of the community', 'Community title'], weak: ['Name', 'Community'] },
  'One-line description': { strong: ['One line description', 'One-liner', 'Oneliner', 'Short description', 'Tagline', 'Elevator pitch', 'In one line'], weak: ['Description', 'Summary', 'About'] },
  'Community type': { strong: ['Type of community', 'Kind of community', 'Community category'], weak: ['Type', 'Category'] },
  'Primary platform': { strong: ['Main platform', 'Home platform', 'Primary platforms', 'Primary channel', 'Main channel'], weak: ['Platform', 'Home'] },
  'Secondary platforms': { strong: ['Secondary platform', 'Other platforms', 'Additional platforms', 'Other channels', 'Secondary channels'], weak: ['Also on'] },
  'Community URL': { strong: ['Community link', 'Invite link', 'Join link', 'Community website'], weak: ['URL', 'Link', 'Website', 'Homepage', 'Web'] },
  Founded: { strong: ['Founded in', 'Founding date', 'Year founded', 'Launch date', 'Launched', 'Started', 'Date founded', 'Established'], weak: ['Since', 'Created'] },
  'Current size': {
    strong: ['Community size', 'Member count', 'Total members', 'Number of members', 'Current members', 'Current member count', 'Membership size', 'Members total'],
    weak: ['Size', 'Members', 'Membership', 'Audience size'],
  },
  Mission: { strong: ['Mission statement', 'Our mission', 'Why we exist'], weak: ['Purpose'] },
  'Who is this for': {
    strong: ['Who it is for', "Who it's for", 'Who this is for', 'Who is it for', 'Target audience', 'Ideal member', 'Ideal member profile', 'Ideal members', 'Target members', 'For whom'],
    weak: ['Audience', 'For'],
  },
  'Who is this NOT for': { strong: ['Who it is not for', "Who it's not for", 'Who this is not for', 'Who is it not for', 'Not for', 'Not a fit', 'Exclusions'] },
  'Core value proposition': { strong: ['Value proposition', 'Value prop', 'Core value prop', 'Member value proposition', 'What members get', 'Why join'] },
  'Positioning statement': { strong: ['Positioning'] },
  'Relationship to business': { strong: ['Relationship to the business', 'Business relationship', 'Relation to business', 'Relationship to company'] },
  'Company/brand': { strong: ['Company or brand', 'Company and brand', 'Parent company', 'Brand/company'], weak: ['Company', 'Brand', 'Organisation', 'Organization'] },
  'Product/service': { strong: ['Product or service', 'Products/services', 'Products and services', 'Product and service'], weak: ['Product', 'Products', 'Service', 'Services'] },
  'Revenue model': { strong: ['Business model', 'Monetisation', 'Monetization', 'Monetisation model', 'Monetization model'] },
  'Primary business goal': { strong: ['Business goal', 'Main business goal', 'Primary business objective', 'Business objective'] },
  Demographics: { strong: ['Demographic', 'Member demographics'] },
  Psychographics: { strong: ['Psychographic', 'Member psychographics'] },
  'Where they hang out online': { strong: ['Where they hang out', 'Where members hang out', 'Where members hang out online', 'Online hangouts', 'Where they spend time online'], weak: ['Hangouts'] },
  'What they talk about': { strong: ['What members talk about', 'Common topics', 'Conversation topics', 'Topics they discuss'], weak: ['Topics'] },
  'Language/jargon': { strong: ['Language and jargon', 'Language & jargon', 'Jargon', 'Lingo', 'Vocabulary', 'Jargon/language'], weak: ['Language'] },
  Stage: { strong: ['Community stage', 'Current stage', 'Lifecycle stage', 'Growth stage'], weak: ['Phase'] },
  'Active members': {
    strong: ['Active users', 'Monthly active members', 'Monthly active users', 'Weekly active members', 'Daily active members', 'Active member count', 'Active members (MAU)', 'Active contributors'],
    weak: ['MAU', 'WAU', 'DAU', 'Active', 'Actives'],
  },
  'Engagement level': { strong: ['Engagement', 'Engagement levels', 'Level of engagement', 'Activity level'], weak: ['Activity'] },
  Team: { strong: ['Team / roles', 'Team and roles', 'Team & roles', 'Community team', 'Who runs it', 'Who runs the community', 'Team members'], weak: ['Roles', 'Staff'] },
  Budget: { strong: ['Community budget', 'Monthly budget', 'Annual budget', 'Yearly budget'] },
  'Tools in use': { strong: ['Tools', 'Tooling', 'Tools used', 'Tech stack', 'Tool stack', 'Community tools'], weak: ['Stack'] },
  'Existing programs': { strong: ['Existing programmes', 'Programs', 'Programmes', 'Current programs', 'Current programmes', 'Existing initiatives', 'Initiatives'] },
  'Primary goal (next 90 days)': {
    strong: ['Primary goal', 'Primary goal next 90 days', 'Goal (next 90 days)', 'Main goal', 'Main goal (next 90 days)', '90-day goal', '90 day goal', 'Next 90 days', 'Top goal'],
    weak: ['Goal'],
  },
  'Secondary goals': { strong: ['Secondary goal', 'Other goals'] },
  'Biggest challenge right now': { strong: ['Biggest challenge', 'Main challenge', 'Key challenge', 'Top challenge', 'Current challenge'], weak: ['Challenge', 'Challenges'] },
  "What's working well": { strong: ['What is working well', "What's working", 'What is working', 'Working well', 'What works'], weak: ['Wins'] },
  "What's not working": { strong: ['What is not working', "What isn't working", 'What is not working well', "What's not working well", "What doesn't work", 'Not working'] },
  'Community personality': { strong: ['Personality'], weak: ['Vibe', 'Character'] },
  Tone: { strong: ['Tone of voice', 'Voice and tone', 'Tone and voice', 'Brand voice'], weak: ['Voice'] },
  Values: { strong: ['Core values', 'Community values', 'Our values'], weak: ['Principles'] },
  'Taboo topics': { strong: ['Taboos', 'Taboo', 'Off-limits', 'Off-limits topics', 'Off limits', 'Topics to avoid', 'No-go topics'] },
};

/** Other ways the section headings are written. */
const SECTION_SYNONYMS: Readonly<Record<ContextSectionTitle, readonly string[]>> = {
  'Community Overview': ['Overview', 'Community', 'About', 'About the community', 'Community basics', 'Basics', 'Community profile', 'Community snapshot'],
  'Purpose and Positioning': ['Purpose', 'Positioning', 'Mission and positioning', 'Purpose, positioning'],
  'Business Context': ['Business', 'Business context and goals', 'Business model'],
  'Member Profile': ['Members', 'Member profiles', 'Our members', 'Member persona', 'Audience', 'Audience profile'],
  'Current State': ['State', 'Status', 'Current status', 'Where we are', 'Where we are now', 'Community state', 'Metrics', 'Current metrics', 'Health'],
  'Goals and Challenges': ['Goals', 'Challenges', 'Goals, challenges', 'Goals and obstacles'],
  'Culture and Voice': ['Culture', 'Voice', 'Culture, voice', 'Voice and culture', 'Culture and tone', 'Tone and voice'],
};

/** The section a label belongs to. */
export function sectionOf(label: ContextLabel): ContextSectionTitle {
  for (const s of CONTEXT_SECTIONS) if ((s.labels as readonly string[]).includes(label)) return s.title;
  throw new Error(`Unknown label ${label}`);
}

/**
 * A key for matching labels, headings and front matter keys loosely: `Community Name`,
 * `community_name`, `communityName` and `COMMUNITY NAME` all give `communityname`; `&` reads
 * as `and`.
 */
export function labelKey(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/&/g, 'and').replace(/ß/g, 'ss').replace(/[^\p{L}\p{N}]/gu, '');
}

/** `Communauté` → `communaute`: accents do not tell two labels apart. */
export function foldAccents(text: string): string {
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
}

const EXACT = new Map<string, ContextLabel>();
const STRONG = new Map<string, ContextLabel>();
const WEAK = new Map<string, ContextLabel>();
for (const label of CONTEXT_LABELS) {
  EXACT.set(labelKey(label), label);
  for (const s of LABEL_SYNONYMS[label].strong ?? []) STRONG.set(labelKey(s), label);
  for (const s of LABEL_SYNONYMS[label].weak ?? []) WEAK.set(labelKey(s), label);
}
for (const label of CONTEXT_LABELS) {
  for (const t of TRANSLATED_LABELS[label]) if (!EXACT.has(labelKey(t)) && !STRONG.has(labelKey(t))) STRONG.set(labelKey(t), label);
}
export { findDate };

const SECTIONS = new Map<string, ContextSectionTitle>();
for (const s of CONTEXT_SECTIONS) {
  SECTIONS.set(labelKey(s.title), s.title);
  for (const syn of SECTION_SYNONYMS[s.title]) SECTIONS.set(labelKey(syn), s.title);
  for (const syn of TRANSLATED_SECTIONS[s.title]) if (!SECTIONS.has(labelKey(syn))) SECTIONS.set(labelKey(syn), s.title);
}

/** Emoji, symbols, numbering and such before or after a label or heading: `📊`, `1.`, `2)`, `A.`, `#`. */
export function stripDecoration(text: string): string {
  let s = text.trim();
  // Leading symbols and emoji (with their joiners and variation selectors), then a numbering.
  for (let guard = 0; guard < 4; guard++) {
    const before = s;
    s = s.replace(/^[\p{Extended_Pictographic}\p{So}\p{Sk}\u200d\ufe0f\u20e3#>|•·–—\-=~*_\s]+/u, '');
    s = s.replace(/^(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,4})[.)][ \t]*/, '');
    s = s.replace(/^(?:step|part|section)[ \t]+\d{1,3}[ \t]*[:.)-]?[ \t]*/i, '');
    if (s === before) break;
  }
  return trimEndWhile(s, (ch) => /[\s\p{Extended_Pictographic}\p{So}\u200d\ufe0f]/u.test(ch));
}

/** Drops characters from the end while they match (a scan from the end: linear on any text). */
function trimEndWhile(s: string, drop: (ch: string) => boolean): string {
  if (s === '' || /[A-Za-z0-9.)]$/.test(s)) return s;
  const chars = [...s];
  let end = chars.length;
  while (end > 0 && drop(chars[end - 1])) end--;
  return chars.slice(0, end).join('');
}

const trimQuestionAndColon = (s: string) => trimEndWhile(s, (ch) => ch === '?' || ch === ':' || ch === ' ');

/** `Current State - March 2026`, `Goals: Q3` → the part before the dash or colon. */
function beforeSubtitle(s: string): string {
  let cut = s.length;
  for (const sep of [' - ', ' – ', ' — ', ': ', ' (']) {
    const i = s.indexOf(sep);
    if (i > 0 && i < cut) cut = i;
  }
  return s.slice(0, cut);
}

/** Drops parenthesised asides at the end: `Active members (MAU)` → `Active members`. */
function withoutTrailingAside(text: string): string {
  let s = text.trim();
  for (let guard = 0; guard < 3 && s.endsWith(')'); guard++) {
    const open = s.lastIndexOf('(');
    if (open <= 0) break;
    s = s.slice(0, open).trim();
  }
  return s;
}

/** A label as matched: the canonical label, what qualified it, and whether it calls itself past. */
export interface LabelReading {
  label: ContextLabel;
  /** A qualifier that dates the value (`as of May 2026`): kept with the value. */
  qualifier?: string;
  /** The label says its value is no longer current (`Previous size`, `Current size (old)`). */
  history: boolean;
}

function words(text: string): string[] {
  return foldAccents(text.toLowerCase()).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether a heading, label or qualifier says that what it holds is past (history, changelog, old, archived...). */
export function callsItselfHistory(text: string): boolean {
  return words(text).some((w) => HISTORY_WORDS.has(w)) || labelKey(text).includes('changelog');
}

/**
 * The ways a label is cut from what qualifies it, each as (label, qualifier): the whole text, then
 * before a parenthesis, `as of`, a comma, a dash or a slash (`Current size (as of May 2026)`,
 * `Active members, last 30 days`, `Team / roles`).
 */
function qualifiedForms(text: string): [string, string][] {
  const out: [string, string][] = [[text, '']];
  const aside = withoutTrailingAside(text);
  if (aside !== text) out.push([aside, text.slice(aside.length).trim().replace(/^\(/, '').replace(/\)$/, '')]);
  const lower = text.toLowerCase();
  const cuts = [' as of ', ' as at ', ',', ' - ', ' – ', ' — ', ' / ', '/', ' (', ' au ', ' stand ', ' per ', ' in '];
  for (const cut of cuts) {
    const i = lower.indexOf(cut);
    if (i > 0) out.push([text.slice(0, i), text.slice(i + cut.length).replace(/\)\s*$/, '').trim().replace(/^[:,]\s*/, '')]);
  }
  return out;
}

const HISTORY_PREFIXES = new Set(['previous', 'old', 'former', 'earlier', 'past', 'prior', 'ancien', 'ancienne', 'anterior', 'antiguo', 'antigo', 'alte', 'alter', 'altes', 'fruhere', 'fruherer', 'vorherige', 'vorheriger', 'precedente', 'vecchio', 'vecchia']);

/**
 * The label a loosely written one stands for, with its qualifier, or undefined. `nested`: the
 * label stands under another label, where only the exact labels and their unambiguous rewordings
 * count. Qualifiers in parentheses or after `as of`, a comma, a dash or a slash are removed
 * before matching; a qualifier that holds a date is kept, to go with the value.
 */
export function matchLabel(text: string, options: { nested?: boolean } = {}): LabelReading | undefined {
  let cleaned = trimQuestionAndColon(stripDecoration(text));
  let history = false;
  const first = /^\p{L}+/u.exec(cleaned)?.[0];
  if (first && HISTORY_PREFIXES.has(foldAccents(first.toLowerCase())) && cleaned.length > first.length + 2) {
    const rest = cleaned.slice(first.length).trim();
    if (lookup(rest, options) && !lookup(cleaned, options)) {
      cleaned = rest;
      history = true;
    }
  }
  for (const [form, qualifier] of qualifiedForms(cleaned)) {
    const found = lookup(form, options);
    if (!found) continue;
    const past = history || (qualifier !== '' && callsItselfHistory(qualifier));
    // A date, or the periods of figures given in order (`DAU/WAU/MAU`), carries meaning for the value.
    const dated = qualifier !== '' && (findDate(qualifier) !== undefined || /^[dwm]au(?:[ \t]*\/[ \t]*[dwm]au){1,2}$/i.test(qualifier.trim()));
    return { label: found, history: past, ...(dated ? { qualifier } : {}) };
  }
  return undefined;
}

function lookup(text: string, options: { nested?: boolean }): ContextLabel | undefined {
  const key = labelKey(text);
  if (key === '') return undefined;
  return EXACT.get(key) ?? STRONG.get(key) ?? (options.nested ? undefined : WEAK.get(key));
}

/**
 * The canonical label for a loosely written one, or undefined. `nested`: the label stands under
 * another label, where only the exact labels and their unambiguous rewordings count.
 */
export function canonicalLabel(text: string, options: { nested?: boolean } = {}): ContextLabel | undefined {
  return matchLabel(text, options)?.label;
}

/** The family's section a heading names, or undefined (`📊 Current State`, `2. Purpose & Positioning`). */
export function canonicalSection(heading: string): ContextSectionTitle | undefined {
  const cleaned = trimQuestionAndColon(stripDecoration(heading));
  for (const a of [cleaned, withoutTrailingAside(cleaned), beforeSubtitle(cleaned)]) {
    const found = SECTIONS.get(labelKey(a));
    if (found) return found;
  }
  return undefined;
}

