// The outreach pitch's part of the webview protocol (the shared part: src/webview/protocol.ts).
import * as z from 'zod/mini';
import { PITCH_VARIANTS, TEXT_LANGUAGES, type TextLanguage } from '../../core/pitch';
import { text, requestId, textLanguageMessage, type PanelContext } from '../../webview/protocol';

export const PITCH_ACTIONS = ['insert', 'newDocument', 'copy', 'mail'] as const;
export type PitchAction = (typeof PITCH_ACTIONS)[number];

/** What the pitch form holds, kept per workspace so that closing the panel loses nothing. */
export const PitchDraftSchema = z.object({
  variant: z.enum(PITCH_VARIANTS),
  values: z.record(text(50), text(5_000)),
  overridden: z.array(text(50)).check(z.maxLength(20)),
  /** The language of the pitch's text. */
  language: z.optional(z.enum(TEXT_LANGUAGES)),
});
export type PitchDraft = z.infer<typeof PitchDraftSchema>;

export const PitchFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({ type: z.literal('openContext'), requestId }),
  z.object({
    type: z.literal('action'),
    requestId,
    action: z.enum(PITCH_ACTIONS),
    /** The pitch as the user sees it in the preview. */
    subject: text(1_000),
    body: text(),
    /** The same pitch as a partnership document (front matter, subject, body). */
    markdown: text(22_000),
    /** The partner's address, for the mail action only. */
    to: z.optional(text(500)),
  }),
  /** The form as the user left it; `null` when it is cleared. */
  z.object({ type: z.literal('draft'), requestId, draft: z.nullable(PitchDraftSchema) }),
  textLanguageMessage,
]);
export type PitchFromWebview = z.infer<typeof PitchFromWebview>;

export type PitchToWebview = { type: 'context'; context: PanelContext } | { type: 'textLanguage'; language: TextLanguage };

export interface PitchResults {
  /** The draft kept for this workspace, for a panel that starts empty. */
  ready: { draft?: PitchDraft };
  openContext: null;
  action: { message: string };
  draft: null;
  textLanguage: null;
}
