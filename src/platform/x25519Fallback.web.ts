// X25519 where the browser's WebCrypto has none (or gives the wrong bytes): plain JavaScript
// (@noble/curves, much slower), one point after the other. Only the web bundle carries it
// (scripts/build.mjs swaps x25519Fallback.ts for this file).
import { x25519 } from '@noble/curves/ed25519';
import type { X25519Batch } from '../core/psi/group';

export const fallbackX25519: X25519Batch = (scalar, us) => {
  const out = new Uint8Array(us.length);
  for (let i = 0; i < us.length; i += 32) out.set(x25519.scalarMult(scalar, us.subarray(i, i + 32)), i);
  return out;
};
