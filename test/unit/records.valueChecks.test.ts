import * as assert from 'assert';
import fc from 'fast-check';
import * as checks from '../../src/core/records/valueChecks';
import { UNSURE } from '../../src/core/records/valueChecks';
import { CHECK_IN_KEYS, METRIC_ENTRY_KEYS, SCORE_KEYS } from '../../src/core/records/keys';
import {
  cadenceSchema,
  checkInSchema,
  dateSchema,
  metricEntrySchema,
  metricIdSchema,
  measureSchema,
  optionalTextSchema,
  partnerSchema,
  partnershipTypeSchema,
  scoreSchema,
  sizeSchema,
  stageSchema,
  stepNumberSchema,
  worthContinuingSchema,
  CADENCES,
  STAGES,
  WORTH_CONTINUING,
} from '../../src/core/records/schema';
import { PARTNERSHIP_TYPES, SCORECARD_CRITERIA, SUCCESS_METRICS } from '../../src/core/domain';

/*
 * The zod-free checks of the one-pass record reader (src/core/records/valueChecks.ts) against the
 * schemas they stand for: whatever a check accepts, its schema accepts, giving the same value
 * (Object.is: -0 is not 0); a check may give up (UNSURE) on anything, and the full reading then
 * decides. The values are generated around each check's edges.
 */

interface Schema {
  safeParse(v: unknown): { success: boolean; data?: unknown };
}

/** Asserts that `check` agrees with `schema` on `v`; returns whether the check decided. */
function agrees(name: string, check: (v: unknown) => unknown, schema: Schema, v: unknown): boolean {
  const r = check(v);
  if (r === UNSURE) return false;
  const s = schema.safeParse(v);
  assert.ok(s.success, `${name} accepts ${show(v)} (as ${show(r)}), the schema does not`);
  assert.deepStrictEqual(r, s.data, `${name} reads ${show(v)} as ${show(r)}, the schema as ${show(s.data)}`);
  assert.ok(Object.is(r, s.data) || typeof r === 'object', `${name} reads ${show(v)} as ${show(r)}, the schema as ${show(s.data)}`);
  return true;
}

function show(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'symbol') return 'UNSURE';
  return String(v);
}

const CHECKS: [name: string, check: (v: unknown) => unknown, schema: Schema][] = [
  ['text', checks.text, optionalTextSchema],
  ['partner', checks.partner, partnerSchema],
  ['date', checks.date, dateSchema],
  ['stage', checks.stage, stageSchema],
  ['cadence', checks.cadence, cadenceSchema],
  ['type', checks.type, partnershipTypeSchema],
  ['metric', checks.metric, metricIdSchema],
  ['worthContinuing', checks.worthContinuing, worthContinuingSchema],
  ['size', checks.size, sizeSchema],
  ['measure', checks.measure, measureSchema],
  ['score', checks.score, scoreSchema],
  ['step', checks.step, stepNumberSchema],
];

const WORDS = [
  ...STAGES,
  ...CADENCES,
  ...WORTH_CONTINUING,
  ...PARTNERSHIP_TYPES.flatMap((t) => [t.id, t.title]),
  ...SUCCESS_METRICS.flatMap((m) => [m.id, m.title]),
  'fortnightly',
  'biweekly',
  'maybe',
  'true',
  'false',
];

/** A word changed the ways people (and hostile files) change it: case, spaces, punctuation, a letter more or less, look-alikes. */
const nearWord = fc.tuple(fc.constantFrom(...WORDS), fc.nat({ max: 12 }), fc.nat()).map(([w, how, at]) => {
  const i = at % (w.length + 1);
  switch (how) {
    case 0:
      return w.toUpperCase();
    case 1:
      return ` ${w}\t`;
    case 2:
      return w.replace(/-/g, ' ');
    case 3:
      return w.replace(/-/g, '');
    case 4:
      return w.slice(0, i) + w.slice(i + 1);
    case 5:
      return w.slice(0, i) + 'x' + w.slice(i);
    case 6:
      return w.slice(0, i) + '-' + w.slice(i);
    case 7:
      return w.replace(/i/g, 'İ');
    case 8:
      return w.replace(/i/g, 'ı');
    case 9:
      return w.replace(/a/g, 'а'); // Cyrillic a
    case 10:
      return [...w].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''); // full width
    case 11:
      return `${w}\u00a0`;
    default:
      return w;
  }
});

const pad = (n: number, width: number) => (n < 0 ? '-' + String(-n).padStart(width, '0') : String(n).padStart(width, '0'));
/** Dates around the calendar's and the records' edges, written well and badly. */
const nearDate = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1895, max: 1905 }), fc.integer({ min: 1995, max: 2105 }), fc.integer({ min: 2995, max: 3005 }), fc.integer({ min: 0, max: 10_000 })),
    fc.integer({ min: -1, max: 14 }),
    fc.integer({ min: -1, max: 33 }),
    fc.constantFrom('', '', '', 'T10:00:00Z', ' 10:00', 'T', ' ', 'x', 'Z', '\n', '\u00a0'),
    fc.constantFrom('', '', '', ' ', '\t', '\u2003', '+', '０'),
    fc.nat({ max: 5 }),
  )
  .map(([y, m, d, tail, head, form]) => {
    const body = form === 0 ? `${pad(y, 4)}-${pad(m, 1)}-${pad(d, 1)}` : form === 1 ? `${pad(y, 4)}/${pad(m, 2)}/${pad(d, 2)}` : `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    return head + body + tail;
  });

/** Numbers written as text: signs, decimals, exponents, separators, units, huge digits, spaces. */
const numberText = fc
  .tuple(
    fc.constantFrom('', '', '-', '+', '\u2212', '~', ' ', '\t', '０'),
    fc.oneof(
      fc.nat({ max: 10 }).map(String),
      fc.nat({ max: 2_000_000 }).map(String),
      fc.constantFrom('0', '00', '012', '1'.repeat(400), '9007199254740993', '1e3', '1E400', '2.5', '.5', '5.', '1,200', '1,5', '1 000', '12k', '1.2M', '0x1F', '1_000', 'NaN', 'Infinity', '٣', ''),
    ),
    fc.constantFrom('', '', '', '%', 'x', '×', ' people', 'k', ' ', '\n', '.0', '.00001', 'e2', '+'),
  )
  .map(([a, b, c]) => a + b + c);

const number = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 3, 4, 5, 6, 2.5, 0.5, 0.999999, 5.000001, -1, 1e21, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
  fc.double({ min: 0, max: 6 }),
);

const anything = fc.oneof(
  nearWord,
  nearDate,
  numberText,
  number,
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '\u2028',
    '\ufeff',
    '\u0000',
    'yes',
    'No',
    'TRUE',
    'null',
    '~',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    true,
    false,
    null,
    undefined,
    [],
    {},
    ['active'],
    { stage: 'active' },
  ),
);

describe('the one-pass reader’s checks without zod (src/core/records/valueChecks.ts)', () => {
  it('accept only what their schema accepts, giving exactly its value, on values around their edges', () => {
    const decided = new Map<string, number>();
    fc.assert(
      fc.property(anything, (v) => {
        for (const [name, check, schema] of CHECKS) if (agrees(name, check, schema, v)) decided.set(name, (decided.get(name) ?? 0) + 1);
      }),
      { numRuns: 20_000 },
    );
    // Not vacuous: each check decided many of the values.
    for (const [name] of CHECKS) assert.ok((decided.get(name) ?? 0) > 50, `${name} decided ${decided.get(name) ?? 0} values`);
  });

  it('decide the values records are written with, and give up on the edges named here', () => {
    const cases: [name: string, check: (v: unknown) => unknown, schema: Schema, sure: unknown[], given: unknown[]][] = [
      [
        'date',
        checks.date,
        dateSchema,
        ['2026-01-15', '2026-02-28', '2028-02-29', '2000-02-29', '1900-01-01', '2999-12-31', ' 2026-01-15 ', '2026-01-15T10:00:00Z', '2026-01-15 10:00'],
        [
          '2026-02-29',
          '1900-02-29',
          '2100-02-29',
          '2026-02-30',
          '2026-04-31',
          '2026-13-01',
          '2026-00-10',
          '2026-01-00',
          '1899-12-31',
          '3000-01-01',
          '2026-1-15',
          '２０２６-01-15',
          '2026/01/15',
          '2026-01-15T',
          '',
          20260115,
          null,
          undefined,
        ],
      ],
      [
        'score',
        checks.score,
        scoreSchema,
        [1, 2.5, 5, '3', ' 4 ', '2.5', '05', 4.999],
        [0, 6, -1, 5.0001, 0.5, NaN, Infinity, '0', '6', '+3', '-3', '3e0', '3.', '.5', '３', '', ' ', '1'.repeat(400), true, null],
      ],
      ['step', checks.step, stepNumberSchema, [1, 2, 7, '3', ' 12 ', 2 ** 53 - 1], [0, -1, 1.5, 2 ** 53, '0', '1.0', '+1', '1e1', '', true, null]],
      ['size', checks.size, sizeSchema, [0, 1, 12.5, 4200, 1e21, '12k', '1,200', '12 000', '1.2M'], [-0, -1, NaN, Infinity, '', 'many', 'TBD', true, null]],
      ['measure', checks.measure, measureSchema, [0, -0, -3, 2.5, 1e21, '45%', '2.5x', '1,200', '.5', '2.5e3', '-3', '+3', '\u22123'], [NaN, Infinity, '1e400', '1 2', 'many', '', true, null]],
      ['text', checks.text, optionalTextSchema, ['a', ' a ', '', '   ', 2600, 0, -0, 1e21], [NaN, Infinity, true, null, undefined, []]],
      ['partner', checks.partner, partnerSchema, ['A', ' A ', 2600, 1.5], ['', '  ', NaN, true, null, undefined]],
    ];
    for (const [name, check, schema, sure, given] of cases) {
      for (const v of sure) assert.ok(agrees(name, check, schema, v), `${name} decides ${show(v)}`);
      for (const v of given) {
        assert.strictEqual(check(v), UNSURE, `${name} gives ${show(v)} up`);
        if (!schema.safeParse(v).success) continue;
        // The schema accepts it, and the full reading reads it: the conservative edges, named.
        assert.ok([-0].includes(v as number), `${name} gives up on ${show(v)}, which the schema accepts`);
      }
    }
  });

  it('read every word of each vocabulary, as written and as its title, and nothing near it that the schema refuses', () => {
    for (const [name, check, schema, words] of [
      ['stage', checks.stage, stageSchema, STAGES],
      ['cadence', checks.cadence, cadenceSchema, [...CADENCES, 'fortnightly', 'Bi Weekly', 'biweekly']],
      ['worthContinuing', checks.worthContinuing, worthContinuingSchema, [...WORTH_CONTINUING, 'maybe', 'YES', true, false]],
      ['type', checks.type, partnershipTypeSchema, PARTNERSHIP_TYPES.flatMap((t) => [t.id, t.title, t.title.toUpperCase()])],
      ['metric', checks.metric, metricIdSchema, SUCCESS_METRICS.flatMap((m) => [m.id, m.title, ` ${m.title} `])],
    ] as const) {
      for (const w of words) assert.ok(agrees(name, check, schema, w), `${name} reads ${show(w)}`);
      for (const w of ['', 'unknown', 'active!!', 'x-active', 'actives', 'ａｃｔｉｖｅ', 'event-attendances', 'satisfactio', 1, null]) {
        agrees(name, check, schema, w);
        if (!schema.safeParse(w).success) assert.strictEqual(check(w), UNSURE, `${name} refuses ${show(w)}`);
      }
    }
  });

  it('read entries as their object schemas do: fields in order, present empty fields kept, required fields required', () => {
    // Each field's values, mostly of its kind (so that whole entries are often read), any other now and then.
    const kinds: Record<string, fc.Arbitrary<unknown>> = {
      date: fc.oneof(fc.constantFrom('2026-03-01', '2026-03-01T10:00:00Z'), nearDate),
      metric: fc.oneof(fc.constantFrom(...SUCCESS_METRICS.flatMap((m) => [m.id, m.title])), nearWord),
      value: fc.oneof(number, numberText),
      count: fc.oneof(fc.nat(), number, numberText),
      of: fc.oneof(fc.nat(), number, numberText),
      cumulative: fc.constantFrom(true, false, 'yes', 'No', ' TRUE ', 'false', 'y', 1, '__proto__'),
      worthContinuing: fc.oneof(nearWord, fc.boolean()),
    };
    const field = (key: string) =>
      fc.oneof(
        { arbitrary: kinds[key] ?? fc.oneof(fc.string(), fc.constantFrom('  ', ' note ', '')), weight: 6 },
        { arbitrary: anything, weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      );
    // (with how many of 5,000 entries must be read whole: most fields of a metric entry must be right)
    for (const [entryChecks, schema, keys, least] of [
      [checks.checkInChecks, checkInSchema, CHECK_IN_KEYS, 300],
      [checks.metricEntryChecks, metricEntrySchema, METRIC_ENTRY_KEYS, 50],
    ] as const) {
      assert.deepStrictEqual(entryChecks.keys, [...keys]);
      assert.deepStrictEqual(Object.keys(schema.shape), [...keys]);
      let decided = 0;
      fc.assert(
        fc.property(fc.tuple(...keys.map(field)), fc.nat({ max: 2 ** keys.length - 1 }), fc.boolean(), (values, bits, withRequired) => {
          // Half of the entries with their required fields (the date; the metric and value too).
          const present = withRequired ? bits | 0b111 : bits;
          const item: Record<string, unknown> = {};
          keys.forEach((k, i) => {
            if (present & (1 << i)) item[k] = values[i];
          });
          const r = entryChecks.values(values, present);
          if (r === UNSURE) return;
          decided++;
          const s = schema.safeParse(item);
          assert.ok(s.success, `accepts ${JSON.stringify(item)}, the schema does not`);
          assert.deepStrictEqual(r, s.data);
          assert.deepStrictEqual(Object.keys(r), Object.keys(s.data as object));
        }),
        { numRuns: 5000 },
      );
      assert.ok(decided > least, `decided ${decided} entries`);
    }
    // The plain entries records hold.
    assert.deepStrictEqual(checks.checkInChecks.values(['2026-03-01', '  ', 'yes'], 0b111), { date: '2026-03-01', notes: undefined, worthContinuing: 'yes' });
    assert.deepStrictEqual(checks.metricEntryChecks.values(['2026-03-01', 'Event attendance', '45%', undefined, '42', 110, 'a.csv', 'Yes'], 0b11110111), {
      date: '2026-03-01',
      metric: 'event-attendance',
      value: 45,
      count: 42,
      of: 110,
      source: 'a.csv',
      cumulative: true,
    });
    assert.strictEqual(checks.metricEntryChecks.values(['2026-03-01', 'event-attendance'], 0b011), UNSURE, 'a metric entry without a value');
  });

  it('hold the keys the schemas have', () => {
    assert.deepStrictEqual(
      SCORE_KEYS,
      SCORECARD_CRITERIA.map((c) => c.id),
    );
  });
});
