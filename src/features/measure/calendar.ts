// Export Calendar: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { communityName } from '../../core/context/name';
import { calendarKeys, pipelineEvents, renderCalendar } from '../../core/measure/ics';
import { sha256Batch } from '../../platform/sha256';
import { given, pickOutput, run, service, trusted, writeOutput, type Measure } from './common';

export function exportCalendar(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Export Calendar', async () => {
      if (!trusted()) return undefined;
      const g = given(raw);
      const s = await service(m);
      const today = s.today();
      const readable = s.index.all().filter((r) => !r.summary.broken);
      const paths = readable.map((r) => vscode.workspace.asRelativePath(s.uriOf(r.id) ?? vscode.Uri.parse(r.id), false));
      const keys = await calendarKeys(paths, sha256Batch);
      const records = readable.map((r, k) => ({
        path: paths[k],
        key: keys[k],
        partner: r.summary.partner,
        stage: r.summary.stage,
        nextCheckIn: r.summary.nextCheckIn,
        review: r.summary.review,
        owners: r.summary.owners,
      }));
      const events = pipelineEvents(records, today);
      if (events.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No check-ins or review dates are coming: agreed and active partnerships with a start date or a check-in have them.'));
        return undefined;
      }
      const out = await pickOutput(g.output, 'partnerships.ics', vscode.l10n.t('Save the calendar'), { iCalendar: ['ics'] });
      if (!out) return undefined;
      const ctx = m.deps.contexts.active();
      const name = `${ctx?.state === 'ok' ? `${communityName(ctx.parsed)} ` : ''}partnerships`;
      if (!(await writeOutput(out, renderCalendar(events, { now: new Date(), name })))) return undefined;
      const checkIns = events.filter((e) => e.uid.startsWith('checkin-')).length;
      void vscode.window.showInformationMessage(vscode.l10n.t('Written to {0}: {1} check-ins and {2} review dates. Import the file into your calendar; importing a newer export updates the same events.', vscode.workspace.asRelativePath(out), checkIns, events.length - checkIns));
      return { file: out, events: events.length };
    });
}
