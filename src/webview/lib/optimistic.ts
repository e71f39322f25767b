/**
 * What a page shows while its changes are being written: the values as the extension last
 * confirmed them, each with the changes not yet answered on top. A change shows at once
 * (`apply`); when its write answers, the extension's value replaces it (`settle`), and when the
 * write fails the change goes (`rollback`) and the confirmed value shows again. A value read
 * before the one held (`isOlder`) never replaces it: two reads may answer in either order, and
 * the newer wins. Free of the DOM, so it is tested in plain Node (test/unit/optimistic.test.ts).
 */
export class Optimistic<V extends object, C> {
  private readonly confirmedValues = new Map<string, V>();
  private pending: { token: number; key: string; change: C }[] = [];
  private nextToken = 1;

  constructor(
    private readonly options: {
      /** The key of a value (a record's id). */
      keyOf: (value: V) => string;
      /** The value with one change on it. */
      applyChange: (value: V, change: C) => V;
      /** Whether `next` was read before `current` (then it is not taken). Never, unless given. */
      isOlder?: (next: V, current: V) => boolean;
    },
  ) {}

  /** How many values are confirmed. */
  get size(): number {
    return this.confirmedValues.size;
  }

  /** Whether a change (to `key`, or to any value) waits for its answer. */
  hasPending(key?: string): boolean {
    return key === undefined ? this.pending.length > 0 : this.pending.some((p) => p.key === key);
  }

  /** The value as the extension last gave it. */
  confirmed(key: string): V | undefined {
    return this.confirmedValues.get(key);
  }

  /** The value as the page shows it: the confirmed one with the pending changes on it, in order. */
  shown(key: string): V | undefined {
    const value = this.confirmedValues.get(key);
    if (value === undefined) return undefined;
    let out = value;
    for (const p of this.pending) if (p.key === key) out = this.options.applyChange(out, p.change);
    return out;
  }

  /** Every value as shown, in the order they were first received. */
  allShown(): V[] {
    if (!this.pending.length) return [...this.confirmedValues.values()];
    return [...this.confirmedValues.keys()].map((k) => this.shown(k)!);
  }

  /** Whether `value` was read before the one held for its key. */
  isOlder(value: V): boolean {
    const current = this.confirmedValues.get(this.options.keyOf(value));
    return current !== undefined && !!this.options.isOlder?.(value, current);
  }

  /** A value from the extension (an answer, or news that the file changed); false when it is older than the one held. */
  receive(value: V): boolean {
    if (this.isOlder(value)) return false;
    this.confirmedValues.set(this.options.keyOf(value), value);
    return true;
  }

  /** Forgets a confirmed value (its file is gone); its pending changes stay until they are answered. */
  remove(key: string): void {
    this.confirmedValues.delete(key);
  }

  /** Forgets every confirmed value; with `pending`, the changes waiting for an answer too. */
  clear(pending = false): void {
    this.confirmedValues.clear();
    if (pending) this.pending = [];
  }

  /** Shows a change at once; its token settles or rolls it back. Undefined when there is no value to change. */
  apply(key: string, change: C): number | undefined {
    if (!this.confirmedValues.has(key)) return undefined;
    const token = this.nextToken++;
    this.pending.push({ token, key, change });
    return token;
  }

  /** The change's write answered: the change goes, and the extension's value (if it is of the same key and not older) is taken. */
  settle(token: number, value: V | undefined): void {
    const p = this.take(token);
    if (p && value !== undefined && this.options.keyOf(value) === p.key) this.receive(value);
  }

  /** The change's write failed: the change goes. What it was and to which value, for the message. */
  rollback(token: number): { key: string; change: C } | undefined {
    const p = this.take(token);
    return p && { key: p.key, change: p.change };
  }

  /**
   * Writes changes already shown (`tokens`): when `request` answers, each settles with the
   * value the answer confirms; when it fails, each is taken back and the failure is thrown on
   * for the page to show.
   */
  async send<R>(tokens: readonly number[], request: () => Promise<R>, confirmedBy: (result: R) => V | undefined): Promise<R> {
    let result: R;
    try {
      result = await request();
    } catch (err) {
      for (const t of tokens) this.rollback(t);
      throw err;
    }
    const value = confirmedBy(result);
    for (const t of tokens) this.settle(t, value);
    return result;
  }

  private take(token: number): { key: string; change: C } | undefined {
    const p = this.pending.find((x) => x.token === token);
    if (p) this.pending = this.pending.filter((x) => x !== p);
    return p;
  }
}
