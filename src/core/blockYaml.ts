import CORE_SCHEMA from 'js-yaml/lib/js-yaml/schema/core.js';

/*
 * A reader for the plain, block-style YAML that front matter is nearly always written in, about
 * twenty times faster than js-yaml on it. It gives exactly what js-yaml (core schema, duplicate
 * keys refused) followed by the front matter's copy step gives, or `undefined` when the text
 * uses anything it does not handle, and the caller then parses it with js-yaml. So it only ever
 * has to be right about what it accepts, and it accepts little:
 *
 * - mappings and sequences in block style, indented with spaces; a sequence item may start a
 *   mapping (`- date: 2026-01-15`);
 * - keys that are plain words (letters, digits, `_`, `-`, single spaces), each once per mapping;
 * - values on one line: plain scalars (typed by js-yaml's own core-schema resolvers, so `12`,
 *   `0x1F`, `true` and `~` mean what they mean to js-yaml), quoted strings without escapes, and
 *   one-line flow collections of plain scalars (`[1, 2]`, `{ours: Sam, theirs: Ana}`);
 * - comments, blank lines, CRLF line ends.
 *
 * Anything else (tabs, block scalars, multi-line values, anchors, aliases, tags, complex keys,
 * escapes, unusual characters, `__proto__` and the other keys the copy step drops) gives up.
 * It runs in one pass over the text, with no regular expression on it.
 */

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

const IMPLICIT = (CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

/** Keys the front matter's copy step drops: they are left to it. */
const DROPPED = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown inside the reader to give up; never leaves this module. */
const GIVE_UP = Symbol('give up');

/** A line with content: where its text starts (after the indentation) and ends (before CR LF). */
interface Line {
  indent: number;
  start: number;
  end: number;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === DASH;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** The value js-yaml gives a plain scalar under the core schema. */
export function resolvePlain(s: string): unknown {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  // Only null (~, null), booleans (true, false), ints and floats have implicit types; they all
  // start with one of these characters.
  const typed = c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e;
  if (!typed) return s;
  for (const type of IMPLICIT) if (type.resolve(s)) return type.construct(s);
  return s;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The value of the plain scalar from `s` to `e` of `t`, as resolvePlain gives it: the two shapes
 * front matter is full of are worked out directly (a date YYYY-MM-DD, which no core-schema type
 * resolves, so it stays text; a decimal integer without a leading zero, which the integer type
 * reads as that number), everything else by resolvePlain.
 */
function plainValue(t: string, s: number, e: number): unknown {
  const n = e - s;
  const c = t.charCodeAt(s);
  if (isDigit(c)) {
    if (n === 10 && t.charCodeAt(s + 4) === DASH && t.charCodeAt(s + 7) === DASH && isDigit(t.charCodeAt(s + 1)) && isDigit(t.charCodeAt(s + 2)) && isDigit(t.charCodeAt(s + 3)) && isDigit(t.charCodeAt(s + 5)) && isDigit(t.charCodeAt(s + 6)) && isDigit(t.charCodeAt(s + 8)) && isDigit(t.charCodeAt(s + 9))) {
      return t.slice(s, e);
    }
    if (n <= 15 && (c !== 0x30 || n === 1)) {
      let v = 0;
      for (let i = s; i < e; i++) {
        const d = t.charCodeAt(i);
        if (!isDigit(d)) return resolvePlain(t.slice(s, e));
        v = v * 10 + (d - 0x30);
      }
      return v;
    }
  }
  return resolvePlain(t.slice(s, e));
}

/** What oneLineScalar gives for what it does not read. */
export const NOT_READ = Symbol('not read');

/**
 * A scalar written on one line of `t`, from `s` (not a space) to `end` (trailing spaces
 * removed): plain (typed as js-yaml's core schema types it; a comment may follow) or quoted
 * ("text" without escapes, 'text' with '' for a quote). NOT_READ for anything else: flow
 * collections, anchors, aliases, tags, block scalars, escapes, `: ` inside a plain value.
 */
export function oneLineScalar(t: string, s: number, end: number): unknown {
  const c = t.charCodeAt(s);
  switch (c) {
    case 0x22: // "
    case 0x27: // '
      return quotedScalar(t, s, end);
    case 0x5b: // [
    case 0x7b: // {
    case 0x5d: // ]
    case 0x7d: // }
    case 0x2c: // ,
    case 0x26: // & anchor
    case 0x2a: // * alias
    case 0x21: // ! tag
    case 0x7c: // | block scalar
    case 0x3e: // > block scalar
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x3f: // ? complex key
    case COLON:
      return NOT_READ;
  }
  if (c === DASH && (s + 1 === end || t.charCodeAt(s + 1) === SPACE)) return NOT_READ;
  let e = end;
  for (let i = s + 1; i < end; i++) {
    const d = t.charCodeAt(i);
    if (d === HASH && t.charCodeAt(i - 1) === SPACE) {
      e = i;
      break;
    }
    // ": " inside a plain value is a mapping js-yaml refuses here.
    if (d === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) return NOT_READ;
  }
  while (e > s && t.charCodeAt(e - 1) === SPACE) e--;
  return plainValue(t, s, e);
}

/** "text" without escapes, or 'text' with '' for a quote; a comment may follow. */
function quotedScalar(t: string, s: number, end: number): string | typeof NOT_READ {
  const q = t.charCodeAt(s);
  let value = '';
  let i = s + 1;
  let from = i;
  for (;;) {
    if (i >= end) return NOT_READ;
    const c = t.charCodeAt(i);
    if (q === 0x22 && c === 0x5c) return NOT_READ; // escapes are left to js-yaml
    if (c === q) {
      if (q === 0x27 && i + 1 < end && t.charCodeAt(i + 1) === 0x27) {
        value += t.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      value += t.slice(from, i);
      break;
    }
    i++;
  }
  return restIsComment(t, i + 1, end) ? value : NOT_READ;
}

/** True when nothing follows `k` on the line but spaces and a comment after them (or nothing at all). */
export function restIsComment(t: string, k: number, end: number): boolean {
  if (k >= end) return true;
  if (t.charCodeAt(k) !== SPACE) return false;
  while (k < end && t.charCodeAt(k) === SPACE) k++;
  return k === end || t.charCodeAt(k) === HASH;
}

/**
 * The items of a one-line flow collection (`[a, b]` or `{k: v}`) at `s`: where each starts and
 * ends, spaces around it left out; `[]` and `{}` have none. Undefined when the collection nests,
 * quotes, has an empty item (`[a,,b]`, `[a,]`), is not closed on the line, or anything but a
 * comment follows it: those are left to js-yaml.
 */
export function flowItems(t: string, s: number, end: number): [number, number][] | undefined {
  const close = t.charCodeAt(s) === 0x5b ? 0x5d : 0x7d;
  let stop = -1;
  for (let i = s + 1; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === close) {
      stop = i;
      break;
    }
    // Nesting, quotes, comments and the rest are left to js-yaml.
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x22 || c === 0x27 || c === HASH || c === 0x26 || c === 0x2a || c === 0x21 || c === 0x3f || c === 0x7c || c === 0x3e || c === 0x25 || c === 0x40 || c === 0x60) return undefined;
  }
  // Only spaces or a comment after the closing bracket.
  if (stop === -1 || !restIsComment(t, stop + 1, end)) return undefined;
  const items: [number, number][] = [];
  let from = s + 1;
  for (let i = s + 1; i <= stop; i++) {
    if (i === stop || t.charCodeAt(i) === 0x2c) {
      let a = from;
      let b = i;
      while (a < b && t.charCodeAt(a) === SPACE) a++;
      while (b > a && t.charCodeAt(b - 1) === SPACE) b--;
      items.push([a, b]);
      from = i + 1;
    }
  }
  if (items.length === 1 && items[0][0] === items[0][1]) return [];
  return items.some(([a, b]) => a === b) ? undefined : items;
}

/** A plain scalar inside a flow collection, from `a` to `b`: no colon, no indicator at its start; else NOT_READ. */
export function flowScalar(t: string, a: number, b: number): unknown {
  const c = t.charCodeAt(a);
  if (c === COLON || ((c === DASH || c === 0x3f) && (a + 1 === b || t.charCodeAt(a + 1) === SPACE))) return NOT_READ;
  for (let i = a; i < b; i++) if (t.charCodeAt(i) === COLON) return NOT_READ;
  return resolvePlain(t.slice(a, b));
}

/**
 * Reads `text` as a YAML mapping; `undefined` when it uses more of YAML than this reader
 * handles. `maxNodes` and `maxDepth` give up where the copy step would refuse.
 */
export function readBlockYaml(text: string, maxNodes: number, maxDepth: number): Record<string, unknown> | undefined {
  try {
    return new Reader(text, maxNodes, maxDepth).read();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private pos = 0;
  private nodes = 1;

  constructor(
    private readonly text: string,
    private readonly maxNodes: number,
    private readonly maxDepth: number,
  ) {}

  read(): Record<string, unknown> {
    this.split();
    if (this.lines.length === 0) return {};
    if (this.lines[0].indent !== 0) throw GIVE_UP;
    const data = this.mapping(0, 1);
    if (this.pos !== this.lines.length) throw GIVE_UP;
    return data;
  }

  /** Splits into content lines, checking every character on the way. */
  private split(): void {
    const t = this.text;
    const n = t.length;
    let lineStart = 0;
    let indent = 0;
    let contentStart = -1;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? t.charCodeAt(i) : 0x0a;
      if (c === 0x0a) {
        let end = i;
        if (end > lineStart && t.charCodeAt(end - 1) === 0x0d) end--;
        if (contentStart !== -1 && t.charCodeAt(contentStart) !== HASH) {
          while (end > contentStart && t.charCodeAt(end - 1) === SPACE) end--;
          this.lines.push({ indent, start: contentStart, end });
        }
        lineStart = i + 1;
        indent = 0;
        contentStart = -1;
        continue;
      }
      if (c === SPACE) {
        if (contentStart === -1) indent++;
        continue;
      }
      // Control characters (tab and a CR not before LF among them), C1 controls, BOM,
      // non-characters: js-yaml refuses some of them and treats others specially.
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c >= 0xfffe) {
        if (c === 0x0d && i + 1 < n && t.charCodeAt(i + 1) === 0x0a) continue;
        throw GIVE_UP;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        // Surrogates only as a well-formed pair.
        if (c > 0xdbff || i + 1 >= n) throw GIVE_UP;
        const d = t.charCodeAt(i + 1);
        if (d < 0xdc00 || d > 0xdfff) throw GIVE_UP;
        i++;
      }
      if (contentStart === -1) contentStart = i;
    }
  }

  private count(): void {
    if (++this.nodes > this.maxNodes) throw GIVE_UP;
  }

  /** A block mapping whose keys are at `indent`; the current line is its first entry. */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) throw GIVE_UP;
    const out: Record<string, unknown> = {};
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent) throw GIVE_UP;
      const colon = this.keyEnd(line.start, line.end);
      const key = this.text.slice(line.start, colon);
      if (DROPPED.has(key) || Object.prototype.hasOwnProperty.call(out, key)) throw GIVE_UP;
      this.count();
      out[key] = this.valueAfter(colon + 1, line, indent, depth, true);
    }
    return out;
  }

  /** A block sequence whose dashes are at `indent`; the current line is its first item. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > this.maxDepth) throw GIVE_UP;
    const out: unknown[] = [];
    const t = this.text;
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos];
      if (line.indent < indent) break;
      if (line.indent > indent || !this.isDash(line)) {
        // A key at the dashes' indent ends a sequence that is a mapping's value; anything else is
        // not for this reader.
        if (line.indent === indent && !this.isDash(line)) break;
        throw GIVE_UP;
      }
      this.count();
      let s = line.start + 1;
      while (s < line.end && t.charCodeAt(s) === SPACE) s++;
      if (s === line.end || t.charCodeAt(s) === HASH) {
        // "-" alone: the item is the block below it, or null.
        this.pos++;
        // After a null item js-yaml takes the next dash as an item of the same sequence even
        // when it is less indented (`-\n -\n-` is [[null, null]] to it): not for this reader.
        const next = this.lines[this.pos];
        if (next !== undefined && next.indent < indent && this.isDash(next)) throw GIVE_UP;
        out.push(this.blockBelow(indent, depth, false));
        continue;
      }
      const column = indent + (s - line.start);
      if (this.startsMappingEntry(s, line.end)) {
        // "- key: value": a mapping whose keys are at the column of the first key.
        this.lines[this.pos] = { indent: column, start: s, end: line.end };
        out.push(this.mapping(column, depth + 1));
        continue;
      }
      const c = t.charCodeAt(s);
      if (c === DASH && (s + 1 === line.end || t.charCodeAt(s + 1) === SPACE)) throw GIVE_UP;
      out.push(this.inline(s, line.end, depth));
      this.pos++;
      this.noDeeperLine(indent);
    }
    return out;
  }

  private isDash(line: Line): boolean {
    return this.text.charCodeAt(line.start) === DASH && (line.start + 1 === line.end || this.text.charCodeAt(line.start + 1) === SPACE);
  }

  /** True when the text from `s` is `key:` followed by a space or the end. */
  private startsMappingEntry(s: number, end: number): boolean {
    const t = this.text;
    if (!isLetter(t.charCodeAt(s))) return false;
    for (let i = s + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === COLON) return i + 1 === end || t.charCodeAt(i + 1) === SPACE;
      if (!isWordChar(c) && c !== SPACE) return false;
    }
    return false;
  }

  /** The offset of the colon after a plain key starting at `s`. */
  private keyEnd(s: number, end: number): number {
    const t = this.text;
    if (!isLetter(t.charCodeAt(s))) throw GIVE_UP;
    for (let i = s + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 !== end && t.charCodeAt(i + 1) !== SPACE) throw GIVE_UP;
        // No space before the colon, no two spaces in a row, and not a word js-yaml types.
        if (t.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
        if (resolvePlain(t.slice(s, i)) !== t.slice(s, i)) throw GIVE_UP;
        return i;
      }
      if (c === SPACE) {
        if (t.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
      } else if (!isWordChar(c)) throw GIVE_UP;
    }
    throw GIVE_UP;
  }

  /** The value after a mapping key's colon at `from` on `line`. */
  private valueAfter(from: number, line: Line, indent: number, depth: number, inMapping: boolean): unknown {
    const t = this.text;
    let s = from;
    while (s < line.end && t.charCodeAt(s) === SPACE) s++;
    if (s === line.end || t.charCodeAt(s) === HASH) {
      this.pos++;
      return this.blockBelow(indent, depth, inMapping);
    }
    const value = this.inline(s, line.end, depth);
    this.pos++;
    this.noDeeperLine(indent);
    return value;
  }

  /** A value written one line: nothing more indented may follow it (that would continue it). */
  private noDeeperLine(indent: number): void {
    if (this.pos < this.lines.length && this.lines[this.pos].indent > indent) throw GIVE_UP;
  }

  /** The block under a key or dash that has nothing after it on its line: null when there is none. */
  private blockBelow(indent: number, depth: number, inMapping: boolean): unknown {
    if (this.pos >= this.lines.length) return null;
    const next = this.lines[this.pos];
    if (next.indent > indent) return this.isDash(next) ? this.sequence(next.indent, depth + 1) : this.mapping(next.indent, depth + 1);
    // A mapping's value may be a sequence at the key's own indent.
    if (inMapping && next.indent === indent && this.isDash(next)) return this.sequence(indent, depth + 1);
    return null;
  }

  /** A value on one line, from `s` (not a space) to `end` (trailing spaces removed). */
  private inline(s: number, end: number, depth: number): unknown {
    const c = this.text.charCodeAt(s);
    if (c === 0x5b || c === 0x7b) return this.flow(s, end, depth); // [ {
    const value = oneLineScalar(this.text, s, end);
    if (value === NOT_READ) throw GIVE_UP;
    return value;
  }

  /** `[a, b]` or `{k: v, k2: v2}` of plain scalars, on one line. */
  private flow(s: number, end: number, depth: number): unknown {
    if (depth + 1 > this.maxDepth) throw GIVE_UP;
    const t = this.text;
    const open = t.charCodeAt(s);
    const items = flowItems(t, s, end);
    if (items === undefined) throw GIVE_UP;
    if (items.length === 0) return open === 0x5b ? [] : {};
    if (open === 0x5b) {
      return items.map(([a, b]) => {
        this.count();
        return this.flowScalar(a, b);
      });
    }
    const out: Record<string, unknown> = {};
    for (const [a, b] of items) {
      let colon = -1;
      for (let i = a; i < b; i++) {
        if (t.charCodeAt(i) === COLON) {
          colon = i;
          break;
        }
      }
      if (colon === -1 || colon + 1 >= b || t.charCodeAt(colon + 1) !== SPACE) throw GIVE_UP;
      const keyEnd = this.keyEnd(a, colon + 1);
      const key = t.slice(a, keyEnd);
      if (DROPPED.has(key) || Object.prototype.hasOwnProperty.call(out, key)) throw GIVE_UP;
      let v = colon + 1;
      while (v < b && t.charCodeAt(v) === SPACE) v++;
      this.count();
      out[key] = this.flowScalar(v, b);
    }
    return out;
  }

  /** A plain scalar inside a flow collection: no colon, no indicator at its start. */
  private flowScalar(a: number, b: number): unknown {
    const value = flowScalar(this.text, a, b);
    if (value === NOT_READ) throw GIVE_UP;
    return value;
  }
}
