import * as assert from 'node:assert';
import { createHash, randomFillSync } from 'node:crypto';
import {
  ExchangeError,
  FORMAT_VERSION,
  PROTOCOL,
  PointError,
  answerOverlap,
  finishAnswer,
  finishStart,
  readExchange,
  readMemberList,
  readSecret,
  secretText,
  startOverlap,
  stepOf,
  writeExchange,
  type GroupWork,
  type StepOptions,
} from '../../src/core/psi';
import { checkPoints, decodePoint, hashAndBlind, hashToGroup, multiplyFixed, reblind, scalarDigits } from '../../src/core/psi/group';
import { GROUP_ORDER, scalarBytes, scalarValue, newScalar } from '../../src/core/psi/scalar';
import { newSalt } from '../../src/core/measure/hash';
import { groupWork } from '../../src/platform/psiWork';

const random = (b: Uint8Array) => randomFillSync(b);
const refused = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (e: unknown) => e instanceof ExchangeError && pattern.test(e.message));
const direct: GroupWork = { hashAndBlind, reblind, check: checkPoints };
const options = (work: GroupWork = direct, parallel = 1): StepOptions => ({ work, random, batch: 64, parallel });

/** Two lists with exactly `shared` members in common (and spelt differently on the two sides, as exports do). */
function lists(ours: number, theirs: number, shared: number): { a: string[]; b: string[] } {
  const a = Array.from({ length: ours }, (_, i) => `member${i}@ours.example`);
  const b = Array.from({ length: theirs - shared }, (_, i) => `person${i}@theirs.example`);
  for (let i = 0; i < shared; i++) b.push(`  MEMBER${i * 2}@Ours.Example `.trim().toLowerCase());
  return { a, b };
}

async function fullRun(a: string[], b: string[], o = options()) {
  const start = await startOverlap(a, o);
  const startText = writeExchange(start.file);
  const answer = await answerOverlap(readExchange(startText, 1), b, o);
  const answerText = writeExchange(answer);
  const finished = await finishStart(readExchange(answerText, 2), readSecret(secretText(start.secret)), o);
  const resultText = writeExchange(finished.file);
  const partner = await finishAnswer(readExchange(answerText, 2), readExchange(resultText, 3, answer.run), o);
  return { startText, answerText, resultText, secret: start.secret, ours: finished.overlap, theirs: partner.overlap, agreed: partner.agreed };
}

describe('private overlap (core)', function () {
  this.timeout(120_000);

  it('gives both sides exactly the known intersection, with each side its share', async () => {
    const { a, b } = lists(300, 200, 57);
    const run = await fullRun(a, [...b, b[0], b[1]]);
    assert.strictEqual(run.ours.shared, 57);
    assert.strictEqual(run.theirs.shared, 57);
    assert.ok(run.agreed);
    assert.deepStrictEqual([run.ours.ours, run.ours.theirs, run.theirs.ours, run.theirs.theirs], [300, 200, 200, 300]);
    assert.strictEqual(run.ours.ourShare, 57 / 300);
    assert.strictEqual(run.theirs.ourShare, 57 / 200);
  });

  it('counts no overlap, a whole overlap and empty lists', async () => {
    assert.strictEqual((await fullRun(['a@x.org', 'b@x.org'], ['c@y.org'])).theirs.shared, 0);
    const whole = await fullRun(['a@x.org', 'b@x.org'], ['b@x.org', 'a@x.org']);
    assert.deepStrictEqual([whole.ours.shared, whole.theirs.shared], [2, 2]);
    const empty = await fullRun([], ['a@x.org']);
    assert.deepStrictEqual([empty.ours.shared, empty.theirs.shared, empty.ours.ours], [0, 0, 0]);
  });

  it('gives the same count with the maths on worker threads', async () => {
    const { a, b } = lists(700, 650, 123);
    const { work, parallel } = groupWork();
    const run = await fullRun(a, b, options(work, parallel));
    assert.deepStrictEqual([run.ours.shared, run.theirs.shared], [123, 123]);
  });

  it('puts no email, and no plain or salted SHA-256 of one, in any file', async () => {
    const { a, b } = lists(120, 90, 30);
    const run = await fullRun(a, b);
    const files = [run.startText, run.answerText, run.resultText].join('\n').toLowerCase();
    const salts = ['', newSalt(random), 'a3f9c2e71b5d4c08a9e6f1d2c3b4a596'];
    for (const email of [...a, ...b]) {
      assert.ok(!files.includes(email), 'no email');
      assert.ok(!files.includes(email.split('@')[0]), 'no local part');
      for (const salt of salts) {
        const digest = createHash('sha256').update(salt + email).digest();
        assert.ok(!files.includes(digest.toString('hex')), 'no SHA-256 hex');
        assert.ok(!files.includes(digest.toString('base64').toLowerCase().slice(0, 40)), 'no SHA-256 base64');
        assert.ok(!files.includes(digest.subarray(0, 16).toString('hex')), 'no half SHA-256');
      }
    }
    // Only the protocol's fields.
    for (const [text, keys] of [
      [run.startText, 'format,protocol,step,run,startCount,points'],
      [run.answerText, 'format,protocol,step,run,startCount,answerCount,reblinded,points'],
      [run.resultText, 'format,protocol,step,run,startCount,answerCount,overlap,points'],
    ] as const) {
      assert.strictEqual(Object.keys(JSON.parse(text) as object).join(','), keys);
    }
  });

  it('makes unlinkable files when a run is repeated on the same lists (fresh secrets)', async () => {
    const { a, b } = lists(100, 100, 40);
    const one = await fullRun(a, b);
    const two = await fullRun(a, b);
    const points = (text: string) => {
      const o = JSON.parse(text) as { points: string[]; reblinded?: string[] };
      return [...o.points, ...(o.reblinded ?? [])];
    };
    const first = new Set([one.startText, one.answerText, one.resultText].flatMap(points));
    const common = [two.startText, two.answerText, two.resultText].flatMap(points).filter((p) => first.has(p));
    assert.deepStrictEqual(common, []);
    assert.notStrictEqual(JSON.parse(one.startText).run, JSON.parse(two.startText).run);
    assert.strictEqual(two.theirs.shared, 40);
  });

  it('shuffles: the start file holds the blinded list, not in its order', async () => {
    const emails = Array.from({ length: 64 }, (_, i) => `m${i}@x.org`);
    const start = await startOverlap(emails, options());
    const blinded = hashAndBlind(emails, start.secret.scalar);
    const hex = (points: Uint8Array) => Array.from({ length: points.length / 32 }, (_, i) => Buffer.from(points.subarray(i * 32, i * 32 + 32)).toString('hex'));
    const inOrder = hex(blinded);
    assert.deepStrictEqual(hex(start.file.points).sort(), [...inOrder].sort());
    assert.notDeepStrictEqual(hex(start.file.points), inOrder);
  });

  it('refuses a file of another run, protocol, version or step, with the reason', async () => {
    const { a, b } = lists(20, 20, 5);
    const run = await fullRun(a, b);
    const edit = (text: string, change: (o: Record<string, unknown>) => void) => {
      const o = JSON.parse(text) as Record<string, unknown>;
      change(o);
      return JSON.stringify(o);
    };
    refused(() => readExchange(run.resultText, 3, '0'.repeat(32)), /another run/);
    refused(() => readExchange(edit(run.startText, (o) => (o.protocol = 'other-psi/1')), 1), /another protocol/);
    refused(() => readExchange(edit(run.startText, (o) => (o.format = FORMAT_VERSION + 1)), 1), /format version 2; this reads version 1/);
    refused(() => readExchange(run.answerText, 1), /answer file \(step 2\); the start file/);
    refused(() => readExchange(edit(run.startText, (o) => (o.email = 'x@y.org')), 1), /fields the protocol does not have \(email\)/);
    refused(() => readExchange(edit(run.startText, (o) => (o.startCount = 3)), 1), /says 3 members but holds 20/);
    refused(() => readExchange(edit(run.startText, (o) => ((o.points as string[])[1] = (o.points as string[])[0])), 1), /point 2 is there twice/);
    refused(() => readExchange(edit(run.startText, (o) => ((o.points as string[])[0] = 'zz')), 1), /point 1 is not 64/);
    refused(() => readExchange('name,email\nA,a@x.org\n', 1), /not JSON/);
    assert.strictEqual(readExchange(run.startText, 1).protocol, PROTOCOL);
    // Keys in another order (another implementation's writer) read the same; the step is found wherever it is.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(run.resultText) as object).reverse()));
    assert.strictEqual(stepOf(reordered), 3);
    assert.strictEqual(readExchange(reordered, 3).overlap, run.ours.shared);
    // An answer from another run is refused by the starter's secret too.
    const other = await startOverlap(a, options());
    await assert.rejects(finishStart(readExchange(run.answerText, 2), other.secret, options()), /another run/);
  });

  it('refuses points that are not on the group or are the identity, naming the place', async () => {
    const { a } = lists(10, 0, 0);
    const start = (await startOverlap(a, options())).file;
    const bad = (replace: string) => {
      const points = start.points.slice();
      points.set(Buffer.from(replace, 'hex'), 3 * 32);
      return { ...start, points };
    };
    await assert.rejects(answerOverlap(bad('00'.repeat(32)), ['b@y.org'], options()), (e: unknown) => e instanceof PointError && /point 4 is the identity/.test(e.message));
    await assert.rejects(answerOverlap(bad('ff'.repeat(32)), ['b@y.org'], options()), (e: unknown) => e instanceof PointError && /point 4 is not a valid ristretto255 encoding/.test(e.message));
    const { work, parallel } = groupWork();
    await assert.rejects(answerOverlap(bad('ff'.repeat(32)), ['b@y.org'], options(work, parallel)), /point 4 is not a valid ristretto255 encoding/);
  });

  it('reads a CSV export and a file of one email a line, the same way', async () => {
    const enc = (s: string) => [new TextEncoder().encode(s)];
    const csv = await readMemberList(enc('Name,E-mail\nAda,Ada@X.org\nBo,"Bo <bo@y.org>"\nAda again, ada@x.org\nNo one,not-an-email\n'));
    assert.deepStrictEqual(csv.emails, ['ada@x.org', 'bo@y.org']);
    assert.deepStrictEqual([csv.stats.duplicates, csv.stats.bad.count], [1, 1]);
    const lines = await readMemberList(enc('Ada@X.org\nbo@y.org\n\n'));
    assert.deepStrictEqual(lines.emails, ['ada@x.org', 'bo@y.org']);
    assert.deepStrictEqual((await readMemberList(enc('only@one.org'))).emails, ['only@one.org']);
    await assert.rejects(readMemberList(enc('Name,Phone\nA,1\n')), /holds emails/);
  });

  it('multiplies as the curve library does, for any scalar (the fixed-window method)', () => {
    const scalars = [1n, 2n, 7n, 8n, 15n, 16n, GROUP_ORDER - 1n, GROUP_ORDER - 8n, 0x888888888888888888888888888888888888888888888888888888888888888n, 2n ** 252n, ...Array.from({ length: 6 }, () => scalarValue(newScalar(random)))];
    const points = ['a@x.org', 'bo@y.org', 'c@z.org'].map((e) => hashToGroup(e));
    for (const k of scalars) {
      const digits = scalarDigits(k);
      for (const p of points) {
        assert.deepStrictEqual(multiplyFixed(p, digits).toBytes(), p.multiplyUnsafe(k).toBytes(), `k = ${k}`);
        // A decoded point (affine, Z = 1) too.
        const decoded = decodePoint(p.toBytes(), 0, 0);
        assert.deepStrictEqual(multiplyFixed(decoded, digits).toBytes(), p.multiplyUnsafe(k).toBytes(), `k = ${k}, decoded`);
      }
    }
    // The batch functions give H(e)^k exactly.
    const k = newScalar(random);
    const blinded = hashAndBlind(['a@x.org', 'bo@y.org'], k);
    assert.deepStrictEqual(blinded.subarray(32, 64), hashToGroup('bo@y.org').multiplyUnsafe(scalarValue(k)).toBytes());
    const again = reblind(blinded, scalarBytes(3n));
    assert.deepStrictEqual(again.subarray(0, 32), hashToGroup('a@x.org').multiplyUnsafe((scalarValue(k) * 3n) % GROUP_ORDER).toBytes());
  });

  it('reads a file as text or as bytes, and as JSON written another way (spacing, key order, escapes)', async () => {
    const { a, b } = lists(30, 30, 7);
    const run = await fullRun(a, b);
    const asText = readExchange(run.answerText, 2);
    const asBytes = readExchange(new TextEncoder().encode(`\uFEFF${run.answerText}`), 2);
    assert.deepStrictEqual(asBytes, asText);
    assert.strictEqual(writeExchange(asBytes), run.answerText);
    // The same file as another tool may write it: on one line, keys reordered, a point with an escape.
    const { points, ...rest } = JSON.parse(run.answerText) as Record<string, unknown> & { points: string[] };
    const other = JSON.stringify({ points, ...rest }).replace(`"${points[0]}"`, `"\\u00${points[0].charCodeAt(0).toString(16)}${points[0].slice(1)}"`);
    assert.deepStrictEqual(readExchange(other, 2), asText);
    assert.deepStrictEqual(readExchange(new TextEncoder().encode(other), 2), asText);
    // Written as before: one point a line, 4 spaces in.
    assert.match(run.startText, /^\{\n {2}"format": 1,\n {2}"protocol": "[^"]+",\n {2}"step": 1,\n {2}"run": "[0-9a-f]{32}",\n {2}"startCount": 30,\n {2}"points": \[\n( {4}"[0-9a-f]{64}",\n){29} {4}"[0-9a-f]{64}"\n {2}\]\n\}\n$/);
    refused(() => readExchange(`${run.startText}x`, 1), /not JSON/);
    refused(() => readExchange(run.startText.replace('",\n    "', '",,\n    "'), 1), /not JSON/);
    refused(() => readExchange(run.startText.replace(/"points": \[/, '"points": [1, '), 1), /point 1 is not 64/);
    refused(() => readExchange(run.startText.replace(/"startCount": 30/, '"__proto__": 1, "startCount": 30'), 1), /fields the protocol does not have \(__proto__\)/);
  });
});
