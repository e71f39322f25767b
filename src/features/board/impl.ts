// Loaded on the first "Open Pipeline Board" (or a board VS Code restores after a reload): the
// panel. The board reads the record index the features share (src/features/records/);
// rendering, sorting and filtering run in the page (src/features/board/page.ts,
// src/features/board/model.ts).
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { RecordService } from '../records/api';
import { BoardPanel } from './panel';

export interface BoardApi {
  /** The record index, loaded (its records read) on the first call. */
  bind(records: () => Promise<RecordService>): void;
  /**
   * Opens the board, or shows the one that is open. With `known` (the record index, when it is
   * at hand) its rows go into the page's HTML: the first render needs no round trip.
   */
  open(known?: RecordService): BoardPanel;
  /** The record index if it is ready now (a settled promise), else undefined at once. */
  known(): Promise<RecordService | undefined>;
  /** A panel VS Code brought back after a reload. */
  restore(panel: vscode.WebviewPanel): BoardPanel;
  /** The open board, if any (tests). */
  current(): BoardPanel | undefined;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): BoardApi {
  let records: (() => Promise<RecordService>) | undefined;
  let open: BoardPanel | undefined;
  context.subscriptions.push({ dispose: () => open?.panel.dispose() });
  const make = (existing?: vscode.WebviewPanel, known?: RecordService) => {
    open?.panel.dispose();
    if (!records) throw new Error('The record index is not registered.');
    const panel = new BoardPanel(context.extensionUri, deps, records(), context.workspaceState, () => {
      if (open === panel) open = undefined;
    }, existing, known);
    open = panel;
    return panel;
  };
  return {
    bind: (r) => {
      records = r;
    },
    open: (known) => {
      if (open && !open.isDisposed) {
        open.reveal();
        return open;
      }
      return make(undefined, known);
    },
    // A settled promise wins the race against a timer of 0: no wait when the records are not read yet.
    known: () => (records ? Promise.race([records().catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), 0))]) : Promise.resolve(undefined)),
    restore: (panel) => make(panel),
    current: () => open,
  };
}
