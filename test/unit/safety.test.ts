import * as assert from 'node:assert';
import { PLAYBOOKS } from '../../src/core/domain';
import { DATE_RANGE, dateProblem, isIsoDate, isRecordDate } from '../../src/core/dates';
import { addCadence, addMonths, checkInSchedule, nextCheckIn, reviewStatus } from '../../src/core/planner/checkins';
import { sparklinePoints } from '../../src/core/planner/metrics';
import { renderReport } from '../../src/core/planner/report';
import { RecordWriteError, appendCheckIn, appendMetric, parseRecord, recordDefaults, setPlaybookStep, setScores, setStage, toMeasure, type PartnershipRecord } from '../../src/core/records';
import { assertLinear } from './linearTime';

describe('safety: record dates keep to a year range', () => {
  it('accepts 1900-01-01 to 2999-12-31 and says why another date is refused', () => {
    for (const d of ['1900-01-01', '2026-03-15', '2999-12-31', '2024-02-29']) assert.ok(isRecordDate(d), d);
    for (const d of ['1899-12-31', '3000-01-01', '9999-12-31', '0000-01-01']) {
      assert.ok(isIsoDate(d), `${d} is a calendar date`);
      assert.ok(!isRecordDate(d), `${d} is out of range`);
      assert.strictEqual(dateProblem(d), `Write a date ${DATE_RANGE}.`);
    }
    assert.match(dateProblem('2026-02-30') ?? '', /real date/);
    assert.match(dateProblem('+010000-01-01') ?? '', /real date/);
    assert.strictEqual(dateProblem('2026-03-15'), undefined);
  });

  it('a record dated late in 9999 gets a problem per date, and the rest of it is read', () => {
    const text = [
      '---',
      'partner: Far Future',
      'stage: active',
      'start: 9999-12-20',
      'review: 9999-12-31',
      'checkIns:',
      '  - date: 9999-12-30',
      '    notes: far',
      '  - date: 2026-01-10',
      'metrics:',
      '  - date: 9999-12-31',
      '    metric: satisfaction',
      '    value: 4',
      '---',
      '',
    ].join('\n');
    const r = parseRecord(text);
    assert.ok(r.ok, 'still a record');
    const messages = r.problems.map((p) => p.message);
    assert.ok(messages.filter((m) => m.includes(DATE_RANGE)).length >= 3, messages.join(' | '));
    assert.strictEqual(r.record.start, undefined);
    assert.strictEqual(r.record.review, undefined);
    // The check-in in range is kept: the next one is due a month after it, not in year 10000.
    const next = nextCheckIn(r.record, '2026-03-01');
    assert.strictEqual(next.due, '2026-02-10');
    assert.strictEqual(next.status, 'overdue');
  });

  it('check-in math never throws and never writes a year past 9999, even on a record that skipped the reader', () => {
    const base: PartnershipRecord = { ...recordDefaults(), partner: 'X', stage: 'active' };
    const far: PartnershipRecord = { ...base, start: '9999-12-20', review: '9999-12-31', checkIns: [{ date: '9999-12-30' }, { date: '2026-01-10' }] };
    assert.doesNotThrow(() => nextCheckIn(far, '2026-03-01'));
    assert.strictEqual(nextCheckIn(far, '2026-03-01').due, '2026-02-10');
    assert.strictEqual(reviewStatus(far, '2026-03-01').status, 'none');
    const onlyFar: PartnershipRecord = { ...base, start: '9999-12-20', checkIns: [{ date: '9999-12-30' }] };
    assert.deepStrictEqual(checkInSchedule(onlyFar), { running: true, due: undefined, from: 'none' });
    // The last dates in range still give four-digit years.
    assert.strictEqual(addCadence('2999-12-31', 'quarterly'), '3000-03-31');
    assert.strictEqual(addMonths('2999-12-31', 1), '3000-01-31');
    assert.throws(() => addMonths('9999-12-31', 1), RangeError);
    const report = renderReport([far, onlyFar], { today: '2026-03-01' });
    assert.ok(!report.includes('+010000'), 'no expanded year in the report');
  });

  it('a check-in or metric dated outside the range is not written, with the reason', () => {
    const text = '---\npartner: A\n---\n';
    assert.throws(() => appendCheckIn(text, { date: '9999-12-31' }), (e: Error) => e instanceof RangeError && e.message.includes(DATE_RANGE));
    assert.throws(() => appendMetric(text, { date: '1899-01-01', metric: 'satisfaction', value: 3 }), (e: Error) => e.message.includes(DATE_RANGE));
  });
});

describe('safety: metric values are read by the one number parser', () => {
  it('reads .5, 2.5e3, 1,5, 45%, 2.5x, 1,200 and refuses 1e400, two numbers and words', () => {
    const cases: [unknown, number | undefined][] = [
      ['.5', 0.5],
      ['2.5e3', 2500],
      ['1,5', 1.5],
      ['45%', 45],
      ['2.5x', 2.5],
      ['1,200', 1200],
      ['~85', 85],
      [85, 85],
      ['1e400', undefined],
      [Infinity, undefined],
      [Number.NaN, undefined],
      ['1 2', undefined],
      ['about', undefined],
      ['1.2.3', undefined],
      [true, undefined],
    ];
    for (const [input, want] of cases) assert.strictEqual(toMeasure(input), want, String(input));
  });

  it('a record holding such values reads them the same way, and refuses the unreadable one with a problem', () => {
    const text = ['---', 'partner: A', 'metrics:', '  - { date: 2026-01-01, metric: content-engagement, value: ".5" }', '  - { date: 2026-01-02, metric: content-engagement, value: "2.5e3" }', '  - { date: 2026-01-03, metric: satisfaction, value: "1,5" }', '  - { date: 2026-01-04, metric: satisfaction, value: "1e400" }', '---', ''].join('\n');
    const r = parseRecord(text);
    assert.ok(r.ok);
    assert.deepStrictEqual(
      r.record.metrics.map((m) => m.value),
      [0.5, 2500, 1.5],
    );
    assert.ok(r.problems.some((p) => /metric entry 4/.test(p.message)), r.problems.map((p) => p.message).join(' | '));
  });

  it('the chart has only finite points for extreme values', () => {
    const series = [
      { date: '2026-01-01', value: -1.7e308 },
      { date: '2026-02-01', value: 1.7e308 },
      { date: '2026-03-01', value: 0 },
      { date: '2026-04-01', value: Number.MAX_VALUE },
    ];
    const points = sparklinePoints(series, 90, 18);
    assert.ok(points.length > 0);
    for (const p of points.split(' ')) {
      const [x, y] = p.split(',').map(Number);
      assert.ok(Number.isFinite(x) && Number.isFinite(y), `finite point ${p}`);
      assert.ok(y >= 0 && y <= 18, `inside the chart: ${p}`);
    }
  });
});

describe('safety: the record writer keeps keys it does not read', () => {
  it('refuses a whole-front-matter rewrite of flow-style front matter holding constructor or prototype', () => {
    for (const key of ['constructor', 'prototype']) {
      const text = `---\n{partner: A, stage: prospect, ${key}: keep me}\n---\nbody\n`;
      assert.throws(() => setStage(text, 'active'), (e: Error) => e instanceof RecordWriteError && /constructor, prototype/.test(e.message), key);
    }
  });

  it('a quoted value whose second line looks like the key being changed: refuses rather than drop constructor', () => {
    // The scan finds `stage:` twice, so only a rewrite of the whole front matter from the data
    // read would do, and that data lacks `constructor`.
    const text = '---\npartner: A\nnotes: "first line\nstage: line"\nconstructor: kept\nstage: prospect\n---\nbody\n';
    assert.throws(() => setStage(text, 'active'), RecordWriteError);
    // Without such a key the same layout is rewritten, as before.
    const plain = setStage(text.replace('constructor: kept\n', ''), 'active');
    assert.ok(plain.text.includes('stage: active'));
  });

  it('refuses to rewrite a key whose block holds a nested constructor key', () => {
    const text = ['---', 'partner: A', 'scores:', '  audienceOverlap: 3', '  constructor: 5', '---', ''].join('\n');
    assert.throws(() => setScores(text, { complementary: 4 }), RecordWriteError);
  });

  it('still makes a fine edit elsewhere in the front matter, and the other key stays as written', () => {
    const text = ['---', 'partner: A', 'stage: prospect', 'prototype: kept as written', 'checkIns:', '  - date: 2026-01-01', '---', ''].join('\n');
    const u = setStage(text, 'active');
    assert.ok(u.text.includes('prototype: kept as written'));
    assert.ok(u.text.includes('stage: active'));
    const c = appendCheckIn(text, { date: '2026-02-01', notes: 'n' });
    assert.ok(c.text.includes('prototype: kept as written'));
    assert.ok(c.text.includes('- date: 2026-02-01'));
  });
});

describe('safety: the playbook checkbox edit runs in linear time', () => {
  const steps = PLAYBOOKS['newsletter-swap'].steps;
  const record = (heading: string) => ['---', 'partner: A', 'types: [newsletter-cross-promotion]', '---', heading, '## Playbook', '### Newsletter swap', ...steps.map((s) => `- [ ] ${s}`), ''].join('\n');

  it('finds headings written with closing #s and extra blanks', () => {
    const text = ['---', 'partner: A', 'types: [newsletter-cross-promotion]', '---', '##   Playbook  ##  ', '###  Newsletter swap ###', ...steps.map((s) => `-  [ ]   ${s}  `), '## C# notes', `- [ ] ${steps[0]}`, ''].join('\n');
    const u = setPlaybookStep(text, 'newsletter-swap', 1, true);
    const lines = u.text.split('\n');
    assert.deepStrictEqual(lines.filter((l) => l.includes('[x]')), [`-  [x]   ${steps[0]}  `]);
  });

  for (const [name, make] of [
    ['a heading of spaces between two words', (n: number) => `## x${' '.repeat(n)}y`],
    ['a heading of spaces then hashes', (n: number) => `## x${' '.repeat(n)}#${' '.repeat(n)}y`],
    ['a task line of spaces', (n: number) => `- [ ]${' '.repeat(n)}z`],
  ] as const) {
    it(`${name}: 10x the text takes well under 100x the time`, function () {
      this.timeout(60_000);
      assertLinear((text: string) => setPlaybookStep(text, 'newsletter-swap', 1, true), record(make(5_000)), record(make(50_000)));
    });
  }
});
