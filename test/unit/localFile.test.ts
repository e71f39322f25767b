import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localFiles, writeKeepingAppends } from '../../src/platform/localFile';

/*
 * The compare-and-write of a local file against another process that appends to it as fast as
 * it can (a logger, a sync tool, a second editor's "append"): no line either side wrote may go
 * missing when the change grows the file or keeps its length. (A change that shrinks it has to
 * cut the file, and a line appended in the moment between the last read and the cut is lost:
 * there is no way around that without the other process's cooperation.)
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

  // The two repairs, made to happen: the file on disk already has a line after the bytes that
  // were checked, as when an outside append lands between the check and the write.
  const checked = Buffer.from('---\npartner: Race Guild\nnotes: a long line that goes\n---\n\n');
  const outside = 'outside line 0\noutside line 1\n';
  const withOutside = (): { file: string; fd: number } => {
    const file = path.join(dir, 'record.md');
    fs.writeFileSync(file, Buffer.concat([checked, Buffer.from(outside)]));
    return { file, fd: fs.openSync(file, 'r+') };
  };

  it('growing: a line appended between the check and the write ends up after the new text, once', () => {
    const { file, fd } = withOutside();
    const after = Buffer.from(checked.toString().replace('---\n\n', 'checkIns:\n  - notes: ours\n---\n\n'));
    try {
      const written = writeKeepingAppends(fd, file, checked, after);
      assert.strictEqual(written?.toString(), after.toString() + outside);
    } finally {
      fs.closeSync(fd);
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), after.toString() + outside);
  });

  it('shrinking: the lines after the old end are moved down, none lost or doubled', () => {
    const { file, fd } = withOutside();
    const after = Buffer.from(checked.toString().replace('notes: a long line that goes\n', ''));
    try {
      const written = writeKeepingAppends(fd, file, checked, after);
      assert.strictEqual(written?.toString(), after.toString() + outside);
    } finally {
      fs.closeSync(fd);
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '---\npartner: Race Guild\n---\n\n' + outside);
  });

  it('the same length: written in place, the outside line kept', () => {
    const { file, fd } = withOutside();
    const after = Buffer.from(checked.toString().replace('goes', 'stay'));
    try {
      writeKeepingAppends(fd, file, checked, after);
    } finally {
      fs.closeSync(fd);
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), after.toString() + outside);
  });
});
