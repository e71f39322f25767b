import { parseHexDigest, toHex } from '../measure/hash';
import { POINT_BYTES } from './scalar';

/*
 * The files of the private overlap: JSON, one object with its keys in this order and nothing
 * else (no email, no name, no hash of either):
 *
 *   step 1 "start"  (you -> partner): format, protocol, step, run, startCount, points
 *   step 2 "answer" (partner -> you): format, protocol, step, run, startCount, answerCount, reblinded, points
 *   step 3 "result" (you -> partner): format, protocol, step, run, startCount, answerCount, overlap, points
 *
 * `run` is 32 lowercase hexadecimal characters, the same in the three files of one run; points
 * are X25519 u-coordinates (32 bytes little-endian, RFC 7748) as 64 lowercase hexadecimal
 * characters (held here as 32 bytes each, one after the other). A file of another format
 * version, protocol, step or run is refused with the reason.
 */

export const FORMAT_VERSION = 2;
export const PROTOCOL = 'community-partnerships-private-overlap/edwards25519-elligator2-x25519/2';
/** The largest list a file may hold: 16 million members. */
export const MAX_POINTS = 1 << 24;

export interface StartFile {
  format: number;
  protocol: string;
  step: 1;
  run: string;
  startCount: number;
  /** The points, 32 bytes each, one after the other (in the file: 64 hexadecimal characters each). */
  points: Uint8Array;
}

export interface AnswerFile {
  format: number;
  protocol: string;
  step: 2;
  run: string;
  startCount: number;
  answerCount: number;
  reblinded: Uint8Array;
  points: Uint8Array;
}

export interface ResultFile {
  format: number;
  protocol: string;
  step: 3;
  run: string;
  startCount: number;
  answerCount: number;
  overlap: number;
  points: Uint8Array;
}

export type ExchangeFile = StartFile | AnswerFile | ResultFile;

export const STEP_NAMES = { 1: 'start', 2: 'answer', 3: 'result' } as const;

/** A file that cannot be used, and why, in words for the user. */
export class ExchangeError extends Error {}

/** A run id: 128 random bits as hexadecimal. */
export function newRunId(random: (bytes: Uint8Array) => Uint8Array): string {
  return toHex(random(new Uint8Array(16)), 0, 16);
}

const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');

/**
 * The file's text: one key a line, the points one a line, so that it reads and diffs plainly.
 * The points are written straight into one buffer of ASCII, with no string a point.
 */
export function writeExchange(file: ExchangeFile): string {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const entries = Object.entries(file) as [string, unknown][];
  let text = '{\n';
  entries.forEach(([key, value], i) => {
    text += `  ${JSON.stringify(key)}: `;
    if (!(value instanceof Uint8Array)) text += JSON.stringify(value);
    else if (value.length === 0) text += '[]';
    else {
      parts.push(encoder.encode(`${text}[\n`), pointsText(value));
      text = '\n  ]';
    }
    text += i + 1 < entries.length ? ',\n' : '\n}\n';
  });
  parts.push(encoder.encode(text));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(all);
}

/** The lines of a list of points, the last without a comma or newline. */
function pointsText(points: Uint8Array): Uint8Array {
  const n = points.length / POINT_BYTES;
  const LINE = 4 + 1 + 2 * POINT_BYTES + 1 + 2;
  const out = new Uint8Array(n * LINE - 2);
  let o = 0;
  for (let i = 0; i < n; i++) {
    out.fill(32, o, o + 4);
    o += 4;
    out[o++] = 34;
    for (let b = i * POINT_BYTES; b < (i + 1) * POINT_BYTES; b++) {
      out[o++] = HEX_DIGITS[points[b] >> 4];
      out[o++] = HEX_DIGITS[points[b] & 15];
    }
    out[o++] = 34;
    if (i + 1 < n) {
      out[o++] = 44;
      out[o++] = 10;
    }
  }
  return out;
}

/** The step a file says it is, whatever the order of its keys; undefined when it names none (readExchange says why). */
export function stepOf(text: string): number | undefined {
  const at = /"step"\s*:\s*(\d+)/.exec(text);
  return at ? Number(at[1]) : undefined;
}

const KEYS: Record<1 | 2 | 3, readonly string[]> = {
  1: ['format', 'protocol', 'step', 'run', 'startCount', 'points'],
  2: ['format', 'protocol', 'step', 'run', 'startCount', 'answerCount', 'reblinded', 'points'],
  3: ['format', 'protocol', 'step', 'run', 'startCount', 'answerCount', 'overlap', 'points'],
};

/**
 * A file's text (or its UTF-8 bytes) read as the step expected (and the run, when known), or an
 * ExchangeError that says why not: not this format, another version, another protocol, another
 * step, another run, counts that do not match the points, a point that is not hexadecimal or is
 * there twice. The lists of points are read straight into bytes, with no string a point.
 */
export function readExchange<S extends 1 | 2 | 3>(input: string | Uint8Array, step: S, run?: string): Extract<ExchangeFile, { step: S }> {
  const o = parseObject(source(input));
  if (o.protocol !== PROTOCOL) throw new ExchangeError(typeof o.protocol === 'string' ? `the file is for another protocol (${JSON.stringify(o.protocol.slice(0, 80))}; this reads ${PROTOCOL})` : 'this is not a private overlap file (no protocol)');
  if (o.format !== FORMAT_VERSION) throw new ExchangeError(`the file is format version ${JSON.stringify(o.format)}; this reads version ${FORMAT_VERSION}`);
  if (o.step !== step) {
    const name = (STEP_NAMES as Record<string, string>)[String(o.step)];
    throw new ExchangeError(name ? `this is the ${name} file (step ${String(o.step)}); the ${STEP_NAMES[step]} file (step ${step}) is needed here` : 'the file names no step of the protocol');
  }
  const extra = Object.keys(o).filter((k) => !KEYS[step].includes(k));
  if (extra.length) throw new ExchangeError(`the file holds fields the protocol does not have (${extra.slice(0, 5).join(', ')})`);
  if (typeof o.run !== 'string' || !/^[0-9a-f]{32}$/.test(o.run)) throw new ExchangeError('the run id is not 32 hexadecimal characters');
  if (run !== undefined && o.run !== run) throw new ExchangeError(`the file is from another run (${o.run}, not ${run})`);
  for (const key of KEYS[step]) {
    if (key === 'points' || key === 'reblinded') o[key] = checkedPoints(key, o[key]);
    else if (key.endsWith('Count') || key === 'overlap') {
      const n = o[key];
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n > MAX_POINTS) throw new ExchangeError(`"${key}" is not a count`);
    }
  }
  const f = o as unknown as ExchangeFile;
  const count = (points: Uint8Array) => points.length / POINT_BYTES;
  if (f.step === 1 && count(f.points) !== f.startCount) throw new ExchangeError(`the file says ${f.startCount} members but holds ${count(f.points)} points`);
  if (f.step === 2 && count(f.reblinded) !== f.startCount) throw new ExchangeError(`the file says ${f.startCount} members were re-blinded but holds ${count(f.reblinded)}`);
  if ((f.step === 2 || f.step === 3) && count(f.points) !== f.answerCount) throw new ExchangeError(`the file says ${f.answerCount} members but holds ${count(f.points)} points`);
  if (f.step === 3 && f.overlap > Math.min(f.startCount, f.answerCount)) throw new ExchangeError('the overlap is larger than a list');
  return f as Extract<ExchangeFile, { step: S }>;
}

/** A list of points as read: bytes, or (when it was not written as this module writes it) the JSON array, checked here with the reason. */
function checkedPoints(key: string, list: unknown): Uint8Array {
  if (list instanceof Uint8Array) {
    if (list.length / POINT_BYTES > MAX_POINTS) throw new ExchangeError(`"${key}" is not a list of at most ${MAX_POINTS} points`);
    const twice = firstRepeat(list);
    if (twice >= 0) throw new ExchangeError(`"${key}": point ${twice + 1} is there twice (an honest file never repeats a point)`);
    return list;
  }
  if (!Array.isArray(list) || list.length > MAX_POINTS) throw new ExchangeError(`"${key}" is not a list of at most ${MAX_POINTS} points`);
  const out = new Uint8Array(list.length * POINT_BYTES);
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as unknown;
    if (typeof p !== 'string' || !/^[0-9a-f]{64}$/.test(p) || !parseHexDigest(p, out, i * POINT_BYTES)) throw new ExchangeError(`"${key}": point ${i + 1} is not 64 lowercase hexadecimal characters`);
  }
  return checkedPoints(key, out);
}

/** The text to read: characters of a string, or bytes of UTF-8 (the structure is ASCII either way). */
interface Source {
  start: number;
  length: number;
  code(i: number): number;
  text(from: number, to: number): string;
}

function source(input: string | Uint8Array): Source {
  if (typeof input === 'string') return { start: input.charCodeAt(0) === 0xfeff ? 1 : 0, length: input.length, code: (i) => input.charCodeAt(i), text: (a, b) => input.slice(a, b) };
  const decoder = new TextDecoder();
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  return { start: bom ? 3 : 0, length: input.length, code: (i) => input[i] ?? -1, text: (a, b) => decoder.decode(input.subarray(a, b)) };
}

const notJson = () => new ExchangeError('this is not a private overlap file (it is not JSON)');

function skipSpace(src: Source, i: number): number {
  for (let c = src.code(i); c === 32 || c === 10 || c === 13 || c === 9; c = src.code(++i));
  return i;
}

/** The end of the JSON value at `i` (strings and nesting followed; the value itself is checked by JSON.parse). */
function valueEnd(src: Source, i: number): number {
  let depth = 0;
  for (; i < src.length; i++) {
    const c = src.code(i);
    if (c === 34) {
      for (i++; i < src.length && src.code(i) !== 34; i++) if (src.code(i) === 92) i++;
      if (i >= src.length) throw notJson();
      if (depth === 0) return i + 1;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) return i;
  }
  if (depth) throw notJson();
  return i;
}

function jsonAt(src: Source, from: number, to: number): unknown {
  try {
    return JSON.parse(src.text(from, to));
  } catch {
    throw notJson();
  }
}

/** The file's one object, its lists of points (`points`, `reblinded`) as bytes when they are plain 64-digit strings. */
function parseObject(src: Source): Record<string, unknown> {
  let i = skipSpace(src, src.start);
  if (src.code(i) !== 123) {
    jsonAt(src, src.start, src.length);
    throw new ExchangeError('this is not a private overlap file (not a JSON object)');
  }
  const o: Record<string, unknown> = {};
  i = skipSpace(src, i + 1);
  if (src.code(i) === 125) return endOfText(src, i + 1, o);
  for (;;) {
    if (src.code(i) !== 34) throw notJson();
    let end = valueEnd(src, i);
    const key = jsonAt(src, i, end) as string;
    i = skipSpace(src, end);
    if (src.code(i) !== 58) throw notJson();
    i = skipSpace(src, i + 1);
    const points = (key === 'points' || key === 'reblinded') && src.code(i) === 91 ? pointList(src, i) : undefined;
    end = points ? points.end : valueEnd(src, i);
    // Defined, not assigned: a key "__proto__" is a field like any other (and then refused).
    Object.defineProperty(o, key, { value: points?.bytes ?? jsonAt(src, i, end), enumerable: true, writable: true, configurable: true });
    i = skipSpace(src, end);
    if (src.code(i) === 125) return endOfText(src, i + 1, o);
    if (src.code(i) !== 44) throw notJson();
    i = skipSpace(src, i + 1);
  }
}

function endOfText(src: Source, i: number, o: Record<string, unknown>): Record<string, unknown> {
  if (skipSpace(src, i) < src.length) throw notJson();
  return o;
}

function nibble(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
}

/** A list of "64 lowercase hex digits" strings at `i` (its `[`), as bytes; undefined bytes when it holds anything else (the caller reads it as JSON). */
function pointList(src: Source, i: number): { bytes?: Uint8Array; end: number } {
  const open = i;
  // At least 67 characters a point (quotes and a comma): room for all of them.
  const room = Math.min(MAX_POINTS + 1, Math.floor((src.length - i) / 67) + 1);
  let out = new Uint8Array(room * POINT_BYTES);
  let n = 0;
  i = skipSpace(src, i + 1);
  if (src.code(i) !== 93) {
    for (;;) {
      if (src.code(i) !== 34 || src.code(i + 2 * POINT_BYTES + 1) !== 34 || n >= room) return { end: valueEnd(src, open) };
      const at = n * POINT_BYTES;
      for (let b = 0; b < POINT_BYTES; b++) {
        const hi = nibble(src.code(i + 1 + 2 * b));
        const lo = nibble(src.code(i + 2 + 2 * b));
        if (hi < 0 || lo < 0) return { end: valueEnd(src, open) };
        out[at + b] = (hi << 4) | lo;
      }
      n++;
      i = skipSpace(src, i + 2 * POINT_BYTES + 2);
      if (src.code(i) === 93) break;
      if (src.code(i) !== 44) return { end: valueEnd(src, open) };
      i = skipSpace(src, i + 1);
    }
  }
  out = out.length === n * POINT_BYTES ? out : out.slice(0, n * POINT_BYTES);
  return { bytes: out, end: i + 1 };
}

/**
 * The place of the first point that is there a second time, or -1: an open-addressing table of
 * places, hashed with random keys (a crafted file cannot make its points collide in it).
 */
export function firstRepeat(points: Uint8Array): number {
  const index = new PointIndex(points);
  for (let i = 0; i < points.length / POINT_BYTES; i++) if (!index.add(i)) return i;
  return -1;
}

/** How many of the points of `b` are among those of `a`. */
export function countCommon(a: Uint8Array, b: Uint8Array): number {
  const index = new PointIndex(a);
  for (let i = 0; i < a.length / POINT_BYTES; i++) index.add(i);
  let n = 0;
  for (let i = 0; i < b.length / POINT_BYTES; i++) if (index.has(b, i)) n++;
  return n;
}

class PointIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly keys = new Int32Array(8);

  constructor(private readonly points: Uint8Array) {
    let size = 16;
    while (size < (points.length / POINT_BYTES) * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    globalThis.crypto.getRandomValues(this.keys);
    for (let j = 0; j < 8; j++) this.keys[j] |= 1;
  }

  private hash(bytes: Uint8Array, i: number): number {
    let h = 0;
    for (let j = 0, at = i * POINT_BYTES; j < 8; j++, at += 4) h = Math.imul(h ^ (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)), this.keys[j]) ^ (h >>> 15);
    return (h ^ (h >>> 16)) & this.mask;
  }

  private same(bytes: Uint8Array, i: number, place: number): boolean {
    for (let b = 0; b < POINT_BYTES; b++) if (bytes[i * POINT_BYTES + b] !== this.points[place * POINT_BYTES + b]) return false;
    return true;
  }

  /** Adds the point at place i of the indexed points; false when it is there already. */
  add(i: number): boolean {
    for (let s = this.hash(this.points, i); ; s = (s + 1) & this.mask) {
      const held = this.slots[s];
      if (held === 0) {
        this.slots[s] = i + 1;
        return true;
      }
      if (this.same(this.points, i, held - 1)) return false;
    }
  }

  has(bytes: Uint8Array, i: number): boolean {
    for (let s = this.hash(bytes, i); ; s = (s + 1) & this.mask) {
      const held = this.slots[s];
      if (held === 0) return false;
      if (this.same(bytes, i, held - 1)) return true;
    }
  }
}
