// The web worker extension host: SHA-256 through Web Crypto (asynchronous, one digest per input,
// all of a batch at once).
const encoder = new TextEncoder();

interface WebCrypto {
  subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
  getRandomValues<T extends Uint8Array>(array: T): T;
}
const webCrypto = (globalThis as unknown as { crypto: WebCrypto }).crypto;

export async function sha256Batch(inputs: readonly string[]): Promise<Uint8Array> {
  const digests = await Promise.all(inputs.map((s) => webCrypto.subtle.digest('SHA-256', encoder.encode(s))));
  const out = new Uint8Array(inputs.length * 32);
  digests.forEach((d, i) => out.set(new Uint8Array(d), i * 32));
  return out;
}

export function randomBytes(bytes: Uint8Array): Uint8Array {
  return webCrypto.getRandomValues(bytes);
}
