import { readFrontMatter } from '../frontMatter';
import { PLAYBOOKS } from '../domain';
import {
  CHECK_IN_KEYS,
  METRIC_ENTRY_KEYS,
  OWNER_KEYS,
  PLAYBOOK_IDS,
  RECORD_KEYS,
  SCORE_KEYS,
  isRecordKey,
  looseKey,
  recordDefaults,
  type CheckIn,
  type MetricEntry,
  type PartnershipRecord,
  type PlaybookId,
  type RecordKey,
} from './schema';
import { MAX_LIST_ENTRIES, MAX_PROBLEMS, firstMessage, read, readCheckIn, readMetricEntry, type SafeResult } from './fields';
import { scanKeyBlocks, type KeyBlock } from './keyBlocks';
import type { DigestParse, RecordDigest, RecordParse, RecordProblem } from './parse';
import { l10n } from '../l10n';
import { formatCount } from '../numbers';

/*
 * The full reading of a record: its front matter read into data (src/core/frontMatter.ts, with
 * the block reader or js-yaml), then every key checked, each problem reported at its line. The
 * planner's index reads most records with the one-pass reader (fastDigest.ts) and this only when
 * that gives up, or when a record is opened; so in the Node host it is a part of its own
 * (src/core/recordReadingChunk.ts), loaded then, with the front matter and block readers and
 * js-yaml's types (a count that is not one plain number loads its own reader, through
 * src/core/parseCount.ts). Reach it through src/core/records/parse.ts.
 */

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

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The key a line inside a block starts with (after any indentation and dashes): `"quoted"`,
 * `'quoted'` or plain up to its colon, which must be followed by white space or the end.
 * A scan, not a regular expression: it sees workspace text.
 */
function nestedKeyOf(line: string): string | undefined {
  let i = 0;
  while (i < line.length && (isSpace(line[i]) || line[i] === '-')) i++;
  const c = line[i];
  if (c === undefined || c === ':' || c === '#') return undefined;
  let key: string;
  let colon: number;
  if (c === '"' || c === "'") {
    const close = line.indexOf(c, i + 1);
    if (close === -1) return undefined;
    key = line.slice(i + 1, close);
    colon = close + 1;
    while (colon < line.length && isSpace(line[colon])) colon++;
    if (line[colon] !== ':') return undefined;
  } else {
    colon = line.indexOf(':', i + 1);
    if (colon === -1) return undefined;
    key = line.slice(i, colon).trimEnd();
  }
  const after = line[colon + 1];
  return after === undefined || isSpace(after) ? key : undefined;
}

/** The line of `name:` inside a key's block (a nested key such as `scores.similarSize`). */
function nestedKeyLine(raw: string, block: KeyBlock, name: string): number | undefined {
  const lines = raw.slice(block.start, block.end).split('\n');
  for (let i = 1; i < lines.length; i++) if (nestedKeyOf(lines[i]) === name) return block.line + i;
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

const leftEmpty = () => l10n.t('it is left empty');

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
  if (key.length < 4 || key.length > 40) return undefined;
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

const count = (n: number) => formatCount(n);

/**
 * Reads a partnership record. Never throws. A field that cannot be read is reported at its line
 * and takes its default; the record is only refused when it has no readable `partner` or its
 * front matter cannot be read at all.
 */
export function parseRecord(text: string): RecordParse {
  try {
    const r = readRecord(typeof text === 'string' ? text : String(text), false);
    if (!r.ok) return { ok: false, problems: r.problems, partial: r.partial };
    return { ok: true, record: r.record, problems: r.problems, unknownKeys: r.unknownKeys };
  } catch (err) {
    return unexpected(err);
  }
}

/**
 * digestRecord by the full reading alone: the YAML read into data, then every key checked.
 * With `yamlOnly` the YAML is read by js-yaml itself (no faster reader in front of it): the
 * unit tests compare the fast digest with this.
 */
export function digestFully(text: string, options: { yamlOnly?: boolean } = {}): DigestParse {
  try {
    const r = readRecord(typeof text === 'string' ? text : String(text), true, options.yamlOnly === true);
    if (!r.ok) return { ok: false, problems: r.problems, partial: r.partial };
    const { partner, community, contact, stage, types, owners, start, review, cadence, scores, partnerSize } = r.record;
    const digest: RecordDigest = { partner, stage, types, owners, cadence, scores, latestMetrics: r.latestMetrics };
    if (community !== undefined) digest.community = community;
    if (contact !== undefined) digest.contact = contact;
    if (start !== undefined) digest.start = start;
    if (review !== undefined) digest.review = review;
    if (partnerSize !== undefined) digest.partnerSize = partnerSize;
    if (r.lastCheckIn) digest.lastCheckIn = r.lastCheckIn;
    return { ok: true, digest, problems: r.problems };
  } catch (err) {
    return unexpected(err);
  }
}

function unexpected(err: unknown): { ok: false; problems: RecordProblem[]; partial: Record<string, never> } {
  // Nothing in the reader is expected to throw; a record must never take the caller down with it.
  return { ok: false, problems: [{ line: 0, message: l10n.t('The record could not be read: {0}', err instanceof Error ? err.message : String(err)), severity: 'error' }], partial: {} };
}

/** A line, or how to find it: lines are only worked out for problems that are kept. */
type LineRef = number | (() => number);
const lineOf = (at: LineRef) => (typeof at === 'number' ? at : at());

type Reading =
  | { ok: true; record: PartnershipRecord; problems: RecordProblem[]; unknownKeys: string[]; lastCheckIn?: CheckIn; latestMetrics: RecordDigest['latestMetrics'] }
  | { ok: false; problems: RecordProblem[]; partial: Partial<PartnershipRecord> };

/**
 * The reader behind parseRecord and digestRecord. With `digest`, check-ins and measurements are
 * checked one by one but not kept: only the latest check-in and the latest value of each metric.
 */
function readRecord(text: string, digest: boolean, yamlOnly = false): Reading {
  const fm = readFrontMatter(text, { blockReader: !yamlOnly });
  if (fm.kind === 'none') {
    return {
      ok: false,
      problems: [{ line: 0, message: l10n.t('This file has no front matter: a partnership record starts with a "---" line, a "partner: <name>" line and another "---" line.'), severity: 'error' }],
      partial: {},
    };
  }
  if (fm.kind === 'error') {
    return { ok: false, problems: [{ line: fm.line, message: fm.message, severity: 'error' }], partial: {} };
  }
  const reader = new RecordReader(text, fm.raw, fm.rawOffset, digest);
  for (const key of Object.keys(fm.data)) reader.readKey(key, fm.data[key]);
  return reader.finish(fm.data);
}

/** One reading of a record's front matter: what is read so far, its problems, and where lines are. */
class RecordReader {
  private readonly record: Partial<PartnershipRecord> = {};
  private readonly problems: RecordProblem[] = [];
  private readonly unknownKeys: string[] = [];
  private lastCheckIn: CheckIn | undefined;
  private readonly latestMetrics: RecordDigest['latestMetrics'] = {};
  // Problems past MAX_PROBLEMS: how many, where the first was, and whether one was an error.
  private dropped = 0;
  private droppedAt: LineRef = 0;
  private droppedError = false;
  private firstLineAt: number | undefined;
  // The text is only scanned for key lines when a problem needs one.
  private blocks: Map<string, KeyBlock> | undefined;

  constructor(
    private readonly text: string,
    private readonly raw: string,
    private readonly rawOffset: number,
    private readonly digest: boolean,
  ) {}

  /** The line of the file where the YAML text starts. */
  private firstLine(): number {
    return (this.firstLineAt ??= countLines(this.text, this.rawOffset));
  }

  private blockOf(key: string): KeyBlock | undefined {
    if (!this.blocks) {
      this.blocks = new Map();
      for (const b of scanKeyBlocks(this.raw)) if (!this.blocks.has(b.key)) this.blocks.set(b.key, b);
    }
    return this.blocks.get(key);
  }

  /**
   * The line of a top-level key. Keys the text scan could not place (such as a front matter
   * written as one `{...}`) are reported on the opening `---` line.
   */
  private keyLine(key: string): LineRef {
    return () => {
      const b = this.blockOf(key);
      return b ? this.firstLine() + b.line : Math.max(0, this.firstLine() - 1);
    };
  }

  /** The line of `name:` under a top-level key, or the fallback when it cannot be placed. */
  private nestedLine(key: string, name: string, fallback: LineRef): LineRef {
    return () => {
      const b = this.blockOf(key);
      const nested = b ? nestedKeyLine(this.raw, b, name) : undefined;
      return nested !== undefined ? this.firstLine() + nested : lineOf(fallback);
    };
  }

  private problem(at: LineRef, message: string, severity: RecordProblem['severity'] = 'error'): void {
    if (this.problems.length < MAX_PROBLEMS) {
      this.problems.push({ line: lineOf(at), message, severity });
      return;
    }
    if (this.dropped++ === 0) this.droppedAt = at;
    if (severity === 'error') this.droppedError = true;
  }

  /** Reads one top-level key: a field, or an unknown key kept as it is. */
  readKey(key: string, value: unknown): void {
    const line = this.keyLine(key);
    if (!isRecordKey(key)) {
      this.unknownKeys.push(key);
      const meant = meantKey(key, RECORD_KEYS);
      if (meant) this.problem(line, l10n.t('"{0}" is not a key this extension reads: did you mean "{1}"? It is kept as it is.', key, meant), 'warning');
      return;
    }
    if (value === null || value === undefined) return;
    this.readField(key, value, line);
  }

  private readField(key: RecordKey, value: unknown, line: LineRef): void {
    switch (key) {
      case 'partner':
        return this.scalar(key, read.partner, value, line, () => l10n.t('the record needs a partner name'));
      case 'community':
      case 'contact':
        return this.scalar(key, read.text, value, line, leftEmpty);
      case 'start':
      case 'review':
        return this.scalar(key, read.date, value, line, leftEmpty);
      case 'stage':
        return this.scalar(key, read.stage, value, line, () => l10n.t('reading it as {0}', 'prospect'));
      case 'cadence':
        return this.scalar(key, read.cadence, value, line, () => l10n.t('reading it as {0}', 'monthly'));
      case 'partnerSize':
        return this.scalar(key, read.size, value, line, leftEmpty);
      case 'types':
        return this.readTypes(value, line);
      case 'checkIns':
      case 'metrics':
        return this.readEntries(key, value, line);
      case 'owners':
        return this.readOwners(value, line);
      case 'scores':
        return this.readScores(value, line);
      case 'playbook':
        return this.readPlaybook(value, line);
    }
  }

  private scalar<K extends RecordKey>(key: K, check: (v: unknown) => SafeResult, value: unknown, line: LineRef, fallback: () => string): void {
    const r = check(value);
    if (r.success) {
      if (r.data !== undefined) (this.record as Record<string, unknown>)[key] = r.data;
    } else {
      this.problem(line, l10n.t('{0} {1} (found {2}); {3}.', key, firstMessage(r), show(value), fallback()));
    }
  }

  private readTypes(value: unknown, line: LineRef): void {
    const types = this.list('types', Array.isArray(value) ? value : [value], line, (item, at) => {
      const r = read.type(item);
      if (r.success) return r.data as PartnershipRecord['types'][number];
      this.problem(at, l10n.t('types: {0} {1}; it is skipped.', show(item), firstMessage(r)));
      return undefined;
    });
    // The same type twice says nothing more; keep the first.
    this.record.types = [...new Set(types)];
  }

  private readEntries(key: 'checkIns' | 'metrics', value: unknown, line: LineRef): void {
    if (!Array.isArray(value)) {
      this.problem(line, l10n.t('{0} must be a list of entries, each starting with "- date:"; it is not read.', key));
      return;
    }
    const what = key === 'checkIns' ? l10n.t('check-in') : l10n.t('metric entry');
    const entries = this.list(key, value, line, (item, at, n) => this.readEntry(key, what, item, at, n));
    if (key === 'checkIns') this.record.checkIns = entries as CheckIn[];
    else this.record.metrics = entries as MetricEntry[];
  }

  /** One check-in or measurement: checked, remembered when it is the latest, kept unless digesting. */
  private readEntry(key: 'checkIns' | 'metrics', what: string, item: unknown, at: LineRef, n: number): CheckIn | MetricEntry | undefined {
    if (!isPlainObject(item)) {
      this.problem(at, l10n.t('{0}: {1} {2} must be a set of "key: value" lines (found {3}); it is skipped.', key, what, n + 1, show(item)));
      return undefined;
    }
    const allowed: readonly string[] = key === 'checkIns' ? CHECK_IN_KEYS : METRIC_ENTRY_KEYS;
    for (const k of Object.keys(item)) {
      if (!allowed.includes(k)) {
        const meant = meantKey(k, allowed);
        this.problem(at, meant ? l10n.t('{0}: {1} {2} has "{3}", which is not read: did you mean "{4}"?', key, what, n + 1, k, meant) : l10n.t('{0}: {1} {2} has "{3}", which is not read.', key, what, n + 1, k), 'warning');
      }
    }
    const r = (key === 'checkIns' ? readCheckIn : readMetricEntry)(withoutNulls(item));
    if (!r.success) {
      this.problem(at, l10n.t('{0}: {1} {2}: {3}; it is skipped.', key, what, n + 1, firstMessage(r)));
      return undefined;
    }
    const entry = r.data as CheckIn | MetricEntry;
    if (key === 'checkIns') {
      // The first of the latest date, as lastCheckInDate counts it.
      if (!this.lastCheckIn || entry.date > this.lastCheckIn.date) this.lastCheckIn = entry as CheckIn;
    } else {
      const m = entry as MetricEntry;
      // The later line for two on one day, as the metrics view counts it.
      const seen = this.latestMetrics[m.metric];
      if (!seen || m.date >= seen.date) this.latestMetrics[m.metric] = m;
    }
    return this.digest ? undefined : entry;
  }

  private readOwners(value: unknown, line: LineRef): void {
    if (!isPlainObject(value)) {
      this.problem(line, l10n.t('owners must be written as "ours:" and "theirs:" lines under it (found {0}); it is not read.', show(value)));
      return;
    }
    const owners: PartnershipRecord['owners'] = {};
    for (const [k, v] of Object.entries(value)) {
      const at = this.nestedLine('owners', k, line);
      if (k !== 'ours' && k !== 'theirs') {
        const meant = meantKey(k, OWNER_KEYS);
        this.problem(at, meant ? l10n.t('owners: "{0}" is not read: did you mean "{1}"?', k, meant) : l10n.t('owners: "{0}" is not read (use "ours" and "theirs").', k), 'warning');
        continue;
      }
      if (v === null) continue;
      const r = read.text(v);
      if (r.success) {
        if (r.data !== undefined) owners[k] = r.data as string;
      } else this.problem(at, l10n.t('owners.{0} must be a name (found {1}); it is left empty.', k, show(v)));
    }
    this.record.owners = owners;
  }

  private readScores(value: unknown, line: LineRef): void {
    if (!isPlainObject(value)) {
      this.problem(line, l10n.t('scores must be written as one "criterion: score" line per criterion (found {0}); it is not read.', show(value)));
      return;
    }
    const scores: PartnershipRecord['scores'] = {};
    for (const [k, v] of Object.entries(value)) {
      const at = this.nestedLine('scores', k, line);
      if (!(SCORE_KEYS as readonly string[]).includes(k)) {
        const meant = meantKey(k, SCORE_KEYS);
        this.problem(at, meant ? l10n.t('scores: "{0}" is not a scorecard criterion: did you mean "{1}"? It is not counted.', k, meant) : l10n.t('scores: "{0}" is not a scorecard criterion (use {1}); it is not counted.', k, SCORE_KEYS.join(', ')), 'warning');
        continue;
      }
      if (v === null) continue;
      const r = read.score(v);
      if (r.success) scores[k as keyof typeof scores] = r.data as number;
      else this.problem(at, l10n.t('scores.{0} {1} (found {2}); it is not counted.', k, firstMessage(r), show(v)));
    }
    this.record.scores = scores;
  }

  private readPlaybook(value: unknown, line: LineRef): void {
    if (!isPlainObject(value)) {
      this.problem(line, l10n.t('playbook must list done step numbers per playbook, such as "newsletter-swap: [1, 2]" (found {0}); it is not read.', show(value)));
      return;
    }
    const progress: PartnershipRecord['playbook'] = {};
    for (const [k, v] of Object.entries(value)) {
      const at = this.nestedLine('playbook', k, line);
      if (!(PLAYBOOK_IDS as string[]).includes(k)) {
        this.problem(at, l10n.t('playbook: "{0}" is not a playbook (use {1}); it is not read.', k, PLAYBOOK_IDS.join(', ')), 'warning');
        continue;
      }
      if (v === null) continue;
      progress[k as PlaybookId] = this.playbookSteps(k as PlaybookId, v, at);
    }
    if (!this.digest) this.record.playbook = progress;
  }

  /** The done steps of one playbook, in order, each once. */
  private playbookSteps(id: PlaybookId, value: unknown, at: LineRef): number[] {
    const steps = PLAYBOOKS[id].steps.length;
    const done = new Set<number>();
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_LIST_ENTRIES) this.problem(at, l10n.t('playbook.{0} lists {1} steps; only the first {2} are read.', id, count(items.length), count(MAX_LIST_ENTRIES)), 'warning');
    for (const item of items.slice(0, MAX_LIST_ENTRIES)) {
      const r = read.step(item);
      if (r.success && (r.data as number) <= steps) done.add(r.data as number);
      else this.problem(at, l10n.t('playbook.{0}: {1} is not a step number from 1 to {2}; it is skipped.', id, show(item), steps));
    }
    return [...done].sort((a, b) => a - b);
  }

  /**
   * Reads a list item by item, so one bad entry does not lose the others; at most
   * MAX_LIST_ENTRIES of them, with a warning for the rest.
   */
  private list<T>(key: string, items: unknown[], line: LineRef, readItem: (item: unknown, line: LineRef, index: number) => T | undefined): T[] {
    let lines: number[] | undefined;
    // Only trust the item lines when they match the list (a list written `[a, b]` has none).
    const at = (i: number) => () => {
      if (!lines) {
        const b = this.blockOf(key);
        lines = b ? itemLines(this.raw, b) : [];
      }
      return lines.length === items.length ? this.firstLine() + lines[i] : lineOf(line);
    };
    if (items.length > MAX_LIST_ENTRIES) {
      this.problem(line, l10n.t('{0} has {1} entries; only the first {2} are read.', key, count(items.length), count(MAX_LIST_ENTRIES)), 'warning');
    }
    const out: T[] = [];
    const n = Math.min(items.length, MAX_LIST_ENTRIES);
    for (let i = 0; i < n; i++) {
      const v = readItem(items[i], at(i), i);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /** The reading: problems in line order, and the record with its keys in the documented order. */
  finish(data: Record<string, unknown>): Reading {
    const { problems, record } = this;
    problems.sort((a, b) => a.line - b.line);
    if (this.dropped > 0) {
      const dropped = this.dropped;
      problems.push({
        line: lineOf(this.droppedAt),
        message: dropped === 1 ? l10n.t('…and 1 more problem in this file, not listed: only the first {0} are.', MAX_PROBLEMS) : l10n.t('…and {0} more problems in this file, not listed: only the first {1} are.', count(dropped), MAX_PROBLEMS),
        severity: this.droppedError ? 'error' : 'warning',
      });
    }
    if (record.partner === undefined) {
      if (!('partner' in data) || data.partner === null) {
        problems.unshift({ line: Math.max(0, this.firstLine() - 1), message: l10n.t('The record has no partner: add a line "partner: <their name>" to the front matter.'), severity: 'error' });
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
    return { ok: true, record: full as unknown as PartnershipRecord, problems, unknownKeys: this.unknownKeys, lastCheckIn: this.lastCheckIn, latestMetrics: this.latestMetrics };
  }
}
