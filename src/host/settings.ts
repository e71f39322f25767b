import * as vscode from 'vscode';
import { DEFAULT_CONTEXT_PATH } from '../core/context/sections';
import { workspaceRelativePath } from '../core/paths';

export const SECTION = 'communityPartnerships';

/**
 * A workspace-relative path from a setting, made safe: workspace settings come with the repo,
 * so a path that is absolute or climbs out of the folder (`..`) is refused and the default used.
 */
export function relativeSetting(folder: vscode.WorkspaceFolder, key: string, fallback: string, log?: vscode.LogOutputChannel): string {
  const raw = vscode.workspace.getConfiguration(SECTION, folder.uri).get<unknown>(key);
  if (typeof raw !== 'string' || raw.trim() === '') return fallback;
  const safe = workspaceRelativePath(raw);
  if (safe === undefined) {
    log?.warn(`Setting ${SECTION}.${key} = ${JSON.stringify(raw)} is not a path inside the workspace folder; using ${fallback}.`);
    return fallback;
  }
  return safe;
}

export function contextFileUri(folder: vscode.WorkspaceFolder, log?: vscode.LogOutputChannel): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, relativeSetting(folder, 'contextFile', DEFAULT_CONTEXT_PATH, log));
}

export function contextFileSetting(folder: vscode.WorkspaceFolder): string {
  return relativeSetting(folder, 'contextFile', DEFAULT_CONTEXT_PATH);
}
