import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import { relativeSetting } from '../../host/settings';
import type { RecordService } from './impl';

declare module '../../host/deps' {
  interface FeatureApis {
    /**
     * The partnership records of the workspace: one record index for every feature (loads its
     * code on the first call, without reading a record). `deps.apis.records().loaded()` is the
     * index read, and kept current from then on.
     */
    records: () => RecordService;
  }
}

/**
 * The record index (./impl.ts, loaded on first use) that the planner's view, the board, the
 * measures and the assistant share. A few seconds after activation, a workspace with a
 * partnerships folder gets its records read too, for the overdue check-ins badge; activation
 * itself never waits for it.
 */
export function registerRecords(context: vscode.ExtensionContext, deps: Deps): void {
  const load = lazyFeature<RecordService>('records', context, deps);
  const preload = async () => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const exists = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, relativeSetting(folder, 'partnershipsFolder', 'partnerships'))).then(
        () => true,
        () => false,
      );
      if (exists) {
        await load().ensureLoaded();
        return;
      }
    }
  };
  // Every failure of the preload (a setting that cannot be read included) is logged, none dropped.
  const timer = setTimeout(() => {
    preload().catch((err) => deps.log.error('Loading the partnership records failed', err));
  }, 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  deps.apis.records = load;
}
