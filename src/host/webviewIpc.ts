import type * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { preview, type Router, type RouterStats } from './messages';
import type { ErrorCode, Reply, RequestFailure } from '../webview/protocol';

/**
 * An error a request handler throws on purpose: the page gets it as a typed error in the reply
 * (`{ ok: false, error: { code, message } }`), and it is neither logged nor counted as a failure.
 * Anything else a handler throws is a bug: logged, counted, answered `failed`.
 */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** One handler per request type; each returns that type's result (see `*Results` in the protocol). */
export type Handlers<M extends { type: string }, R extends { [K in M['type']]: unknown }> = {
  [K in M['type']]: (message: Extract<M, { type: K }>) => R[K] | Promise<R[K]>;
};

function requestIdOf(raw: unknown): number | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  let id: unknown;
  try {
    id = (raw as { requestId?: unknown }).requestId;
  } catch {
    return undefined;
  }
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/**
 * The router of a webview: every message is checked against the page's schema, handled by the
 * handler of its type, and answered with a reply of its `requestId` (the result, or a typed
 * error). A message that does not match is dropped, logged and, when its id can be read,
 * answered `invalid`. Nothing a page sends can throw out of here.
 */
export function ipcRouter<M extends { type: string; requestId?: number }, R extends { [K in M['type']]: unknown }>(
  schema: z.ZodMiniType<M>,
  name: string,
  log: Pick<vscode.LogOutputChannel, 'warn' | 'error'>,
  reply: (message: Reply) => void,
  handlers: Handlers<M, R>,
  stats: RouterStats = { handled: 0, dropped: 0, failed: 0 },
): Router {
  const fail = (requestId: number | undefined, error: RequestFailure) => {
    if (requestId !== undefined) reply({ type: 'reply', requestId, ok: false, error });
  };
  return async (raw: unknown) => {
    let parsed: { success: true; data: M } | { success: false };
    try {
      parsed = schema.safeParse(raw) as typeof parsed;
    } catch {
      parsed = { success: false };
    }
    if (!parsed.success) {
      stats.dropped++;
      log.warn(`${name}: dropped a message that does not match the protocol: ${preview(raw)}`);
      fail(requestIdOf(raw), { code: 'invalid', message: 'The extension did not understand that request.' });
      return;
    }
    const message = parsed.data;
    stats.handled++;
    try {
      const handler = handlers[message.type as M['type']] as (m: M) => unknown;
      const result = await handler(message);
      if (message.requestId !== undefined) reply({ type: 'reply', requestId: message.requestId, ok: true, result: result ?? null });
    } catch (err) {
      if (err instanceof RequestError) {
        fail(message.requestId, { code: err.code, message: err.message });
        return;
      }
      stats.failed++;
      log.error(`${name}: handling ${preview(raw)} failed`, err);
      fail(message.requestId, { code: 'failed', message: `Something went wrong: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
}
