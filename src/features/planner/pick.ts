// The quick pick of a partnership, shared by the planner's commands and the measure commands
// (through ./api.ts): a module of its own, so that what uses it does not load the commands.
import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { stageLabel } from '../../core/planner/labels';
import type { RecordService } from '../records/api';

/**
 * Workspace text shown in a quick pick: `$(name)` there is an icon, and a record must not pick
 * icons (or hide its text behind one). `\$(` is VS Code's escape: shown as typed, `$(name)`.
 */
export function pickText(text: string | undefined): string {
  return (text ?? '').replace(/\$\(/g, '\\$(');
}

/**
 * The partnership a command works on: the one given (an id or a record's file), else a quick
 * pick of the readable records, the active editor's record first (else `preferred`, the one the
 * planner shows), then by name. With no record yet it offers New Partnership.
 */
export async function pickPartnership(service: RecordService, options: { arg?: unknown; placeHolder: string; title?: string; preferred?: string }): Promise<string | undefined> {
  await service.ensureLoaded();
  const { arg } = options;
  if (typeof arg === 'string' && service.index.get(arg)) return arg;
  if (arg instanceof vscode.Uri) {
    const id = service.idOf(arg);
    if (id) return id;
  }
  const all = service.index.all().filter((r) => !r.summary.broken);
  if (all.length === 0) {
    const create = vscode.l10n.t('New Partnership');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('There are no partnership records yet.'), create);
    if (choice === create) await vscode.commands.executeCommand(COMMANDS.newPartnership);
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const first = (active && service.idOf(active)) ?? (options.preferred && service.index.get(options.preferred) ? options.preferred : undefined);
  const items = all.map((r) => ({
    label: pickText(r.summary.partner),
    description: pickText([r.summary.stage && stageLabel(r.summary.stage), r.summary.community].filter(Boolean).join(' · ')),
    detail: pickText(vscode.workspace.asRelativePath(service.uriOf(r.id) ?? vscode.Uri.parse(r.id))),
    id: r.id,
  }));
  items.sort((a, b) => (a.id === first ? -1 : b.id === first ? 1 : a.label.localeCompare(b.label)));
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return picked?.id;
}
