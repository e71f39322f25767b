/**
 * The messages between the extension and its webviews: one file, shared by both sides.
 * The extension checks every message from a webview against these schemas on arrival and
 * drops (and logs) anything else. No VS Code or Node import here: the webview scripts
 * import the types from this file too.
 */
import * as z from 'zod/mini';

const text = (max = 20_000) => z.string().check(z.maxLength(max));

// ---- Community context form -------------------------------------------------------------

export const ContextFormFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('save'),
    /** Label → value, for the fields the form shows. Empty string means unknown (TBD). */
    values: z.record(text(200), text()),
  }),
  z.object({ type: z.literal('openFile') }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('state'), step: z.number().check(z.int(), z.gte(0), z.lte(20)) }),
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
      filePath: string;
      sections: ContextFormSection[];
      readOnly: boolean;
    }
  | { type: 'saved'; filePath: string; changed: number }
  | { type: 'error'; message: string }
  | { type: 'busy'; busy: boolean };

/** Parses a message from a webview with a schema; undefined when it does not match. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const r = schema.safeParse(message);
  return r.success ? r.data : undefined;
}
