import * as vscode from 'vscode';
import { pickFolder } from './folders';
import type { Deps } from './deps';

/** "Open Community Context": opens the file, or offers to create it. */
export function registerContextCommands(context: vscode.ExtensionContext, { contexts }: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('communityPartnerships.openContext', async (arg?: unknown) => {
      const folder = await pickFolder(arg, 'Open the community context of which folder?');
      if (!folder) return;
      const c = await contexts.refresh(folder);
      if (c.state === 'missing') {
        const create = 'Create Community Context';
        const choice = await vscode.window.showInformationMessage(`The folder ${folder.name} has no ${vscode.workspace.asRelativePath(c.uri)} yet.`, create);
        if (choice === create) await vscode.commands.executeCommand('communityPartnerships.createContext', folder);
        return;
      }
      if (c.state === 'unreadable') {
        void vscode.window.showErrorMessage(c.message);
        // A folder or a huge file can't usefully open in an editor; a small bad file can.
        if (/not valid UTF-8|binary/.test(c.message)) await vscode.commands.executeCommand('revealInExplorer', c.uri);
        return;
      }
      await vscode.window.showTextDocument(c.uri);
    }),
  );
}
