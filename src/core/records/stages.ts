/**
 * The pipeline's stages, in order: the record schema's vocabulary (src/core/records/schema.ts
 * re-exports it). A module of its own, without the schemas, so that a webview page can import
 * the stages without bundling zod's schema builders.
 */
export const STAGES = ['prospect', 'contacted', 'agreed', 'active', 'ended'] as const;
export type Stage = (typeof STAGES)[number];
