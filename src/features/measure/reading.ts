// Reading a CSV export (its bytes from ./common.ts): the column mapping asked once the header is
// known, then the whole file with a cancellable progress.
import * as vscode from 'vscode';
import { pickText } from '../planner/api';
import { readCsv, type CsvRow, type ReadSummary } from '../../core/measure/csv';
import { fileNamePattern, guessMapping, mappingFits, roleTitle, type ColumnMapping, type ColumnRole } from '../../core/measure/mapping';
import { estimateRows } from '../../core/measure/lists';
import { openExport, type Measure } from './common';

export const MAPPINGS_KEY = 'communityPartnerships.measure.mappings';

/** Reads a CSV with a progress notification (cancellable), the mapping asked once the header is known. */
export async function readExport<T>(m: Measure, uri: vscode.Uri, title: string, needs: { roles: readonly ColumnRole[]; required: readonly ColumnRole[]; given?: ColumnMapping }, start: (header: string[], mapping: ColumnMapping, sample: CsvRow[], expectedRows: number) => { add(rows: CsvRow[]): void | Promise<void>; done(): T | Promise<T> }): Promise<{ value: T; summary: ReadSummary } | undefined> {
  const opened = await openExport(uri);
  if ('message' in opened) {
    void vscode.window.showErrorMessage(opened.message);
    return undefined;
  }
  // The header and first rows first (for the mapping), then the whole file with progress.
  const head = await readHead(uri);
  if (!head) return undefined;
  if (head.header.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no header row: nothing to read.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const mapping = await chooseMapping(m, uri, head.header, head.rows, needs);
  if (!mapping) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}: ${name}`, cancellable: true }, async (progress, token) => {
    const again = await openExport(uri);
    if ('message' in again) {
      void vscode.window.showErrorMessage(again.message);
      return undefined;
    }
    let consumer: ReturnType<typeof start> | undefined;
    let reported = 0;
    const summary = await readCsv(again.chunks, {
      onRows: async (rows, table) => {
        consumer ??= start(table.header, mapping, head.rows, estimateRows(again.size, head.rows));
        await consumer.add(rows);
      },
      onProgress: (bytes) => {
        const pct = again.size ? Math.min(100, (bytes / again.size) * 100) : 0;
        progress.report({ increment: pct - reported, message: `${Math.round(pct)}%` });
        reported = pct;
      },
      cancelled: () => token.isCancellationRequested,
    });
    if (summary.cancelled) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Cancelled: nothing was logged.'), 4000);
      return undefined;
    }
    consumer ??= start(summary.header, mapping, [], 0);
    return { value: await consumer.done(), summary };
  });
}

/** The header and up to 20 rows, for the mapping step. */
export async function readHead(uri: vscode.Uri, quiet = false): Promise<{ header: string[]; rows: CsvRow[] } | undefined> {
  const opened = await openExport(uri);
  if ('message' in opened) {
    if (!quiet) void vscode.window.showErrorMessage(opened.message);
    return undefined;
  }
  const rows: CsvRow[] = [];
  let stop = false;
  const summary = await readCsv(opened.chunks, {
    onRows: (batch) => {
      rows.push(...batch.slice(0, 20 - rows.length));
      if (rows.length >= 20) stop = true;
    },
    cancelled: () => stop,
  });
  // The local reader closes its file when the iteration stops: drain nothing more.
  return { header: summary.header, rows };
}

export function mappings(m: Measure): Record<string, ColumnMapping> {
  return m.context.workspaceState.get<Record<string, ColumnMapping>>(MAPPINGS_KEY) ?? {};
}

/**
 * The columns to use: the given mapping, else the one remembered for files named like this
 * one (when it fits the header), else the guesses; the user confirms or changes them in one
 * list, and the answer is remembered.
 */
async function chooseMapping(m: Measure, uri: vscode.Uri, header: string[], sample: CsvRow[], needs: { roles: readonly ColumnRole[]; required: readonly ColumnRole[]; given?: ColumnMapping }): Promise<ColumnMapping | undefined> {
  if (needs.given) {
    const missing = needs.required.filter((r) => !needs.given![r] || !header.includes(needs.given![r]!));
    if (missing.length) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The file has no column {0}.', missing.map((r) => needs.given![r] ?? r).join(', ')));
      return undefined;
    }
    return needs.given;
  }
  const pattern = fileNamePattern(uri.path);
  const remembered = mappings(m)[pattern];
  let mapping: ColumnMapping = remembered && mappingFits(header, remembered) ? { ...remembered } : guessMapping(header);
  for (const role of Object.keys(mapping) as ColumnRole[]) if (!needs.roles.includes(role)) delete mapping[role];
  const example = (column: string | undefined): string => {
    if (!column) return '';
    const at = header.indexOf(column);
    const values = sample.map((r) => r.fields[at] ?? '').filter((v) => v.trim() !== '').slice(0, 3);
    return values.map((v) => (v.length > 30 ? `${v.slice(0, 29)}…` : v)).join(', ');
  };
  for (;;) {
    const missing = needs.required.filter((r) => !mapping[r]);
    const items: (vscode.QuickPickItem & { role?: ColumnRole; go?: boolean })[] = [
      missing.length
        ? { label: `$(warning) ${vscode.l10n.t('Choose the column first: {0}', missing.map((r) => roleTitle(r)).join(', '))}`, alwaysShow: true }
        : { label: `$(check) ${vscode.l10n.t('Use these columns')}`, description: remembered ? vscode.l10n.t('remembered for files named like this one') : '', go: true, alwaysShow: true },
      { label: vscode.l10n.t('Columns'), kind: vscode.QuickPickItemKind.Separator },
      ...needs.roles.map((role) => ({
        label: needs.required.includes(role) ? roleTitle(role) : vscode.l10n.t('{0} (optional)', roleTitle(role)),
        description: mapping[role] ? `← ${pickText(mapping[role])}` : `← ${vscode.l10n.t('none')}`,
        detail: pickText(example(mapping[role])),
        role,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Columns of {0}', pickText(uri.path.split('/').pop())), placeHolder: vscode.l10n.t('Pick a line to change its column, or use these columns'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.go) break;
    if (!picked.role) continue;
    const role = picked.role;
    const column = await vscode.window.showQuickPick(
      [
        ...(needs.required.includes(role) ? [] : [{ label: `$(close) ${vscode.l10n.t('None')}`, column: undefined as string | undefined }]),
        ...header.map((h) => ({ label: pickText(h) || vscode.l10n.t('(no name)'), description: pickText(example(h)), column: h as string | undefined })),
      ],
      { title: vscode.l10n.t('Which column holds this: {0}?', roleTitle(role)), matchOnDescription: true, ignoreFocusOut: true },
    );
    if (!column) continue;
    mapping = { ...mapping, [role]: column.column };
    if (column.column === undefined) delete mapping[role];
  }
  await m.context.workspaceState.update(MAPPINGS_KEY, { ...mappings(m), [pattern]: mapping });
  return mapping;
}
