// Import Partnership Tracker: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { pickText } from '../planner/api';
import { createNewFile } from '../../host/files';
import { recordContextInput } from '../../core/records/template';
import type { CsvRow } from '../../core/measure/csv';
import { fileNamePattern, type ColumnMapping } from '../../core/measure/mapping';
import { TRACKER_FIELDS, TRACKER_FIELD_TITLES, guessTrackerMapping, planTrackerImport, readTracker, trackerRecordText, trackerRowPreview, type TrackerMapping, type TrackerPlan } from '../../core/measure/tracker';
import { CSV_FILTERS, given, logBadRows, openExport, pickFile, run, service, showSkipped, skippedNote, trusted, type Measure } from './common';
import { MAPPINGS_KEY, mappings } from './reading';

export function importTracker(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Import Partnership Tracker', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const file = await pickFile(g.tracker, vscode.l10n.t('The tracker export (Notion, Airtable or a spreadsheet, as CSV)'), CSV_FILTERS);
      if (!file) return undefined;
      const root = s.roots()[0];
      if (!root) return undefined;
      const opened = await openExport(file);
      if ('message' in opened) {
        void vscode.window.showErrorMessage(opened.message);
        return undefined;
      }
      const read = await readTracker(opened.chunks);
      if (!read.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}.', vscode.workspace.asRelativePath(file), read.message));
        return undefined;
      }
      const { summary, rows } = read;
      if (summary.header.length === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no header row: nothing to import.', vscode.workspace.asRelativePath(file)));
        return undefined;
      }
      const mapping = g.trackerMapping ? fromNames(summary.header, g.trackerMapping) : await chooseTrackerMapping(m, summary.header, rows, file);
      if (!mapping) return undefined;
      if (mapping.partner === undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Choose the column that holds the partner name: a record needs one.'));
        return undefined;
      }
      const existing = s.index.all();
      const partners = existing.filter((r) => !r.summary.broken).map((r) => r.summary.partner);
      const fileNames = new Set(existing.map((r) => s.uriOf(r.id)?.path.split('/').pop() ?? '').filter(Boolean));
      const plan = planTrackerImport(summary.header, rows, mapping, { partners, fileNames });
      const skipped = logBadRows(m, vscode.workspace.asRelativePath(file), plan.bad, summary.problems);
      for (const r of plan.skipped) m.deps.log.info(`  line ${r.line}: ${r.partner} ${r.reason}: skipped`);
      for (const r of plan.rows) for (const w of r.warnings) m.deps.log.info(`  line ${r.line}: ${r.partner}: ${w}`);
      if (plan.rows.length === 0) {
        showSkipped(m, vscode.l10n.t('Nothing to import: every partner has a record already ({0} rows skipped).', plan.skipped.length) + skippedNote(skipped), skipped);
        return { created: [], skipped: plan.skipped.length, bad: plan.bad.count };
      }
      if (!g.confirm && !(await confirmImport(plan, root.rel, file))) return undefined;
      const ctx = m.deps.contexts.get(root.folder);
      const fromContext = recordContextInput(ctx?.state === 'ok' ? ctx.parsed : undefined);
      const created: vscode.Uri[] = [];
      const failed: string[] = [];
      for (const row of plan.rows) {
        const text = trackerRecordText(row, s.today(), fromContext);
        const base = row.fileName.replace(/\.md$/, '');
        let done: vscode.Uri | undefined;
        for (let n = 1; n < 100 && !done; n++) {
          const candidate = vscode.Uri.joinPath(root.uri, `${n === 1 ? base : `${base}-${n}`}.md`);
          const outcome = await createNewFile(candidate, text);
          if (outcome.ok) done = candidate;
          else if (!outcome.exists) {
            failed.push(`${row.partner}: ${outcome.message}`);
            break;
          }
        }
        if (done) {
          s.created(done, text);
          created.push(done);
        }
      }
      for (const f of failed) m.deps.log.error(`Not imported: ${f}`);
      const skip = plan.skipped.length ? ` ${vscode.l10n.t('Skipped (a record exists already, or the partner is listed twice): {0}.', plan.skipped.length)}` : '';
      showSkipped(m, vscode.l10n.t('Partnership records imported into {0}/: {1}.', root.rel, created.length) + skip + (failed.length ? ` ${vscode.l10n.t('Not written (see the output): {0}.', failed.length)}` : '') + skippedNote(skipped), skipped + failed.length);
      return { created, skipped: plan.skipped.length, bad: plan.bad.count };
    });
}

function fromNames(header: readonly string[], names: Partial<Record<string, string>>): TrackerMapping {
  const out: TrackerMapping = {};
  for (const f of TRACKER_FIELDS) {
    const at = names[f] === undefined ? -1 : header.indexOf(names[f]!);
    if (at >= 0) out[f] = at;
  }
  return out;
}

async function chooseTrackerMapping(m: Measure, header: string[], rows: CsvRow[], file: vscode.Uri): Promise<TrackerMapping | undefined> {
  const key = `tracker:${fileNamePattern(file.path)}`;
  const remembered = mappings(m)[key] as Partial<Record<string, string>> | undefined;
  let mapping: TrackerMapping = remembered ? fromNames(header, remembered) : guessTrackerMapping(header);
  const example = (at: number | undefined) =>
    at === undefined
      ? ''
      : rows
          .map((r) => r.fields[at] ?? '')
          .filter((v) => v.trim())
          .slice(0, 3)
          .map((v) => (v.length > 30 ? `${v.slice(0, 29)}…` : v.replace(/\s+/g, ' ')))
          .join(', ');
  for (;;) {
    const items: (vscode.QuickPickItem & { field?: (typeof TRACKER_FIELDS)[number]; go?: boolean })[] = [
      mapping.partner === undefined ? { label: `$(warning) ${vscode.l10n.t('Choose the Partner column first')}`, alwaysShow: true } : { label: `$(check) ${rows.length === 1 ? vscode.l10n.t('Preview the import of 1 row') : vscode.l10n.t('Preview the import of {0} rows', rows.length)}`, go: true, alwaysShow: true },
      { label: vscode.l10n.t('Record keys'), kind: vscode.QuickPickItemKind.Separator },
      ...TRACKER_FIELDS.map((f) => ({ label: TRACKER_FIELD_TITLES[f], description: mapping[f] === undefined ? `← ${vscode.l10n.t('none')}` : `← ${pickText(header[mapping[f]!])}`, detail: pickText(example(mapping[f])), field: f })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Import Partnership Tracker: {0}', pickText(file.path.split('/').pop())), placeHolder: vscode.l10n.t('Pick a record key to change its column, or preview the import'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.go) break;
    if (!picked.field) continue;
    const field = picked.field;
    const column = await vscode.window.showQuickPick([{ label: `$(close) ${vscode.l10n.t('None')}`, at: undefined as number | undefined }, ...header.map((h, at) => ({ label: pickText(h) || vscode.l10n.t('(no name)'), description: pickText(example(at)), at: at as number | undefined }))], {
      title: vscode.l10n.t('Which column holds this: {0}?', TRACKER_FIELD_TITLES[field]),
      ignoreFocusOut: true,
    });
    if (!column) continue;
    mapping = { ...mapping, [field]: column.at };
    if (column.at === undefined) delete mapping[field];
  }
  const names: Record<string, string> = {};
  for (const f of TRACKER_FIELDS) if (mapping[f] !== undefined) names[f] = header[mapping[f]!];
  await m.context.workspaceState.update(MAPPINGS_KEY, { ...mappings(m), [key]: names as ColumnMapping });
  return mapping;
}

/** Text in lines of at most `width` characters, broken between words (a longer word stays whole). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/**
 * The import, shown before anything is written: one line per new record with every value it
 * gets (stage, types, owners, dates, cadence, size, notes, warnings), then the rows skipped and
 * those that cannot be read, under "Create N Records" and "Cancel". Picking a record's line
 * changes nothing; Escape cancels.
 */
async function confirmImport(plan: TrackerPlan, folder: string, file: vscode.Uri): Promise<boolean> {
  type Item = vscode.QuickPickItem & { answer?: boolean };
  const n = plan.rows.length;
  const go = n === 1 ? vscode.l10n.t('Create 1 Record') : vscode.l10n.t('Create {0} Records', n);
  const items: Item[] = [
    { label: `$(check) ${go}`, description: vscode.l10n.t('in {0}/; existing records are never changed', folder), answer: true, alwaysShow: true },
    { label: `$(close) ${vscode.l10n.t('Cancel')}`, description: vscode.l10n.t('nothing is written'), answer: false, alwaysShow: true },
    { label: vscode.l10n.t('New records ({0})', n), kind: vscode.QuickPickItemKind.Separator },
    // A record's line, then a line for each of its values (a long one over several lines), so that none is cut off.
    ...plan.rows.flatMap((row): Item[] => {
      const p = trackerRowPreview(row);
      return [
        { label: `$(file) ${pickText(p.partner)}`, description: pickText(`${p.fileName} · ${vscode.l10n.t('line {0}', row.line)}`) },
        ...p.fields.flatMap(([title, value]) => wrapWords(`${title}: ${value}`, 90).map((text) => ({ label: `$(blank) ${pickText(text)}` }))),
      ];
    }),
  ];
  if (plan.skipped.length) {
    items.push({ label: vscode.l10n.t('Skipped ({0})', plan.skipped.length), kind: vscode.QuickPickItemKind.Separator });
    for (const r of plan.skipped) items.push({ label: `$(circle-slash) ${pickText(r.partner)}`, description: vscode.l10n.t('line {0}', r.line), detail: r.reason });
  }
  if (plan.bad.count) {
    items.push({ label: vscode.l10n.t('Rows that cannot be read ({0})', plan.bad.count), kind: vscode.QuickPickItemKind.Separator });
    for (const b of plan.bad.list) items.push({ label: `$(warning) ${vscode.l10n.t('line {0}', b.line)}`, detail: pickText(b.reason) });
  }
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Import preview: {0}', pickText(vscode.workspace.asRelativePath(file)));
  qp.placeholder = vscode.l10n.t('Check each record, then create them or cancel');
  qp.items = items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  return new Promise<boolean>((resolve) => {
    let answered = false;
    const finish = (answer: boolean) => {
      if (answered) return;
      answered = true;
      resolve(answer);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      const answer = qp.selectedItems[0]?.answer;
      if (answer !== undefined) finish(answer);
    });
    qp.onDidHide(() => finish(false));
    qp.show();
  });
}
