// Loaded on the first "Open Pipeline Board" (or a board VS Code restores after a reload): the
// panel. The board reads the planner's record index; rendering, sorting and filtering run in
// the page (src/features/board/page.ts, src/features/board/model.ts).
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { PlannerService } from '../planner/api';
import { BoardPanel } from './panel';

export interface BoardApi {
  /** The planner's service, loaded (its index read) on the first call. */
  bind(planner: () => Promise<PlannerService>): void;
  /**
   * Opens the board, or shows the one that is open. With `known` (the planner's service, when it
   * is at hand) its rows go into the page's HTML: the first render needs no round trip.
   */
  open(known?: PlannerService): BoardPanel;
  /** The planner's service if it is ready now (a settled promise), else undefined at once. */
  known(): Promise<PlannerService | undefined>;
  /** A panel VS Code brought back after a reload. */
  restore(panel: vscode.WebviewPanel): BoardPanel;
  /** The open board, if any (tests). */
  current(): BoardPanel | undefined;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): BoardApi {
  let planner: (() => Promise<PlannerService>) | undefined;
  let open: BoardPanel | undefined;
  context.subscriptions.push({ dispose: () => open?.panel.dispose() });
  const make = (existing?: vscode.WebviewPanel, known?: PlannerService) => {
    open?.panel.dispose();
    if (!planner) throw new Error('The planner is not registered.');
    const panel = new BoardPanel(context.extensionUri, deps, planner(), context.workspaceState, () => {
      if (open === panel) open = undefined;
    }, existing, known);
    open = panel;
    return panel;
  };
  return {
    bind: (p) => {
      planner = p;
    },
    open: (known) => {
      if (open && !open.isDisposed) {
        open.reveal();
        return open;
      }
      return make(undefined, known);
    },
    // A settled promise wins the race against a timer of 0: no wait when the planner is not ready.
    known: () => (planner ? Promise.race([planner().catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), 0))]) : Promise.resolve(undefined)),
    restore: (panel) => make(panel),
    current: () => open,
  };
}
