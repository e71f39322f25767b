import * as assert from 'node:assert';
import { messageRouter } from '../../src/features/messages';
import { ContextFormFromWebview } from '../../src/webview/protocol';
import { hostileMessages } from '../lib/hostileMessages';

describe('webview message router', () => {
  it('drops and logs 10,000 random and malformed messages without calling the handler or throwing', async () => {
    const messages = hostileMessages(['ready', 'save', 'openFile', 'cancel', 'state'], 10_000);
    const warnings: string[] = [];
    const handled: unknown[] = [];
    const stats = { handled: 0, dropped: 0, failed: 0 };
    const route = messageRouter(ContextFormFromWebview, 'Context form', { warn: (m: string) => warnings.push(m), error: () => {} }, (m) => handled.push(m), stats);
    let valid = 0;
    for (const m of messages) {
      if (ContextFormFromWebview.safeParse(m).success) valid++;
      await route(m);
    }
    assert.strictEqual(stats.dropped + stats.handled, 10_000);
    assert.strictEqual(stats.handled, valid, 'only messages that match the protocol reach the handler');
    assert.strictEqual(handled.length, valid);
    assert.strictEqual(warnings.length, stats.dropped, 'every dropped message is logged');
    assert.ok(stats.dropped > 9_000, `most are malformed (${stats.dropped})`);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  });

  it('passes a valid message to the handler and logs a handler failure instead of throwing', async () => {
    const errors: string[] = [];
    const stats = { handled: 0, dropped: 0, failed: 0 };
    const route = messageRouter(ContextFormFromWebview, 'Context form', { warn: () => {}, error: (m: string) => errors.push(m) }, () => {
      throw new Error('boom');
    }, stats);
    await route({ type: 'save', values: { 'Community Name': 'A' } });
    assert.deepStrictEqual(stats, { handled: 1, dropped: 0, failed: 1 });
    assert.strictEqual(errors.length, 1);
  });

  it('refuses oversized values (a webview cannot make the extension write megabytes)', async () => {
    const stats = { handled: 0, dropped: 0, failed: 0 };
    const route = messageRouter(ContextFormFromWebview, 'Context form', { warn: () => {}, error: () => {} }, () => {}, stats);
    await route({ type: 'save', values: { 'Community Name': 'x'.repeat(50_000) } });
    assert.strictEqual(stats.dropped, 1);
  });
});
