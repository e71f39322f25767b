// A member overlap logged to the record: Compare Member Lists, and the private overlap's Finish.
import * as vscode from 'vscode';
import type { PlannerService } from '../planner/api';
import { appendMetric, setScores } from '../../core/records/write';
import { suggestedOverlapScore, type Overlap } from '../../core/measure/lists';
import { formatCount } from '../../core/numbers';
import { askDate, pct, reportWrite, showSkipped, skippedNote, sourceOf, type Given, type Measure } from './common';

/**
 * An overlap logged to the record as member-overlap, the method in its note, and the
 * audience-overlap score it suggests offered (or set, when `g.setScore`).
 */
export async function logOverlap(m: Measure, s: PlannerService, id: string, o: Overlap, g: Given, method: string, skipped: number, sources: readonly vscode.Uri[] = []) {
  // Titled by the command the user ran, as the other measures are.
  const title = method === 'salted hashes' ? vscode.l10n.t('Compare Member Lists: date of the measurement') : vscode.l10n.t('Private Overlap: date of the measurement');
  const date = await askDate(g, s, title);
  if (!date) return undefined;
  const partner = s.index.get(id)!.summary.partner;
  const note = `${o.shared} of ${o.ours} of ours (${pct(o.ourShare)}) and of ${o.theirs} of theirs (${pct(o.theirShare)}), by ${method}`;
  const outcome = await s.write(id, (t) => appendMetric(t, { date, metric: 'member-overlap', value: o.shared, note, of: o.ours, ...sourceOf(...sources) }));
  if (!reportWrite(outcome, 'Member overlap logged.')) return undefined;
  const score = suggestedOverlapScore(o);
  const setScore = async () => reportWrite(await s.write(id, (t) => setScores(t, { audienceOverlap: score })), 'Score set.');
  if (g.setScore) await setScore();
  else if (g.setScore === undefined) {
    showSkipped(m, vscode.l10n.t("Members in both: {0}, {1} of yours and {2} of {3}'s. Logged as member-overlap. Suggested audience-overlap score: {4} of 5.", formatCount(o.shared), pct(o.ourShare), pct(o.theirShare), partner, score) + skippedNote(skipped), skipped, [
      { label: vscode.l10n.t('Set Audience Overlap to {0}', score), run: setScore },
    ]);
  }
  return { ...o, score, skipped };
}
