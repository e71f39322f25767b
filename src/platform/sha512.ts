// SHA-512 for the private overlap's hash to the curve, on Node: node:crypto's one-shot hash (Node
// 20.12 and later), else createHash. scripts/build.mjs swaps this file for sha512.web.ts in the
// web bundle.
import * as crypto from 'node:crypto';
import type { Sha512 } from '../core/psi/group';

type OneShot = (algorithm: string, data: Uint8Array, outputEncoding: 'buffer') => Buffer;
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

export const sha512: Sha512 = oneShot ? (data) => oneShot('sha512', data, 'buffer') : (data) => crypto.createHash('sha512').update(data).digest();
