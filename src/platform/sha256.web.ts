// The web worker extension host: SHA-256 in JavaScript, a batch at a time, with one set of
// buffers for the whole batch. Web Crypto's digest is one asynchronous call per input: for the
// short inputs hashed here (an email and a salt) the calls cost about ten times the hashing
// itself; this runs about as fast as node:crypto's one-shot hash in the same V8 (the benchmark's
// "Hashing, web worker host" row). Checked against node:crypto in test/unit/sha256.web.test.ts.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}
const webCrypto = (globalThis as unknown as { crypto: WebCrypto }).crypto;

/** The 64-byte blocks of one message, from `buf` (already padded), into the state `h`. */
function compress(buf: Uint8Array, end: number, h: Int32Array, w: Int32Array): void {
  for (let b = 0; b < end; b += 64) {
    for (let i = 0; i < 16; i++) {
      const p = b + i * 4;
      w[i] = (buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      w[i] = (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + w[i - 7] + w[i - 16];
    }
    let a = h[0], b1 = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b1) ^ (a & c) ^ (b1 & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b1;
      b1 = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b1;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
  }
}

/** SHA-256 of each string's UTF-8 bytes (a lone surrogate as U+FFFD, as TextEncoder writes it), 32 bytes each, in order. */
export function sha256Batch(inputs: readonly string[]): Uint8Array {
  const out = new Uint8Array(inputs.length * 32);
  const encoder = new TextEncoder();
  let buf = new Uint8Array(256);
  const w = new Int32Array(64);
  const h = new Int32Array(8);
  for (let n = 0; n < inputs.length; n++) {
    const s = inputs[n];
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the padding and the length at most 72 more.
    const need = ((s.length * 3 + 72) | 63) + 1;
    if (buf.length < need) buf = new Uint8Array(need * 2);
    // ASCII (nearly every email) is copied as it is; anything else goes through the encoder.
    let len = 0;
    while (len < s.length) {
      const c = s.charCodeAt(len);
      if (c >= 0x80) break;
      buf[len++] = c;
    }
    if (len < s.length) len = encoder.encodeInto(s, buf).written;
    const end = (((len + 8) >>> 6) + 1) * 64;
    buf.fill(0, len, end);
    buf[len] = 0x80;
    const bits = len * 8;
    buf[end - 5] = bits / 0x100000000;
    buf[end - 4] = bits >>> 24;
    buf[end - 3] = bits >>> 16;
    buf[end - 2] = bits >>> 8;
    buf[end - 1] = bits;
    h.set(H0);
    compress(buf, end, h, w);
    const o = n * 32;
    for (let i = 0; i < 8; i++) {
      const v = h[i];
      out[o + i * 4] = v >>> 24;
      out[o + i * 4 + 1] = v >>> 16;
      out[o + i * 4 + 2] = v >>> 8;
      out[o + i * 4 + 3] = v;
    }
  }
  return out;
}

export function randomBytes(bytes: Uint8Array): Uint8Array {
  return webCrypto.getRandomValues(bytes);
}
