/*
 * Which column of an export holds what. Each role has the header names the common exports use
 * (Discord bots, Discourse, Circle, Slack, Luma, Eventbrite, Meetup, newsletter tools, sign-up
 * forms), compared loosely (case, spaces and punctuation ignored); the user confirms or changes
 * the guess, and the answer is remembered for files whose names follow the same pattern.
 */

import { l10n } from '../l10n';

export const COLUMN_ROLES = ['email', 'name', 'date', 'status', 'checkIn', 'source', 'medium', 'campaign', 'url'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** What each role is, as the column picker names it, in the display language. */
export function roleTitle(role: ColumnRole): string {
  switch (role) {
    case 'email':
      return l10n.t('Email');
    case 'name':
      return l10n.t('Name (display or full name)');
    case 'date':
      return l10n.t('Date (joined, registered or signed up)');
    case 'status':
      return l10n.t('Status (going, checked in, cancelled...)');
    case 'checkIn':
      return l10n.t('Checked in (a check-in time, or yes/no)');
    case 'url':
      return l10n.t('Landing page or sign-up URL (with utm_ parameters in it)');
    default:
      // utm_source, utm_medium, utm_campaign: the parameters' own names, in every language.
      return `utm_${role}`;
  }
}

/** A column chosen for each role (by header name, as the header spells it); absent: none. */
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const KNOWN: Readonly<Record<ColumnRole, readonly string[]>> = {
  email: ['email', 'emailaddress', 'e-mail', 'mail', 'useremail', 'memberemail', 'attendeeemail', 'subscriberemail', 'primaryemail', 'emailid', 'courriel', 'emailadresse'],
  name: ['name', 'fullname', 'displayname', 'membername', 'attendeename', 'username', 'firstname', 'nickname', 'realname'],
  date: ['date', 'joinedat', 'joined', 'datejoined', 'joindate', 'createdat', 'created', 'createddate', 'signupdate', 'signedup', 'signedupat', 'signedupon', 'registeredat', 'registrationdate', 'orderdate', 'rsvpedon', 'subscribedat', 'optintime', 'confirmtime', 'timestamp', 'firstseen', 'datum'],
  status: ['status', 'attendeestatus', 'approvalstatus', 'rsvp', 'rsvpstatus', 'response', 'ticketstatus'],
  checkIn: ['checkedinat', 'checkedin', 'checkedintime', 'checkintime', 'checkin', 'attended', 'attendance', 'jointime'],
  source: ['utmsource', 'source'],
  medium: ['utmmedium', 'medium'],
  campaign: ['utmcampaign', 'campaign'],
  url: ['url', 'landingpage', 'landingurl', 'signupurl', 'pageurl', 'referrerurl', 'firstpage', 'entrypage', 'referrer'],
};

/** The best guess for each role from the header: exact loose names first, then a name that contains the role's word. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const folded = header.map(fold);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const role of COLUMN_ROLES) {
    const names = KNOWN[role].map(fold);
    let at = -1;
    for (const name of names) {
      at = folded.findIndex((h, i) => h === name && !taken.has(i));
      if (at >= 0) break;
    }
    if (at < 0 && (role === 'email' || role === 'date' || role === 'source' || role === 'medium' || role === 'campaign')) {
      const word = role === 'email' ? 'email' : role === 'date' ? 'date' : `utm${role}`;
      at = folded.findIndex((h, i) => h.includes(word) && !taken.has(i));
    }
    if (at >= 0) {
      taken.add(at);
      mapping[role] = header[at];
    }
  }
  return mapping;
}

/** The column indexes of a mapping in this header (a name given twice: its first column). */
export function mappingIndexes(header: readonly string[], mapping: ColumnMapping): Partial<Record<ColumnRole, number>> {
  const out: Partial<Record<ColumnRole, number>> = {};
  for (const role of COLUMN_ROLES) {
    const name = mapping[role];
    if (name === undefined) continue;
    const at = header.indexOf(name);
    if (at >= 0) out[role] = at;
  }
  return out;
}

/** A remembered mapping fits this header when every column it names is in it. */
export function mappingFits(header: readonly string[], mapping: ColumnMapping): boolean {
  return COLUMN_ROLES.every((r) => mapping[r] === undefined || header.includes(mapping[r]!));
}

/**
 * The pattern of an export's file name, to remember its mapping by: lower-cased, every run of
 * digits one `#` (dates, ids and counts change from export to export), a trailing ` (2)` or
 * `-copy` dropped. `luma-guests-2026-03-01 (1).csv` and `Luma-Guests-2026-04-12.csv` share one.
 */
export function fileNamePattern(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).toLowerCase();
  const ext = /\.[a-z0-9]{1,10}$/.exec(base)?.[0] ?? '';
  let stem = base.slice(0, base.length - ext.length);
  stem = stem.replace(/\(\d+\)$/, '').trimEnd();
  for (const copy of ['-copy', '_copy', ' copy']) if (stem.endsWith(copy)) stem = stem.slice(0, -copy.length);
  return (stem + ext).replace(/\d+/g, '#');
}
