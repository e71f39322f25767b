// A partnership record in the pages' messages: its id and the row the planner's list and the
// board show, the part of their protocols both speak (./planner/protocol.ts and
// ./board/protocol.ts build on it). The shared part of every page's messages is
// src/webview/protocol.ts.
import type { Stage } from '../../core/records/stages';
import { text } from '../../webview/protocol';

/** Record ids are the files' URIs as the extension gave them; the extension acts only on ids it has in its index. */
export const recordId = text(4_000);

/** A row of the pipeline: what RecordIndex summarises for one record, with its file's name. */
export interface RecordRow {
  id: string;
  partner: string;
  community?: string;
  stage?: Stage;
  types: string[];
  owners: { ours?: string; theirs?: string };
  score?: number;
  scored: number;
  verdict?: 'pursue' | 'caution' | 'pass';
  nextCheckIn?: string;
  /** The review date as the record gives it (YYYY-MM-DD). */
  review?: string;
  broken: boolean;
  problem?: string;
  fileName: string;
}

/** A record's row as the planner's list and the board show it: its summary (the index's), with its file's name. */
export function recordRow(summary: Omit<RecordRow, 'fileName'>, fileName: string): RecordRow {
  return {
    id: summary.id,
    partner: summary.partner,
    community: summary.community,
    stage: summary.stage,
    types: summary.types,
    owners: summary.owners,
    score: summary.score,
    scored: summary.scored,
    verdict: summary.verdict,
    nextCheckIn: summary.nextCheckIn,
    review: summary.review,
    broken: summary.broken,
    problem: summary.problem,
    fileName,
  };
}
