import * as z from 'zod/mini';
import { PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS, CAUTION_AT, PURSUE_AT, playbookFor } from '../domain';
import type { PartnershipRecord } from '../records';
import { formatScore, scoreSummary, suggestSimilarSize, weightedScore } from '../planner/scorecard';
import { nextCheckIn, reviewStatus, isRunning, DUE_SOON_DAYS } from '../planner/checkins';
import { metricAgainstBenchmark } from '../planner/metrics';
import type { RecordSummary } from '../planner/recordIndex';
import { AssistantRefusal } from './store';
import * as s from './schemas';
import { about } from './catalog';
import { contextValues, empty, findRecord, summaryOut, tool, type ToolCode } from './toolKit';

// The tools that read the partnership records: the list, one record, the pipeline, the check-ins
// and the fit score (the editor loads them with the planner's index, without the pitch or the
// record writers).

function fitOut(scores: PartnershipRecord['scores']) {
  const w = weightedScore(scores);
  return {
    total: w.total === undefined ? undefined : formatScore(w.total, 'en'),
    exact: w.total,
    scoredCriteria: w.scored,
    verdict: w.verdict,
    summary: scoreSummary(w),
    rule: `${PURSUE_AT} or more: pursue; ${CAUTION_AT} to under ${PURSUE_AT}: proceed cautiously; under ${CAUTION_AT}: pass (a verdict once all ${SCORECARD_CRITERIA.length} criteria are scored)`,
    criteria: SCORECARD_CRITERIA.map((c) => ({ id: c.id, title: c.title, weight: c.weight, score: scores[c.id] })),
  };
}

const listInput = z.strictObject({
  text: z.optional(s.text(200, 'text', 'Words to find in the partner, community, contact, owners or type names.')),
  stage: z.optional(s.stage),
  type: z.optional(s.partnershipType),
  owner: z.optional(s.text(200, 'owner', "An owner's name on either side.")),
  offset: z.optional(z.int({ error: 'offset must be a whole number' }).check(z.gte(0, { error: 'offset must not be negative' }), z.lte(1_000_000, { error: 'offset is too large' }))),
  limit: z.optional(z.int({ error: 'limit must be a whole number' }).check(z.gte(1, { error: 'limit must be at least 1' }), z.lte(200, { error: 'limit must be at most 200' }))),
});

export const READ_TOOLS = [
  tool({
    ...about('list_partnerships'),
    input: listInput,
    example: { stage: 'active', limit: 10 },
    async run(store, q) {
      const index = await store.records();
      const page = index.query({ ...q, limit: q.limit ?? 50 });
      return { total: page.total, items: page.items.map((r) => summaryOut(store, r)) };
    },
  }),
  tool({
    ...about('get_partnership'),
    input: z.strictObject({ name: s.recordName }),
    example: { name: 'design-systems-guild' },
    async run(store, { name }) {
      const { id, summary } = await findRecord(store, name);
      const parse = await store.open(id);
      if (!parse) throw new AssistantRefusal(`The record ${store.pathOf(id)} is gone.`);
      if (!parse.ok) return { ...summaryOut(store, summary), problems: parse.problems.slice(0, 20) };
      const r = parse.record;
      const today = store.today();
      const metrics = SUCCESS_METRICS.map((m) => ({ metric: m.id, title: m.title, ...metricAgainstBenchmark(r, m.id) })).filter((m) => m.status !== 'no-data' || r.types.length > 0);
      const playbooks = [...new Set(r.types.map(playbookFor).filter((p) => p !== undefined))].map((p) => ({ id: p, title: PLAYBOOKS[p].title, steps: PLAYBOOKS[p].steps.map((step, i) => ({ step: i + 1, text: step, done: (r.playbook[p] ?? []).includes(i + 1) })) }));
      return {
        ...summaryOut(store, summary),
        record: r,
        fit: fitOut(r.scores),
        metrics,
        checkIn: nextCheckIn(r, today),
        review: reviewStatus(r, today),
        playbooks,
        problems: parse.problems.slice(0, 20),
      };
    },
  }),
  tool({
    ...about('pipeline'),
    input: empty,
    example: {},
    async run(store) {
      const index = await store.records();
      const counts = index.counts();
      const stages: Record<string, { partner: string; name: string }[]> = {};
      for (const r of index.all()) {
        const key = r.summary.broken ? 'broken' : (r.summary.stage ?? 'broken');
        const list = (stages[key] ??= []);
        if (list.length < 200) list.push({ partner: r.summary.partner, name: store.nameOf(r.id) });
      }
      return { counts, total: index.size, stages };
    },
  }),
  tool({
    ...about('check_ins'),
    input: z.strictObject({ today: z.optional(s.date) }),
    example: {},
    async run(store, q) {
      const today = q.today ?? store.today();
      const index = await store.records();
      let overdue: RecordSummary[];
      try {
        overdue = index.overdue(today);
      } catch {
        throw new AssistantRefusal('today must be a real date written YYYY-MM-DD');
      }
      const dueSoon: unknown[] = [];
      const reviews: unknown[] = [];
      for (const r of index.all()) {
        if (r.summary.broken || !r.summary.stage || !isRunning({ stage: r.summary.stage })) continue;
        const parse = await store.open(r.id);
        if (!parse?.ok) continue;
        const next = nextCheckIn(parse.record, today);
        if (next.status === 'due-soon') dueSoon.push({ ...summaryOut(store, r.summary), due: next.due, cadence: parse.record.cadence });
        const review = reviewStatus(parse.record, today);
        if (review.status === 'due-soon' || review.status === 'overdue') reviews.push({ name: store.nameOf(r.id), partner: r.summary.partner, ...review });
      }
      return {
        today,
        overdue: overdue.map((r) => ({ ...summaryOut(store, r), due: r.nextCheckIn })),
        dueSoon,
        reviews,
        rule: `Due one cadence after the latest check-in (or the start date); "due soon" within ${Object.entries(DUE_SOON_DAYS).map(([c, d]) => `${d} days (${c})`).join(', ')}.`,
      };
    },
  }),
  tool({
    ...about('fit_score'),
    input: z.strictObject({ name: z.optional(s.recordName), scores: z.optional(s.scores) }),
    example: { scores: { audienceOverlap: 4, complementary: 5, similarSize: 3, responsiveness: 4, valuesAlignment: 4, mutualBenefit: 3 } },
    async run(store, q) {
      if (!q.name && !q.scores) throw new AssistantRefusal('Give a record name, or scores to weigh.');
      let scores = q.scores ?? {};
      let partnerSize: number | undefined;
      if (q.name) {
        const { id } = await findRecord(store, q.name);
        const parse = await store.open(id);
        if (!parse?.ok) throw new AssistantRefusal(`The record ${store.pathOf(id)} cannot be read.`);
        scores = { ...parse.record.scores, ...(q.scores ?? {}) };
        partnerSize = parse.record.partnerSize;
      }
      const ctx = await contextValues(store);
      return { ...fitOut(scores), suggestedSimilarSize: suggestSimilarSize(ctx?.counts.currentSize, partnerSize) };
    },
  }),
] as const satisfies readonly ToolCode<z.ZodMiniObject>[];
