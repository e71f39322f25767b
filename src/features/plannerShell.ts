import * as vscode from 'vscode';
import type { Deps } from './deps';
import { lazyFeature } from './lazy';
import { relativeSetting } from './settings';
import type { PlannerApi } from '../lazy/planner';

/**
 * The sidebar planner: its view and commands, with the record index, the view and the writers
 * loaded on first use (src/lazy/planner.ts). A few seconds after activation, a workspace with a
 * partnerships folder gets its index loaded too, for the overdue check-ins badge; activation
 * itself never waits for it.
 */
export function registerPlanner(context: vscode.ExtensionContext, deps: Deps): () => Promise<PlannerApi> {
  const load = lazyFeature<PlannerApi>('planner', context, deps);
  const loaded = async () => {
    const api = load();
    await api.ensureLoaded();
    return api;
  };
  const command = (name: keyof PlannerApi & ('newPartnership' | 'logMetric' | 'logCheckIn' | 'exportReport')) => (arg?: unknown, options?: unknown) => load()[name](arg, options);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('communityPartnerships.planner', { resolveWebviewView: (view) => load().resolveView(view) }),
    vscode.commands.registerCommand('communityPartnerships.newPartnership', command('newPartnership')),
    vscode.commands.registerCommand('communityPartnerships.logMetric', command('logMetric')),
    vscode.commands.registerCommand('communityPartnerships.logCheckIn', command('logCheckIn')),
    vscode.commands.registerCommand('communityPartnerships.exportReport', command('exportReport')),
    // Not in the Command Palette any more (VS Code's own "Focus on Planner View" and "View: Show
    // Community Partnerships" open it): kept for keybindings and links made before.
    vscode.commands.registerCommand('communityPartnerships.openPlanner', () => vscode.commands.executeCommand('communityPartnerships.planner.focus')),
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
  return loaded;
}
