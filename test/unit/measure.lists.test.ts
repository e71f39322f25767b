import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { readCsv, readCsvText } from '../../src/core/measure/csv';
import { normaliseEmail, normaliseEmailText } from '../../src/core/measure/email';
import { DigestSet, newSalt, parseHexDigest, saltProblem, toHex } from '../../src/core/measure/hash';
import { AttendanceCounter, HashedListReader, MemberHasher, isNotAttending, overlapOf, suggestedOverlapScore } from '../../src/core/measure/lists';
import { guessMapping, mappingIndexes } from '../../src/core/measure/mapping';
import { sha256, sha256Batch, randomBytes } from '../../src/platform/sha256';
import { makeExport, people, rng, type Export } from './measureCorpus';
import { cpuMs } from './linearTime';

const SALT = 'a3f9c2e71b5d4c08a9e6f1d2c3b4a596';

async function hashExport(ex: Export, salt = SALT, chunkSize = 4096): Promise<MemberHasher> {
  const bytes = new TextEncoder().encode(ex.text);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) parts.push(bytes.subarray(i, i + chunkSize));
  let hasher: MemberHasher | undefined;
  await readCsv(parts, {
    onRows: async (rows, table) => {
      if (!hasher) {
        const at = mappingIndexes(table.header, guessMapping(table.header));
        hasher = new MemberHasher(salt, sha256Batch, { email: at.email!, headerLength: table.header.length });
      }
      await hasher.add(rows);
    },
  });
  return hasher!.finish();
}

function hashedFile(set: DigestSet): Uint8Array {
  return new TextEncoder().encode(set.toSortedHex().join('\n') + '\n');
}

describe('measure: emails', () => {
  it('trims and lower-cases, takes the address out of "Name <address>" and mailto:, and says why a cell is not an address', () => {
    assert.deepStrictEqual(normaliseEmail('  Ana.Ruiz@Example.ORG '), { ok: true, email: 'ana.ruiz@example.org' });
    assert.deepStrictEqual(normaliseEmail('Ana Ruiz <ANA@example.org>'), { ok: true, email: 'ana@example.org' });
    assert.deepStrictEqual(normaliseEmail('mailto:bo+news@example.org'), { ok: true, email: 'bo+news@example.org' });
    const bad: [string, RegExp][] = [
      ['', /no email/],
      ['ana.ruiz@', /nothing after the @/],
      ['bob at example.org', /no @/],
      ['carol@@example.org', /more than one @/],
      ['@example.org', /nothing before/],
      ['dana@localhost', /no dot/],
      ['eve@exa mple.org', /space/],
      ['a,b@example.org', /comma/],
    ];
    for (const [cell, why] of bad) {
      const r = normaliseEmail(cell);
      assert.ok(!r.ok, cell);
      if (!r.ok) assert.match(r.reason, why, cell);
    }
  });

  it('normalises every cell as the four steps read with regular expressions, on random hostile cells', () => {
    // The README's steps, written the plain way: the reference the character loops must match.
    const ws = '[ \\t\\n\\v\\f\\r]';
    const reference = (cell: string) => {
      let text = cell.replace(new RegExp(`^(?:${ws}|")+|(?:${ws}|")+$`, 'g'), '');
      const lt = text.lastIndexOf('<');
      if (lt >= 0 && text.endsWith('>')) text = text.slice(lt + 1, -1).replace(new RegExp(`^${ws}+|${ws}+$`, 'g'), '');
      if (/^mailto:/i.test(text)) text = text.slice(7).replace(new RegExp(`^${ws}+|${ws}+$`, 'g'), '');
      return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
    };
    const pieces = ['a', 'Z', 'M', 'mailto:', 'MAILTO:', 'MaIlTo:', 'mailto', 'mai\u0131to:', '\u212A', '\u0130', '\u00c4', '\u017F', '@', '.', '<', '>', '"', ' ', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u3000', '\ud83d', '\ude00', 'x.org', 'Ana <', ',', '\u0000'];
    const r = rng(17);
    for (let n = 0; n < 20_000; n++) {
      let cell = '';
      const parts = 1 + Math.floor(r() * 8);
      for (let k = 0; k < parts; k++) cell += pieces[Math.floor(r() * pieces.length)];
      assert.strictEqual(normaliseEmailText(cell), reference(cell), JSON.stringify(cell));
      const read = normaliseEmail(cell);
      if (read.ok) assert.strictEqual(read.email, reference(cell));
    }
  });
});

describe('measure: salted hashes and the hashed file', () => {
  it('hashes salt + normalised email with SHA-256, as Node computes it', async () => {
    const d = await sha256Batch([SALT + 'ana@example.org', SALT + 'bo@example.org']);
    assert.strictEqual(toHex(d, 0), createHash('sha256').update(SALT + 'ana@example.org').digest('hex'));
    assert.strictEqual(toHex(d, 32), createHash('sha256').update(SALT + 'bo@example.org').digest('hex'));
  });

  it('makes salts of 32 hex characters, and checks salts from records', () => {
    const a = newSalt(randomBytes);
    const b = newSalt(randomBytes);
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notStrictEqual(a, b);
    assert.strictEqual(saltProblem(a), undefined);
    assert.match(saltProblem('short')!, /shorter/);
    assert.match(saltProblem('has space in it')!, /only letters/);
    assert.match(saltProblem("x'; rm -rf /;'")!, /only letters/);
  });

  it('writes a file of sorted distinct hashes with no email and no name in it, which the README one-liner reproduces byte for byte', async function () {
    const ex = makeExport('circle', people(300, 5), 6, { duplicates: 0.1, bad: 9, crlf: true, bom: true });
    const h = await hashExport(ex);
    const file = hashedFile(h.set);
    const text = new TextDecoder().decode(file);
    const lines = text.trimEnd().split('\n');
    assert.strictEqual(lines.length, 300);
    assert.ok(lines.every((l) => /^[0-9a-f]{64}$/.test(l)));
    assert.deepStrictEqual([...lines].sort(), lines);
    assert.ok(!text.includes('@'));
    for (const p of people(300, 5)) {
      assert.ok(!text.toLowerCase().includes(p.email.split('@')[0].toLowerCase()), 'no local part');
      assert.ok(!text.includes(p.last), 'no name');
    }
    // The one-liner in the README, on a plain list of the same addresses as people write them.
    try {
      execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-hash-'));
    const r = rng(7);
    const plain = ['email', ...people(300, 5).map((p) => (r() < 0.3 ? ` ${p.email.toUpperCase()}` : p.email)), people(1, 5)[0].email].join('\r\n') + '\r\n';
    fs.writeFileSync(path.join(dir, 'members.csv'), plain);
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const oneLiner = /<!-- hashed-list-one-liner -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(oneLiner, 'the README shows the one-liner');
    const out = execFileSync('bash', ['-c', `SALT=${SALT}; ${oneLiner.trim()}`], { cwd: dir }).toString();
    assert.strictEqual(fs.readFileSync(path.join(dir, 'members.sha256'), 'utf8') + out, text);
    fs.rmSync(dir, { recursive: true });
  });

  it('normalises emails exactly as the README states and its one-liner does, on the hard cases (accented capitals, the dotted I, the Kelvin sign, Name <address>, mailto:, quotes, tabs)', async function () {
    try {
      execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    // Cells as a spreadsheet holds them, and how the README's steps read them.
    const cases: [string, string][] = [
      ['\u00c4NNE@Example.ORG', '\u00c4nne@example.org'],
      ['\u0130nci@Example.org', '\u0130nci@example.org'],
      ['\u212Aelvin@example.org', '\u212Aelvin@example.org'],
      ['KELVIN@EXAMPLE.ORG', 'kelvin@example.org'],
      ['Ana Ruiz <ANA@Example.org>', 'ana@example.org'],
      ['"Ruiz Bo" <Bo@X.org>', 'bo@x.org'],
      ['Cy <  cy@x.org >', 'cy@x.org'],
      ['mailto:CARL@Example.org', 'carl@example.org'],
      ['MAILTO:  dora@example.org', 'dora@example.org'],
      ['Dee <mailto:DEE@x.org>', 'dee@x.org'],
      ['  "eve@example.org"', 'eve@example.org'],
      ['\tfrank@example.org\t ', 'frank@example.org'],
      ['GR\u00dcN@M\u00dcNCHEN.DE', 'gr\u00dcn@m\u00dcnchen.de'],
      ['\u00a0nbsp@x.org', '\u00a0nbsp@x.org'],
      ['stra\u00dfe@x.org', 'stra\u00dfe@x.org'],
    ];
    for (const [cell, want] of cases) assert.deepStrictEqual(normaliseEmail(cell), { ok: true, email: want }, JSON.stringify(cell));
    const csvCellText = (c: string) => (/[",\r\n]/.test(c) || /^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const csv = ['email,name', ...cases.map(([c], k) => `${csvCellText(c)},Person ${k}`)].join('\r\n') + '\r\n';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-hard-'));
    try {
      fs.writeFileSync(path.join(dir, 'members.csv'), csv);
      const { summary, rows } = await readCsvText(csv);
      const hasher = new MemberHasher(SALT, sha256Batch, { email: 0, headerLength: summary.header.length });
      await hasher.add(rows);
      await hasher.finish();
      assert.strictEqual(hasher.stats.members, cases.length, 'every hard case is an address');
      const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
      const oneLiner = /<!-- hashed-list-one-liner -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
      assert.ok(oneLiner, 'the README shows the one-liner');
      execFileSync('bash', ['-c', `SALT=${SALT}; ${oneLiner.trim()}`], { cwd: dir });
      const shell = fs.readFileSync(path.join(dir, 'members.sha256'), 'utf8');
      const expected = cases.map(([, want]) => createHash('sha256').update(SALT + want).digest('hex')).sort();
      assert.deepStrictEqual(shell.trimEnd().split('\n'), [...new Set(expected)].sort(), 'the one-liner gives the hashes of the normalised emails');
      assert.strictEqual(new TextDecoder().decode(hasher.set.toHashedFile()), shell, 'the extension writes the same bytes');
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('reads a hashed file back: hashes in either case, a header and comments allowed, emails and junk reported by line without repeating them', async () => {
    const d = await sha256Batch(['x', 'y']);
    const text = `sha256\r\n# from Rust Berlin\r\n${toHex(d, 0).toUpperCase()}\r\n\r\n${toHex(d, 32)}\r\n${toHex(d, 0)}\r\nana@example.org\r\nnot-a-hash\r\n`;
    const r = new HashedListReader();
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += 5) r.push(bytes.subarray(i, i + 5));
    const stats = r.end();
    assert.strictEqual(stats.members, 2);
    assert.strictEqual(stats.duplicates, 1);
    assert.deepStrictEqual(stats.bad.list.map((b) => b.line), [7, 8]);
    assert.match(stats.bad.list[0].reason, /looks like an email/);
    assert.ok(!stats.bad.list[0].reason.includes('ana'));
    const out = new Uint8Array(32);
    assert.ok(parseHexDigest(toHex(d, 0), out, 0));
    assert.ok(!parseHexDigest('zz'.repeat(32), out, 0));
  });

  it('sorts the hashed lines as text, also digests that share their first bytes', () => {
    const set = new DigestSet(10);
    const r = rng(9);
    const bytes = new Uint8Array(32);
    const added = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      for (let b = 0; b < 32; b++) bytes[b] = Math.floor(r() * 256);
      if (i % 3 === 0) bytes.set([0xab, 0xcd, 0xef, 0x01]); // a third share their first four bytes
      if (i % 5 === 0) bytes.set([0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff], i % 20); // and some runs of zeros and 0xff
      if (i % 7 === 0) bytes[0] = i % 2 ? 0x00 : 0xff; // the first and last groups by first byte
      set.add(bytes);
      added.add(toHex(bytes));
    }
    const lines = set.toSortedHex();
    assert.strictEqual(lines.length, set.size);
    assert.deepStrictEqual(lines, [...added].sort(), 'every digest once, in the order of its text');
    assert.strictEqual(new TextDecoder().decode(set.toHashedFile()), lines.map((l) => `${l}\n`).join(''));
    assert.strictEqual(new DigestSet(10).toHashedFile().length, 0, 'an empty set: an empty file');
  });

  it('keeps a million-scale set exact: every added digest is found, no other is', async () => {
    const set = new DigestSet(10);
    const n = 50_000;
    const inputs = Array.from({ length: n }, (_, i) => `s${i}`);
    const d = await sha256Batch(inputs);
    for (let i = 0; i < n; i++) assert.ok(set.add(d, i * 32));
    for (let i = 0; i < n; i += 7) assert.ok(!set.add(d, i * 32), 'a second add is no new member');
    assert.strictEqual(set.size, n);
    const others = await sha256Batch(Array.from({ length: 5000 }, (_, i) => `t${i}`));
    for (let i = 0; i < 5000; i++) assert.ok(!set.has(others, i * 32));
    for (let i = 0; i < n; i += 13) assert.ok(set.has(d, i * 32));
  });
});

describe('measure: a digest set no file can slow down', () => {
  const n = 100_000;
  /** n digests of a shape an attacker may choose (a hashed file may hold any 64 hex characters), all distinct. */
  const shapes: Record<string, (i: number, r: () => number, out: Uint8Array) => void> = {
    random: (_i, r, out) => {
      for (let b = 0; b < 32; b++) out[b] = Math.floor(r() * 256);
    },
    'sharing their first 32 bits': (_i, r, out) => {
      for (let b = 0; b < 32; b++) out[b] = Math.floor(r() * 256);
      out.set([0xde, 0xad, 0xbe, 0xef]);
    },
    'differing only in their last 4 bytes': (i, _r, out) => {
      out.fill(0x5a);
      new DataView(out.buffer, out.byteOffset).setUint32(28, i * 2654435761);
    },
    'differing only in the top byte of each word': (i, _r, out) => {
      out.fill(0);
      for (let k = 0; k < 8; k++) out[k * 4 + 3] = (i >> (k * 3)) & 7;
    },
  };
  const digests = (shape: string, seed: number, count: number): Uint8Array => {
    const r = rng(seed);
    const out = new Uint8Array(count * 32);
    for (let i = 0; i < count; i++) shapes[shape](i + seed * 1_000_000, r, out.subarray(i * 32, i * 32 + 32));
    return out;
  };
  /** Two hashed files of n digests of a shape, half of them in both. */
  const files = (shape: string): [Uint8Array, Uint8Array] => {
    const a = digests(shape, 1, n);
    const b = new Uint8Array(n * 32);
    b.set(a.subarray(0, (n / 2) * 32));
    b.set(digests(shape, 2, n / 2), (n / 2) * 32);
    const hex = (d: Uint8Array) => new TextEncoder().encode(Array.from({ length: n }, (_, i) => toHex(d, i * 32)).join('\n') + '\n');
    return [hex(a), hex(b)];
  };
  /** Milliseconds of CPU to read both files into sets and count the overlap, with the count. */
  const run = ([fa, fb]: [Uint8Array, Uint8Array]): { ms: number; shared: number; size: number } => {
    const start = cpuMs();
    const ra = new HashedListReader(n);
    ra.push(fa);
    ra.end();
    const rb = new HashedListReader(n);
    rb.push(fb);
    rb.end();
    const shared = overlapOf(ra.set, rb.set).shared;
    return { ms: cpuMs() - start, shared, size: ra.set.size };
  };

  it('builds and compares 100,000 chosen digests in about the time of random ones (each shape under 5x, under 3 s)', function () {
    this.timeout(180_000);
    const best = (shape: string) => {
      let ms = Infinity;
      const both = files(shape);
      for (let k = 0; k < 3; k++) {
        const r = run(both);
        assert.strictEqual(r.size, n, `${shape}: all distinct`);
        assert.strictEqual(r.shared, n / 2, `${shape}: the shared half found`);
        ms = Math.min(ms, r.ms);
      }
      return ms;
    };
    const random = best('random');
    for (const shape of Object.keys(shapes).filter((s) => s !== 'random')) {
      const ms = best(shape);
      assert.ok(ms < 3000, `${shape}: ${ms.toFixed(0)} ms`);
      assert.ok(ms < 5 * Math.max(random, 20), `${shape}: ${ms.toFixed(0)} ms against ${random.toFixed(0)} ms for random digests`);
    }
  });
});

describe('measure: hashing on another thread', () => {
  it('gives every batch the digests hashed one by one, many batches at once (the worker thread) or few rows (here)', async () => {
    const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: b % 2 ? 700 : 10 }, (_, i) => `${SALT}member${b}.${i}@example.org`));
    const results = await Promise.all(batches.map((inputs) => sha256Batch(inputs)));
    for (const [b, inputs] of batches.entries()) {
      const want = new Uint8Array(inputs.length * 32);
      inputs.forEach((s, i) => want.set(sha256(s), i * 32));
      assert.deepStrictEqual(results[b], want, `batch ${b}`);
    }
  });

  it('hands a batch of 64 or more to the worker thread when there is a second core, and hashes a small one here', async function () {
    if (os.availableParallelism() < 2) this.skip();
    const big = sha256Batch(Array.from({ length: 64 }, (_, i) => `${SALT}m${i}@example.org`));
    assert.ok(big instanceof Promise, 'a batch of 64 goes to the worker');
    await big;
    assert.ok(sha256Batch(['a', 'b']) instanceof Uint8Array, 'two inputs are hashed on the calling thread');
  });

  it('hashes each input of a worker batch as it was: empty inputs, non-ASCII, and lone surrogates that would pair up across two inputs', async () => {
    const odd = ['', '\ud83d', '\ude00x', 'ä@x.org', '\u{1F600}@x.org', 'a\ud800', '\udc00b', '\u0000', 'K\u212A', '\n', ''];
    const inputs = Array.from({ length: 200 }, (_, i) => (i % 3 ? odd[i % odd.length] : `${SALT}m${i}@example.org`));
    const got = await sha256Batch(inputs);
    assert.strictEqual(got.length, inputs.length * 32);
    for (let i = 0; i < inputs.length; i++) assert.strictEqual(toHex(got, i * 32), createHash('sha256').update(inputs[i], 'utf8').digest('hex'), JSON.stringify(inputs[i]));
  });

  it('counts members and duplicates the same whatever order the batches come back in', async () => {
    const ex = makeExport('discord', people(900, 5), 3, { bom: false, crlf: false, duplicates: 0.1, bad: 8 });
    const here = await hashExport(ex);
    // The same rows through a hash whose batches resolve in reverse order, later.
    let n = 0;
    const one = (inputs: readonly string[]) => {
      const out = new Uint8Array(inputs.length * 32);
      inputs.forEach((x, i) => out.set(sha256(x), i * 32));
      return out;
    };
    const slow = (inputs: readonly string[]) => new Promise<Uint8Array>((resolve) => setTimeout(() => resolve(one(inputs)), 40 - (n++ % 5) * 8));
    const bytes = new TextEncoder().encode(ex.text);
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 512) parts.push(bytes.subarray(i, i + 512));
    let hasher: MemberHasher | undefined;
    await readCsv(parts, {
      onRows: (rows, table) => {
        const at = mappingIndexes(table.header, guessMapping(table.header));
        hasher ??= new MemberHasher(SALT, slow, { email: at.email!, headerLength: table.header.length });
        return hasher.add(rows);
      },
    });
    await hasher!.finish();
    assert.deepStrictEqual(hasher!.stats.members, here.stats.members);
    assert.deepStrictEqual(hasher!.stats.duplicates, here.stats.duplicates);
    assert.deepStrictEqual(hasher!.set.toSortedHex(), here.set.toSortedHex());
    assert.ok(n > 5, `${n} batches`);
  });
});

describe('measure: overlap without sharing the list', () => {
  const cases = [
    { ours: 'discord', theirs: 'discourse', a: 400, b: 250, shared: 73 },
    { ours: 'slack', theirs: 'mailchimp', a: 1000, b: 1500, shared: 0 },
    { ours: 'substack', theirs: 'circle', a: 60, b: 60, shared: 60 },
    { ours: 'meetupEu', theirs: 'luma', a: 500, b: 120, shared: 119 },
  ] as const;
  for (const [k, c] of cases.entries()) {
    it(`${c.ours} (${c.a}) against ${c.theirs}'s hashed file (${c.b}) with ${c.shared} in both: exactly ${c.shared}, with bad rows and duplicates on both sides`, async () => {
      const both = people(c.shared, 900 + k, 'both');
      const ours = [...people(c.a - c.shared, 100 + k, 'ours'), ...both];
      const theirs = [...both, ...people(c.b - c.shared, 200 + k, 'theirs')];
      const r = rng(k);
      ours.sort(() => r() - 0.5);
      const exA = makeExport(c.ours, ours, 11 + k, { duplicates: 0.08, bad: 12, crlf: k % 2 === 0, bom: true });
      const exB = makeExport(c.theirs, theirs, 21 + k, { duplicates: 0.05, bad: 5 });
      const a = await hashExport(exA, SALT, 1000 + k);
      // The partner makes their file with the same salt; you read it back.
      const b = await hashExport(exB);
      const reader = new HashedListReader();
      reader.push(hashedFile(b.set));
      reader.end();
      const o = overlapOf(a.set, reader.set);
      assert.strictEqual(o.shared, c.shared);
      assert.strictEqual(o.ours, c.a);
      assert.strictEqual(o.theirs, c.b);
      assert.strictEqual(o.ourShare, c.shared / c.a);
      assert.strictEqual(a.stats.duplicates, exA.duplicates);
      assert.deepStrictEqual(a.stats.bad.list.map((x) => x.line), exA.badLines);
      assert.strictEqual(a.stats.rows, exA.rows);
    });
  }

  it('a different salt shares nothing: hashes from another partnership cannot be matched', async () => {
    const list = people(50, 3);
    const a = await hashExport(makeExport('slack', list, 1), SALT);
    const b = await hashExport(makeExport('slack', list, 2), 'another-salt-for-someone-else');
    assert.strictEqual(overlapOf(a.set, b.set).shared, 0);
  });

  it('suggests the audience-overlap score from the smaller side share', () => {
    const o = (shared: number, ours: number, theirs: number) => suggestedOverlapScore({ shared, ours, theirs, ourShare: shared / ours, theirShare: shared / theirs });
    assert.strictEqual(o(0, 100, 100), 1);
    assert.strictEqual(o(2, 100, 1000), 2);
    assert.strictEqual(o(50, 1000, 1000), 3);
    assert.strictEqual(o(100, 10000, 1000), 4);
    assert.strictEqual(o(250, 1000, 1000), 5);
  });
});

describe('measure: event cross-attendance', () => {
  it('an Eventbrite export against your member list: of the people checked in, the share not in your list; registrations apart; cancelled and duplicate registrations left out', async () => {
    const yours = people(300, 40, 'yours');
    const members = await hashExport(makeExport('discord', yours, 41));
    const fromYours = yours.slice(0, 45);
    const fromOther = people(55, 42, 'other');
    const declined = people(7, 43, 'declined');
    const attendees = [...fromYours, ...fromOther];
    const ex = makeExport('eventbrite', [...attendees, ...declined], 44, { duplicates: 0.1, bad: 4 });
    // Mark the declined ones as Eventbrite does.
    const text = ex.text
      .split('\n')
      .map((l) => (declined.some((d) => l.toLowerCase().includes(d.email)) ? l.replace(/,(Attending|Checked In),/, ',Not Attending,') : l))
      .join('\n');
    const { summary, rows } = await readCsvText(text);
    const at = mappingIndexes(summary.header, guessMapping(summary.header));
    const counter = new AttendanceCounter(members.set, SALT, sha256Batch, { email: at.email!, status: at.status, headerLength: summary.header.length });
    await counter.add(rows);
    // Registered: everyone but the declined. Attendance: the people Eventbrite marked "Checked In".
    assert.strictEqual(counter.result.basis, 'checked-in');
    assert.deepStrictEqual([counter.result.registered.people, counter.result.registered.yours, counter.result.registered.neither], [100, 45, 55]);
    const came = new Set(rows.filter((r) => r.fields[at.status!] === 'Checked In').flatMap((r) => {
      const e = normaliseEmail(r.fields[at.email!] ?? '');
      return e.ok ? [e.email] : [];
    }));
    const yoursSet = new Set(fromYours.map((p) => p.email));
    const cameOther = [...came].filter((e) => !yoursSet.has(e)).length;
    assert.ok(came.size > 10 && came.size < 90, `${came.size} checked in`);
    assert.strictEqual(counter.result.attendees, came.size);
    assert.strictEqual(counter.result.fromOther, cameOther, 'not in your member list');
    assert.strictEqual(counter.result.fromYours, came.size - cameOther);
    assert.strictEqual(counter.result.percent, Math.round((cameOther / came.size) * 1000) / 10);
    assert.ok(counter.result.notAttending >= 7);
    assert.strictEqual(counter.result.bad.count, 4);
  });

  it('knows the statuses registration tools write for people who do not come', () => {
    for (const s of ['Not Attending', 'declined', 'Cancelled', 'canceled', 'waitlist', 'No', 'pending_approval', 'Refunded']) assert.ok(isNotAttending(s), s);
    for (const s of ['Attending', 'Checked In', 'approved', 'Yes', 'Zugesagt', 'going', '']) assert.ok(!isNotAttending(s), s);
  });
});
