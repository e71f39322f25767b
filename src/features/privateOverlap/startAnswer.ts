// Start and Answer Private Overlap: a part of their own (./impl.ts), with the member list's
// reader; the starter's secret waits in VS Code's secret storage, never in a file.
import * as vscode from 'vscode';
import { CSV_FILTERS, fileStem, logBadRows, pickFile, pickOutput, pickRecord, readExport, run, service, showSkipped, skippedNote, trusted, writeOutput, type Measure } from '../measure/api';
import { mappingIndexes, type ColumnMapping } from '../../core/measure/mapping';
import { normaliseEmail } from '../../core/measure/email';
import { MemberEmails } from '../../core/psi/members';
import { writeExchange } from '../../core/psi/exchange';
import { answerOverlap, secretText, startOverlap } from '../../core/psi/steps';
import { ANSWERS_KEY, OVERLAP_FILTERS, answers, compute, given, readStep, readText, rel, secretKey } from './shared';

/** Your member list's distinct emails (the column mapping asked as for every export). */
async function readMembers(o: Measure, uri: vscode.Uri, mapping: ColumnMapping | undefined): Promise<{ emails: string[]; skipped: number } | undefined> {
  const read = await readExport(o, uri, vscode.l10n.t('Reading your member list'), { roles: ['email', 'name', 'date'], required: ['email'], given: mapping }, (header, m) => {
    const at = mappingIndexes(header, m);
    const list = new MemberEmails({ email: at.email!, headerLength: header.length });
    // A file of one email a line has no header: its first line is a member.
    if (normaliseEmail(header[at.email!] ?? '').ok) list.add([{ line: 1, fields: header }]);
    return { add: (rows) => list.add(rows), done: () => list };
  });
  if (!read) return undefined;
  const skipped = logBadRows(o, rel(uri), read.value.stats.bad, read.summary.problems);
  return { emails: [...read.value.emails], skipped };
}

export function start(o: Measure, arg?: unknown, raw?: unknown) {
  return run(o, 'Start Private Overlap', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(o);
      const id = await pickRecord(s, arg, vscode.l10n.t('Start a private overlap with which partnership?'));
      if (!id) return undefined;
      const file = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or one email a line)'), CSV_FILTERS);
      if (!file) return undefined;
      const members = await readMembers(o, file, g.mapping);
      if (!members) return undefined;
      const started = await compute(vscode.l10n.t('Blinding your member list'), (o) => startOverlap(members.emails, o));
      if (!started) return undefined;
      const out = await pickOutput(g.output, `${fileStem(s, id)}-overlap-start.json`, vscode.l10n.t('Save the start file for the partner'), OVERLAP_FILTERS);
      if (!out) return undefined;
      if (!(await writeOutput(out, writeExchange(started.file)))) return undefined;
      await o.context.secrets.store(secretKey(started.file.run), JSON.stringify({ record: id, secret: secretText(started.secret) }));
      o.deps.log.info(`Private overlap ${started.file.run} started for ${id}: ${started.file.startCount} members; the secret is in the secret storage`);
      const partner = s.index.get(id)?.summary.partner ?? '';
      showSkipped(o, 
        vscode.l10n.t('Start file written to {0}: {1} members, blinded and shuffled (no email, no hash). Send it to {2}; the secret that finishes the run stays in VS Code on this machine.', rel(out), started.file.startCount.toLocaleString(), partner) + skippedNote(members.skipped),
        members.skipped,
      );
      return { file: out, run: started.file.run, members: started.file.startCount, skipped: members.skipped };
    });
}

export function answer(o: Measure, arg?: unknown, raw?: unknown) {
  return run(o, 'Answer Private Overlap', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(o);
      const id = await pickRecord(s, arg, vscode.l10n.t('Answer a private overlap for which partnership?'));
      if (!id) return undefined;
      const received = await pickFile(g.received, vscode.l10n.t("The partner's start file"), OVERLAP_FILTERS);
      if (!received) return undefined;
      const text = await readText(received);
      if (text === undefined) return undefined;
      const startFile = readStep(received, text, 1);
      if (!startFile) return undefined;
      const file = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or one email a line)'), CSV_FILTERS);
      if (!file) return undefined;
      const members = await readMembers(o, file, g.mapping);
      if (!members) return undefined;
      const answered = await compute(vscode.l10n.t("Blinding your list and the partner's"), (o) => answerOverlap(startFile, members.emails, o));
      if (!answered) return undefined;
      const out = await pickOutput(g.output, `${fileStem(s, id)}-overlap-answer.json`, vscode.l10n.t('Save the answer file for the partner'), OVERLAP_FILTERS);
      if (!out) return undefined;
      if (!(await writeOutput(out, writeExchange(answered)))) return undefined;
      await o.context.workspaceState.update(ANSWERS_KEY, { ...answers(o), [answered.run]: out.toString() });
      const partner = s.index.get(id)?.summary.partner ?? '';
      showSkipped(o, 
        vscode.l10n.t('Answer file written to {0}: send it back to {1} and keep it. With their result file, Finish Private Overlap gives you the same count.', rel(out), partner) + skippedNote(members.skipped),
        members.skipped,
      );
      return { file: out, run: answered.run, members: answered.answerCount, skipped: members.skipped };
    });
}
