import { COMMANDS, INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import { relativeSetting } from '../../host/settings';
import type { PlannerApi } from './impl';

declare module '../../host/deps' {
  interface FeatureApis {
    /** The sidebar planner (loads it, and its record index, on first call). */
    planner: () => Promise<PlannerApi>;
  }
}

/**
 * The sidebar planner: its view and commands, with the record index, the view and the writers
 * loaded on first use (src/features/planner/impl.ts). A few seconds after activation, a workspace with a
 * partnerships folder gets its index loaded too, for the overdue check-ins badge; activation
 * itself never waits for it.
 */
export function registerPlanner(context: vscode.ExtensionContext, deps: Deps): void {
  const load = lazyFeature<PlannerApi>('planner', context, deps);
  const loaded = async () => {
    const api = load();
    await api.ensureLoaded();
    return api;
  };
  const command = (name: keyof PlannerApi & ('newPartnership' | 'logMetric' | 'logCheckIn' | 'exportReport')) => (arg?: unknown, options?: unknown) => load()[name](arg, options);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('communityPartnerships.planner', { resolveWebviewView: (view) => load().resolveView(view) }),
    vscode.commands.registerCommand(COMMANDS.newPartnership, command('newPartnership')),
    vscode.commands.registerCommand(COMMANDS.logMetric, command('logMetric')),
    vscode.commands.registerCommand(COMMANDS.logCheckIn, command('logCheckIn')),
    vscode.commands.registerCommand(COMMANDS.exportReport, command('exportReport')),
    // Not in the Command Palette any more (VS Code's own "Focus on Planner View" and "View: Show
    // Community Partnerships" open it): kept for keybindings and links made before.
    vscode.commands.registerCommand(INTERNAL_COMMANDS.openPlanner, () => vscode.commands.executeCommand(INTERNAL_COMMANDS.focusPlanner)),
  );
  const preload = async () => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const exists = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, relativeSetting(folder, 'partnershipsFolder', 'partnerships'))).then(
        () => true,
        () => false,
      );
      if (exists) {
        await loaded();
        return;
      }
    }
  };
  // Every failure of the preload (a setting that cannot be read included) is logged, none dropped.
  const timer = setTimeout(() => {
    preload().catch((err) => deps.log.error('Loading the partnership records failed', err));
  }, 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  deps.apis.planner = loaded;
}
