import { BENCHMARKS, benchmarkFor, type Range, type SuccessMetricId } from '../domain';
import type { MetricEntry, PartnershipRecord } from '../records/schema';

/*
 * Which benchmark a success metric is held against:
 * - cross-community-joins: new members per unit (one swap, event, piece or launch) of the
 *   benchmarks of the record's types; each entry is read as the joins from one unit. A record
 *   with types under several benchmarks is held against the span from the lowest low to the
 *   highest high, so a good event is not called "below" because the record also has a swap.
 *   Types the playbook has no numbers for (mutual promotion, say) give no benchmark.
 * - event-attendance: the co-hosted event's cross-community attendance, 40-60 percent, whatever
 *   the record's types: the metric is about events by its name. Values are percents (45 = 45%).
 * - content-engagement: the content collab's 2-3x engagement on co-created content; values are
 *   multipliers (2.5 = two and a half times the usual engagement).
 * - newsletter-open-rate: the newsletter swap's 10-20 percent open rate on partner content.
 * - feature-activation: the integration partnership's 25-40 percent activation on integrated
 *   features. Both in percents, whatever the record's types, as event-attendance.
 * - member-overlap and satisfaction: the playbook gives no numbers, so no benchmark.
 * Ranges are inclusive: a value on either bound is within.
 */

export type MetricStatus = 'below' | 'within' | 'above' | 'no-benchmark' | 'no-data';

export interface MetricCheck {
  /** The value of the latest entry (by date; the later line for two on one day). */
  latest?: number;
  latestDate?: string;
  /** `no-benchmark` wins over `no-data`: with no benchmark there is nothing to be missing. */
  status: MetricStatus;
  benchmark?: Range;
  /** `percent`, `multiplier` or `members` (new members per unit): how to show the numbers. */
  unit?: 'percent' | 'multiplier' | 'members';
}

type RecordMetrics = Pick<PartnershipRecord, 'types' | 'metrics'>;

export function metricBenchmark(record: Pick<PartnershipRecord, 'types'>, metric: SuccessMetricId): { range: Range; unit: MetricCheck['unit'] } | undefined {
  switch (metric) {
    case 'cross-community-joins': {
      let range: Range | undefined;
      for (const type of record.types) {
        const b = benchmarkFor(type);
        if (!b) continue;
        range = range ? { low: Math.min(range.low, b.newMembers.low), high: Math.max(range.high, b.newMembers.high) } : b.newMembers;
      }
      return range && { range, unit: 'members' };
    }
    case 'event-attendance':
      return { range: benchmarkById('co-hosted-event'), unit: 'percent' };
    case 'content-engagement':
      return { range: benchmarkById('content-collab'), unit: 'multiplier' };
    case 'newsletter-open-rate':
      return { range: benchmarkById('newsletter-swap'), unit: 'percent' };
    case 'feature-activation':
      return { range: benchmarkById('integration'), unit: 'percent' };
    default:
      return undefined;
  }
}

function benchmarkById(id: 'co-hosted-event' | 'content-collab' | 'newsletter-swap' | 'integration'): Range {
  const b = BENCHMARKS.find((x) => x.id === id);
  // The domain table lists both; a missing one is a programming error worth failing loudly on.
  if (!b) throw new Error(`No ${id} benchmark in the domain table.`);
  return b.engagement.range;
}

/** A metric's entries, oldest first; entries of one day keep the order they are written in. */
export function metricSeries(record: Pick<PartnershipRecord, 'metrics'>, metric: SuccessMetricId): { date: string; value: number }[] {
  return record.metrics
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.metric === metric && Number.isFinite(m.value))
    .sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : a.i - b.i))
    .map(({ m }) => ({ date: m.date, value: m.value }));
}

/**
 * Whether an entry is a total at its date (a running count, a level) rather than the result of one
 * swap, event or piece. Member overlap is a total by its nature; any other entry when it says
 * `cumulative: true` (Count Attributed Sign-ups writes it: sign-ups since the start).
 */
export function isTotal(entry: Pick<MetricEntry, 'metric' | 'cumulative'>): boolean {
  return entry.cumulative === true || entry.metric === 'member-overlap';
}

/** Where an entry's value came from: measured from an export (it names its `source`) or typed. */
export function isMeasured(entry: Pick<MetricEntry, 'source'>): boolean {
  return typeof entry.source === 'string' && entry.source.trim() !== '';
}

/** One kind of value of a metric: drawn as a series of its own, never joined with another kind. */
export interface MetricKind {
  /** `total`: running totals or levels, drawn as a line; `unit`: one swap's, event's or piece's result each, drawn as points. */
  basis: 'total' | 'unit';
  origin: 'measured' | 'typed';
}

export interface KindSeries<E> {
  kind: MetricKind;
  /** Oldest first; entries of one day in the order they are written. */
  points: { date: string; value: number; index: number; entry: E }[];
}

/**
 * A metric's entries split by kind (per unit or total, measured or typed), in a fixed order:
 * per-unit typed, per-unit measured, total typed, total measured. Only kinds with entries are given.
 */
export function metricSeriesByKind<E extends MetricEntry>(record: { metrics: readonly E[] }, metric: SuccessMetricId): KindSeries<E>[] {
  const sorted = record.metrics
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.metric === metric && Number.isFinite(entry.value))
    .sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.index - b.index));
  const out: KindSeries<E>[] = [];
  for (const basis of ['unit', 'total'] as const) {
    for (const origin of ['typed', 'measured'] as const) {
      const points = sorted
        .filter(({ entry }) => (isTotal(entry) ? 'total' : 'unit') === basis && (isMeasured(entry) ? 'measured' : 'typed') === origin)
        .map(({ entry, index }) => ({ date: entry.date, value: entry.value, index, entry }));
      if (points.length) out.push({ kind: { basis, origin }, points });
    }
  }
  return out;
}

/**
 * The entry a metric's check is about: the latest by date (the later line for two on one day).
 * A running total of joins is left out: the per-unit benchmark says nothing of it.
 */
export function latestEntry<E extends MetricEntry>(record: { metrics: readonly E[] }, metric: SuccessMetricId, totals = false): E | undefined {
  let best: E | undefined;
  for (const e of record.metrics) {
    if (e.metric !== metric || !Number.isFinite(e.value)) continue;
    if (metric === 'cross-community-joins' && (e.cumulative === true) !== totals) continue;
    if (!best || e.date >= best.date) best = e;
  }
  return best;
}

export function metricAgainstBenchmark(record: RecordMetrics, metric: SuccessMetricId): MetricCheck {
  const last = latestEntry(record, metric);
  const bench = metricBenchmark(record, metric);
  const latest = last ? { latest: last.value, latestDate: last.date } : {};
  if (!bench) return { ...latest, status: 'no-benchmark' };
  if (!last) return { status: 'no-data', benchmark: bench.range, unit: bench.unit };
  const status = last.value < bench.range.low ? 'below' : last.value > bench.range.high ? 'above' : 'within';
  return { ...latest, status, benchmark: bench.range, unit: bench.unit };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function fmt(n: number): string {
  return String(round(n));
}

/**
 * Points for an SVG `<polyline>` drawing a series (in date order) in a width x height box (y grows downwards,
 * so higher values are drawn higher). Points are placed by date, so uneven gaps between
 * measurements show as such; a series all on one day is spread evenly instead. One point, or
 * values all equal, give a flat line across the middle; no points give an empty string.
 */
export function sparklinePoints(series: readonly { date: string; value: number }[], width: number, height: number): string {
  const points = series.filter((p) => Number.isFinite(p.value));
  if (points.length === 0 || !(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) return '';
  if (points.length === 1) return `0,${fmt(height / 2)} ${fmt(width)},${fmt(height / 2)}`;
  return chartPoints([points], width, height)[0].map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ');
}

/**
 * Places several series in one box on shared axes (by date across, by value up; y grows
 * downwards), so that series of one metric can be compared; each series keeps its own points,
 * in its own order. All points on one day are spread evenly in date-then-series order; one point,
 * or values all equal, sit on the middle line. Values that are not finite are left out.
 */
export function chartPoints(seriesList: readonly (readonly { date: string; value: number }[])[], width: number, height: number): { x: number; y: number }[][] {
  const lists = seriesList.map((s) => s.filter((p) => Number.isFinite(p.value)));
  const all = lists.flat();
  if (all.length === 0 || !(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) return lists.map(() => []);
  const time = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const datesUsable = all.every((p) => Number.isFinite(time(p.date)));
  const times = all.map((p) => (datesUsable ? time(p.date) : 0));
  const first = times.reduce((a, b) => Math.min(a, b));
  const span = times.reduce((a, b) => Math.max(a, b)) - first;
  // Without a span of dates, points are spread by their place among all of them.
  const order: number[] = [];
  all.map((p, i) => ({ p, i })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i)).forEach(({ i }, k) => (order[i] = k));
  const x = (i: number) => (all.length === 1 ? width / 2 : span > 0 ? ((times[i] - first) / span) * width : (order[i] / (all.length - 1)) * width);
  // Halved first: the spread of two extreme values (1e308 and -1e308) would overflow to Infinity.
  const halves = all.map((p) => p.value / 2);
  const low = halves.reduce((a, b) => Math.min(a, b));
  const high = halves.reduce((a, b) => Math.max(a, b));
  const y = (v: number) => (high === low ? height / 2 : height - ((v / 2 - low) / (high - low)) * height);
  let at = 0;
  return lists.map((list) => list.map((p) => ({ x: round(x(at++)), y: round(y(p.value)) })));
}
