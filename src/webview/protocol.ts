/**
 * The messages between the extension and its webviews: one file, shared by both sides.
 * The extension checks every message from a webview against these schemas on arrival and
 * drops (and logs) anything else. No VS Code or Node import here: the webview scripts
 * import the types from this file too.
 */
import * as z from 'zod/mini';
import { PARTNERSHIP_TYPES, SCORECARD_CRITERIA, SUCCESS_METRICS, type PartnershipTypeId, type ScorecardCriterionId, type SuccessMetricId } from '../core/domain';
import { isIsoDate } from '../core/dates';
import { PITCH_VARIANTS } from '../core/pitch';
import { CADENCES, PLAYBOOK_IDS, STAGES, WORTH_CONTINUING, type PartnershipRecord, type PlaybookId, type Stage } from '../core/records/schema';

const text = (max = 20_000) => z.string().check(z.maxLength(max));

// ---- Requests and replies ---------------------------------------------------------------
// Every message a page sends is a request: it carries a `requestId`, and the extension answers
// each one with a `reply` of that id, holding the request's result or a typed error
// (src/host/webviewIpc.ts on this side, src/webview/lib/rpc.ts in the page). A message
// that does not match the protocol is dropped and logged, and answered `invalid` when its id
// can be read. The extension's own news (the context changed, the records changed) comes as
// messages of their own type, never as replies.

/** Optional so that a page's fire-and-forget message (a draft saved as you type) needs no answer. */
const requestId = z.optional(z.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)));

export const ERROR_CODES = ['invalid', 'notFound', 'readOnly', 'writeFailed', 'cancelled', 'failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RequestFailure {
  code: ErrorCode;
  /** For the user: what happened and, where there is one, what to do. */
  message: string;
}

export type Reply = { type: 'reply'; requestId: number; ok: true; result: unknown } | { type: 'reply'; requestId: number; ok: false; error: RequestFailure };

/** The result type of each request type of a page. */
export type Results<M extends { type: string }> = { [K in M['type']]: unknown };

// ---- Community context form -------------------------------------------------------------

export const ContextFormFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({
    type: z.literal('save'),
    requestId,
    /** Label → value, for the fields the form shows. Empty string means unknown (TBD). */
    values: z.record(text(200), text()),
  }),
  z.object({ type: z.literal('openFile'), requestId }),
  z.object({ type: z.literal('cancel'), requestId }),
  z.object({ type: z.literal('state'), requestId, step: z.number().check(z.int(), z.gte(0), z.lte(20)) }),
  /** What the form holds now, as the user types: kept per workspace until it is saved or discarded. */
  z.object({ type: z.literal('draft'), requestId, values: z.record(text(200), text()) }),
]);
export type ContextFormFromWebview = z.infer<typeof ContextFormFromWebview>;

export interface ContextFormField {
  label: string;
  value: string;
}
export interface ContextFormSection {
  title: string;
  fields: ContextFormField[];
}
export type ContextFormToWebview =
  | {
      type: 'init';
      mode: 'create' | 'update';
      folderName: string;
      /** The workspace folder's URI: what the panel is restored to after a reload. */
      folder: string;
      filePath: string;
      sections: ContextFormSection[];
      readOnly: boolean;
      /** Values typed earlier and never saved (the form was closed), label → value. */
      draft?: Record<string, string>;
    }
  | { type: 'busy'; busy: boolean };

export interface ContextFormResults {
  ready: null;
  /** Absent when the form closed (a new file was created and opened). */
  save: { filePath: string; changed: number } | null;
  openFile: null;
  cancel: null;
  state: null;
  draft: null;
}

/** Parses a message from a webview with a schema; undefined when it does not match. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const r = schema.safeParse(message);
  return r.success ? r.data : undefined;
}

// ---- Outreach pitch and agreement checklist ---------------------------------------------

/** The context values the pitch and the agreement draw on, label → value ('' when unknown). */
export type ContextValuesMessage = Record<string, string>;

/** The context of the panel's folder, sent on `ready` and whenever the context file changes. */
export interface PanelContext {
  folderName: string;
  /** Workspace-relative path of the context file. */
  contextPath: string;
  state: 'ok' | 'missing' | 'unreadable';
  values: ContextValuesMessage;
}

export const PITCH_ACTIONS = ['insert', 'newDocument', 'copy', 'mail'] as const;
export type PitchAction = (typeof PITCH_ACTIONS)[number];

/** What the pitch form holds, kept per workspace so that closing the panel loses nothing. */
export const PitchDraftSchema = z.object({
  variant: z.enum(PITCH_VARIANTS),
  values: z.record(text(50), text(5_000)),
  overridden: z.array(text(50)).check(z.maxLength(20)),
});
export type PitchDraft = z.infer<typeof PitchDraftSchema>;

export const PitchFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({ type: z.literal('openContext'), requestId }),
  z.object({
    type: z.literal('action'),
    requestId,
    action: z.enum(PITCH_ACTIONS),
    /** The pitch as the user sees it in the preview. */
    subject: text(1_000),
    body: text(),
    /** The same pitch as a partnership document (front matter, subject, body). */
    markdown: text(22_000),
    /** The partner's address, for the mail action only. */
    to: z.optional(text(500)),
  }),
  /** The form as the user left it; `null` when it is cleared. */
  z.object({ type: z.literal('draft'), requestId, draft: z.nullable(PitchDraftSchema) }),
]);
export type PitchFromWebview = z.infer<typeof PitchFromWebview>;

export type PitchToWebview = { type: 'context'; context: PanelContext };

export interface PitchResults {
  /** The draft kept for this workspace, for a panel that starts empty. */
  ready: { draft?: PitchDraft };
  openContext: null;
  action: { message: string };
  draft: null;
}

const side = <T extends z.ZodMiniType>(t: T) => z.optional(z.object({ yours: z.optional(t), theirs: z.optional(t) }));

/** AgreementState (src/core/agreement.ts) as the checklist sends it and workspace state keeps it. */
export const AgreementStateSchema = z.object({
  collaboration: z.optional(z.object({ type: z.optional(text(200)), topic: z.optional(text(500)) })),
  contributions: side(z.array(text(2_000)).check(z.maxLength(50))),
  duration: z.optional(text(100)),
  startDate: z.optional(text(100)),
  reviewDate: z.optional(text(100)),
  metrics: z.optional(z.array(z.object({ metric: text(300), target: text(300) })).check(z.maxLength(20))),
  contacts: side(text(300)),
  cadence: z.optional(text(300)),
  noticePeriod: z.optional(text(100)),
  practices: z.optional(z.record(text(50), z.boolean())),
  owners: side(text(300)),
});

/** What the checklist keeps per workspace: the filled-in agreement and the two sides' names. */
export const AgreementChecklistSchema = z.object({
  state: AgreementStateSchema,
  sides: z.object({ yours: text(300), theirs: text(300) }),
});
export type AgreementChecklist = z.infer<typeof AgreementChecklistSchema>;

export const AgreementFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({ type: z.literal('openContext'), requestId }),
  z.object({ type: z.literal('update'), requestId, checklist: AgreementChecklistSchema }),
  z.object({ type: z.literal('generate'), requestId, target: z.enum(['untitled', 'file']), checklist: AgreementChecklistSchema }),
  z.object({ type: z.literal('reset'), requestId }),
]);
export type AgreementFromWebview = z.infer<typeof AgreementFromWebview>;

export type AgreementToWebview =
  | { type: 'init'; checklist: AgreementChecklist; context: PanelContext; readOnly: boolean }
  | { type: 'context'; context: PanelContext };

export interface AgreementResults {
  ready: null;
  openContext: null;
  update: null;
  /** What happened, for the status line; absent when the user stopped (a dialog cancelled). */
  generate: { message?: string };
  reset: null;
}
// ---- Sidebar planner ---------------------------------------------------------------------
// The planner view asks for pages of records and one record at a time; it never holds the
// whole list. Record ids are the files' URIs as the extension gave them; the extension acts
// only on ids it has in its index. Every change to a record is one `edit` request carrying a
// RecordChange (src/core/planner/changes.ts), which the page also applies to what it shows.

const recordId = text(4_000);
const isoDate = z.string().check(z.refine(isIsoDate));
const nullableText = (max: number) => z.nullable(text(max));
const metricId = z.enum(SUCCESS_METRICS.map((m) => m.id) as [SuccessMetricId, ...SuccessMetricId[]]);
const criterionId = z.enum(SCORECARD_CRITERIA.map((c) => c.id) as [ScorecardCriterionId, ...ScorecardCriterionId[]]);
const typeId = z.enum(PARTNERSHIP_TYPES.map((t) => t.id) as [PartnershipTypeId, ...PartnershipTypeId[]]);
const finite = z.number().check(z.refine(Number.isFinite));
const metricEntry = z.object({ date: isoDate, metric: metricId, value: finite, note: z.optional(text(2_000)) });
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
]);
export type PlannerFromWebview = z.infer<typeof PlannerFromWebview>;

/** A row of the pipeline: what RecordIndex summarises for one record. */
export interface PlannerRow {
  id: string;
  partner: string;
  community?: string;
  stage?: Stage;
  types: string[];
  owners: { ours?: string; theirs?: string };
  score?: number;
  scored: number;
  verdict?: 'pursue' | 'caution' | 'pass';
  nextCheckIn?: string;
  broken: boolean;
  problem?: string;
  fileName: string;
}

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
}

export interface PlannerResults {
  ready: PlannerInit;
  query: PlannerPage;
  select: PlannerRecord;
  open: null;
  edit: EditResult;
  undo: EditResult;
  run: null;
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

// ---- Pipeline board ----------------------------------------------------------------------
// The board in the editor area shows the planner's records (the same index) as columns by stage
// and as a table. The page holds a compact row per record and keeps it current from `rows`
// messages (every row on a reset, then only the rows that changed); sorting, filtering and the
// columns are worked out in the page (src/features/board/model.ts). A move is an `edit` with a
// stage change, written through the planner's own path (changeRecordText, a WorkspaceEdit).

export const BOARD_VIEWS = ['board', 'table'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];
export const BOARD_SORT_KEYS = ['partner', 'stage', 'type', 'score', 'nextCheckIn', 'review', 'owners'] as const;
export type BoardSortKey = (typeof BOARD_SORT_KEYS)[number];
export const BOARD_COMMANDS = ['newPartnership', 'openPlanner'] as const;

/** What the board remembers per workspace: the view, and the table's sort. */
export const BoardPrefsSchema = z.object({
  view: z.enum(BOARD_VIEWS),
  sort: z.optional(z.object({ key: z.enum(BOARD_SORT_KEYS), dir: z.enum(['asc', 'desc']) })),
});
export type BoardPrefs = z.infer<typeof BoardPrefsSchema>;

/** The only change the board makes: a record's stage. */
export const BoardChangeSchema = z.object({ kind: z.literal('stage'), value: z.enum(STAGES) });

export const BoardFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId }),
  z.object({ type: z.literal('edit'), requestId, id: recordId, change: BoardChangeSchema }),
  z.object({ type: z.literal('open'), requestId, id: recordId }),
  z.object({ type: z.literal('prefs'), requestId, prefs: BoardPrefsSchema }),
  z.object({ type: z.literal('run'), requestId, command: z.enum(BOARD_COMMANDS) }),
]);
export type BoardFromWebview = z.infer<typeof BoardFromWebview>;

/** A card of the board and a row of its table: the planner's row and the review date. */
export interface BoardRow extends PlannerRow {
  review?: string;
}

export interface BoardInit {
  today: string;
  readOnly: boolean;
  prefs: BoardPrefs;
  folder: string;
}

export interface BoardResults {
  ready: BoardInit;
  /** The row as the file now reads (absent when the record is gone). */
  edit: { changed: boolean; inEditor: boolean; row?: BoardRow };
  open: null;
  prefs: null;
  run: null;
}

export type BoardToWebview =
  | {
      /** Rows to add or replace and ids to drop; `reset`: these are all of them. */
      type: 'rows';
      reset: boolean;
      upsert: BoardRow[];
      remove: string[];
      loading: boolean;
      today: string;
    }
  | { type: 'readOnly'; readOnly: boolean };
