// The agreement checklist's part of the webview protocol (the shared part: src/webview/protocol.ts).
import * as z from 'zod/mini';
import { TEXT_LANGUAGES, type TextLanguage } from '../../core/textLanguage';
import { text, requestId, textLanguageMessage, type PanelContext } from '../../webview/protocol';

const side = <T extends z.ZodMiniType>(t: T) => z.optional(z.object({ yours: z.optional(t), theirs: z.optional(t) }));

/** AgreementState (src/core/agreement.ts) as the checklist sends it and workspace state keeps it. */
export const AgreementStateSchema = z.object({
  collaboration: z.optional(z.object({ type: z.optional(text(200)), topic: z.optional(text(500)) })),
  contributions: side(z.array(text(2_000)).check(z.maxLength(50))),
  duration: z.optional(text(100)),
  startDate: z.optional(text(100)),
  reviewDate: z.optional(text(100)),
  metrics: z.optional(z.array(z.object({ metric: text(300), target: text(300) })).check(z.maxLength(20))),
  contacts: side(text(300)),
  cadence: z.optional(text(300)),
  noticePeriod: z.optional(text(100)),
  practices: z.optional(z.record(text(50), z.boolean())),
  owners: side(text(300)),
});

/**
 * What the checklist keeps per workspace: the filled-in agreement, the two sides' names and the
 * language the document is written in (until one is picked, the last one picked for a pitch or
 * an agreement).
 */
export const AgreementChecklistSchema = z.object({
  state: AgreementStateSchema,
  sides: z.object({ yours: text(300), theirs: text(300) }),
  language: z.optional(z.enum(TEXT_LANGUAGES)),
});
export type AgreementChecklist = z.infer<typeof AgreementChecklistSchema>;

export const AgreementFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({ type: z.literal('openContext'), requestId }),
  z.object({ type: z.literal('update'), requestId, checklist: AgreementChecklistSchema }),
  z.object({ type: z.literal('generate'), requestId, target: z.enum(['untitled', 'file']), checklist: AgreementChecklistSchema }),
  z.object({ type: z.literal('reset'), requestId }),
  textLanguageMessage,
]);
export type AgreementFromWebview = z.infer<typeof AgreementFromWebview>;

export type AgreementToWebview =
  | { type: 'init'; checklist: AgreementChecklist; context: PanelContext; readOnly: boolean }
  | { type: 'context'; context: PanelContext };

export interface AgreementResults {
  ready: null;
  openContext: null;
  update: null;
  /** What happened, for the status line; absent when the user stopped (a dialog cancelled). */
  generate: { message?: string };
  reset: null;
  textLanguage: null;
}

/** The language the checklist's document is written in. */
export function checklistLanguage(c: AgreementChecklist, remembered: TextLanguage | undefined): TextLanguage {
  return c.language ?? remembered ?? 'en';
}
