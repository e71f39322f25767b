// SHA-512 for the private overlap's hash to the curve, in the web worker host: plain JavaScript
// (@noble/hashes), as the hash is synchronous and Web Crypto's digest is not.
import { sha512 as nobleSha512 } from '@noble/hashes/sha2';
import type { Sha512 } from '../core/psi/group';

export const sha512: Sha512 = (data) => nobleSha512(data);
