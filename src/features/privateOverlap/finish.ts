// Finish Private Overlap: a part of its own (./impl.ts), which reads protocol files only (no
// member list) and logs the count to the record.
import * as vscode from 'vscode';
import { fileStem, logOverlap, pickFile, pickOutput, pickRecord, run, service, toUri, trusted, writeOutput, type Measure } from '../measure/api';
import type { PlannerService } from '../planner/api';
import { writeExchange, stepOf } from '../../core/psi/exchange';
import { finishAnswer, finishStart, readSecret } from '../../core/psi/steps';
import { OVERLAP_FILTERS, answers, compute, given, readStep, readText, rel, secretKey, type Given } from './shared';

export function finish(o: Measure, arg?: unknown, raw?: unknown) {
  return run(o, 'Finish Private Overlap', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(o);
      const id = await pickRecord(s, arg, vscode.l10n.t('Finish a private overlap for which partnership?'));
      if (!id) return undefined;
      const received = await pickFile(g.received, vscode.l10n.t("The partner's answer file (you started) or result file (you answered)"), OVERLAP_FILTERS);
      if (!received) return undefined;
      const text = await readText(received);
      if (text === undefined) return undefined;
      return stepOf(text) === 3 ? finishAnswered(o, s, id, g, received, text) : finishStarted(o, s, id, g, received, text);
    });
}

/** You started: the partner's answer, your secret, the count logged and the result file written for the partner. */
async function finishStarted(o: Measure, s: PlannerService, id: string, g: Given, received: vscode.Uri, text: string) {
  const answerFile = readStep(received, text, 2);
  if (!answerFile) return undefined;
  const stored = await o.context.secrets.get(secretKey(answerFile.run));
  if (!stored) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} answers run {1}, which was not started in this VS Code or is finished already: the secret to finish it is not here.', rel(received), answerFile.run));
    return undefined;
  }
  const secret = readSecret((JSON.parse(stored) as { secret: string }).secret);
  const finished = await compute(vscode.l10n.t('Counting the members in both'), (o) => finishStart(answerFile, secret, o));
  if (!finished) return undefined;
  const out = await pickOutput(g.output, `${fileStem(s, id)}-overlap-result.json`, vscode.l10n.t('Save the result file for the partner'), OVERLAP_FILTERS);
  if (!out) return undefined;
  if (!(await writeOutput(out, writeExchange(finished.file)))) return undefined;
  await o.context.secrets.delete(secretKey(answerFile.run));
  void vscode.window.showInformationMessage(vscode.l10n.t('Result file written to {0}: send it to the partner, who counts the same from it.', rel(out)));
  // The record says which file the count came from: the partner's answer.
  const logged = await logOverlap(o, s, id, finished.overlap, g, 'private set intersection', 0, [received]);
  return logged && { ...logged, role: 'start', file: out };
}

/** You answered: your own answer file and the partner's result give the count, checked against theirs. */
async function finishAnswered(o: Measure, s: PlannerService, id: string, g: Given, received: vscode.Uri, text: string) {
  const resultFile = readStep(received, text, 3);
  if (!resultFile) return undefined;
  const remembered = answers(o)[resultFile.run];
  const own = toUri(g.answer) ?? (remembered ? vscode.Uri.parse(remembered) : await pickFile(undefined, vscode.l10n.t('Your answer file of this run'), OVERLAP_FILTERS));
  if (!own) return undefined;
  const ownText = await readText(own);
  if (ownText === undefined) return undefined;
  const answerFile = readStep(own, ownText, 2, resultFile.run);
  if (!answerFile) return undefined;
  const counted = await compute(vscode.l10n.t('Counting the members in both'), (o) => finishAnswer(answerFile, resultFile, o));
  if (!counted) return undefined;
  if (!counted.agreed) void vscode.window.showWarningMessage(vscode.l10n.t("The partner's result file says {0} members are in both, but it counts {1} here: one of the files was changed. The count made here is logged.", resultFile.overlap, counted.overlap.shared));
  const logged = await logOverlap(o, s, id, counted.overlap, g, 'private set intersection', 0, [own, received]);
  return logged && { ...logged, role: 'answer', agreed: counted.agreed };
}
