/**
 * The community context file's sections and labels, exactly as the community skill family
 * writes them, and where the file is by default: a module of its own, without the synonyms and
 * translations of ./labels, so that activation (the status bar, the settings) loads only this.
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

/** Labels whose value is a count of people: read with `readCount`. */
export const COUNT_LABELS: readonly ContextLabel[] = ['Current size', 'Active members'];

export const DEFAULT_CONTEXT_PATH = '.claude/community-context.md';
