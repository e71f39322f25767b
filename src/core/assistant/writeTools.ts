import * as z from 'zod/mini';
import { appendCheckIn, appendMetric, recordContextInput, recordFileName, setScores, setStage } from '../records';
import { newRecordText } from '../records/newRecord';
import { AssistantRefusal, type AssistantStore } from './store';
import * as s from './schemas';
import { about } from './catalog';
import { contextValues, findRecord, summaryOut, tool, type ToolCode } from './toolKit';

// The tools that write the partnership records, each through a core writer (only the lines it
// needs change) and the host's store (the planner's writer in the editor).

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

export const WRITE_TOOLS = [
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
] as const satisfies readonly ToolCode<z.ZodMiniObject>[];
