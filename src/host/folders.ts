import * as vscode from 'vscode';

/**
 * The workspace folder a command works on: the one passed in (from the status bar or a
 * test), the only one, or the user's pick in a multi-root workspace.
 */
export async function pickFolder(arg: unknown, placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the community context lives in a workspace folder.'));
    return undefined;
  }
  const given = asFolder(arg);
  if (given) return given;
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder, ignoreFocusOut: true });
}

function asFolder(arg: unknown): vscode.WorkspaceFolder | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const uri = (arg as { uri?: unknown }).uri ?? arg;
  if (uri instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(uri);
  return undefined;
}
