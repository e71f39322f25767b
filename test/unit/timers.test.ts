import * as assert from 'node:assert';
import { Coalescer, Debouncer } from '../../src/host/timers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('timers (src/host/timers.ts)', () => {
  it('Debouncer runs the last task of a burst per key, once, and each key apart', async () => {
    const d = new Debouncer<string>();
    const ran: string[] = [];
    d.schedule('a', 5, () => ran.push('a1'));
    d.schedule('a', 5, () => ran.push('a2'));
    d.schedule('b', 5, () => ran.push('b1'));
    assert.strictEqual(d.size, 2);
    await wait(30);
    assert.deepStrictEqual(ran.sort(), ['a2', 'b1']);
    assert.strictEqual(d.size, 0);
  });

  it('Debouncer runs nothing after cancel or dispose', async () => {
    const d = new Debouncer<string>();
    const ran: string[] = [];
    d.schedule('a', 5, () => ran.push('a'));
    d.schedule('b', 5, () => ran.push('b'));
    d.cancel('a');
    d.dispose();
    await wait(30);
    assert.deepStrictEqual(ran, []);
  });

  it('Coalescer runs once for a burst, again for a later burst, never after dispose', async () => {
    let n = 0;
    const c = new Coalescer(5, () => n++);
    c.trigger();
    c.trigger();
    c.trigger();
    await wait(30);
    assert.strictEqual(n, 1);
    c.trigger();
    await wait(30);
    assert.strictEqual(n, 2);
    c.trigger();
    c.dispose();
    await wait(30);
    assert.strictEqual(n, 2);
  });
});
