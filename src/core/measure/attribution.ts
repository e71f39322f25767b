import { partnerKey } from '../records/identity';
import { ownCopy, type CsvRow } from './csv';
import { parseExportDate } from './dates';
import { normaliseEmail } from './email';
import { BadRows } from './lists';
import { utmInUrl, type Utm } from './utm';

/*
 * The sign-ups tracked links bring (./utm.ts): attributed to the partnership whose source and
 * campaign they carry (compared without case), on a date from its start to its review (or
 * today), each email once.
 */

export interface AttributionTarget extends Utm {
  id: string;
  /** Inclusive YYYY-MM-DD bounds; absent: open. */
  from?: string;
  to?: string;
}

export interface AttributionResult {
  id: string;
  joins: number;
  /** Rows with this partnership's parameters dated outside its dates. */
  outsideDates: number;
  duplicates: number;
}

export interface Attribution {
  results: Map<string, AttributionResult>;
  rows: number;
  /** Rows with no partnership's parameters; the most frequent sources among them. */
  unattributed: number;
  otherSources: Map<string, number>;
  /** Attributed rows without a readable date (counted: the dates could not be checked). */
  undated: number;
  bad: BadRows;
}

/** Sources and campaigns are compared as partner names are (look-alikes agree). */
const key = (s: string | undefined) => partnerKey(s ?? '');

/** Counts sign-ups into partnerships as the rows stream in. */
export class SignupAttributor {
  readonly result: Attribution;
  private readonly seen = new Map<string, Set<string>>();
  /** The targets by source and campaign (keys as `key` makes them, a line feed between): one lookup a row, whatever the number of partnerships. The first target with a pair wins. */
  private readonly byPair = new Map<string, AttributionTarget>();
  constructor(
    targets: readonly AttributionTarget[],
    private readonly columns: { email: number; date?: number; source?: number; medium?: number; campaign?: number; url?: number; headerLength: number; dayFirst?: boolean },
  ) {
    this.result = { results: new Map(targets.map((t) => [t.id, { id: t.id, joins: 0, outsideDates: 0, duplicates: 0 }])), rows: 0, unattributed: 0, otherSources: new Map(), undated: 0, bad: new BadRows() };
    for (const t of targets) {
      this.seen.set(t.id, new Set());
      const pair = `${key(t.source)}\n${key(t.campaign)}`;
      if (!this.byPair.has(pair)) this.byPair.set(pair, t);
    }
  }

  add(rows: readonly CsvRow[]): void {
    const c = this.columns;
    for (const row of rows) {
      this.result.rows++;
      if (row.fields.length > c.headerLength) {
        this.result.bad.add(row.line, `${row.fields.length} fields where the header has ${c.headerLength} (a comma or quote out of place?)`);
        continue;
      }
      const fromUrl = c.url === undefined ? {} : utmInUrl(row.fields[c.url] ?? '');
      const source = key(c.source === undefined ? fromUrl.source : row.fields[c.source] || fromUrl.source);
      const campaign = key(c.campaign === undefined ? fromUrl.campaign : row.fields[c.campaign] || fromUrl.campaign);
      const target = source === '' ? undefined : this.byPair.get(`${source}\n${campaign}`);
      if (!target) {
        this.result.unattributed++;
        if (source !== '' && (this.result.otherSources.size < 1000 || this.result.otherSources.has(source))) {
          const n = this.result.otherSources.get(source);
          this.result.otherSources.set(n === undefined ? ownCopy(source) : source, (n ?? 0) + 1);
        }
        continue;
      }
      const email = normaliseEmail(row.fields[c.email] ?? '');
      if (!email.ok) {
        this.result.bad.add(row.line, email.reason);
        continue;
      }
      const r = this.result.results.get(target.id)!;
      const date = c.date === undefined ? undefined : parseExportDate(row.fields[c.date] ?? '', { dayFirst: c.dayFirst });
      if (date === undefined) this.result.undated++;
      else if ((target.from && date < target.from) || (target.to && date > target.to)) {
        r.outsideDates++;
        continue;
      }
      const seen = this.seen.get(target.id)!;
      if (seen.has(email.email)) {
        r.duplicates++;
        continue;
      }
      seen.add(ownCopy(email.email));
      r.joins++;
    }
  }

  /** The sources among unattributed rows, most frequent first. */
  topOtherSources(n = 5): { source: string; rows: number }[] {
    return [...this.result.otherSources].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([source, rows]) => ({ source, rows }));
  }
}
