// The pipeline as CSV (Export Pipeline as CSV), in the columns the tracker import (./tracker.ts)
// reads back: apart from the import, so that the export loads neither the import's code nor the
// new record's text.
import type { PartnershipRecord } from '../records/schema';
import { nextCheckIn } from '../planner/checkins';
import { weightedScore, VERDICT_LABELS } from '../planner/scorecard';
import { toCsv } from './csv';

export const PIPELINE_COLUMNS = ['Partner', 'Community', 'Contact', 'Stage', 'Types', 'Our owner', 'Their owner', 'Start', 'Review', 'Cadence', 'Next check-in', 'Score', 'Verdict', 'Partner size', 'Last check-in', 'File'] as const;

/** The pipeline as CSV (CRLF, formulas defused), in the columns the tracker import reads back. */
export function pipelineCsv(records: readonly { record: PartnershipRecord; file: string }[], today: string): string {
  const rows = records.map(({ record: r, file }) => {
    const next = nextCheckIn(r, today);
    const score = weightedScore(r.scores);
    const last = r.checkIns.map((c) => c.date).sort().pop();
    return [
      r.partner,
      r.community,
      r.contact,
      r.stage,
      r.types.join(', '),
      r.owners.ours,
      r.owners.theirs,
      r.start,
      r.review,
      r.cadence,
      next.due,
      score.total === undefined ? undefined : Math.round(score.total * 100) / 100,
      score.verdict ? VERDICT_LABELS[score.verdict] : undefined,
      r.partnerSize,
      last,
      file,
    ];
  });
  return toCsv(PIPELINE_COLUMNS, rows);
}
