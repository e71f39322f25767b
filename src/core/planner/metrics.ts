import { BENCHMARKS, benchmarkFor, type Range, type SuccessMetricId } from '../domain';
import type { PartnershipRecord } from '../records/schema';

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

export function metricAgainstBenchmark(record: RecordMetrics, metric: SuccessMetricId): MetricCheck {
  const series = metricSeries(record, metric);
  const last = series[series.length - 1];
  const bench = metricBenchmark(record, metric);
  const latest = last ? { latest: last.value, latestDate: last.date } : {};
  if (!bench) return { ...latest, status: 'no-benchmark' };
  if (!last) return { status: 'no-data', benchmark: bench.range, unit: bench.unit };
  const status = last.value < bench.range.low ? 'below' : last.value > bench.range.high ? 'above' : 'within';
  return { ...latest, status, benchmark: bench.range, unit: bench.unit };
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
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

  const times = points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const datesUsable = times.every(Number.isFinite);
  const first = datesUsable ? times.reduce((a, b) => Math.min(a, b)) : 0;
  const span = datesUsable ? times.reduce((a, b) => Math.max(a, b)) - first : 0;
  const x = (i: number) => (span > 0 ? ((times[i] - first) / span) * width : (i / (points.length - 1)) * width);

  // Halved first: the spread of two extreme values (1e308 and -1e308) would overflow to Infinity
  // and every point would be NaN.
  const values = points.map((p) => p.value / 2);
  const low = values.reduce((a, b) => Math.min(a, b));
  const high = values.reduce((a, b) => Math.max(a, b));
  const y = (half: number) => (high === low ? height / 2 : height - ((half - low) / (high - low)) * height);
  return points.map((_p, i) => `${fmt(x(i))},${fmt(y(values[i]))}`).join(' ');
}
