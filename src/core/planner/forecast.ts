import { benchmarkFor, type BenchmarkId, type PartnershipTypeId, type Range } from '../domain';
import { l10n } from '../l10n';
import { benchmarkTitle, costNote, engagementWhat } from './labels';

/** Said beside every forecast, in the display language. */
export function forecastDisclaimer(): string {
  return l10n.t('These ranges add up the benchmarks of the community partnerships playbook for typical partnerships. They are a way to size a plan, not a promise: your results depend on your audience, the partner and the work you put in.');
}

export interface PlannedActivity {
  type: PartnershipTypeId;
  /** How many units: swaps, events, pieces or launches, as the type's benchmark counts them. */
  count: number;
}

export interface EngagementForecast {
  benchmarkId: BenchmarkId;
  /** The benchmark's title, such as "Newsletter swap". */
  benchmark: string;
  range: Range;
  kind: 'percent' | 'multiplier';
  /** What the range measures, such as "open rate on partner content". */
  what: string;
}

export interface Forecast {
  newMembers: Range;
  /** US dollars. */
  cost: Range;
  /** Costs that are not money, such as "Integration partnership: engineering time". */
  costNotes: string[];
  /** Engagement lifts are rates, not amounts: one entry per benchmark in the plan, never summed. */
  engagement: EngagementForecast[];
  /** Planned types the playbook gives no numbers for (mutual promotion, for one). */
  unbenchmarked: PartnershipTypeId[];
}

/**
 * Adds up the playbook's benchmark ranges for a plan: each type's new members and cost per unit
 * times its count. Counts that are not positive numbers add nothing; fractions are rounded down
 * (half an event is no event).
 */
export function forecast(plan: readonly PlannedActivity[]): Forecast {
  let members = { low: 0, high: 0 };
  let cost = { low: 0, high: 0 };
  const costNotes: string[] = [];
  const engagement: EngagementForecast[] = [];
  const unbenchmarked: PartnershipTypeId[] = [];
  for (const { type, count } of plan) {
    const benchmark = benchmarkFor(type);
    if (!benchmark) {
      if (!unbenchmarked.includes(type)) unbenchmarked.push(type);
      continue;
    }
    const n = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
    if (n === 0) continue;
    members = { low: members.low + benchmark.newMembers.low * n, high: members.high + benchmark.newMembers.high * n };
    cost = { low: cost.low + benchmark.cost.low * n, high: cost.high + benchmark.cost.high * n };
    const extra = costNote(benchmark.id);
    const note = extra ? l10n.t('{0}: {1}', benchmarkTitle(benchmark.id), extra) : undefined;
    if (note && !costNotes.includes(note)) costNotes.push(note);
    if (!engagement.some((e) => e.benchmarkId === benchmark.id)) {
      engagement.push({ benchmarkId: benchmark.id, benchmark: benchmarkTitle(benchmark.id), range: benchmark.engagement.range, kind: benchmark.engagement.kind, what: engagementWhat(benchmark.id) });
    }
  }
  return { newMembers: members, cost, costNotes, engagement, unbenchmarked };
}
