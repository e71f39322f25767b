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
    return this.insert(readWords(digests, offset));
  }

  has(digests: Uint8Array, offset = 0): boolean {
    return this.hasWords(readWords(digests, offset));
  }

  /** As `has`, for a digest as 8 words (what `entries` gives). */
  hasWords(w: Uint32Array): boolean {
    for (let slot = w[0] & this.mask; ; slot = (slot + 1) & this.mask) {
      if (!this.used[slot]) return false;
      if (this.equals(slot, w)) return true;
    }
  }

  /** Each digest, in no particular order (8 words each). */
  *entries(): Generator<Uint32Array> {
    for (let slot = 0; slot < this.used.length; slot++) if (this.used[slot]) yield this.words.subarray(slot * 8, slot * 8 + 8);
  }

  /**
   * The digests as sorted lowercase hex lines, as the hashed file holds them. Sorted by their
   * first four bytes as a number (with the slot in the low bits, one typed-array sort), then the
   * rare runs that share those bytes by their whole text.
   */
  toSortedHex(): string[] {
    const slots = this.used.length;
    const keys = new Float64Array(this.count);
    let k = 0;
    for (let slot = 0; slot < slots; slot++) {
      if (!this.used[slot]) continue;
      const w = this.words[slot * 8];
      // The first four bytes, big-endian: the order of their hex text.
      const be = (((w & 0xff) << 24) | (((w >>> 8) & 0xff) << 16) | (((w >>> 16) & 0xff) << 8) | (w >>> 24)) >>> 0;
      keys[k++] = be * 2 ** 21 + slot;
    }
    if (slots > 2 ** 21) return this.sortedBySlow();
    keys.sort();
    const bytes = new Uint8Array(DIGEST_BYTES);
    const lines: string[] = new Array(this.count);
    for (let i = 0; i < keys.length; i++) {
      const slot = keys[i] % 2 ** 21;
      writeWords(this.words.subarray(slot * 8, slot * 8 + 8), bytes);
      lines[i] = toHex(bytes);
    }
    // Runs with the same first four bytes are in slot order: sorted by their text.
    for (let i = 1; i < lines.length; i++) {
      if (lines[i].slice(0, 8) !== lines[i - 1].slice(0, 8)) continue;
      let j = i - 1;
      while (j > 0 && lines[j - 1].slice(0, 8) === lines[i].slice(0, 8)) j--;
      let end = i + 1;
      while (end < lines.length && lines[end].slice(0, 8) === lines[i].slice(0, 8)) end++;
      const run = lines.slice(j, end).sort();
      for (let r = 0; r < run.length; r++) lines[j + r] = run[r];
      i = end - 1;
    }
    return lines;
  }

  private sortedBySlow(): string[] {
    const lines: string[] = [];
    const bytes = new Uint8Array(DIGEST_BYTES);
    for (const w of this.entries()) {
      writeWords(w, bytes);
      lines.push(toHex(bytes));
    }
    return lines.sort();
  }

  private equals(slot: number, w: Uint32Array): boolean {
    const base = slot * 8;
    for (let k = 0; k < 8; k++) if (this.words[base + k] !== w[k]) return false;
    return true;
  }

  private insert(w: Uint32Array): boolean {
    for (let slot = w[0] & this.mask; ; slot = (slot + 1) & this.mask) {
      if (!this.used[slot]) {
        this.used[slot] = 1;
        this.words.set(w, slot * 8);
        this.count++;
        return true;
      }
      if (this.equals(slot, w)) return false;
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
    for (let slot = 0; slot < oldUsed.length; slot++) if (oldUsed[slot]) this.insert(old.subarray(slot * 8, slot * 8 + 8));
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

function writeWords(w: Uint32Array, out: Uint8Array): void {
  for (let k = 0; k < 8; k++) {
    const v = w[k];
    out[k * 4] = v & 0xff;
    out[k * 4 + 1] = (v >>> 8) & 0xff;
    out[k * 4 + 2] = (v >>> 16) & 0xff;
    out[k * 4 + 3] = (v >>> 24) & 0xff;
  }
}
