import type { ErrorCode, Reply, RequestFailure } from '../protocol';
import type { VsCodeApi } from './dom';

/** A request the extension answered with an error: its code and the message for the user. */
export class RequestFailed extends Error implements RequestFailure {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Without<M, K extends keyof never> = M extends unknown ? Omit<M, K> : never;

export interface Client<M extends { type: string }, R extends { [K in M['type']]: unknown }> {
  /** Sends a request and resolves with its reply's result, or rejects with RequestFailed. */
  request<T extends Without<M, 'requestId'>>(message: T): Promise<R[T['type'] & M['type']]>;
  /** Sends a message that needs no answer (a draft saved as the user types). */
  notify(message: Without<M, 'requestId'>): void;
}

/**
 * The page's side of the request/reply protocol: each request gets the next id, and the reply
 * of that id settles its promise. Replies are taken off the message stream here; everything
 * else goes to the page's own handler. `initial`: the messages the page had in its HTML
 * (initialMessages); the same message coming again with `ready` is not handled twice.
 */
export function client<M extends { type: string }, R extends { [K in M['type']]: unknown }>(api: VsCodeApi<unknown>, onMessage: (message: { type: string }) => void, initial: readonly { type: string }[] = []): Client<M, R> {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const had = initial.map((m) => JSON.stringify(m));
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const m = event.data as Reply | { type?: unknown } | null;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    if (m.type === 'reply') {
      const r = m as Reply;
      const p = pending.get(r.requestId);
      if (!p) return;
      pending.delete(r.requestId);
      if (r.ok) p.resolve(r.result);
      else p.reject(new RequestFailed(r.error.code, r.error.message));
      return;
    }
    if (had.length) {
      const again = had.indexOf(JSON.stringify(m));
      if (again >= 0) {
        had.splice(again, 1);
        return;
      }
    }
    onMessage(m as { type: string });
  });
  return {
    request(message) {
      const requestId = next++;
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
        api.postMessage({ ...message, requestId });
      });
    },
    notify(message) {
      api.postMessage(message);
    },
  };
}

/** The message to show for a failed request. */
export function failureText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The messages the host put in the page's HTML (webviewHtml's `initial`): what `ready` would
 * bring, there before the page has asked, so the first render needs no round trip. Only
 * objects with a `type` are taken; anything else in the element is ignored.
 */
export function initialMessages(): { type: string }[] {
  const text = document.getElementById('initial-messages')?.textContent;
  if (!text) return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((m): m is { type: string } => typeof m?.type === 'string') : [];
  } catch {
    return [];
  }
}
