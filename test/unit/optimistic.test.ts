import * as assert from 'node:assert';
import { Optimistic } from '../../src/webview/lib/optimistic';

interface Item {
  id: string;
  seq: number;
  n: number;
}

const store = () => new Optimistic<Item, number>({ keyOf: (i) => i.id, applyChange: (i, add) => ({ ...i, n: i.n + add }), isOlder: (next, current) => next.seq < current.seq });

describe('Optimistic (a change shown before it is written)', () => {
  it('shows a change at once, on top of the confirmed value, and keeps the confirmed value apart', () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 10 });
    const t = s.apply('a', 5);
    assert.ok(t !== undefined);
    assert.deepStrictEqual(s.shown('a'), { id: 'a', seq: 1, n: 15 });
    assert.deepStrictEqual(s.confirmed('a'), { id: 'a', seq: 1, n: 10 });
    assert.ok(s.hasPending('a'));
    assert.ok(!s.hasPending('b'));
  });

  it('applies pending changes in order, and has nothing to change for an unknown key', () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 0 });
    s.apply('a', 1);
    s.apply('a', 2);
    assert.strictEqual(s.shown('a')?.n, 3);
    assert.strictEqual(s.apply('missing', 1), undefined);
    assert.strictEqual(s.shown('missing'), undefined);
  });

  it('takes the confirmed value when the write answers, and the change goes', () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 10 });
    const t = s.apply('a', 5)!;
    s.settle(t, { id: 'a', seq: 2, n: 16 });
    assert.deepStrictEqual(s.shown('a'), { id: 'a', seq: 2, n: 16 });
    assert.ok(!s.hasPending());
  });

  it('rolls a failed change back and says which it was; the other changes stay', () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 10 });
    const first = s.apply('a', 5)!;
    s.apply('a', 1);
    assert.deepStrictEqual(s.rollback(first), { key: 'a', change: 5 });
    assert.strictEqual(s.shown('a')?.n, 11);
    assert.strictEqual(s.rollback(first), undefined);
  });

  it('lets a newer confirmed value win: an older read or answer does not replace it', () => {
    const s = store();
    s.receive({ id: 'a', seq: 3, n: 30 });
    assert.strictEqual(s.receive({ id: 'a', seq: 2, n: 20 }), false);
    const t = s.apply('a', 1)!;
    s.settle(t, { id: 'a', seq: 1, n: 11 });
    assert.deepStrictEqual(s.shown('a'), { id: 'a', seq: 3, n: 30 });
    assert.strictEqual(s.receive({ id: 'a', seq: 4, n: 40 }), true);
    assert.strictEqual(s.shown('a')?.n, 40);
  });

  it('does not take an answer of another key for a change', () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 1 });
    const t = s.apply('a', 1)!;
    s.settle(t, { id: 'b', seq: 1, n: 99 });
    assert.strictEqual(s.confirmed('b'), undefined);
    assert.strictEqual(s.shown('a')?.n, 1);
  });

  it('send: settles every token with the answer, or rolls them back and throws the failure on', async () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 0 });
    const tokens = [s.apply('a', 1)!, s.apply('a', 2)!];
    const result = await s.send(tokens, () => Promise.resolve({ record: { id: 'a', seq: 2, n: 3 } }), (r) => r.record);
    assert.deepStrictEqual(result, { record: { id: 'a', seq: 2, n: 3 } });
    assert.deepStrictEqual(s.shown('a'), { id: 'a', seq: 2, n: 3 });
    assert.ok(!s.hasPending());

    const again = [s.apply('a', 10)!];
    assert.strictEqual(s.shown('a')?.n, 13);
    await assert.rejects(
      s.send(again, () => Promise.reject(new Error('disk full')), () => undefined),
      /disk full/,
    );
    assert.strictEqual(s.shown('a')?.n, 3);
    assert.ok(!s.hasPending());
  });

  it('lists every value as shown, in the order received; remove and clear forget them', () => {
    const s = store();
    s.receive({ id: 'a', seq: 1, n: 1 });
    s.receive({ id: 'b', seq: 1, n: 2 });
    s.apply('b', 5);
    assert.deepStrictEqual(
      s.allShown().map((i) => i.n),
      [1, 7],
    );
    s.remove('a');
    assert.strictEqual(s.size, 1);
    s.clear();
    assert.strictEqual(s.size, 0);
    assert.ok(s.hasPending(), 'pending changes stay until answered unless cleared with them');
    s.clear(true);
    assert.ok(!s.hasPending());
  });
});
