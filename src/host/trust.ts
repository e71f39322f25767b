import * as vscode from 'vscode';

/** The one wording for a write refused in Restricted Mode (an untrusted workspace). */
export function restrictedText(): string {
  return vscode.l10n.t('This workspace is in Restricted Mode: nothing is written.');
}

/**
 * The workspace-trust check, written once: true when the workspace may be written to. Otherwise
 * it says so (once, with a button to manage trust, unless `quiet`) and returns false. The file
 * writers in ./files.ts call it first, so a command that forgets to ask still writes nothing.
 */
export function mayWrite(options: { quiet?: boolean } = {}): boolean {
  if (vscode.workspace.isTrusted) return true;
  if (!options.quiet) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window.showWarningMessage(restrictedText(), manage).then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }
  return false;
}
