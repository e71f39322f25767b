// What the pipeline holds for the coming quarter, in numbers: the sums of the playbook's
// benchmark ranges (./forecast.ts adds the words: cost notes and engagement). No labels here:
// the planner's view asks for the pipeline's forecast when it opens.
import { benchmarkFor, type PartnershipTypeId, type Range } from '../domain';
import type { Stage } from '../records/stages';

export interface PlannedActivity {
  type: PartnershipTypeId;
  /** How many units: swaps, events, pieces or launches, as the type's benchmark counts them. */
  count: number;
}

/** How many units a count is: a positive number rounded down (half an event is no event), else 0. */
export function units(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

/** A plan's new members and cost: each type's benchmark range per unit times its count; types without a benchmark add nothing. */
export function planRanges(plan: readonly PlannedActivity[]): { newMembers: Range; cost: Range } {
  let members = { low: 0, high: 0 };
  let cost = { low: 0, high: 0 };
  for (const { type, count } of plan) {
    const benchmark = benchmarkFor(type);
    const n = units(count);
    if (!benchmark || n === 0) continue;
    members = { low: members.low + benchmark.newMembers.low * n, high: members.high + benchmark.newMembers.high * n };
    cost = { low: cost.low + benchmark.cost.low * n, high: cost.high + benchmark.cost.high * n };
  }
  return { newMembers: members, cost };
}

// ---- The pipeline's forecast -----------------------------------------------------------------

/** The stages whose partnerships run in the coming quarter: agreed ones start, active ones go on. */
export const RUNNING_STAGES = ['agreed', 'active'] as const satisfies readonly Stage[];

export interface PipelinePartnership {
  id: string;
  partner: string;
  stage: Stage;
  types: readonly PartnershipTypeId[];
  /** The partner's community size, when the record gives it. */
  partnerSize?: number;
}

export interface PartnershipForecast {
  id: string;
  partner: string;
  stage: Stage;
  types: PartnershipTypeId[];
  partnerSize?: number;
  /** New members from one unit of each of its types, no more than the partner's size. */
  newMembers: Range;
  cost: Range;
  /** The benchmark's range went past the partner's size and was cut to it. */
  capped: boolean;
}

export interface PipelineForecast {
  /** The partnerships of the running stages, by partner name; the first `limit` of them. */
  rows: PartnershipForecast[];
  /** How many partnerships are at the running stages (rows may list fewer). */
  count: number;
  newMembers: Range;
  cost: Range;
  /** Every type of the running partnerships, once each: what the engagement and cost notes speak of. */
  types: PartnershipTypeId[];
  /** Running partnerships without a type: nothing to forecast for them. */
  untyped: number;
}

/**
 * What the pipeline holds for the coming quarter, from the playbook's benchmarks: each partnership
 * at a running stage is taken to do one unit (one swap, event, piece or launch) of each of its
 * types, as the playbook says to start ("one event or piece before anything ongoing"). No
 * partnership brings more new members than its community has, so a range is cut to the partner's
 * size when the record gives it. Types without a benchmark add nothing.
 */
export function pipelineForecast(partnerships: Iterable<PipelinePartnership>, limit = 50): PipelineForecast {
  const running = new Set<string>(RUNNING_STAGES);
  const rows: PartnershipForecast[] = [];
  const types = new Set<PartnershipTypeId>();
  let count = 0;
  let untyped = 0;
  let members = { low: 0, high: 0 };
  let cost = { low: 0, high: 0 };
  for (const p of partnerships) {
    if (!running.has(p.stage)) continue;
    count++;
    if (p.types.length === 0) untyped++;
    for (const t of p.types) types.add(t);
    const f = planRanges(p.types.map((type) => ({ type, count: 1 })));
    const size = p.partnerSize !== undefined && Number.isFinite(p.partnerSize) && p.partnerSize >= 0 ? Math.floor(p.partnerSize) : undefined;
    const capped = size !== undefined && f.newMembers.high > size;
    const range = size === undefined ? f.newMembers : { low: Math.min(f.newMembers.low, size), high: Math.min(f.newMembers.high, size) };
    members = { low: members.low + range.low, high: members.high + range.high };
    cost = { low: cost.low + f.cost.low, high: cost.high + f.cost.high };
    if (rows.length < limit) rows.push({ id: p.id, partner: p.partner, stage: p.stage, types: [...p.types], ...(size !== undefined ? { partnerSize: size } : {}), newMembers: range, cost: f.cost, capped });
  }
  rows.sort((a, b) => a.partner.localeCompare(b.partner));
  return { rows, count, newMembers: members, cost, types: [...types], untyped };
}
