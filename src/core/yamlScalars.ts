/*
 * The one-line scalars of plain, block-style YAML (src/core/blockYaml.ts reads the rest), and the
 * front matter's limits. A module of its own, without js-yaml: the records' one-pass reader
 * (src/core/records/fastDigest.ts) reads with it, and types plain scalars without js-yaml
 * (src/core/yamlPlain.ts), so that what it leaves to the full reading loads only when a record
 * needs it. Each function gives exactly what js-yaml (core schema) gives, or NOT_READ.
 */

/** The front matter's limits, whichever reader reads it (src/core/frontMatter.ts). */
export const MAX_FRONT_MATTER_DEPTH = 32;
export const MAX_FRONT_MATTER_NODES = 20_000;

/** What the readers here give for what they do not read. */
export const NOT_READ = Symbol('not read');

/** The value of a plain scalar (not empty), or NOT_READ when the resolver cannot tell it. */
export type PlainResolver = (s: string) => unknown;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** First characters of the plain scalars the core schema may type (null, booleans, numbers). */
export function mayBeTyped(c: number): boolean {
  return c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || isDigit(c) || c === 0x2b || c === DASH || c === 0x2e;
}

/**
 * The value of the plain scalar from `s` to `e` of `t`, as `resolve` gives it: the two shapes
 * front matter is full of are worked out directly (a date YYYY-MM-DD, which no core-schema type
 * resolves, so it stays text; a decimal integer without a leading zero, which the integer type
 * reads as that number), everything else by `resolve`.
 */
function plainValue(t: string, s: number, e: number, resolve: PlainResolver): unknown {
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
        if (!isDigit(d)) return resolve(t.slice(s, e));
        v = v * 10 + (d - 0x30);
      }
      return v;
    }
  }
  return resolve(t.slice(s, e));
}

/**
 * A scalar written on one line of `t`, from `s` (not a space) to `end` (trailing spaces
 * removed): plain (typed as js-yaml's core schema types it, by `resolve`; a comment may follow)
 * or quoted ("text" without escapes, 'text' with '' for a quote). NOT_READ for anything else:
 * flow collections, anchors, aliases, tags, block scalars, escapes, `: ` inside a plain value.
 */
export function oneLineScalar(t: string, s: number, end: number, resolve: PlainResolver): unknown {
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
  return plainValue(t, s, e, resolve);
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
export function flowScalar(t: string, a: number, b: number, resolve: PlainResolver): unknown {
  const c = t.charCodeAt(a);
  if (c === COLON || ((c === DASH || c === 0x3f) && (a + 1 === b || t.charCodeAt(a + 1) === SPACE))) return NOT_READ;
  for (let i = a; i < b; i++) if (t.charCodeAt(i) === COLON) return NOT_READ;
  return resolve(t.slice(a, b));
}
