import { INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { applyEditsToFile, readText } from '../../host/files';
import { mayWrite } from '../../host/trust';
import { DIAGNOSTIC_SOURCE } from '../../host/diagnostics';

const SCHEME = 'community-context-proposal';
export const RESTRUCTURE_COMMAND = INTERNAL_COMMANDS.restructureContext;

/**
 * The Quick Fix for a context file where none (or few) of the labels are the family's: it
 * rewrites the file into the family's structure. The rewrite is shown first as a diff against
 * the file; it is written only when the user confirms, through the editor when the file has
 * unsaved changes, and never when the file changed in the meantime.
 */
export function registerContextRestructure(context: vscode.ExtensionContext, deps: Deps): void {
  const proposals = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, { onDidChange: changed.event, provideTextDocumentContent: (uri) => proposals.get(uri.toString()) ?? '' }),
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      {
        provideCodeActions(document, _range, ctx) {
          if (!deps.contexts.folderFor(document.uri) || !mayWrite({ quiet: true })) return [];
          const diagnostics = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'unrecognised');
          if (diagnostics.length === 0) return [];
          const action = new vscode.CodeAction(vscode.l10n.t('Rewrite into the community context structure…'), vscode.CodeActionKind.QuickFix);
          action.diagnostics = diagnostics;
          action.isPreferred = true;
          action.command = { command: RESTRUCTURE_COMMAND, title: action.title, arguments: [document.uri] };
          return [action];
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(RESTRUCTURE_COMMAND, async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      const folder = uri && deps.contexts.folderFor(uri);
      if (!uri || !folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open the community context file first.'));
        return false;
      }
      if (!mayWrite()) return false;
      const read = await readText(uri);
      if (read.kind !== 'text') {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read, so nothing was rewritten.', vscode.workspace.asRelativePath(uri)));
        return false;
      }
      const proposal = deps.contexts.parser().restructureContext(read.text);
      const proposed = uri.with({ scheme: SCHEME, query: `${Date.now()}` });
      proposals.set(proposed.toString(), proposal.text);
      const rel = vscode.workspace.asRelativePath(uri);
      await vscode.commands.executeCommand('vscode.diff', uri, proposed, vscode.l10n.t('{0} ↔ in the community context structure (proposed)', rel), { preview: true });

      const carried = proposal.carried.length;
      const detail = proposal.text.includes('## Notes kept from the earlier file')
        ? vscode.l10n.t('{0} of 39 fields carry a value from the file; the rest of its text is kept under "{1}". The diff shows every change.', carried, 'Notes kept from the earlier file')
        : vscode.l10n.t('{0} of 39 fields carry a value from the file. The diff shows every change.', carried);
      const rewrite = vscode.l10n.t('Rewrite File');
      const preset = deps.webviews.presetAnswer('contextRestructure', rel);
      const confirmed = preset ?? (await vscode.window.showWarningMessage(vscode.l10n.t('Rewrite {0} into the community context structure, as shown in the diff?', rel), { modal: true, detail }, rewrite)) === rewrite;
      proposals.delete(proposed.toString());
      if (!confirmed) return false;
      const { applied, saved } = await applyEditsToFile(uri, read.text, [{ start: 0, end: read.text.length, newText: proposal.text }]);
      if (!applied) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed while the rewrite was shown, so nothing was written. Run the Quick Fix again.', rel));
        return false;
      }
      await deps.contexts.refresh(folder);
      deps.log.info(`Restructured ${uri.toString()} (${carried} fields carried over)`);
      if (!saved) void vscode.window.showInformationMessage(vscode.l10n.t('The rewrite is in the open editor of {0}, next to your unsaved edits. Save the file when ready.', rel));
      return true;
    }),
  );
}
