import { partnershipType, type PartnershipTypeId } from '../domain';
import { recordFileName } from '../records/template';

/*
 * Tracked links. A partnership's link carries `utm_source` (the partner), `utm_medium` (the
 * channel, from its types) and `utm_campaign` (the record); a record may set any of them, and the
 * link's address, under `utm:` in its front matter. The sign-ups they bring are counted in
 * ./attribution.ts.
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
