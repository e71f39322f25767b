import * as vscode from 'vscode';
import { CONTEXT_LABELS, type ContextLabel } from '../../core/context/sections';
import { parseContext, renderContext, updateContext } from '../../core/context';
import { applyEditsToFile, createFile, readText } from '../../host/files';
import { contextFileUri } from '../../host/settings';

export type ContextValues = Partial<Record<ContextLabel, string>>;

export type WriteResult =
  | { ok: true; uri: vscode.Uri; changed: number; saved: boolean; inEditor: boolean; skipped: { label: ContextLabel; reason: string }[] }
  | { ok: false; message: string };

/** Only the known labels, trimmed; anything else a caller passes is ignored. */
export function cleanValues(raw: Record<string, unknown>): ContextValues {
  const out: ContextValues = {};
  for (const l of CONTEXT_LABELS) {
    const v = raw[l];
    if (typeof v === 'string') out[l] = v.trim();
  }
  return out;
}

/** Writes a new context file in the exact structure the skill family uses; never replaces one. */
export async function createContextFile(folder: vscode.WorkspaceFolder, values: ContextValues): Promise<WriteResult> {
  const uri = contextFileUri(folder);
  const rel = vscode.workspace.asRelativePath(uri);
  const read = await readText(uri);
  if (read.kind === 'unreadable') return { ok: false, message: vscode.l10n.t('{0} {1}. Nothing was written.', rel, read.message) };
  if (read.kind !== 'missing') {
    return { ok: false, message: vscode.l10n.t('{0} exists already. Use "{1}", so nothing in it is lost.', rel, vscode.l10n.t('Update Community Context')) };
  }
  if (!(await createFile(uri, renderContext(values)))) {
    return { ok: false, message: vscode.l10n.t('{0} could not be created: a file or an unsaved editor is in the way.', rel) };
  }
  return { ok: true, uri, changed: Object.values(values).filter(Boolean).length, saved: true, inEditor: false, skipped: [] };
}

/**
 * Changes the given fields of the context file and nothing else. `baseline` is what the caller
 * believed the values were; a field that changed in the file since then is a conflict, and
 * `confirm` decides whether to replace it. The edit goes through the open document when there
 * is one, on top of its unsaved changes.
 */
export async function updateContextFile(
  folder: vscode.WorkspaceFolder,
  changes: ContextValues,
  baseline: ContextValues | undefined,
  confirm: (conflicts: ContextLabel[]) => Promise<boolean>,
): Promise<WriteResult> {
  const uri = contextFileUri(folder);
  for (let attempt = 0; attempt < 3; attempt++) {
    const read = await readText(uri);
    if (read.kind === 'missing') return { ok: false, message: vscode.l10n.t('{0} does not exist. Create it first.', vscode.workspace.asRelativePath(uri)) };
    if (read.kind === 'unreadable') return { ok: false, message: vscode.l10n.t('{0} {1}. Nothing was written.', vscode.workspace.asRelativePath(uri), read.message) };
    const now = parseContext(read.text).values;
    const labels = Object.keys(changes) as ContextLabel[];
    if (baseline) {
      const conflicts = labels.filter((l) => (now[l] ?? '') !== (baseline[l] ?? '') && (now[l] ?? '') !== (changes[l] ?? ''));
      if (conflicts.length && !(await confirm(conflicts))) return { ok: false, message: vscode.l10n.t('Nothing was written.') };
    }
    const result = updateContext(read.text, changes);
    const { applied, saved, message } = await applyEditsToFile(uri, read.text, result.edits);
    if (message) return { ok: false, message: vscode.l10n.t('{0}. Nothing was written.', message) };
    if (!applied) continue; // the document changed between the read and the edit: read again
    return { ok: true, uri, changed: result.edits.length, saved, inEditor: read.fromEditor, skipped: result.skipped };
  }
  return { ok: false, message: vscode.l10n.t('The file kept changing while it was being written. Nothing was written; try again.') };
}
