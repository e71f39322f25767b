// Count Attributed Sign-ups: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { appendMetric } from '../../core/records/write';
import { utmFor } from '../../core/measure/utm';
import { SignupAttributor, type AttributionTarget } from '../../core/measure/attribution';
import { looksDayFirst } from '../../core/measure/dates';
import { mappingIndexes } from '../../core/measure/mapping';
import { formatCount } from '../../core/numbers';
import { CSV_FILTERS, askDate, frontMatterOf, given, logBadRows, pickFile, reportWrite, run, service, showSkipped, skippedNote, sourceOf, trusted, type Measure } from './common';
import { readExport } from './reading';

export function countSignups(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Count Attributed Sign-ups', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const readable = s.index.all().filter((r) => !r.summary.broken);
      if (readable.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no partnership records to attribute sign-ups to.'));
        return undefined;
      }
      const file = await pickFile(g.signups, vscode.l10n.t('The sign-up export (with utm columns or a landing-page URL)'), CSV_FILTERS);
      if (!file) return undefined;
      const today = s.today();
      const records = await s.loader.openAll(readable.map((r) => r.id));
      const targets: AttributionTarget[] = [];
      const names = new Map<string, string>();
      for (let k = 0; k < readable.length; k++) {
        const p = records[k];
        if (!p?.ok) continue;
        const id = readable[k].id;
        const utm = utmFor({ ...p.record, fileName: s.uriOf(id)!.path.split('/').pop()! }, (await frontMatterOf(s, id)).utm);
        targets.push({ id, ...utm, ...(p.record.start ? { from: p.record.start } : {}), to: p.record.review && p.record.review < today ? p.record.review : today });
        names.set(id, p.record.partner);
      }
      const read = await readExport(m, file, vscode.l10n.t('Counting sign-ups'), { roles: ['email', 'date', 'source', 'medium', 'campaign', 'url'], required: ['email'], given: g.mapping }, (header, m, sample) => {
        const at = mappingIndexes(header, m);
        if (at.source === undefined && at.url === undefined) throw new Error('the file needs a utm_source column or a landing-page URL column holding utm parameters');
        const dayFirst = at.date === undefined ? false : looksDayFirst(sample.map((r) => r.fields[at.date!] ?? ''));
        const attributor = new SignupAttributor(targets, { email: at.email!, date: at.date, source: at.source, medium: at.medium, campaign: at.campaign, url: at.url, headerLength: header.length, dayFirst });
        return { add: (rows) => attributor.add(rows), done: () => attributor };
      });
      if (!read) return undefined;
      const a = read.value;
      const skipped = logBadRows(m, vscode.workspace.asRelativePath(file), a.result.bad, read.summary.problems);
      const counted = [...a.result.results.values()].filter((r) => r.joins > 0);
      for (const r of a.result.results.values()) if (r.joins || r.outsideDates) m.deps.log.info(`${names.get(r.id)}: ${r.joins} sign-up(s) in its dates, ${r.outsideDates} outside them, ${r.duplicates} repeated`);
      const others = a.topOtherSources(5);
      if (others.length) m.deps.log.info(`Sign-ups no partnership's utm_source and utm_campaign match: ${a.result.unattributed} (most common sources: ${others.map((o) => `${o.source} ${o.rows}`).join(', ')})`);
      if (counted.length === 0) {
        showSkipped(m, vscode.l10n.t("No sign-up carries a partnership's utm_source and utm_campaign within its dates ({0} rows read). Nothing was logged.", formatCount(a.result.rows)) + skippedNote(skipped), skipped);
        return { counted: [], skipped };
      }
      const date = await askDate(g, s, 'Count Attributed Sign-ups: date of the measurement');
      if (!date) return undefined;
      const list = counted.map((r) => `${names.get(r.id)} ${r.joins}`).join(', ');
      if (!g.confirm) {
        const go = counted.length === 1 ? vscode.l10n.t('Log 1 Metric') : vscode.l10n.t('Log {0} Metrics', counted.length);
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Attributed sign-ups: {0}. Log them as cross-community-joins ({1})?', list, date), { modal: true }, go);
        if (choice !== go) return undefined;
      }
      const from = (r: { id: string }) => targets.find((t) => t.id === r.id)!;
      let logged = 0;
      for (const r of counted) {
        const t = from(r);
        const note = `sign-ups with utm_source=${t.source} and utm_campaign=${t.campaign}, ${t.from ?? 'any date'} to ${t.to}`;
        // Sign-ups over the partnership's dates so far: a running total, not one swap's or event's.
        const entry = { date, metric: 'cross-community-joins' as const, value: r.joins, note, cumulative: true, ...sourceOf(file) };
        if (reportWrite(await s.write(r.id, (text) => appendMetric(text, entry)), 'Sign-ups logged.')) logged++;
      }
      showSkipped(m, vscode.l10n.t('Cross-community joins logged ({0}): {1}.', logged, list) + skippedNote(skipped), skipped);
      return { counted: counted.map((r) => ({ id: r.id, partner: names.get(r.id), joins: r.joins })), skipped };
    });
}
