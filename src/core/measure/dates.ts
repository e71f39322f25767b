import { isIsoDate } from '../dates';

/*
 * Dates as exports write them, read as the calendar day they name (YYYY-MM-DD): ISO dates and
 * timestamps (`2026-03-04T10:22:00Z`, `2026-03-04 10:22:00`), US `3/4/2026 10:22 AM`, European
 * `04.03.2026` and `04/03/2026`, `4 Mar 2026`, `Mar 4, 2026`, and Unix time in seconds or
 * milliseconds. `3/4/2026` is read month first unless the file says otherwise (`dayFirst`, found
 * from a value such as 25/03/2026 in the same column).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(s) ? s : undefined;
}

function year(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

export function parseExportDate(cell: string, options: { dayFirst?: boolean } = {}): string | undefined {
  const text = cell.trim();
  if (text === '' || text.length > 64) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])/.exec(text);
  if (m) {
    // A UTC timestamp late in the day is still that day in the export's own calendar: kept as written.
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T ])/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[ ,T])/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = year(m[4]);
    const dayFirst = m[2] === '.' || a > 12 || (options.dayFirst === true && b <= 12);
    return dayFirst ? ymd(y, b, a) : ymd(y, a, b);
  }
  m = /^(?:[a-z]{3,9},? )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})/i.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    return month >= 0 ? ymd(Number(m[3]), month + 1, Number(m[1])) : undefined;
  }
  m = /^(?:[a-z]{3,9},? )?([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})/i.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
    return month >= 0 ? ymd(Number(m[3]), month + 1, Number(m[2])) : undefined;
  }
  if (/^\d{9,13}$/.test(text)) {
    const n = Number(text);
    const ms = text.length > 11 ? n : n * 1000;
    const d = new Date(ms);
    return Number.isFinite(d.getTime()) ? ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) : undefined;
  }
  return undefined;
}

/** True when a column's values show day-first dates (some first number above 12 with slashes). */
export function looksDayFirst(cells: Iterable<string>): boolean {
  for (const cell of cells) {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return true;
    if (Number(m[2]) > 12) return false;
  }
  return false;
}
