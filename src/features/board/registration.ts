import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { BoardApi } from './impl';
import { BOARD_VIEW_TYPE } from './viewType';

declare module '../../host/deps' {
  interface FeatureApis {
    /** The pipeline board (loads it on first call). */
    board: () => BoardApi;
  }
}

/**
 * Open Pipeline Board: the command and the panel's restore after a reload (activation event
 * onWebviewPanel); the board itself (./impl.ts) is loaded on first use, on the record index the
 * features share (`deps.apis.records()`, without the planner's view).
 */
export function registerBoard(context: vscode.ExtensionContext, deps: Deps): void {
  const load = lazyFeature<BoardApi>('board', context, deps);
  let bound = false;
  const api = (): BoardApi => {
    const b = load();
    if (!bound) {
      b.bind(() => deps.apis.records().loaded());
      bound = true;
    }
    return b;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openPipelineBoard, async () => {
      const b = api();
      b.open(await b.known());
    }),
    vscode.window.registerWebviewPanelSerializer(BOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => void api().restore(panel),
    }),
  );
  deps.apis.board = api;
}
