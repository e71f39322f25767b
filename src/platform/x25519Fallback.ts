// X25519 where WebCrypto has none (or gives the wrong bytes), on Node: node:crypto's native
// X25519 through key objects, one point after the other. scripts/build.mjs swaps this file for
// x25519Fallback.web.ts in the web bundle (plain JavaScript), so the Node host carries no curve
// library.
import { createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import type { X25519Batch } from '../core/psi/group';

/** DER prefixes of an X25519 key (RFC 8410): PKCS #8 for a private one, SubjectPublicKeyInfo for a public one; then the 32 bytes. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export const fallbackX25519: X25519Batch = (scalar, us) => {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, scalar]), format: 'der', type: 'pkcs8' });
  const out = new Uint8Array(us.length);
  for (let i = 0; i < us.length; i += 32) {
    const publicKey = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, us.subarray(i, i + 32)]), format: 'der', type: 'spki' });
    out.set(diffieHellman({ privateKey, publicKey }), i);
  }
  return out;
};
