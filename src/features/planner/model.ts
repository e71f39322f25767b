/*
 * The planner page's display logic, without the DOM: what each part of the view shows, worked
 * out from the record and today's date. The page (src/features/planner/page.ts) only renders what
 * these functions give. Tested in plain Node (test/unit/webview.planner.test.ts).
 */
import { SUCCESS_METRICS, type SuccessMetricId } from '../../core/domain';
import { l10n } from '../../core/l10n';
import { metricTitle, stageLabel } from '../../core/planner/labels';
import { applyChange, describeChange, type RecordChange } from '../../core/planner/changes';
import { nextCheckIn, reviewStatus } from '../../core/planner/checkins';
import { metricAgainstBenchmark, metricSeriesByKind, type MetricKind } from '../../core/planner/metrics';
import { formatCount, formatNumber } from '../../core/numbers';
import { formatDate } from '../../core/dates';
import type { CheckIn, MetricEntry, PartnershipRecord } from '../../core/records/schema';
import type { PlannerRecord } from './protocol';
import { Optimistic } from '../../webview/lib/optimistic';

/** The planner page's longer texts, in the display language (built after the page's bundle is read). */
export const PLANNER_TEXT = {
  noReview: l10n.t('No review date yet: set it in Review date above (it is written to the record as "review:").'),
  noCheckIns: l10n.t('No check-ins logged yet.'),
  noMeasurements: l10n.t('No measurements yet.'),
  emptyPipeline: l10n.t('No partnerships yet. Each partnership is a Markdown file in your partnerships folder: plain files you share and review in git.'),
  noMatch: l10n.t('No partnership matches these filters.'),
} as const;

// ---- The shown record: the file's record with the changes not yet written on top -----------

/**
 * The record the view shows. A change shows at once (`apply`), on top of the record as the file
 * last gave it; when its write answers, the file's record replaces it (`settle`), and when the
 * write fails the change goes (`rollback`) and the view shows the file's record again.
 */
export class ShownRecord {
  private readonly records = new Optimistic<PlannerRecord, RecordChange>({
    keyOf: (r) => r.id,
    applyChange: (r, change) => (r.record ? { ...r, record: applyChange(r.record, change) } : r),
    isOlder: (next, current) => next.seq < current.seq,
  });
  private shownId: string | undefined;

  get id(): string | undefined {
    return this.shownId;
  }

  get hasPending(): boolean {
    return this.records.hasPending();
  }

  /** The record as the view shows it, or undefined before the first answer. */
  get value(): PlannerRecord | undefined {
    return this.shownId === undefined ? undefined : this.records.shown(this.shownId);
  }

  /**
   * The file's record, from the extension (an answer, or news that the file changed). One read
   * before the record shown is older and is not taken (false): two reads of the file may finish
   * in either order, and the older must not undo the newer.
   */
  receive(next: PlannerRecord): boolean {
    if (this.isOlder(next)) return false;
    if (next.id !== this.shownId) this.records.clear(true);
    this.shownId = next.id;
    return this.records.receive(next);
  }

  /** Whether `next` is the record shown, read before it was. */
  isOlder(next: PlannerRecord): boolean {
    return next.id === this.shownId && this.records.isOlder(next);
  }

  /** Whether `next` says the same as the record as the file last gave it (its number aside). */
  sameAsConfirmed(next: PlannerRecord): boolean {
    const c = this.shownId === undefined ? undefined : this.records.confirmed(this.shownId);
    return !!c && c.id === next.id && JSON.stringify({ ...c, seq: 0 }) === JSON.stringify({ ...next, seq: 0 });
  }

  clear(): void {
    this.shownId = undefined;
    this.records.clear(true);
  }

  /** Shows a change at once; the token settles or rolls it back. Undefined when there is no record to change. */
  apply(change: RecordChange): number | undefined {
    if (this.shownId === undefined || !this.records.confirmed(this.shownId)?.record) return undefined;
    return this.records.apply(this.shownId, change);
  }

  settle(token: number, result: PlannerRecord | undefined): void {
    this.records.settle(token, result);
  }

  /** Takes the change back; what it was, for the message. */
  rollback(token: number): string | undefined {
    const p = this.records.rollback(token);
    return p && describeChange(p.change);
  }

  /**
   * Writes changes already shown (a run of changes to one field is written once): settled with
   * the record the answer gives, or taken back when the write fails (the failure is thrown on
   * for the page to show).
   */
  send<R>(tokens: readonly number[], request: () => Promise<R>, recordOf: (result: R) => PlannerRecord | undefined): Promise<R> {
    return this.records.send(tokens, request, recordOf);
  }
}

// ---- Check-ins and the review date -----------------------------------------------------------

export interface DueLine {
  text: string;
  status: 'overdue' | 'due-soon' | 'scheduled' | 'none';
  icon: string;
}

export function reviewLine(record: PartnershipRecord, today: string): DueLine {
  const review = reviewStatus(record, today);
  if (review.status === 'none') return { text: PLANNER_TEXT.noReview, status: 'none', icon: 'milestone' };
  if (review.status === 'overdue') return { text: l10n.t('Review was due {0}', formatDate(review.review ?? '')), status: 'overdue', icon: 'milestone' };
  const date = review.review ?? '';
  const text =
    review.daysUntil === undefined
      ? l10n.t('Review: {0}', date)
      : review.daysUntil === 0
        ? l10n.t('Review: {0} (today)', date)
        : review.daysUntil === 1
          ? l10n.t('Review: {0} (tomorrow)', date)
          : l10n.t('Review: {0} (in {1} days)', date, review.daysUntil);
  return { text, status: review.status === 'due-soon' ? 'due-soon' : 'scheduled', icon: 'milestone' };
}

export function nextCheckInLine(record: PartnershipRecord, today: string): DueLine {
  const next = nextCheckIn(record, today);
  if (next.status === 'not-running') return { text: l10n.t('No check-ins are due at the {0} stage.', stageLabel(record.stage)), status: 'none', icon: 'calendar' };
  if (next.status === 'overdue')
    return { text: next.overdueDays === 1 ? l10n.t('Overdue: was due {0} (1 day ago)', formatDate(next.due ?? '')) : l10n.t('Overdue: was due {0} ({1} days ago)', formatDate(next.due ?? ''), formatCount(next.overdueDays ?? 0)), status: 'overdue', icon: 'bell-dot' };
  if (next.status === 'due-soon') return { text: l10n.t('Due soon: {0}', formatDate(next.due ?? '')), status: 'due-soon', icon: 'calendar' };
  return { text: l10n.t('Next check-in: {0}', formatDate(next.due ?? '')), status: 'scheduled', icon: 'calendar' };
}

export interface CheckInItem {
  /** The entry's place in the record's list: what an edit or a delete names. */
  index: number;
  entry: CheckIn;
}

/** The check-ins, latest first, each with its place in the record. */
export function checkInItems(record: PartnershipRecord, limit = 5): CheckInItem[] {
  return record.checkIns
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : b.index - a.index))
    .slice(0, limit);
}

// ---- Metrics ----------------------------------------------------------------------------------

export function unitText(value: number, unit: string | undefined): string {
  const n = formatNumber(value, undefined, 2);
  return unit === 'percent' ? `${n}%` : unit === 'multiplier' ? `${n}x` : n;
}

/** The figures a measured value stands on: "38% (42 of 110)", "73 of 400". */
export function figuresText(entry: MetricEntry, unit: string | undefined): string {
  const value = unitText(entry.value, unit);
  const n = (x: number) => formatCount(x);
  if (entry.count !== undefined && entry.of !== undefined) return l10n.t('{0} ({1} of {2})', value, n(entry.count), n(entry.of));
  if (entry.of !== undefined) return l10n.t('{0} of {1}', value, n(entry.of));
  if (entry.count !== undefined) return l10n.t('{0} ({1} counted)', value, n(entry.count));
  return value;
}

/** What a kind of entry is called in the chart's legend and tooltips. */
export function kindLabel(metric: SuccessMetricId, kind: MetricKind): string {
  if (kind.basis === 'total') return kind.origin === 'measured' ? l10n.t('total to date, measured from a file') : l10n.t('total to date, typed');
  const per: Record<SuccessMetricId, string> = {
    'cross-community-joins': l10n.t('per swap, event or piece'),
    'event-attendance': l10n.t('per event'),
    'content-engagement': l10n.t('per piece'),
    'newsletter-open-rate': l10n.t('per swap'),
    'feature-activation': l10n.t('per launch'),
    'member-overlap': l10n.t('per measurement'),
    satisfaction: l10n.t('per check-in'),
  };
  return kind.origin === 'measured' ? l10n.t('{0}, measured from a file', per[metric]) : l10n.t('{0}, typed', per[metric]);
}

export interface MetricChartSeries {
  label: string;
  /** Totals are joined by a line; results of one unit each stand alone. */
  joined: boolean;
  className: string;
  points: { date: string; value: number; text: string }[];
}

export interface MetricEntryItem {
  /** The entry's place in the record's list: what an edit or a delete names. */
  index: number;
  entry: MetricEntry;
  /** The value, its figures and date (a typed entry's note too). */
  text: string;
  /** A measured entry's file and note: "from luma.csv · 42 of 110 attendees ...". */
  detail?: string;
}

export interface MetricGroup {
  id: SuccessMetricId;
  title: string;
  latest: string;
  status?: 'below' | 'within' | 'above';
  benchmark: string;
  chartLabel: string;
  /** One series per kind of entry (per unit or total, measured or typed): never one line across kinds. */
  series: MetricChartSeries[];
  /** Every measurement of this metric, latest first, with its place in the record. */
  entries: MetricEntryItem[];
}

function entryItem(entry: MetricEntry, index: number, unit: string | undefined): MetricEntryItem {
  const value = figuresText(entry, unit);
  const source = entry.source?.trim();
  if (!source) return { index, entry, text: entry.note ? l10n.t('{0} on {1} ({2})', value, entry.date, entry.note) : l10n.t('{0} on {1}', value, entry.date) };
  const from = l10n.t('from {0}', source);
  return { index, entry, text: l10n.t('{0} on {1}', value, entry.date), detail: entry.note ? l10n.t('{0} · {1}', from, entry.note) : from };
}

/** "45 on 2026-10-01, 120 on 2026-11-01": what a screen reader says of a series. */
function valuesText(points: readonly { date: string; value: number }[], unit: string | undefined): string {
  return points.map((p) => l10n.t('{0} on {1}', unitText(p.value, unit), p.date)).join(', ');
}

export function metricGroups(record: PartnershipRecord): MetricGroup[] {
  const out: MetricGroup[] = [];
  for (const m of SUCCESS_METRICS) {
    const kinds = metricSeriesByKind(record, m.id);
    if (kinds.length === 0) continue;
    const check = metricAgainstBenchmark(record, m.id);
    const entries = record.metrics
      .map((entry, index) => ({ entry, index }))
      .filter((e) => e.entry.metric === m.id)
      .sort((a, b) => (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : b.index - a.index))
      .map((e) => entryItem(e.entry, e.index, check.unit));
    const title = metricTitle(m.id);
    const series = kinds.map((k) => {
      const label = kindLabel(m.id, k.kind);
      return {
        label,
        joined: k.kind.basis === 'total',
        className: `${k.kind.basis} ${k.kind.origin}`,
        points: k.points.map((p) => ({ date: p.date, value: p.value, text: l10n.t('{0}: {1}', label, entryItem(p.entry, p.index, check.unit).text) })),
      };
    });
    // Without a per-unit value to hold against the benchmark, the latest total is what there is.
    const lastTotal = kinds.filter((k) => k.kind.basis === 'total').flatMap((k) => k.points).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index)).pop();
    const latest = check.latest !== undefined ? unitText(check.latest, check.unit) : lastTotal ? unitText(lastTotal.value, check.unit) : '-';
    out.push({
      id: m.id,
      title,
      latest,
      status: check.status === 'below' || check.status === 'within' || check.status === 'above' ? check.status : undefined,
      benchmark: check.benchmark ? l10n.t('benchmark {0}–{1}', unitText(check.benchmark.low, check.unit), unitText(check.benchmark.high, check.unit)) : l10n.t('no benchmark'),
      chartLabel: l10n.t('{0}: {1}', title, series.map((s) => (series.length > 1 ? l10n.t('{0}: {1}', s.label, valuesText(s.points, check.unit)) : valuesText(s.points, check.unit))).join('; ')),
      series,
      entries,
    });
  }
  return out;
}

// ---- Keyboard ---------------------------------------------------------------------------------

/**
 * Where a key moves the focus in a radio group or a list that is one Tab stop (roving
 * tabindex): arrows move and wrap, Home and End go to the ends; undefined for any other key.
 */
export function rovingTarget(key: string, at: number, count: number, orientation: 'horizontal' | 'vertical' | 'both' = 'both'): number | undefined {
  if (count <= 0) return undefined;
  const prev = orientation === 'vertical' ? ['ArrowUp'] : orientation === 'horizontal' ? ['ArrowLeft'] : ['ArrowLeft', 'ArrowUp'];
  const next = orientation === 'vertical' ? ['ArrowDown'] : orientation === 'horizontal' ? ['ArrowRight'] : ['ArrowRight', 'ArrowDown'];
  if (prev.includes(key)) return (at - 1 + count) % count;
  if (next.includes(key)) return (at + 1) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** Which item of a roving group takes the Tab stop: the checked one, else the first. */
export function tabStop(checked: number | undefined, count: number): number {
  return checked !== undefined && checked >= 0 && checked < count ? checked : 0;
}
