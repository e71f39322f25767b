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
  /** Opens the board, or shows the one that is open. */
  open(): BoardPanel;
  /** A panel VS Code brought back after a reload. */
  restore(panel: vscode.WebviewPanel): BoardPanel;
  /** The open board, if any (tests). */
  current(): BoardPanel | undefined;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): BoardApi {
  let planner: (() => Promise<PlannerService>) | undefined;
  let open: BoardPanel | undefined;
  context.subscriptions.push({ dispose: () => open?.panel.dispose() });
  const make = (existing?: vscode.WebviewPanel) => {
    open?.panel.dispose();
    if (!planner) throw new Error('The planner is not registered.');
    const panel = new BoardPanel(context.extensionUri, deps, planner(), context.workspaceState, () => {
      if (open === panel) open = undefined;
    }, existing);
    open = panel;
    return panel;
  };
  return {
    bind: (p) => {
      planner = p;
    },
    open: () => {
      if (open && !open.isDisposed) {
        open.reveal();
        return open;
      }
      return make();
    },
    restore: (panel) => make(panel),
    current: () => open,
  };
}
