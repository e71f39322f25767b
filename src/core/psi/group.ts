import { POINT_BYTES, PointError, SCALAR_BYTES } from './scalar';

/*
 * The group maths of the private overlap, in plain JavaScript but for X25519 and SHA-512 (passed
 * in: native in Node, WebCrypto or plain JavaScript in the browser, byte for byte the same).
 *
 * - H(email): the email's UTF-8 bytes hashed to edwards25519 with RFC 9380's suite
 *   edwards25519_XMD:SHA-512_ELL2_RO_ (expand_message_xmd with SHA-512, two field elements, each
 *   mapped with Elligator 2, the two points added, the cofactor cleared), under this protocol's
 *   own domain separation tag; then the point's Montgomery u-coordinate, u = (1 + y) / (1 - y)
 *   (RFC 7748's birational map, as libsodium's crypto_sign_ed25519_pk_to_curve25519), as 32 bytes
 *   little-endian.
 * - Blinding: X25519(k, u) with the side's 32 random secret bytes k (clamped by X25519, so a
 *   multiple of 8: any torsion is cleared). X25519(a, X25519(b, u)) = X25519(b, X25519(a, u)).
 *
 * The field arithmetic here is BigInt modulo p = 2^255 - 19, variable-time: the other side only
 * ever sees files, never the time a step takes. The hash is computed projectively, one field
 * inversion a batch (Montgomery's trick), not one a point; the result is the suite's point,
 * checked against a curve library's hashToCurve by the unit tests.
 */

/** X25519 (RFC 7748) of each 32-byte u-coordinate in `us` with the secret `scalar`, the results one after the other. */
export type X25519Batch = (scalar: Uint8Array, us: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** SHA-512 of the bytes given (node:crypto on Node, plain JavaScript in the web build). */
export type Sha512 = (data: Uint8Array) => Uint8Array;

/** The domain separation tag: names the protocol and its version, so no other protocol's hashes can be replayed here. */
export const HASH_TO_CURVE_DST = 'community-partnerships-private-overlap-v2_edwards25519_XMD:SHA-512_ELL2_RO_';

/** The field modulo p = 2^255 - 19. */
const P = 2n ** 255n - 19n;

/** base^exp mod p, square and multiply (only for the constants below and one inversion a batch). */
function pow(base: bigint, exp: bigint): bigint {
  let r = 1n;
  for (base %= P; exp > 0n; exp >>= 1n, base = (base * base) % P) if (exp & 1n) r = (r * base) % P;
  return r;
}

/** 1/x mod p (Fermat: x^(p - 2)); x is not 0. */
const inv = (x: bigint): bigint => pow(x, P - 2n);

/** 2d of edwards25519, d = -121665 / 121666 (RFC 7748, 4.1). */
const D2 = (2n * (P - 121665n) * inv(121666n)) % P;
/** Elligator 2's J (Curve25519's A), sqrt(-1), 2^((p + 3) / 8), and the sign-0 sqrt(-486664) of the map to edwards25519 (RFC 9380, G.2). */
const J = 486662n;
const SQRT_M1 = pow(2n, (P - 1n) / 4n);
const C2 = pow(2n, (P + 3n) / 8n);
const C1_EDWARDS = evenSqrt(P - 486664n);

const encoder = new TextEncoder();

/** The square root of a square x with its lowest bit 0 (sgn0 = 0): x^((p + 3) / 8), times sqrt(-1) if that squares to -x (p = 5 mod 8). */
function evenSqrt(x: bigint): bigint {
  let r = pow(x, (P + 3n) / 8n);
  if ((r * r) % P !== x) r = (r * SQRT_M1) % P;
  if ((r * r) % P !== x) throw new Error('not a square');
  return r & 1n ? P - r : r;
}

const LOW_255 = 2n ** 255n - 1n;

/**
 * x^(2^n), each square folded twice (2^255 = 19 mod p) rather than divided: a quarter faster,
 * and below 2p throughout (the caller reduces).
 */
function sqrN(x: bigint, n: number): bigint {
  for (let i = 0; i < n; i++) {
    const t = x * x;
    const f = (t & LOW_255) + 19n * (t >> 255n);
    x = (f & LOW_255) + 19n * (f >> 255n);
  }
  return x;
}

/** x^((p - 5) / 8) = x^(2^252 - 3), the addition chain of ref10 (254 squarings, 11 multiplications). */
function powP58(x: bigint): bigint {
  const x2 = (x * x) % P;
  const x3 = (x2 * x) % P;
  const x15 = (sqrN(x3, 2) * x3) % P;
  const x31 = (sqrN(x15, 1) * x) % P;
  const b10 = (sqrN(x31, 5) * x31) % P;
  const b20 = (sqrN(b10, 10) * b10) % P;
  const b40 = (sqrN(b20, 20) * b20) % P;
  const b80 = (sqrN(b40, 40) * b40) % P;
  const b160 = (sqrN(b80, 80) * b80) % P;
  const b240 = (sqrN(b160, 80) * b80) % P;
  const b250 = (sqrN(b240, 10) * b10) % P;
  return (sqrN(b250, 2) * x) % P;
}

/** An edwards25519 point in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z. */
type Ext = [bigint, bigint, bigint, bigint];

/**
 * map_to_curve_elligator2_edwards25519 (RFC 9380, G.2.1 and G.2.2; one exponentiation), the result
 * left projective: (xn / xd, yn / yd) as (xn yd : yn xd : xd yd : xn yn).
 */
function mapToEdwards(u: bigint): Ext {
  const tv1 = (2n * u * u) % P;
  const xd = (tv1 + 1n) % P;
  const x1n = P - J;
  const xd2 = (xd * xd) % P;
  const gxd = (xd2 * xd) % P;
  const gx1 = (((((J * tv1) % P) * x1n + xd2) % P) * x1n) % P;
  let tv3 = (gxd * gxd) % P;
  const gxd4 = (tv3 * tv3) % P;
  tv3 = (((tv3 * gxd) % P) * gx1) % P;
  let y11 = powP58((gxd4 * tv3) % P);
  y11 = (y11 * tv3) % P;
  const y1 = (((y11 * y11) % P) * gxd) % P === gx1 ? y11 : (y11 * SQRT_M1) % P;
  const x2n = (x1n * tv1) % P;
  let y2 = (((y11 * u) % P) * C2) % P;
  const gx2 = (gx1 * tv1) % P;
  if ((((y2 * y2) % P) * gxd) % P !== gx2) y2 = (y2 * SQRT_M1) % P;
  const e3 = (((y1 * y1) % P) * gxd) % P === gx1;
  const xMn = e3 ? x1n : x2n;
  let yM = e3 ? y1 : y2;
  if (((yM & 1n) === 1n) !== e3) yM = (P - yM) % P;
  // The rational map to edwards25519 (yMd = 1); a zero denominator gives the identity.
  let xn = (xMn * C1_EDWARDS) % P;
  let xdE = (xd * yM) % P;
  let yn = (xMn - xd + P) % P;
  let yd = (xMn + xd) % P;
  if ((xdE * yd) % P === 0n) [xn, xdE, yn, yd] = [0n, 1n, 1n, 1n];
  return [(xn * yd) % P, (yn * xdE) % P, (xdE * yd) % P, (xn * yn) % P];
}

/** P + Q (add-2008-hwcd-3, complete on edwards25519). */
function add(p: Ext, q: Ext): Ext {
  const A = ((p[1] - p[0]) * (q[1] - q[0])) % P;
  const B = ((p[1] + p[0]) * (q[1] + q[0])) % P;
  const C = (((p[3] * D2) % P) * q[3]) % P;
  const D = (2n * p[2] * q[2]) % P;
  const E = B - A;
  const F = D - C;
  const G = D + C;
  const H = B + A;
  return [(E * F) % P, (G * H) % P, (F * G) % P, (E * H) % P];
}

/** 8P, as (Y : Z) (three doublings, dbl-2008-hwcd with a = -1; 8P's x is not needed for its u). */
function timesEight(p: Ext): [bigint, bigint] {
  let [X, Y, Z] = p;
  for (let r = 0; r < 3; r++) {
    const A = (X * X) % P;
    const B = (Y * Y) % P;
    const C = (2n * Z * Z) % P;
    const s = X + Y;
    const E = (s * s - A - B) % P;
    const G = B - A;
    const F = G - C;
    const H = -A - B;
    X = (E * F) % P;
    Y = (G * H) % P;
    Z = (F * G) % P;
  }
  return [Y, Z];
}

/** DST' of expand_message_xmd: the tag, then its length in one byte (it is under 256 bytes). */
const DST_PRIME = Uint8Array.of(...encoder.encode(HASH_TO_CURVE_DST), encoder.encode(HASH_TO_CURVE_DST).length);
/** Z_pad: SHA-512's input block of zeros. */
const Z_PAD = 128;
/** The bytes of one field element, L = ceil((255 + 128) / 8), and the two a hash takes. */
const L = 48;
const UNIFORM_BYTES = 2 * L;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** OS2IP of the L bytes at `at`, modulo p. */
function toField(bytes: Uint8Array, at: number): bigint {
  let hex = '0x';
  for (let i = at; i < at + L; i++) hex += HEX[bytes[i]];
  return BigInt(hex) % P;
}

/**
 * hash_to_field(msg, 2) of the suite (RFC 9380, 5.2 and 5.3.1): expand_message_xmd with SHA-512
 * to 96 bytes, b_0 = H(Z_pad || msg || I2OSP(96, 2) || I2OSP(0, 1) || DST'),
 * b_1 = H(b_0 || I2OSP(1, 1) || DST'), b_2 = H((b_0 xor b_1) || I2OSP(2, 1) || DST'), the bytes
 * b_1 || b_2 cut to 96; each 48 of them read big-endian, modulo p.
 */
function hashToField(msg: Uint8Array, sha512: Sha512): [bigint, bigint] {
  const first = new Uint8Array(Z_PAD + msg.length + 3 + DST_PRIME.length);
  first.set(msg, Z_PAD);
  first[Z_PAD + msg.length + 1] = UNIFORM_BYTES;
  first.set(DST_PRIME, Z_PAD + msg.length + 3);
  const b0 = sha512(first);
  const block = new Uint8Array(64 + 1 + DST_PRIME.length);
  block.set(b0.subarray(0, 64));
  block[64] = 1;
  block.set(DST_PRIME, 65);
  const b1 = sha512(block);
  for (let i = 0; i < 64; i++) block[i] = b0[i] ^ b1[i];
  block[64] = 2;
  const uniform = new Uint8Array(128);
  uniform.set(b1.subarray(0, 64));
  uniform.set(sha512(block).subarray(0, 64), 64);
  return [toField(uniform, 0), toField(uniform, L)];
}

/** H(email) of the suite as (Y : Z) of the edwards25519 point. */
function hashToEdwards(email: string, sha512: Sha512): [bigint, bigint] {
  const [u0, u1] = hashToField(encoder.encode(email), sha512);
  return timesEight(add(mapToEdwards(u0), mapToEdwards(u1)));
}

/**
 * The Montgomery u-coordinate of H(email) for each email, 32 bytes little-endian each, one after
 * the other: u = (Z + Y) / (Z - Y), the divisions of a batch done with one inversion.
 */
export function hashToU(emails: readonly string[], sha512: Sha512): Uint8Array {
  const n = emails.length;
  const num: bigint[] = new Array<bigint>(n);
  const den: bigint[] = new Array<bigint>(n);
  const prefix: bigint[] = new Array<bigint>(n);
  let acc = 1n;
  for (let i = 0; i < n; i++) {
    const [Y, Z] = hashToEdwards(emails[i], sha512);
    num[i] = (((Z + Y) % P) + P) % P;
    den[i] = (((Z - Y) % P) + P) % P;
    // The identity (y = 1) has no u: reaching it means SHA-512 was broken.
    if (den[i] === 0n) throw new Error('an email hashed to the identity');
    prefix[i] = acc;
    acc = (acc * den[i]) % P;
  }
  let invAcc = inv(acc);
  const out = new Uint8Array(n * POINT_BYTES);
  for (let i = n - 1; i >= 0; i--) {
    writeLE((num[i] * ((invAcc * prefix[i]) % P)) % P, out, i * POINT_BYTES);
    invAcc = (invAcc * den[i]) % P;
  }
  return out;
}

function writeLE(v: bigint, out: Uint8Array, at: number): void {
  for (let b = 0; b < POINT_BYTES; b++, v >>= 8n) out[at + b] = Number(v & 0xffn);
}

/**
 * The canonical u-coordinates of the points of order 1, 2, 4 or 8 on Curve25519 and its twist
 * (0, 1, the two of order 8, and p - 1): X25519 with a clamped scalar sends them to 0. Every other
 * u below p is safe. A point on the twist needs no check: the twist's cofactor is 4, its large
 * subgroup of prime order, and the clamped scalar (a multiple of 8) clears the rest.
 */
export const LOW_ORDER: readonly Uint8Array[] = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Uint8Array.from({ length: POINT_BYTES }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16)));

/** Checks the u-coordinate at `bytes[at]`: its top bit clear, below p, of no low order; else a PointError naming its place. */
export function checkU(bytes: Uint8Array, at: number, index: number): void {
  if (bytes.length < at + POINT_BYTES) throw new PointError(index, 'is not 32 bytes');
  if (bytes[at + 31] & 0x80) throw new PointError(index, 'is not a canonical X25519 u-coordinate (its top bit is set)');
  // Below p = 2^255 - 19: from the top byte down, the first byte that differs from p's decides.
  let below = false;
  for (let b = 31; b >= 0; b--) {
    const pb = b === 31 ? 0x7f : b === 0 ? 0xed : 0xff;
    if (bytes[at + b] !== pb) {
      below = bytes[at + b] < pb;
      break;
    }
  }
  if (!below) throw new PointError(index, 'is not a canonical X25519 u-coordinate (not below 2^255 - 19)');
  if (LOW_ORDER.some((low) => low.every((v, b) => bytes[at + b] === v))) throw new PointError(index, 'is a point of low order');
}

/** Only checks each 32-byte point; throws a PointError naming the first bad one (`first` is the place of the first). */
export function checkPoints(points: Uint8Array, first = 0): void {
  for (let i = 0; i < points.length / POINT_BYTES; i++) checkU(points, i * POINT_BYTES, first + i);
}

/** X25519(k, H(email)) for each email. */
export async function hashAndBlind(emails: readonly string[], scalar: Uint8Array, x25519: X25519Batch, sha512: Sha512): Promise<Uint8Array> {
  checkScalar(scalar);
  return x25519(scalar, hashToU(emails, sha512));
}

/** X25519(k, u) for each 32-byte point, every one checked first. */
export async function reblind(points: Uint8Array, scalar: Uint8Array, first: number, x25519: X25519Batch): Promise<Uint8Array> {
  checkScalar(scalar);
  checkPoints(points, first);
  return x25519(scalar, points);
}

function checkScalar(scalar: Uint8Array): void {
  if (scalar.length !== SCALAR_BYTES) throw new Error('a secret is 32 bytes');
}
