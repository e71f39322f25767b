/**
 * The one normalisation pass the reader makes before anything else, so that every later rule
 * sees one form of each thing people paste: Unicode spaces (no-break, narrow, thin, ideographic)
 * as spaces, zero-width characters dropped, a trailing backslash line break as a space, and `<br>` outside a table row as a line
 * break. Smart quotes, dashes and full-width colons stay in values as typed: labels are matched
 * on their letters, and a full-width colon separates a label as a colon does, and a tab after a label as a gap does. Every position in the normal text maps back to the original, so an update edits the
 * bytes the person wrote. A single scan: linear in the text.
 */

export interface NormalText {
  /** The text the reader reads. */
  text: string;
  /** The original offset of each offset of `text` (one more entry than `text` has characters); undefined when offsets are the same. */
  origin: Int32Array | undefined;
  /** The text the positions map back to. */
  original: string;
}

const SPACES = new Set(['\u00a0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000']);
const DROPPED = new Set(['\u200b', '\u200c', '\u2060', '\u00ad', '\u200e', '\u200f', '\ufeff']);
/** Any character the pass may change: a space or dropped character above, a backslash, `<` of a break tag. */
const NEEDS_PASS = /[\u00a0\u2002-\u200a\u202f\u205f\u3000\u200b\u200c\u2060\u00ad\u200e\u200f\ufeff\\<]/;
const CHANGED_IN_VALUE = /[\u00a0\u2002-\u200a\u202f\u205f\u3000\u200b\u200c\u2060\u00ad\u200e\u200f\ufeff]/;
/** `<br>`, `<br/>`, `<br />` (any case) at `i`: its length, or 0. */
function breakTagAt(s: string, i: number): number {
  if (s[i] !== '<' || (s[i + 1] !== 'b' && s[i + 1] !== 'B') || (s[i + 2] !== 'r' && s[i + 2] !== 'R')) return 0;
  let j = i + 3;
  while (s[j] === ' ') j++;
  if (s[j] === '/') j++;
  return s[j] === '>' ? j + 1 - i : 0;
}

export function normaliseText(original: string): NormalText {
  // Fast path: nothing to change (no Unicode space, zero-width character, break tag or backslash).
  if (!NEEDS_PASS.test(original)) return { text: original, origin: undefined, original };
  const parts: string[] = [];
  let origin: number[] | undefined;
  let length = 0;
  let lineStart = 0;
  let tableRow = false;
  let leading = true;
  // Characters kept as they are, from `runStart` up to the current one, go out in one piece.
  let runStart = 0;
  const push = (piece: string, from: number) => {
    if (origin) for (let k = 0; k < piece.length; k++) origin.push(from + k);
    parts.push(piece);
    length += piece.length;
  };
  const flush = (i: number) => {
    if (i > runStart) push(original.slice(runStart, i), runStart);
  };
  for (let i = 0; i < original.length; i++) {
    const c = original[i];
    if (c === '\n' || c === '\r') {
      lineStart = i + 1;
      leading = true;
      tableRow = false;
      continue;
    }
    if (leading && c !== ' ' && c !== '\t') {
      leading = false;
      tableRow = lineHasPipe(original, i);
    }
    if (DROPPED.has(c) && !(c === '\ufeff' && i === 0)) {
      flush(i);
      runStart = i + 1;
      if (!origin) {
        origin = [];
        for (let k = 0; k < length; k++) origin.push(k);
      }
      continue;
    }
    if (SPACES.has(c)) {
      flush(i);
      push(' ', i);
      runStart = i + 1;
      continue;
    }
    if (c === '\\' && (original[i + 1] === '\n' || original[i + 1] === '\r' || i + 1 === original.length) && original[i - 1] !== '\\' && i > lineStart) {
      flush(i);
      push(' ', i);
      runStart = i + 1;
      continue;
    }
    const br = tableRow || original[i - 1] === '\\' ? 0 : breakTagAt(original, i);
    if (br > 0) {
      let j = i + br;
      while (original[j] === ' ' || original[j] === '\t') j++;
      const atEnd = j === original.length || original[j] === '\n' || original[j] === '\r';
      // The break tag becomes spaces and, unless a line break follows anyway, a line break.
      flush(i);
      push(' '.repeat(br - 1) + (atEnd ? ' ' : '\n'), i);
      i += br - 1;
      runStart = i + 1;
      if (!atEnd) {
        lineStart = i + 1;
        leading = true;
      }
      continue;
    }
  }
  flush(original.length);
  const out = parts.join('');
  if (!origin) return { text: out, origin: undefined, original };
  origin.push(original.length);
  return { text: out, origin: Int32Array.from(origin), original };
}

/** Whether the line holding offset `i` has a `|` (a table row; `<br>` in its cells stays). */
function lineHasPipe(s: string, i: number): boolean {
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\n' || c === '\r') return false;
    if (c === '|') return true;
  }
  return false;
}

/** Unicode spaces as spaces and zero-width characters dropped: the same characters the text pass changes, for a value. */
export function normalValueCharacters(value: string): string {
  if (!CHANGED_IN_VALUE.test(value)) return value;
  let out = '';
  for (const c of value) {
    if (DROPPED.has(c)) continue;
    out += SPACES.has(c) ? ' ' : c;
  }
  return out;
}

/** The offset in the original text of an offset in the normal text. */
export function toOriginal(n: NormalText, offset: number): number {
  if (!n.origin) return offset;
  if (offset <= 0) return offset;
  if (offset >= n.origin.length) return n.original.length;
  return n.origin[offset];
}
