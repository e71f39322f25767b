import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
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
