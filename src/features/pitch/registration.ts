import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { PitchApi } from './impl';

/** Draft Outreach Pitch: the command and the panel's restore; the panel (./impl.ts) is loaded on first use. */
export function registerPitch(context: vscode.ExtensionContext, deps: Deps): void {
  const pitch = lazyFeature<PitchApi>('pitch', context, deps);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.draftPitch, () => pitch().draft()),
    // After a reload the pitch comes back as it was (activation event onWebviewPanel).
    vscode.window.registerWebviewPanelSerializer('communityPartnerships.pitch', {
      deserializeWebviewPanel: async (panel) => void pitch().restore(panel),
    }),
  );
}
