import { COMMANDS, INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';

/** The walkthrough's id, as `workbench.action.openWalkthrough` takes it: publisher.name#id. */
export const WALKTHROUGH_ID = 'community-partnerships.community-partnerships#gettingStarted';

/**
 * Get Started: opens the walkthrough (package.json `contributes.walkthroughs`). VS Code opens it
 * by itself when the extension is installed, and lists it on the Welcome page.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, _deps: Deps): void {
  // The steps' context keys set in this window (package.json: `onContext:communityPartnerships.<step>`).
  const done = new Set<string>();
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.getStarted, () => openWalkthrough(done)),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.walkthroughStep, async (step: unknown) => {
      if (step !== 'partnershipCreated' && step !== 'plannerOpened') return;
      done.add(step);
      await vscode.commands.executeCommand('setContext', `communityPartnerships.${step}`, true);
    }),
  );
}

async function openWalkthrough(done: ReadonlySet<string>): Promise<void> {
  // VS Code's walkthrough service starts with the Welcome page (at once with the default start-up
  // editor, else when first opened) and ticks a step when its key turns true, not when it is true
  // already: keys set before it started are set again once it is open.
  for (const step of done) await vscode.commands.executeCommand('setContext', `communityPartnerships.${step}`, false);
  await showWalkthrough();
  for (const step of done) await vscode.commands.executeCommand('setContext', `communityPartnerships.${step}`, true);
}

async function showWalkthrough(): Promise<void> {
  // With an extension's details page as the active editor (an editor the API cannot describe:
  // its tab has no input), VS Code replaces that page with a Welcome page that does not wait
  // for the walkthrough asked for and, in a new profile, shows VS Code's own first walkthrough
  // instead. The Welcome page opened first, the walkthrough is then selected in it.
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (tab && tab.input === undefined) await vscode.commands.executeCommand('workbench.action.openWalkthrough');
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}
