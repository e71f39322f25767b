import { ed25519, ristretto255, ristretto255_hasher } from '@noble/curves/ed25519';
import { POINT_BYTES, PointError, scalarValue } from './scalar';

/*
 * The group maths of the private overlap, in plain JavaScript (the same in Node, in a worker
 * thread and in the browser): emails hashed to ristretto255 (RFC 9496) with the hash-to-group of
 * RFC 9380 (expand_message_xmd with SHA-512, the ristretto255 map: suite
 * ristretto255_XMD:SHA-512_R255MAP_RO_) under this protocol's own domain separation tag, and
 * points raised to a secret scalar. Points travel as their 32-byte canonical encoding.
 */

type Point = InstanceType<typeof ristretto255.Point>;
type EdPoint = InstanceType<typeof ed25519.Point>;

/** The domain separation tag: names the protocol and its version, so no other protocol's hashes can be replayed here. */
export const HASH_TO_GROUP_DST = 'community-partnerships-private-overlap-v1_ristretto255_XMD:SHA-512_R255MAP_RO_';

const DST = new TextEncoder().encode(HASH_TO_GROUP_DST);
const encoder = new TextEncoder();

/** The point of an email (its UTF-8 bytes), hashed to the group. */
export function hashToGroup(email: string): Point {
  return ristretto255_hasher.hashToCurve(encoder.encode(email), { DST }) as unknown as Point;
}

/**
 * H(email)^k for each email, the encodings one after the other. The multiplication is the
 * variable-time one (`multiplyFixed`): the other side only ever sees files, never the time a step
 * takes.
 */
export function hashAndBlind(emails: readonly string[], scalar: Uint8Array): Uint8Array {
  const digits = scalarDigits(scalarValue(scalar));
  const out = new Uint8Array(emails.length * POINT_BYTES);
  for (let i = 0; i < emails.length; i++) out.set(multiplyFixed(hashToGroup(emails[i]), digits).toBytes(), i * POINT_BYTES);
  return out;
}

/*
 * Scalar multiplication for one secret scalar applied to many points: the scalar recoded once
 * into 64 signed base-16 digits, then for each point a table of P, 2P, ..., 8P and, from the
 * top digit down, four doublings and at most one addition a digit (252 doublings and 63
 * additions, against about 126 additions for double-and-add). Extended twisted Edwards
 * coordinates (a = -1) on the ristretto255 representative: the result is the same group element
 * as `multiplyUnsafe`, and is encoded by the library. Field values are BigInts reduced modulo p
 * after each product; sums may leave the range [0, p) (or be negative) until the end.
 */
const FIELD_P = 2n ** 255n - 19n;
const D2 = (2n * ed25519.CURVE.d) % FIELD_P;
const WINDOWS = 64;

/** k in signed base-16 digits, least significant first, each in [-8, 8) but the top one (k < 2^253 keeps it small). */
export function scalarDigits(k: bigint): Int8Array {
  const digits = new Int8Array(WINDOWS);
  let carry = 0;
  for (let i = 0; i < WINDOWS; i++) {
    let v = Number((k >> BigInt(4 * i)) & 15n) + carry;
    carry = 0;
    if (v >= 8 && i < WINDOWS - 1) {
      v -= 16;
      carry = 1;
    }
    digits[i] = v;
  }
  return digits;
}

/** A point in the form an addition uses: Y-X, Y+X, 2dT, 2Z. */
type Cached = readonly [bigint, bigint, bigint, bigint];

function cached(X: bigint, Y: bigint, Z: bigint, T: bigint): Cached {
  const p = FIELD_P;
  return [(Y - X) % p, (Y + X) % p, (D2 * T) % p, (2n * Z) % p];
}

/** P^k (in additive words, kP) for the digits of k. */
export function multiplyFixed(point: Point, digits: Int8Array): Point {
  const p = FIELD_P;
  const ep = (point as unknown as { ep: EdPoint }).ep;
  let X = ep.X;
  let Y = ep.Y;
  let Z = ep.Z;
  let T = ep.T;
  const table: Cached[] = [cached(X, Y, Z, T)];
  const one = table[0];
  for (let j = 2; j <= 8; j++) {
    // add-2008-hwcd-3 with k = 2d: (X:Y:Z:T) + P.
    const A = ((Y - X) * one[0]) % p;
    const B = ((Y + X) * one[1]) % p;
    const C = (T * one[2]) % p;
    const D = (Z * one[3]) % p;
    const E = B - A;
    const F = D - C;
    const G = D + C;
    const H = B + A;
    X = (E * F) % p;
    Y = (G * H) % p;
    T = (E * H) % p;
    Z = (F * G) % p;
    table.push(cached(X, Y, Z, T));
  }
  const top = digits[WINDOWS - 1];
  if (top === 0) {
    X = 0n;
    Y = 1n;
    Z = 1n;
  } else {
    // From the cached form: (2X : 2Y : 2Z), the same projective point.
    const c = table[Math.abs(top) - 1];
    X = top < 0 ? c[0] - c[1] : c[1] - c[0];
    Y = c[1] + c[0];
    Z = c[3];
  }
  T = 0n;
  for (let i = WINDOWS - 2; i >= 0; i--) {
    for (let r = 0; r < 4; r++) {
      // dbl-2008-hwcd with a = -1; T only before an addition.
      const A = (X * X) % p;
      const B = (Y * Y) % p;
      const C = (2n * Z * Z) % p;
      const s = X + Y;
      const E = (s * s - A - B) % p;
      const G = B - A;
      const F = G - C;
      const H = -A - B;
      X = (E * F) % p;
      Y = (G * H) % p;
      Z = (F * G) % p;
      if (r === 3) T = (E * H) % p;
    }
    const d = digits[i];
    if (d === 0) continue;
    const c = table[Math.abs(d) - 1];
    // Adding -Q: Y-X and Y+X swap places and T changes sign.
    const A = ((Y - X) * (d < 0 ? c[1] : c[0])) % p;
    const B = ((Y + X) * (d < 0 ? c[0] : c[1])) % p;
    const C = (d < 0 ? -T * c[2] : T * c[2]) % p;
    const D = (Z * c[3]) % p;
    const E = B - A;
    const F = D - C;
    const G = D + C;
    const H = B + A;
    X = (E * F) % p;
    Y = (G * H) % p;
    Z = (F * G) % p;
    T = (E * H) % p;
  }
  const n = (v: bigint) => ((v % p) + p) % p;
  // When the last digit is 0, T is the last doubling's (computed at r = 3).
  return new ristretto255.Point(new ed25519.Point(n(X), n(Y), n(Z), n(T)));
}

/** The point encoded at `bytes[at]`, checked: canonical, on the group, not the identity. */
export function decodePoint(bytes: Uint8Array, at: number, index: number): Point {
  let p: Point;
  try {
    p = ristretto255.Point.fromHex(bytes.subarray(at, at + POINT_BYTES));
  } catch {
    throw new PointError(index, 'is not a valid ristretto255 encoding');
  }
  if (p.is0()) throw new PointError(index, 'is the identity element');
  return p;
}

/** P^k for each 32-byte point, every one checked first; a bad one throws a PointError with its place (`first` is the place of the first). */
export function reblind(points: Uint8Array, scalar: Uint8Array, first = 0): Uint8Array {
  const digits = scalarDigits(scalarValue(scalar));
  const n = points.length / POINT_BYTES;
  const out = new Uint8Array(points.length);
  for (let i = 0; i < n; i++) out.set(multiplyFixed(decodePoint(points, i * POINT_BYTES, first + i), digits).toBytes(), i * POINT_BYTES);
  return out;
}

/** Only checks each 32-byte point (canonical, not the identity); throws a PointError naming the first bad one. */
export function checkPoints(points: Uint8Array, first = 0): void {
  for (let i = 0; i < points.length / POINT_BYTES; i++) decodePoint(points, i * POINT_BYTES, first + i);
}
