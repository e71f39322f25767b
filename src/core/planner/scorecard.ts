import { displayLocale } from '../l10n';
import { formatNumber } from '../numbers';
import { CAUTION_AT, PURSUE_AT, SCORECARD_CRITERIA, type ScorecardCriterionId } from '../domain';

export type Verdict = 'pursue' | 'caution' | 'pass';

export interface WeightedScore {
  /**
   * Weighted average on the 1-5 scale of the criteria scored so far (their weights rescaled to
   * add up to 1), so that a half-filled scorecard already shows where it is heading; undefined
   * when nothing is scored. With all six scored it is the scorecard's weighted total.
   */
  total: number | undefined;
  /** How many of the six criteria have a score. */
  scored: number;
  /** Only given once all six criteria are scored: a verdict on part of the scorecard would mislead. */
  verdict: Verdict | undefined;
}

// Sums of weighted scores pick up binary rounding error (0.25 * 3 + 0.2 * 4 + ... may land a hair
// under 3.5); totals this close to a threshold count as reaching it.
const EPSILON = 1e-9;

/** The verdict for a weighted total: 3.5 or more pursue, 2.5 or more caution, under 2.5 pass. */
export function verdictFor(total: number): Verdict {
  if (total >= PURSUE_AT - EPSILON) return 'pursue';
  if (total >= CAUTION_AT - EPSILON) return 'caution';
  return 'pass';
}

/** How each verdict is written, everywhere: the planner, the report, the scorecard snippet. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = { pursue: 'Pursue', caution: 'Proceed cautiously', pass: 'Pass' };

/** The verdict in mid-sentence: "pursue", "proceed cautiously", "pass". */
export function verdictText(verdict: Verdict): string {
  return VERDICT_LABELS[verdict].toLowerCase();
}

/**
 * A weighted total as it is shown, everywhere: one decimal, cut rather than rounded, so the
 * number always sits in its verdict's band (3.46 is "proceed cautiously" and shows 3.4, as the
 * rule "2.5 to 3.4: proceed cautiously" reads; rounding would show 3.5).
 */
export function formatScore(total: number, locale: string = displayLocale()): string {
  const tenths = Math.floor(total * 10 + EPSILON * 10);
  return formatNumber(tenths / 10, locale, 1, 1);
}

/**
 * The score in words: "3.9 of 5: pursue"; a partial one is marked, with no verdict, as
 * "3.8, from 2 of 6 criteria"; "not scored yet" with nothing scored.
 */
export function scoreSummary(score: WeightedScore): string {
  if (score.total === undefined) return 'not scored yet';
  if (score.verdict) return `${formatScore(score.total, 'en')} of 5: ${verdictText(score.verdict)}`;
  return `${formatScore(score.total, 'en')}, from ${score.scored} of ${SCORECARD_CRITERIA.length} criteria`;
}

function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 5;
}

/** The partner scorecard's weighted total (weights 25/20/15/15/15/10) and verdict. */
export function weightedScore(scores: Partial<Record<ScorecardCriterionId, number>> | undefined): WeightedScore {
  let sum = 0;
  let weights = 0;
  let scored = 0;
  for (const c of SCORECARD_CRITERIA) {
    const value = scores?.[c.id];
    if (!isScore(value)) continue;
    // Weights in whole percent keep the sum exact for whole-number scores.
    const w = Math.round(c.weight * 100);
    sum += value * w;
    weights += w;
    scored++;
  }
  if (scored === 0) return { total: undefined, scored, verdict: undefined };
  const total = sum / weights;
  return { total, scored, verdict: scored === SCORECARD_CRITERIA.length ? verdictFor(total) : undefined };
}

/**
 * A suggested "similar size" score from the two communities' sizes, by how many times larger
 * the bigger one is: up to 1.5x gives 5, up to 3x 4, up to 5x 3, up to 10x 2, more than that 1.
 * Undefined when either size is unknown or not a positive number.
 */
export function suggestSimilarSize(ourSize?: number, theirSize?: number): 1 | 2 | 3 | 4 | 5 | undefined {
  if (!isPositive(ourSize) || !isPositive(theirSize)) return undefined;
  const ratio = Math.max(ourSize, theirSize) / Math.min(ourSize, theirSize);
  if (ratio <= 1.5) return 5;
  if (ratio <= 3) return 4;
  if (ratio <= 5) return 3;
  if (ratio <= 10) return 2;
  return 1;
}

function isPositive(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}
