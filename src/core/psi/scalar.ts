/*
 * The secrets and point sizes of the private overlap, without the group maths (so that the code
 * that only reads and writes the files does not carry the group maths).
 */

/** A point in a file: an X25519 u-coordinate, 32 bytes little-endian (RFC 7748). */
export const POINT_BYTES = 32;
/** A side's secret: an X25519 private key, 32 random bytes (clamped by X25519 itself). */
export const SCALAR_BYTES = 32;

/** A point that cannot be used: not a canonical u-coordinate, or of low order. */
export class PointError extends Error {
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super(`point ${index + 1} ${reason}`);
  }
}

/** A fresh secret: 32 random bytes. */
export function newScalar(random: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  return random(new Uint8Array(SCALAR_BYTES));
}
