import { type CountReading, readCount } from '../countReading';
import { type FrontMatterRead, readContextFrontMatter } from './frontMatterFields';
import { labelledLines } from './generic';
import { CONTEXT_LABELS, type ContextLabel, type ContextSectionTitle, callsItselfHistory, canonicalLabel, canonicalSection, matchLabel, stripDecoration } from './labels';
import { findDate } from './dates';
import { type NormalText, normaliseText, toOriginal } from './normalize';
import { type Block, parseBlocks } from './blocks';
import { endBeforeComments, isCommentOnly, isItalicNote, plainText, tableCells } from './markdown';
import { type TextLine, detectEol, isTbd, lineAtOffset, splitLines } from './text';
import { readValue } from './values';
import { l10n } from '../l10n';

export { normalizeContextValue, splitLines, indentWidth, type TextLine } from './text';
export { readValue } from './values';
export { communityName } from './name';

/**
 * Reads `.claude/community-context.md` as the community skill family writes it (H2 sections of
 * `- **Label:** value` bullets) and as people and assistants actually leave it: reworded,
 * decorated or nested labels, values as lists, `**Label:** value` paragraphs, two-column
 * tables, a paste wrapped in a fence, the template's guidance left in, dated updates appended,
 * CRLF, a BOM, optional YAML front matter. The body's Markdown blocks are read by blocks.ts; their source lines
 * give every value's exact span, which the updater edits and nothing else.
 */

export interface ContextEntry {
  label: ContextLabel;
  /** Markup removed; `TBD`, the template's guidance and empty values are undefined; lines joined with `\n`. */
  value: string | undefined;
  source: 'body' | 'frontMatter';
  /** 0-based line in the original text (BOM and front matter included). */
  line: number;
  /**
   * Offsets in the original text of the value as written. Body: from after the label to the end
   * of the value's last line or item (notes and trailing comments excluded). Front matter: the
   * scalar on the key's line (quotes included), or an empty span right after the colon of `key:`.
   */
  valueStart: number;
  valueEnd: number;
}

export type ContextProblemCode = 'guidance' | 'tbd' | 'duplicate' | 'stale' | 'unrecognised' | 'frontMatter';

export interface ContextProblem {
  line: number;
  endLine?: number;
  message: string;
  severity: 'error' | 'warning' | 'information';
  label?: ContextLabel;
  code?: ContextProblemCode;
}

export interface ParsedContext {
  /** Every label is a key; front matter wins over the body. */
  values: Readonly<Record<ContextLabel, string | undefined>>;
  counts: { currentSize?: number; activeMembers?: number };
  /** The counts as read (ranges keep their low and high, and the text they came from). */
  countReadings: { currentSize?: CountReading; activeMembers?: CountReading };
  /** The entry that gave each label its value. */
  entries: ReadonlyMap<ContextLabel, ContextEntry>;
  /** Where each label stands in the body (the occurrence that is used). */
  bodyEntries: ReadonlyMap<ContextLabel, ContextEntry>;
  sections: readonly { title: string; line: number; known: boolean }[];
  problems: readonly ContextProblem[];
  filled: number;
  total: number;
  eol: '\n' | '\r\n';
  bom: boolean;
  frontMatter: 'none' | 'yaml' | 'error';
}

export interface Span {
  start: number;
  end: number;
}

/** One item of a value written as a list. */
export interface ValueItem {
  /** The item's text (after its marker), notes excluded. */
  start: number;
  end: number;
  text: string;
  line: number;
  lastLine: number;
  /** Offsets of the item's whole lines (nested content included), line break after the last included. */
  linesStart: number;
  linesEnd: number;
  /** The line up to the item's text: indentation and marker (`  - `), reused for a new item. */
  prefix: string;
  /** A known label stands inside the item: it is never deleted. */
  holdsField: boolean;
}

export type FieldLayout = 'bullet' | 'paragraph' | 'table' | 'heading' | 'html';

/** A label of the body as written, with what the updater needs to edit it in place. */
export interface BodyField {
  entry: ContextEntry;
  layout: FieldLayout;
  /** The value on the label's line and its continuation lines; empty (start = end) right after the label when there is none. */
  inline: Span;
  inlineText: string;
  items: ValueItem[];
  /** The label line up to the value (`  - **Team:** `). */
  labelPrefix: string;
  /** The line up to the label (`  - `, `3. `, `### `, `| `): reused for a sibling. */
  lead: string;
  /** The label as written, with its markup (`**Team:**`, `Team:`): its style is reused for a sibling. */
  labelText: string;
  /** Where a sibling line goes: the end of the field's last line (nested content included). */
  endOffset: number;
  lastLine: number;
  /** The indentation of continuation lines for a value written over several lines. */
  continuationIndent: string;
  /** The family's section this field stands in, if its heading names one. */
  section: ContextSectionTitle | undefined;
  /** A table field: the row's line. A paragraph field: whether it shares its paragraph. */
  sharedParagraph: boolean;
  nested: boolean;
  dated: { date?: number; update: boolean };
  /** The field stands in a section, or under a label, that calls itself past (history, changelog, old, archived). */
  history: boolean;
  /** A date qualifier in the label (`Current size (as of May 2026)`), read with the value. */
  qualifier?: string;
  /** The field is the used one for its label. */
  used: boolean;
}

export interface BodyHeading {
  level: number;
  title: string;
  line: number;
  section: ContextSectionTitle | undefined;
  /** Offset of the end of the heading's line. */
  end: number;
}

/** What the updater needs beyond the public result: positions that the public API does not expose. */
export interface ContextAnalysis {
  ctx: ParsedContext;
  lines: readonly TextLine[];
  fields: readonly BodyField[];
  headings: readonly BodyHeading[];
  /** The fence that holds the whole file, when the file is a paste wrapped in one. */
  fence: { openLine: number; closeLine: number | undefined; marker: string } | undefined;
  /** The opening fence of a code block still open at the end of the text. */
  openFence: string | undefined;
  /** Labels whose front matter line is a plain `key: scalar` one-liner that can be rewritten in place. */
  frontMatterSimple: ReadonlySet<ContextLabel>;
  /** Offset where the body starts (after BOM and front matter). */
  bodyOffset: number;
  /** The normal text every offset and line above refers to (see `normaliseText`), and the way back to the original. */
  text: string;
  normal: NormalText;
}

const BOM = '\ufeff';

/** Never throws: a context that cannot be analysed reads as empty, with the reason as a problem. */
export function parseContext(text: string): ParsedContext {
  try {
    return inOriginal(analyseContext(text));
  } catch (err) {
    return {
      values: emptyValues(),
      counts: {},
      countReadings: {},
      entries: new Map(),
      bodyEntries: new Map(),
      sections: [],
      problems: [{ line: 0, severity: 'error', message: l10n.t('The community context could not be read: {0}', err instanceof Error ? err.message : String(err)) }],
      filled: 0,
      total: CONTEXT_LABELS.length,
      eol: '\n',
      bom: typeof text === 'string' && text.startsWith(BOM),
      frontMatter: 'none',
    };
  }
}


function emptyValues(): Record<ContextLabel, string | undefined> {
  const values = {} as Record<ContextLabel, string | undefined>;
  for (const label of CONTEXT_LABELS) values[label] = undefined;
  return values;
}

// ---------------------------------------------------------------------------------------------
// Labels in a line of Markdown source

export interface LabelMatch {
  label: ContextLabel;
  /** Column in the line where the value starts (after the label, its colon and spaces). */
  valueColumn: number;
  /** Column where the label's markup starts (after emoji and numbering). */
  labelColumn: number;
  /** A date qualifier in the label (`as of May 2026`), kept with the value. */
  qualifier?: string;
  /** The label says its value is past (`Previous size`, `(old)`). */
  history?: boolean;
  /** A colon separates label and value (not only a dash or a question mark). */
  colon?: boolean;
}

const EMPHASIS = ['**', '__', '*', '_'] as const;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function skipSpaces(s: string, i: number): number {
  while (isSpace(s[i])) i++;
  return i;
}

/** Emoji, symbols, a numbering or a task box before a label: where the label itself starts. */
function skipDecoration(s: string, from: number): number {
  let i = skipSpaces(s, from);
  for (let guard = 0; guard < 8; guard++) {
    const before = i;
    if (s.startsWith('[ ]', i) || s.startsWith('[x]', i) || s.startsWith('[X]', i)) i = skipSpaces(s, i + 3);
    // A callout's marker on the label's line: `> [!NOTE] **Community Name:** …`.
    if (s.startsWith('[!', i)) {
      const close = s.indexOf(']', i);
      if (close !== -1 && close - i <= 16 && /^\[![A-Za-z]+\]$/.test(s.slice(i, close + 1))) i = skipSpaces(s, close + 1);
    }
    const cp = s.codePointAt(i);
    if (cp !== undefined) {
      const ch = String.fromCodePoint(cp);
      if (/[\p{Extended_Pictographic}\p{So}\u200d\ufe0f\u20e3]/u.test(ch)) i = skipSpaces(s, i + ch.length);
    }
    // `2026-05-02 — ` before a label (a dated line of a log).
    const dated = /^\d{4}-\d{2}(?:-\d{2})?[ \t]+[-–—:][ \t]/.exec(s.slice(i, i + 16));
    if (dated) i = skipSpaces(s, i + dated[0].length);
    // `1.`, `2)`, `A.` before a label (an ordered list is read as a list; this is a numbering in the text).
    let j = i;
    while (j < s.length && j - i < 3 && s[j] >= '0' && s[j] <= '9') j++;
    if (j > i && (s[j] === '.' || s[j] === ')') && isSpace(s[j + 1])) i = skipSpaces(s, j + 1);
    if (i === before) break;
  }
  return i;
}

/** After a label: `:`, or a dash between spaces. Returns the column after it, or -1. */
function separatorAt(s: string, i: number): number {
  const j = skipSpaces(s, i);
  if (s[j] === ':' && s[j + 1] === ':') return j + 2;
  if (s[j] === ':' || s[j] === '：') return j + 1;
  if ((s[j] === '-' || s[j] === '–' || s[j] === '—') && j > i && (isSpace(s[j + 1]) || j + 1 === s.length)) return j + 1;
  return -1;
}

/**
 * The label a line of Markdown source starts with (`**Label:** value`, `**Label**: value`,
 * `Label: value`, `**Who is this for?** value`, with emoji or numbering before it), or undefined.
 * `nested`: the line stands under another label, where only unambiguous labels count.
 */
export function readLabel(s: string, nested = false, looseDash = false): LabelMatch | undefined {
  const labelColumn = skipDecoration(s, 0);
  const i = labelColumn;
  const mark = EMPHASIS.find((m) => s.startsWith(m, i) && s[i + m.length] !== m[0]);
  if (mark) {
    const inner = i + mark.length;
    const close = s.indexOf(mark, inner + 1);
    if (close === -1 || close - inner > 120) return undefined;
    let text = s.slice(inner, close);
    if (text.includes('\n')) return undefined;
    let after = close + mark.length;
    const trimmed = text.trimEnd();
    let separated = false;
    let colon = false;
    if (trimmed.endsWith(':') || trimmed.endsWith('：')) {
      let cut = trimmed.length;
      while (cut > 0 && trimmed[cut - 1] === ':') cut--;
      text = trimmed.slice(0, cut);
      separated = true;
      colon = true;
    } else {
      const sep = separatorAt(s, after);
      if (sep !== -1) {
        colon = s[sep - 1] === ':';
        after = sep;
        separated = true;
      }
    }
    const reading = matchLabel(text, { nested });
    if (!reading) return undefined;
    const label = reading.label;
    // `**Who is this for?**` or a bold label alone: the bold is the label, the rest the value.
    if (!separated && !(text.trimEnd().endsWith('?') || skipSpaces(s, after) === s.length || canonicalLabel(text, { nested: true }) === label)) return undefined;
    return { label, labelColumn, valueColumn: skipSpaces(s, after), qualifier: reading.qualifier, history: reading.history, colon };
  }
  // No emphasis: the text up to a colon (or a question mark) names the label.
  let end = -1;
  let stop = Math.min(s.length, i + 100);
  for (let j = i; j < stop; j++) {
    const c = s[j];
    if (c === ':' || c === '：') {
      if (j + 1 === s.length || isSpace(s[j + 1])) {
        end = j;
        break;
      }
      // `Label:: value` (Obsidian's inline fields).
      if (s[j + 1] === ':' && (j + 2 === s.length || isSpace(s[j + 2]))) {
        end = j;
        break;
      }
      return undefined; // `https://…`
    }
    if (c === '?' && (j + 1 === s.length || isSpace(s[j + 1]))) {
      end = j;
      break;
    }
    // `Community Name<TAB>Acme`, `Current size   3,400` (a row pasted from a spreadsheet): a label then a gap.
    if ((c === '\t' || (c === ' ' && s[j + 1] === ' ')) && j > i && !nested && matchLabel(s.slice(i, j), { nested: false })) {
      end = j;
      break;
    }
    if (c === '*' || c === '`' || c === '[' || c === '<' || c === '|' || c === '\\') return undefined;
    if ((c === '—' || c === '–' || c === '-') && isSpace(s[j - 1]) && isSpace(s[j + 1])) {
      end = j;
      break;
    }
  }
  if (end === -1) return undefined;
  const text = s.slice(i, end);
  if (s[end] === '\t' || s[end] === ' ') {
    const gapped = matchLabel(text, { nested: false })!;
    return { label: gapped.label, labelColumn, valueColumn: skipSpaces(s, end), qualifier: gapped.qualifier, history: gapped.history, colon: false };
  }
  const dashed = s[end] !== ':' && s[end] !== '：';
  const reading = matchLabel(text, { nested: nested || (dashed && !looseDash) });
  if (!reading) return undefined;
  stop = end + (s[end] === ':' && s[end + 1] === ':' ? 2 : 1);
  return { label: reading.label, labelColumn, valueColumn: skipSpaces(s, stop), qualifier: reading.qualifier, history: reading.history, colon: !dashed && s[end] !== '?' };
}

// ---------------------------------------------------------------------------------------------
// Values

// ---------------------------------------------------------------------------------------------
// Dates in headings and values (which of two occurrences is the newer one)

export { findDate };

const UPDATE_WORDS = /\b(?:updated?|updates|as of|latest|refresh(?:ed)?|aktualisiert|mise à jour|actualizado|actualización|atualizado|atualização|aggiornato|aggiornamento)\b/i;

// ---------------------------------------------------------------------------------------------
// The body

interface Walk {
  text: string;
  lines: readonly TextLine[];
  bodyOffset: number;
  lineBase: number;
  fields: BodyField[];
  headings: BodyHeading[];
  problems: ContextProblem[];
  /** Headings above the current block, by level. */
  stack: { level: number; section: ContextSectionTitle | undefined; date?: number; update: boolean; history: boolean }[];
  /** A label with nothing after it: a list that follows is its value. */
  pending: BodyField | undefined;
  /** A heading that names a label (`### Mission`): the paragraphs under it are its value. */
  headingField: BodyField | undefined;
}

function lineText(w: Walk, abs: number): string {
  const l = w.lines[abs];
  if (!l) return '';
  return w.text.slice(Math.max(l.start, w.bodyOffset), l.end);
}

function lineStartOffset(w: Walk, abs: number): number {
  const l = w.lines[abs];
  return l ? Math.max(l.start, w.bodyOffset) : w.text.length;
}

/** The offset after a line's break (the start of the next line), or the end of the text. */
function afterLine(w: Walk, abs: number): number {
  const next = w.lines[abs + 1];
  return next ? next.start : w.text.length;
}

/** Where the i-th content line of an inline token starts in the source (its column). */
function contentColumn(source: string, content: string, from = 0): number {
  const c = content.trim();
  const trimmedSource = source.trimEnd();
  if (c !== '' && trimmedSource.endsWith(c) && trimmedSource.length - c.length >= from) return trimmedSource.length - c.length;
  const at = c === '' ? -1 : source.indexOf(c, from);
  return at === -1 ? Math.min(source.length, Math.max(from, source.length - source.trimStart().length)) : at;
}

function context(w: Walk): { section: ContextSectionTitle | undefined; dated: { date?: number; update: boolean }; history: boolean } {
  let section: ContextSectionTitle | undefined;
  let date: number | undefined;
  let update = false;
  let history = false;
  for (let i = w.stack.length - 1; i >= 0; i--) {
    const h = w.stack[i];
    section ??= h.section;
    date ??= h.date;
    update ||= h.update;
    history ||= h.history;
  }
  return { section, dated: { date, update }, history };
}

/** A paragraph's source lines as (line, column, raw text from that column). */
function paragraphLines(w: Walk, inline: string | undefined, map: [number, number], firstFrom = 0): { abs: number; col: number; raw: string }[] {
  const content = (inline ?? '').split('\n');
  const out: { abs: number; col: number; raw: string }[] = [];
  for (let i = 0; i < content.length; i++) {
    const abs = w.lineBase + map[0] + i;
    const source = lineText(w, abs);
    const col = contentColumn(source, content[i], i === 0 ? firstFrom : 0);
    out.push({ abs, col, raw: source.slice(col).trimEnd() });
  }
  return out;
}

interface NewField {
  label: ContextLabel;
  layout: FieldLayout;
  abs: number;
  /** Offset where the label's line starts its label (for the prefix). */
  prefixFrom: number;
  valueStart: number;
  nested: boolean;
  sharedParagraph: boolean;
  match?: LabelMatch;
}

function newField(w: Walk, f: NewField): BodyField {
  const { section, dated: headingDate, history } = context(w);
  const qualifier = f.match?.qualifier;
  const qualifierDate = qualifier === undefined ? undefined : findDate(qualifier);
  const dated = qualifierDate !== undefined && (headingDate.date === undefined || qualifierDate > headingDate.date) ? { date: qualifierDate, update: headingDate.update } : headingDate;
  const lineStart = lineStartOffset(w, f.abs);
  const lineEnd = w.lines[f.abs]?.end ?? w.text.length;
  const prefix = w.text.slice(lineStart, f.valueStart);
  const indentLength = prefix.length - prefix.trimStart().length;
  const field: BodyField = {
    entry: { label: f.label, value: undefined, source: 'body', line: f.abs, valueStart: f.valueStart, valueEnd: f.valueStart },
    layout: f.layout,
    inline: { start: f.valueStart, end: f.valueStart },
    inlineText: '',
    items: [],
    labelPrefix: prefix,
    lead: w.text.slice(lineStart, f.prefixFrom),
    labelText: w.text.slice(f.prefixFrom, f.valueStart).trim(),
    endOffset: lineEnd,
    lastLine: f.abs,
    continuationIndent: f.layout === 'bullet' ? ' '.repeat(indentLength + 2) : prefix.slice(0, indentLength),
    section,
    sharedParagraph: f.sharedParagraph,
    nested: f.nested,
    dated,
    history: history || f.match?.history === true,
    ...(qualifier !== undefined ? { qualifier } : {}),
    used: false,
  };
  w.fields.push(field);
  return field;
}

/** Extends a field's inline value over source lines (from a column on the first). */
function addInlineLines(w: Walk, field: BodyField, lines: { abs: number; col: number; raw: string }[], raws: string[]): void {
  if (lines.length === 0) return;
  const last = lines[lines.length - 1];
  const lastStart = lineStartOffset(w, last.abs) + last.col;
  const end = lastStart + endBeforeComments(last.raw);
  if (field.inlineText === '' && raws.join('').trim() === '') {
    return;
  }
  if (field.inlineText === '' && field.inline.start === field.inline.end && lines[0].abs > field.entry.line && field.layout !== 'bullet') {
    // The value starts on the line after its label (`**Who is this for?**` then the answer): it is edited there.
    const at = lineStartOffset(w, lines[0].abs) + lines[0].col;
    field.inline = { start: at, end: at };
    field.entry.valueStart = at;
  }
  field.inline.end = Math.max(field.inline.end, end);
  field.inlineText = field.inlineText === '' ? raws.join('\n') : `${field.inlineText}\n${raws.join('\n')}`;
  field.lastLine = Math.max(field.lastLine, last.abs);
  field.endOffset = Math.max(field.endOffset, w.lines[last.abs]?.end ?? w.text.length);
}

/** Where a label may follow another on the same line: ` · `, ` | `, ` • `, `; `, `, `, a dash or two spaces. */
const SEGMENT_SEPARATORS = [' · ', ' | ', ' • ', ' ; ', '; ', ', ', ' — ', ' – ', ' / ', '  '];

/**
 * The labels of one source line, in order: the one it starts with, then each that follows a
 * separator and is written with a colon (`**Name:** X · **Founded:** 2022`). A label the same as
 * the one before is part of that value (`MAU: 1,400 · WAU: 600` under Active members). Each label
 * is looked for in a bounded window, so the scan stays linear in the line.
 */
export function lineSegments(raw: string, first: LabelMatch, nested: boolean): { match: LabelMatch; start: number; end: number }[] {
  const out: { match: LabelMatch; start: number; end: number }[] = [{ match: first, start: 0, end: raw.length }];
  let i = first.valueColumn;
  // The next place of each separator, looked up again only once passed: linear in the line.
  const next = SEGMENT_SEPARATORS.map(() => -2);
  while (i < raw.length) {
    let best = -1;
    let sepLength = 0;
    SEGMENT_SEPARATORS.forEach((sep, k) => {
      if (next[k] !== -1 && next[k] < i) next[k] = raw.indexOf(sep, i);
      const at = next[k];
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
        sepLength = sep.length;
      }
    });
    if (best === -1) break;
    let from = best + sepLength;
    while (raw[from] === ' ') from++;
    const window = raw.slice(from, from + 160);
    const match = window.trim() === '' ? undefined : readLabel(window, nested);
    const previous = out[out.length - 1];
    if (match && match.colon && match.label !== previous.match.label && match.valueColumn < window.length + 1) {
      previous.end = best;
      out.push({ match: { ...match, valueColumn: from + match.valueColumn, labelColumn: from + match.labelColumn }, start: from, end: raw.length });
      i = from + match.valueColumn;
    } else {
      i = best + 1;
    }
  }
  return out;
}

/** A line that is a definition (`: value` under a term, as definition lists are written). */
function definitionColumn(raw: string): number {
  if (raw[0] !== ':' || (raw[1] !== ' ' && raw[1] !== '\t')) return -1;
  return skipSpaces(raw, 1);
}

/**
 * The fields of a paragraph: each line that starts with a label starts one (several when labels
 * follow each other on the line); the lines after it carry its value on, up to an italic note, a
 * comment-only line or the next label. A term alone on its line followed by `: value` is a label
 * and its value (a definition list).
 */
function paragraphFields(w: Walk, block: Block, opts: { layout: 'bullet' | 'paragraph'; nested: boolean; firstFrom?: number }): { fields: BodyField[]; leading: { abs: number; col: number; raw: string }[] } {
  const lines = paragraphLines(w, block.inline, block.map, opts.firstFrom ?? 0);
  const fields: BodyField[] = [];
  const leading: { abs: number; col: number; raw: string }[] = [];
  let current: BodyField | undefined;
  let value: { abs: number; col: number; raw: string }[] = [];
  let ended = false;
  const flush = () => {
    if (current) addInlineLines(w, current, value, value.map((v) => v.raw));
    value = [];
  };
  const labelled: (LabelMatch | undefined)[] = lines.map((l) => readLabel(l.raw, opts.nested));
  // A definition list: `Community Name` then `: Acme Devs`.
  lines.forEach((l, i) => {
    const next = lines[i + 1];
    if (labelled[i] || !next || definitionColumn(next.raw) === -1) return;
    const reading = matchLabel(l.raw, { nested: opts.nested });
    if (reading) labelled[i] = { label: reading.label, labelColumn: 0, valueColumn: l.raw.length, qualifier: reading.qualifier, history: reading.history, colon: true };
  });
  // A block of `name - value` lines: common words as labels with a dash, where three or more lines are labels.
  const loose = labelled.map((m, i) => m ?? readLabel(lines[i].raw, opts.nested, true));
  if (loose.filter(Boolean).length >= 3 && loose.filter(Boolean).length > labelled.filter(Boolean).length) loose.forEach((m, i) => (labelled[i] = m));
  const count = labelled.filter(Boolean).length;
  lines.forEach((l, i) => {
    const match = labelled[i];
    if (match) {
      const segments = lineSegments(l.raw, match, opts.nested);
      const shared = count > 1 || segments.length > 1;
      segments.forEach((seg, k) => {
        flush();
        const start = lineStartOffset(w, l.abs) + l.col;
        current = newField(w, {
          label: seg.match.label,
          layout: i === 0 && k === 0 ? opts.layout : 'paragraph',
          abs: l.abs,
          prefixFrom: start + (k === 0 ? 0 : seg.start),
          valueStart: start + seg.match.valueColumn,
          nested: opts.nested,
          sharedParagraph: shared,
          match: seg.match,
        });
        fields.push(current);
        ended = false;
        const rest = l.raw.slice(seg.match.valueColumn, seg.end);
        if (rest.trim() !== '' && !isCommentOnly(rest)) value.push({ abs: l.abs, col: l.col + seg.match.valueColumn, raw: rest.trimEnd() });
      });
      return;
    }
    if (!current) {
      leading.push(l);
      return;
    }
    const def = definitionColumn(l.raw);
    if (def !== -1 && value.length === 0) {
      if (current.inlineText === '') {
        const at = lineStartOffset(w, l.abs) + l.col + def;
        current.inline = { start: at, end: at };
        current.entry.valueStart = at;
      }
      value.push({ abs: l.abs, col: l.col + def, raw: l.raw.slice(def) });
      return;
    }
    if (ended || isItalicNote(l.raw) || isCommentOnly(l.raw)) {
      // A note under the value: kept in the file, not part of the value.
      ended = true;
      current.lastLine = Math.max(current.lastLine, l.abs);
      current.endOffset = Math.max(current.endOffset, w.lines[l.abs]?.end ?? w.text.length);
      return;
    }
    value.push(l);
  });
  flush();
  return { fields, leading };
}

function itemText(w: Walk, item: Block): { start: number; end: number; raw: string; line: number; lastLine: number; col: number } | undefined {
  const p = item.children[0];
  if (!p || p.type !== 'paragraph') return undefined;
  const lines = paragraphLines(w, p.inline, p.map);
  const kept: typeof lines = [];
  for (const l of lines) {
    if (kept.length > 0 && (isItalicNote(l.raw) || isCommentOnly(l.raw))) break;
    kept.push(l);
  }
  if (kept.length === 0) return undefined;
  const first = kept[0];
  const last = kept[kept.length - 1];
  const start = lineStartOffset(w, first.abs) + first.col;
  const end = lineStartOffset(w, last.abs) + last.col + endBeforeComments(last.raw);
  return { start, end, raw: kept.map((k) => k.raw).join('\n'), line: first.abs, lastLine: last.abs, col: first.col };
}

function addItem(w: Walk, field: BodyField, item: Block, holdsField: boolean): void {
  const t = itemText(w, item);
  if (!t) return;
  const text = plainText(t.raw);
  if (text === '') return;
  const abs0 = w.lineBase + item.map[0];
  const absEnd = w.lineBase + item.map[1] - 1;
  // A loose item's lines include the blank line after it (as CommonMark counts them): leave it out.
  let last = absEnd;
  while (last > t.lastLine && lineText(w, last).trim() === '') last--;
  const prefix = lineText(w, abs0).slice(0, t.col);
  field.items.push({
    start: t.start,
    end: t.end,
    text,
    line: t.line,
    lastLine: last,
    linesStart: lineStartOffset(w, abs0),
    linesEnd: afterLine(w, last),
    prefix,
    holdsField,
  });
  field.lastLine = Math.max(field.lastLine, last);
  field.endOffset = Math.max(field.endOffset, w.lines[last]?.end ?? w.text.length);
}

function isEmpty(field: BodyField): boolean {
  return field.inlineText.trim() === '' && field.items.length === 0;
}

/** Extends a field over the lines of a block that belongs to it (nested content, notes). */
function cover(w: Walk, field: BodyField, block: Block): void {
  let last = w.lineBase + block.map[1] - 1;
  while (last > field.lastLine && lineText(w, last).trim() === '') last--;
  if (last > field.lastLine) {
    field.lastLine = last;
    field.endOffset = w.lines[last]?.end ?? w.text.length;
  }
}

function walkList(w: Walk, list: Block, parent: BodyField | undefined): void {
  for (const item of list.children) {
    if (item.type !== 'list_item') continue;
    const first = item.children[0];
    let field: BodyField | undefined;
    if (first?.type === 'paragraph') {
      const { fields, leading } = paragraphFields(w, first, { layout: 'bullet', nested: parent !== undefined });
      if (fields.length > 0 && leading.length === 0) field = fields[fields.length - 1];
      if (fields.length === 0 || leading.length > 0) {
        // An item without a label: one item of the value of the label above it.
        const owner = parent ?? w.pending;
        if (owner) {
          addItem(w, owner, item, fields.length > 0 || holdsLabel(item));
        }
      }
      if (fields.length > 0) w.pending = undefined;
    }
    for (const child of item.children.slice(first?.type === 'paragraph' ? 1 : 0)) {
      if (child.type === 'bullet_list' || child.type === 'ordered_list') {
        walkList(w, child, field ?? parent);
        if (field) cover(w, field, child);
      } else if (child.type === 'paragraph') {
        const owner = field;
        const { fields, leading } = paragraphFields(w, child, { layout: 'paragraph', nested: true });
        if (owner && leading.length > 0 && owner.items.length === 0) {
          // A second paragraph of the value, or a note under it.
          const kept: typeof leading = [];
          for (const l of leading) {
            if (isItalicNote(l.raw) || isCommentOnly(l.raw)) break;
            kept.push(l);
          }
          if (kept.length === leading.length && kept.length > 0) addInlineLines(w, owner, kept, kept.map((k) => k.raw));
          else cover(w, owner, child);
        } else if (owner) {
          cover(w, owner, child);
        }
        void fields;
      } else if (child.type === 'table') {
        walkTable(w, child, true);
        if (field) cover(w, field, child);
      } else if (field) {
        cover(w, field, child);
      }
    }
    if (field) {
      field.entry.valueEnd = field.inline.end;
      w.pending = isEmpty(field) ? field : undefined;
    }
  }
}

function holdsLabel(item: Block): boolean {
  return item.children.some((c) => (c.type === 'bullet_list' || c.type === 'ordered_list') && c.children.some((i) => i.children[0]?.inline !== undefined && readLabel(i.children[0].inline.split('\n')[0], true)));
}

function walkTable(w: Walk, table: Block, nested: boolean): void {
  const columns = headerLabels(w, table);
  let rowsRead = 0;
  for (const part of table.children) {
    if (columns && part.type === 'thead') continue;
    for (const row of part.children) {
      if (row.type !== 'tr') continue;
      const abs = w.lineBase + row.map[0];
      const source = lineText(w, abs);
      const cells = tableCells(source);
      const base = lineStartOffset(w, abs);
      const cellField = (label: ContextLabel, cell: { start: number; end: number }, match?: LabelMatch) => {
        const field = newField(w, { label, layout: 'table', abs, prefixFrom: base, valueStart: base + cell.start, nested, sharedParagraph: false, match });
        const raw = source.slice(cell.start, cell.end);
        const end = cell.start + endBeforeComments(raw);
        field.inline = { start: base + cell.start, end: base + end };
        field.inlineText = raw.replace(/\\\|/g, '|');
        field.entry.valueEnd = field.inline.end;
        field.labelPrefix = source.slice(0, cell.start);
        return field;
      };
      if (columns) {
        // One record a row; rows with dates are updates, else the first row is the one read.
        const date = findDate(source);
        if (rowsRead > 0 && date === undefined) continue;
        rowsRead++;
        for (const [i, m] of columns) {
          if (!cells[i]) continue;
          const f = cellField(m.label, cells[i], m);
          if (date !== undefined && (f.dated.date === undefined || date > f.dated.date)) f.dated = { date, update: true };
        }
        continue;
      }
      if (cells.length < 2) continue;
      // `| Label | value |`, and further pairs on the row (`| Name | X | Founded | 2022 |`).
      for (let i = 0; i + 1 < cells.length; i += 2) {
        const labelText = plainText(source.slice(cells[i].start, cells[i].end).replace(/\\\|/g, '|'));
        const reading = matchLabel(labelText, { nested: nested || part.type === 'thead' });
        if (!reading) break;
        cellField(reading.label, cells[i + 1], { label: reading.label, labelColumn: cells[i].start, valueColumn: cells[i + 1].start, qualifier: reading.qualifier, history: reading.history, colon: true });
      }
    }
  }
}

const HTML_BREAKS = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'div', 'aside', 'details', 'summary', 'section', 'blockquote', 'ul', 'ol', 'dl', 'table', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** One run of visible text in a line of HTML, with the column in the line of each of its characters. */
interface HtmlSegment {
  text: string;
  cols: number[];
  /** The tag that opened the run (`dd`, `td`, `summary`), if a block tag did. */
  openedBy: string;
  /** A block tag or the line's end closed it (a following run is a new one). */
  closed: boolean;
}

/** The runs of visible text in a line of an HTML block: tags removed, block tags split runs. */
function htmlSegments(line: string): HtmlSegment[] {
  const out: HtmlSegment[] = [];
  let cur: HtmlSegment = { text: '', cols: [], openedBy: '', closed: false };
  let noClose = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '<' && !noClose) {
      const close = line.indexOf('>', i);
      if (close === -1) noClose = true;
      if (close !== -1 && close - i < 200) {
        const name = /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(line.slice(i, Math.min(close + 1, i + 20)))?.[1]?.toLowerCase() ?? '';
        if (line.startsWith('<!--', i)) {
          const end = line.indexOf('-->', i);
          i = end === -1 ? line.length : end + 2;
          continue;
        }
        if (HTML_BREAKS.has(name)) {
          if (cur.text.trim() !== '') {
            cur.closed = true;
            out.push(cur);
          }
          cur = { text: '', cols: [], openedBy: line[i + 1] === '/' ? '' : name, closed: false };
        }
        i = close;
        continue;
      }
    }
    cur.text += c;
    cur.cols.push(i);
  }
  if (cur.text.trim() !== '') out.push(cur);
  return out;
}

/**
 * An HTML block pasted from Notion or a web page (`<aside>`, `<details>`, `<p>`, `<li>`, `<dl>`,
 * a `<table>`): its visible text is read as lines of labels; a term alone (`<dt>`, a first
 * `<td>`) followed by a run is a label and its value. Values are edited where they stand.
 */
function walkHtml(w: Walk, block: Block): void {
  let pendingLabel: { label: ContextLabel; abs: number; col: number } | undefined;
  let current: BodyField | undefined;
  for (let abs = w.lineBase + block.map[0]; abs < w.lineBase + block.map[1]; abs++) {
    const source = lineText(w, abs);
    const base = lineStartOffset(w, abs);
    const segments = htmlSegments(source);
    if (segments.length === 0) continue;
    segments.forEach((seg, k) => {
      const lead = seg.text.length - seg.text.trimStart().length;
      const text = seg.text.trim();
      const colAt = (i: number) => (i < seg.cols.length ? seg.cols[i] : (seg.cols[seg.cols.length - 1] ?? 0) + 1);
      const endCol = colAt(lead + text.length - 1) + 1;
      let match = readLabel(text, false);
      // A term alone in its own element (`<dt>`, a first `<td>`, `<summary>`): a label whose value follows.
      if (!match && (seg.openedBy === 'dt' || seg.openedBy === 'td' || seg.openedBy === 'th' || seg.openedBy === 'summary' || seg.openedBy === 'b' || seg.openedBy === 'strong')) {
        const reading = matchLabel(text, { nested: false });
        if (reading) match = { label: reading.label, labelColumn: 0, valueColumn: text.length, qualifier: reading.qualifier, history: reading.history, colon: false };
      }
      const addField = (label: ContextLabel, valueFrom: number, m?: LabelMatch) => {
        const valueStart = base + colAt(lead + valueFrom);
        const f = newField(w, { label, layout: 'html', abs, prefixFrom: base + colAt(lead), valueStart, nested: false, sharedParagraph: false, match: m });
        const raw = text.slice(valueFrom);
        f.inline = { start: valueStart, end: raw.trim() === '' ? valueStart : base + endCol };
        f.inlineText = raw;
        f.entry.valueEnd = f.inline.end;
        f.labelPrefix = source.slice(0, colAt(lead + valueFrom));
        return f;
      };
      if (pendingLabel && !match) {
        current = addField(pendingLabel.label, 0);
        current.entry.line = pendingLabel.abs;
        pendingLabel = undefined;
        return;
      }
      if (match && match.valueColumn >= text.length && (seg.openedBy === 'dt' || seg.openedBy === 'td' || seg.openedBy === 'th' || seg.openedBy === 'summary' || !match.colon)) {
        pendingLabel = { label: match.label, abs, col: colAt(lead) };
        current = undefined;
        return;
      }
      if (match) {
        for (const part of lineSegments(text, match, false)) {
          const f = addField(part.match.label, part.match.valueColumn, part.match);
          const raw = text.slice(part.match.valueColumn, part.end).trimEnd();
          f.inlineText = raw;
          f.inline.end = raw === '' ? f.inline.start : base + colAt(lead + part.match.valueColumn + raw.length - 1) + 1;
          f.entry.valueEnd = f.inline.end;
          current = f;
        }
        if (seg.closed) current = undefined;
        return;
      }
      // A run with no label: the value of the label before it carries on.
      if (current && k === 0 && !seg.openedBy) {
        current.inlineText += '\n' + text;
        current.inline.end = base + endCol;
        current.entry.valueEnd = current.inline.end;
        current.lastLine = abs;
        current.endOffset = w.lines[abs]?.end ?? w.text.length;
      } else current = undefined;
      if (seg.closed) current = undefined;
    });
  }
}

/**
 * A table's header row that names labels (`| Community Name | Founded | Current size |`): the
 * columns to read from each row below, by index; undefined for a two-column label table.
 */
function headerLabels(w: Walk, table: Block): Map<number, LabelMatch> | undefined {
  const head = table.children.find((c) => c.type === 'thead')?.children.find((r) => r.type === 'tr');
  if (!head) return undefined;
  const source = lineText(w, w.lineBase + head.map[0]);
  const found = new Map<number, LabelMatch>();
  tableCells(source).forEach((cell, i) => {
    const reading = matchLabel(plainText(source.slice(cell.start, cell.end)), { nested: true });
    if (reading) found.set(i, { label: reading.label, labelColumn: cell.start, valueColumn: cell.end, qualifier: reading.qualifier, history: reading.history, colon: true });
  });
  return found.size >= 2 ? found : undefined;
}

function walkBlocks(w: Walk, blocks: Block[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const level = block.level ?? 1;
        const title = plainText(block.inline ?? '').replace(/\n/g, ' ');
        const section = canonicalSection(title);
        const abs = w.lineBase + block.map[0];
        while (w.stack.length > 0 && w.stack[w.stack.length - 1].level >= level) w.stack.pop();
        w.stack.push({ level, section, date: findDate(title), update: UPDATE_WORDS.test(title), history: callsItselfHistory(title) });
        w.headings.push({ level, title, line: abs, section, end: w.lines[w.lineBase + block.map[1] - 1]?.end ?? w.text.length });
        w.pending = undefined;
        w.headingField = undefined;
        const label = section ? undefined : canonicalLabel(stripDecoration(title), { nested: true });
        if (label && level >= 2) {
          // `### Mission` and the paragraph under it.
          const lineEnd = w.lines[abs]?.end ?? w.text.length;
          const field = newField(w, { label, layout: 'heading', abs, prefixFrom: lineStartOffset(w, abs), valueStart: lineEnd, nested: false, sharedParagraph: false });
          field.labelPrefix = '';
          w.headingField = field;
        } else if (!section && !label && level >= 2) {
          // `### Current size: 1,200`: a label and its value in the heading itself.
          const source = lineText(w, abs);
          let col = 0;
          while (source[col] === ' ') col++;
          while (source[col] === '#') col++;
          col = skipSpaces(source, col);
          let end = source.length;
          while (end > col && (source[end - 1] === ' ' || source[end - 1] === '#')) end--;
          const match = readLabel(source.slice(col, end), false);
          if (match && match.colon && match.valueColumn < end - col) {
            const base = lineStartOffset(w, abs);
            const field = newField(w, { label: match.label, layout: 'paragraph', abs, prefixFrom: base + col, valueStart: base + col + match.valueColumn, nested: false, sharedParagraph: false, match });
            field.inline = { start: base + col + match.valueColumn, end: base + end };
            field.inlineText = source.slice(col + match.valueColumn, end);
            field.entry.valueEnd = field.inline.end;
          }
        }
        break;
      }
      case 'paragraph': {
        const hf = w.headingField;
        if (hf) {
          const lines = paragraphLines(w, block.inline, block.map);
          if (!lines.some((l) => readLabel(l.raw, true))) {
            const kept: typeof lines = [];
            for (const l of lines) {
              if (isItalicNote(l.raw) || isCommentOnly(l.raw)) break;
              kept.push(l);
            }
            if (kept.length > 0 && (hf.inlineText === '' || kept.length === lines.length)) {
              if (hf.inlineText === '') hf.inline = { start: lineStartOffset(w, kept[0].abs) + kept[0].col, end: lineStartOffset(w, kept[0].abs) + kept[0].col };
              addInlineLines(w, hf, kept, kept.map((k) => k.raw));
              hf.entry.valueStart = hf.inline.start;
              hf.entry.valueEnd = hf.inline.end;
            }
            cover(w, hf, block);
            break;
          }
          w.headingField = undefined;
        }
        const { fields } = paragraphFields(w, block, { layout: 'paragraph', nested: false });
        for (const f of fields) f.entry.valueEnd = f.inline.end;
        const last = fields[fields.length - 1];
        w.pending = last && isEmpty(last) ? last : undefined;
        break;
      }
      case 'bullet_list':
      case 'ordered_list': {
        const hf = w.headingField;
        if (hf && isEmpty(hf)) {
          w.pending = hf;
          w.headingField = undefined;
        }
        walkList(w, block, undefined);
        if (hf && w.pending === hf) hf.entry.valueEnd = hf.inline.end;
        break;
      }
      case 'table':
        walkTable(w, block, false);
        w.pending = undefined;
        break;
      case 'blockquote':
        walkBlocks(w, block.children);
        break;
      case 'html_block':
        walkHtml(w, block);
        break;
      default:
        if (block.type !== 'hr') w.pending = undefined;
        break;
    }
  }
}

/** Whether a fence holds a pasted context file: Markdown (or untagged) with sections or labels in it. */
function fenceHoldsContext(block: Block): boolean {
  const info = (block.info ?? '').trim().toLowerCase();
  if (info !== '' && info !== 'markdown' && info !== 'md' && info !== 'text') return false;
  let labels = 0;
  for (const line of (block.content ?? '').split('\n')) {
    const t = line.trim();
    if (t.startsWith('#') && canonicalSection(t.replace(/^#+/, ''))) labels += 2;
    else if (readLabel(t.replace(/^[-*+][ \t]+/, ''), true)) labels++;
    if (labels >= 3) return true;
  }
  return false;
}

/** The full reading, with the positions the updater needs. Throws only on a defect. */
export function analyseContext(original: string): ContextAnalysis {
  const normal = normaliseText(original);
  const text = normal.text;
  const lines = splitLines(text);
  const fm = readContextFrontMatter(text, lines);
  const problems: ContextProblem[] = fm.problems.map((p) => ({ ...p, code: 'frontMatter' as const }));
  let bodyOffset = fm.bodyOffset;
  if (text.startsWith(BOM, bodyOffset)) bodyOffset += 1;
  const body = text.slice(bodyOffset);
  const bodyLine = lineAtOffset(lines, bodyOffset);

  const w: Walk = { text, lines, bodyOffset, lineBase: bodyLine, fields: [], headings: [], problems, stack: [], pending: undefined, headingField: undefined };
  const blocks = parseBlocks(body);
  walkBlocks(w, blocks);
  const fence = w.fields.length === 0 ? walkFencedPaste(w, blocks, bodyLine) : undefined;

  const bodyEntries = chooseBodyEntries(readBodyValues(w.fields, problems), problems);
  const { entries, values } = mergeEntries(fm.entries, bodyEntries, problems);
  const unrecognised = unrecognisedProblem(w, body, fm);
  if (unrecognised) problems.push(unrecognised);
  const { counts, countReadings } = readCounts(values);

  problems.sort((a, b) => a.line - b.line);
  const ctx: ParsedContext = {
    values,
    counts,
    countReadings,
    entries,
    bodyEntries,
    sections: w.headings.filter((h) => h.level === 2).map((h) => ({ title: h.title, line: h.line, known: h.section !== undefined })),
    problems,
    filled: CONTEXT_LABELS.filter((l) => values[l] !== undefined).length,
    total: CONTEXT_LABELS.length,
    eol: detectEol(original),
    bom: original.startsWith(BOM),
    frontMatter: fm.kind,
  };
  return { ctx, lines, fields: w.fields, headings: w.headings, fence, openFence: openFenceAtEnd(blocks, w, bodyLine, fence), frontMatterSimple: fm.simple, bodyOffset, text, normal };
}

/** A paste wrapped in a fence (```markdown … ```) with no field outside it: the file is what the fence holds. */
function walkFencedPaste(w: Walk, blocks: readonly Block[], bodyLine: number): ContextAnalysis['fence'] {
  const held = blocks.find((b) => b.type === 'fence' && fenceHoldsContext(b));
  if (!held) return undefined;
  const openLine = bodyLine + held.map[0];
  const lastLine = bodyLine + held.map[1] - 1;
  const closing = lineText(w, lastLine).trim();
  const closed = lastLine > openLine && closing.startsWith(held.markup ?? '```') && closing.replace(/[`~]/g, '') === '';
  w.headings.length = 0;
  w.stack = [];
  w.lineBase = openLine + 1;
  walkBlocks(w, parseBlocks(held.content ?? ''));
  return { openLine, closeLine: closed ? lastLine : undefined, marker: held.markup ?? '```' };
}

/** Reads each body field's value and span, says which still hold guidance or TBD, and groups them by label. */
function readBodyValues(fields: readonly BodyField[], problems: ContextProblem[]): Map<ContextLabel, BodyField[]> {
  const byLabel = new Map<ContextLabel, BodyField[]>();
  for (const f of fields) {
    const written = [plainText(f.inlineText), ...f.items.map((i) => i.text)].filter((s) => s !== '').join('\n');
    const read = readValue(f.entry.label, written);
    // A date in the label (`Current size (as of May 2026)`) goes with the value.
    f.entry.value = read.value !== undefined && f.qualifier !== undefined ? `${read.value} (${f.qualifier})` : read.value;
    if (f.items.length > 0) f.entry.valueEnd = Math.max(f.inline.end, f.items[f.items.length - 1].end);
    else f.entry.valueEnd = f.inline.end;
    if (f.items.length > 0 && f.inline.start === f.inline.end) f.entry.valueStart = f.items[0].start;
    if (read.unset === 'guidance') {
      problems.push({
        line: f.entry.line,
        severity: 'information',
        label: f.entry.label,
        code: 'guidance',
        message: l10n.t('"{0}" still holds the template\'s guidance, so it counts as not filled in yet.', f.entry.label),
      });
    } else if (read.unset === 'tbd') {
      problems.push({
        line: f.entry.line,
        severity: 'information',
        label: f.entry.label,
        code: 'tbd',
        message: read.remark ? l10n.t('"{0}" is TBD ({1}), so it counts as not filled in yet.', f.entry.label, read.remark) : l10n.t('"{0}" is TBD, so it counts as not filled in yet.', f.entry.label),
      });
    }
    const list = byLabel.get(f.entry.label) ?? [];
    list.push(f);
    byLabel.set(f.entry.label, list);
  }
  return byLabel;
}

/** Which occurrence of each label in the body is used; the others get a problem each. */
function chooseBodyEntries(byLabel: ReadonlyMap<ContextLabel, BodyField[]>, problems: ContextProblem[]): Map<ContextLabel, ContextEntry> {
  const bodyEntries = new Map<ContextLabel, ContextEntry>();
  for (const [label, occurrences] of byLabel) {
    const used = chooseCurrent(occurrences);
    for (const other of occurrences) if (other !== used) problems.push(...loserProblems(label, other, used));
    used.used = true;
    bodyEntries.set(label, used.entry);
  }
  return bodyEntries;
}

/** Each label's entry and value: the front matter's when it gives a value, else the body's. */
function mergeEntries(
  frontMatter: ReadonlyMap<ContextLabel, ContextEntry>,
  bodyEntries: ReadonlyMap<ContextLabel, ContextEntry>,
  problems: ContextProblem[],
): { entries: Map<ContextLabel, ContextEntry>; values: ParsedContext['values'] } {
  const entries = new Map<ContextLabel, ContextEntry>();
  const values = emptyValues();
  for (const label of CONTEXT_LABELS) {
    const fromFrontMatter = frontMatter.get(label);
    const fromBody = bodyEntries.get(label);
    let winner: ContextEntry | undefined;
    if (fromFrontMatter && fromFrontMatter.value !== undefined) winner = fromFrontMatter;
    else winner = fromBody ?? fromFrontMatter;
    if (winner) entries.set(label, winner);
    values[label] = winner?.value;
    if (winner === fromFrontMatter && fromFrontMatter && fromBody?.value !== undefined && fromBody.value !== fromFrontMatter.value) {
      problems.push({
        line: fromBody.line,
        severity: 'information',
        label,
        message: l10n.t('The front matter sets "{0}" (line {1}), so this value is not used.', label, fromFrontMatter.line + 1),
      });
    }
  }
  return { entries, values };
}

/**
 * Fewer than three fields read (prose, a file in other words, front matter with other keys),
 * or a file labelled in other words where only a few labels happen to match: says how it was
 * read, with the Quick Fix that restructures it.
 */
function unrecognisedProblem(w: Walk, body: string, fm: FrontMatterRead): ContextProblem | undefined {
  const { text, lines, bodyOffset } = w;
  const labelled = labelledLines(body).flat().length;
  const recognised = new Set([...w.fields.map((f) => f.entry.label), ...fm.entries.keys()]).size;
  const hasContent = body.trim() !== '' || fm.kind !== 'none';
  const few = recognised < 3 && hasContent;
  const mostlyForeign = labelled >= 8 && recognised * 5 <= labelled && fm.entries.size === 0;
  if (!few && !mostlyForeign) return undefined;
  const first = lines.findIndex((l) => l.end >= bodyOffset && text.slice(Math.max(l.start, bodyOffset), l.end).trim() !== '');
  const structure = ['## Community Overview', '- **Community Name:** value'] as const;
  const names = [...new Set([...fm.entries.keys(), ...w.fields.map((f) => f.entry.label)])].join(', ');
  const how = fm.entries.size > 0 && w.fields.length === 0 ? l10n.t('{0} read from the front matter ({1})', recognised, names) : l10n.t('{0} read ({1})', recognised, names);
  const why =
    recognised === 0
      ? l10n.t('No field of the community context was recognised in this file (the community skills write "{0}" sections of "{1}" lines), so little or nothing is prefilled from it. The Quick Fix rewrites it into that structure, after showing you the change.', ...structure)
      : mostlyForeign && !few
        ? l10n.t('Only {0} of the {1} labels in this file are the community context\'s (the community skills write "{2}" sections of "{3}" lines), so little or nothing is prefilled from it. The Quick Fix rewrites it into that structure, after showing you the change.', recognised, labelled, ...structure)
        : l10n.t('Fewer than three fields were read from this file: {0} (the community skills write "{1}" sections of "{2}" lines). The Quick Fix rewrites it into that structure, after showing you the change.', how, ...structure);
  return {
    line: Math.max(0, first === -1 ? 0 : first),
    severity: 'warning',
    code: 'unrecognised',
    message: why,
  };
}

/** The member counts read from the size fields. */
function readCounts(values: ParsedContext['values']): Pick<ParsedContext, 'counts' | 'countReadings'> {
  const counts: ParsedContext['counts'] = {};
  const countReadings: ParsedContext['countReadings'] = {};
  const currentSize = readCount(values['Current size']);
  if (currentSize) {
    counts.currentSize = currentSize.value;
    countReadings.currentSize = currentSize;
  }
  const activeMembers = readCount(values['Active members']);
  if (activeMembers) {
    counts.activeMembers = activeMembers.value;
    countReadings.activeMembers = activeMembers;
  }
  return { counts, countReadings };
}

/** The reading with its lines and offsets in the original text (the normal text may differ in both). */
function inOriginal(analysis: ContextAnalysis): ParsedContext {
  const { ctx, normal, lines } = analysis;
  if (normal.text === normal.original) return ctx;
  const originalLines = splitLines(normal.original);
  const line = (n: number) => lineAtOffset(originalLines, toOriginal(normal, lines[n]?.start ?? normal.text.length));
  const entry = (e: ContextEntry): ContextEntry => ({ ...e, line: line(e.line), valueStart: toOriginal(normal, e.valueStart), valueEnd: toOriginal(normal, e.valueEnd) });
  const mapEntries = (m: ReadonlyMap<ContextLabel, ContextEntry>) => new Map([...m].map(([k, e]) => [k, entry(e)]));
  return {
    ...ctx,
    entries: mapEntries(ctx.entries),
    bodyEntries: mapEntries(ctx.bodyEntries),
    sections: ctx.sections.map((s) => ({ ...s, line: line(s.line) })),
    problems: ctx.problems.map((p) => ({ ...p, line: line(p.line), ...(p.endLine !== undefined ? { endLine: line(p.endLine) } : {}) })),
  };
}

/**
 * Which of the lines that give a label is current: one with a value over one without; one not in
 * a history (changelog, old, archived) section over one in it, whatever their dates; then the
 * newer by the dates of their headings, labels or rows; then the first.
 */
function chooseCurrent(occurrences: readonly BodyField[]): BodyField {
  let used = occurrences[0];
  for (const next of occurrences.slice(1)) {
    if (outranks(next, used)) used = next;
  }
  return used;
}

function outranks(a: BodyField, b: BodyField): boolean {
  if ((a.entry.value === undefined) !== (b.entry.value === undefined)) return a.entry.value !== undefined;
  if (a.history !== b.history) return !a.history;
  return isNewer(a, b);
}

/** What the reader says on a line that gives a label but is not the one used. */
function loserProblems(label: ContextLabel, other: BodyField, used: BodyField): ContextProblem[] {
  const endLine = other.lastLine !== other.entry.line ? other.lastLine : undefined;
  const info = (message: string): ContextProblem[] => [{ line: other.entry.line, endLine, severity: 'information', label, code: 'stale', message }];
  if (other.entry.value === undefined) {
    return other.history || isNewer(used, other) || used.history ? [] : [duplicate(label, other, used)];
  }
  if (used.entry.value === undefined) return [duplicate(label, other, used)];
  if (other.history && !used.history) {
    return info(l10n.t('"{0}" here is in a part that calls itself past (history, changelog, old); the current value on line {1} is used.', label, used.entry.line + 1));
  }
  if (isNewer(used, other)) {
    return used.entry.line > other.entry.line
      ? info(l10n.t('"{0}" is given again in a later update (line {1}), which is used; this value is out of date.', label, used.entry.line + 1))
      : info(l10n.t('"{0}" is given again with an older date; the newer one (line {1}) is used.', label, used.entry.line + 1));
  }
  return [duplicate(label, other, used)];
}

function duplicate(label: ContextLabel, at: BodyField, used: BodyField): ContextProblem {
  return {
    line: at.entry.line,
    endLine: at.lastLine !== at.entry.line ? at.lastLine : undefined,
    severity: 'warning',
    label,
    code: 'duplicate',
    message: l10n.t('"{0}" is given again here; the one on line {1} is used.', label, used.entry.line + 1),
  };
}

/** Whether field `a` is a later update of the same label than `b` (by the dates of their headings). */
function isNewer(a: BodyField, b: BodyField): boolean {
  if (a.entry.value === undefined) return false;
  const da = a.dated.date;
  const db = b.dated.date;
  if (da !== undefined && db !== undefined) return da > db || (da === db && a.entry.line > b.entry.line && a.dated.update && !b.dated.update);
  if (da !== undefined && db === undefined) return true;
  if (da === undefined && db === undefined) return a.dated.update && !b.dated.update;
  return false;
}

/** A code block still open at the end of the body (its opening fence), outside a whole-file fence. */
function openFenceAtEnd(blocks: Block[], w: Walk, bodyLine: number, fence: ContextAnalysis['fence']): string | undefined {
  if (fence) return fence.closeLine === undefined ? fence.marker : undefined;
  const last = blocks[blocks.length - 1];
  if (!last || last.type !== 'fence') return undefined;
  const lastLine = bodyLine + last.map[1] - 1;
  const closing = lineText(w, lastLine).trim();
  const closed = lastLine > bodyLine + last.map[0] && closing.startsWith(last.markup ?? '```') && closing.replace(/[`~]/g, '') === '';
  return closed ? undefined : (last.markup ?? '```');
}

export { isTbd };
