// The pipeline board's part of the webview protocol (the shared part: src/webview/protocol.ts).
import * as z from 'zod/mini';
import { STAGES } from '../../core/records/stages';
import { requestId } from '../../webview/protocol';
import { recordId, type RecordRow } from '../records/protocol';

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
export interface BoardRow extends RecordRow {
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
