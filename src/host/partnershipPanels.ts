import * as vscode from 'vscode';
import type { FolderContext } from './contextService';
import type { PanelContext } from '../webview/protocol';
import type { Deps } from './deps';
import { PITCH_CONTEXT_LABELS } from '../core/pitchLabels';

/**
 * Helpers the pitch and agreement panels share (loaded with them, never by the entry bundle).
 */

/** The context labels the panels show or fill in; the rest of the file stays in the extension. */
const PANEL_LABELS = [...PITCH_CONTEXT_LABELS, 'Team'] as const;

/**
 * Keeps a panel on the context of its folder: the first context it gets, then every change of
 * that folder's context (a panel opened before any context was read takes the first one).
 */
export function followPanelContext(
  deps: Deps,
  current: () => FolderContext | undefined,
  update: (c: FolderContext) => void,
  disposables: vscode.Disposable[],
): void {
  deps.contexts.onDidChange(
    (c) => {
      const mine = current();
      if (!mine || c.folder.uri.toString() === mine.folder.uri.toString()) update(c);
    },
    undefined,
    disposables,
  );
}

export function panelContext(c: FolderContext | undefined): PanelContext {
  const values: Record<string, string> = {};
  if (c?.state === 'ok') for (const l of PANEL_LABELS) values[l] = c.parsed.values[l] ?? '';
  return {
    folderName: c?.folder.name ?? '',
    contextPath: c ? vscode.workspace.asRelativePath(c.uri) : '.claude/community-context.md',
    state: c?.state ?? 'missing',
    values,
  };
}

/**
 * The text editor the user worked in last. While a webview has focus `activeTextEditor` is
 * undefined, so the panels insert into the editor that was active before.
 */
export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  private readonly sub = vscode.window.onDidChangeActiveTextEditor((e) => {
    if (e && isUserDocument(e.document)) this.last = e;
  });

  /** The last active editor, shown again if it was hidden since; undefined if its document is closed. */
  async editor(): Promise<vscode.TextEditor | undefined> {
    const last = this.last;
    if (!last || last.document.isClosed) return undefined;
    const visible = vscode.window.visibleTextEditors.find((e) => e === last) ?? vscode.window.visibleTextEditors.find((e) => e.document === last.document);
    if (visible) return visible;
    // Hidden behind another tab: showing it again restores its cursor.
    return vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: false });
  }

  dispose(): void {
    this.sub.dispose();
  }
}

/** Output and other panels are text editors too; only documents the user edits count. */
function isUserDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme !== 'output' && doc.uri.scheme !== 'vscode-scm' && !doc.uri.scheme.startsWith('vscode-');
}

/**
 * A new untitled Markdown document with this text, shown in the first editor group (a page's
 * webview is beside it) or where the options say.
 */
export async function openMarkdownDocument(text: string, show: vscode.TextDocumentShowOptions = { viewColumn: vscode.ViewColumn.One }): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  const editor = await vscode.window.showTextDocument(doc, show);
  // VS Code may hand back a new Untitled-N with the text of the Untitled-N just closed (its
  // backup is discarded a moment later): the document gets the text it was opened for.
  if (doc.getText() !== text) await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
  return editor;
}
