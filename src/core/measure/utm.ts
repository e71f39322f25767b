import { partnershipType, type PartnershipTypeId } from '../domain';
import { recordFileName } from '../records/template';
import { partnerKey } from '../records/identity';
import { ownCopy, type CsvRow } from './csv';
import { parseExportDate } from './dates';
import { normaliseEmail } from './email';
import { BadRows } from './lists';

/*
 * Tracked links and the sign-ups they bring. A partnership's link carries `utm_source` (the
 * partner), `utm_medium` (the channel, from its types) and `utm_campaign` (the record); a record
 * may set any of them, and the link's address, under `utm:` in its front matter. Sign-ups are
 * attributed to the partnership whose source and campaign they carry (compared without case),
 * on a date from its start to its review (or today), each email once.
 */

export interface Utm {
  source: string;
  medium: string;
  campaign: string;
}

export function slug(text: string): string {
  return recordFileName(text).replace(/\.md$/, '');
}

function mediumFor(types: readonly PartnershipTypeId[]): string {
  if (types.includes('newsletter-cross-promotion')) return 'newsletter';
  const category = types.map((t) => partnershipType(t)?.category).find(Boolean);
  return category === 'event' ? 'event' : category === 'content' ? 'content' : category === 'ecosystem' ? 'integration' : 'partnership';
}

/** A front matter value as a utm parameter: text, trimmed, at most 100 characters. */
function utmValue(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim().slice(0, 100);
  return s === '' ? undefined : s;
}

export interface UtmSettings extends Utm {
  /** The address the link points to, from the record's `utm.url`, if it gives one. */
  url?: string;
}

/**
 * A partnership's utm parameters: the record's `utm:` values where it has them, else made from
 * the record (its file name is the campaign, so two partnerships with one partner differ).
 */
export function utmFor(record: { partner: string; community?: string; types: readonly PartnershipTypeId[]; fileName: string }, frontMatterUtm: unknown): UtmSettings {
  const given = frontMatterUtm && typeof frontMatterUtm === 'object' && !Array.isArray(frontMatterUtm) ? (frontMatterUtm as Record<string, unknown>) : {};
  const url = utmValue(given.url);
  return {
    source: utmValue(given.source) ?? slug(record.partner),
    medium: utmValue(given.medium) ?? mediumFor(record.types),
    campaign: utmValue(given.campaign) ?? `partnership-${record.fileName.replace(/\.md$/i, '')}`,
    ...(url ? { url } : {}),
  };
}

/** The address with the three parameters set (others kept; a fragment stays last). Throws on an address that is not http(s). */
export function trackedLink(address: string, utm: Utm): string {
  const url = new URL(address.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('A tracked link needs an http or https address.');
  url.searchParams.set('utm_source', utm.source);
  url.searchParams.set('utm_medium', utm.medium);
  url.searchParams.set('utm_campaign', utm.campaign);
  return url.toString();
}

/** The utm parameters in an address or a query string, as written (decoded). */
export function utmInUrl(text: string): Partial<Utm> {
  const q = text.indexOf('?');
  if (q < 0) return {};
  const hash = text.indexOf('#', q);
  const query = text.slice(q + 1, hash < 0 ? undefined : hash);
  const out: Partial<Utm> = {};
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = decode(part.slice(0, eq)).toLowerCase();
    const value = decode(part.slice(eq + 1)).trim();
    if (key === 'utm_source') out.source = value;
    else if (key === 'utm_medium') out.medium = value;
    else if (key === 'utm_campaign') out.campaign = value;
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

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
