import { readFrontMatter } from '../frontMatter';
import { PLAYBOOKS } from '../domain';
import {
  CHECK_IN_KEYS,
  METRIC_ENTRY_KEYS,
  OWNER_KEYS,
  PLAYBOOK_IDS,
  RECORD_KEYS,
  SCORE_KEYS,
  cadenceSchema,
  checkInSchema,
  dateSchema,
  isRecordKey,
  looseKey,
  metricEntrySchema,
  optionalTextSchema,
  partnerSchema,
  partnershipTypeSchema,
  recordDefaults,
  scoreSchema,
  sizeSchema,
  stageSchema,
  stepNumberSchema,
  type CheckIn,
  type MetricEntry,
  type PartnershipRecord,
  type PlaybookId,
  type RecordKey,
} from './schema';

export interface RecordProblem {
  /** 0-based line in the original text. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export type RecordParse =
  | { ok: true; record: PartnershipRecord; problems: RecordProblem[]; unknownKeys: string[] }
  | { ok: false; problems: RecordProblem[]; partial: Partial<PartnershipRecord> };

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
    while (last > line && /^(#.*)?\s*$/.test(lineAt(last))) last--;
    return { key, line, lastLine: last, start: starts[line], end: starts[last + 1] };
  });
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines of the entries of a block sequence under a key, if it is written that way. */
function itemLines(raw: string, block: KeyBlock): number[] {
  const lines = raw.slice(block.start, block.end).split('\n');
  let indent: number | undefined;
  const out: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const m = /^([ \t]*)-(?:[ \t]|\r?$)/.exec(lines[i]);
    if (!m) continue;
    if (indent === undefined) indent = m[1].length;
    if (m[1].length === indent) out.push(block.line + i);
  }
  return out;
}

/** The line of `name:` inside a key's block (a nested key such as `scores.similarSize`). */
function nestedKeyLine(raw: string, block: KeyBlock, name: string): number | undefined {
  const lines = raw.slice(block.start, block.end).split('\n');
  for (let i = 1; i < lines.length; i++) {
    const m = /^[\s-]*(?:"([^"]*)"|'([^']*)'|([^\s:#][^:]*?))\s*:(?:\s|$)/.exec(lines[i]);
    if (m && (m[1] ?? m[2] ?? m[3]) === name) return block.line + i;
  }
  return undefined;
}

function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function firstMessage(result: { success: boolean; error?: { issues: readonly { message: string; path: readonly PropertyKey[] }[] } }): string {
  const issue = result.error?.issues[0];
  if (!issue) return 'could not be read';
  const path = issue.path.length ? `${issue.path.map(String).join('.')} ` : '';
  return `${path}${issue.message}`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/** The known key an unknown one was probably meant to be (`check_ins`, `cadance`). */
function meantKey(key: string, known: readonly string[]): string | undefined {
  const loose = looseKey(key);
  for (const k of known) if (looseKey(k) === loose) return k;
  if (key.length < 4) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Drops keys whose value is empty (`notes:` with nothing after it): they mean "not set". */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/**
 * Reads a partnership record. Never throws. A field that cannot be read is reported at its line
 * and takes its default; the record is only refused when it has no readable `partner` or its
 * front matter cannot be read at all.
 */
export function parseRecord(text: string): RecordParse {
  try {
    return parseRecordText(typeof text === 'string' ? text : String(text));
  } catch (err) {
    // Nothing above is expected to throw; a record must never take the caller down with it.
    return { ok: false, problems: [{ line: 0, message: `The record could not be read: ${err instanceof Error ? err.message : String(err)}`, severity: 'error' }], partial: {} };
  }
}

function parseRecordText(text: string): RecordParse {
  const fm = readFrontMatter(text);
  if (fm.kind === 'none') {
    return {
      ok: false,
      problems: [{ line: 0, message: 'This file has no front matter: a partnership record starts with a "---" line, a "partner: <name>" line and another "---" line.', severity: 'error' }],
      partial: {},
    };
  }
  if (fm.kind === 'error') {
    return { ok: false, problems: [{ line: fm.line, message: fm.message, severity: 'error' }], partial: {} };
  }

  const raw = fm.raw;
  const firstLine = countLines(text, fm.rawOffset);
  const blocks = new Map<string, KeyBlock>();
  for (const b of scanKeyBlocks(raw)) if (!blocks.has(b.key)) blocks.set(b.key, b);
  // Keys the text scan could not place (such as a front matter written as one `{...}`) are
  // reported on the opening `---` line.
  const keyLine = (key: string) => {
    const b = blocks.get(key);
    return b ? firstLine + b.line : Math.max(0, firstLine - 1);
  };

  const problems: RecordProblem[] = [];
  const unknownKeys: string[] = [];
  const record: Partial<PartnershipRecord> = {};
  const data = fm.data;
  const problem = (line: number, message: string, severity: RecordProblem['severity'] = 'error') => problems.push({ line, message, severity });

  for (const key of Object.keys(data)) {
    const value = data[key];
    const line = keyLine(key);
    if (!isRecordKey(key)) {
      unknownKeys.push(key);
      const meant = meantKey(key, RECORD_KEYS);
      if (meant) problem(line, `"${key}" is not a key this extension reads: did you mean "${meant}"? It is kept as it is.`, 'warning');
      continue;
    }
    if (value === null || value === undefined) continue;
    readField(key, value, line, blocks.get(key));
  }

  function scalar<K extends RecordKey>(key: K, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, value: unknown, line: number, fallback: string) {
    const r = schema.safeParse(value);
    if (r.success) {
      if (r.data !== undefined) (record as Record<string, unknown>)[key] = r.data;
    } else {
      problem(line, `${key} ${firstMessage(r as Parameters<typeof firstMessage>[0])} (found ${show(value)}); ${fallback}.`);
    }
  }

  function readField(key: RecordKey, value: unknown, line: number, block: KeyBlock | undefined) {
    switch (key) {
      case 'partner':
        return scalar(key, partnerSchema, value, line, 'the record needs a partner name');
      case 'community':
      case 'contact':
        return scalar(key, optionalTextSchema, value, line, 'it is left empty');
      case 'start':
      case 'review':
        return scalar(key, dateSchema, value, line, 'it is left empty');
      case 'stage':
        return scalar(key, stageSchema, value, line, 'reading it as prospect');
      case 'cadence':
        return scalar(key, cadenceSchema, value, line, 'reading it as monthly');
      case 'partnerSize':
        return scalar(key, sizeSchema, value, line, 'it is left empty');
      case 'types':
        record.types = list(Array.isArray(value) ? value : [value], line, block, (item, at) => {
          const r = partnershipTypeSchema.safeParse(item);
          if (r.success) return r.data;
          problem(at, `types: ${show(item)} ${firstMessage(r)}; it is skipped.`);
          return undefined;
        });
        // The same type twice says nothing more; keep the first.
        record.types = [...new Set(record.types)];
        return;
      case 'checkIns':
      case 'metrics': {
        if (!Array.isArray(value)) {
          problem(line, `${key} must be a list of entries, each starting with "- date:"; it is not read.`);
          return;
        }
        const schema = key === 'checkIns' ? checkInSchema : metricEntrySchema;
        const allowed: readonly string[] = key === 'checkIns' ? CHECK_IN_KEYS : METRIC_ENTRY_KEYS;
        const what = key === 'checkIns' ? 'check-in' : 'metric entry';
        const entries = list(value, line, block, (item, at, n) => {
          if (!isPlainObject(item)) {
            problem(at, `${key}: ${what} ${n + 1} must be a set of "key: value" lines (found ${show(item)}); it is skipped.`);
            return undefined;
          }
          for (const k of Object.keys(item)) {
            if (!allowed.includes(k)) {
              const meant = meantKey(k, allowed);
              problem(at, `${key}: ${what} ${n + 1} has "${k}", which is not read${meant ? `: did you mean "${meant}"?` : '.'}`, 'warning');
            }
          }
          const r = schema.safeParse(withoutNulls(item));
          if (r.success) return r.data as CheckIn | MetricEntry;
          problem(at, `${key}: ${what} ${n + 1}: ${firstMessage(r)}; it is skipped.`);
          return undefined;
        });
        if (key === 'checkIns') record.checkIns = entries as CheckIn[];
        else record.metrics = entries as MetricEntry[];
        return;
      }
      case 'owners': {
        if (!isPlainObject(value)) {
          problem(line, `owners must be written as "ours:" and "theirs:" lines under it (found ${show(value)}); it is not read.`);
          return;
        }
        const owners: PartnershipRecord['owners'] = {};
        for (const [k, v] of Object.entries(value)) {
          const nested = block ? nestedKeyLine(raw, block, k) : undefined;
          const at = nested !== undefined ? firstLine + nested : line;
          if (k !== 'ours' && k !== 'theirs') {
            const meant = meantKey(k, OWNER_KEYS);
            problem(at, `owners: "${k}" is not read${meant ? `: did you mean "${meant}"?` : ' (use "ours" and "theirs").'}`, 'warning');
            continue;
          }
          if (v === null) continue;
          const r = optionalTextSchema.safeParse(v);
          if (r.success) {
            if (r.data !== undefined) owners[k] = r.data;
          } else problem(at, `owners.${k} must be a name (found ${show(v)}); it is left empty.`);
        }
        record.owners = owners;
        return;
      }
      case 'scores': {
        if (!isPlainObject(value)) {
          problem(line, `scores must be written as one "criterion: score" line per criterion (found ${show(value)}); it is not read.`);
          return;
        }
        const scores: PartnershipRecord['scores'] = {};
        for (const [k, v] of Object.entries(value)) {
          const nested = block ? nestedKeyLine(raw, block, k) : undefined;
          const at = nested !== undefined ? firstLine + nested : line;
          if (!(SCORE_KEYS as readonly string[]).includes(k)) {
            const meant = meantKey(k, SCORE_KEYS);
            problem(at, `scores: "${k}" is not a scorecard criterion${meant ? `: did you mean "${meant}"?` : ` (use ${SCORE_KEYS.join(', ')})`}; it is not counted.`, 'warning');
            continue;
          }
          if (v === null) continue;
          const r = scoreSchema.safeParse(v);
          if (r.success) scores[k as keyof typeof scores] = r.data;
          else problem(at, `scores.${k} ${firstMessage(r)} (found ${show(v)}); it is not counted.`);
        }
        record.scores = scores;
        return;
      }
      case 'playbook': {
        if (!isPlainObject(value)) {
          problem(line, `playbook must list done step numbers per playbook, such as "newsletter-swap: [1, 2]" (found ${show(value)}); it is not read.`);
          return;
        }
        const progress: PartnershipRecord['playbook'] = {};
        for (const [k, v] of Object.entries(value)) {
          const nested = block ? nestedKeyLine(raw, block, k) : undefined;
          const at = nested !== undefined ? firstLine + nested : line;
          if (!(PLAYBOOK_IDS as string[]).includes(k)) {
            problem(at, `playbook: "${k}" is not a playbook (use ${PLAYBOOK_IDS.join(', ')}); it is not read.`, 'warning');
            continue;
          }
          if (v === null) continue;
          const steps = PLAYBOOKS[k as PlaybookId].steps.length;
          const done = new Set<number>();
          for (const item of Array.isArray(v) ? v : [v]) {
            const r = stepNumberSchema.safeParse(item);
            if (r.success && r.data <= steps) done.add(r.data);
            else problem(at, `playbook.${k}: ${show(item)} is not a step number from 1 to ${steps}; it is skipped.`);
          }
          progress[k as PlaybookId] = [...done].sort((a, b) => a - b);
        }
        record.playbook = progress;
        return;
      }
    }
  }

  /** Reads a list item by item, so one bad entry does not lose the others. */
  function list<T>(items: unknown[], line: number, block: KeyBlock | undefined, read: (item: unknown, line: number, index: number) => T | undefined): T[] {
    const lines = block ? itemLines(raw, block) : [];
    // Only trust the item lines when they match the list (a list written `[a, b]` has none).
    const at = (i: number) => (lines.length === items.length ? firstLine + lines[i] : line);
    const out: T[] = [];
    items.forEach((item, i) => {
      const v = read(item, at(i), i);
      if (v !== undefined) out.push(v);
    });
    return out;
  }

  problems.sort((a, b) => a.line - b.line);
  if (record.partner === undefined) {
    if (!('partner' in data) || data.partner === null) {
      problems.unshift({ line: Math.max(0, firstLine - 1), message: 'The record has no partner: add a line "partner: <their name>" to the front matter.', severity: 'error' });
    }
    return { ok: false, problems, partial: record };
  }
  // Keys in the documented order, whatever order the file has them in.
  const full: Record<string, unknown> = {};
  const defaults = recordDefaults() as Record<string, unknown>;
  for (const key of RECORD_KEYS) {
    const value = key in record ? (record as Record<string, unknown>)[key] : defaults[key];
    if (value !== undefined) full[key] = value;
  }
  return { ok: true, record: full as unknown as PartnershipRecord, problems, unknownKeys };
}
