import * as z from 'zod/mini';
import { readFrontMatter } from '../frontMatter';
import { parseCount } from '../numbers';
import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel, canonicalLabel, labelKey } from './labels';

/**
 * Reads `.claude/community-context.md` as the community skill family writes it (H2 sections of
 * `- **Label:** value` bullets) and as people actually leave it (drifted label forms, prose,
 * extra sections, values on several lines, CRLF, a BOM, optional YAML front matter).
 */

export interface ContextEntry {
  label: ContextLabel;
  /** Trimmed; `TBD` and empty values are undefined; lines of a multi-line value joined with `\n`. */
  value: string | undefined;
  source: 'body' | 'frontMatter';
  /** 0-based line in the original text (BOM and front matter included). */
  line: number;
  /**
   * Offsets in the original text of the value as written. Body: from after the label, colon and
   * spaces to the end of the last continuation line, line break excluded. Front matter: the
   * scalar on the key's line (quotes included), or an empty span right after the colon of `key:`.
   */
  valueStart: number;
  valueEnd: number;
}

export interface ContextProblem {
  line: number;
  endLine?: number;
  message: string;
  severity: 'error' | 'warning' | 'information';
  label?: ContextLabel;
}

export interface ParsedContext {
  /** Every label is a key; front matter wins over the body. */
  values: Readonly<Record<ContextLabel, string | undefined>>;
  counts: { currentSize?: number; activeMembers?: number };
  /** The entry that gave each label its value. */
  entries: ReadonlyMap<ContextLabel, ContextEntry>;
  /** Where each label stands in the body (its first occurrence). */
  bodyEntries: ReadonlyMap<ContextLabel, ContextEntry>;
  sections: readonly { title: string; line: number; known: boolean }[];
  problems: readonly ContextProblem[];
  filled: number;
  total: number;
  eol: '\n' | '\r\n';
  bom: boolean;
  frontMatter: 'none' | 'yaml' | 'error';
}

/** One line of the original text; `end` excludes the line break. */
export interface TextLine {
  index: number;
  start: number;
  end: number;
}

/** A recognised `- Label: value` line of the body, duplicates included. */
export interface BodyEntryLine {
  entry: ContextEntry;
  /** The bullet's leading whitespace, reused when a line is written next to it. */
  indent: string;
  /** Index of the last line the value runs over. */
  lastLine: number;
}

export interface BodyHeading {
  level: number;
  title: string;
  line: number;
}

/** What the updater needs beyond the public result: positions that the public API does not expose. */
export interface ContextAnalysis {
  ctx: ParsedContext;
  lines: readonly TextLine[];
  bodyLines: readonly BodyEntryLine[];
  headings: readonly BodyHeading[];
  /** The opening fence of a code block still open at the end of the text. */
  openFence: string | undefined;
  /** Labels whose front matter line is a plain `key: scalar` one-liner that can be rewritten in place. */
  frontMatterSimple: ReadonlySet<ContextLabel>;
  /** Offset where the body starts (after BOM and front matter). */
  bodyOffset: number;
}

const TBD = /^tbd\p{P}*$/iu;
const BOM = '\ufeff';

/**
 * The one normal form for a value, shared by the parser, the updater and the renderer so that
 * "unchanged" means the same thing everywhere: lines trimmed, blank lines dropped (a blank line
 * ends a value in the body, so it could not be written back), `TBD` and empty read as unset.
 */
export function normalizeContextValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const joined = lines.join('\n');
  return joined === '' || TBD.test(joined) ? undefined : joined;
}

/** Never throws: a context that cannot be analysed reads as empty, with the reason as a problem. */
export function parseContext(text: string): ParsedContext {
  try {
    return analyseContext(text).ctx;
  } catch (err) {
    const values = emptyValues();
    return {
      values,
      counts: {},
      entries: new Map(),
      bodyEntries: new Map(),
      sections: [],
      problems: [{ line: 0, severity: 'error', message: `The community context could not be read: ${err instanceof Error ? err.message : String(err)}` }],
      filled: 0,
      total: CONTEXT_LABELS.length,
      eol: '\n',
      bom: typeof text === 'string' && text.startsWith(BOM),
      frontMatter: 'none',
    };
  }
}

export function communityName(ctx: ParsedContext): string | undefined {
  return ctx.values['Community Name'];
}

function emptyValues(): Record<ContextLabel, string | undefined> {
  const values = {} as Record<ContextLabel, string | undefined>;
  for (const label of CONTEXT_LABELS) values[label] = undefined;
  return values;
}

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  // \r alone counts as a line break too, as it does in VS Code, so line numbers match the editor.
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = breaks.exec(text)) !== null) {
    lines.push({ index: lines.length, start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length });
  return lines;
}

function detectEol(text: string): '\n' | '\r\n' {
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

/** ATX heading: level and title (closing hashes removed), or undefined. */
export function readHeading(line: string): { level: number; title: string } | undefined {
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (!m) return undefined;
  let title = line.slice(m[0].length).trim();
  // A closing run of hashes is not part of the title ("## Title ##"); done by hand to avoid
  // a backtracking regex on long lines of spaces.
  if (title.endsWith('#')) {
    let i = title.length;
    while (i > 0 && title[i - 1] === '#') i--;
    const before = title.slice(0, i);
    if (before === '' || /[ \t]$/.test(before)) title = before.trim();
  }
  return { level: m[1].length, title };
}

function isThematicBreak(line: string): boolean {
  if (indentWidth(line) > 3) return false;
  const compact = line.replace(/[ \t]/g, '');
  return compact.length >= 3 && /^(?:-+|\*+|_+)$/.test(compact);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function isListItem(line: string): boolean {
  return /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(line);
}

/**
 * Whether a line that follows an open entry (whose bullet is indented `bulletIndent`) carries
 * its value on. Lines indented deeper than the bullet always do, so a written value can hold any
 * text; other lines do unless they are blank or start something of their own.
 */
export function continuesValue(line: string, bulletIndent: number): boolean {
  if (line.trim() === '') return false;
  if (indentWidth(line) > bulletIndent) return true;
  return !(readHeading(line) || isThematicBreak(line) || isListItem(line) || FENCE.test(line));
}

// Label forms, tried in this order. The label text may not hold `*`, `_` or `:`, so the value
// written after it can never change which label a line is read as.
const LABEL_FORMS = [
  // **Label:** value
  /^(\*\*|__|\*|_)([^*_:]{1,100}?)[ \t]*:[ \t]*\1[ \t]*/,
  // **Label**: value
  /^(\*\*|__|\*|_)([^*_:]{1,100}?)\1[ \t]*:[ \t]*/,
  // Label: value
  /^()([^*_:]{1,100}?)[ \t]*:[ \t]*/,
];

/** A bullet line that names a known label: the label and where its value starts in the line. */
export function readLabelLine(line: string): { label: ContextLabel; indent: string; valueColumn: number } | undefined {
  const bullet = /^([ \t]*)([-*+])[ \t]+/.exec(line);
  if (!bullet) return undefined;
  const content = line.slice(bullet[0].length);
  for (const form of LABEL_FORMS) {
    const m = form.exec(content);
    if (!m) continue;
    const label = canonicalLabel(m[2]);
    if (label) return { label, indent: bullet[1], valueColumn: bullet[0].length + m[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Front matter

const FrontMatterData = z.record(z.string(), z.unknown());
const FrontMatterItem = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FrontMatterValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(FrontMatterItem)]);
type FrontMatterValue = z.infer<typeof FrontMatterValue>;

function frontMatterText(value: FrontMatterValue): string | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    return value
      .filter((v) => v !== null)
      .map((v) => String(v).trim())
      .filter((v) => v !== '')
      .join(', ');
  }
  return String(value);
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list that holds lists or sets of keys';
  if (value !== null && typeof value === 'object') return 'a set of keys';
  if (typeof value === 'number') return 'a number that is not finite';
  return `a value of type ${typeof value}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the scalar after `key:` stands on its line, and whether it is a one-line scalar. */
function scalarOnLine(lineText: string, afterColon: number): { start: number; end: number; oneLine: boolean; empty: boolean } {
  let i = afterColon;
  while (i < lineText.length && (lineText[i] === ' ' || lineText[i] === '\t')) i++;
  const rest = lineText.slice(i);
  if (rest === '' || rest.startsWith('#')) return { start: afterColon, end: afterColon, oneLine: true, empty: true };
  const first = rest[0];
  const commentFrom = (from: number): boolean => /^[ \t]*(?:#.*)?$/s.test(rest.slice(from));
  if (first === '"') {
    for (let j = 1; j < rest.length; j++) {
      if (rest[j] === '\\') {
        j++;
        continue;
      }
      if (rest[j] === '"') return { start: i, end: i + j + 1, oneLine: commentFrom(j + 1), empty: false };
    }
    return { start: i, end: lineText.length, oneLine: false, empty: false };
  }
  if (first === "'") {
    for (let j = 1; j < rest.length; j++) {
      if (rest[j] !== "'") continue;
      if (rest[j + 1] === "'") {
        j++;
        continue;
      }
      return { start: i, end: i + j + 1, oneLine: commentFrom(j + 1), empty: false };
    }
    return { start: i, end: lineText.length, oneLine: false, empty: false };
  }
  const comment = /[ \t]#/.exec(rest);
  const end = i + (comment ? comment.index : rest.length);
  let trimmedEnd = end;
  while (trimmedEnd > i && (lineText[trimmedEnd - 1] === ' ' || lineText[trimmedEnd - 1] === '\t')) trimmedEnd--;
  // Block scalars, flow collections, anchors, aliases, tags and reserved indicators are not plain one-liners.
  const plain = !/^[|>[\]{}&*!%@`,]/.test(rest);
  return { start: i, end: trimmedEnd, oneLine: plain, empty: false };
}

/**
 * The lines of the YAML text where a top-level key can start: column 0, not a comment, and not
 * inside a quoted scalar or flow collection that runs over several lines (js-yaml accepts their
 * continuation lines at column 0, so `Tone: x` there is text, not a key).
 */
function topLevelKeyLines(lines: readonly string[]): boolean[] {
  const out = lines.map(() => false);
  // What is still open at the end of a line: a quote character, or the depth of flow brackets.
  let quote: '"' | "'" | undefined;
  let depth = 0;
  // In a flow collection a quote opens a scalar only where a scalar starts (`it's` is plain text).
  let last = '';
  const scan = (line: string, from: number) => {
    for (let i = from; i < line.length; i++) {
      const c = line[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
      } else if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = undefined;
      } else if (depth > 0) {
        if ((c === '"' || c === "'") && '[{,:'.includes(last)) quote = c;
        else if (c === '[' || c === '{') depth++;
        else if (c === ']' || c === '}') depth--;
        else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return;
        if (c !== ' ' && c !== '\t') last = c;
        if (depth === 0 && quote === undefined) return;
      } else {
        return;
      }
    }
  };
  lines.forEach((line, n) => {
    if (quote !== undefined || depth > 0) {
      scan(line, 0);
      return;
    }
    if (line === '' || /^[ \t#]/.test(line)) return;
    out[n] = true;
    // Where a scalar or collection starts on the line: after block sequence and explicit key
    // indicators (`- `, `? `, `: `) and after a key (quoted keys may hold a colon).
    let i = /^(?:[-?:](?:[ \t]+|$))*/.exec(line)![0].length;
    const key = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"][^:]*?)[ \t]*:(?=[ \t]|$)/.exec(line.slice(i));
    if (key) i += key[0].length;
    // Anchors and tags may stand before the value.
    const props = /^(?:[ \t]+[&!][^ \t]*)*[ \t]*/.exec(line.slice(i));
    i += props ? props[0].length : 0;
    const c = line[i];
    if (c === '"' || c === "'") {
      quote = c;
      scan(line, i + 1);
    } else if (c === '[' || c === '{') {
      depth = 1;
      last = c;
      scan(line, i + 1);
    }
  });
  return out;
}

interface FrontMatterRead {
  kind: 'none' | 'yaml' | 'error';
  entries: Map<ContextLabel, ContextEntry>;
  simple: Set<ContextLabel>;
  problems: ContextProblem[];
  bodyOffset: number;
}

function readContextFrontMatter(text: string, lines: readonly TextLine[]): FrontMatterRead {
  const fm = readFrontMatter(text);
  const entries = new Map<ContextLabel, ContextEntry>();
  const simple = new Set<ContextLabel>();
  const problems: ContextProblem[] = [];
  if (fm.kind === 'none') return { kind: 'none', entries, simple, problems, bodyOffset: fm.bodyOffset };
  if (fm.kind === 'error') {
    problems.push({ line: fm.line, severity: 'error', message: fm.message });
    return { kind: 'error', entries, simple, problems, bodyOffset: fm.bodyOffset };
  }

  const checked = FrontMatterData.safeParse(fm.data);
  if (!checked.success) {
    problems.push({ line: 0, severity: 'error', message: 'The front matter must be a set of "key: value" lines.' });
    return { kind: 'error', entries, simple, problems, bodyOffset: fm.bodyOffset };
  }

  const rawEnd = fm.rawOffset + fm.raw.length;
  const rawLines = lines.filter((l) => l.start >= fm.rawOffset && l.start < rawEnd);
  const firstRawLine = rawLines[0]?.index ?? lineAtOffset(lines, fm.rawOffset);
  const lineText = (l: TextLine) => text.slice(l.start, Math.min(l.end, rawEnd));

  const keyLines = topLevelKeyLines(rawLines.map(lineText));

  /** The key's line (found by scanning for `key:` at a line start) and its scalar span. */
  const locate = (key: string) => {
    const forms = [escapeRegExp(key), escapeRegExp(JSON.stringify(key)), escapeRegExp(`'${key.replace(/'/g, "''")}'`)];
    const re = new RegExp(`^(?:${forms.join('|')})[ \\t]*:(?=[ \\t]|$)`);
    for (let n = 0; n < rawLines.length; n++) {
      if (!keyLines[n]) continue;
      const l = rawLines[n];
      const s = lineText(l);
      const m = re.exec(s);
      if (!m) continue;
      const scalar = scalarOnLine(s, m[0].length);
      // A plain scalar carries on over following lines indented deeper than the key.
      let continued = false;
      for (let k = n + 1; k < rawLines.length; k++) {
        const next = lineText(rawLines[k]);
        if (next.trim() === '') continue;
        continued = indentWidth(next) > 0 && !next.trim().startsWith('#');
        break;
      }
      return { line: l.index, start: l.start + scalar.start, end: l.start + scalar.end, oneLine: scalar.oneLine && !continued, empty: scalar.empty };
    }
    return undefined;
  };

  for (const [key, raw] of Object.entries(checked.data)) {
    const label = canonicalLabel(key);
    if (!label) continue;
    const at = locate(key);
    const line = at?.line ?? firstRawLine;
    const value = FrontMatterValue.safeParse(raw);
    if (!value.success) {
      problems.push({
        line,
        severity: 'warning',
        label,
        message: `Front matter "${key}" (${label}) should be text, a number, true/false or a list of texts; it is ${describeType(raw)}, so it is ignored.`,
      });
      continue;
    }
    const previous = entries.get(label);
    if (previous) {
      problems.push({
        line,
        severity: 'warning',
        label,
        message: `"${label}" is already given in the front matter (line ${previous.line + 1}); this one is ignored.`,
      });
      continue;
    }
    const offset = at ? at.start : lines[line]?.start ?? fm.rawOffset;
    entries.set(label, {
      label,
      value: normalizeContextValue(frontMatterText(value.data)),
      source: 'frontMatter',
      line,
      valueStart: offset,
      valueEnd: at ? at.end : offset,
    });
    // Only a scalar written on the key's own line can be rewritten in place.
    if (at && at.oneLine && !at.empty && !Array.isArray(value.data)) simple.add(label);
  }
  return { kind: 'yaml', entries, simple, problems, bodyOffset: fm.bodyOffset };
}

function lineAtOffset(lines: readonly TextLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Body

interface OpenEntry {
  label: ContextLabel;
  line: TextLine;
  indent: string;
  bulletIndent: number;
  valueStart: number;
  valueEnd: number;
  lastLine: number;
  parts: string[];
}

/** The full reading, with the positions the updater needs. Throws only on a defect. */
export function analyseContext(text: string): ContextAnalysis {
  const lines = splitLines(text);
  const fm = readContextFrontMatter(text, lines);
  const problems: ContextProblem[] = [...fm.problems];
  const bodyEntries = new Map<ContextLabel, ContextEntry>();
  const bodyLines: BodyEntryLine[] = [];
  const headings: BodyHeading[] = [];
  const sections: { title: string; line: number; known: boolean }[] = [];
  const knownTitles = new Set(CONTEXT_SECTIONS.map((s) => labelKey(s.title)));

  let open: OpenEntry | undefined;
  let fence: string | undefined;

  const close = () => {
    if (!open) return;
    const entry: ContextEntry = {
      label: open.label,
      value: normalizeContextValue(open.parts.join('\n')),
      source: 'body',
      line: open.line.index,
      valueStart: open.valueStart,
      valueEnd: open.valueEnd,
    };
    bodyLines.push({ entry, indent: open.indent, lastLine: open.lastLine });
    const first = bodyEntries.get(open.label);
    if (first) {
      problems.push({
        line: entry.line,
        endLine: open.lastLine !== entry.line ? open.lastLine : undefined,
        severity: 'warning',
        label: open.label,
        message: `"${open.label}" is given again here; the first one (line ${first.line + 1}) is used.`,
      });
    } else {
      bodyEntries.set(open.label, entry);
    }
    open = undefined;
  };

  for (const line of lines) {
    // Lines of the front matter are not body; the body may start part-way into a line.
    if (line.start < fm.bodyOffset && line.end <= fm.bodyOffset) continue;
    const start = Math.max(line.start, fm.bodyOffset);
    const s = text.slice(start, line.end);

    if (fence !== undefined) {
      const m = FENCE.exec(s);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && s.slice(m[0].length).trim() === '') fence = undefined;
      continue;
    }

    if (open) {
      if (continuesValue(s, open.bulletIndent)) {
        open.parts.push(s.trim());
        open.valueEnd = line.end;
        open.lastLine = line.index;
        continue;
      }
      close();
    }

    const fenceOpen = FENCE.exec(s);
    if (fenceOpen) {
      fence = fenceOpen[1];
      continue;
    }
    const heading = readHeading(s);
    if (heading) {
      headings.push({ level: heading.level, title: heading.title, line: line.index });
      if (heading.level === 2) sections.push({ title: heading.title, line: line.index, known: knownTitles.has(labelKey(heading.title)) });
      continue;
    }
    const labelled = readLabelLine(s);
    if (labelled) {
      const valueStart = start + labelled.valueColumn;
      open = {
        label: labelled.label,
        line,
        indent: labelled.indent,
        bulletIndent: indentWidth(labelled.indent),
        valueStart,
        valueEnd: line.end,
        lastLine: line.index,
        parts: [text.slice(valueStart, line.end)],
      };
    }
  }
  close();

  const entries = new Map<ContextLabel, ContextEntry>();
  const values = emptyValues();
  for (const label of CONTEXT_LABELS) {
    const fromFrontMatter = fm.entries.get(label);
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
        message: `The front matter sets "${label}" (line ${fromFrontMatter.line + 1}), so this value is not used.`,
      });
    }
  }

  const counts: ParsedContext['counts'] = {};
  const currentSize = parseCount(values['Current size']);
  if (currentSize !== undefined) counts.currentSize = currentSize;
  const activeMembers = parseCount(values['Active members']);
  if (activeMembers !== undefined) counts.activeMembers = activeMembers;

  problems.sort((a, b) => a.line - b.line);
  const ctx: ParsedContext = {
    values,
    counts,
    entries,
    bodyEntries,
    sections,
    problems,
    filled: CONTEXT_LABELS.filter((l) => values[l] !== undefined).length,
    total: CONTEXT_LABELS.length,
    eol: detectEol(text),
    bom: text.startsWith(BOM),
    frontMatter: fm.kind,
  };
  return { ctx, lines, bodyLines, headings, openFence: fence, frontMatterSimple: fm.simple, bodyOffset: fm.bodyOffset };
}
