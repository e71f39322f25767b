import * as assert from 'assert';
import { forecastDisclaimer, forecast } from '../../src/core/planner/forecast';

describe('planner: forecast', () => {
  it('adds up 2 newsletter swaps and 1 event: 130-500 new members, $0-2,000', () => {
    const f = forecast([
      { type: 'newsletter-cross-promotion', count: 2 },
      { type: 'co-hosted-event', count: 1 },
    ]);
    assert.deepStrictEqual(f.newMembers, { low: 130, high: 500 });
    assert.deepStrictEqual(f.cost, { low: 0, high: 2000 });
    assert.deepStrictEqual(f.costNotes, []);
    assert.deepStrictEqual(f.unbenchmarked, []);
    assert.deepStrictEqual(
      f.engagement.map((e) => [e.benchmark, e.range, e.kind]),
      [
        ['Newsletter swap', { low: 10, high: 20 }, 'percent'],
        ['Co-hosted event', { low: 40, high: 60 }, 'percent'],
      ],
    );
  });

  it('counts types under one benchmark together and lists engagement once per benchmark', () => {
    const f = forecast([
      { type: 'co-hosted-event', count: 2 },
      { type: 'joint-hackathon', count: 1 },
      { type: 'podcast-video', count: 3 },
      { type: 'integration-partnership', count: 1 },
    ]);
    assert.deepStrictEqual(f.newMembers, { low: 30 * 3 + 20 * 3 + 100, high: 100 * 3 + 50 * 3 + 500 });
    assert.deepStrictEqual(f.cost, { low: 0, high: 6000 });
    assert.deepStrictEqual(f.costNotes, ['Integration partnership: engineering time']);
    assert.deepStrictEqual(f.engagement.map((e) => e.benchmarkId), ['co-hosted-event', 'content-collab', 'integration']);
    assert.strictEqual(f.engagement[1].kind, 'multiplier');
  });

  it('lists the types with no benchmark, once each, and adds nothing for them', () => {
    const f = forecast([
      { type: 'mutual-promotion', count: 3 },
      { type: 'bundle-offering', count: 1 },
      { type: 'mutual-promotion', count: 1 },
      { type: 'newsletter-cross-promotion', count: 1 },
    ]);
    assert.deepStrictEqual(f.unbenchmarked, ['mutual-promotion', 'bundle-offering']);
    assert.deepStrictEqual(f.newMembers, { low: 50, high: 200 });
  });

  it('adds nothing for counts that are not positive numbers, and rounds fractions down', () => {
    const f = forecast([
      { type: 'newsletter-cross-promotion', count: 0 },
      { type: 'newsletter-cross-promotion', count: -2 },
      { type: 'newsletter-cross-promotion', count: NaN },
      { type: 'co-hosted-event', count: 1.9 },
    ]);
    assert.deepStrictEqual(f.newMembers, { low: 30, high: 100 });
    assert.deepStrictEqual(f.engagement.map((e) => e.benchmarkId), ['co-hosted-event']);
    assert.deepStrictEqual(forecast([]).newMembers, { low: 0, high: 0 });
  });

  it('says the numbers are not a promise', () => {
    assert.match(forecastDisclaimer(), /benchmarks/);
    assert.match(forecastDisclaimer(), /not a promise/);
  });
});
