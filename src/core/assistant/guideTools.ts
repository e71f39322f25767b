import * as z from 'zod/mini';
import { BENCHMARKS, CAUTION_AT, PARTNERSHIP_CATEGORIES, PLAYBOOKS, PURSUE_AT, SCORECARD_CRITERIA, SUCCESS_METRICS } from '../domain';
import { CONTEXT_LABELS } from '../context/sections';
import { communityName } from '../context/name';
import { checkPitch, pitchDefaultsFromContext, renderPitch, PITCH_VARIANTS, PITCH_WORD_LIMITS, type PitchInput, type PitchVariant } from '../pitch';
import { forecast, forecastDisclaimer } from '../planner/forecast';
import type { ContextStore, StoreContext } from './store';
import * as s from './schemas';
import { about } from './catalog';
import { contextValues, empty, type ToolCode } from './toolKit';

// The tools that need no partnership record: the forecast, the playbook, the community context
// and the pitch. They work on the context alone (ContextStore), so the editor runs them without
// loading the planner's index.

function guideTool<S extends z.ZodMiniObject>(def: ToolCode<S, ContextStore>): ToolCode<S, ContextStore> {
  return def;
}

const variant = z.enum(PITCH_VARIANTS as [PitchVariant, ...PitchVariant[]], { error: `variant must be one of ${PITCH_VARIANTS.join(', ')}` });

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

async function pitchInput(store: ContextStore, given: Partial<PitchInput> & Pick<PitchInput, 'variant'>) {
  const ctx = await contextValues(store);
  const defaults = ctx ? pitchDefaultsFromContext(ctx.values) : { input: {}, sources: {}, missing: [...CONTEXT_LABELS.filter((l) => l !== 'Team')] };
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { input: { ...defaults.input, ...defined } as PitchInput, fromContext: defaults.sources, missingFromContext: defaults.missing };
}

export const GUIDE_TOOLS = [
  guideTool({
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
  guideTool({
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
  guideTool({
    ...about('community_context'),
    input: empty,
    example: {},
    async run(store) {
      return contextOut(await store.context());
    },
  }),
  guideTool({
    ...about('draft_pitch'),
    input: z.strictObject({ variant: variant, ...pitchFields }),
    example: { variant: 'cold', partnerCommunity: 'Design Systems Guild', ideaType: 'co-hosted-event', topic: 'design tokens', contribution: 'a speaker and promotion to our members', hope: 'a slot in your newsletter' },
    async run(store, given) {
      const { input, fromContext, missingFromContext } = await pitchInput(store, given);
      const rendered = renderPitch(input);
      return { ...rendered, checks: checkPitch(input, rendered), fromContext, missingFromContext };
    },
  }),
  guideTool({
    ...about('check_pitch'),
    input: z.strictObject({
      variant: variant,
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
] as const satisfies readonly ToolCode<z.ZodMiniObject, ContextStore>[];
