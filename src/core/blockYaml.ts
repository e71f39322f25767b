import CORE_SCHEMA from 'js-yaml/lib/js-yaml/schema/core.js';
import { NOT_READ, flowItems, flowScalar, mayBeTyped, oneLineScalar } from './yamlScalars';

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
 * It runs in one pass over the text, with no regular expression on it. Its one-line scalars are
 * read by src/core/yamlScalars.ts, typed here by js-yaml's resolvers.
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
  // Only null (~, null), booleans (true, false), ints and floats have implicit types; they all
  // start with one of a few characters.
  if (!mayBeTyped(s.charCodeAt(0))) return s;
  for (const type of IMPLICIT) if (type.resolve(s)) return type.construct(s);
  return s;
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
    const value = oneLineScalar(this.text, s, end, resolvePlain);
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
    const value = flowScalar(this.text, a, b, resolvePlain);
    if (value === NOT_READ) throw GIVE_UP;
    return value;
  }
}
