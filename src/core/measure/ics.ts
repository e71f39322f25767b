import { DIGEST_BYTES, toHex, type Sha256Batch } from './hash';

/*
 * An iCalendar file (RFC 5545) of the coming check-ins and review dates: one all-day event each,
 * with a UID made from the full SHA-256 of the record's path and the kind of event, so that
 * importing a newer export updates the events rather than adding them again, and no two records
 * share one (a calendar keeps one event per UID: a short hash of the path let one record's
 * events replace another's). Text values are escaped (backslash,
 * semicolon, comma, line breaks) and lines folded at 75 octets without splitting a character.
 */

export interface CalendarEvent {
  /** Stable across exports for the same record and kind. */
  uid: string;
  /** YYYY-MM-DD: an all-day event. */
  date: string;
  summary: string;
  description?: string;
  categories?: string[];
}

export function escapeText(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/** A content line folded at 75 octets (UTF-8), each continuation starting with one space. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The calendar key of each record path: the full SHA-256 of the path (its UTF-8 bytes), as 64 hex characters. */
export async function calendarKeys(paths: readonly string[], hash: Sha256Batch): Promise<string[]> {
  if (paths.length === 0) return [];
  const digests = await hash(paths);
  return paths.map((_, k) => toHex(digests, k * DIGEST_BYTES));
}

export function renderCalendar(events: readonly CalendarEvent[], options: { now: Date; name: string }): string {
  const dtstamp = stamp(options.now);
  // Increases with every export, so calendars that compare revisions take the newer one.
  const sequence = Math.max(0, Math.floor(options.now.getTime() / 60000));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Community Partnerships//VS Code extension//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${dtstamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export interface CalendarRecord {
  /** The record's path in the workspace (`partnerships/rust-berlin.md`). */
  path: string;
  /** What the UIDs are made from: the path's key from `calendarKeys`. */
  key: string;
  partner: string;
  stage?: string;
  nextCheckIn?: string;
  review?: string;
  owners?: { ours?: string; theirs?: string };
}

/**
 * The events for a pipeline: each running partnership's next check-in (one that is overdue is
 * put on today, and says since when), and each review date from today on of a partnership that
 * has not ended.
 */
export function pipelineEvents(records: readonly CalendarRecord[], today: string): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const r of records) {
    const owners = [r.owners?.ours, r.owners?.theirs].filter(Boolean).join(' and ');
    const who = owners ? ` Owners: ${owners}.` : '';
    const id = r.key;
    if (r.nextCheckIn) {
      const overdue = r.nextCheckIn < today;
      events.push({
        uid: `checkin-${id}@community-partnerships`,
        date: overdue ? today : r.nextCheckIn,
        summary: overdue ? `Check-in overdue: ${r.partner} (due ${r.nextCheckIn})` : `Check-in: ${r.partner}`,
        description: `Partnership check-in with ${r.partner}: this month's numbers against the targets, what worked, what did not, "Is this worth continuing?".${who}\nRecord: ${r.path}`,
        categories: ['Partnership check-in'],
      });
    }
    if (r.review && r.review >= today && r.stage !== 'ended') {
      events.push({
        uid: `review-${id}@community-partnerships`,
        date: r.review,
        summary: `Partnership review: ${r.partner}`,
        description: `Review the partnership with ${r.partner} and decide whether to go on.${who}\nRecord: ${r.path}`,
        categories: ['Partnership review'],
      });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}
