// The Node-only SHA-256 (desktop VS Code, remote hosts, plain Node in tests and the benchmark):
// node:crypto hashes synchronously, one call per input. scripts/build.mjs swaps this file for
// sha256.web.ts in the web bundle, which uses Web Crypto.
import { createHash, randomFillSync } from 'node:crypto';

export function sha256Batch(inputs: readonly string[]): Uint8Array {
  const out = new Uint8Array(inputs.length * 32);
  for (let i = 0; i < inputs.length; i++) out.set(createHash('sha256').update(inputs[i], 'utf8').digest(), i * 32);
  return out;
}

export function randomBytes(bytes: Uint8Array): Uint8Array {
  return randomFillSync(bytes);
}
