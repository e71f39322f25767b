import { isIsoDate, isRecordDate } from '../dates';
import type { Cadence, PartnershipRecord, Stage } from '../records/schema';

/*
 * Check-in and review schedule. Only agreed and active partnerships have check-ins due: before
 * an agreement there is nothing to check in on, and an ended one is over. The next check-in is
 * one cadence after the latest check-in, or after the start date when there has been none.
 *
 * All dates are YYYY-MM-DD strings and all arithmetic is on UTC calendar days, so the time zone
 * of the machine never moves a due date. Adding months keeps the day of the month where it can
 * and otherwise takes the month's last day: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year).
 */

/**
 * Days since 1970-01-01 of a UTC calendar date (month from 0; months and days past their end
 * roll over, as Date's do), by the proleptic Gregorian calendar's arithmetic rather than a Date:
 * the index works out every record's next check-in as it loads, and a Date a call was most of
 * that work. The same days as `Date` for every year (test/unit/planner.checkins.test.ts).
 */
function utcDays(year: number, month: number, day: number): number {
  const y = year + Math.floor(month / 12);
  const m = month - Math.floor(month / 12) * 12; // 0-11
  // Days from civil (H. Hinnant): years start in March, so the leap day is the year's last.
  const ym = m < 2 ? y - 1 : y;
  const era = Math.floor(ym / 400);
  const yoe = ym - era * 400;
  const doy = Math.floor((153 * (m < 2 ? m + 10 : m - 2) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + (day - 1);
}

function toDays(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}.`);
  return utcDays(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function fromDays(days: number): string {
  // Civil from days (H. Hinnant), the inverse of utcDays.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // Years past 9999 would need more digits: never a date this code hands out.
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`A date in year ${year} cannot be written YYYY-MM-DD.`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

export function addMonths(date: string, months: number): string {
  toDays(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = utcDays(year, month + 1, 1) - utcDays(year, month, 1);
  return fromDays(utcDays(year, month, Math.min(d, last)));
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

export function addCadence(date: string, cadence: Cadence): string {
  switch (cadence) {
    case 'weekly':
      return addDays(date, 7);
    case 'bi-weekly':
      return addDays(date, 14);
    case 'monthly':
      return addMonths(date, 1);
    case 'quarterly':
      return addMonths(date, 3);
  }
}

/** How many days before a check-in is due it shows as due soon: about a quarter of the cadence. */
export const DUE_SOON_DAYS: Readonly<Record<Cadence, number>> = { weekly: 2, 'bi-weekly': 3, monthly: 7, quarterly: 14 };

/** A review date shows as due soon this many days ahead. */
export const REVIEW_SOON_DAYS = 14;

const RUNNING: readonly Stage[] = ['agreed', 'active'];

export function isRunning(record: Pick<PartnershipRecord, 'stage'>): boolean {
  return RUNNING.includes(record.stage);
}

/**
 * The latest check-in date, whatever order the entries are written in. Only dates a record may
 * hold count (isRecordDate): the reader refuses others, and a record that reaches this code
 * another way must not make every later date computation fail (a check-in in 9999 would put the
 * next one in year 10000).
 */
export function lastCheckInDate(record: Pick<PartnershipRecord, 'checkIns'>): string | undefined {
  let last: string | undefined;
  for (const c of record.checkIns) if (typeof c?.date === 'string' && isRecordDate(c.date) && (last === undefined || c.date > last)) last = c.date;
  return last;
}

export type CheckInSchedule =
  | { running: false }
  /** `due` is undefined when a running partnership has no start date and no check-in yet. */
  | { running: true; due: string | undefined; from: 'last-check-in' | 'start' | 'none' };

/**
 * When the next check-in falls, independent of today, so that it can be worked out once per
 * record and compared with any day later.
 */
export function checkInSchedule(record: Pick<PartnershipRecord, 'stage' | 'checkIns' | 'start' | 'cadence'>): CheckInSchedule {
  if (!isRunning(record)) return { running: false };
  const cadence = record.cadence ?? 'monthly';
  const last = lastCheckInDate(record);
  if (last) return { running: true, due: addCadence(last, cadence), from: 'last-check-in' };
  if (record.start && isRecordDate(record.start)) return { running: true, due: addCadence(record.start, cadence), from: 'start' };
  return { running: true, due: undefined, from: 'none' };
}

export type NextCheckIn =
  | { status: 'ok' | 'due-soon' | 'overdue'; due: string; overdueDays: number; from: 'last-check-in' | 'start' | 'none' }
  | { status: 'not-running'; due: undefined; overdueDays: 0 };

/**
 * The next check-in as of `today`. A running partnership with neither a start date nor a check-in
 * has one due today: there is nothing to count from, and the first check-in sets the rhythm.
 */
export function nextCheckIn(record: Pick<PartnershipRecord, 'stage' | 'checkIns' | 'start' | 'cadence'>, today: string): NextCheckIn {
  toDays(today);
  const schedule = checkInSchedule(record);
  if (!schedule.running) return { status: 'not-running', due: undefined, overdueDays: 0 };
  return checkInStatus(schedule.due ?? today, record.cadence ?? 'monthly', today, schedule.from);
}

export function checkInStatus(due: string, cadence: Cadence, today: string, from: 'last-check-in' | 'start' | 'none' = 'last-check-in'): NextCheckIn {
  const late = daysBetween(due, today);
  if (late > 0) return { status: 'overdue', due, overdueDays: late, from };
  return { status: -late <= DUE_SOON_DAYS[cadence] ? 'due-soon' : 'ok', due, overdueDays: 0, from };
}

/** How many partnerships have a check-in past its due date. */
export function overdueCount(records: readonly Pick<PartnershipRecord, 'stage' | 'checkIns' | 'start' | 'cadence'>[], today: string): number {
  let n = 0;
  for (const r of records) if (nextCheckIn(r, today).status === 'overdue') n++;
  return n;
}

export type ReviewStatus =
  | { status: 'none' | 'not-running'; review: string | undefined; daysUntil: undefined }
  | { status: 'ok' | 'due-soon' | 'overdue'; review: string; daysUntil: number };

/**
 * Where the review date stands: `none` without one, `not-running` for a partnership that has
 * ended (nothing left to review) or not been agreed yet, and otherwise `overdue` once the day has
 * passed, `due-soon` within REVIEW_SOON_DAYS (the day itself included), else `ok`.
 */
export function reviewStatus(record: Pick<PartnershipRecord, 'stage' | 'review'>, today: string): ReviewStatus {
  toDays(today);
  if (!record.review || !isRecordDate(record.review)) return { status: 'none', review: undefined, daysUntil: undefined };
  if (!isRunning(record)) return { status: 'not-running', review: record.review, daysUntil: undefined };
  const daysUntil = daysBetween(today, record.review);
  const status = daysUntil < 0 ? 'overdue' : daysUntil <= REVIEW_SOON_DAYS ? 'due-soon' : 'ok';
  return { status, review: record.review, daysUntil };
}

/** A review date that needs the user's attention: past, or within REVIEW_SOON_DAYS. */
export interface ReviewFlag {
  status: 'overdue' | 'due-soon';
  review: string;
  /** Days from today to the review date: negative once it has passed. */
  daysUntil: number;
}

/**
 * The review date to flag in a list, a card or the status bar, or undefined when there is none
 * to flag: no review date, one that is not a date, a partnership not agreed or active (an ended
 * one has nothing left to review), or a review more than REVIEW_SOON_DAYS away.
 */
export function reviewFlag(record: { stage?: Stage; review?: string }, today: string): ReviewFlag | undefined {
  if (!record.stage || typeof record.review !== 'string') return undefined;
  const r = reviewStatus({ stage: record.stage, review: record.review }, today);
  if (r.status !== 'overdue' && r.status !== 'due-soon') return undefined;
  return { status: r.status, review: r.review, daysUntil: r.daysUntil };
}

/** How many partnerships have a review date that has passed. */
export function reviewsOverdueCount(records: readonly { stage?: Stage; review?: string }[], today: string): number {
  let n = 0;
  for (const r of records) if (reviewFlag(r, today)?.status === 'overdue') n++;
  return n;
}
