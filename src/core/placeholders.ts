/**
 * Unfilled `[placeholder]` text in Markdown: the slots a pitch, agreement or snippet leaves for
 * the user (`[partner's name]`, `[review date]`). Everything else Markdown writes with square
 * brackets is left alone, so the checker never nags about a link or a task box.
 *
 * Pure string work with no Markdown library: it also runs in the webview, and it only needs to
 * know where brackets mean something, not to render anything.
 */

export interface Placeholder {
  /** Offset of the opening `[`. */
  readonly start: number;
  /** Offset just after the closing `]`. */
  readonly end: number;
  /** The placeholder as written, brackets included. */
  readonly text: string;
}

export function findPlaceholders(markdown: string): Placeholder[] {
  const withoutCode = maskCodeAndComments(markdown);
  const definitions = referenceDefinitions(withoutCode);
  const visible = maskUrls(withoutCode);
  const found: Placeholder[] = [];
  let lineStart = 0;
  while (lineStart <= visible.length) {
    let lineEnd = visible.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = visible.length;
    const line = visible.slice(lineStart, lineEnd).replace(/\r$/, '');
    const definition = DEFINITION.exec(line);
    if (!definition || definition[1].trim() === '') {
      for (const [start, end] of placeholdersInLine(line, definitions)) {
        found.push({ start: lineStart + start, end: lineStart + end, text: markdown.slice(lineStart + start, lineStart + end) });
      }
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

/**
 * The text with front matter, fenced code, HTML comments and inline code blanked out (same
 * length, line breaks kept), so offsets still point into the original. Brackets in those
 * places are code or hidden, never a slot to fill.
 */
export function maskCodeAndComments(markdown: string): string {
  // Positions to blank, and the text with them blanked built in one pass when needed (an array
  // of one-character strings cost ten times more per character on long lines).
  const masked = new Uint8Array(markdown.length);
  const blank = (from: number, to: number) => masked.fill(1, from, Math.min(to, markdown.length));
  const render = (): string => {
    const parts: string[] = [];
    let i = 0;
    while (i < markdown.length) {
      let j = i;
      while (j < markdown.length && masked[j] === masked[i]) j++;
      parts.push(masked[i] ? markdown.slice(i, j).replace(/[^\r\n]/g, ' ') : markdown.slice(i, j));
      i = j;
    }
    return parts.join('');
  };

  const frontMatter = FRONT_MATTER.exec(markdown);
  if (frontMatter) blank(0, frontMatter[0].length);

  // Fenced code blocks, line by line. Fences inside list items and block quotes are indented
  // or prefixed with `>`, so any indentation is accepted; an unclosed fence runs to the end,
  // as CommonMark says.
  let fence: { char: string; length: number } | undefined;
  let offset = frontMatter ? frontMatter[0].length : 0;
  for (const line of markdown.slice(offset).split('\n')) {
    const next = offset + line.length + 1;
    const bare = line.replace(/\r$/, '');
    if (fence) {
      blank(offset, offset + line.length);
      const close = FENCE_CLOSE.exec(bare);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else {
      const open = FENCE_OPEN.exec(bare);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { char: open[1][0], length: open[1].length };
        blank(offset, offset + line.length);
      }
    }
    offset = next;
  }

  let text = render();
  for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) blank(m.index, m.index + m[0].length);
  text = render();

  // Inline code spans: a run of n backticks closed by the next run of exactly n on the line.
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let i = 0;
    while (i < line.length) {
      if (line[i] === '\\') {
        i += 2;
        continue;
      }
      if (line[i] !== '`') {
        i++;
        continue;
      }
      let run = 1;
      while (line[i + run] === '`') run++;
      const close = findBacktickRun(line, i + run, run);
      if (close < 0) {
        i += run;
        continue;
      }
      blank(lineStart + i, lineStart + close + run);
      i = close + run;
    }
    lineStart += line.length + 1;
  }
  return render();
}

/** Escapes text for VS Code snippet syntax: `$`, `}` and `\` would otherwise be read as syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * The Markdown as a VS Code snippet: each placeholder becomes a tab stop whose default is the
 * placeholder itself (so tabbing past one leaves it visible to the checker), the same
 * placeholder twice becomes one mirrored tab stop, and all other text is escaped. Tab stops are
 * numbered in reading order from `firstTabStop`, except the placeholders in `first`, which come
 * first in that order when present (the partner's name before the subject line's topic).
 */
export function placeholdersToSnippet(markdown: string, firstTabStop = 1, first: readonly string[] = []): string {
  const found = findPlaceholders(markdown);
  const numbers = new Map<string, number>();
  let next = firstTabStop;
  for (const text of [...first.filter((f) => found.some((p) => p.text === f)), ...found.map((p) => p.text)]) if (!numbers.has(text)) numbers.set(text, next++);
  let out = '';
  let pos = 0;
  for (const p of found) {
    out += escapeSnippetText(markdown.slice(pos, p.start));
    out += `\${${numbers.get(p.text)}:${escapeSnippetText(p.text)}}`;
    pos = p.end;
  }
  return out + escapeSnippetText(markdown.slice(pos));
}

// Same delimiters as readFrontMatter in frontMatter.ts; repeated here because that module
// pulls in gray-matter, which this one must not (it runs in the webview too).
const FRONT_MATTER = /^\ufeff?---(?!-)[^\r\n]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;
/** The block-quote markers and indentation before a fence. */
const FENCE_PREFIX = /^(?:[ \t]*>)*[ \t]*/;

/**
 * A fence opening the line (after any `>` and indentation): its run of three or more backticks
 * or tildes as [run, info string], read by hand so that a line of thousands of backticks costs
 * one pass, like the match the close pattern makes.
 */
const FENCE_OPEN = {
  exec(line: string): [string, string, string] | null {
    const at = FENCE_PREFIX.exec(line)?.[0].length ?? 0;
    const c = line[at];
    if (c !== '`' && c !== '~') return null;
    let end = at;
    while (line[end] === c) end++;
    if (end - at < 3) return null;
    return [line.slice(at), line.slice(at, end), line.slice(end)];
  },
};
const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
/** `[label]: destination` at the start of a line (block quotes allowed). */
// The label's alternatives are disjoint, so the match stays linear on long lines.
const DEFINITION = /^(?:[ \t]*>)*[ \t]{0,3}\[((?:[^[\]\\]|\\.)+)\]:[ \t]*\S/;
const LIST_ITEM_PREFIX = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/;

function findBacktickRun(line: string, from: number, length: number): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] !== '`') continue;
    let run = 1;
    while (line[i + run] === '`') run++;
    if (run === length) return i;
    i += run - 1;
  }
  return -1;
}

/** Labels of `[label]: url` definitions, normalised as CommonMark matches them. */
function referenceDefinitions(text: string): Set<string> {
  const labels = new Set<string>();
  for (const line of text.split('\n')) {
    const m = DEFINITION.exec(line.replace(/\r$/, ''));
    if (m && m[1].trim() !== '') labels.add(normaliseLabel(m[1]));
  }
  return labels;
}

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Bare and angle-bracket URLs can hold brackets (`/items[0]`) that are not placeholders. */
function maskUrls(text: string): string {
  return text.replace(/\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()]*/gi, (m) => ' '.repeat(m.length));
}

/** [start, end) pairs of the placeholders in one line, offsets relative to the line. */
function placeholdersInLine(line: string, definitions: ReadonlySet<string>): [number, number][] {
  const out: [number, number][] = [];
  const brackets = pairs(line, '[', ']');
  const parens = pairs(line, '(', ')');
  const matching = (open: number) => (line[open] === '[' ? brackets : parens).get(open) ?? -1;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c !== '[') {
      i++;
      continue;
    }
    const close = matching(i);
    if (close < 0) {
      i++;
      continue;
    }
    const inner = line.slice(i + 1, close);
    const after = line[close + 1];
    // Inline link or image: [text](url), ![alt](src). Skip the destination too.
    if (after === '(') {
      const end = matching(close + 1);
      i = end < 0 ? close + 1 : end + 1;
      continue;
    }
    // Full or collapsed reference link: [text][ref], [text][].
    if (after === '[') {
      const end = matching(close + 1);
      if (end >= 0) {
        i = end + 1;
        continue;
      }
    }
    if (!isMarkdownSyntax(line, i, close, inner, definitions)) out.push([i, close + 1]);
    i = close + 1;
  }
  return out;
}

function isMarkdownSyntax(line: string, open: number, close: number, inner: string, definitions: ReadonlySet<string>): boolean {
  const trimmed = inner.trim();
  if (trimmed === '') return true;
  // Task list box: `- [ ]`, `* [x]`, `1. [X]`, followed by a space or the end of the line.
  if (/^[ xX]$/.test(inner) && LIST_ITEM_PREFIX.test(line.slice(0, open)) && (close + 1 === line.length || /\s/.test(line[close + 1]))) return true;
  // Footnote `[^1]`, GitHub alert `> [!NOTE]`, wiki link `[[Page]]`.
  if (inner.startsWith('^') || inner.startsWith('!')) return true;
  if (inner.startsWith('[') && inner.endsWith(']')) return true;
  // Numbered citations `[1]` name a source, not a missing value.
  if (/^\d+$/.test(trimmed)) return true;
  // Shortcut or collapsed reference with a definition somewhere in the document.
  return definitions.has(normaliseLabel(inner));
}

/**
 * Opening index to closing index for every balanced pair on the line, escapes respected.
 * One pass with a stack: scanning forward from each `[` instead would be quadratic on a line
 * of thousands of brackets.
 */
function pairs(line: string, opener: string, closer: string): Map<number, number> {
  const found = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === opener) open.push(i);
    else if (c === closer && open.length) found.set(open.pop() as number, i);
  }
  return found;
}
