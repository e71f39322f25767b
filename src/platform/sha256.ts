// The Node-only SHA-256 (desktop VS Code, remote hosts, plain Node in tests and the benchmark):
// node:crypto's one-shot hash (Node 20.12 and later; two to three times faster than a Hash
// object per input), else createHash. scripts/build.mjs swaps this file for sha256.web.ts in the
// web bundle, which uses Web Crypto.
import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: string, outputEncoding: 'buffer') => Buffer;
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

/** SHA-256 of one string's UTF-8 bytes, the platform's fastest way: what the benchmark's baseline calls too. */
export const sha256 = (text: string): Uint8Array => (oneShot ? oneShot('sha256', text, 'buffer') : crypto.createHash('sha256').update(text, 'utf8').digest());

export function sha256Batch(inputs: readonly string[]): Uint8Array {
  const out = new Uint8Array(inputs.length * 32);
  for (let i = 0; i < inputs.length; i++) out.set(sha256(inputs[i]), i * 32);
  return out;
}

export function randomBytes(bytes: Uint8Array): Uint8Array {
  return crypto.randomFillSync(bytes);
}
