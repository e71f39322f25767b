import * as assert from 'assert';
import { forecastDisclaimer, forecast, pipelineForecast, type PipelinePartnership } from '../../src/core/planner/forecast';

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

describe('planner: pipelineForecast', () => {
  const p = (partner: string, stage: PipelinePartnership['stage'], types: PipelinePartnership['types'], partnerSize?: number): PipelinePartnership => ({ id: partner.toLowerCase(), partner, stage, types, ...(partnerSize !== undefined ? { partnerSize } : {}) });

  it('counts one unit of each type of the agreed and active partnerships, and nothing of the others', () => {
    const f = pipelineForecast([
      p('Guild', 'active', ['newsletter-cross-promotion', 'co-hosted-event'], 9500),
      p('Owls', 'agreed', ['co-hosted-event']),
      p('Rust', 'prospect', ['meetup-cross-promotion']),
      p('Ada', 'contacted', ['integration-partnership']),
      p('Old', 'ended', ['newsletter-cross-promotion']),
    ]);
    assert.deepStrictEqual(
      f.rows.map((r) => [r.partner, r.newMembers, r.capped]),
      [
        ['Guild', { low: 80, high: 300 }, false],
        ['Owls', { low: 30, high: 100 }, false],
      ],
    );
    assert.strictEqual(f.count, 2);
    assert.deepStrictEqual(f.newMembers, { low: 110, high: 400 });
    assert.deepStrictEqual(f.cost, { low: 0, high: 4000 });
    assert.deepStrictEqual(f.types, ['newsletter-cross-promotion', 'co-hosted-event']);
  });

  it('never expects more new members of a partnership than its community has', () => {
    const f = pipelineForecast([p('Tiny', 'active', ['newsletter-cross-promotion'], 120), p('Micro', 'active', ['co-hosted-event'], 12)]);
    assert.deepStrictEqual(f.rows.map((r) => [r.partner, r.newMembers, r.capped, r.partnerSize]), [
      ['Micro', { low: 12, high: 12 }, true, 12],
      ['Tiny', { low: 50, high: 120 }, true, 120],
    ]);
    assert.deepStrictEqual(f.newMembers, { low: 62, high: 132 });
  });

  it('adds nothing for untyped or unbenchmarked partnerships but counts them, and lists at most the limit', () => {
    const many = Array.from({ length: 120 }, (_, i) => p(`P${String(i).padStart(3, '0')}`, 'active', ['co-created-content']));
    const f = pipelineForecast([...many, p('Empty', 'active', []), p('Promo', 'agreed', ['mutual-promotion'])], 50);
    assert.strictEqual(f.count, 122);
    assert.strictEqual(f.rows.length, 50);
    assert.strictEqual(f.untyped, 1);
    assert.deepStrictEqual(f.newMembers, { low: 20 * 120, high: 50 * 120 });
    assert.deepStrictEqual(pipelineForecast([]), { rows: [], count: 0, newMembers: { low: 0, high: 0 }, cost: { low: 0, high: 0 }, types: [], untyped: 0 });
  });
});
