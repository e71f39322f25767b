import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localReader, type LocalRead } from '../../src/platform/localRead';
import { contextCases, markerPath, recordCases, removeCase } from '../lib/hostileCases';

const reader = localReader()!;
const LIMIT = 10 * 1024 * 1024;

/** What the extension makes of the bytes (src/host/files.ts decodeText, without VS Code). */
function decodes(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A read that must finish: a hang (a pipe, a device) fails the test instead of blocking it. */
async function read(file: string, max = LIMIT): Promise<LocalRead> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`reading ${file} did not finish`)), 5_000)));
  try {
    return await Promise.race([reader.read(file, max), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the local file reader (src/platform/localRead.ts)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-local-read-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a record byte for byte, a BOM and CRLF included', async () => {
    const file = path.join(dir, 'r.md');
    const bytes = Buffer.from('\ufeff---\r\npartner: Café Guild\r\n---\r\n\r\n# Notes ünïcödé 🎉\r\n', 'utf8');
    fs.writeFileSync(file, bytes);
    const r = await read(file);
    assert.strictEqual(r.kind, 'bytes');
    assert.ok(r.kind === 'bytes' && Buffer.from(r.bytes).equals(bytes));
  });

  it('reads an empty file as no bytes', async () => {
    const file = path.join(dir, 'empty.md');
    fs.writeFileSync(file, '');
    const r = await read(file);
    assert.ok(r.kind === 'bytes' && r.bytes.length === 0, JSON.stringify(r));
  });

  it('reads a file at the limit and refuses one byte over it, without reading it', async () => {
    const at = path.join(dir, 'at.md');
    const over = path.join(dir, 'over.md');
    fs.writeFileSync(at, 'a'.repeat(4096));
    fs.writeFileSync(over, 'a'.repeat(4097));
    const r = await read(at, 4096);
    assert.ok(r.kind === 'bytes' && r.bytes.length === 4096);
    assert.deepStrictEqual(await read(over, 4096), { kind: 'tooBig', size: 4097 });
  });

  it('reads files of many sizes whole (one byte to several reads of the buffer)', async () => {
    for (const size of [1, 1023, 1024, 1025, 16 * 1024, 64 * 1024 + 7, 2 * 1024 * 1024 + 3]) {
      const file = path.join(dir, `s${size}.md`);
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = 97 + (i % 26);
      fs.writeFileSync(file, bytes);
      const r = await read(file);
      assert.ok(r.kind === 'bytes' && Buffer.from(r.bytes).equals(bytes), `size ${size}`);
    }
  });

  it('says a missing file, or one under a missing folder or under a file, is missing', async () => {
    fs.writeFileSync(path.join(dir, 'file.md'), 'x');
    assert.deepStrictEqual(await read(path.join(dir, 'nothing.md')), { kind: 'missing' });
    assert.deepStrictEqual(await read(path.join(dir, 'no', 'such.md')), { kind: 'missing' });
    assert.deepStrictEqual(await read(path.join(dir, 'file.md', 'inside.md')), { kind: 'missing' });
  });

  it('never follows a symbolic link: to a file, to a folder, dangling, a loop, to /dev/zero', async () => {
    const outside = path.join(dir, 'outside.md');
    fs.writeFileSync(outside, 'partner: Outside Secret Partner\n');
    const cases: [string, string][] = [
      ['to-file.md', outside],
      ['to-folder.md', dir],
      ['dangling.md', path.join(dir, 'gone.md')],
      ['loop-a.md', 'loop-b.md'],
      ['to-zero.md', '/dev/zero'],
    ];
    fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
    for (const [name, to] of cases) fs.symlinkSync(to, path.join(dir, name));
    for (const [name] of cases) assert.deepStrictEqual(await read(path.join(dir, name)), { kind: 'link' }, name);
  });

  it('refuses a folder', async () => {
    fs.mkdirSync(path.join(dir, 'folder.md'));
    assert.deepStrictEqual(await read(path.join(dir, 'folder.md')), { kind: 'folder' });
  });

  it('refuses a named pipe at once, with no writer on the other end (it would never end)', async function () {
    const fifo = path.join(dir, 'pipe.md');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    assert.deepStrictEqual(await read(fifo), { kind: 'special' });
  });

  it('refuses a socket', async function () {
    const sock = path.join(dir, 'sock.md');
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(sock, resolve));
    try {
      const r = await read(sock);
      // Opening a socket fails on Linux (ENXIO); either way nothing is read from it.
      assert.ok(r.kind === 'special' || r.kind === 'error', JSON.stringify(r));
    } finally {
      server.close();
    }
  });

  it('refuses a device without reading from it', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    assert.deepStrictEqual(await read('/dev/zero'), { kind: 'special' });
    assert.deepStrictEqual(await read('/dev/null'), { kind: 'special' });
  });

  it('reads many files at once, each whole and its own', async () => {
    const files = Array.from({ length: 300 }, (_, i) => {
      const file = path.join(dir, `r${i}.md`);
      fs.writeFileSync(file, `---\npartner: Partner ${i}\n---\n${'x'.repeat(i * 7)}`);
      return file;
    });
    const reads = await Promise.all(files.map((f) => read(f)));
    reads.forEach((r, i) => assert.ok(r.kind === 'bytes' && Buffer.from(r.bytes).equals(fs.readFileSync(files[i])), `file ${i}`));
  });
});

describe('the local reader: many files at once, and listing a folder', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-local-many-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('readMany gives, for each file, what read gives: bytes, missing, link, folder, special, too big', async function () {
    this.timeout(20_000);
    const files: string[] = [];
    for (let i = 0; i < 200; i++) {
      const file = path.join(dir, `r${i}.md`);
      fs.writeFileSync(file, i % 50 === 0 ? '' : `---\npartner: Partner ${i}\n---\n${'x'.repeat(i * 37)}`);
      files.push(file);
    }
    fs.writeFileSync(path.join(dir, 'big.md'), 'a'.repeat(5000));
    fs.mkdirSync(path.join(dir, 'folder.md'));
    fs.symlinkSync(files[1], path.join(dir, 'link.md'));
    files.push(path.join(dir, 'big.md'), path.join(dir, 'folder.md'), path.join(dir, 'link.md'), path.join(dir, 'gone.md'), path.join(dir, 'r1.md', 'under-a-file.md'));
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status === 0) files.push(path.join(dir, 'pipe.md'));
    if (fs.existsSync('/dev/zero')) files.push('/dev/zero');
    const many: LocalRead[] = new Array(files.length);
    let calls = 0;
    await reader.readMany(files, 4096, (i, r) => {
      calls++;
      assert.strictEqual(many[i], undefined, `file ${i} handed over twice`);
      many[i] = r;
    }, 7);
    assert.strictEqual(calls, files.length);
    for (let i = 0; i < files.length; i++) assert.deepStrictEqual(many[i], await read(files[i], 4096), files[i]);
    assert.ok(many.some((r) => r.kind === 'tooBig') && many.some((r) => r.kind === 'link') && many.some((r) => r.kind === 'folder') && many.some((r) => r.kind === 'missing'));
  });

  it('tells plain folders from links, files and missing ones on the way', async () => {
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a', 'file'), 'x');
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'link'));
    assert.strictEqual(await reader.isPlainFolder(dir, ['a']), true);
    assert.strictEqual(await reader.isPlainFolder(dir, ['a', 'b']), true);
    for (const segments of [['link'], ['link', 'b'], ['a', 'file'], ['a', 'missing'], ['missing', 'b'], [], ['a', '..', 'a'], ['a/b']]) {
      assert.strictEqual(await reader.isPlainFolder(dir, segments), false, segments.join(' / '));
    }
  });

  it('readMany goes over to the thread pool once a read is slow, and still reads every file once', async () => {
    const files = Array.from({ length: 40 }, (_, i) => {
      const file = path.join(dir, `r${i}.md`);
      fs.writeFileSync(file, `---\npartner: Partner ${i}\n---\n`);
      return file;
    });
    // A clock that says every read took 30 ms (a network drive), and a count of synchronous opens.
    const clock = performance.now;
    // The module itself, whose functions the reader calls (the import above is a view of it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs = require('node:fs') as { openSync: typeof fs.openSync };
    const openSync = nodeFs.openSync;
    let now = 0;
    let syncOpens = 0;
    performance.now = () => (now += 30);
    nodeFs.openSync = ((...args: Parameters<typeof fs.openSync>) => {
      syncOpens++;
      return openSync(...args);
    }) as typeof fs.openSync;
    const many: LocalRead[] = new Array(files.length);
    let calls = 0;
    try {
      await reader.readMany(files, LIMIT, (i, r) => {
        calls++;
        assert.strictEqual(many[i], undefined, `file ${i} handed over twice`);
        many[i] = r;
      });
    } finally {
      performance.now = clock;
      nodeFs.openSync = openSync;
    }
    assert.strictEqual(syncOpens, 1, 'one slow synchronous read, then the thread pool');
    assert.strictEqual(calls, files.length);
    for (let i = 0; i < files.length; i++) assert.deepStrictEqual(many[i], await read(files[i]), files[i]);
  });

  it('readMany of no files resolves at once', async () => {
    await reader.readMany([], LIMIT, () => assert.fail('no file to hand over'));
  });

  it('lists the matching files of a folder and its subfolders, refusing links and other entries', async function () {
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.hidden'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const f of ['a.md', 'B.MD', 'notes.txt', 'sub/c.md', 'sub/deeper/d.md', '.hidden/e.md', 'node_modules/f.md']) fs.writeFileSync(path.join(dir, f), 'x');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-local-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'o.md'), 'x');
      fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
      fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
      fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.txt'));
      const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status === 0;
      const listing = await reader.list(dir, (name) => /\.md$/i.test(name));
      const files = listing.files.map((f) => f.rel).sort();
      assert.deepStrictEqual(files, ['B.MD', 'a.md', 'sub/c.md', 'sub/deeper/d.md']);
      for (const f of listing.files) assert.strictEqual(f.path, path.join(dir, ...f.rel.split('/')));
      const refused = listing.refused.map((r) => `${r.rel}:${r.kind}`).sort();
      assert.deepStrictEqual(refused, ['link.md:link', 'linked-folder:linkToFolder', ...(fifo ? ['pipe.md:special'] : [])]);
      assert.deepStrictEqual((await reader.list(dir, () => true, { maxDepth: 0 })).files.map((f) => f.rel).sort(), ['B.MD', 'a.md', 'notes.txt']);
      assert.deepStrictEqual(await reader.list(path.join(dir, 'missing'), () => true), { files: [], refused: [] });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

/**
 * Every hostile file the context and record readers see, made on disk and read through the
 * local reader: what reaches a parser is exactly the file's bytes, and anything that is not a
 * regular text file within the limit never does.
 */
describe('hostile files through the local file reader', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-local-read-hostile-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const all: { name: string; expect: string; text?: string; device?: string; make(target: string): void }[] = [...contextCases(markerPath('unit-local-read')), ...recordCases(markerPath('unit-local-read-records'))];

  for (const [i, c] of all.entries()) {
    it(`${c.name}: ${c.expect}`, async function () {
      this.timeout(20_000);
      const target = path.join(dir, `case-${i}.md`);
      removeCase(target);
      c.make(target);
      try {
        const r = await read(target);
        if (c.expect === 'missing') {
          assert.deepStrictEqual(r, { kind: 'missing' });
        } else if (c.expect === 'unreadable') {
          assert.ok(r.kind !== 'bytes' || !decodes(r.bytes), `not read as text: ${r.kind}`);
          if (c.device || fs.lstatSync(target).isSymbolicLink()) assert.deepStrictEqual(r, { kind: 'link' }, 'the link is not followed');
        } else {
          assert.strictEqual(r.kind, 'bytes');
          assert.ok(r.kind === 'bytes' && Buffer.from(r.bytes).equals(fs.readFileSync(target)), 'exactly the bytes on disk');
          assert.ok(r.kind === 'bytes' && decodes(r.bytes), 'valid UTF-8 text');
          if (c.text !== undefined) assert.strictEqual(r.kind === 'bytes' && new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.bytes), c.text);
        }
      } finally {
        removeCase(target);
      }
    });
  }
});
