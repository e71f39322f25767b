import { ExportDecoder, concatBytes, type CsvRow } from './csv';
import { normaliseEmail } from './email';
import { parseExportDate } from './dates';
import { DIGEST_BYTES, DigestSet, digestWords, parseHexDigest, type Sha256Batch } from './hash';

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
 * batches (one call of the platform's SHA-256 per batch), into a DigestSet. A batch's hashes may
 * come later (the platform may hash on another thread): `add` returns once the batch is handed
 * over, with at most a few batches under way, and `finish` once every one is in the set. Members
 * and duplicates do not depend on the order the batches come back in.
 */
export class MemberHasher {
  readonly set: DigestSet;
  readonly stats: ListStats;
  private readonly underWay: Promise<void>[] = [];
  private failure: unknown;
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
    const digests = this.hash(inputs);
    if (!(digests instanceof Promise)) return this.collect(digests, inputs.length);
    this.underWay.push(
      digests.then(
        (d) => this.collect(d, inputs.length),
        (err: unknown) => void (this.failure ??= err),
      ),
    );
    if (this.underWay.length > MAX_UNDER_WAY) await this.underWay.shift();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Every batch in the set; a batch that could not be hashed throws here. */
  async finish(): Promise<this> {
    while (this.underWay.length) await this.underWay.shift();
    if (this.failure !== undefined) throw this.failure;
    return this;
  }

  private collect(digests: Uint8Array, count: number): void {
    const words = digestWords(digests, count);
    for (let k = 0; k < count; k++) {
      if (this.set.addAt(words, k * 8)) this.stats.members++;
      else this.stats.duplicates++;
    }
  }
}

/** Batches hashed at once while the next rows are read: enough to keep another thread busy, few enough to hold little memory. */
const MAX_UNDER_WAY = 4;

/**
 * About how many rows a file of `bytes` holds, from the rows read at its start: what a set is
 * sized for, so that it need not grow (and copy itself) as it fills. Never more than 2^26.
 */
export function estimateRows(bytes: number, sample: readonly CsvRow[]): number {
  let chars = 0;
  for (const row of sample) for (const f of row.fields) chars += f.length + 1;
  const perRow = sample.length ? chars / sample.length : 64;
  return Math.min(Math.ceil(bytes / Math.max(perRow, 8)), 1 << 26);
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
  readonly set: DigestSet;
  readonly stats: ListStats = { rows: 0, members: 0, duplicates: 0, bad: new BadRows() };
  private readonly decoder = new ExportDecoder();
  private readonly scratch = new Uint8Array(DIGEST_BYTES);
  /** A digest parsed from a UTF-8 line, straight into the set's 8 words. */
  private readonly words = new Uint32Array(DIGEST_BYTES / 4);
  private pending = '';
  private line = 1;
  private started = false;
  /**
   * UTF-8 files (all but a UTF-16 one) are read as bytes: a line that is a digest is parsed
   * where it lies, with no text made of it; any other line is decoded and read as text.
   */
  private mode: 'bytes' | 'text' | undefined;
  private bytesPending: Uint8Array | undefined;
  private readonly lineDecoder = new TextDecoder();

  /** `expected`: about how many digests the file holds (its size over 65), so the set need not grow as it fills. */
  constructor(expected = 1024) {
    this.set = new DigestSet(Math.min(Math.max(expected, 1024), 1 << 26));
  }

  push(bytes: Uint8Array): void {
    if (this.mode === 'text') return this.addText(this.decoder.push(bytes), false);
    this.addBytes(bytes, false);
  }

  end(): ListStats {
    if (this.mode === 'text') this.addText(this.decoder.end(), true);
    else this.addBytes(new Uint8Array(0), true);
    return this.stats;
  }

  private addBytes(bytes: Uint8Array, final: boolean): void {
    let buf = this.bytesPending ? concatBytes(this.bytesPending, bytes) : bytes;
    this.bytesPending = undefined;
    if (this.mode === undefined) {
      if (buf.length < 3 && !final) {
        this.bytesPending = buf.slice();
        return;
      }
      if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
        this.mode = 'text';
        this.addText(this.decoder.push(buf, final), final);
        return;
      }
      this.mode = 'bytes';
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    let start = 0;
    const n = buf.length;
    const width = DIGEST_BYTES * 2;
    while (start < n) {
      // Nearly every line is a digest and its line feed: parsed in place.
      if (start + width < n && buf[start + width] === 10 && parseHexWords(buf, start, this.words)) {
        this.line++;
        this.addWords();
        start += width + 1;
        continue;
      }
      let nl = start;
      while (nl < n && buf[nl] !== 10) nl++;
      if (nl === n) break;
      this.addByteLine(buf, start, nl);
      start = nl + 1;
    }
    if (buf.length - start > 10_000) {
      this.stats.bad.add(this.line, 'a line of over 10,000 characters: not a hash');
      this.line++;
      start = buf.length;
    }
    if (final) {
      if (start < buf.length) this.addByteLine(buf, start, buf.length);
    } else if (start < buf.length) {
      this.bytesPending = buf.slice(start);
    }
  }

  /** A line of a UTF-8 file, `buf[start, end)` without its line feed. */
  private addByteLine(buf: Uint8Array, start: number, end: number): void {
    let s = start;
    let e = end;
    while (s < e && isBlankByte(buf[s])) s++;
    while (e > s && isBlankByte(buf[e - 1])) e--;
    if (e - s === DIGEST_BYTES * 2 && parseHexWords(buf, s, this.words)) {
      this.line++;
      this.addWords();
      return;
    }
    this.addLine(this.lineDecoder.decode(buf.subarray(start, end)));
  }

  /** The digest in `scratch`. */
  private addDigest(): void {
    this.stats.rows++;
    if (this.set.add(this.scratch, 0)) this.stats.members++;
    else this.stats.duplicates++;
  }

  /** The digest in `words`. */
  private addWords(): void {
    this.stats.rows++;
    if (this.set.addAt(this.words, 0)) this.stats.members++;
    else this.stats.duplicates++;
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
      this.addDigest();
      return;
    }
    if (this.stats.rows === 0 && this.stats.bad.count === 0 && /^[\w -]{1,40}$/.test(text)) return; // a header line
    this.stats.rows++;
    this.stats.bad.add(line, text.includes('@') ? 'looks like an email address, not a hash: a hashed list must hold only hashes' : 'not a SHA-256 hash (64 hexadecimal characters)');
  }
}

/** Space, tab, carriage return, vertical tab, form feed: what `trim` removes that a byte can hold alone. */
function isBlankByte(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The digest written as 64 hexadecimal characters (either case) at `buf[at]`, as the set's 8
 * words (each of 4 bytes, the first the lowest, as `DigestSet` reads them); false when they are
 * not hexadecimal. No byte array between: the words go straight to the set.
 */
function parseHexWords(buf: Uint8Array, at: number, out: Uint32Array): boolean {
  for (let k = 0, p = at; k < 8; k++, p += 8) {
    const n0 = HEX_VALUE[buf[p]];
    const n1 = HEX_VALUE[buf[p + 1]];
    const n2 = HEX_VALUE[buf[p + 2]];
    const n3 = HEX_VALUE[buf[p + 3]];
    const n4 = HEX_VALUE[buf[p + 4]];
    const n5 = HEX_VALUE[buf[p + 5]];
    const n6 = HEX_VALUE[buf[p + 6]];
    const n7 = HEX_VALUE[buf[p + 7]];
    // A byte that is not a hex digit reads 255.
    if ((n0 | n1 | n2 | n3 | n4 | n5 | n6 | n7) > 15) return false;
    out[k] = ((n0 << 4) | n1 | (((n2 << 4) | n3) << 8) | (((n4 << 4) | n5) << 16) | (((n6 << 4) | n7) << 24)) >>> 0;
  }
  return true;
}

/** Each byte's value as a hexadecimal digit, 255 for any other byte. */
const HEX_VALUE = (() => {
  const t = new Uint8Array(256).fill(255);
  for (let c = 0; c < 10; c++) t[48 + c] = c;
  for (let c = 0; c < 6; c++) t[97 + c] = t[65 + c] = 10 + c;
  return t;
})();

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

/** Statuses that say the person came: Eventbrite's "Checked In", "attended", "present". */
export function isCheckedInStatus(status: string): boolean {
  return /^(?:checkedin|attended|present|showedup|arrived)$/.test(status.toLowerCase().replace(/[^a-z]/g, ''));
}

/**
 * A check-in cell: a time (Luma's `checked_in_at`, Zoom's join time) or a yes/no (Meetup's and
 * Zoom's "Attended") says the person came; empty, "no", "false", "0", "absent", "no show" say not.
 */
export function isCheckedInCell(cell: string): boolean {
  const s = cell.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  return s !== '' && !/^(?:no|n|false|0|absent|noshow|didnotattend|notattended|notcheckedin|none|na|null|undefined)$/.test(s);
}

/** People of one kind (registered, or checked in), each once, by the lists they are in. */
export interface AttendanceTally {
  people: number;
  /** In your member list (and not the partner's, when it is given). */
  yours: number;
  /** In the partner's member list and not yours (0 without the partner's list). */
  partner: number;
  /** In both lists (0 without the partner's list). */
  shared: number;
  /** In no list given. */
  neither: number;
}

export interface Attendance {
  /** What counts as attendance: people checked in, or (an export with no check-in) registrations. */
  basis: 'checked-in' | 'registered';
  /** Whether the partner's member list was given: the share is then of the partner's members. */
  partnerList: boolean;
  /** The people counted as attendees (checked in, or registered when the export has no check-in). */
  attendees: number;
  /** With the partner's list: attendees in it (shared members included); without: attendees not in your list. */
  fromOther: number;
  /** Of `fromOther`, in both lists (0 without the partner's list). */
  shared: number;
  fromYours: number;
  /** `fromOther` as a percent of `attendees`, one decimal. */
  percent: number;
  registered: AttendanceTally;
  checkedIn: AttendanceTally;
  notAttending: number;
  duplicates: number;
  rows: number;
  bad: BadRows;
  /** The event's day from the export (the most common check-in day, or an event-date column), if it says. */
  eventDate?: string;
}

const emptyTally = (): AttendanceTally => ({ people: 0, yours: 0, partner: 0, shared: 0, neither: 0 });

/** Header names of a column that holds the event's date or start. */
const EVENT_DATE_COLUMNS = /^(?:eventdate|eventstartdate|eventstart|eventstarttime|eventstartdatetime|startdate|starttime|actualstarttime|dateofevent|eventday|jointime)$/;

/** The column holding the event's date, found by its name, if any. */
export function eventDateColumn(header: readonly string[]): number | undefined {
  const at = header.findIndex((h) => EVENT_DATE_COLUMNS.test(h.toLowerCase().replace(/[^a-z]/g, '')));
  return at >= 0 ? at : undefined;
}

/**
 * Cross-attendance: a registration export against your member list and, when given, the
 * partner's (sets of hashes with the same salt). Each person counts once. Declined, cancelled
 * and waitlisted registrations are left out; of the rest, those checked in (a check-in column,
 * or a "Checked In" status) are the attendance, the others registrations only. An export with no
 * check-in at all is measured by its registrations, and says so (`basis`).
 */
export class AttendanceCounter {
  private readonly seen: DigestSet = new DigestSet(1024);
  private readonly seenIn: DigestSet = new DigestSet(1024);
  private readonly days = new Map<string, number>();
  private statusCheckIns = false;
  private readonly registered = emptyTally();
  private readonly checkedIn = emptyTally();
  private notAttending = 0;
  private duplicates = 0;
  private rows = 0;
  private readonly bad = new BadRows();
  constructor(
    private readonly members: DigestSet,
    private readonly salt: string,
    private readonly hash: Sha256Batch,
    private readonly columns: { email: number; status?: number; checkIn?: number; eventDate?: number; headerLength: number; dayFirst?: boolean },
    private readonly partner?: DigestSet,
  ) {}

  async add(rows: readonly CsvRow[]): Promise<void> {
    const inputs: string[] = [];
    const came: boolean[] = [];
    const { status: statusAt, checkIn: checkInAt, eventDate: eventAt } = this.columns;
    for (const row of rows) {
      this.rows++;
      const email = rowEmail(row, this.columns, this.bad);
      if (email === undefined) continue;
      const status = statusAt === undefined ? undefined : row.fields[statusAt];
      if (status !== undefined && isNotAttending(status)) {
        this.notAttending++;
        continue;
      }
      const byStatus = status !== undefined && isCheckedInStatus(status);
      if (byStatus) this.statusCheckIns = true;
      const checkInCell = checkInAt === undefined ? undefined : (row.fields[checkInAt] ?? '');
      const checked = byStatus || (checkInCell !== undefined && isCheckedInCell(checkInCell));
      const day = (checked && checkInCell && parseExportDate(checkInCell, this.columns)) || (eventAt === undefined ? undefined : parseExportDate(row.fields[eventAt] ?? '', this.columns));
      if (day) this.days.set(day, (this.days.get(day) ?? 0) + 1);
      inputs.push(this.salt + email);
      came.push(checked);
    }
    if (inputs.length === 0) return;
    const digests = await this.hash(inputs);
    for (let k = 0; k < inputs.length; k++) {
      const at = k * DIGEST_BYTES;
      const first = this.seen.add(digests, at);
      if (!first) this.duplicates++;
      // A person registered twice and checked in on one of the rows has come.
      const firstIn = came[k] && this.seenIn.add(digests, at);
      if (!first && !firstIn) continue;
      const yours = this.members.has(digests, at);
      const theirs = this.partner?.has(digests, at) ?? false;
      const kind: Exclude<keyof AttendanceTally, 'people'> = yours && theirs ? 'shared' : theirs ? 'partner' : yours ? 'yours' : 'neither';
      for (const [tally, counts] of [
        [this.registered, first],
        [this.checkedIn, firstIn],
      ] as const) {
        if (!counts) continue;
        tally.people++;
        tally[kind]++;
      }
    }
  }

  get result(): Attendance {
    const basis = this.columns.checkIn !== undefined || this.statusCheckIns ? 'checked-in' : 'registered';
    const t = basis === 'checked-in' ? this.checkedIn : this.registered;
    const partnerList = this.partner !== undefined;
    const fromOther = partnerList ? t.partner + t.shared : t.neither;
    let eventDate: string | undefined;
    let most = 0;
    for (const [day, n] of this.days) if (n > most || (n === most && eventDate !== undefined && day < eventDate)) [eventDate, most] = [day, n];
    return {
      basis,
      partnerList,
      attendees: t.people,
      fromOther,
      shared: partnerList ? t.shared : 0,
      fromYours: t.yours + t.shared,
      percent: t.people ? Math.round((fromOther / t.people) * 1000) / 10 : 0,
      registered: { ...this.registered },
      checkedIn: { ...this.checkedIn },
      notAttending: this.notAttending,
      duplicates: this.duplicates,
      rows: this.rows,
      bad: this.bad,
      ...(eventDate ? { eventDate } : {}),
    };
  }
}
