import { MAX_FRONT_MATTER_NODES, NOT_READ, flowItems, flowScalar, oneLineScalar } from '../yamlScalars';
import { simplePlain } from '../yamlPlain';
import { PLAYBOOKS, type SuccessMetricId } from '../domain';
import { MAX_LIST_ENTRIES, SCORE_KEYS } from './keys';
import * as check from './valueChecks';
import { UNSURE, checkInChecks, metricEntryChecks, type EntryChecks, type Unsure } from './valueChecks';
import type { CheckIn, MetricEntry, PartnershipRecord } from './schema';
import type { RecordDigest } from './parse';

/*
 * The digest of a record written the plain way, in one pass over its front matter, without
 * building the YAML's data first (the planner's index reads every record when it loads; this is
 * most of that work). It gives exactly what digestRecord gives by the full reading, or
 * `undefined`, and the caller then reads the record the full way. So it only has to be right
 * about what it accepts, and it accepts little:
 *
 * - a front matter between `---` lines (nothing after the opening dashes; LF or CR LF line ends);
 * - only the keys of a record, each once, written as the block-style YAML reader
 *   (src/core/blockYaml.ts) reads them (a subset of what it reads): one-line values (plain,
 *   quoted without escapes; src/core/yamlScalars.ts reads them, and gives up on the plain
 *   numbers only js-yaml tells apart, such as `0x1F` or `1_000`), `types` and playbook steps
 *   as a block list or a one-line `[a, b]`,
 *   `owners`, `scores` and `playbook` as blocks of `key: value` lines, `checkIns` and `metrics`
 *   as block lists of `- key: value` entries;
 * - a record without a single problem: every value is checked without zod
 *   (src/core/records/valueChecks.ts), accepted only when it is certainly what the full
 *   reading's schema gives, and anything the full reading would report (an unknown key, a value
 *   it cannot read, a list over its limit, no partner) or that the checks do not decide gives up.
 *
 * Comment lines and trailing comments are read as the YAML reader reads them. Anything else
 * gives up: tabs, anchors, tags, block scalars, escapes, flow mappings, nesting beyond the
 * record's, a lone CR, control characters, a key the record does not have.
 * The unit test (test/unit/records.fastDigest.test.ts) compares it with the full reading, with
 * js-yaml parsing the YAML, over a corpus of records and generated variants of them.
 */

/** Thrown inside the reader to give up; never leaves this module. */
const GIVE_UP = Symbol('give up');

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const LF = 0x0a;
const CR = 0x0d;

/** Lists read to this length by the full reading; past it, it warns. */
const MAX_LIST = MAX_LIST_ENTRIES;
/**
 * Far below the front matter's node limit, whichever of its readers counts: a record this large
 * is left to the full reading, which knows where its limit falls.
 */
const MAX_NODES = MAX_FRONT_MATTER_NODES / 2;

type TopKey = 'partner' | 'community' | 'contact' | 'stage' | 'types' | 'owners' | 'start' | 'review' | 'cadence' | 'checkIns' | 'scores' | 'partnerSize' | 'metrics' | 'playbook';
/** The keys a mapping may have (at most 31: they are counted in bits), with their first characters. */
interface KeySet {
  words: readonly string[];
  firsts: Int32Array;
}

function keySet(words: readonly string[]): KeySet {
  if (words.length > 31) throw new RangeError('too many keys for one mapping');
  return { words, firsts: Int32Array.from(words, (w) => w.charCodeAt(0)) };
}

const TOP_KEYS = keySet(['partner', 'community', 'contact', 'stage', 'types', 'owners', 'start', 'review', 'cadence', 'checkIns', 'scores', 'partnerSize', 'metrics', 'playbook']);
const OWNER_KEYS = keySet(['ours', 'theirs']);
const PLAYBOOK_STEPS = new Map<string, number>(Object.entries(PLAYBOOKS).map(([id, p]) => [id, p.steps.length]));
const PLAYBOOK_KEYS = keySet([...PLAYBOOK_STEPS.keys()]);
const SCORE_KEY_SET = keySet(SCORE_KEYS);
const CHECK_IN_KEY_SET = keySet(checkInChecks.keys);
const METRIC_ENTRY_KEY_SET = keySet(metricEntryChecks.keys);

/** A checked value, or give up: the full reading would report a problem, or decides. */
function ok<T>(v: T | Unsure): T {
  if (v === UNSURE) throw GIVE_UP;
  return v;
}

/** Free text (optionalTextSchema): a string is trimmed, and empty means not set. */
function freeText(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  return ok(check.text(v));
}

/**
 * The digest of a record, exactly as digestRecord's full reading gives it when that reading has
 * no problem to report; undefined when the text is not written the plain way this reads.
 */
export function fastDigest(text: string): RecordDigest | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return new Scanner(text).digest();
  } catch {
    // GIVE_UP, or anything unforeseen (a stack overflow, say): the full reading decides.
    return undefined;
  }
}

/**
 * Characters the block-style reader gives up on: control characters (a CR only before an LF),
 * C1 controls, a byte order mark, non-characters, and a surrogate that is not half of a pair.
 */
const UNREAD = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/**
 * The characters UNREAD looks at, without what comes around them: text without any (nearly all
 * front matter) is read without UNREAD's slower look at each character's neighbours.
 */
const SUSPECT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ud800-\udfff\ufeff\ufffe\uffff]/;

/**
 * The lines of the record being read, shared by every reading (one at a time, never nested):
 * a record's lines cost no allocation.
 */
const scratch = { indents: new Int32Array(256), starts: new Int32Array(256), ends: new Int32Array(256) };

/** An entry's values by their place in its keys (see Scanner.entry), shared the same way; emptied after each entry. */
const entryValues: unknown[] = new Array(32).fill(undefined);

function grow(): void {
  const bigger = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  scratch.indents = bigger(scratch.indents);
  scratch.starts = bigger(scratch.starts);
  scratch.ends = bigger(scratch.ends);
}

class Scanner {
  /** Content lines of the front matter (in `scratch`): how many. */
  private lines = 0;
  private readonly indents: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private pos = 0;
  private nodes = 1;
  /** The top-level keys read so far, one bit each (their place in TOP_KEYS). */
  private seen = 0;
  /** Where the colon after the key last read by key() is. */
  private colon = 0;
  /** The place of that key in the list key() was given. */
  private keyAt = 0;
  private readonly out: Partial<PartnershipRecord> = {};
  private lastCheckIn: CheckIn | undefined;
  private readonly latestMetrics: RecordDigest['latestMetrics'] = {};

  constructor(private readonly t: string) {
    this.split();
    // Taken after split(), which may have grown them.
    this.indents = scratch.indents;
    this.starts = scratch.starts;
    this.ends = scratch.ends;
  }

  digest(): RecordDigest {
    const n = this.lines;
    if (n === 0 || this.indents[0] !== 0) throw GIVE_UP;
    while (this.pos < n) {
      if (this.indents[this.pos] !== 0) throw GIVE_UP;
      this.topKey();
    }
    const r = this.out;
    if (r.partner === undefined) throw GIVE_UP;
    const d: RecordDigest = {
      partner: r.partner,
      stage: r.stage ?? 'prospect',
      types: r.types ?? [],
      owners: r.owners ?? {},
      cadence: r.cadence ?? 'monthly',
      scores: r.scores ?? {},
      latestMetrics: this.latestMetrics,
    };
    if (r.community !== undefined) d.community = r.community;
    if (r.contact !== undefined) d.contact = r.contact;
    if (r.start !== undefined) d.start = r.start;
    if (r.review !== undefined) d.review = r.review;
    if (r.partnerSize !== undefined) d.partnerSize = r.partnerSize;
    if (this.lastCheckIn) d.lastCheckIn = this.lastCheckIn;
    return d;
  }

  /**
   * Finds the front matter as readFrontMatter does and splits it into content lines; the
   * characters are checked as the block-style reader checks them.
   */
  private split(): void {
    const t = this.t;
    const n = t.length;
    let i = t.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (!t.startsWith('---', i)) throw GIVE_UP;
    i += 3;
    // Nothing after the opening dashes (no language, no fourth dash, no spaces).
    if (t.charCodeAt(i) === CR) i++;
    if (t.charCodeAt(i) !== LF) throw GIVE_UP;
    const rawStart = ++i;
    for (;;) {
      if (i >= n) throw GIVE_UP; // never closed: not front matter
      const lineStart = i;
      while (t.charCodeAt(i) === SPACE) i++;
      const contentStart = i;
      let lf = t.indexOf('\n', i);
      if (lf === -1) lf = n;
      let end = lf;
      if (end > contentStart && t.charCodeAt(end - 1) === CR) end--;
      i = lf + 1;
      const indent = contentStart - lineStart;
      // The closing line: `---` alone at the start of a line (spaces after it are allowed).
      if (indent === 0 && t.startsWith('---', contentStart)) {
        let k = contentStart + 3;
        while (k < end && t.charCodeAt(k) === SPACE) k++;
        if (k === end) {
          const raw = t.slice(rawStart, contentStart);
          if (SUSPECT.test(raw) && UNREAD.test(raw)) throw GIVE_UP;
          return;
        }
      }
      if (end === contentStart || t.charCodeAt(contentStart) === HASH) continue;
      while (end > contentStart && t.charCodeAt(end - 1) === SPACE) end--;
      const at = this.lines++;
      if (at === scratch.indents.length) grow();
      scratch.indents[at] = indent;
      scratch.starts[at] = contentStart;
      scratch.ends[at] = end;
    }
  }

  private count(): void {
    if (++this.nodes > MAX_NODES) throw GIVE_UP;
  }

  /**
   * The key at `s` on the current line, one of `keys`, followed by its colon (and a space or the
   * line's end); its place in `keys` goes to keyAt, the colon's offset to colon. Any other key
   * (a word not in the list, or not a word) gives up.
   */
  private key(s: number, end: number, keys: KeySet): string {
    const t = this.t;
    const first = t.charCodeAt(s);
    const { words, firsts } = keys;
    for (let k = 0; k < words.length; k++) {
      if (firsts[k] !== first) continue;
      const key = words[k];
      const colon = s + key.length;
      // Keys are plain words: the key's own string, not a slice of the text (compared, not copied).
      if (colon < end && t.charCodeAt(colon) === COLON && t.startsWith(key, s)) {
        if (colon + 1 < end && t.charCodeAt(colon + 1) !== SPACE) throw GIVE_UP;
        this.keyAt = k;
        this.colon = colon;
        return key;
      }
    }
    throw GIVE_UP;
  }

  /** Where the value after a colon at `colon` starts, or -1 when the line has none (or only a comment). */
  private valueStart(colon: number): number {
    const t = this.t;
    const end = this.ends[this.pos];
    let s = colon + 1;
    while (s < end && t.charCodeAt(s) === SPACE) s++;
    return s === end || t.charCodeAt(s) === HASH ? -1 : s;
  }

  /** After a one-line value: nothing more indented may follow (it would continue the value). */
  private nextLine(indent: number): void {
    this.pos++;
    if (this.pos < this.lines && this.indents[this.pos] > indent) throw GIVE_UP;
  }

  /** True when the current line (if any) is `-` or `- ...` at `indent`. */
  private dashAt(indent: number): boolean {
    if (this.pos >= this.lines || this.indents[this.pos] !== indent) return false;
    const s = this.starts[this.pos];
    return this.t.charCodeAt(s) === DASH && (s + 1 === this.ends[this.pos] || this.t.charCodeAt(s + 1) === SPACE);
  }

  /** One top-level `key: value` (or `key:` and its block), read into the record. */
  private topKey(): void {
    const key = this.key(this.starts[this.pos], this.ends[this.pos], TOP_KEYS);
    const bit = 1 << this.keyAt;
    if (this.seen & bit) throw GIVE_UP; // js-yaml refuses a duplicate key
    this.seen |= bit;
    this.count();
    const s = this.valueStart(this.colon);
    const k = key as TopKey;
    if (s === -1) {
      this.pos++;
      this.blockValue(k);
      return;
    }
    const end = this.ends[this.pos];
    if ((k === 'types' || k === 'checkIns' || k === 'metrics') && this.t.charCodeAt(s) === 0x5b) {
      const items = this.flowList(s, end);
      this.nextLine(0);
      if (k === 'types') this.readTypes(items);
      // An empty list of entries; entries written in one line are left to the full reading.
      else if (items.length > 0) throw GIVE_UP;
      return;
    }
    const v = this.scalar(s, end);
    this.nextLine(0);
    // null: the key reads as not set (a partner that is not set is a problem: see digest()).
    if (v === null) return;
    if (k === 'types') this.readTypes([v]);
    else this.topScalar(k, v);
  }

  /** A top-level key with nothing after its colon: the block below it, or null. */
  private blockValue(k: TopKey): void {
    const n = this.lines;
    const next = this.pos < n ? this.indents[this.pos] : 0;
    // A sequence may sit at the key's own indent; anything else below it is more indented.
    const seqIndent = this.dashAt(0) ? 0 : next > 0 && this.dashAt(next) ? next : -1;
    if (seqIndent === -1 && next === 0) {
      // null: the key reads as not set; a record without a partner is not for this reader.
      if (k === 'partner') throw GIVE_UP;
      return;
    }
    switch (k) {
      case 'types':
        if (seqIndent === -1) throw GIVE_UP;
        return this.readTypes(this.scalarSequence(seqIndent));
      case 'checkIns':
      case 'metrics':
        if (seqIndent === -1) throw GIVE_UP;
        return this.entries(k, seqIndent);
      case 'owners':
      case 'scores':
      case 'playbook':
        if (seqIndent !== -1) throw GIVE_UP;
        return this.nestedMapping(k, next);
      default:
        throw GIVE_UP;
    }
  }

  private topScalar(k: TopKey, v: unknown): void {
    const r = this.out;
    switch (k) {
      case 'partner':
        if (typeof v === 'string') {
          const s = v.trim();
          if (s === '') throw GIVE_UP;
          r.partner = s;
        } else r.partner = ok(check.partner(v));
        return;
      case 'community':
      case 'contact': {
        const s = freeText(v);
        if (s !== undefined) r[k] = s;
        return;
      }
      case 'start':
      case 'review':
        r[k] = ok(check.date(v));
        return;
      case 'stage':
        r.stage = ok(check.stage(v));
        return;
      case 'cadence':
        r.cadence = ok(check.cadence(v));
        return;
      case 'partnerSize':
        r.partnerSize = ok(check.size(v));
        return;
      default:
        // A list or a mapping written as a one-line scalar: the full reading reports it.
        throw GIVE_UP;
    }
  }

  private readTypes(items: unknown[]): void {
    if (items.length > MAX_LIST) throw GIVE_UP;
    const types: PartnershipRecord['types'] = [];
    for (const item of items) types.push(ok(check.type(item)));
    this.out.types = [...new Set(types)];
  }

  /** A block sequence of one-line scalars whose dashes are at `indent`. */
  private scalarSequence(indent: number): unknown[] {
    const out: unknown[] = [];
    const t = this.t;
    while (this.dashAt(indent)) {
      this.count();
      let s = this.starts[this.pos] + 1;
      const end = this.ends[this.pos];
      while (s < end && t.charCodeAt(s) === SPACE) s++;
      if (s === end || t.charCodeAt(s) === HASH) throw GIVE_UP; // "-" alone: a null item or a block
      out.push(this.scalar(s, end));
      this.nextLine(indent);
    }
    this.endOfBlock(indent);
    return out;
  }

  /** After a block at `indent`: the next line must be less indented (or a key at the same indent for a sequence). */
  private endOfBlock(indent: number): void {
    if (this.pos < this.lines && this.indents[this.pos] >= indent && indent > 0) throw GIVE_UP;
  }

  /** `checkIns` or `metrics`: a block sequence of `- key: value` entries. */
  private entries(k: 'checkIns' | 'metrics', indent: number): void {
    const t = this.t;
    let n = 0;
    while (this.dashAt(indent)) {
      this.count();
      if (++n > MAX_LIST) throw GIVE_UP;
      let s = this.starts[this.pos] + 1;
      while (s < this.ends[this.pos] && t.charCodeAt(s) === SPACE) s++;
      if (s === this.ends[this.pos] || t.charCodeAt(s) === HASH) throw GIVE_UP;
      const column = indent + (s - this.starts[this.pos]);
      if (k === 'checkIns') {
        const c = ok(this.entry(CHECK_IN_KEY_SET, checkInChecks, s, column)) as unknown as CheckIn;
        // The first of the latest date, as the full reading keeps it.
        if (!this.lastCheckIn || c.date > this.lastCheckIn.date) this.lastCheckIn = c;
      } else {
        const m = ok(this.entry(METRIC_ENTRY_KEY_SET, metricEntryChecks, s, column)) as unknown as MetricEntry;
        const metric = m.metric as SuccessMetricId;
        const seen = this.latestMetrics[metric];
        if (!seen || m.date >= seen.date) this.latestMetrics[metric] = m;
      }
    }
    this.endOfBlock(indent);
  }

  /**
   * One entry: `key: value` lines, the first after the dash (at `s`), the others at `column`,
   * read by `fields` (whose keys `keys` holds, in the same order). Keys without a value are left
   * out, as the full reading leaves them out.
   */
  private entry(keys: KeySet, fields: EntryChecks, s: number, column: number): Record<string, unknown> | Unsure {
    const values = entryValues;
    let present = 0;
    let names = 0;
    let from = s;
    for (;;) {
      this.key(from, this.ends[this.pos], keys);
      const bit = 1 << this.keyAt;
      if (names & bit) throw GIVE_UP;
      names |= bit;
      this.count();
      const v = this.valueStart(this.colon);
      if (v === -1) {
        // An empty value: null, unless a block follows (not for this reader).
        this.pos++;
        if (this.pos < this.lines && (this.indents[this.pos] > column || this.dashAt(column))) throw GIVE_UP;
      } else {
        const value = this.scalar(v, this.ends[this.pos]);
        this.nextLine(column);
        if (value !== null) {
          values[this.keyAt] = value;
          present |= bit;
        }
      }
      if (this.pos >= this.lines || this.indents[this.pos] !== column) break;
      from = this.starts[this.pos];
    }
    const r = fields.values(values, present);
    values.fill(undefined);
    return r;
  }

  /** `owners`, `scores` or `playbook`: `key: value` lines at `indent`. */
  private nestedMapping(k: 'owners' | 'scores' | 'playbook', indent: number): void {
    const keys = k === 'owners' ? OWNER_KEYS : k === 'scores' ? SCORE_KEY_SET : PLAYBOOK_KEYS;
    const values: Record<string, unknown> = {};
    const names: string[] = [];
    while (this.pos < this.lines && this.indents[this.pos] === indent) {
      const key = this.key(this.starts[this.pos], this.ends[this.pos], keys);
      if (names.includes(key)) throw GIVE_UP;
      names.push(key);
      this.count();
      const s = this.valueStart(this.colon);
      if (s === -1) {
        this.pos++;
        if (k === 'playbook' && this.pos < this.lines && this.indents[this.pos] > indent && this.dashAt(this.indents[this.pos])) {
          this.steps(key, this.scalarSequence(this.indents[this.pos]));
          continue;
        }
        if (this.pos < this.lines && (this.indents[this.pos] > indent || this.dashAt(indent))) throw GIVE_UP;
        continue; // null: not set
      }
      const end = this.ends[this.pos];
      if (k === 'playbook') {
        this.steps(key, this.t.charCodeAt(s) === 0x5b ? this.flowList(s, end) : [this.scalar(s, end)]);
        this.nextLine(indent);
        continue;
      }
      values[key] = this.scalar(s, end);
      this.nextLine(indent);
    }
    this.endOfBlock(indent);
    if (k === 'owners') {
      const owners: PartnershipRecord['owners'] = {};
      for (const key of names) {
        const v = values[key];
        if (v === undefined || v === null) continue;
        const s = freeText(v);
        if (s !== undefined) owners[key as 'ours' | 'theirs'] = s;
      }
      this.out.owners = owners;
    } else if (k === 'scores') {
      const scores: PartnershipRecord['scores'] = {};
      for (const key of names) {
        const v = values[key];
        if (v === undefined || v === null) continue;
        scores[key as keyof typeof scores] = ok(check.score(v));
      }
      this.out.scores = scores;
    }
    // The playbook is checked (its problems would be reported) but not part of the digest.
  }

  /** A playbook's done steps: each a step number of that playbook. */
  private steps(id: string, items: unknown[]): void {
    if (items.length > MAX_LIST) throw GIVE_UP;
    const max = PLAYBOOK_STEPS.get(id)!;
    for (const item of items) {
      const n = ok(check.step(item));
      if (n > max) throw GIVE_UP;
    }
  }

  /** A one-line scalar from `s` (not a space) to `end`: plain or quoted, as the block-style reader reads it. */
  private scalar(s: number, end: number): unknown {
    const value = oneLineScalar(this.t, s, end, simplePlain);
    if (value === NOT_READ) throw GIVE_UP;
    return value;
  }

  /** `[a, b]` of plain scalars on one line, as the block-style reader reads it. */
  private flowList(s: number, end: number): unknown[] {
    const t = this.t;
    const items = flowItems(t, s, end);
    if (items === undefined) throw GIVE_UP;
    return items.map(([a, b]) => {
      this.count();
      const value = flowScalar(t, a, b, simplePlain);
      if (value === NOT_READ) throw GIVE_UP;
      return value;
    });
  }
}
