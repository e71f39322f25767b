import { benchmarkFor, type BenchmarkId, type PartnershipTypeId, type Range } from '../domain';
import { l10n } from '../l10n';
import { benchmarkTitle, costNote, engagementWhat } from './labels';
import { planRanges, units, type PlannedActivity } from './pipelineForecast';

// The pipeline's forecast (numbers only, no words) is a module of its own: the planner's view
// asks for it when it opens, without the labels this file's notes take.
export { RUNNING_STAGES, pipelineForecast, planRanges, type PartnershipForecast, type PipelineForecast, type PipelinePartnership, type PlannedActivity } from './pipelineForecast';

/** Said beside every forecast, in the display language. */
export function forecastDisclaimer(): string {
  return l10n.t('These ranges add up the benchmarks of the community partnerships playbook for typical partnerships. They are a way to size a plan, not a promise: your results depend on your audience, the partner and the work you put in.');
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
 * times its count (./pipelineForecast.ts), with the costs that are not money and the engagement
 * each benchmark of the plan names. Counts that are not positive numbers add nothing; fractions
 * are rounded down (half an event is no event).
 */
export function forecast(plan: readonly PlannedActivity[]): Forecast {
  const { newMembers, cost } = planRanges(plan);
  const costNotes: string[] = [];
  const engagement: EngagementForecast[] = [];
  const unbenchmarked: PartnershipTypeId[] = [];
  for (const { type, count } of plan) {
    const benchmark = benchmarkFor(type);
    if (!benchmark) {
      if (!unbenchmarked.includes(type)) unbenchmarked.push(type);
      continue;
    }
    if (units(count) === 0) continue;
    const extra = costNote(benchmark.id);
    const note = extra ? l10n.t('{0}: {1}', benchmarkTitle(benchmark.id), extra) : undefined;
    if (note && !costNotes.includes(note)) costNotes.push(note);
    if (!engagement.some((e) => e.benchmarkId === benchmark.id)) {
      engagement.push({ benchmarkId: benchmark.id, benchmark: benchmarkTitle(benchmark.id), range: benchmark.engagement.range, kind: benchmark.engagement.kind, what: engagementWhat(benchmark.id) });
    }
  }
  return { newMembers, cost, costNotes, engagement, unbenchmarked };
}
