/**
 * Calendar dates written YYYY-MM-DD. Kept apart from the record schema so that code that only
 * needs dates (the planner page's check-in math) does not pull zod into its bundle.
 */
import { displayLocale, l10n } from './l10n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date in a record may fall in. A partnership dated 9999 is a typo (or a trap): its
 * next check-in would fall in year 10000, which YYYY-MM-DD cannot write. Dates computed from
 * dates in range (a quarter after 2999-12-31) still have four-digit years.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
export const DATE_RANGE = `between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`;

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30), of any four-digit year. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

/** True for a real calendar date written YYYY-MM-DD whose year is from MIN_YEAR to MAX_YEAR. */
export function isRecordDate(text: string): boolean {
  if (!isIsoDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Why a date typed or read is not a record date, or undefined when it is one. */
export function dateProblem(text: string): string | undefined {
  if (!isIsoDate(text)) return l10n.t('Write a real date as YYYY-MM-DD, such as 2026-03-15.');
  if (!isRecordDate(text)) return l10n.t('Write a date between {0} and {1}.', `${MIN_YEAR}-01-01`, `${MAX_YEAR}-12-31`);
  return undefined;
}

/** Today as YYYY-MM-DD in the user's time zone: check-ins fall due on the user's calendar. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A YYYY-MM-DD date as the user reads it in the display language (or `locale`): as written in
 * English, the form records and date fields use; in the locale's numeric form otherwise
 * (`15.03.2026` in German). Anything that is not a real date is returned as it is.
 */
export function formatDate(iso: string, locale: string = displayLocale()): string {
  if (/^en\b/.test(locale) || !isIsoDate(iso)) return iso;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}
