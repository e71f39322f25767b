// The context form's part of the webview protocol (the shared part: src/webview/protocol.ts).
import * as z from 'zod/mini';
import { text, requestId } from '../../webview/protocol';

// ---- Community context form -------------------------------------------------------------

export const ContextFormFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({
    type: z.literal('save'),
    requestId,
    /** Label → value, for the fields the form shows. Empty string means unknown (TBD). */
    values: z.record(text(200), text()),
  }),
  z.object({ type: z.literal('openFile'), requestId }),
  z.object({ type: z.literal('cancel'), requestId }),
  z.object({ type: z.literal('state'), requestId, step: z.number().check(z.int(), z.gte(0), z.lte(20)) }),
  /** What the form holds now, as the user types: kept per workspace until it is saved or discarded. */
  z.object({ type: z.literal('draft'), requestId, values: z.record(text(200), text()) }),
]);
export type ContextFormFromWebview = z.infer<typeof ContextFormFromWebview>;

export interface ContextFormField {
  label: string;
  value: string;
}
export interface ContextFormSection {
  title: string;
  fields: ContextFormField[];
}
export type ContextFormToWebview =
  | {
      type: 'init';
      mode: 'create' | 'update';
      folderName: string;
      /** The workspace folder's URI: what the panel is restored to after a reload. */
      folder: string;
      filePath: string;
      sections: ContextFormSection[];
      readOnly: boolean;
      /** Values typed earlier and never saved (the form was closed), label → value. */
      draft?: Record<string, string>;
    }
  | { type: 'busy'; busy: boolean };

export interface ContextFormResults {
  ready: null;
  /** Absent when the form closed (a new file was created and opened). */
  save: { filePath: string; changed: number } | null;
  openFile: null;
  cancel: null;
  state: null;
  draft: null;
}
