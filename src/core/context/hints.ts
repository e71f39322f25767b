import { TEMPLATE_GUIDANCE, type ContextLabel } from './labels';

/**
 * What the context form says under each field: the family's own guidance, verbatim, where its
 * template gives one (what each field means is the family's, so its words are quoted, never
 * reworded); a short example for the fields it leaves without guidance.
 */
export const LABEL_GUIDANCE: Readonly<Partial<Record<ContextLabel, string>>> = TEMPLATE_GUIDANCE;

/** An example shown in an empty field that the template gives no guidance for. */
export const LABEL_EXAMPLES: Readonly<Partial<Record<ContextLabel, string>>> = {
  'Community Name': 'e.g. Acme Devs',
  'One-line description': 'What the community is, in one sentence',
  'Secondary platforms': 'e.g. GitHub Discussions, YouTube, a newsletter',
  'Community URL': 'https://…',
  'Primary goal (next 90 days)': 'The one thing that matters most in the next 90 days',
  'Secondary goals': 'Other goals',
  'Biggest challenge right now': 'What holds the community back today',
  "What's working well": 'What to keep doing',
  "What's not working": 'What to change',
};

/** Labels whose values tend to run to several sentences or items: a text area in the form. */
export const MULTILINE_LABELS: ReadonlySet<ContextLabel> = new Set<ContextLabel>([
  'Mission',
  'Who is this for',
  'Core value proposition',
  'Positioning statement',
  'Demographics',
  'Psychographics',
  'Where they hang out online',
  'What they talk about',
  'Team',
  'Existing programs',
  'Secondary goals',
  'Biggest challenge right now',
  "What's working well",
  "What's not working",
  'Values',
]);
