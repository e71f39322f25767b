import type { ContextLabel } from './context/sections';

/**
 * The context labels the pitch draws on (domain.md, "What feeds what"). A module of its own, so
 * that the panels' shared helpers (src/host/partnershipPanels.ts) do not load the pitch's texts.
 */
export const PITCH_CONTEXT_LABELS: readonly ContextLabel[] = [
  'Community Name',
  'One-line description',
  'Who is this for',
  'Current size',
  'Active members',
  'Engagement level',
  'Core value proposition',
];

