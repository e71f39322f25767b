// Where each top-level key of a record's front matter is, by looking at the text: for the full
// reading's problem lines (src/core/records/fullReading.ts) and for the writer's edits (write.ts).

/** A top-level key of the YAML text and the lines it spans. */
export interface KeyBlock {
  key: string;
  /** 0-based line of `key:` in the YAML text. */
  line: number;
  /** Last line of the value (comments and blank lines after it are not part of it). */
  lastLine: number;
  /** Offsets in the YAML text: from the start of the key line to after the last line's line break. */
  start: number;
  end: number;
}

// A key at the start of a line: "double quoted", 'single quoted' or plain (which cannot start
// with a YAML indicator), followed by a colon and a space or the end of the line.
const KEY_LINE =
  /^(?:"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\r\n]|'')*)'|([^\s#'"\-?:,[\]{}&*!|>%@`](?:[^\r\n]*?[^\s])?|[-?:][^\s](?:[^\r\n]*?[^\s])?))[ \t]*:(?=[ \t\r\n]|$)/;

function keyOfLine(line: string): string | undefined {
  const m = KEY_LINE.exec(line);
  if (!m) return undefined;
  if (m[1] !== undefined) {
    try {
      return JSON.parse(`"${m[1]}"`) as string;
    } catch {
      return m[1];
    }
  }
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return m[3];
}

/** Start offset of every line of a text; a final entry for the end of the text. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return starts;
}

/** A line of only white space, or one starting with `#`. */
function isBlankOrComment(line: string): boolean {
  return line.startsWith('#') || /^\s*$/.test(line);
}

/**
 * Finds the top-level keys of a YAML mapping by looking at the text (js-yaml gives no positions).
 * A key's block runs to the line before the next top-level key; blank lines and comments at the
 * start of a line that come before the next key are left out, since they belong to what follows.
 * Unusual layouts can fool this; the writer checks its result by parsing it again.
 */
export function scanKeyBlocks(raw: string): KeyBlock[] {
  const starts = lineStarts(raw);
  const lineCount = starts.length - 1;
  const lineAt = (i: number) => raw.slice(starts[i], starts[i + 1]).replace(/\r?\n$/, '');
  const keyLines: { key: string; line: number }[] = [];
  for (let i = 0; i < lineCount; i++) {
    const key = keyOfLine(lineAt(i));
    if (key !== undefined) keyLines.push({ key, line: i });
  }
  return keyLines.map(({ key, line }, n) => {
    const next = n + 1 < keyLines.length ? keyLines[n + 1].line : lineCount;
    let last = next - 1;
    while (last > line && isBlankOrComment(lineAt(last))) last--;
    return { key, line, lastLine: last, start: starts[line], end: starts[last + 1] };
  });
}
