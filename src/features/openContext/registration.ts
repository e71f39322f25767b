import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { pickFolder } from '../../host/folders';
import type { Deps } from '../../host/deps';

/** "Open Community Context": opens the file, or offers to create it. */
export function registerOpenContext(context: vscode.ExtensionContext, { contexts }: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openContext, async (arg?: unknown) => {
      const folder = await pickFolder(arg, vscode.l10n.t('Open the community context of which folder?'));
      if (!folder) return;
      const c = await contexts.refresh(folder);
      if (c.state === 'missing') {
        const create = vscode.l10n.t('Create Community Context');
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The folder {0} has no {1} yet.', folder.name, vscode.workspace.asRelativePath(c.uri)), create);
        if (choice === create) await vscode.commands.executeCommand(COMMANDS.createContext, folder);
        return;
      }
      if (c.state === 'unreadable') {
        void vscode.window.showErrorMessage(c.message);
        // A folder or a huge file can't usefully open in an editor; a small bad file can.
        if (c.code === 'binary' || c.code === 'encoding') await vscode.commands.executeCommand('revealInExplorer', c.uri);
        return;
      }
      await vscode.window.showTextDocument(c.uri);
    }),
  );
}
