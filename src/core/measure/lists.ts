import { ExportDecoder, type CsvRow } from './csv';
import { normaliseEmail } from './email';
import { DIGEST_BYTES, DigestSet, parseHexDigest, type Sha256Batch } from './hash';

/*
 * Member lists turned into sets of salted hashes, as the rows stream in, and what two sets (or a
 * registration list and a set) have in common. Bad rows are counted and the first ones kept with
 * their line and reason; the rest of the file is used.
 */

export interface BadRow {
  line: number;
  reason: string;
}

/** The first bad rows, with their line and reason; `count` is all of them. */
export class BadRows {
  readonly list: BadRow[] = [];
  count = 0;
  constructor(private readonly keep = 200) {}
  add(line: number, reason: string): void {
    this.count++;
    if (this.list.length < this.keep) this.list.push({ line, reason });
  }
}

export interface ListStats {
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Distinct members. */
  members: number;
  /** Rows whose email was already in the list. */
  duplicates: number;
  bad: BadRows;
}

/**
 * Collects a member list: the email column of each row, normalised, salted and hashed in
 * batches (one call of the platform's SHA-256 per batch), into a DigestSet.
 */
export class MemberHasher {
  readonly set: DigestSet;
  readonly stats: ListStats;
  constructor(
    private readonly salt: string,
    private readonly hash: Sha256Batch,
    private readonly columns: { email: number; status?: number; headerLength: number },
    expected = 1024,
  ) {
    this.set = new DigestSet(expected);
    this.stats = { rows: 0, members: 0, duplicates: 0, bad: new BadRows() };
  }

  async add(rows: readonly CsvRow[]): Promise<void> {
    const inputs: string[] = [];
    for (const row of rows) {
      this.stats.rows++;
      const email = rowEmail(row, this.columns, this.stats.bad);
      if (email !== undefined) inputs.push(this.salt + email);
    }
    if (inputs.length === 0) return;
    const digests = await this.hash(inputs);
    for (let k = 0; k < inputs.length; k++) {
      if (this.set.add(digests, k * DIGEST_BYTES)) this.stats.members++;
      else this.stats.duplicates++;
    }
  }
}

/** The normalised email of a row, or undefined with the row counted as bad. */
export function rowEmail(row: CsvRow, columns: { email: number; headerLength: number }, bad: BadRows): string | undefined {
  if (row.fields.length > columns.headerLength) {
    bad.add(row.line, `${row.fields.length} fields where the header has ${columns.headerLength} (a comma or quote out of place?)`);
    return undefined;
  }
  const cell = row.fields[columns.email];
  if (cell === undefined) {
    bad.add(row.line, 'the row ends before the email column');
    return undefined;
  }
  const read = normaliseEmail(cell);
  if (!read.ok) {
    bad.add(row.line, read.reason);
    return undefined;
  }
  return read.email;
}

/**
 * A hashed member list (the partner's file, or yours): one 64-character hexadecimal digest a
 * line. Blank lines, a `#` comment line and a header line such as `sha256` are allowed; any other
 * line is a bad row (a line that looks like an email says so, without repeating it).
 */
export class HashedListReader {
  readonly set = new DigestSet(1024);
  readonly stats: ListStats = { rows: 0, members: 0, duplicates: 0, bad: new BadRows() };
  private readonly decoder = new ExportDecoder();
  private readonly scratch = new Uint8Array(DIGEST_BYTES);
  private pending = '';
  private line = 1;
  private started = false;

  push(bytes: Uint8Array): void {
    this.addText(this.decoder.push(bytes), false);
  }

  end(): ListStats {
    this.addText(this.decoder.end(), true);
    return this.stats;
  }

  /** Lines as they come (a hashed file has no quoting: one hash a line). */
  private addText(text: string, final: boolean): void {
    let buf = this.pending + text;
    if (!this.started && buf.length) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    let start = 0;
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      this.addLine(buf.slice(start, nl));
      start = nl + 1;
    }
    this.pending = buf.slice(start);
    if (this.pending.length > 10_000) {
      this.stats.bad.add(this.line, 'a line of over 10,000 characters: not a hash');
      this.pending = '';
      this.line++;
    }
    if (final && this.pending) {
      this.addLine(this.pending);
      this.pending = '';
    }
  }

  private addLine(raw: string): void {
    const line = this.line++;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    if (text.length === DIGEST_BYTES * 2 && parseHexDigest(text, this.scratch, 0)) {
      this.stats.rows++;
      if (this.set.add(this.scratch, 0)) this.stats.members++;
      else this.stats.duplicates++;
      return;
    }
    if (this.stats.rows === 0 && this.stats.bad.count === 0 && /^[\w -]{1,40}$/.test(text)) return; // a header line
    this.stats.rows++;
    this.stats.bad.add(line, text.includes('@') ? 'looks like an email address, not a hash: a hashed list must hold only hashes' : 'not a SHA-256 hash (64 hexadecimal characters)');
  }
}

export interface Overlap {
  ours: number;
  theirs: number;
  shared: number;
  /** Shares of each side's members that are in both, 0-1. */
  ourShare: number;
  theirShare: number;
}

export function overlapOf(ours: DigestSet, theirs: DigestSet): Overlap {
  const [small, large] = ours.size <= theirs.size ? [ours, theirs] : [theirs, ours];
  const shared = small.countIn(large);
  return { ours: ours.size, theirs: theirs.size, shared, ourShare: ours.size ? shared / ours.size : 0, theirShare: theirs.size ? shared / theirs.size : 0 };
}

/**
 * The audience-overlap score (1-5) an overlap suggests: the share of the smaller community that
 * is in both. 20% or more gives 5, 10% 4, 5% 3, 2% 2, less 1.
 */
export function suggestedOverlapScore(o: Overlap): number {
  const share = Math.max(o.ourShare, o.theirShare);
  return share >= 0.2 ? 5 : share >= 0.1 ? 4 : share >= 0.05 ? 3 : share >= 0.02 ? 2 : 1;
}

/** Registration statuses that are not attendance: declined, cancelled, waitlisted, refunded, not going. */
export function isNotAttending(status: string): boolean {
  const s = status.toLowerCase().replace(/[^a-z]/g, '');
  return /^(?:declined|cancel+ed|notgoing|notattending|no|waitlist(?:ed)?|rejected|refunded|deleted|removed|invited|pendingapproval|maybe|false)$/.test(s);
}

export interface Attendance {
  /** Distinct registrants counted as attendees. */
  attendees: number;
  /** Of them, not in your member list: from the other community. */
  fromOther: number;
  fromYours: number;
  /** Percent of attendees from the other community, one decimal. */
  percent: number;
  notAttending: number;
  duplicates: number;
  rows: number;
  bad: BadRows;
}

/** Cross-attendance: a registration export against your member list (a set of salted hashes). */
export class AttendanceCounter {
  private readonly seen: DigestSet = new DigestSet(1024);
  readonly result: Attendance = { attendees: 0, fromOther: 0, fromYours: 0, percent: 0, notAttending: 0, duplicates: 0, rows: 0, bad: new BadRows() };
  constructor(
    private readonly members: DigestSet,
    private readonly salt: string,
    private readonly hash: Sha256Batch,
    private readonly columns: { email: number; status?: number; headerLength: number },
  ) {}

  async add(rows: readonly CsvRow[]): Promise<void> {
    const inputs: string[] = [];
    for (const row of rows) {
      this.result.rows++;
      const email = rowEmail(row, this.columns, this.result.bad);
      if (email === undefined) continue;
      const status = this.columns.status === undefined ? undefined : row.fields[this.columns.status];
      if (status !== undefined && isNotAttending(status)) {
        this.result.notAttending++;
        continue;
      }
      inputs.push(this.salt + email);
    }
    if (inputs.length === 0) return;
    const digests = await this.hash(inputs);
    for (let k = 0; k < inputs.length; k++) {
      if (!this.seen.add(digests, k * DIGEST_BYTES)) {
        this.result.duplicates++;
        continue;
      }
      this.result.attendees++;
      if (this.members.has(digests, k * DIGEST_BYTES)) this.result.fromYours++;
      else this.result.fromOther++;
    }
    this.result.percent = this.result.attendees ? Math.round((this.result.fromOther / this.result.attendees) * 1000) / 10 : 0;
  }
}
