/**
 * The messages between the extension and its webviews: one file, shared by both sides.
 * The extension checks every message from a webview against these schemas on arrival and
 * drops (and logs) anything else. No VS Code or Node import here: the webview scripts
 * import the types from this file too.
 */
import * as z from 'zod/mini';

const text = (max = 20_000) => z.string().check(z.maxLength(max));

// ---- Community context form -------------------------------------------------------------

export const ContextFormFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('save'),
    /** Label → value, for the fields the form shows. Empty string means unknown (TBD). */
    values: z.record(text(200), text()),
  }),
  z.object({ type: z.literal('openFile') }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('state'), step: z.number().check(z.int(), z.gte(0), z.lte(20)) }),
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
      filePath: string;
      sections: ContextFormSection[];
      readOnly: boolean;
    }
  | { type: 'saved'; filePath: string; changed: number }
  | { type: 'error'; message: string }
  | { type: 'busy'; busy: boolean };

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

export const PitchFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('openContext') }),
  z.object({
    type: z.literal('action'),
    action: z.enum(PITCH_ACTIONS),
    /** The pitch as the user sees it in the preview. */
    subject: text(1_000),
    body: text(),
    /** The same pitch as a partnership document (front matter, subject, body). */
    markdown: text(22_000),
    /** The partner's address, for the mail action only. */
    to: z.optional(text(500)),
  }),
]);
export type PitchFromWebview = z.infer<typeof PitchFromWebview>;

export type PitchToWebview =
  | { type: 'context'; context: PanelContext }
  | { type: 'done'; message: string }
  | { type: 'error'; message: string };

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
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('openContext') }),
  z.object({ type: z.literal('update'), checklist: AgreementChecklistSchema }),
  z.object({ type: z.literal('generate'), target: z.enum(['untitled', 'file']), checklist: AgreementChecklistSchema }),
  z.object({ type: z.literal('reset') }),
]);
export type AgreementFromWebview = z.infer<typeof AgreementFromWebview>;

export type AgreementToWebview =
  | { type: 'init'; checklist: AgreementChecklist; context: PanelContext; readOnly: boolean }
  | { type: 'context'; context: PanelContext }
  | { type: 'done'; message: string }
  | { type: 'error'; message: string };
// ---- Sidebar planner (issue 4) ----------------------------------------------------------
// The planner view asks for pages of records and one record at a time; it never holds the
// whole list. Record ids are the files' URIs as the extension gave them; the extension acts
// only on ids it has in its index.

const recordId = text(4_000);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const stage = z.enum(['prospect', 'contacted', 'agreed', 'active', 'ended']);

export const PlannerFromWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('query'),
    requestId: z.number().check(z.int()),
    text: z.optional(text(200)),
    stage: z.optional(z.union([stage, z.literal('broken')])),
    partnershipType: z.optional(text(100)),
    owner: z.optional(text(200)),
    offset: z.number().check(z.int(), z.gte(0)),
    limit: z.number().check(z.int(), z.gte(1), z.lte(100)),
  }),
  z.object({ type: z.literal('select'), id: recordId }),
  z.object({ type: z.literal('open'), id: recordId }),
  z.object({ type: z.literal('setStage'), id: recordId, stage }),
  z.object({
    type: z.literal('setScore'),
    id: recordId,
    criterion: z.enum(['audienceOverlap', 'complementary', 'similarSize', 'responsiveness', 'valuesAlignment', 'mutualBenefit']),
    /** null clears the criterion. */
    score: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(5))),
  }),
  z.object({ type: z.literal('setCadence'), id: recordId, cadence: z.enum(['weekly', 'bi-weekly', 'monthly', 'quarterly']) }),
  z.object({
    type: z.literal('logMetric'),
    id: recordId,
    metric: z.enum(['cross-community-joins', 'content-engagement', 'event-attendance', 'member-overlap', 'satisfaction', 'newsletter-open-rate', 'feature-activation']),
    value: z.number().check(z.refine(Number.isFinite)),
    date: isoDate,
    note: z.optional(text(2_000)),
  }),
  z.object({
    type: z.literal('logCheckIn'),
    id: recordId,
    date: isoDate,
    notes: z.optional(text(5_000)),
    worthContinuing: z.optional(z.enum(['yes', 'no', 'unsure'])),
  }),
  z.object({
    type: z.literal('setPlaybookStep'),
    id: recordId,
    playbook: z.enum(['co-hosted-event', 'newsletter-swap', 'content-collab']),
    step: z.number().check(z.int(), z.gte(1), z.lte(20)),
    done: z.boolean(),
  }),
  z.object({ type: z.literal('run'), command: z.enum(['newPartnership', 'exportReport', 'openContext', 'createContext', 'logCheckIn', 'logMetric']) }),
]);
export type PlannerFromWebview = z.infer<typeof PlannerFromWebview>;

/** A row of the pipeline: what RecordIndex summarises for one record. */
export interface PlannerRow {
  id: string;
  partner: string;
  community?: string;
  stage?: 'prospect' | 'contacted' | 'agreed' | 'active' | 'ended';
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
}

export type PlannerToWebview =
  | {
      type: 'init';
      today: string;
      readOnly: boolean;
      context?: PlannerContextInfo;
      folder: string;
    }
  | {
      /** The records changed: counts and the overdue list are current; ask for the page again. */
      type: 'changed';
      loading: boolean;
      counts: Record<'prospect' | 'contacted' | 'agreed' | 'active' | 'ended' | 'broken', number>;
      total: number;
      overdue: number;
      owners: string[];
      context?: PlannerContextInfo;
    }
  | { type: 'page'; requestId: number; items: PlannerRow[]; total: number }
  | {
      type: 'record';
      id: string;
      row?: PlannerRow;
      /** The record as read, with defaults filled in; absent for a broken record. */
      record?: import('../core/records/schema').PartnershipRecord;
      problems: { line: number; message: string; severity: 'error' | 'warning' }[];
      filePath: string;
    }
  | { type: 'select'; id: string }
  | { type: 'notice'; kind: 'info' | 'error'; message: string };
