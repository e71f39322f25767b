import * as vscode from 'vscode';
import * as assert from 'node:assert';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'community-partnerships.community-partnerships';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const exported = await ext.activate();
  await exported.contexts.ready;
  return exported;
}

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder');
  return f;
}

export function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, rel);
}

export async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Polls until `check` returns a truthy value (events in the extension host are asynchronous). */
export async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, describe?: () => string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}${describe ? `: ${describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * A record changed by a view's write: that write was an edit of the file's document, saved (so
 * the editor's own Undo takes it back), and Undo then Save bring the original bytes back.
 */
export async function undoInEditor(rel: string, original: string): Promise<void> {
  const uri = file(rel).toString();
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  assert.ok(doc && !doc.isDirty, 'written through the document, and saved');
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('undo');
  assert.strictEqual(doc.getText(), original, 'Undo in the editor restores the text');
  await vscode.commands.executeCommand('workbench.action.files.save');
  assert.strictEqual(await readFile(file(rel)), original, 'and, saved, the bytes');
}

/** Reverts every unsaved document, then closes every editor (so a test edit never leaks or gets saved). */
export async function revertAndCloseAll(): Promise<void> {
  const untitled: vscode.TextDocument[] = [];
  for (const d of vscode.workspace.textDocuments) {
    if (!d.isDirty) continue;
    if (d.isUntitled) untitled.push(d);
    await vscode.window.showTextDocument(d, { preview: false });
    if (vscode.window.activeTextEditor?.document !== d) throw new Error(`could not focus ${d.uri.toString()} to revert it`);
    // An untitled document has nothing to revert to: it is closed without saving.
    await vscode.commands.executeCommand(d.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
    await until(`the revert of ${d.uri.toString()}`, () => !d.isDirty || d.isClosed);
  }
  await closeAllEditors();
  // A closed untitled document leaves the extension host a moment after its editor: until then
  // VS Code 1.139 hands the next `openTextDocument({ content })` (which reuses the name
  // Untitled-1) that stale document, with the old text.
  await until('the closed untitled documents to leave the extension host', () => untitled.every((d) => d.isClosed), 10_000, () =>
    untitled.filter((d) => !d.isClosed).map((d) => `${d.uri.toString()} (dirty: ${d.isDirty})`).join(', '));
}
