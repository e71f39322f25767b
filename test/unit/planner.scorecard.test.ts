import * as assert from 'assert';
import fc from 'fast-check';
import { SCORECARD_CRITERIA, type ScorecardCriterionId } from '../../src/core/domain';
import { suggestSimilarSize, verdictFor, weightedScore } from '../../src/core/planner/scorecard';

const IDS = SCORECARD_CRITERIA.map((c) => c.id);
const scoresOf = (values: number[]) => Object.fromEntries(IDS.map((id, i) => [id, values[i]])) as Record<ScorecardCriterionId, number>;

describe('planner: weightedScore', () => {
  it('weights the six criteria 25/20/15/15/15/10', () => {
    assert.deepStrictEqual(weightedScore(scoresOf([5, 5, 5, 5, 5, 5])), { total: 5, scored: 6, verdict: 'pursue' });
    assert.deepStrictEqual(weightedScore(scoresOf([1, 1, 1, 1, 1, 1])), { total: 1, scored: 6, verdict: 'pass' });
    // Only audience overlap at 5, the rest 1: 0.25 * 5 + 0.75 * 1 = 2.
    assert.strictEqual(weightedScore(scoresOf([5, 1, 1, 1, 1, 1])).total, 2);
    // Only mutual benefit at 5: 0.1 * 5 + 0.9 = 1.4.
    assert.strictEqual(weightedScore(scoresOf([1, 1, 1, 1, 1, 5])).total, 1.4);
    assert.strictEqual(weightedScore(scoresOf([4, 5, 3, 4, 4, 3])).total, 3.95);
  });

  it('gives pursue at exactly 3.5 and caution at exactly 2.5, where adding the weights as decimals falls a hair short', () => {
    // With the weights as decimals these add up to 3.4999999999999996 and 2.4999999999999996.
    for (const values of [[5, 4, 5, 2, 2, 1], [4, 3, 3, 4, 3, 4]]) {
      assert.deepStrictEqual(weightedScore(scoresOf(values)), { total: 3.5, scored: 6, verdict: 'pursue' });
    }
    assert.deepStrictEqual(weightedScore(scoresOf([5, 2, 1, 2, 2, 1])), { total: 2.5, scored: 6, verdict: 'caution' });
  });

  it('draws the verdict lines at 2.5 and 3.5', () => {
    assert.strictEqual(verdictFor(3.5), 'pursue');
    assert.strictEqual(verdictFor(3.4999), 'caution');
    assert.strictEqual(verdictFor(3.4999999999999996), 'pursue');
    assert.strictEqual(verdictFor(2.5), 'caution');
    assert.strictEqual(verdictFor(2.4999), 'pass');
    assert.strictEqual(verdictFor(1), 'pass');
    assert.strictEqual(verdictFor(5), 'pursue');
  });

  it('shows a partial total but no verdict until all six are scored', () => {
    const r = weightedScore({ audienceOverlap: 4, complementary: 2 });
    assert.strictEqual(r.scored, 2);
    assert.strictEqual(r.verdict, undefined);
    // (4 * 25 + 2 * 20) / 45
    assert.ok(Math.abs(r.total! - 140 / 45) < 1e-12);
    assert.deepStrictEqual(weightedScore({}), { total: undefined, scored: 0, verdict: undefined });
    assert.deepStrictEqual(weightedScore(undefined), { total: undefined, scored: 0, verdict: undefined });
    assert.strictEqual(weightedScore(scoresOf([5, 5, 5, 5, 5, NaN])).verdict, undefined);
  });

  it('ignores values outside 1-5', () => {
    assert.deepStrictEqual(weightedScore({ audienceOverlap: 0, complementary: 6, similarSize: 3 }), { total: 3, scored: 1, verdict: undefined });
  });

  it('agrees with whole-number arithmetic for every whole-number scorecard', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }), (values) => {
        const percent = values.reduce((sum, v, i) => sum + v * Math.round(SCORECARD_CRITERIA[i].weight * 100), 0);
        const want = percent >= 350 ? 'pursue' : percent >= 250 ? 'caution' : 'pass';
        const r = weightedScore(scoresOf(values));
        assert.strictEqual(r.verdict, want);
        assert.strictEqual(r.total, percent / 100);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('planner: suggestSimilarSize', () => {
  it('scores the size ratio in bands: 1.5x, 3x, 5x, 10x', () => {
    const cases: [number, number, number][] = [
      [1000, 1000, 5],
      [1000, 1500, 5],
      [1000, 1501, 4],
      [1000, 3000, 4],
      [1000, 3001, 3],
      [1000, 5000, 3],
      [1000, 5001, 2],
      [1000, 10000, 2],
      [1000, 10001, 1],
      [12, 1_000_000, 1],
    ];
    for (const [ours, theirs, want] of cases) {
      assert.strictEqual(suggestSimilarSize(ours, theirs), want, `${ours} vs ${theirs}`);
      assert.strictEqual(suggestSimilarSize(theirs, ours), want, `${theirs} vs ${ours}`);
    }
  });

  it('gives nothing without two positive sizes', () => {
    for (const [a, b] of [[undefined, 10], [10, undefined], [0, 10], [10, -5], [NaN, 10], [Infinity, 10]] as [number | undefined, number | undefined][]) {
      assert.strictEqual(suggestSimilarSize(a, b), undefined);
    }
  });
});
