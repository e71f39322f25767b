// X25519 (RFC 7748) for the private overlap's batches: through WebCrypto where it has X25519
// (Node's crypto.webcrypto, a browser's crypto.subtle), the calls of a batch under way together,
// else the platform's fallback (./x25519Fallback: node:crypto's key objects on Node, plain
// JavaScript in the web bundle, much slower). All give the same bytes; a WebCrypto that does not
// give RFC 7748's own test vector is not used.
import type { X25519Batch } from '../core/psi/group';
import { fallbackX25519 } from './x25519Fallback';

const X25519 = { name: 'X25519' };

/** The part of WebCrypto's SubtleCrypto used here (Node's and a browser's). */
export interface SubtleX25519 {
  importKey(format: 'pkcs8' | 'raw', keyData: Uint8Array, algorithm: { name: string }, extractable: boolean, usages: 'deriveBits'[]): Promise<unknown>;
  deriveBits(algorithm: { name: string; public: unknown }, baseKey: unknown, length: number): Promise<ArrayBuffer>;
}
/** PKCS #8 for an X25519 private key (RFC 8410): this prefix, then the 32 secret bytes. */
const PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20];

const unhex = (hex: string) => Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
/** RFC 7748, section 5.2: the first test vector (scalar, u, X25519(scalar, u)). */
export const RFC7748_VECTOR = {
  scalar: unhex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4'),
  u: unhex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c'),
  out: unhex('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552'),
};

/** X25519 through WebCrypto: one private key a batch, every point's key import and derivation under way at once. */
export function subtleX25519(subtle: SubtleX25519): X25519Batch {
  return async (scalar, us) => {
    const pkcs8 = new Uint8Array(PKCS8_PREFIX.length + scalar.length);
    pkcs8.set(PKCS8_PREFIX);
    pkcs8.set(scalar, PKCS8_PREFIX.length);
    const key = await subtle.importKey('pkcs8', pkcs8, X25519, false, ['deriveBits']);
    pkcs8.fill(0);
    const out = new Uint8Array(us.length);
    await Promise.all(
      Array.from({ length: us.length / 32 }, async (_, i) => {
        const pub = await subtle.importKey('raw', us.slice(i * 32, i * 32 + 32), X25519, false, []);
        out.set(new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: pub }, key, 256)), i * 32);
      }),
    );
    return out;
  };
}

/** WebCrypto's when this runtime has it (checked once against RFC 7748's vector), else the platform's fallback. */
export function bestX25519(subtle: SubtleX25519 | undefined): () => Promise<X25519Batch> {
  let found: Promise<X25519Batch> | undefined;
  return () => (found ??= detectSubtleX25519(subtle).then((batch) => batch ?? fallbackX25519));
}

/** WebCrypto's X25519 when it has it and gives RFC 7748's test vector, else undefined. */
export async function detectSubtleX25519(subtle: SubtleX25519 | undefined): Promise<X25519Batch | undefined> {
  if (!subtle) return undefined;
  try {
    const batch = subtleX25519(subtle);
    const out = await batch(RFC7748_VECTOR.scalar, RFC7748_VECTOR.u);
    return out.every((b, i) => b === RFC7748_VECTOR.out[i]) ? batch : undefined;
  } catch {
    return undefined;
  }
}
