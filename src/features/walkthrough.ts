import * as vscode from 'vscode';
import type { Deps } from './deps';

/** The walkthrough's id, as `workbench.action.openWalkthrough` takes it: publisher.name#id. */
export const WALKTHROUGH_ID = 'community-partnerships.community-partnerships#gettingStarted';

/**
 * Get Started: opens the walkthrough (package.json `contributes.walkthroughs`). VS Code opens it
 * by itself when the extension is installed, and lists it on the Welcome page.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, _deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('communityPartnerships.getStarted', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)),
  );
}
