import { partnershipType, type PartnershipTypeId } from '../domain';
import { digestRecord, parseRecord, type DigestParse, type RecordDigest, type RecordParse, type RecordProblem } from '../records/parse';
import { isIsoDate } from '../dates';
import type { CheckIn, Owners, Stage } from '../records/schema';
import { checkInSchedule, reviewFlag } from './checkins';
import { weightedScore, type Verdict } from './scorecard';

/** What a list of partnerships shows for one record, worked out when the record is read. */
export interface RecordSummary {
  id: string;
  /** The partner's name; for a record without a readable one, its file name. */
  partner: string;
  community?: string;
  /** Undefined only for a broken record whose stage could not be read either. */
  stage?: Stage;
  types: PartnershipTypeId[];
  owners: Owners;
  score?: number;
  scored: number;
  verdict?: Verdict;
  /**
   * Due date of the next check-in (YYYY-MM-DD). Undefined when none is due: the partnership is
   * not agreed or active, or it is but has no start date or check-in to count from.
   */
  nextCheckIn?: string;
  review?: string;
  /** The partner's community size, when the record gives it (the pipeline's forecast). */
  partnerSize?: number;
  /** The record could not be read as a partnership (see `problem`); it is still listed. */
  broken: boolean;
  /** The first problem, errors before warnings. */
  problem?: string;
  problemCount: number;
  /** The latest check-in, and the latest measurement of each metric (readable records only). */
  lastCheckIn?: CheckIn;
  latestMetrics?: RecordDigest['latestMetrics'];
}

export interface IndexedRecord {
  id: string;
  summary: RecordSummary;
  /**
   * The record's problems, for the Problems panel (at most MAX_PROBLEMS, then one that says how
   * many more there are).
   */
  problems: readonly RecordProblem[];
}

export interface RecordQuery {
  /** Words to find in the partner, community, contact, owners or type names (any case). */
  text?: string;
  stage?: Stage;
  type?: PartnershipTypeId;
  /** An owner's name on either side, any case. */
  owner?: string;
  /** Defaults 0 and 50. */
  offset?: number;
  limit?: number;
}

export type StageCounts = Record<Stage | 'broken', number>;

interface Entry {
  id: string;
  /**
   * A fingerprint of the text the entry was read from (the text itself is not kept), taken when
   * it is needed: the first reading of a record takes none (see `take`).
   */
  fp: Fingerprint | undefined;
  summary: RecordSummary;
  problems: readonly RecordProblem[];
  /** Lowercased text the `text` filter searches. */
  haystack: string;
  owners: string[];
  /** The lowercased partner name, to sort by. */
  name: string;
}

/** The list's order: by partner name (any case), then id. */
function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whole records kept for the ones opened last, so that showing one again needs no read. */
const OPENED_KEPT = 16;

const NO_PROBLEMS: readonly RecordProblem[] = Object.freeze([]);

function fileNameOf(id: string): string {
  const cut = id.search(/[?#]/);
  const path = cut === -1 ? id : id.slice(0, cut);
  const tail = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  let name = tail;
  try {
    name = decodeURIComponent(tail);
  } catch {
    // A malformed escape in a URI: the raw text is still a usable label.
  }
  return name.replace(/\.md$/i, '') || id;
}

function firstProblem(problems: readonly RecordProblem[]): RecordProblem | undefined {
  return problems.find((p) => p.severity === 'error') ?? problems[0];
}

/**
 * A copy of a string that holds only its own characters. A string cut from a record's text
 * (by the YAML reader) can keep the whole text alive in V8; the index keeps none of the text.
 */
function own<T extends string | undefined>(s: T): T {
  if (s === undefined || s.length < 13) return s;
  return (s + ' ').slice(0, -1) as T;
}

function ownCheckIn(c: CheckIn | undefined): CheckIn | undefined {
  if (!c) return undefined;
  const out: CheckIn = { date: own(c.date) };
  if (c.notes !== undefined) out.notes = own(c.notes);
  if (c.worthContinuing !== undefined) out.worthContinuing = c.worthContinuing;
  return out;
}

function ownMetrics(m: RecordDigest['latestMetrics'] | undefined): RecordDigest['latestMetrics'] | undefined {
  if (!m) return undefined;
  let out: RecordDigest['latestMetrics'] | undefined;
  for (const k in m) {
    if (!Object.prototype.hasOwnProperty.call(m, k)) continue;
    const e = m[k as keyof typeof m];
    if (!e) continue;
    out ??= {};
    const kept: NonNullable<typeof e> = { date: own(e.date), metric: e.metric, value: e.value };
    if (e.note !== undefined) kept.note = own(e.note);
    out[k as keyof typeof out] = kept;
  }
  return out;
}

/**
 * Two 32-bit hashes of a text: with its length, enough to tell a changed text from the same one.
 * Two characters (UTF-16 code units) at a time: every record is hashed when it is read.
 */
interface Fingerprint {
  length: number;
  hashA: number;
  hashB: number;
}

const sameText = (a: Fingerprint | undefined, b: Fingerprint | undefined): boolean => !!a && !!b && a.length === b.length && a.hashA === b.hashA && a.hashB === b.hashB;

function fingerprint(text: string): Fingerprint {
  const n = text.length;
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ n;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const c = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (i < n) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return { length: n, hashA: a, hashB: b };
}

/** Each partnership type's title, for the `text` filter (looked up once per id). */
const typeTitles = new Map<string, string>();

function typeTitle(id: string): string {
  let w = typeTitles.get(id);
  if (w === undefined) {
    w = partnershipType(id)?.title ?? id;
    if (typeTitles.size < 1000) typeTitles.set(id, w);
  }
  return w;
}

/**
 * Every partnership record of the workspace, read once each. `set` reads a record when its text
 * changed (and only then) and keeps what lists, filters, counts and badges use (its digest, see
 * digestRecord) and its problems, never the text; queries, counts and the overdue list use that
 * and never parse again, so a list of 10,000 records pages quickly. The whole record is read
 * when it is opened (`open`), and kept for the few opened last.
 *
 * The parsers can be passed in (tests count calls with them).
 */
export class RecordIndex {
  private readonly entries = new Map<string, Entry>();
  private sorted: Entry[] | undefined;
  private readonly stageCounts: StageCounts = { prospect: 0, contacted: 0, agreed: 0, active: 0, ended: 0, broken: 0 };
  /** Whole records of the ones opened last (oldest first), for the text the entry was read from. */
  private readonly opened = new Map<string, { fp: Fingerprint; parse: RecordParse }>();

  constructor(
    private readonly digest: (text: string) => DigestParse = digestRecord,
    private readonly parseFull: (text: string) => RecordParse = parseRecord,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Reads (or reads again) the record with this id; returns its summary. */
  set(id: string, text: string): RecordSummary {
    return this.take(id, text).summary;
  }

  delete(id: string): boolean {
    const old = this.entries.get(id);
    if (!old) return false;
    this.entries.delete(id);
    this.opened.delete(id);
    this.count(old, -1);
    this.sorted = undefined;
    return true;
  }

  get(id: string): IndexedRecord | undefined {
    const e = this.entries.get(id);
    return e && { id: e.id, summary: e.summary, problems: e.problems };
  }

  /** The record's problems, without the rest of get(); undefined when the record is not in the index. */
  problemsOf(id: string): readonly RecordProblem[] | undefined {
    return this.entries.get(id)?.problems;
  }

  /** The whole record, if it was opened and has not changed since; else undefined (read it and call `open`). */
  cached(id: string): RecordParse | undefined {
    const e = this.entries.get(id);
    const o = this.opened.get(id);
    if (!e || !o || !sameText(o.fp, e.fp)) return undefined;
    // Most recently used last.
    this.opened.delete(id);
    this.opened.set(id, o);
    return o.parse;
  }

  /**
   * The whole record read from `text`, which is also taken as the record's current text (as `set`
   * does); `changed` says whether that changed the index. With `current` false (a newer read is
   * on its way) the index is left as it is and nothing is kept.
   */
  open(id: string, text: string, current = true): { parse: RecordParse; changed: boolean } {
    const fp = fingerprint(text);
    if (!current) return { parse: this.parseFull(text), changed: false };
    const before = this.entries.get(id);
    const entry = this.take(id, text, fp);
    const known = this.opened.get(id);
    let parse: RecordParse;
    if (known && sameText(known.fp, fp)) parse = known.parse;
    else parse = this.parseFull(text);
    this.opened.delete(id);
    this.opened.set(id, { fp, parse });
    while (this.opened.size > OPENED_KEPT) this.opened.delete(this.opened.keys().next().value as string);
    return { parse, changed: before !== entry };
  }

  /** All records, sorted by partner name. */
  all(): IndexedRecord[] {
    return this.order().map((e) => ({ id: e.id, summary: e.summary, problems: e.problems }));
  }

  /** How many records are at each stage; broken records are counted apart, under `broken`. */
  counts(): StageCounts {
    return { ...this.stageCounts };
  }

  /** One page of the records matching every filter given, sorted by partner name, and how many match. */
  query(q: RecordQuery = {}): { items: RecordSummary[]; total: number } {
    const offset = Math.max(0, Math.floor(Number.isFinite(q.offset) ? q.offset! : 0));
    const limit = Math.max(0, Math.floor(q.limit === undefined ? 50 : Number.isFinite(q.limit) ? q.limit : Number.MAX_SAFE_INTEGER));
    const order = this.order();
    const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const owner = q.owner?.trim().toLowerCase();
    if (!words.length && !q.stage && !q.type && !owner) {
      return { items: order.slice(offset, offset + limit).map((e) => e.summary), total: order.length };
    }
    const items: RecordSummary[] = [];
    let total = 0;
    for (const e of order) {
      const s = e.summary;
      if (q.stage && s.stage !== q.stage) continue;
      if (q.type && !s.types.includes(q.type)) continue;
      if (owner && !e.owners.includes(owner)) continue;
      if (words.length && !words.every((w) => e.haystack.includes(w))) continue;
      if (total >= offset && items.length < limit) items.push(s);
      total++;
    }
    return { items, total };
  }

  /** Records with a check-in due before `today`, most overdue first. */
  overdue(today: string): RecordSummary[] {
    if (!isIsoDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, got ${JSON.stringify(today)}.`);
    const out: Entry[] = [];
    // ISO dates compare as text in calendar order. Only the overdue ones are sorted (by due date,
    // then as the list is), not the whole index: the status bar asks while records load.
    for (const e of this.entries.values()) if (e.summary.nextCheckIn !== undefined && e.summary.nextCheckIn < today) out.push(e);
    const due = (e: Entry) => e.summary.nextCheckIn!;
    return out.sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : byName(a, b))).map((e) => e.summary);
  }

  /** Agreed and active records whose review date has passed, earliest review first. */
  reviewsOverdue(today: string): RecordSummary[] {
    if (!isIsoDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, got ${JSON.stringify(today)}.`);
    const out: Entry[] = [];
    for (const e of this.entries.values()) if (e.summary.review !== undefined && e.summary.review < today && reviewFlag(e.summary, today)?.status === 'overdue') out.push(e);
    const at = (e: Entry) => e.summary.review!;
    return out.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : byName(a, b))).map((e) => e.summary);
  }

  /**
   * The entry for this text: the one there when the text is unchanged, else a new one. The text
   * is fingerprinted only when the record was read before (or is opened: `fp` given): the first
   * reading of every record, when the index loads, has nothing to compare with, and hashing each
   * whole text then was a tenth of the load. An entry without a fingerprint is read again
   * whenever its record is.
   */
  private take(id: string, text: string, given?: Fingerprint): Entry {
    const old = this.entries.get(id);
    const fp = given ?? (old || this.opened.has(id) ? fingerprint(text) : undefined);
    if (old && sameText(old.fp, fp)) return old;
    const entry = this.build(id, fp, this.digest(text));
    if (old) this.count(old, -1);
    this.entries.set(id, entry);
    this.count(entry, +1);
    this.sorted = undefined;
    // A record open in the view is read whole again at once, from the same text: no second read.
    if (fp && this.opened.has(id)) this.opened.set(id, { fp, parse: this.parseFull(text) });
    return entry;
  }

  private order(): Entry[] {
    if (!this.sorted) {
      this.sorted = [...this.entries.values()].sort(byName);
    }
    return this.sorted;
  }

  private count(e: Entry, delta: number) {
    const key = e.summary.broken ? 'broken' : e.summary.stage;
    if (key) this.stageCounts[key] += delta;
  }

  private build(id: string, fp: Fingerprint | undefined, parse: DigestParse): Entry {
    const d: Partial<RecordDigest> = parse.ok ? parse.digest : parse.partial;
    const partner = own(d.partner) ?? fileNameOf(id);
    const community = own(d.community);
    const types = d.types ?? [];
    const owners: Owners = {};
    if (d.owners?.ours !== undefined) owners.ours = own(d.owners.ours);
    if (d.owners?.theirs !== undefined) owners.theirs = own(d.owners.theirs);
    const score = weightedScore(d.scores);
    const schedule = parse.ok ? checkInSchedule({ stage: parse.digest.stage, cadence: parse.digest.cadence, start: parse.digest.start, checkIns: parse.digest.lastCheckIn ? [parse.digest.lastCheckIn] : [] }) : { running: false as const };
    const problems = parse.problems.length ? parse.problems.map((p) => ({ line: p.line, message: own(p.message), severity: p.severity })) : NO_PROBLEMS;
    const problem = firstProblem(problems);
    const summary: RecordSummary = {
      id,
      partner,
      community,
      stage: d.stage,
      types,
      owners,
      score: score.total,
      scored: score.scored,
      verdict: score.verdict,
      nextCheckIn: schedule.running ? schedule.due : undefined,
      review: d.review,
      broken: !parse.ok,
      problem: problem?.message,
      problemCount: problems.length,
    };
    if (parse.ok) {
      if (parse.digest.partnerSize !== undefined) summary.partnerSize = parse.digest.partnerSize;
      const last = ownCheckIn(parse.digest.lastCheckIn);
      if (last) summary.lastCheckIn = last;
      const metrics = ownMetrics(parse.digest.latestMetrics);
      if (metrics) summary.latestMetrics = metrics;
    }
    // The words the `text` filter searches, one line each, lowercased: joined into a string of
    // its own (a piece cut from the record's text would keep all of the text alive).
    const words = [partner];
    for (const s of [community, d.contact, owners.ours, owners.theirs]) if (typeof s === 'string') words.push(s);
    for (const t of types) words.push(typeTitle(t));
    const haystack = words.join('\n').toLowerCase();
    const name = partner.toLowerCase();
    const ownerNames: string[] = [];
    if (typeof owners.ours === 'string') ownerNames.push(owners.ours.trim().toLowerCase());
    if (typeof owners.theirs === 'string') ownerNames.push(owners.theirs.trim().toLowerCase());
    return { id, fp, summary, problems, haystack, owners: ownerNames, name };
  }
}
