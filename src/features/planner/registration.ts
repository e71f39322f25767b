import { COMMANDS, INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { PlannerApi, PlannerModule } from './impl';

declare module '../../host/deps' {
  interface FeatureApis {
    /** The sidebar planner (loads it, and its record index, on first call). */
    planner: () => Promise<PlannerApi>;
  }
}

/**
 * The sidebar planner: its view and commands, loaded on first use (src/features/planner/impl.ts)
 * on the record index the features share (`deps.apis.records()`, src/features/records/), which
 * reads the records shortly after activation in a workspace with a partnerships folder.
 */
export function registerPlanner(context: vscode.ExtensionContext, deps: Deps): void {
  const chunk = lazyFeature<PlannerModule>('planner', context, deps);
  let started: PlannerApi | undefined;
  const load = (): PlannerApi => (started ??= chunk().start(deps.apis.records()));
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
  deps.apis.planner = loaded;
}
