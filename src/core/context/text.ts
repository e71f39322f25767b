import { normalValueCharacters } from './normalize';

/** Lines, line breaks and the one normal form of a value, shared by the reader and the writers. */

/** One line of the original text; `end` excludes the line break. */
export interface TextLine {
  index: number;
  start: number;
  end: number;
}

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  // \r alone counts as a line break too, as it does in VS Code and CommonMark, so line numbers match.
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ index: lines.length, start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ index: lines.length, start, end: text.length });
  return lines;
}

/** The index of the line that holds an offset. */
export function lineAtOffset(lines: readonly TextLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Width of the leading spaces and tabs (a tab advances to the next multiple of 4). */
export function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** `TBD`, `TBD.`, `tbd!`: the family's word for "not known yet". */
export function isTbd(value: string): boolean {
  const s = value.trim();
  if (s.slice(0, 3).toLowerCase() !== 'tbd') return false;
  for (const ch of s.slice(3)) if (!/\p{P}/u.test(ch)) return false;
  return true;
}

/**
 * The one normal form for a value, shared by the parser, the updater and the renderer so that
 * "unchanged" means the same thing everywhere: lines trimmed, blank lines dropped, `TBD` and
 * empty read as unset.
 */
export function normalizeContextValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lines = normalValueCharacters(value)
    // Control characters (NUL and the like) are not text anyone typed: Markdown readers drop or replace them.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim().replace(/[ \t\u00a0]+/g, ' '))
    .filter((l) => l !== '');
  const joined = lines.join('\n');
  return joined === '' || isTbd(joined) ? undefined : joined;
}
