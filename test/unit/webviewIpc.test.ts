import * as assert from 'node:assert';
import { ipcRouter, RequestError } from '../../src/host/webviewIpc';
import { Disposable, DisposableStore } from '../../src/host/dispose';
import { ContextFormFromWebview } from '../../src/features/contextForm/protocol';
import { PlannerFromWebview, type PlannerResults } from '../../src/features/planner/protocol';
import { type Reply } from '../../src/webview/protocol';
import { hostileMessages } from '../lib/hostileMessages';
import type { Handlers } from '../../src/host/webviewIpc';

function router(handlers: Partial<Handlers<PlannerFromWebview, PlannerResults>>) {
  const replies: Reply[] = [];
  const log = { warnings: [] as string[], errors: [] as string[] };
  const stats = { handled: 0, dropped: 0, failed: 0 };
  const none = () => {
    throw new Error('not expected in this test');
  };
  const all = { ready: none, query: none, select: none, open: none, edit: none, undo: none, run: none, ...handlers } as Handlers<PlannerFromWebview, PlannerResults>;
  const route = ipcRouter<PlannerFromWebview, PlannerResults>(PlannerFromWebview, 'Planner', { warn: (m: string) => log.warnings.push(m), error: (m: string) => log.errors.push(m) }, (r) => replies.push(r), all, stats);
  return { route, replies, log, stats };
}

describe('webview requests and replies', () => {
  it('answers a request with its result, under its id', async () => {
    const r = router({ query: () => ({ items: [], total: 7 }) });
    await r.route({ type: 'query', requestId: 41, offset: 0, limit: 25 });
    assert.deepStrictEqual(r.replies, [{ type: 'reply', requestId: 41, ok: true, result: { items: [], total: 7 } }]);
  });

  it('answers a typed error with its code and message, neither logged nor counted as a failure', async () => {
    const r = router({ undo: () => Promise.reject(new RequestError('notFound', 'There is nothing to undo.')) });
    await r.route({ type: 'undo', requestId: 3 });
    assert.deepStrictEqual(r.replies, [{ type: 'reply', requestId: 3, ok: false, error: { code: 'notFound', message: 'There is nothing to undo.' } }]);
    assert.strictEqual(r.stats.failed, 0);
    assert.deepStrictEqual(r.log.errors, []);
  });

  it('a handler that throws anything else: logged, counted, answered "failed"', async () => {
    const r = router({ run: () => Promise.reject(new Error('boom')) });
    await r.route({ type: 'run', requestId: 9, command: 'newPartnership' });
    assert.strictEqual(r.stats.failed, 1);
    assert.strictEqual(r.log.errors.length, 1);
    assert.strictEqual(r.replies[0].ok, false);
    assert.deepStrictEqual(!r.replies[0].ok && r.replies[0].error.code, 'failed');
  });

  it('drops 10,000 malformed messages: each logged, answered "invalid" when its id can be read, never a handler called', async () => {
    const calls: unknown[] = [];
    const spy = (m: unknown) => {
      calls.push(m);
      return null as never;
    };
    const r = router({ ready: spy, query: spy, select: spy, open: spy, edit: spy, undo: spy, run: spy });
    const messages = hostileMessages(['ready', 'query', 'select', 'open', 'edit', 'undo', 'run'], 10_000, 5, {});
    let valid = 0;
    let answerable = 0;
    for (const m of messages) {
      const ok = PlannerFromWebview.safeParse(m).success;
      if (ok) valid++;
      else {
        const id = m && typeof m === 'object' ? (m as { requestId?: unknown }).requestId : undefined;
        if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) answerable++;
      }
      await r.route(m);
    }
    assert.strictEqual(r.stats.dropped, 10_000 - valid);
    assert.strictEqual(calls.length, valid);
    assert.strictEqual(r.log.warnings.length, r.stats.dropped);
    assert.strictEqual(r.replies.filter((x) => !x.ok && x.error.code === 'invalid').length, answerable);
  });

  it('refuses oversized values in the protocol itself (a webview cannot make the extension write megabytes)', () => {
    assert.strictEqual(ContextFormFromWebview.safeParse({ type: 'save', requestId: 1, values: { 'Community Name': 'A' } }).success, true);
    assert.strictEqual(ContextFormFromWebview.safeParse({ type: 'save', requestId: 1, values: { 'Community Name': 'x'.repeat(50_000) } }).success, false);
  });

  it('a message without an id is handled and not answered', async () => {
    const r = router({ ready: () => ({ today: '2026-01-01', readOnly: false, folder: 'w' }) });
    await r.route({ type: 'ready' });
    assert.strictEqual(r.stats.handled, 1);
    assert.deepStrictEqual(r.replies, []);
  });
});

describe('Disposable', () => {
  class Owner extends Disposable {
    add(d: { dispose(): void }) {
      return this._register(d);
    }
  }

  it('disposes what it registered once, latest first, and at once what comes after disposal', () => {
    const order: string[] = [];
    const o = new Owner();
    o.add({ dispose: () => order.push('a') });
    o.add({ dispose: () => order.push('b') });
    o.dispose();
    o.dispose();
    assert.deepStrictEqual(order, ['b', 'a']);
    o.add({ dispose: () => order.push('late') });
    assert.deepStrictEqual(order, ['b', 'a', 'late']);
    assert.ok(o.isDisposed);
  });

  it('disposes all even when one throws, then throws the first error; a store can be cleared and reused', () => {
    const order: string[] = [];
    const s = new DisposableStore();
    s.add({ dispose: () => order.push('a') });
    s.add({
      dispose: () => {
        throw new Error('first');
      },
    });
    assert.throws(() => s.clear(), /first/);
    assert.deepStrictEqual(order, ['a']);
    s.add({ dispose: () => order.push('again') });
    s.clear();
    assert.deepStrictEqual(order, ['a', 'again']);
  });
});
