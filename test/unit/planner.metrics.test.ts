import * as assert from 'assert';
import fc from 'fast-check';
import type { PartnershipTypeId, SuccessMetricId } from '../../src/core/domain';
import { chartPoints, latestEntry, metricAgainstBenchmark, metricSeries, metricSeriesByKind, sparklinePoints } from '../../src/core/planner/metrics';
import type { MetricEntry } from '../../src/core/records';

const rec = (types: PartnershipTypeId[], metrics: MetricEntry[]) => ({ types, metrics });
const m = (date: string, metric: SuccessMetricId, value: number): MetricEntry => ({ date, metric, value });

describe('planner: metricAgainstBenchmark', () => {
  it('holds joins against new members per unit of the record type: below, within, above', () => {
    const swap = (value: number) => metricAgainstBenchmark(rec(['newsletter-cross-promotion'], [m('2026-01-01', 'cross-community-joins', value)]), 'cross-community-joins');
    assert.deepStrictEqual(swap(49), { latest: 49, latestDate: '2026-01-01', status: 'below', benchmark: { low: 50, high: 200 }, unit: 'members' });
    assert.strictEqual(swap(50).status, 'within');
    assert.strictEqual(swap(200).status, 'within');
    assert.strictEqual(swap(201).status, 'above');
  });

  it('uses the latest entry by date, not by position', () => {
    const r = rec(['co-hosted-event'], [m('2026-03-01', 'cross-community-joins', 120), m('2026-01-01', 'cross-community-joins', 10), m('2026-02-01', 'event-attendance', 1)]);
    const check = metricAgainstBenchmark(r, 'cross-community-joins');
    assert.strictEqual(check.latest, 120);
    assert.strictEqual(check.status, 'above');
  });

  it('spans the benchmarks of all the record types for joins', () => {
    const r = rec(['newsletter-cross-promotion', 'co-hosted-event'], [m('2026-01-01', 'cross-community-joins', 40)]);
    assert.deepStrictEqual(metricAgainstBenchmark(r, 'cross-community-joins').benchmark, { low: 30, high: 200 });
    assert.strictEqual(metricAgainstBenchmark(r, 'cross-community-joins').status, 'within');
  });

  it('holds event attendance against 40-60% and content engagement against 2-3x, whatever the types', () => {
    const r = rec([], [m('2026-01-01', 'event-attendance', 38), m('2026-01-02', 'content-engagement', 3.5)]);
    assert.deepStrictEqual(metricAgainstBenchmark(r, 'event-attendance'), { latest: 38, latestDate: '2026-01-01', status: 'below', benchmark: { low: 40, high: 60 }, unit: 'percent' });
    assert.deepStrictEqual(metricAgainstBenchmark(r, 'content-engagement'), { latest: 3.5, latestDate: '2026-01-02', status: 'above', benchmark: { low: 2, high: 3 }, unit: 'multiplier' });
    assert.strictEqual(metricAgainstBenchmark(rec([], [m('2026-01-01', 'content-engagement', 2.5)]), 'content-engagement').status, 'within');
  });

  it('says when there is no benchmark or no data', () => {
    assert.deepStrictEqual(metricAgainstBenchmark(rec(['mutual-promotion'], [m('2026-01-01', 'cross-community-joins', 5)]), 'cross-community-joins'), { latest: 5, latestDate: '2026-01-01', status: 'no-benchmark' });
    assert.deepStrictEqual(metricAgainstBenchmark(rec([], []), 'satisfaction'), { status: 'no-benchmark' });
    assert.strictEqual(metricAgainstBenchmark(rec([], [m('2026-01-01', 'member-overlap', 300)]), 'member-overlap').status, 'no-benchmark');
    assert.deepStrictEqual(metricAgainstBenchmark(rec(['co-hosted-event'], []), 'cross-community-joins'), { status: 'no-data', benchmark: { low: 30, high: 100 }, unit: 'members' });
  });
});

describe('planner: metricSeries', () => {
  it('keeps one metric, oldest first, same-day entries in written order', () => {
    const r = rec([], [m('2026-03-01', 'cross-community-joins', 3), m('2026-01-01', 'cross-community-joins', 1), m('2026-02-01', 'event-attendance', 9), m('2026-03-01', 'cross-community-joins', 4)]);
    assert.deepStrictEqual(metricSeries(r, 'cross-community-joins'), [
      { date: '2026-01-01', value: 1 },
      { date: '2026-03-01', value: 3 },
      { date: '2026-03-01', value: 4 },
    ]);
    assert.deepStrictEqual(metricSeries(r, 'satisfaction'), []);
  });
});

describe('planner: sparklinePoints', () => {
  it('places points by date and value in the box, higher values higher up', () => {
    const points = sparklinePoints(
      [
        { date: '2026-01-01', value: 10 },
        { date: '2026-01-03', value: 30 },
        { date: '2026-01-05', value: 20 },
      ],
      100,
      20,
    );
    assert.strictEqual(points, '0,20 50,0 100,10');
  });

  it('shows uneven gaps between dates', () => {
    const points = sparklinePoints(
      [
        { date: '2026-01-01', value: 1 },
        { date: '2026-01-02', value: 2 },
        { date: '2026-01-11', value: 3 },
      ],
      100,
      10,
    );
    assert.strictEqual(points, '0,10 10,5 100,0');
  });

  it('handles no points, one point, equal values and one date', () => {
    assert.strictEqual(sparklinePoints([], 100, 20), '');
    assert.strictEqual(sparklinePoints([{ date: '2026-01-01', value: 5 }], 100, 20), '0,10 100,10');
    assert.strictEqual(
      sparklinePoints(
        [
          { date: '2026-01-01', value: 5 },
          { date: '2026-02-01', value: 5 },
        ],
        100,
        20,
      ),
      '0,10 100,10',
    );
    assert.strictEqual(
      sparklinePoints(
        [
          { date: '2026-01-01', value: 1 },
          { date: '2026-01-01', value: 2 },
          { date: '2026-01-01', value: 3 },
        ],
        100,
        20,
      ),
      '0,20 50,10 100,0',
    );
    assert.strictEqual(sparklinePoints([{ date: '2026-01-01', value: 5 }], 0, 20), '');
  });

  it('always stays inside the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)), value: fc.double({ min: -1e9, max: 1e9, noNaN: true }) }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        (raw, width, height) => {
          const series = [...raw].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const out = sparklinePoints(series, width, height);
          const pairs = out === '' ? [] : out.split(' ').map((p) => p.split(',').map(Number));
          assert.strictEqual(pairs.length, series.length === 1 ? 2 : series.length);
          for (const [x, y] of pairs) {
            assert.ok(x >= 0 && x <= width && y >= 0 && y <= height, `${x},${y} in ${width}x${height}`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('planner: kinds of a metric’s values', () => {
  const typed = m('2026-02-20', 'cross-community-joins', 85);
  const total1: MetricEntry = { date: '2026-03-01', metric: 'cross-community-joins', value: 31, cumulative: true, source: 'signups.csv' };
  const total2: MetricEntry = { date: '2026-04-01', metric: 'cross-community-joins', value: 140, cumulative: true, source: 'signups.csv' };
  const measured: MetricEntry = { date: '2026-03-15', metric: 'cross-community-joins', value: 60, source: 'event.csv' };

  it('splits per-unit and total, typed and measured, into series of their own', () => {
    const kinds = metricSeriesByKind({ metrics: [total2, typed, measured, total1] }, 'cross-community-joins');
    assert.deepStrictEqual(
      kinds.map((k) => [k.kind.basis, k.kind.origin, k.points.map((p) => [p.value, p.index])]),
      [
        ['unit', 'typed', [[85, 1]]],
        ['unit', 'measured', [[60, 2]]],
        ['total', 'measured', [[31, 3], [140, 0]]],
      ],
    );
    // Member overlap is a total by its nature.
    assert.deepStrictEqual(metricSeriesByKind({ metrics: [m('2026-01-01', 'member-overlap', 73)] }, 'member-overlap').map((k) => k.kind), [{ basis: 'total', origin: 'typed' }]);
    assert.deepStrictEqual(metricSeriesByKind({ metrics: [] }, 'satisfaction'), []);
  });

  it('holds the latest result of one unit against the benchmark, never a running total', () => {
    const r = rec(['newsletter-cross-promotion'], [typed, total2]);
    assert.strictEqual(latestEntry(r, 'cross-community-joins'), typed);
    assert.strictEqual(latestEntry(r, 'cross-community-joins', true), total2);
    assert.deepStrictEqual(metricAgainstBenchmark(r, 'cross-community-joins'), { latest: 85, latestDate: '2026-02-20', status: 'within', benchmark: { low: 50, high: 200 }, unit: 'members' });
    assert.strictEqual(metricAgainstBenchmark(rec(['newsletter-cross-promotion'], [total2]), 'cross-community-joins').status, 'no-data');
  });

  it('places several series on shared axes', () => {
    const [a, b] = chartPoints(
      [
        [{ date: '2026-01-01', value: 0 }],
        [
          { date: '2026-01-11', value: 50 },
          { date: '2026-01-21', value: 100 },
        ],
      ],
      100,
      10,
    );
    assert.deepStrictEqual(a, [{ x: 0, y: 10 }]);
    assert.deepStrictEqual(b, [
      { x: 50, y: 5 },
      { x: 100, y: 0 },
    ]);
    // One day for all: spread by date, then by series.
    assert.deepStrictEqual(chartPoints([[{ date: '2026-01-01', value: 1 }], [{ date: '2026-01-01', value: 2 }]], 10, 10).map((s) => s.map((p) => p.x)), [[0], [10]]);
    assert.deepStrictEqual(chartPoints([[{ date: '2026-01-01', value: 1 }], []], 10, 10), [[{ x: 5, y: 5 }], []]);
    assert.deepStrictEqual(chartPoints([[], []], 10, 10), [[], []]);
  });
});
