import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { contextFormCommands } from './panel';

/** Create / Update Community Context: the commands, with the form loaded on first use. */
export function registerContextForm(context: vscode.ExtensionContext, deps: Deps): void {
  const load = lazyFeature<ReturnType<typeof contextFormCommands>>('contextForm', context, deps);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.createContext, (arg?: unknown, options?: unknown) => load().create(arg, options)),
    vscode.commands.registerCommand(COMMANDS.updateContext, (arg?: unknown, options?: unknown) => load().update(arg, options)),
    // After a reload the form comes back, with what was typed in it (activation event onWebviewPanel).
    vscode.window.registerWebviewPanelSerializer('communityPartnerships.contextForm', {
      deserializeWebviewPanel: (panel, state) => load().restore(panel, state),
    }),
  );
}
