import type { RecordParse } from '../records/parse';
import type { RecordIndex } from './recordIndex';

/**
 * Where records come from: the extension reads files through VS Code, tests from memory.
 * `read` gives undefined when the record is gone.
 */
export interface RecordSource {
  list(): Promise<string[]>;
  read(id: string): Promise<string | undefined>;
  /**
   * Reads many records at once (loading), handing each text to `onText` as it comes; may be
   * left out, and then each is read with `read`. Resolves when every record was handed over.
   */
  readMany?(ids: readonly string[], onText: (index: number, text: string | undefined) => void): Promise<void>;
}

export interface LoaderOptions {
  /** Reads in flight at once: enough to keep the file system busy, few enough not to flood it. */
  concurrency?: number;
  /** Called after each record is read (or found gone), for diagnostics. */
  onRecord?: (id: string, text: string | undefined) => void;
}

/**
 * Fills a RecordIndex from a source and keeps it current one record at a time: loading lists
 * the records once and reads each once, with a bounded number of reads in flight; afterwards a
 * changed record costs one read and a deleted one none, never a rescan. Opening a record (to
 * show or report all of it) reads it once, unless it was opened last and has not changed.
 */
export class RecordLoader {
  /** Reads made so far (tests check that one change costs one). */
  reads = 0;
  private loading: Promise<void> | undefined;
  /** Counts loads: a listing answered after a newer load started is stale and changes nothing. */
  private loads = 0;
  private readonly concurrency: number;
  /** Per record, a counter that makes a slower, older read lose to a newer one. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly index: RecordIndex,
    private readonly source: RecordSource,
    private readonly options: LoaderOptions = {},
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
  }

  /** Loads every record once; later calls wait for the same load. */
  load(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  get loaded(): boolean {
    return this.loading !== undefined;
  }

  /** Lists the records again and reads them all: for a changed setting or new workspace folders. */
  reload(): Promise<void> {
    this.loading = this.loadAll();
    return this.loading;
  }

  /** One record changed (or appeared): read it, once. */
  async update(id: string): Promise<void> {
    const gen = this.bump(id);
    const text = await this.readOne(id);
    if (this.generation.get(id) !== gen) return;
    this.apply(id, text);
  }

  /**
   * The text of a record is known without reading it (the extension just wrote it): take it,
   * and let a read already in flight lose.
   */
  put(id: string, text: string): void {
    this.bump(id);
    this.apply(id, text);
  }

  /**
   * The whole record, to show or report it: the one kept from the last time it was opened when
   * the record has not changed since, else one read (which also brings the index up to date).
   * Undefined when the record is gone.
   */
  async open(id: string): Promise<RecordParse | undefined> {
    const kept = this.index.cached(id);
    if (kept) return kept;
    const gen = this.bump(id);
    const text = await this.readOne(id);
    const current = this.generation.get(id) === gen;
    if (text === undefined) {
      if (current) this.apply(id, undefined);
      return undefined;
    }
    const { parse, changed } = this.index.open(id, text, current);
    if (changed) this.options.onRecord?.(id, text);
    return parse;
  }

  /** Several whole records (for a report), with the same bound on reads in flight as loading. */
  async openAll(ids: readonly string[]): Promise<(RecordParse | undefined)[]> {
    const out: (RecordParse | undefined)[] = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        out[i] = await this.open(ids[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, ids.length) }, worker));
    return out;
  }

  /** One record is gone: no read needed. */
  remove(id: string): void {
    this.bump(id);
    this.apply(id, undefined);
  }

  private bump(id: string): number {
    const gen = (this.generation.get(id) ?? 0) + 1;
    this.generation.set(id, gen);
    return gen;
  }

  private async readOne(id: string): Promise<string | undefined> {
    this.reads++;
    try {
      return await this.source.read(id);
    } catch {
      // A source reports what it can read; anything it throws is treated as gone.
      return undefined;
    }
  }

  private apply(id: string, text: string | undefined): void {
    if (text === undefined) this.index.delete(id);
    else this.index.set(id, text);
    this.options.onRecord?.(id, text);
  }

  private async loadAll(): Promise<void> {
    const load = ++this.loads;
    const ids = [...new Set(await this.source.list())];
    // A newer load (a changed setting while this one listed) lists and reads for itself; this
    // older listing may miss records created since, and must not remove what the newer read.
    // It ends when the newer load does.
    if (load !== this.loads) return this.loading;
    const keep = new Set(ids);
    for (const old of this.index.all()) if (!keep.has(old.id)) this.remove(old.id);
    if (this.source.readMany) {
      const gens = ids.map((id) => this.bump(id));
      this.reads += ids.length;
      await this.source.readMany(ids, (i, text) => {
        // An event for this record came in while it was being read: that read wins.
        if (this.generation.get(ids[i]) === gens[i]) this.apply(ids[i], text);
      });
      return;
    }
    let next = 0;
    const worker = async () => {
      while (next < ids.length && load === this.loads) {
        const id = ids[next++];
        const gen = this.bump(id);
        const text = await this.readOne(id);
        // An event for this record came in while it was being read: that read wins.
        if (this.generation.get(id) === gen) this.apply(id, text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, ids.length) }, worker));
  }
}
