/*
 * Salted SHA-256 hashes of normalised emails, and the hashed-file format partners exchange:
 * UTF-8 text, one lowercase hexadecimal SHA-256 digest (64 characters) per line, of the bytes
 * of the salt followed directly by the normalised email; sorted, no duplicates, LF line ends,
 * nothing else (no header, no email, no name). The same bytes come out of the shell one-liner in
 * the README. The hashing itself is the platform's (Node's crypto, or Web Crypto in the browser),
 * passed in: the core has no platform API.
 */

/** SHA-256 of each input's UTF-8 bytes, the 32-byte digests one after the other. */
export type Sha256Batch = (inputs: readonly string[]) => Uint8Array | Promise<Uint8Array>;

export const DIGEST_BYTES = 32;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_CODES = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

export function toHex(digests: Uint8Array, offset = 0, length = DIGEST_BYTES): string {
  let s = '';
  for (let i = offset; i < offset + length; i++) s += HEX[digests[i]];
  return s;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** The 32 bytes of a 64-character hexadecimal digest (either case), written at `out[at]`; false when it is not one. */
export function parseHexDigest(text: string, out: Uint8Array, at: number): boolean {
  if (text.length !== DIGEST_BYTES * 2) return false;
  for (let i = 0; i < DIGEST_BYTES; i++) {
    const hi = hexValue(text.charCodeAt(2 * i));
    const lo = hexValue(text.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return false;
    out[at + i] = (hi << 4) | lo;
  }
  return true;
}

/** A salt for a new partnership: 128 random bits, as 32 hexadecimal characters (safe in YAML and in a shell). */
export function newSalt(random: (bytes: Uint8Array) => Uint8Array): string {
  return toHex(random(new Uint8Array(16)), 0, 16);
}

/** A salt as it is written in a record: letters, digits, `-` and `_`, 8 to 128 of them (so a shell one-liner never needs quoting tricks). */
export function saltProblem(salt: string): string | undefined {
  if (salt.length < 8) return 'the salt is shorter than 8 characters';
  if (salt.length > 128) return 'the salt is longer than 128 characters';
  if (!/^[\w-]+$/.test(salt)) return 'the salt may hold only letters, digits, - and _';
  return undefined;
}

/**
 * A set of 32-byte digests: open addressing over one typed array (8 words a slot), so a million
 * members take about 64 MB at most and no string per member. Digests are uniformly random, so
 * their first word is the slot.
 */
export class DigestSet {
  private words: Uint32Array;
  private used: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.words = new Uint32Array(cap * 8);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the digest at `digests[offset]`; true when it was not there yet. */
  add(digests: Uint8Array, offset = 0): boolean {
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    return this.insert(readWords(digests, offset), 0);
  }

  has(digests: Uint8Array, offset = 0): boolean {
    return this.hasAt(readWords(digests, offset), 0);
  }

  /** As `has`, for a digest as 8 words at `words[base]` (another set's, say). */
  hasAt(words: Uint32Array, base: number): boolean {
    for (let slot = words[base] & this.mask; ; slot = (slot + 1) & this.mask) {
      if (!this.used[slot]) return false;
      const at = slot * 8;
      let k = 0;
      while (k < 8 && this.words[at + k] === words[base + k]) k++;
      if (k === 8) return true;
    }
  }

  /** How many of this set's digests `other` holds. */
  countIn(other: DigestSet): number {
    let n = 0;
    for (let slot = 0; slot < this.used.length; slot++) if (this.used[slot] && other.hasAt(this.words, slot * 8)) n++;
    return n;
  }

  /** A word of a slot's digest, big-endian: the order of its hex text. */
  private be(slot: number, word: number): number {
    const w = this.words[slot * 8 + word];
    return (((w & 0xff) << 24) | (((w >>> 8) & 0xff) << 16) | (((w >>> 16) & 0xff) << 8) | (w >>> 24)) >>> 0;
  }

  /** The slots in the order of their digests' hex text. */
  private sortedSlots(): Uint32Array {
    const slots = new Uint32Array(this.count);
    let n = 0;
    for (let slot = 0; slot < this.used.length; slot++) if (this.used[slot]) slots[n++] = slot;
    if (this.used.length <= 2 ** 21) {
      // One numeric sort of typed numbers: the first four bytes above the slot.
      const keys = new Float64Array(this.count);
      for (let i = 0; i < n; i++) keys[i] = this.be(slots[i], 0) * 2 ** 21 + slots[i];
      keys.sort();
      for (let i = 0; i < n; i++) slots[i] = keys[i] % 2 ** 21;
    } else {
      slots.sort((x, y) => this.be(x, 0) - this.be(y, 0));
    }
    // The rare runs that share their first four bytes: by the whole digest.
    const whole = (x: number, y: number) => {
      for (let w = 0; w < 8; w++) {
        const d = this.be(x, w) - this.be(y, w);
        if (d !== 0) return d;
      }
      return 0;
    };
    for (let i = 1; i < n; i++) {
      if (this.be(slots[i], 0) !== this.be(slots[i - 1], 0)) continue;
      const start = i - 1;
      let end = i + 1;
      while (end < n && this.be(slots[end], 0) === this.be(slots[start], 0)) end++;
      slots.subarray(start, end).sort(whole);
      i = end - 1;
    }
    return slots;
  }

  /**
   * The hashed file's bytes: each digest as lowercase hex and a line feed, sorted, written
   * straight into one buffer (a million members: 65 MB, and no string each).
   */
  toHashedFile(): Uint8Array {
    const slots = this.sortedSlots();
    const out = new Uint8Array(slots.length * 65);
    let o = 0;
    for (let i = 0; i < slots.length; i++) {
      const base = slots[i] * 8;
      for (let k = 0; k < 8; k++) {
        const w = this.words[base + k];
        for (let b = 0; b < 32; b += 8) {
          const byte = (w >>> b) & 0xff;
          out[o++] = HEX_CODES[byte >> 4];
          out[o++] = HEX_CODES[byte & 15];
        }
      }
      out[o++] = 10;
    }
    return out;
  }

  /** The digests as sorted lowercase hex lines, as the hashed file holds them. */
  toSortedHex(): string[] {
    const text = new TextDecoder().decode(this.toHashedFile());
    return text === '' ? [] : text.slice(0, -1).split('\n');
  }

  private insert(w: Uint32Array, base: number): boolean {
    for (let slot = w[base] & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 8;
      if (!this.used[slot]) {
        this.used[slot] = 1;
        for (let k = 0; k < 8; k++) this.words[at + k] = w[base + k];
        this.count++;
        return true;
      }
      let k = 0;
      while (k < 8 && this.words[at + k] === w[base + k]) k++;
      if (k === 8) return false;
    }
  }

  private grow(): void {
    const old = this.words;
    const oldUsed = this.used;
    const cap = oldUsed.length * 2;
    this.words = new Uint32Array(cap * 8);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let slot = 0; slot < oldUsed.length; slot++) if (oldUsed[slot]) this.insert(old, slot * 8);
  }
}

const scratch = new Uint32Array(8);

function readWords(bytes: Uint8Array, offset: number): Uint32Array {
  for (let k = 0; k < 8; k++) {
    const i = offset + k * 4;
    scratch[k] = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
  }
  return scratch;
}
