/**
 * The community context file's sections and labels, exactly as the community skill family
 * writes them (`## Section` headings and `- **Label:** value` lines).
 */
export const CONTEXT_SECTIONS = [
  {
    title: 'Community Overview',
    labels: ['Community Name', 'One-line description', 'Community type', 'Primary platform', 'Secondary platforms', 'Community URL', 'Founded', 'Current size'],
  },
  {
    title: 'Purpose and Positioning',
    labels: ['Mission', 'Who is this for', 'Who is this NOT for', 'Core value proposition', 'Positioning statement'],
  },
  {
    title: 'Business Context',
    labels: ['Relationship to business', 'Company/brand', 'Product/service', 'Revenue model', 'Primary business goal'],
  },
  {
    title: 'Member Profile',
    labels: ['Demographics', 'Psychographics', 'Where they hang out online', 'What they talk about', 'Language/jargon'],
  },
  {
    title: 'Current State',
    labels: ['Stage', 'Active members', 'Engagement level', 'Team', 'Budget', 'Tools in use', 'Existing programs'],
  },
  {
    title: 'Goals and Challenges',
    labels: ['Primary goal (next 90 days)', 'Secondary goals', 'Biggest challenge right now', "What's working well", "What's not working"],
  },
  {
    title: 'Culture and Voice',
    labels: ['Community personality', 'Tone', 'Values', 'Taboo topics'],
  },
] as const;

export type ContextSectionTitle = (typeof CONTEXT_SECTIONS)[number]['title'];
export type ContextLabel = (typeof CONTEXT_SECTIONS)[number]['labels'][number];

export const CONTEXT_LABELS: readonly ContextLabel[] = CONTEXT_SECTIONS.flatMap((s) => [...s.labels]);

/** Labels whose value is a count of people: parsed with `parseCount`. */
export const COUNT_LABELS: readonly ContextLabel[] = ['Current size', 'Active members'];

/** The section a label belongs to. */
export function sectionOf(label: ContextLabel): ContextSectionTitle {
  for (const s of CONTEXT_SECTIONS) if ((s.labels as readonly string[]).includes(label)) return s.title;
  throw new Error(`Unknown label ${label}`);
}

/**
 * A key for matching labels and front matter keys loosely: `Community Name`,
 * `community_name`, `communityName` and `COMMUNITY NAME` all give `communityname`.
 */
export function labelKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, ContextLabel>(CONTEXT_LABELS.map((l) => [labelKey(l), l]));

/** The canonical label for a loosely written one, or undefined. */
export function canonicalLabel(text: string): ContextLabel | undefined {
  return BY_KEY.get(labelKey(text));
}

export const DEFAULT_CONTEXT_PATH = '.claude/community-context.md';
