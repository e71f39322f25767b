/**
 * The messages between the extension and its webviews, shared by both sides: what every page
 * has in common (requests and replies, the panel context), here; each feature's own messages in
 * src/features/<name>/protocol.ts. The extension checks every message from a webview against
 * these schemas on arrival and drops (and logs) anything else. No VS Code or Node import in
 * any of them: the webview scripts import the types from these files too.
 */
import * as z from 'zod/mini';
import { TEXT_LANGUAGES } from '../core/textLanguageNames';

export const text = (max = 20_000) => z.string().check(z.maxLength(max));

// ---- Requests and replies ---------------------------------------------------------------
// Every message a page sends is a request: it carries a `requestId`, and the extension answers
// each one with a `reply` of that id, holding the request's result or a typed error
// (src/host/webviewIpc.ts on this side, src/webview/lib/rpc.ts in the page). A message
// that does not match the protocol is dropped and logged, and answered `invalid` when its id
// can be read. The extension's own news (the context changed, the records changed) comes as
// messages of their own type, never as replies.

/** Optional so that a page's fire-and-forget message (a draft saved as you type) needs no answer. */
export const requestId = z.optional(z.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)));

/** The user picked the language of the text (pitch, agreement): remembered for the next one. */
export const textLanguageMessage = z.object({ type: z.literal('textLanguage'), requestId, language: z.enum(TEXT_LANGUAGES) });

export const ERROR_CODES = ['invalid', 'notFound', 'readOnly', 'writeFailed', 'cancelled', 'failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RequestFailure {
  code: ErrorCode;
  /** For the user: what happened and, where there is one, what to do. */
  message: string;
}

export type Reply = { type: 'reply'; requestId: number; ok: true; result: unknown } | { type: 'reply'; requestId: number; ok: false; error: RequestFailure };

/** The result type of each request type of a page. */
export type Results<M extends { type: string }> = { [K in M['type']]: unknown };

/** Parses a message from a webview with a schema; undefined when it does not match. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const r = schema.safeParse(message);
  return r.success ? r.data : undefined;
}

// ---- The context a panel shows (pitch, agreement) ----------------------------------------

/** The context values the pitch and the agreement draw on, label → value ('' when unknown). */
export type ContextValuesMessage = Record<string, string>;

/** The context of the panel's folder, sent on `ready` and whenever the context file changes. */
export interface PanelContext {
  folderName: string;
  /** Workspace-relative path of the context file. */
  contextPath: string;
  state: 'ok' | 'missing' | 'unreadable';
  values: ContextValuesMessage;
}
