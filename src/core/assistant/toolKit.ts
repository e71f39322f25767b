import * as z from 'zod/mini';
import { formatScore } from '../planner/scorecard';
import type { RecordSummary } from '../planner/recordIndex';
import { AssistantRefusal, type AssistantStore, type ContextStore } from './store';
import { describeIssues } from './schemas';

/*
 * What the assistant's tools have in common: a tool's shape, the helpers their answers use, and
 * the call that checks an input and runs a tool. The tools themselves are in ./readTools.ts,
 * ./guideTools.ts and ./writeTools.ts (all of them: ./tools.ts).
 */

/**
 * One tool's code: its name and title from ./catalog.ts, its input schema, its handler over the
 * core. `St` is what it works on: the records and the context (AssistantStore), or the context
 * alone (ContextStore).
 */
export interface ToolCode<S extends z.ZodMiniObject = z.ZodMiniObject, St extends ContextStore = AssistantStore> {
  readonly name: string;
  readonly title: string;
  /** Writes a record: refused in Restricted Mode, confirmed first in the editor. */
  readonly write: boolean;
  /** Works on the records (./catalog.ts). */
  readonly records: boolean;
  readonly input: S;
  /** An input the tool accepts (tests call every tool with it). */
  readonly example: z.input<S>;
  run(store: St, input: z.output<S>): Promise<unknown>;
}

/** A tool with its description (./descriptions.ts), as the MCP server lists it and package.json declares it. */
export interface AssistantTool<S extends z.ZodMiniObject = z.ZodMiniObject, St extends ContextStore = AssistantStore> extends ToolCode<S, St> {
  readonly description: string;
}

export function tool<S extends z.ZodMiniObject>(def: ToolCode<S>): ToolCode<S> {
  return def;
}

export const empty = z.strictObject({});

export async function findRecord(store: AssistantStore, name: string, forWrite = false): Promise<{ id: string; summary: RecordSummary }> {
  const index = await store.records();
  const wanted = name.toLowerCase();
  const hits = index.all().filter((r) => store.nameOf(r.id).toLowerCase() === wanted);
  if (hits.length === 0) throw new AssistantRefusal(`There is no partnership record named "${name}". list_partnerships gives the names.`);
  if (hits.length > 1) throw new AssistantRefusal(`"${name}" names ${hits.length} records (${hits.map((h) => store.pathOf(h.id)).join(', ')}); rename one of the files.`);
  const hit = hits[0];
  if (forWrite && hit.summary.broken) throw new AssistantRefusal(`The record ${store.pathOf(hit.id)} cannot be read (${hit.summary.problem ?? 'broken'}), so it is not changed. Fix it by hand first.`);
  return { id: hit.id, summary: hit.summary };
}

export function summaryOut(store: AssistantStore, r: RecordSummary) {
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

export async function contextValues(store: ContextStore) {
  const ctx = await store.context();
  return ctx.state === 'ok' ? ctx.parsed : undefined;
}

/**
 * Checks the input and runs the tool. A refusal (bad input, a write in Restricted Mode, a record
 * that is not there, a value the record cannot hold) throws AssistantRefusal with the reason.
 */
export async function callTool<St extends ContextStore>(def: ToolCode<z.ZodMiniObject, St>, store: St, raw: unknown): Promise<unknown> {
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) throw new AssistantRefusal(`Invalid arguments for ${def.name}: ${describeIssues(parsed.error)}. Nothing was written.`);
  if (def.write && !store.canWrite) throw new AssistantRefusal(`${def.name} was refused: ${store.readOnlyReason ?? 'this workspace is read-only'}. Nothing was written.`);
  return def.run(store, parsed.data);
}

/** A tool's answer as text: JSON, two-space indented (undefined members left out). */
export function answerText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
