// The sidebar planner's part of the webview protocol (the shared part: src/webview/protocol.ts).
import * as z from 'zod/mini';
import { PARTNERSHIP_TYPES, SCORECARD_CRITERIA, SUCCESS_METRICS, type PartnershipTypeId, type ScorecardCriterionId, type SuccessMetricId } from '../../core/domain';
import { isIsoDate } from '../../core/dates';
import { CADENCES, PLAYBOOK_IDS, STAGES, WORTH_CONTINUING, type PartnershipRecord, type PlaybookId, type Stage } from '../../core/records/schema';
import { text, requestId } from '../../webview/protocol';
import type { PipelineForecast } from '../../core/planner/forecast';
import { recordId, type RecordRow } from '../records/protocol';

// A record's id and row, shared with the board's messages.
export { recordId };

// ---- Sidebar planner ---------------------------------------------------------------------
// The planner view asks for pages of records and one record at a time; it never holds the
// whole list. Record ids are the files' URIs as the extension gave them; the extension acts
// only on ids it has in its index. Every change to a record is one `edit` request carrying a
// RecordChange (src/core/planner/changes.ts), which the page also applies to what it shows.

const isoDate = z.string().check(z.refine(isIsoDate));
const nullableText = (max: number) => z.nullable(text(max));
const metricId = z.enum(SUCCESS_METRICS.map((m) => m.id) as [SuccessMetricId, ...SuccessMetricId[]]);
const criterionId = z.enum(SCORECARD_CRITERIA.map((c) => c.id) as [ScorecardCriterionId, ...ScorecardCriterionId[]]);
const typeId = z.enum(PARTNERSHIP_TYPES.map((t) => t.id) as [PartnershipTypeId, ...PartnershipTypeId[]]);
const finite = z.number().check(z.refine(Number.isFinite));
const people = z.number().check(z.int(), z.gte(0), z.lte(10_000_000_000));
const metricEntry = z.object({ date: isoDate, metric: metricId, value: finite, note: z.optional(text(2_000)), count: z.optional(people), of: z.optional(people), source: z.optional(text(2_000)), cumulative: z.optional(z.boolean()) });
const checkIn = z.object({ date: isoDate, notes: z.optional(text(5_000)), worthContinuing: z.optional(z.enum(WORTH_CONTINUING)) });
const entryIndex = z.number().check(z.int(), z.gte(0), z.lte(100_000));

export const RecordChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage'), value: z.enum(STAGES) }),
  z.object({ kind: z.literal('cadence'), value: z.enum(CADENCES) }),
  z.object({ kind: z.enum(['start', 'review']), value: z.nullable(isoDate) }),
  z.object({ kind: z.enum(['community', 'contact']), value: nullableText(500) }),
  z.object({ kind: z.literal('partnerSize'), value: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(10_000_000_000))) }),
  z.object({ kind: z.literal('types'), value: z.array(typeId).check(z.maxLength(16)) }),
  z.object({ kind: z.literal('owners'), value: z.object({ ours: z.optional(text(300)), theirs: z.optional(text(300)) }) }),
  z.object({ kind: z.literal('score'), criterion: criterionId, value: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(5))) }),
  z.object({ kind: z.literal('playbookStep'), playbook: z.enum(PLAYBOOK_IDS as [PlaybookId, ...PlaybookId[]]), step: z.number().check(z.int(), z.gte(1), z.lte(20)), done: z.boolean() }),
  z.object({ kind: z.literal('addMetric'), entry: metricEntry }),
  z.object({ kind: z.literal('editMetric'), index: entryIndex, was: metricEntry, entry: metricEntry }),
  z.object({ kind: z.literal('deleteMetric'), index: entryIndex, was: metricEntry }),
  z.object({ kind: z.literal('addCheckIn'), entry: checkIn }),
  z.object({ kind: z.literal('editCheckIn'), index: entryIndex, was: checkIn, entry: checkIn }),
  z.object({ kind: z.literal('deleteCheckIn'), index: entryIndex, was: checkIn }),
]);

export const PLANNER_COMMANDS = ['newPartnership', 'exportReport', 'openContext', 'createContext', 'logCheckIn', 'logMetric', 'getStarted', 'openPipelineBoard'] as const;

export const PlannerFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({
    type: z.literal('query'),
    requestId,
    text: z.optional(text(200)),
    stage: z.optional(z.union([z.enum(STAGES), z.literal('broken')])),
    partnershipType: z.optional(typeId),
    owner: z.optional(text(200)),
    offset: z.number().check(z.int(), z.gte(0)),
    limit: z.number().check(z.int(), z.gte(1), z.lte(100)),
  }),
  z.object({ type: z.literal('select'), requestId, id: recordId }),
  z.object({ type: z.literal('open'), requestId, id: recordId }),
  z.object({ type: z.literal('edit'), requestId, id: recordId, change: RecordChangeSchema }),
  z.object({ type: z.literal('undo'), requestId }),
  z.object({ type: z.literal('run'), requestId, command: z.enum(PLANNER_COMMANDS) }),
  z.object({ type: z.literal('forecast'), requestId }),
  // A partner size the page does not read itself (words, a range, "12k members"): the count in it.
  z.object({ type: z.literal('readCount'), requestId, text: text(200) }),
]);
export type PlannerFromWebview = z.infer<typeof PlannerFromWebview>;

/** A row of the pipeline: what RecordIndex summarises for one record (src/features/records/protocol.ts). */
export type PlannerRow = RecordRow;

export interface PlannerContextInfo {
  state: 'ok' | 'missing' | 'unreadable';
  name?: string;
  filled?: number;
  total?: number;
  filePath: string;
  /** Your community's size, for the "similar size" suggestion. */
  size?: number;
  /** Why the file could not be read (state unreadable). */
  reason?: string;
}

export interface PlannerInit {
  today: string;
  readOnly: boolean;
  context?: PlannerContextInfo;
  folder: string;
}

export interface PlannerPage {
  items: PlannerRow[];
  total: number;
}

export interface PlannerRecord {
  id: string;
  /**
   * Counts up with every record the extension sends. A record read later is at least as new as
   * one read earlier, but the two reads may finish in either order: the view keeps the higher.
   */
  seq: number;
  row?: PlannerRow;
  /** The record as read, with defaults filled in; absent for a broken record. */
  record?: PartnershipRecord;
  problems: { line: number; message: string; severity: 'error' | 'warning' }[];
  filePath: string;
}

/** What an edit or an undo did. */
export interface EditResult {
  changed: boolean;
  /** The change went into an editor with unsaved changes (the user saves it). */
  inEditor: boolean;
  /** The record as it now reads. */
  record?: PlannerRecord;
  /** What the view's Undo would undo now, if anything. */
  undo?: string;
  /** For an undo: what it took back. */
  undone?: string;
  /** What else the user should know of the change (a removed type's playbook section kept). */
  note?: string;
}

export interface PlannerResults {
  ready: PlannerInit;
  query: PlannerPage;
  select: PlannerRecord;
  open: null;
  edit: EditResult;
  undo: EditResult;
  run: null;
  /** What the agreed and active partnerships are expected to bring (src/core/planner/forecast.ts). */
  forecast: PipelineForecast;
  /** The count `parseCount` reads in the text, or null when it holds none. */
  readCount: number | null;
}

export type PlannerToWebview =
  | {
      /** The records changed: counts and the overdue list are current; ask for the page again. */
      type: 'changed';
      loading: boolean;
      counts: Record<Stage | 'broken', number>;
      total: number;
      overdue: number;
      owners: string[];
      context?: PlannerContextInfo;
    }
  | ({ type: 'record' } & PlannerRecord)
  | { type: 'select'; id: string }
  | { type: 'undo'; label?: string };
