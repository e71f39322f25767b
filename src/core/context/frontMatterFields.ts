import { readFrontMatter } from '../frontMatter';
import { COUNT_LABELS, type ContextLabel, canonicalLabel, canonicalSection, sectionOf } from './labels';
import type { ContextEntry, ContextProblem } from './parse';
import { type TextLine, indentWidth, lineAtOffset, normalizeContextValue } from './text';
import { readValue } from './values';
import { l10n } from '../l10n';

/** The YAML front matter a user may add: read with the shared reader, each key matched to a label. */

type FrontMatterItem = string | number | boolean | null;
type FrontMatterValue = FrontMatterItem | FrontMatterItem[];

/** Text, a finite number, true/false or nothing. */
const isItem = (v: unknown): v is FrontMatterItem => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
/** A value the reader takes: an item, or a list of items. */
const isValue = (v: unknown): v is FrontMatterValue => isItem(v) || (Array.isArray(v) && v.every(isItem));

/** An object built as a set of keys (not an array, nor one whose prototype was replaced). */
function isPlainObject(o: unknown): o is Record<string, unknown> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const ctor: unknown = (o as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prot: unknown = (ctor as { prototype?: unknown }).prototype;
  if (typeof prot !== 'object' || prot === null || Array.isArray(prot)) return false;
  return Object.prototype.hasOwnProperty.call(prot, 'isPrototypeOf');
}

/**
 * The front matter as a set of keys: its own enumerable keys, `__proto__` left out; undefined
 * when it is not a set of keys.
 */
function frontMatterMapping(data: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(data)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(data)) {
    if (typeof key !== 'string') return undefined;
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(data, key)) continue;
    out[key] = data[key];
  }
  return out;
}

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
  if (Array.isArray(value)) return l10n.t('a list that holds lists or sets of keys');
  if (value !== null && typeof value === 'object') return l10n.t('a set of keys');
  if (typeof value === 'number') return l10n.t('a number that is not finite');
  return l10n.t('a value of type {0}', typeof value);
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
    const key = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"][^:]*):(?=[ \t]|$)/.exec(line.slice(i));
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
export interface FrontMatterRead {
  kind: 'none' | 'yaml' | 'error';
  entries: Map<ContextLabel, ContextEntry>;
  simple: Set<ContextLabel>;
  problems: ContextProblem[];
  bodyOffset: number;
}

export function readContextFrontMatter(text: string, lines: readonly TextLine[]): FrontMatterRead {
  const fm = readFrontMatter(text);
  const entries = new Map<ContextLabel, ContextEntry>();
  const simple = new Set<ContextLabel>();
  const problems: ContextProblem[] = [];
  if (fm.kind === 'none') return { kind: 'none', entries, simple, problems, bodyOffset: fm.bodyOffset };
  if (fm.kind === 'error') {
    problems.push({ line: fm.line, severity: 'error', message: fm.message });
    return { kind: 'error', entries, simple, problems, bodyOffset: fm.bodyOffset };
  }

  const mapping = frontMatterMapping(fm.data);
  if (!mapping) {
    problems.push({ line: 0, severity: 'error', message: l10n.t('The front matter must be a set of "key: value" lines.') });
    return { kind: 'error', entries, simple, problems, bodyOffset: fm.bodyOffset };
  }

  const keys = new KeyLocator(text, lines, fm.rawOffset, fm.rawOffset + fm.raw.length);
  const read = { entries, simple, problems };
  const keyOf = new Map<ContextLabel, string>();
  // A key the scan cannot place is reported at the first line of the YAML text.
  const unplaced = { line: keys.firstRawLine, offset: lines[keys.firstRawLine]?.start ?? fm.rawOffset };
  for (const key of collectKeys([], mapping, 0)) addEntry(read, keyOf, key, keys.find(key.path), unplaced);
  return { kind: 'yaml', entries, simple, problems, bodyOffset: fm.bodyOffset };
}

/** Where a key stands in the text: its line, and the span of the scalar after its colon. */
interface KeySpan {
  line: number;
  start: number;
  end: number;
  /** A scalar written whole on the key's own line. */
  oneLine: boolean;
  empty: boolean;
}

/** Finds keys in the YAML text of the front matter, by scanning its lines. */
class KeyLocator {
  private readonly rawLines: TextLine[];
  private readonly keyLines: boolean[];
  /** The first line of the YAML text: where a key that cannot be placed is reported. */
  readonly firstRawLine: number;

  constructor(
    private readonly text: string,
    lines: readonly TextLine[],
    rawOffset: number,
    private readonly rawEnd: number,
  ) {
    this.rawLines = lines.filter((l) => l.start >= rawOffset && l.start < rawEnd);
    this.firstRawLine = this.rawLines[0]?.index ?? lineAtOffset(lines, rawOffset);
    this.keyLines = topLevelKeyLines(this.rawLines.map((l) => this.lineText(l)));
  }

  private lineText(l: TextLine): string {
    return this.text.slice(l.start, Math.min(l.end, this.rawEnd));
  }

  /** A top-level key, or one nested under others (`current_state:` then `  active_members: 1400`). */
  find(path: readonly string[]): KeySpan | undefined {
    const top = this.locate(path[0]);
    if (!top || path.length === 1) return top;
    return this.locateNested(top, path.slice(1));
  }

  /** A top-level key: found by scanning for `key:` at a line start. */
  private locate(key: string): KeySpan | undefined {
    const forms = [escapeRegExp(key), escapeRegExp(JSON.stringify(key)), escapeRegExp(`'${key.replace(/'/g, "''")}'`)];
    const re = new RegExp(`^(?:${forms.join('|')})[ \\t]*:(?=[ \\t]|$)`);
    for (let n = 0; n < this.rawLines.length; n++) {
      if (!this.keyLines[n]) continue;
      const s = this.lineText(this.rawLines[n]);
      const m = re.exec(s);
      if (m) return this.spanAt(n, s, m[0].length, 0);
    }
    return undefined;
  }

  /** Nested keys: each found below its parent at a deeper indentation. */
  private locateNested(top: KeySpan, path: readonly string[]): KeySpan | undefined {
    let from = this.rawLines.findIndex((l) => l.index === top.line);
    let indent = 0;
    let found: KeySpan | undefined;
    for (const key of path) {
      found = undefined;
      for (let n = from + 1; n < this.rawLines.length; n++) {
        const s = this.lineText(this.rawLines[n]);
        if (s.trim() === '' || s.trim().startsWith('#')) continue;
        const width = indentWidth(s);
        if (width <= indent) break;
        const t = s.trimStart();
        const bare = t.startsWith(key) ? key.length : t.startsWith(JSON.stringify(key)) ? JSON.stringify(key).length : -1;
        if (bare === -1) continue;
        let c = bare;
        while (t[c] === ' ' || t[c] === '\t') c++;
        if (t[c] !== ':' || (t[c + 1] !== undefined && t[c + 1] !== ' ' && t[c + 1] !== '\t')) continue;
        found = this.spanAt(n, s, s.length - t.length + c + 1, width);
        from = n;
        indent = width;
        break;
      }
      if (!found) return undefined;
    }
    return found;
  }

  /** The span of the scalar after the colon of line `n`, indented `width`. */
  private spanAt(n: number, s: string, afterColon: number, width: number): KeySpan {
    const scalar = scalarOnLine(s, afterColon);
    // A plain scalar carries on over following lines indented deeper than the key.
    let continued = false;
    for (let k = n + 1; k < this.rawLines.length; k++) {
      const next = this.lineText(this.rawLines[k]);
      if (next.trim() === '') continue;
      continued = indentWidth(next) > width && !next.trim().startsWith('#');
      break;
    }
    const l = this.rawLines[n];
    return { line: l.index, start: l.start + scalar.start, end: l.start + scalar.end, oneLine: scalar.oneLine && !continued, empty: scalar.empty };
  }
}

/** A key of the front matter matched to a label, with the keys of the sections above it. */
interface LabelledKey {
  path: string[];
  raw: unknown;
  label: ContextLabel;
}

/** Keys as they stand: top-level ones, and those nested by section (`community_overview:` then `  name: Acme`). */
function collectKeys(path: string[], data: Record<string, unknown>, depth: number, keys: LabelledKey[] = []): LabelledKey[] {
  for (const [key, raw] of Object.entries(data)) {
    const section = path.length > 0 ? canonicalSection(path[path.length - 1]) : undefined;
    let label = canonicalLabel(key, { nested: path.length > 0 });
    if (!label && path.length > 0) {
      const weak = canonicalLabel(key);
      if (weak && (section === undefined || sectionOf(weak) === section)) label = weak;
      label ??= canonicalLabel(`${path[path.length - 1]} ${key}`);
    }
    const isSection = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
    if (isSection && depth < 2 && (!label || canonicalSection(key))) {
      collectKeys([...path, key], raw as Record<string, unknown>, depth + 1, keys);
      continue;
    }
    if (label) keys.push({ path: [...path, key], raw, label });
  }
  return keys;
}

/** Whether a count key is a monthly figure (`mau:`) or another period's (`dau:`, `wau:`). */
function countPeriod(key: string): 'month' | 'other' | undefined {
  return /(?:^|[^a-z])(?:mau|monthly|month)/i.test(key) ? 'month' : /(?:^|[^a-z])(?:dau|wau|daily|weekly)/i.test(key) ? 'other' : undefined;
}

/**
 * Adds one key's value as its label's entry, or says why it is not used: not a value the form
 * can hold, or the label given already. `keyOf` is the key each label was read from.
 */
function addEntry(
  read: Pick<FrontMatterRead, 'entries' | 'simple' | 'problems'>,
  keyOf: Map<ContextLabel, string>,
  { path, raw, label }: LabelledKey,
  at: KeySpan | undefined,
  unplaced: { line: number; offset: number },
): void {
  const { entries, simple, problems } = read;
  const key = path.join('.');
  const line = at?.line ?? unplaced.line;
  if (!isValue(raw)) {
    problems.push({
      line,
      severity: 'warning',
      label,
      message: l10n.t('Front matter "{0}" ({1}) should be text, a number, true/false or a list of texts; it is {2}, so it is ignored.', key, label, describeType(raw)),
    });
    return;
  }
  const previous = entries.get(label);
  // `dau:`, `wau:`, `mau:` side by side: the monthly figure is the count, and none is a duplicate.
  if (previous && COUNT_LABELS.includes(label) && countPeriod(key) !== undefined && countPeriod(keyOf.get(label) ?? '') !== undefined) {
    if (countPeriod(key) !== 'month') return;
    entries.delete(label);
    simple.delete(label);
  } else if (previous) {
    problems.push({
      line,
      severity: 'warning',
      label,
      message: l10n.t('"{0}" is already given in the front matter (line {1}); this one is ignored.', label, previous.line + 1),
    });
    return;
  }
  keyOf.set(label, key);
  const offset = at ? at.start : unplaced.offset;
  entries.set(label, {
    label,
    value: readValue(label, normalizeContextValue(frontMatterText(raw)) ?? '').value,
    source: 'frontMatter',
    line,
    valueStart: offset,
    valueEnd: at ? at.end : offset,
  });
  // Only a scalar written on the key's own line can be rewritten in place.
  if (at && at.oneLine && !at.empty && !Array.isArray(raw)) simple.add(label);
}
