import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { AgreementApi } from './impl';

/**
 * The agreement checklist and Generate / Insert Partnership Agreement: the commands and the
 * panel's restore; the checklist (./impl.ts) is loaded on first use.
 */
export function registerAgreement(context: vscode.ExtensionContext, deps: Deps): void {
  const agreement = lazyFeature<AgreementApi>('agreement', context, deps);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openAgreement, () => agreement().open()),
    vscode.commands.registerCommand(COMMANDS.generateAgreement, (target?: unknown) => agreement().generate(target)),
    vscode.commands.registerCommand(COMMANDS.insertAgreement, () => agreement().insert()),
    // After a reload the checklist comes back as it was (activation event onWebviewPanel).
    vscode.window.registerWebviewPanelSerializer('communityPartnerships.agreement', {
      deserializeWebviewPanel: async (panel) => void agreement().restore(panel),
    }),
  );
}
