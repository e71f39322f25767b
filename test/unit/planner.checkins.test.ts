import * as assert from 'assert';
import fc from 'fast-check';
import { addDays, addMonths, checkInSchedule, daysBetween, nextCheckIn, overdueCount, reviewFlag, reviewStatus, reviewsOverdueCount } from '../../src/core/planner/checkins';
import { attentionText, reviewFlagText } from '../../src/core/planner/labels';
import type { Cadence, CheckIn, Stage } from '../../src/core/records';

const rec = (stage: Stage, opts: { start?: string; checkIns?: CheckIn[]; cadence?: Cadence; review?: string } = {}) => ({
  stage,
  start: opts.start,
  review: opts.review,
  checkIns: opts.checkIns ?? [],
  cadence: opts.cadence ?? ('monthly' as Cadence),
});

/** The same arithmetic with Date, as the schedule once did it: the reference for the calendar's own. */
const viaDate = {
  days(date: string): number {
    const d = new Date(0);
    d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    return Math.round(d.getTime() / 86_400_000);
  },
  date(days: number): string {
    const d = new Date(days * 86_400_000);
    return `${String(d.getUTCFullYear()).padStart(4, '0')}-${d.toISOString().slice(-19, -14)}`;
  },
};

describe('planner: dates', () => {
  it('counts days as Date does, for every kind of year from 0000 to 9999', () => {
    const dates = fc
      .record({ y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 99, 100, 400, 1600, 1900, 2000, 2024, 2100, 9999)), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])).padStart(2, '0')}`);
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: -800, max: 800 }), (a, b, k) => {
        assert.strictEqual(daysBetween(a, b), viaDate.days(b) - viaDate.days(a), `${a} to ${b}`);
        const target = viaDate.days(a) + k;
        const expected = viaDate.date(target);
        if (/^\d{4}-/.test(expected) && Number(expected.slice(0, 4)) <= 9999 && target >= viaDate.days('0000-01-01')) assert.strictEqual(addDays(a, k), expected, `${a} + ${k}`);
      }),
      { numRuns: 20_000 },
    );
    assert.strictEqual(addDays('1999-12-31', 1), '2000-01-01');
    assert.strictEqual(addDays('2000-02-28', 1), '2000-02-29');
    assert.strictEqual(addDays('2100-02-28', 1), '2100-03-01');
    assert.strictEqual(addDays('0000-03-01', -1), '0000-02-29');
    assert.strictEqual(addDays('1970-01-01', -1), '1969-12-31');
    assert.strictEqual(daysBetween('1970-01-01', '2026-12-08'), 20_795);
    assert.throws(() => addDays('9999-12-31', 1), /year 10000/);
  });

  it('clamps month arithmetic to the end of the month', () => {
    assert.strictEqual(addMonths('2026-01-31', 1), '2026-02-28');
    assert.strictEqual(addMonths('2028-01-31', 1), '2028-02-29');
    assert.strictEqual(addMonths('2026-03-31', 1), '2026-04-30');
    assert.strictEqual(addMonths('2026-11-30', 3), '2027-02-28');
    assert.strictEqual(addMonths('2026-12-15', 1), '2027-01-15');
    assert.strictEqual(addMonths('2026-03-31', -1), '2026-02-28');
    assert.strictEqual(addMonths('0050-01-31', 1), '0050-02-28');
  });

  it('counts days across months, leap days and years', () => {
    assert.strictEqual(daysBetween('2026-02-28', '2026-03-01'), 1);
    assert.strictEqual(daysBetween('2028-02-28', '2028-03-01'), 2);
    assert.strictEqual(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.strictEqual(daysBetween('2026-03-10', '2026-03-01'), -9);
    assert.throws(() => daysBetween('2026-02-30', '2026-03-01'), RangeError);
  });
});

describe('planner: nextCheckIn', () => {
  it('is one cadence after the latest check-in, whatever order they are written in', () => {
    const r = rec('active', { start: '2025-06-01', checkIns: [{ date: '2026-01-31' }, { date: '2025-12-15' }] });
    assert.deepStrictEqual(nextCheckIn(r, '2026-02-01'), { status: 'ok', due: '2026-02-28', overdueDays: 0, from: 'last-check-in' });
  });

  it('clamps a monthly check-in from the 31st to the end of February', () => {
    const r = rec('active', { checkIns: [{ date: '2028-01-31' }] });
    assert.strictEqual(nextCheckIn(r, '2028-02-01').due, '2028-02-29');
    assert.deepStrictEqual(nextCheckIn(r, '2028-03-02'), { status: 'overdue', due: '2028-02-29', overdueDays: 2, from: 'last-check-in' });
  });

  it('counts from the start date when there has been no check-in', () => {
    const r = rec('agreed', { start: '2026-01-10', cadence: 'weekly' });
    assert.deepStrictEqual(nextCheckIn(r, '2026-01-12'), { status: 'ok', due: '2026-01-17', overdueDays: 0, from: 'start' });
    assert.strictEqual(nextCheckIn(r, '2026-01-15').status, 'due-soon');
    assert.strictEqual(nextCheckIn(r, '2026-01-17').status, 'due-soon');
    assert.deepStrictEqual(nextCheckIn(r, '2026-01-18'), { status: 'overdue', due: '2026-01-17', overdueDays: 1, from: 'start' });
  });

  it('uses each cadence', () => {
    const due = (cadence: Cadence) => nextCheckIn(rec('active', { start: '2026-01-31', cadence }), '2026-01-31').due;
    assert.strictEqual(due('weekly'), '2026-02-07');
    assert.strictEqual(due('bi-weekly'), '2026-02-14');
    assert.strictEqual(due('monthly'), '2026-02-28');
    assert.strictEqual(due('quarterly'), '2026-04-30');
  });

  it('shows due soon within the window before the date (7 days for monthly)', () => {
    const r = rec('active', { checkIns: [{ date: '2026-01-15' }] });
    assert.strictEqual(nextCheckIn(r, '2026-02-07').status, 'ok');
    assert.strictEqual(nextCheckIn(r, '2026-02-08').status, 'due-soon');
    assert.strictEqual(nextCheckIn(r, '2026-02-15').status, 'due-soon');
    assert.strictEqual(nextCheckIn(r, '2026-02-16').status, 'overdue');
  });

  it('has nothing due before an agreement or after the end', () => {
    for (const stage of ['prospect', 'contacted', 'ended'] as Stage[]) {
      assert.deepStrictEqual(nextCheckIn(rec(stage, { start: '2026-01-01', checkIns: [{ date: '2026-01-01' }] }), '2026-06-01'), { status: 'not-running', due: undefined, overdueDays: 0 });
      assert.deepStrictEqual(checkInSchedule(rec(stage)), { running: false });
    }
  });

  it('has a first check-in due today for a running partnership with nothing to count from', () => {
    assert.deepStrictEqual(nextCheckIn(rec('active'), '2026-05-05'), { status: 'due-soon', due: '2026-05-05', overdueDays: 0, from: 'none' });
  });

  it('refuses a malformed today', () => {
    assert.throws(() => nextCheckIn(rec('active'), '5/5/2026'), RangeError);
  });

  it('counts the overdue ones', () => {
    const records = [
      rec('active', { checkIns: [{ date: '2026-01-01' }] }),
      rec('agreed', { start: '2026-02-20' }),
      rec('ended', { checkIns: [{ date: '2025-01-01' }] }),
      rec('active', { start: '2025-12-01', cadence: 'quarterly' }),
      rec('active', { checkIns: [{ date: '2026-02-01' }], cadence: 'weekly' }),
    ];
    assert.strictEqual(overdueCount(records, '2026-03-01'), 2);
  });
});

describe('planner: reviewStatus', () => {
  it('tells how far off the review date is', () => {
    assert.deepStrictEqual(reviewStatus(rec('active', { review: '2026-07-15' }), '2026-06-01'), { status: 'ok', review: '2026-07-15', daysUntil: 44 });
    assert.deepStrictEqual(reviewStatus(rec('active', { review: '2026-07-15' }), '2026-07-01'), { status: 'due-soon', review: '2026-07-15', daysUntil: 14 });
    assert.deepStrictEqual(reviewStatus(rec('agreed', { review: '2026-07-15' }), '2026-07-15'), { status: 'due-soon', review: '2026-07-15', daysUntil: 0 });
    assert.deepStrictEqual(reviewStatus(rec('active', { review: '2026-07-15' }), '2026-07-16'), { status: 'overdue', review: '2026-07-15', daysUntil: -1 });
  });

  it('has nothing to review without a date, or when the partnership is not running', () => {
    assert.deepStrictEqual(reviewStatus(rec('active'), '2026-06-01'), { status: 'none', review: undefined, daysUntil: undefined });
    assert.deepStrictEqual(reviewStatus(rec('ended', { review: '2026-01-01' }), '2026-06-01'), { status: 'not-running', review: '2026-01-01', daysUntil: undefined });
  });
});

describe('planner: reviewFlag', () => {
  it('flags a review that has passed or is near, relative to today', () => {
    assert.deepStrictEqual(reviewFlag(rec('active', { review: '2026-07-15' }), '2026-07-21'), { status: 'overdue', review: '2026-07-15', daysUntil: -6 });
    assert.deepStrictEqual(reviewFlag(rec('agreed', { review: '2026-07-15' }), '2026-07-10'), { status: 'due-soon', review: '2026-07-15', daysUntil: 5 });
    assert.deepStrictEqual(reviewFlag(rec('active', { review: '2026-07-15' }), '2026-07-15'), { status: 'due-soon', review: '2026-07-15', daysUntil: 0 });
    assert.strictEqual(reviewFlag(rec('active', { review: '2026-07-15' }), '2026-06-01'), undefined);
  });

  it('leaves ended and not yet agreed partnerships alone', () => {
    assert.strictEqual(reviewFlag(rec('ended', { review: '2026-01-01' }), '2026-06-01'), undefined);
    assert.strictEqual(reviewFlag(rec('prospect', { review: '2026-01-01' }), '2026-06-01'), undefined);
    assert.strictEqual(reviewFlag({ review: '2026-01-01' }, '2026-06-01'), undefined);
  });

  it('ignores a review date that is not a date', () => {
    for (const review of ['2026-13-01', 'soon', '2026-02-30', '', '0000-01-01T00:00']) assert.strictEqual(reviewFlag(rec('active', { review }), '2026-06-01'), undefined, review);
    assert.strictEqual(reviewFlag({ stage: 'active', review: 20260101 as unknown as string }, '2026-06-01'), undefined);
  });

  it('counts the running partnerships whose review has passed', () => {
    const records = [rec('active', { review: '2026-05-01' }), rec('agreed', { review: '2026-05-31' }), rec('active', { review: '2026-06-01' }), rec('ended', { review: '2026-01-01' }), rec('active', { review: 'bad' })];
    assert.strictEqual(reviewsOverdueCount(records, '2026-06-01'), 2);
  });
});

describe('planner: review wording', () => {
  it('says "review overdue" and "review due in N days", and counts reviews beside check-ins', () => {
    assert.strictEqual(reviewFlagText({ status: 'overdue', daysUntil: -6 }), 'review overdue');
    assert.strictEqual(reviewFlagText({ status: 'due-soon', daysUntil: 5 }), 'review due in 5 days');
    assert.strictEqual(reviewFlagText({ status: 'due-soon', daysUntil: 1 }), 'review due tomorrow');
    assert.strictEqual(reviewFlagText({ status: 'due-soon', daysUntil: 0 }), 'review due today');
    assert.strictEqual(attentionText(1, 0), '1 check-in overdue');
    assert.strictEqual(attentionText(3, 0), '3 check-ins overdue');
    assert.strictEqual(attentionText(0, 1), '1 review overdue');
    assert.strictEqual(attentionText(2, 1), '2 check-ins overdue, 1 review overdue');
  });
});
