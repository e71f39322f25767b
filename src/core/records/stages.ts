/**
 * The pipeline's stages, in order: the record schema's vocabulary (src/core/records/schema.ts
 * re-exports it). A module of its own, without the schemas, so that a webview page can import
 * the stages without bundling zod's schema builders.
 */
export const STAGES = ['prospect', 'contacted', 'agreed', 'active', 'ended'] as const;
export type Stage = (typeof STAGES)[number];

/** Each stage's codicon, wherever a stage is shown (the planner, the board). */
export const STAGE_ICONS: Readonly<Record<Stage, string>> = { prospect: 'search', contacted: 'mail', agreed: 'pass', active: 'pulse', ended: 'circle-slash' };
