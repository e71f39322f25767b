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
/** Each byte's two hex characters, as ASCII codes. */
const HEX_HIGH = Uint8Array.from({ length: 256 }, (_, b) => HEX_CODES[b >> 4]);
const HEX_LOW = Uint8Array.from({ length: 256 }, (_, b) => HEX_CODES[b & 15]);

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
 * Per run, a random table for each of a digest's 32 bytes: a digest's keyed hash is the XOR of
 * its bytes' entries (simple tabulation hashing, over the whole digest). A hashed file is the
 * partner's, and it may hold any 64 hex characters, not only SHA-256 output: with a slot made
 * from a fixed part of the digest (or any fixed function of it), digests chosen to collide there
 * would all land in one run of the table and make every probe walk it (100,000 that share their
 * first 32 bits: a minute). Without the tables, which never leave the process, no file can
 * choose where its digests land; and tabulation keeps linear probing at a constant expected
 * number of probes for any set of digests.
 */
const TABLES: Uint32Array = (() => {
  const t = new Uint32Array(DIGEST_BYTES * 256);
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(t);
  else for (let i = 0; i < t.length; i++) t[i] = Math.floor(Math.random() * 2 ** 32);
  return t;
})();

/** The keyed 32-bit hash of the digest at `words[base]` (8 words). */
function keyedHash(words: Uint32Array, base: number): number {
  let h = 0;
  for (let k = 0, o = 0; k < 8; k++, o += 1024) {
    const x = words[base + k];
    h ^= TABLES[o + (x & 255)] ^ TABLES[o + 256 + ((x >>> 8) & 255)] ^ TABLES[o + 512 + ((x >>> 16) & 255)] ^ TABLES[o + 768 + (x >>> 24)];
  }
  return h >>> 0;
}

/**
 * A set of 32-byte digests, with no string per member: the digests one after the other in one
 * typed array (8 words each, in the order they came), and an open-addressing table of
 * (keyed hash, place + 1) pairs over them. The keyed hash (`keyedHash`, of the whole digest) gives the
 * slot (its top bits) and the tag a probe compares before the whole digest. A million members
 * take 32 MB of digests and 16 MB of table; a probe touches one table entry, not a whole digest.
 */
export class DigestSet {
  private digests: Uint32Array;
  private table: Uint32Array;
  private mask: number;
  /** 32 minus the table's bits: the slot is the hash's top bits. */
  private shift: number;
  private count = 0;

  constructor(expected = 1024) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
    this.digests = new Uint32Array(Math.max(expected, 16) * 8);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the digest at `digests[offset]`; true when it was not there yet. */
  add(digests: Uint8Array, offset = 0): boolean {
    return this.insert(readWords(digests, offset), 0);
  }

  /** As `add`, for a digest as 8 words at `words[base]` (from `digestWords`, or parsed straight into words). */
  addAt(words: Uint32Array, base: number): boolean {
    return this.insert(words, base);
  }

  has(digests: Uint8Array, offset = 0): boolean {
    return this.hasAt(readWords(digests, offset), 0);
  }

  /** As `has`, for a digest as 8 words at `words[base]` (another set's, say). */
  hasAt(words: Uint32Array, base: number): boolean {
    const tag = keyedHash(words, base);
    for (let slot = tag >>> this.shift; ; slot = (slot + 1) & this.mask) {
      const place = this.table[slot * 2 + 1];
      if (place === 0) return false;
      if (this.table[slot * 2] === tag && this.sameAs(place - 1, words, base)) return true;
    }
  }

  /** How many of this set's digests `other` holds. */
  countIn(other: DigestSet): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (other.hasAt(this.digests, i * 8)) n++;
    return n;
  }

  private sameAs(place: number, words: Uint32Array, base: number): boolean {
    const at = place * 8;
    for (let k = 0; k < 8; k++) if (this.digests[at + k] !== words[base + k]) return false;
    return true;
  }

  private insert(w: Uint32Array, base: number): boolean {
    const tag = keyedHash(w, base);
    let slot = tag >>> this.shift;
    for (; ; slot = (slot + 1) & this.mask) {
      const place = this.table[slot * 2 + 1];
      if (place === 0) break;
      if (this.table[slot * 2] === tag && this.sameAs(place - 1, w, base)) return false;
    }
    if (this.count * 8 === this.digests.length) {
      const more = new Uint32Array(this.digests.length * 2);
      more.set(this.digests);
      this.digests = more;
    }
    const at = this.count * 8;
    for (let k = 0; k < 8; k++) this.digests[at + k] = w[base + k];
    this.count++;
    this.table[slot * 2] = tag;
    this.table[slot * 2 + 1] = this.count;
    if (this.count * 2 > this.mask + 1) this.growTable();
    return true;
  }

  /** Twice the slots, filled again from the old table's entries (their keyed hashes are kept: none is made again). */
  private growTable(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    this.shift--;
    for (let j = 0; j < old.length; j += 2) {
      const place = old[j + 1];
      if (place === 0) continue;
      const tag = old[j];
      let slot = tag >>> this.shift;
      while (this.table[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = tag;
      this.table[slot * 2 + 1] = place;
    }
  }

  /**
   * The hashed file's bytes: each digest as lowercase hex and a line feed, sorted, written
   * straight into one buffer (a million members: 65 MB, and no string each). The digests are
   * first copied in groups by their first byte (one pass), then each group, small enough to stay
   * in the processor's cache, is sorted and written: read in sorted order from the whole set, each
   * digest would be a cache miss (two thirds of the time for a million).
   */
  toHashedFile(): Uint8Array {
    const n = this.count;
    const starts = new Uint32Array(257);
    for (let i = 0; i < n; i++) starts[(this.digests[i * 8] & 0xff) + 1]++;
    for (let g = 0; g < 256; g++) starts[g + 1] += starts[g];
    const grouped = new Uint32Array(n * 8);
    const next = starts.slice(0, 256);
    for (let i = 0; i < n; i++) {
      const from = i * 8;
      const to = next[this.digests[from] & 0xff]++ * 8;
      for (let k = 0; k < 8; k++) grouped[to + k] = this.digests[from + k];
    }
    const out = new Uint8Array(n * 65);
    let o = 0;
    for (let g = 0; g < 256; g++) {
      const order = sortedPlaces(grouped, starts[g], starts[g + 1]);
      for (let i = 0; i < order.length; i++) o = writeHexLine(grouped, order[i] * 8, out, o);
    }
    return out;
  }

  /** The digests as sorted lowercase hex lines, as the hashed file holds them. */
  toSortedHex(): string[] {
    const text = new TextDecoder().decode(this.toHashedFile());
    return text === '' ? [] : text.slice(0, -1).split('\n');
  }
}

/** Word `word` of the digest at place `place` of `words`, big-endian: the order of its hex text. */
function beWord(words: Uint32Array, place: number, word: number): number {
  const w = words[place * 8 + word];
  return (((w & 0xff) << 24) | (((w >>> 8) & 0xff) << 16) | (((w >>> 16) & 0xff) << 8) | (w >>> 24)) >>> 0;
}

/** The places `from` to `to` of `words` (8 words a digest) in the order of their hex text. */
function sortedPlaces(words: Uint32Array, from: number, to: number): Uint32Array {
  const n = to - from;
  const places = new Uint32Array(n);
  // Each sorted place's first word, kept beside it: the runs that share it are found without
  // reading the digests again.
  const first = new Uint32Array(n);
  if (n <= 2 ** 21) {
    // One numeric sort of typed numbers: the first four bytes above the place.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = beWord(words, from + i, 0) * 2 ** 21 + i;
    keys.sort();
    for (let i = 0; i < n; i++) {
      const at = keys[i] % 2 ** 21;
      places[i] = from + at;
      first[i] = (keys[i] - at) / 2 ** 21;
    }
  } else {
    for (let i = 0; i < n; i++) places[i] = from + i;
    places.sort((x, y) => beWord(words, x, 0) - beWord(words, y, 0));
    for (let i = 0; i < n; i++) first[i] = beWord(words, places[i], 0);
  }
  // The rare runs that share their first four bytes: by the whole digest.
  const whole = (x: number, y: number) => {
    for (let w = 0; w < 8; w++) {
      const d = beWord(words, x, w) - beWord(words, y, w);
      if (d !== 0) return d;
    }
    return 0;
  };
  for (let i = 1; i < n; i++) {
    if (first[i] !== first[i - 1]) continue;
    const start = i - 1;
    let end = i + 1;
    while (end < n && first[end] === first[start]) end++;
    places.subarray(start, end).sort(whole);
    i = end - 1;
  }
  return places;
}

/** The digest at `words[base]` as 64 lowercase hex characters and a line feed at `out[o]`; the offset after it. */
function writeHexLine(words: Uint32Array, base: number, out: Uint8Array, o: number): number {
  for (let k = 0; k < 8; k++) {
    const w = words[base + k];
    let byte = w & 0xff;
    out[o] = HEX_HIGH[byte];
    out[o + 1] = HEX_LOW[byte];
    byte = (w >>> 8) & 0xff;
    out[o + 2] = HEX_HIGH[byte];
    out[o + 3] = HEX_LOW[byte];
    byte = (w >>> 16) & 0xff;
    out[o + 4] = HEX_HIGH[byte];
    out[o + 5] = HEX_LOW[byte];
    byte = w >>> 24;
    out[o + 6] = HEX_HIGH[byte];
    out[o + 7] = HEX_LOW[byte];
    o += 8;
  }
  out[o] = 10;
  return o + 1;
}

const scratch = new Uint32Array(8);

/** Whether a Uint32Array reads bytes as `readWords` does (little-endian): then digests are viewed as words, not copied. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The digests `digests[0, count * 32)` as 8 words each, as the set holds them: a view of the same
 * bytes where the platform is little-endian and the bytes are aligned (no copy, no work), else a
 * copy made word by word.
 */
export function digestWords(digests: Uint8Array, count: number): Uint32Array {
  if (LITTLE_ENDIAN && digests.byteOffset % 4 === 0) return new Uint32Array(digests.buffer, digests.byteOffset, count * 8);
  const words = new Uint32Array(count * 8);
  for (let i = 0; i < count; i++) words.set(readWords(digests, i * DIGEST_BYTES), i * 8);
  return words;
}

function readWords(bytes: Uint8Array, offset: number): Uint32Array {
  for (let k = 0; k < 8; k++) {
    const i = offset + k * 4;
    scratch[k] = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
  }
  return scratch;
}
