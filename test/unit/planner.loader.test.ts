import * as assert from 'assert';
import { RecordLoader, type RecordSource } from '../../src/core/planner/loader';
import { RecordIndex } from '../../src/core/planner/recordIndex';
import { digestRecord, parseRecord, STAGES, type DigestParse } from '../../src/core/records';

function recordText(i: number, stage = STAGES[i % STAGES.length]): string {
  return ['---', `partner: Partner ${String(i).padStart(5, '0')}`, `stage: ${stage}`, 'types: [newsletter-cross-promotion]', `owners: {ours: Sam}`, '---', `Notes ${i}.`, ''].join('\n');
}

/** Records in memory that count reads and how many are in flight at once. */
class MemorySource implements RecordSource {
  readonly files = new Map<string, string>();
  reads = 0;
  lists = 0;
  inFlight = 0;
  maxInFlight = 0;
  async list(): Promise<string[]> {
    this.lists++;
    return [...this.files.keys()];
  }
  async read(id: string): Promise<string | undefined> {
    this.reads++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setImmediate(r));
    this.inFlight--;
    return this.files.get(id);
  }
}

describe('planner: RecordLoader', () => {
  it('loads 10,000 records with bounded reads, then one changed file costs one read and one parse', async function () {
    this.timeout(120_000);
    const source = new MemorySource();
    for (let i = 0; i < 10_000; i++) source.files.set(`file:///ws/partnerships/p-${i}.md`, recordText(i));
    let parses = 0;
    const index = new RecordIndex((text): DigestParse => {
      parses++;
      return digestRecord(text);
    });
    const seen: string[] = [];
    const loader = new RecordLoader(index, source, { concurrency: 8, onRecord: (id) => seen.push(id) });

    await loader.load();
    assert.strictEqual(index.size, 10_000);
    assert.strictEqual(source.lists, 1);
    assert.strictEqual(source.reads, 10_000, 'each record read once');
    assert.strictEqual(loader.reads, 10_000);
    assert.strictEqual(parses, 10_000, 'each record parsed once');
    assert.ok(source.maxInFlight <= 8, `at most 8 reads in flight, saw ${source.maxInFlight}`);
    assert.ok(source.maxInFlight > 1, 'reads overlap');
    assert.strictEqual(seen.length, 10_000);
    await loader.load();
    assert.strictEqual(source.reads, 10_000, 'a second load() waits for the first instead of reading again');

    // One file changes: one read, one parse, no listing.
    const id = 'file:///ws/partnerships/p-4242.md';
    source.files.set(id, recordText(4242, 'ended').replace('Partner 04242', 'Renamed Partner'));
    await loader.update(id);
    assert.strictEqual(source.reads - 10_000, 1, 'one read');
    assert.strictEqual(parses - 10_000, 1, 'one parse');
    assert.strictEqual(source.lists, 1, 'no rescan');
    assert.strictEqual(index.get(id)?.summary.partner, 'Renamed Partner');
    assert.strictEqual(index.get(id)?.summary.stage, 'ended');
    assert.strictEqual(index.query({ text: 'renamed' }).total, 1);

    // A new file: one read. A deleted file: no read.
    const added = 'file:///ws/partnerships/new.md';
    source.files.set(added, recordText(10_001));
    await loader.update(added);
    assert.strictEqual(index.size, 10_001);
    source.files.delete(id);
    loader.remove(id);
    assert.strictEqual(index.size, 10_000);
    assert.strictEqual(source.reads, 10_002);
  });

  it('lets a newer read win over an older, slower one', async () => {
    const index = new RecordIndex();
    const id = 'file:///ws/partnerships/a.md';
    let release: (() => void) | undefined;
    let call = 0;
    const source: RecordSource = {
      list: async () => [id],
      read: async () => {
        call++;
        if (call === 1) {
          await new Promise<void>((r) => (release = r));
          return recordText(1, 'prospect');
        }
        return recordText(1, 'active');
      },
    };
    const loader = new RecordLoader(index, source);
    const slow = loader.update(id);
    await loader.update(id);
    release?.();
    await slow;
    assert.strictEqual(index.get(id)?.summary.stage, 'active');
  });

  it('drops records that are gone when it reloads, and treats a failing read as gone', async () => {
    const source = new MemorySource();
    source.files.set('a', recordText(1));
    source.files.set('b', recordText(2));
    const index = new RecordIndex();
    const loader = new RecordLoader(index, source);
    await loader.load();
    assert.strictEqual(index.size, 2);
    source.files.delete('b');
    await loader.reload();
    assert.deepStrictEqual(index.all().map((r) => r.id), ['a']);

    const failing = new RecordLoader(index, { list: async () => ['a'], read: async () => Promise.reject(new Error('EACCES')) });
    await failing.update('a');
    assert.strictEqual(index.size, 0);
  });

  it('two reloads at once: the older listing, answered last, removes nothing the newer one read', async () => {
    // The files appear while the first reload lists the folder: its listing misses them and
    // comes back after the second reload (for the changed setting) has read them.
    const files = new Map([['a', recordText(1)]]);
    const listings: ((ids: string[]) => void)[] = [];
    const source: RecordSource = {
      list: () => new Promise((resolve) => listings.push(resolve)),
      read: async (id) => files.get(id),
    };
    const index = new RecordIndex();
    const loader = new RecordLoader(index, source);
    const first = loader.reload();
    files.set('b', recordText(2));
    files.set('c', recordText(3));
    const second = loader.reload();
    listings[1](['a', 'b', 'c']);
    await second;
    assert.deepStrictEqual(index.all().map((r) => r.id).sort(), ['a', 'b', 'c']);
    listings[0](['a']);
    await first;
    assert.deepStrictEqual(index.all().map((r) => r.id).sort(), ['a', 'b', 'c'], 'the older listing removed records the newer one read');
  });

  it('opens a whole record with one read, and again with none while it is unchanged', async () => {
    const source = new MemorySource();
    const id = 'file:///ws/partnerships/a.md';
    const withCheckIns = (n: number) =>
      ['---', 'partner: A', 'stage: active', 'checkIns:', ...Array.from({ length: n }, (_, k) => `  - date: 2026-0${k + 1}-01\n    notes: check-in ${k + 1}`), 'playbook:', '  newsletter-swap: [1, 2]', '---', ''].join('\n');
    source.files.set(id, withCheckIns(3));
    let fullParses = 0;
    const index = new RecordIndex(digestRecord, (text) => {
      fullParses++;
      return parseRecord(text);
    });
    const loader = new RecordLoader(index, source);
    await loader.load();
    assert.strictEqual(source.reads, 1);
    assert.strictEqual(fullParses, 0, 'loading reads no whole record');
    assert.strictEqual(index.get(id)?.summary.lastCheckIn?.date, '2026-03-01');

    const first = await loader.open(id);
    assert.ok(first?.ok);
    assert.strictEqual(first.record.checkIns.length, 3);
    assert.deepStrictEqual(first.record.playbook, { 'newsletter-swap': [1, 2] });
    assert.strictEqual(source.reads, 2, 'opening reads the record once');
    assert.strictEqual(await loader.open(id), first, 'opened again unchanged: no read');
    assert.strictEqual(source.reads, 2);

    // The open record changes: the one read that brings the index up to date also reads it whole.
    source.files.set(id, withCheckIns(4));
    await loader.update(id);
    assert.strictEqual(source.reads, 3);
    const again = await loader.open(id);
    assert.ok(again?.ok);
    assert.strictEqual(again.record.checkIns.length, 4);
    assert.strictEqual(source.reads, 3, 'no second read for a changed record that is open');

    source.files.delete(id);
    assert.strictEqual(await loader.open('file:///ws/partnerships/missing.md'), undefined);
  });

  it('opens many records for a report with bounded reads, and a gone one as undefined', async () => {
    const source = new MemorySource();
    const ids = Array.from({ length: 200 }, (_, i) => `file:///ws/partnerships/p-${i}.md`);
    for (const [i, id] of ids.entries()) source.files.set(id, recordText(i));
    const index = new RecordIndex();
    const loader = new RecordLoader(index, source, { concurrency: 4 });
    await loader.load();
    source.maxInFlight = 0;
    source.files.delete(ids[7]);
    const opened = await loader.openAll(ids);
    assert.strictEqual(opened.length, 200);
    assert.strictEqual(opened[7], undefined);
    assert.strictEqual(index.get(ids[7]), undefined, 'the gone record left the index');
    assert.deepStrictEqual(opened.map((p, i) => (p?.ok ? p.record.partner : i)).filter((x) => typeof x === 'string').length, 199);
    assert.ok(source.maxInFlight <= 4, `at most 4 reads in flight, saw ${source.maxInFlight}`);
  });

  it('loads through a source that reads many at once, without a read per record, and a newer read still wins', async () => {
    const files = new Map<string, string>();
    for (let i = 0; i < 500; i++) files.set(`file:///ws/partnerships/p-${i}.md`, recordText(i));
    let single = 0;
    let release: () => void = () => undefined;
    const source: RecordSource = {
      list: async () => [...files.keys()],
      read: async (id) => {
        single++;
        return files.get(id);
      },
      // Hands the records over in reverse order, the last one only once the test lets it.
      readMany: async (ids, onText) => {
        for (let i = ids.length - 1; i > 0; i--) onText(i, files.get(ids[i]));
        await new Promise<void>((r) => (release = r));
        onText(0, files.get(ids[0]));
      },
    };
    const index = new RecordIndex();
    const loader = new RecordLoader(index, source);
    const loading = loader.load();
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(index.size, 499, 'each record indexed as it comes');
    // The first record changes while the load still reads it: the change's read wins.
    const first = 'file:///ws/partnerships/p-0.md';
    files.set(first, recordText(0).replace('Partner 00000', 'Renamed 00000'));
    await loader.update(first);
    files.set(first, recordText(0));
    release();
    await loading;
    assert.strictEqual(index.size, 500);
    assert.strictEqual(index.get(first)?.summary.partner, 'Renamed 00000', 'the older read of the load lost to the change');
    assert.strictEqual(single, 1, 'only the change read one record on its own');
    assert.strictEqual(loader.reads, 501);
  });
});
