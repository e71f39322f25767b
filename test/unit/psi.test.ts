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
import { ed25519_hasher, x25519 } from '@noble/curves/ed25519';
import { sha512 as nobleSha512 } from '@noble/hashes/sha2';
import { HASH_TO_CURVE_DST, LOW_ORDER, checkPoints, hashAndBlind, hashToU as hashToUWith, reblind } from '../../src/core/psi/group';
import { newScalar } from '../../src/core/psi/scalar';
import { newSalt } from '../../src/core/measure/hash';
import { groupWork } from '../../src/platform/psiWork';
import { sha512 } from '../../src/platform/sha512';
import { sha512 as webSha512 } from '../../src/platform/sha512.web';
import { RFC7748_VECTOR, detectSubtleX25519, subtleX25519, type SubtleX25519 } from '../../src/platform/x25519';
import { fallbackX25519 as nodeX25519 } from '../../src/platform/x25519Fallback';
import { fallbackX25519 as nobleX25519 } from '../../src/platform/x25519Fallback.web';

const random = (b: Uint8Array) => randomFillSync(b);
const refused = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (e: unknown) => e instanceof ExchangeError && pattern.test(e.message));
/** H(email)'s u for each email, with Node's SHA-512 (as the Node host's worker). */
const hashToU = (emails: readonly string[]) => hashToUWith(emails, sha512);
const direct: GroupWork = { hashAndBlind: (e, k) => hashAndBlind(e, k, nobleX25519, sha512), reblind: (p, k, first) => reblind(p, k, first, nobleX25519), check: checkPoints };
const subtle = globalThis.crypto.subtle as unknown as SubtleX25519;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const P = 2n ** 255n - 19n;
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
    const blinded = await hashAndBlind(emails, start.secret.scalar, nobleX25519, sha512);
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
    refused(() => readExchange(edit(run.startText, (o) => (o.format = FORMAT_VERSION + 1)), 1), /format version 3; this reads version 2/);
    // A file of the first version (ristretto255) is refused for its protocol, then its version.
    refused(() => readExchange(edit(run.startText, (o) => ((o.protocol = 'community-partnerships-private-overlap/ristretto255-sha512/1'), (o.format = 1))), 1), /another protocol \("community-partnerships-private-overlap\/ristretto255-sha512\/1"; this reads community-partnerships-private-overlap\/edwards25519-elligator2-x25519\/2\)/);
    refused(() => readExchange(edit(run.startText, (o) => (o.format = 1)), 1), /format version 1; this reads version 2/);
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

  it('refuses points that are not canonical u-coordinates or are of low order, naming the place', async () => {
    const { a } = lists(10, 0, 0);
    const start = (await startOverlap(a, options())).file;
    const bad = (replace: string) => {
      const points = start.points.slice();
      points.set(Buffer.from(replace, 'hex'), 3 * 32);
      return { ...start, points };
    };
    const pHex = 'ed' + 'ff'.repeat(30) + '7f';
    for (const [point, reason] of [
      ['00'.repeat(32), /point 4 is a point of low order/],
      ['01' + '00'.repeat(31), /point 4 is a point of low order/],
      ['ec' + 'ff'.repeat(30) + '7f', /point 4 is a point of low order/],
      ['e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', /point 4 is a point of low order/],
      ['ff'.repeat(32), /point 4 is not a canonical X25519 u-coordinate \(its top bit is set\)/],
      [pHex, /point 4 is not a canonical X25519 u-coordinate \(not below 2\^255 - 19\)/],
      ['ee' + 'ff'.repeat(30) + '7f', /point 4 is not a canonical/],
    ] as const) {
      await assert.rejects(answerOverlap(bad(point), ['b@y.org'], options()), (e: unknown) => e instanceof PointError && reason.test(e.message), point);
    }
    const { work, parallel } = groupWork();
    await assert.rejects(answerOverlap(bad('ff'.repeat(32)), ['b@y.org'], options(work, parallel)), /point 4 is not a canonical X25519 u-coordinate/);
    await assert.rejects(answerOverlap(bad('00'.repeat(32)), ['b@y.org'], options(work, parallel)), /point 4 is a point of low order/);
    // p - 20, near the top of the canonical values, passes.
    checkPoints(Buffer.from('d9' + 'ff'.repeat(30) + '7f', 'hex'));
  });

  it('refuses exactly the u-coordinates that X25519 sends to zero (the low-order list is complete)', () => {
    const k = newScalar(random);
    for (const low of LOW_ORDER) assert.throws(() => x25519.scalarMult(k, low), /invalid/, hex(low));
    // Hashed points, and random values below p, pass the check and do not go to zero.
    const us = hashToU(Array.from({ length: 20 }, (_, i) => `m${i}@x.org`));
    const randoms = random(new Uint8Array(32 * 20));
    for (let i = 31; i < randoms.length; i += 32) randoms[i] &= 0x3f;
    for (const points of [us, randoms]) {
      checkPoints(points);
      for (let i = 0; i < points.length; i += 32) assert.notStrictEqual(hex(x25519.scalarMult(k, points.subarray(i, i + 32))), '00'.repeat(32));
    }
  });

  it('hashes emails to the u-coordinate of edwards25519_XMD:SHA-512_ELL2_RO_ (as the curve library does)', () => {
    // Lengths around SHA-512's block (128 bytes) too: the message is Z_pad || email || … in expand_message_xmd.
    const long = (n: number) => `${'x'.repeat(n - '@long.example'.length)}@long.example`;
    const emails = ['a@x.org', 'bo@y.org', '', 'ünïcode@exämple.org', long(111), long(112), long(128), long(313), ...Array.from({ length: 40 }, (_, i) => `member${i}@ours.example`)];
    const us = hashToU(emails);
    emails.forEach((email, i) => {
      const { y } = ed25519_hasher.hashToCurve(new TextEncoder().encode(email), { DST: HASH_TO_CURVE_DST }).toAffine();
      // u = (1 + y) / (1 - y) mod p, little-endian.
      let inv = 1n;
      for (let base = (1n - y + P) % P, e = P - 2n; e > 0n; e >>= 1n, base = (base * base) % P) if (e & 1n) inv = (inv * base) % P;
      const u = ((1n + y) * inv) % P;
      assert.strictEqual(hex(us.subarray(i * 32, i * 32 + 32)), hex(Uint8Array.from({ length: 32 }, (_, b) => Number((u >> BigInt(8 * b)) & 0xffn))), email);
    });
    // The batch gives each email's u whatever its neighbours.
    assert.deepStrictEqual(hashToU([emails[1]]), us.subarray(32, 64));
    assert.strictEqual(hashToU([]).length, 0);
    // The protocol's bytes, pinned: what every version of both sides must compute.
    assert.strictEqual(hex(us.subarray(0, 32)), '7d5b6dc3240ae10b74401e0ee85462b1cc9d34f6afbbf1ce1718f50a5eb9fa47');
    assert.strictEqual(hex(hashToU(['x'.repeat(300) + '@long.example'])), '5c0ec1898552066ff44d6e442ef469c388c5d4ad36dfe5b7a4dd1bea8ad0557d');
    // The web build's SHA-512 (plain JavaScript) gives the same points as Node's.
    assert.deepStrictEqual(hashToUWith(emails, webSha512), us);
  });

  it('SHA-512 on Node and in the web build give the same bytes as the hash library', () => {
    for (const n of [0, 1, 111, 112, 127, 128, 129, 239, 240, 1000]) {
      const data = random(new Uint8Array(n));
      assert.strictEqual(hex(sha512(data)), hex(nobleSha512(data)), `${n} bytes`);
      assert.strictEqual(hex(webSha512(data)), hex(nobleSha512(data)), `${n} bytes (web)`);
    }
  });

  it('X25519 gives RFC 7748\'s test vectors, the same bytes through WebCrypto and in plain JavaScript', async () => {
    const unhex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
    const vectors = [
      [RFC7748_VECTOR.scalar, RFC7748_VECTOR.u, RFC7748_VECTOR.out],
      [unhex('4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d'), unhex('e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493'), unhex('95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957')],
      // Section 6.1: Alice's and Bob's public keys, and their shared secret both ways.
      [unhex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'), unhex('09' + '00'.repeat(31)), unhex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a')],
      [unhex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb'), unhex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'), unhex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742')],
      [unhex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'), unhex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'), unhex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742')],
    ];
    const viaSubtle = subtleX25519(subtle);
    for (const [k, u, out] of vectors) {
      assert.strictEqual(hex(await nobleX25519(k, u)), hex(out));
      assert.strictEqual(hex(await viaSubtle(k, u)), hex(out));
      assert.strictEqual(hex(await nodeX25519(k, u)), hex(out), 'node:crypto, the Node fallback');
    }
    assert.ok(await detectSubtleX25519(subtle), "Node's WebCrypto has X25519");
    assert.strictEqual(await detectSubtleX25519(undefined), undefined);
    // Random secrets on hashed points, in batches: the two agree byte for byte, and blinding commutes.
    const us = hashToU(Array.from({ length: 50 }, (_, i) => `m${i}@x.org`));
    const [ka, kb] = [newScalar(random), newScalar(random)];
    const a = await viaSubtle(ka, us);
    assert.strictEqual(hex(a), hex(await nobleX25519(ka, us)));
    assert.strictEqual(hex(a), hex(await nodeX25519(ka, us)));
    assert.strictEqual(hex(await viaSubtle(kb, a)), hex(await nobleX25519(ka, await nobleX25519(kb, us))));
    // The batch functions of the core: hashAndBlind is X25519 of hashToU; reblind checks, then blinds.
    assert.strictEqual(hex(await hashAndBlind(['a@x.org'], ka, viaSubtle, sha512)), hex(await nobleX25519(ka, hashToU(['a@x.org']))));
    assert.strictEqual(hex(await reblind(a, kb, 0, nobleX25519)), hex(await viaSubtle(kb, a)));
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
    assert.match(run.startText, /^\{\n {2}"format": 2,\n {2}"protocol": "[^"]+",\n {2}"step": 1,\n {2}"run": "[0-9a-f]{32}",\n {2}"startCount": 30,\n {2}"points": \[\n( {4}"[0-9a-f]{64}",\n){29} {4}"[0-9a-f]{64}"\n {2}\]\n\}\n$/);
    refused(() => readExchange(`${run.startText}x`, 1), /not JSON/);
    refused(() => readExchange(run.startText.replace('",\n    "', '",,\n    "'), 1), /not JSON/);
    refused(() => readExchange(run.startText.replace(/"points": \[/, '"points": [1, '), 1), /point 1 is not 64/);
    refused(() => readExchange(run.startText.replace(/"startCount": 30/, '"__proto__": 1, "startCount": 30'), 1), /fields the protocol does not have \(__proto__\)/);
  });
});
