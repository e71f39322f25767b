import * as z from 'zod/mini';
import { BENCHMARKS, CAUTION_AT, PARTNERSHIP_CATEGORIES, PLAYBOOKS, PURSUE_AT, SCORECARD_CRITERIA, SUCCESS_METRICS, playbookFor } from '../domain';
import { CONTEXT_LABELS } from '../context/sections';
import { communityName } from '../context/name';
import { checkPitch, pitchDefaultsFromContext, renderPitch, PITCH_WORD_LIMITS, type PitchInput } from '../pitch';
import { appendCheckIn, appendMetric, recordContextInput, recordFileName, setScores, setStage, type PartnershipRecord } from '../records';
import { newRecordText } from '../records/newRecord';
import { forecast, forecastDisclaimer } from '../planner/forecast';
import { formatScore, scoreSummary, suggestSimilarSize, weightedScore } from '../planner/scorecard';
import { nextCheckIn, reviewStatus, isRunning, DUE_SOON_DAYS } from '../planner/checkins';
import { metricAgainstBenchmark } from '../planner/metrics';
import type { RecordSummary } from '../planner/recordIndex';
import { AssistantRefusal, type AssistantStore, type StoreContext } from './store';
import * as s from './schemas';
import { about } from './catalog';

/**
 * The assistant's tools: one definition each (its name, title and description from ./catalog.ts,
 * its input schema, its handler over the core), used by the MCP server (src/mcp/server.ts) and by
 * the language-model tools (src/features/assistant), so both give the same answers as the sidebar.
 */
export interface AssistantTool<S extends z.ZodMiniObject = z.ZodMiniObject> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Writes a record: refused in Restricted Mode, confirmed first in the editor. */
  readonly write: boolean;
  readonly input: S;
  /** An input the tool accepts (tests call every tool with it). */
  readonly example: z.input<S>;
  run(store: AssistantStore, input: z.output<S>): Promise<unknown>;
}

function tool<S extends z.ZodMiniObject>(def: AssistantTool<S>): AssistantTool<S> {
  return def;
}

const empty = z.strictObject({});

async function findRecord(store: AssistantStore, name: string, forWrite = false): Promise<{ id: string; summary: RecordSummary }> {
  const index = await store.records();
  const wanted = name.toLowerCase();
  const hits = index.all().filter((r) => store.nameOf(r.id).toLowerCase() === wanted);
  if (hits.length === 0) throw new AssistantRefusal(`There is no partnership record named "${name}". list_partnerships gives the names.`);
  if (hits.length > 1) throw new AssistantRefusal(`"${name}" names ${hits.length} records (${hits.map((h) => store.pathOf(h.id)).join(', ')}); rename one of the files.`);
  const hit = hits[0];
  if (forWrite && hit.summary.broken) throw new AssistantRefusal(`The record ${store.pathOf(hit.id)} cannot be read (${hit.summary.problem ?? 'broken'}), so it is not changed. Fix it by hand first.`);
  return { id: hit.id, summary: hit.summary };
}

function summaryOut(store: AssistantStore, r: RecordSummary) {
  return {
    name: store.nameOf(r.id),
    path: store.pathOf(r.id),
    partner: r.partner,
    community: r.community,
    stage: r.stage,
    types: r.types,
    owners: r.owners,
    score: r.score === undefined ? undefined : formatScore(r.score, 'en'),
    scoredCriteria: r.scored,
    verdict: r.verdict,
    nextCheckIn: r.nextCheckIn,
    review: r.review,
    broken: r.broken || undefined,
    problem: r.problem,
  };
}

function contextOut(ctx: StoreContext) {
  if (ctx.state !== 'ok') return { state: ctx.state, path: ctx.path, ...(ctx.state === 'unreadable' ? { message: ctx.message } : {}) };
  const fields: Record<string, string> = {};
  for (const label of CONTEXT_LABELS) {
    const v = ctx.parsed.values[label];
    if (v !== undefined) fields[label] = v;
  }
  return {
    state: ctx.state,
    path: ctx.path,
    communityName: communityName(ctx.parsed),
    filled: ctx.parsed.filled,
    total: ctx.parsed.total,
    counts: ctx.parsed.counts,
    fields,
    missing: CONTEXT_LABELS.filter((l) => ctx.parsed.values[l] === undefined),
  };
}

async function contextValues(store: AssistantStore) {
  const ctx = await store.context();
  return ctx.state === 'ok' ? ctx.parsed : undefined;
}

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

async function writeOut(store: AssistantStore, id: string, result: Awaited<ReturnType<AssistantStore['write']>>, done: string) {
  if (!result.ok) throw new AssistantRefusal(result.message);
  const after = (await store.records()).get(id);
  return { done: result.changed ? done : 'Nothing to change: the record already says so.', record: after ? summaryOut(store, after.summary) : undefined };
}

/** Runs a core writer; its RangeError (a value the record cannot hold) becomes a refusal. */
function writer<T>(fn: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return fn(text);
    } catch (err) {
      if (err instanceof RangeError || (err instanceof Error && err.name === 'RecordWriteError')) throw new AssistantRefusal(err.message);
      throw err;
    }
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

const pitchFields = {
  partnerName: z.optional(s.oneLine(200, 'partnerName', "The person you write to, for the greeting.")),
  partnerCommunity: z.optional(s.oneLine(200, 'partnerCommunity', 'Their community.')),
  ideaType: z.optional(s.partnershipType),
  ideaText: z.optional(s.text(1000, 'ideaText', 'The idea in your own words (wins over ideaType).')),
  topic: z.optional(s.oneLine(200, 'topic', 'What the idea is about.')),
  contribution: z.optional(s.text(1000, 'contribution', 'What your community would bring: the offer.')),
  hope: z.optional(s.text(1000, 'hope', 'What you hope to get out of it: the ask.')),
  yourName: z.optional(s.oneLine(200, 'yourName', 'Who signs it (default: the first person on the context\'s Team line).')),
};

async function pitchInput(store: AssistantStore, given: Partial<PitchInput> & Pick<PitchInput, 'variant'>) {
  const ctx = await contextValues(store);
  const defaults = ctx ? pitchDefaultsFromContext(ctx.values) : { input: {}, sources: {}, missing: [...CONTEXT_LABELS.filter((l) => l !== 'Team')] };
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { input: { ...defaults.input, ...defined } as PitchInput, fromContext: defaults.sources, missingFromContext: defaults.missing };
}

export const ASSISTANT_TOOLS = [
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
  tool({
    ...about('forecast'),
    input: z.strictObject({
      plan: z.array(z.strictObject({ type: s.partnershipType, count: z.int({ error: 'count must be a whole number' }).check(z.gte(0, { error: 'count must not be negative' }), z.lte(1000, { error: 'count must be at most 1000' })) }), { error: 'plan must be a list of { type, count }' }).check(
        z.minLength(1, { error: 'plan must name at least one type' }),
        z.maxLength(32, { error: 'plan must have at most 32 entries' }),
      ),
    }),
    example: { plan: [{ type: 'newsletter-cross-promotion', count: 2 }, { type: 'co-hosted-event', count: 1 }] },
    async run(_store, { plan }) {
      return { ...forecast(plan), disclaimer: forecastDisclaimer() };
    },
  }),
  tool({
    ...about('playbook'),
    input: empty,
    example: {},
    async run() {
      return {
        types: PARTNERSHIP_CATEGORIES.map((c) => ({ category: c.id, title: c.title, types: c.types })),
        benchmarks: BENCHMARKS,
        scorecard: { criteria: SCORECARD_CRITERIA, pursueAt: PURSUE_AT, cautionAt: CAUTION_AT },
        metrics: SUCCESS_METRICS,
        playbooks: PLAYBOOKS,
        pitchWordLimits: PITCH_WORD_LIMITS,
      };
    },
  }),
  tool({
    ...about('community_context'),
    input: empty,
    example: {},
    async run(store) {
      return contextOut(await store.context());
    },
  }),
  tool({
    ...about('draft_pitch'),
    input: z.strictObject({ variant: s.variant, ...pitchFields }),
    example: { variant: 'cold', partnerCommunity: 'Design Systems Guild', ideaType: 'co-hosted-event', topic: 'design tokens', contribution: 'a speaker and promotion to our members', hope: 'a slot in your newsletter' },
    async run(store, given) {
      const { input, fromContext, missingFromContext } = await pitchInput(store, given);
      const rendered = renderPitch(input);
      return { ...rendered, checks: checkPitch(input, rendered), fromContext, missingFromContext };
    },
  }),
  tool({
    ...about('check_pitch'),
    input: z.strictObject({
      variant: s.variant,
      subject: z.optional(s.text(300, 'subject', 'The subject line.')),
      body: s.text(20_000, 'body', 'The pitch as written.'),
      ...pitchFields,
    }),
    example: { variant: 'classic', body: 'Hi Ana,\n\nWe would bring a speaker. Could we do a workshop on tokens?\n\nSam', contribution: 'a speaker' },
    async run(store, given) {
      const { subject, body, ...rest } = given;
      const { input } = await pitchInput(store, rest);
      return { checks: checkPitch(input, { subject, body }) };
    },
  }),
  tool({
    ...about('create_partnership'),
    input: z.strictObject({
      partner: s.oneLine(200, 'partner', "The partner's name."),
      community: z.optional(s.oneLine(200, 'community', 'Their community: where their members are.')),
      types: z.array(s.partnershipType, { error: 'types must be a list of partnership type ids' }).check(z.maxLength(16, { error: 'types must have at most 16 entries' })),
    }),
    example: { partner: 'Design Systems Guild', community: 'Design Systems Guild Slack', types: ['newsletter-cross-promotion'] },
    async run(store, { partner, community, types }) {
      if (!partner.trim()) throw new AssistantRefusal('A partnership needs a partner name.');
      const ctx = await contextValues(store);
      const text = newRecordText({ partner, community: community?.trim() || undefined, types, today: store.today(), ...recordContextInput(ctx) });
      const created = await store.create(recordFileName(partner).replace(/\.md$/, ''), text);
      if (!created.ok) throw new AssistantRefusal(created.message);
      const after = (await store.records()).get(created.id);
      return { done: 'Partnership record created.', name: store.nameOf(created.id), path: store.pathOf(created.id), record: after ? summaryOut(store, after.summary) : undefined };
    },
  }),
  tool({
    ...about('set_stage'),
    input: z.strictObject({ name: s.recordName, stage: s.stage }),
    example: { name: 'design-systems-guild', stage: 'contacted' },
    async run(store, { name, stage }) {
      const { id } = await findRecord(store, name, true);
      return writeOut(store, id, await store.write(id, writer((t) => setStage(t, stage))), `Stage set to ${stage}.`);
    },
  }),
  tool({
    ...about('log_metric'),
    input: z.strictObject({
      name: s.recordName,
      metric: s.metric,
      value: z.number({ error: 'value must be a number' }).check(z.gte(-1e12, { error: 'value is out of range' }), z.lte(1e12, { error: 'value is out of range' })),
      date: s.date,
      note: z.optional(s.oneLine(500, 'note', 'A note, such as "after the March swap".')),
    }),
    example: { name: 'design-systems-guild', metric: 'cross-community-joins', value: 85, date: '2026-03-01', note: 'after the March swap' },
    async run(store, { name, metric, value, date, note }) {
      const { id } = await findRecord(store, name, true);
      const entry = { date, metric, value, ...(note?.trim() ? { note: note.trim() } : {}) };
      return writeOut(store, id, await store.write(id, writer((t) => appendMetric(t, entry))), 'Metric logged.');
    },
  }),
  tool({
    ...about('log_check_in'),
    input: z.strictObject({
      name: s.recordName,
      date: s.date,
      notes: z.optional(s.text(4000, 'notes', 'The numbers, what worked, what did not, next steps.')),
      worthContinuing: z.optional(s.worthContinuing),
    }),
    example: { name: 'design-systems-guild', date: '2026-03-02', notes: 'First swap went out; 80 clicks.', worthContinuing: 'yes' },
    async run(store, { name, date, notes, worthContinuing }) {
      const { id } = await findRecord(store, name, true);
      const checkIn = { date, ...(notes?.trim() ? { notes: notes.trim() } : {}), ...(worthContinuing ? { worthContinuing } : {}) };
      return writeOut(store, id, await store.write(id, writer((t) => appendCheckIn(t, checkIn))), 'Check-in logged.');
    },
  }),
  tool({
    ...about('set_scores'),
    input: z.strictObject({ name: s.recordName, scores: s.scores }),
    example: { name: 'design-systems-guild', scores: { audienceOverlap: 4, complementary: 5 } },
    async run(store, { name, scores }) {
      const given = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== undefined));
      if (Object.keys(given).length === 0) throw new AssistantRefusal('Give at least one criterion to score.');
      const { id } = await findRecord(store, name, true);
      return writeOut(store, id, await store.write(id, writer((t) => setScores(t, given))), 'Scores set.');
    },
  }),
] as const satisfies readonly AssistantTool<z.ZodMiniObject>[];

export type AssistantToolName = (typeof ASSISTANT_TOOLS)[number]['name'];

export function findTool(name: string): AssistantTool | undefined {
  return (ASSISTANT_TOOLS as readonly AssistantTool[]).find((t) => t.name === name);
}

/**
 * Checks the input and runs the tool. A refusal (bad input, a write in Restricted Mode, a record
 * that is not there, a value the record cannot hold) throws AssistantRefusal with the reason.
 */
export async function callTool(def: AssistantTool, store: AssistantStore, raw: unknown): Promise<unknown> {
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) throw new AssistantRefusal(`Invalid arguments for ${def.name}: ${s.describeIssues(parsed.error)}. Nothing was written.`);
  if (def.write && !store.canWrite) throw new AssistantRefusal(`${def.name} was refused: ${store.readOnlyReason ?? 'this workspace is read-only'}. Nothing was written.`);
  return def.run(store, parsed.data);
}

/** A tool's answer as text: JSON, two-space indented (undefined members left out). */
export function answerText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
