import { parseInline } from './inline';

/**
 * A value as its reader sees it: bold, italics and code marks removed, links reduced to their
 * text, HTML comments, tags and struck-through text dropped, `<br>` as a line break. Lines
 * trimmed, blank ones dropped; `\n` between lines.
 */
export function plainText(raw: string): string {
  return plainTextOf(raw, parseInline);
}

/** `plainText` over the inline tokens `tokens` gives (the tests give markdown-it's, to compare). */
export function plainTextOf(raw: string, tokens: (raw: string) => Iterable<{ readonly type: string; readonly content: string }>): string {
  if (raw.trim() === '') return '';
  // No character that could be markup or an entity: the text is its own reading.
  if (!/[\\`*_[\]<>&~!\u0000]/.test(raw)) return finishLines(raw);
  let out = '';
  let struck = 0;
  for (const c of tokens(raw)) {
    switch (c.type) {
      case 's_open':
        struck++;
        break;
      case 's_close':
        struck = Math.max(0, struck - 1);
        break;
      case 'text':
      case 'code_inline':
        if (!struck) out += c.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'html_inline':
        // Comments are dropped (`<br>` stays a line break); any other HTML is text, shown as
        // written and never rendered.
        if (/^<br\b/i.test(c.content)) out += '\n';
        else if (!struck && !c.content.startsWith('<!--')) out += c.content;
        break;
      case 'image':
        if (!struck) out += c.content;
        break;
      default:
        break;
    }
  }
  return finishLines(out);
}

export function finishLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => collapseSpaces(l.replace(/\u00a0/g, ' ')))
    .filter((l) => l !== '')
    .join('\n');
}

/** Runs of spaces, tabs and no-break spaces as one space; none at either end. */
function collapseSpaces(line: string): string {
  const s = line.replace(/[ \t\u00a0]+/g, ' ');
  const start = s.charCodeAt(0) === 0x20 ? 1 : 0;
  const end = s.length > start && s.charCodeAt(s.length - 1) === 0x20 ? s.length - 1 : s.length;
  return s.slice(start, end);
}

/** Whether a raw line is only an italic note (`*Source: Discord insights*`, `_updated weekly_`). */
export function isItalicNote(raw: string): boolean {
  const s = raw.trim();
  if (s.length < 3) return false;
  const mark = s[0];
  if (mark !== '*' && mark !== '_') return false;
  if (s[1] === mark) return false; // bold, not italics
  if (s[s.length - 1] !== mark || s[s.length - 2] === mark) return false;
  // One emphasis span from the first to the last character.
  const children = parseInline(s);
  return children.length >= 3 && children[0].type === 'em_open' && children[children.length - 1].type === 'em_close' && children.filter((c) => c.type === 'em_open').length === 1;
}

/** Whether a raw line is only HTML comments. */
export function isCommentOnly(raw: string): boolean {
  let s = raw.trim();
  if (s === '') return false;
  while (s.startsWith('<!--')) {
    const end = s.indexOf('-->', 4);
    if (end === -1) return true;
    s = s.slice(end + 3).trim();
  }
  return s === '';
}

/** The end of `raw` once trailing HTML comments and spaces are dropped (`12,000 <!-- bot -->` → after `12,000`). */
export function endBeforeComments(raw: string): number {
  let end = raw.length;
  for (let guard = 0; guard < 20; guard++) {
    while (end > 0 && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
    if (!raw.slice(0, end).endsWith('-->')) break;
    const open = raw.lastIndexOf('<!--', end - 3);
    if (open === -1) break;
    end = open;
  }
  while (end > 0 && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  return end;
}

/** Cells of a table row in its source line: the raw text of each and its offsets in the line. */
export function tableCells(line: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  let start = i;
  let code = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (line[i + n] === '`') n++;
      code = code === 0 ? n : code === n ? 0 : code;
      i += n - 1;
      continue;
    }
    if (c === '|' && code === 0) {
      cells.push(trimSpan(line, start, i));
      start = i + 1;
    }
  }
  const last = trimSpan(line, start, line.length);
  if (last.end > last.start) cells.push(last);
  return cells;
}

function trimSpan(line: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && (line[s] === ' ' || line[s] === '\t')) s++;
  while (e > s && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
  return { start: s, end: e };
}

/** Backslash-escapes what Markdown would read as markup, so that a written value reads back as typed. */
function escapeLine(line: string, lineStart: boolean): string {
  let out = line.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]{1,32};)/g, '\\&');
  // What would start a block at the start of a continuation line: a list item, heading, quote.
  if (lineStart) out = out.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([-+#=])/, '\\$1');
  return out;
}

/**
 * The value as Markdown source that reads back as exactly this value: unchanged when it reads
 * back already (the usual case: plain words), escaped where Markdown would read markup.
 */
export function markdownSource(value: string): string {
  // A backslash ending a line would read as a line break: such a value is escaped too.
  if (plainText(value) === value && !value.split('\n').some((l, i) => l.endsWith('\\') || (i > 0 && /^(?:[-+*#>=]|\d{1,9}[.)])/.test(l)))) return value;
  return value
    .split('\n')
    .map((l, i) => escapeLine(l, i > 0))
    .join('\n');
}
