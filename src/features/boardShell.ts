import * as vscode from 'vscode';
import type { Deps } from './deps';
import { lazyFeature } from './lazy';
import type { PlannerApi } from '../lazy/planner';
import type { BoardApi } from '../lazy/board';

export const BOARD_VIEW_TYPE = 'communityPartnerships.board';

/**
 * Open Pipeline Board: the command and the panel's restore after a reload (activation event
 * onWebviewPanel); the board itself (src/lazy/board.ts) is loaded on first use, on the
 * planner's record index.
 */
export function registerBoard(context: vscode.ExtensionContext, deps: Deps, planner: () => Promise<PlannerApi>): () => BoardApi {
  const load = lazyFeature<BoardApi>('board', context, deps);
  let bound = false;
  const api = (): BoardApi => {
    const b = load();
    if (!bound) {
      b.bind(async () => (await planner()).service);
      bound = true;
    }
    return b;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('communityPartnerships.openPipelineBoard', async () => {
      const b = api();
      b.open(await b.known());
    }),
    vscode.window.registerWebviewPanelSerializer(BOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => void api().restore(panel),
    }),
  );
  return api;
}
