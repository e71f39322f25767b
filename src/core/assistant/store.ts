import type { ParsedContext } from '../context';
import type { RecordIndex } from '../planner/recordIndex';
import type { RecordParse, RecordUpdate } from '../records';

/**
 * What the assistant's tools work on: the workspace's context and partnership records as one
 * host gives them. The extension gives its planner's index and writers (src/features/assistant),
 * the MCP server a checked walk of the folder on disk (src/mcp/workspace.ts). The tools compute
 * everything else with the same core functions as the sidebar, so both give the same numbers.
 */
export interface AssistantStore {
  /** Today, YYYY-MM-DD, in the user's time zone (as the planner counts check-ins). */
  today(): string;
  /** False in Restricted Mode (or when the server was started read-only): writes are refused. */
  readonly canWrite: boolean;
  /** Why writes are refused, when they are. */
  readonly readOnlyReason?: string;
  context(): Promise<StoreContext>;
  /** The records, loaded: the planner's index (ids are the host's own). */
  records(): Promise<RecordIndex>;
  /** The record's name: its file name without `.md`. */
  nameOf(id: string): string;
  /** The record's path relative to the workspace folder, for display. */
  pathOf(id: string): string;
  /** The whole record, read (undefined when it is gone). */
  open(id: string): Promise<RecordParse | undefined>;
  /** The record's Markdown text (for the resources), or undefined when it cannot be read. */
  text(id: string): Promise<string | undefined>;
  /** Changes one record through a core writer; the message says why when it did not. */
  write(id: string, change: (text: string) => RecordUpdate): Promise<StoreWrite>;
  /** Creates a record `<base>.md` (or `<base>-2.md`, ...) in the partnerships folder, never over a file. */
  create(base: string, text: string): Promise<{ ok: true; id: string } | { ok: false; message: string }>;
}

/**
 * What the tools that need no record work on (the playbook, the forecast, the context, the pitch:
 * ./guideTools.ts): the editor gives it without loading the planner's index.
 */
export type ContextStore = Pick<AssistantStore, 'canWrite' | 'readOnlyReason' | 'context'>;

export type StoreContext =
  | { state: 'ok'; path: string; parsed: ParsedContext; text: string }
  | { state: 'missing'; path: string }
  | { state: 'unreadable'; path: string; message: string };

export type StoreWrite = { ok: true; changed: boolean; text: string } | { ok: false; message: string };

/** A refusal: the message says why, and nothing was written. */
export class AssistantRefusal extends Error {}
