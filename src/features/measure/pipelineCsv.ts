// Export Pipeline as CSV: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { pipelineCsv } from '../../core/measure/pipeline';
import { given, pickOutput, run, service, trusted, writeOutput, type Measure } from './common';

export function exportPipelineCsv(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Export Pipeline as CSV', async () => {
      if (!trusted()) return undefined;
      const g = given(raw);
      const s = await service(m);
      const readable = s.index.all().filter((r) => !r.summary.broken);
      if (readable.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no partnership records to export yet.'));
        return undefined;
      }
      const out = await pickOutput(g.output, `partnerships-${s.today()}.csv`, vscode.l10n.t('Save the pipeline as CSV'), { CSV: ['csv'] });
      if (!out) return undefined;
      const parsed = await s.loader.openAll(readable.map((r) => r.id));
      const rows = parsed.flatMap((p, k) => (p?.ok ? [{ record: p.record, file: vscode.workspace.asRelativePath(s.uriOf(readable[k].id)!) }] : []));
      rows.sort((a, b) => a.record.partner.localeCompare(b.record.partner));
      if (!(await writeOutput(out, pipelineCsv(rows, s.today())))) return undefined;
      void vscode.window.showInformationMessage(vscode.l10n.t('Partnerships written to {0}: {1}.', vscode.workspace.asRelativePath(out), rows.length));
      return { file: out, rows: rows.length };
    });
}
