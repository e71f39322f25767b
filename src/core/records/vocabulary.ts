/**
 * The record schema's small vocabularies besides the stages (src/core/records/stages.ts):
 * check-in cadences and the answers to "worth continuing?". src/core/records/schema.ts
 * re-exports them; a module of its own, without the schemas, so that a webview page can import
 * them without bundling zod's schema builders.
 */
export const CADENCES = ['weekly', 'bi-weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const WORTH_CONTINUING = ['yes', 'no', 'unsure'] as const;
export type WorthContinuing = (typeof WORTH_CONTINUING)[number];

/** The answers to "worth continuing?" as a scale, in the order a form offers them. */
export const WORTH_SCALE: readonly WorthContinuing[] = ['yes', 'unsure', 'no'];
