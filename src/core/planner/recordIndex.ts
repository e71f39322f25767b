import { partnershipType, type PartnershipTypeId } from '../domain';
import { parseRecord, type RecordParse, type RecordProblem } from '../records/parse';
import { isIsoDate, type Owners, type PartnershipRecord, type Stage } from '../records/schema';
import { checkInSchedule } from './checkins';
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
  /** The record could not be read as a partnership (see `problem`); it is still listed. */
  broken: boolean;
  /** The first problem, errors before warnings. */
  problem?: string;
  problemCount: number;
}

export interface IndexedRecord {
  id: string;
  parse: RecordParse;
  summary: RecordSummary;
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

interface Entry extends IndexedRecord {
  text: string;
  record?: PartnershipRecord;
  /** Lowercased text the `text` filter searches. */
  haystack: string;
  owners: string[];
  sortKey: string;
}

function fileNameOf(id: string): string {
  const tail = id.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? id;
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
 * Every partnership record of the workspace, read once each. `set` parses a record when its text
 * changed (and only then) and works out its summary; queries, counts and the overdue list use the
 * summaries and never parse again, so a list of 10,000 records pages quickly.
 *
 * The parser can be passed in (tests count calls with it).
 */
export class RecordIndex {
  private readonly entries = new Map<string, Entry>();
  private sorted: Entry[] | undefined;
  private readonly stageCounts: StageCounts = { prospect: 0, contacted: 0, agreed: 0, active: 0, ended: 0, broken: 0 };

  constructor(private readonly parse: (text: string) => RecordParse = parseRecord) {}

  get size(): number {
    return this.entries.size;
  }

  /** Reads (or reads again) the record with this id; returns its summary. */
  set(id: string, text: string): RecordSummary {
    const old = this.entries.get(id);
    if (old && old.text === text) return old.summary;
    const entry = this.build(id, text, this.parse(text));
    if (old) this.count(old, -1);
    this.entries.set(id, entry);
    this.count(entry, +1);
    this.sorted = undefined;
    return entry.summary;
  }

  delete(id: string): boolean {
    const old = this.entries.get(id);
    if (!old) return false;
    this.entries.delete(id);
    this.count(old, -1);
    this.sorted = undefined;
    return true;
  }

  get(id: string): IndexedRecord | undefined {
    const e = this.entries.get(id);
    return e && { id: e.id, parse: e.parse, summary: e.summary };
  }

  /** All records, sorted by partner name. */
  all(): IndexedRecord[] {
    return this.order().map((e) => ({ id: e.id, parse: e.parse, summary: e.summary }));
  }

  /** The records that could be read, sorted by partner name (for reports). */
  records(): PartnershipRecord[] {
    const out: PartnershipRecord[] = [];
    for (const e of this.order()) if (e.record) out.push(e.record);
    return out;
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
    const out: RecordSummary[] = [];
    // ISO dates compare as text in calendar order.
    for (const e of this.order()) if (e.summary.nextCheckIn !== undefined && e.summary.nextCheckIn < today) out.push(e.summary);
    return out.sort((a, b) => (a.nextCheckIn! < b.nextCheckIn! ? -1 : a.nextCheckIn! > b.nextCheckIn! ? 1 : 0));
  }

  private order(): Entry[] {
    if (!this.sorted) {
      this.sorted = [...this.entries.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    }
    return this.sorted;
  }

  private count(e: Entry, delta: number) {
    const key = e.summary.broken ? 'broken' : e.summary.stage;
    if (key) this.stageCounts[key] += delta;
  }

  private build(id: string, text: string, parse: RecordParse): Entry {
    const record = parse.ok ? parse.record : undefined;
    const partial: Partial<PartnershipRecord> = parse.ok ? parse.record : parse.partial;
    const partner = partial.partner ?? fileNameOf(id);
    const stage = partial.stage;
    const types = partial.types ?? [];
    const owners = partial.owners ?? {};
    const score = weightedScore(partial.scores);
    const schedule = record ? checkInSchedule(record) : { running: false as const };
    const problem = firstProblem(parse.problems);
    const summary: RecordSummary = {
      id,
      partner,
      community: partial.community,
      stage,
      types,
      owners,
      score: score.total,
      scored: score.scored,
      verdict: score.verdict,
      nextCheckIn: schedule.running ? schedule.due : undefined,
      review: partial.review,
      broken: !parse.ok,
      problem: problem?.message,
      problemCount: parse.problems.length,
    };
    const haystack = [partner, partial.community, partial.contact, owners.ours, owners.theirs, ...types.map((t) => partnershipType(t)?.title ?? t)]
      .filter((s): s is string => typeof s === 'string')
      .join('\n')
      .toLowerCase();
    const ownerNames = [owners.ours, owners.theirs].filter((s): s is string => typeof s === 'string').map((s) => s.trim().toLowerCase());
    return { id, text, parse, record, summary, haystack, owners: ownerNames, sortKey: `${partner.toLowerCase()}\u0000${id}` };
  }
}
