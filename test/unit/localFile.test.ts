import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localFiles } from '../../src/platform/localFile';

/*
 * The compare-and-write of a local file against another process that appends to it as fast as
 * it can (a logger, a sync tool, a second editor's "append"): no line either side wrote may go
 * missing, whether the change grows the file, keeps its length or shrinks it.
 */

const APPENDER = `
const fs = require('fs');
const [target, stop] = process.argv.slice(1);
const pause = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
while (!fs.existsSync(stop)) {
  fs.appendFileSync(target, 'outside line ' + n + '\\n');
  n++;
  Atomics.wait(pause, 0, 0, 2);
}
process.stdout.write(String(n));
`;

type Edit = { start: number; end: number; newText: string };
const apply = (text: string, edits: readonly Edit[]): string => {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
};
const decode = (bytes: Uint8Array) => ({ text: Buffer.from(bytes).toString('utf8') });
const options = { attempts: 50, maxBytes: 10 * 1024 * 1024, linkMessage: 'is a link', overLimit: (size: number) => `is ${size} bytes` };

async function withAppender(file: string, body: () => Promise<void>): Promise<number> {
  const stop = `${file}.stop`;
  const child = spawn(process.execPath, ['-e', APPENDER, file, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const started = Date.now();
  while (!fs.readFileSync(file, 'utf8').includes('outside line 0\n')) {
    if (Date.now() - started > 10_000) throw new Error('the appender did not start');
    await new Promise((r) => setTimeout(r, 5));
  }
  try {
    await body();
  } finally {
    fs.writeFileSync(stop, '');
    await exited;
  }
  return Number(out);
}

function assertEveryOutsideLineOnce(text: string, appended: number): void {
  const lines = text.split('\n');
  const seen = new Map<string, number>();
  for (const l of lines) if (l.startsWith('outside line ')) seen.set(l, (seen.get(l) ?? 0) + 1);
  const missing: number[] = [];
  const twice: number[] = [];
  for (let k = 0; k < appended; k++) {
    const c = seen.get(`outside line ${k}`) ?? 0;
    if (c === 0) missing.push(k);
    if (c > 1) twice.push(k);
  }
  assert.deepStrictEqual({ missing, twice }, { missing: [], twice: [] }, `every one of the ${appended} outside lines is there, once`);
}

describe('Local compare-and-write against a process appending to the same file', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-race-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('200 insertions in the middle of the file (it grows): no outside line lost, none doubled, every insertion there', async () => {
    const file = path.join(dir, 'record.md');
    fs.writeFileSync(file, '---\npartner: Race Guild\ncheckIns:\n---\n\n# Notes\n\n');
    const files = localFiles();
    assert.ok(files, 'Node has local file handles');
    const written: number[] = [];
    const appended = await withAppender(file, async () => {
      for (let i = 0; i < 200; i++) {
        const r: { kind: string } = files.update(file, decode, (text) => {
          const at = text.indexOf('---\n', 4);
          return { edits: [{ start: at, end: at, newText: `  - notes: ours ${i}\n` }], value: i };
        }, apply, options);
        if (r.kind === 'written') written.push(i);
        else assert.strictEqual(r.kind, 'changing', `write ${i}: ${JSON.stringify(r)}`);
        if (i % 20 === 0) await new Promise((res) => setImmediate(res));
      }
    });
    assert.ok(appended > 20, `the appender ran (${appended} lines)`);
    const text = fs.readFileSync(file, 'utf8');
    assertEveryOutsideLineOnce(text, appended);
    for (const i of written) assert.strictEqual(text.split(`  - notes: ours ${i}\n`).length, 2, `insertion ${i} is there once`);
    assert.ok(written.length >= 150, `nearly every insertion went through (${written.length} of 200)`);
    // The insertions stay where they were made, in the front matter, in order.
    const front = text.slice(0, text.indexOf('---\n', 4));
    assert.deepStrictEqual([...front.matchAll(/ours (\d+)/g)].map((m) => Number(m[1])), written);
  });

  it('200 in-place changes of the same length: no outside line lost', async () => {
    const file = path.join(dir, 'record.md');
    fs.writeFileSync(file, '---\npartner: Race Guild\nstage: aaaa\n---\n\n');
    const files = localFiles();
    assert.ok(files);
    const appended = await withAppender(file, async () => {
      for (let i = 0; i < 200; i++) {
        const r: { kind: string } = files.update(file, decode, (text) => {
          const at = text.indexOf('stage: ') + 7;
          return { edits: [{ start: at, end: at + 4, newText: i % 2 ? 'aaaa' : 'bbbb' }], value: i };
        }, apply, options);
        assert.ok(r.kind === 'written' || r.kind === 'changing', JSON.stringify(r));
        if (i % 20 === 0) await new Promise((res) => setImmediate(res));
      }
    });
    assert.ok(appended > 20, `the appender ran (${appended} lines)`);
    assertEveryOutsideLineOnce(fs.readFileSync(file, 'utf8'), appended);
  });

  it('a shrinking change keeps the lines appended after the old end (moved down, nothing doubled)', async () => {
    const file = path.join(dir, 'record.md');
    fs.writeFileSync(file, '---\npartner: Race Guild\nnotes: a long line that the change removes\n---\n\n');
    const files = localFiles();
    assert.ok(files);
    const appended = await withAppender(file, async () => {
      await new Promise((res) => setTimeout(res, 30));
      const r: { kind: string } = files.update(file, decode, (text) => {
        const start = text.indexOf('notes:');
        return { edits: [{ start, end: text.indexOf('\n', start) + 1, newText: '' }], value: 0 };
      }, apply, options);
      assert.strictEqual(r.kind, 'written');
      await new Promise((res) => setTimeout(res, 30));
    });
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('---\npartner: Race Guild\n---\n\n'), text.slice(0, 80));
    assert.ok(!text.includes('notes:'));
    assertEveryOutsideLineOnce(text, appended);
  });
});
