import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519';
import { POINT_BYTES, PointError, scalarValue } from './scalar';

/*
 * The group maths of the private overlap, in plain JavaScript (the same in Node, in a worker
 * thread and in the browser): emails hashed to ristretto255 (RFC 9496) with the hash-to-group of
 * RFC 9380 (expand_message_xmd with SHA-512, the ristretto255 map: suite
 * ristretto255_XMD:SHA-512_R255MAP_RO_) under this protocol's own domain separation tag, and
 * points raised to a secret scalar. Points travel as their 32-byte canonical encoding.
 */

type Point = InstanceType<typeof ristretto255.Point>;

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
 * variable-time one: the other side only ever sees files, never the time a step takes, and it
 * is three times faster than the constant-time one.
 */
export function hashAndBlind(emails: readonly string[], scalar: Uint8Array): Uint8Array {
  const k = scalarValue(scalar);
  const out = new Uint8Array(emails.length * POINT_BYTES);
  for (let i = 0; i < emails.length; i++) out.set(hashToGroup(emails[i]).multiplyUnsafe(k).toBytes(), i * POINT_BYTES);
  return out;
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
  const k = scalarValue(scalar);
  const n = points.length / POINT_BYTES;
  const out = new Uint8Array(points.length);
  for (let i = 0; i < n; i++) out.set(decodePoint(points, i * POINT_BYTES, first + i).multiplyUnsafe(k).toBytes(), i * POINT_BYTES);
  return out;
}

/** Only checks each 32-byte point (canonical, not the identity); throws a PointError naming the first bad one. */
export function checkPoints(points: Uint8Array, first = 0): void {
  for (let i = 0; i < points.length / POINT_BYTES; i++) decodePoint(points, i * POINT_BYTES, first + i);
}
