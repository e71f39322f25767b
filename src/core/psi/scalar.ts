/*
 * The secret scalars and point sizes of the private overlap, without the group maths (so that
 * the code that only reads and writes the files does not carry the curve library).
 */

export const POINT_BYTES = 32;
export const SCALAR_BYTES = 32;
/** The order of the ristretto255 group, 2^252 + 27742317777372353535851937790883648493 (RFC 9496). */
export const GROUP_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;

/** A point that cannot be used: not a canonical ristretto255 encoding, or the identity. */
export class PointError extends Error {
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super(`point ${index + 1} ${reason}`);
  }
}

/** A secret scalar from 64 random bytes (reduced modulo the group order: no bias worth naming), never zero. */
export function newScalar(random: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  for (;;) {
    const wide = random(new Uint8Array(64));
    let n = 0n;
    for (let i = wide.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(wide[i]);
    n %= GROUP_ORDER;
    wide.fill(0);
    if (n !== 0n) return scalarBytes(n);
  }
}

/** A scalar as 32 bytes, little-endian (the encoding of RFC 9496). */
export function scalarBytes(n: bigint): Uint8Array {
  const out = new Uint8Array(SCALAR_BYTES);
  for (let i = 0; i < SCALAR_BYTES; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** The scalar in 32 little-endian bytes; throws when it is zero or not below the group order. */
export function scalarValue(bytes: Uint8Array): bigint {
  if (bytes.length !== SCALAR_BYTES) throw new Error('a secret scalar is 32 bytes');
  let n = 0n;
  for (let i = SCALAR_BYTES - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  if (n === 0n || n >= GROUP_ORDER) throw new Error('the secret scalar is out of range');
  return n;
}
