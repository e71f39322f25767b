import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { digestRecord } from '../../src/core/records';
import { digestFully, type DigestParse } from '../../src/core/records/parse';
import { fastDigest } from '../../src/core/records/fastDigest';
import { read, readCheckIn, readMetricEntry } from '../../src/core/records/fields';
import { CADENCES, checkInSchema, dateSchema, metricEntrySchema, SCORE_KEYS, sizeSchema, STAGES, WORTH_CONTINUING } from '../../src/core/records/schema';
import { PARTNERSHIP_TYPES, SUCCESS_METRICS } from '../../src/core/domain';

const REPO = path.resolve(__dirname, '../../..');

/** The full reading with js-yaml itself reading the YAML: what the fast digest must give. */
const full = (text: string): DigestParse => digestFully(text, { yamlOnly: true });

/**
 * Checks one text: whatever the fast digest accepts, it gives exactly the full reading's digest
 * (which then has no problem to report); digestRecord always gives the full reading's result.
 * Returns whether the fast digest accepted it.
 */
function check(text: string): boolean {
  const reference = full(text);
  const fast = fastDigest(text);
  if (fast !== undefined) assert.deepStrictEqual({ ok: true, digest: fast, problems: [] }, reference, `the fast digest differs on ${JSON.stringify(text)}`);
  assert.deepStrictEqual(digestRecord(text), reference, `digestRecord differs from the full reading on ${JSON.stringify(text)}`);
  return fast !== undefined;
}

function generated(): (i: number) => string {
  // The benchmark's generator (scripts/lib/records.mjs), loaded as it is.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(REPO, 'scripts', 'lib', 'records.mjs')) as { recordText(i: number): string }).recordText;
}

/** Records written the plain ways (the first ten, which the fast digest must read itself), then unusual and broken ones. */
const PLAIN = [
  '---\npartner: Rust Berlin\n---\n',
  '---\r\npartner: Rust Berlin\r\nstage: active\r\n---\r\nbody\r\n',
  '\ufeff---\npartner: Café Guild 🎉\ncommunity: "Quoted, with: colon"\ncontact: \'it\'\'s me\' # who\n---\n',
  '---\npartner: A\ntypes: [co-hosted-event, newsletter-cross-promotion, co-hosted-event]\nowners:\n  ours: Sam\n  theirs:\n---\n',
  '---\npartner: A\ntypes:\n- mutual-promotion\n- Co-hosted event\nscores:\n    audienceOverlap: 5\n    mutualBenefit: "3"\n---\n',
  '---\npartner: 2600\ncommunity: 12\ncontact:\nstage: Active\ncadence: bi weekly\npartnerSize: 12k\n---\n',
  '---\n# a comment\npartner: A # trailing\n\n  # indented comment\nstart: 2026-01-15\nreview: 2026-02-28\n---\n',
  '---\npartner: A\ncheckIns:\n  - date: 2026-03-01\n    notes:\n    worthContinuing: yes\n  - date: 2026-03-01\n    notes: "second, same day"\n  - date: 2026-01-01T10:00:00Z\nmetrics:\n- date: 2026-02-01\n  metric: event-attendance\n  value: 45%\n- date: 2026-02-01\n  metric: Event attendance\n  value: 2.5x\n  cumulative: true\n  count: 1,200\n---\n',
  '---\npartner: A\nplaybook:\n  newsletter-swap: [1, 2]\n  co-hosted-event:\n    - 3\n  content-collab: 2\n---\n',
  '---\npartner: A\ntypes: []\ncheckIns: []\nowners:\n  ours: ~\n---\n',
  '---\npartner: A\nreview: 2026-02-30\n---\n',
  '---\npartner: A\nplaybook:\n  content-collab: 9\n---\n',
  '---\npartner: A\ncheckIns: [a]\n---\n',
  '---\npartner:   \n---\n',
  '---\npartner: ~\n---\n',
  '---\npartner: A\npartner: B\n---\n',
  '---\npartner: A\nstage: maybe\n---\n',
  '---\npartner: A\ntags: [x]\n---\n',
  '---\npartner: A\ncheckIns:\n  - date: 2026-03-01\n    mood: good\n---\n',
  '---\npartner: A\n\tstage: active\n---\n',
  '---\npartner: A\nstage: active\r---\n',
  '---\npartner: A\nnotes: |\n  text\n---\n',
  '---\npartner: &a A\ncommunity: *a\n---\n',
  '---\npartner: "A\\tB"\n---\n',
  '---\npartner: A\n---',
  '---\npartner: A\n----\n',
  '---\npartner: A\n',
  '--- \npartner: A\n---\n',
  '---yaml\npartner: A\n---\n',
  '---js\npartner: A\n---\n',
  'partner: A\n',
  '',
  '---\n---\n',
  '---\npartner: A\nstage: .nan\npartnerSize: 0x1F\n---\n',
  '---\npartner: 012\ncommunity: 1_000\ncontact: 1e3\n---\n',
  '---\npartner: true\n---\n',
  '---\npartner: A\nscores:\n  similarSize: 6\n---\n',
  '---\npartner: A\nscores:\n  similarsize: 3\n---\n',
  '---\npartner: A\nowners: {ours: Sam}\n---\n',
  '---\npartner: A\nmetrics:\n  - date: 2026-02-01\n    metric: event-attendance\n    value: 45\n   note: misaligned\n---\n',
  '---\npartner: A\ncheckIns:\n  - date: 2026-03-01\n  notes: under the dash\n---\n',
  '---\npartner: A\ntypes:\n  - co-hosted-event\n  -\n---\n',
  '---\npartner: A\ntypes:\n  - co-hosted-event\n  - - nested\n---\n',
  '---\npartner: A\ntypes: co-hosted-event\n  more: x\n---\n',
  '---\npartner: A\ncommunity: one\n  two\n---\n',
  '---\npartner: \ud83c\n---\n',
  '---\npartner: \u0085A\n---\n',
  '---\npartner: A\u00a0\n---\n',
  '---\npartner: A\n---\n---\npartner: B\n---\n',
];

/**
 * Records as people and assistants write them: key order, quoting, comments, CR LF, a byte order
 * mark, flow lists, indentation, sizes and scores written as text; the first group must be read
 * in one pass, the second (odd keys, hostile input) may be given up on, and both must agree with
 * the full reading.
 */
const WRITTEN = [
  '---\nstage: agreed\npartner: "Open Source Berlin"\ntypes: [ co-hosted-event , guest-contributions ]\npartnerSize: 4200\n---\n# Notes\n',
  '\ufeff---\r\n# Partnership record\r\npartner: \'DevRel Collective\'\r\ncontact: hello@devrel.example # main inbox\r\nstage: Active\r\nstart: 2026-02-01\r\ncadence: Bi-Weekly\r\n---\r\n',
  '---\npartner: Café Ünïcode 🎉\ncommunity: "Rustaceans #rust (Discord)"\nowners:\n  theirs: "Ana # not a comment"\n  ours: Sam\nscores:\n  audienceOverlap: 4\n  complementary: "5"\n  similarSize: 3\n  responsiveness: 5\n  valuesAlignment: 4\n  mutualBenefit: 2\n---\n',
  '---\npartner: A\nstage: active\nstart: 2026-01-10\ncheckIns:\n- date: 2026-02-10\n  notes: "Went well: 40 people came."\n  worthContinuing: yes\n- date: 2026-03-10\n  worthContinuing: unsure\nmetrics:\n- date: 2026-02-10\n  metric: event-attendance\n  value: 40\n  note: first event\n- date: 2026-03-10\n  metric: event-attendance\n  value: 55\n---\n',
  '---\npartner: A\npartnerSize: 12k\n---\n',
  '---\npartner: A\npartnerSize: "12,000"\n---\n',
  '---\npartner: A\npartnerSize: 0\nreview: 2026-12-31\n---\n',
  '---\npartner: A   \nstage: prospect   # trailing spaces and a comment\n---\n',
  '---\npartner: A\ntypes:\n    - newsletter-cross-promotion\n    - Co-created content\n---\n',
  '---\npartner: A\nmetrics:\n  - date: 2026-02-01\n    metric: Cross-community joins\n    value: 12%\n    cumulative: true\n    count: 3\n    of: 25\n    source: export.csv\n---\n',
  // Odd keys and hostile input: any answer, as long as it is the full reading's.
  '---\npartner: A\npartnerSize: -5\n---\n',
  '---\npartner: A\npartnerSize: 12.5\n---\n',
  '---\npartner: A\npartnerSize: 99999999999999999999\n---\n',
  '---\npartner: A\npartnerSize: 1e3\n---\n',
  '---\npartner: A\npartnerSize: -0\n---\n',
  '---\npartner: A\npartnerSize: .inf\n---\n',
  '---\n"partner": A\n---\n',
  '---\npartner : A\n---\n',
  '---\nPartner: A\n---\n',
  '---\npartner: A\n__proto__: x\n---\n',
  '---\npartner: A\nconstructor: x\n---\n',
  '---\npartner: A\npartnerX: 1\n---\n',
  '---\npartner: A\nscores:\n  audienceOverlap: 4\n  audienceOverlap: 5\n---\n',
  '---\npartner: A\ncheckIns:\n  - date: 2026-01-01\n    date: 2026-01-02\n---\n',
  '---\npartner: A\nowners:\n  ours: Sam\n  ours2: Kim\n---\n',
  '---\npartner: A\nstage:active\n---\n',
  '---\npartner: A\nstage:: active\n---\n',
  `---\npartner: A\ntypes:\n${'  - co-hosted-event\n'.repeat(1001)}---\n`,
  `---\npartner: ${'x'.repeat(100_000)}\n---\n`,
  `---\npartner: A\n${'  '.repeat(200)}deep: 1\n---\n`,
  '---\npartner: A\ncommunity: \u202eevil\u202c\n---\n',
  '---\npartner: A\u2028B\n---\n',
];

describe('the fast record digest (src/core/records/fastDigest.ts)', () => {
  it('reads records as people and assistants write them as the full reading does', () => {
    for (const text of WRITTEN) check(text);
    for (const text of WRITTEN.slice(0, 10)) assert.ok(fastDigest(text), JSON.stringify(text));
  });

  it('reads a date, and the entries holding dates, as the schemas do', () => {
    const dates = ['2026-01-15', '2026-02-29', '2028-02-29', '1900-01-01', '1899-12-31', '2999-12-31', '3000-01-01', '2026-13-01', '2026-00-10', '2026-1-15', ' 2026-01-15', '2026-01-15 ', '2026-01-15T10:00:00Z', '２０２６-01-15', '', 20260115, null, undefined];
    for (const v of dates) {
      const r = read.date(v);
      const s = dateSchema.safeParse(v);
      assert.deepStrictEqual({ success: r.success, data: r.data }, { success: s.success, data: s.data }, String(v));
      for (const [reader, schema, item] of [
        [readCheckIn, checkInSchema, { date: v, worthContinuing: 'yes' }],
        [readMetricEntry, metricEntrySchema, { date: v, metric: 'event-attendance', value: 3 }],
      ] as const) {
        const e = reader(item);
        const f = schema.safeParse(item);
        assert.strictEqual(e.success, f.success, `${String(v)}: ${JSON.stringify(item)}`);
        if (f.success) assert.deepStrictEqual(e.data, f.data, String(v));
      }
    }
  });

  it('reads a community size as the schema does', () => {
    for (const v of [0, 1, 12, 4200, 2 ** 53 - 1, 2 ** 53, -0, -1, 1.5, Infinity, NaN, 1e21, '12k', '1,200', '', 'many', null, true, undefined]) {
      const r = read.size(v);
      const s = sizeSchema.safeParse(v);
      assert.deepStrictEqual({ success: r.success, data: r.data }, { success: s.success, data: s.data }, String(v));
    }
  });

  it('gives the full reading’s digest on plain and unusual records, or gives up', () => {
    let accepted = 0;
    for (const text of PLAIN) if (check(text)) accepted++;
    assert.ok(accepted >= 10, `read ${accepted} of ${PLAIN.length}`);
    // What it must read itself (the plain ways records are written).
    for (const text of PLAIN.slice(0, 10)) assert.ok(fastDigest(text), JSON.stringify(text));
  });

  it('reads every record of the demo and of the benchmark’s generator as the full reading does', () => {
    const demo = path.join(REPO, 'demo', 'partnerships');
    for (const file of fs.readdirSync(demo)) check(fs.readFileSync(path.join(demo, file), 'utf8'));
    const recordText = generated();
    for (let i = 0; i < 300; i++) assert.ok(check(recordText(i)), `generated record ${i} is read in one pass`);
  });

  it('gives up on the hostile records and the test fixtures, or reads them as the full reading does', () => {
    for (const dir of [path.join(REPO, 'test', 'fixtures', 'hostile', 'records'), path.join(REPO, 'test', 'fixtures', 'records')]) {
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) {
        const p = path.join(dir, file);
        if (fs.statSync(p).isFile()) check(fs.readFileSync(p, 'utf8'));
      }
    }
  });

  it('agrees with the full reading on each field’s edge values, written plain and quoted', () => {
    // Values around the edges of each check (src/core/records/valueChecks.ts), where the one-pass
    // reader decides without zod: what it reads must be what the full reading gives.
    const words = [
      ...STAGES,
      ...CADENCES,
      ...WORTH_CONTINUING,
      ...PARTNERSHIP_TYPES.flatMap((t) => [t.id, t.title]),
      ...SUCCESS_METRICS.flatMap((m) => [m.id, m.title]),
      'fortnightly',
      'biweekly',
      'maybe',
      'Bi Weekly',
      'ACTIVE',
      'activ',
      'actives',
      'unknown-metric',
      'event_attendance',
      'Événement',
      'ａｃｔｉｖｅ',
      'actİve',
    ];
    const edge = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(
        '2026-01-15',
        '2026-02-28',
        '2028-02-29',
        '2026-02-29',
        '2026-02-30',
        '2026-04-31',
        '2026-13-01',
        '2026-00-01',
        '1900-01-01',
        '1899-12-31',
        '2999-12-31',
        '3000-01-01',
        '2026-1-5',
        '2026-01-15T10:00:00Z',
        '2026-01-15 10:00',
      ),
      fc.constantFrom(
        '0',
        '1',
        '2.5',
        '5',
        '5.0',
        '6',
        '-1',
        '+3',
        '-0',
        '3e0',
        '1e3',
        '1E400',
        '.5',
        '5.',
        '012',
        '0x1F',
        '1_000',
        '99999999999999999999',
        '9007199254740993',
        '45%',
        '2.5x',
        '12k',
        '1,200',
        '1,5',
        '~3',
        '−3',
        'NaN',
        '.nan',
        '.inf',
        '-.inf',
      ),
      fc.constantFrom('yes', 'no', 'Yes', 'NO', 'true', 'false', 'True', 'y', 'null', '~', ''),
      fc.constantFrom('Café', '🎉', 'é', 'İ', '\u00a0x', 'a\u2003', '٣', '３'),
    );
    const written = fc
      .tuple(edge, fc.constantFrom('plain', 'plain', 'double', 'single', 'spaced'))
      .map(([v, how]) => (how === 'double' ? `"${v}"` : how === 'single' ? `'${v}'` : how === 'spaced' ? `"  ${v} "` : v));
    const place = fc.constantFrom(
      (v: string) => `partner: ${v}`,
      (v: string) => `partner: A\ncommunity: ${v}`,
      (v: string) => `partner: A\nstage: ${v}`,
      (v: string) => `partner: A\ncadence: ${v}`,
      (v: string) => `partner: A\ntypes:\n  - ${v}`,
      (v: string) => `partner: A\ntypes: [${v}]`,
      (v: string) => `partner: A\nstart: ${v}`,
      (v: string) => `partner: A\nreview: ${v}`,
      (v: string) => `partner: A\npartnerSize: ${v}`,
      (v: string) => `partner: A\nowners:\n  ours: ${v}`,
      (v: string) => `partner: A\nscores:\n  ${SCORE_KEYS[0]}: ${v}\n  mutualBenefit: 3`,
      (v: string) => `partner: A\nplaybook:\n  newsletter-swap: [${v}]`,
      (v: string) => `partner: A\nplaybook:\n  co-hosted-event:\n    - ${v}`,
      (v: string) => `partner: A\ncheckIns:\n  - date: ${v}\n    notes: n`,
      (v: string) => `partner: A\ncheckIns:\n  - date: 2026-03-01\n    worthContinuing: ${v}`,
      (v: string) => `partner: A\ncheckIns:\n  - date: 2026-03-01\n    notes: ${v}`,
      (v: string) => `partner: A\nmetrics:\n  - date: ${v}\n    metric: satisfaction\n    value: 3`,
      (v: string) => `partner: A\nmetrics:\n  - date: 2026-03-01\n    metric: ${v}\n    value: 3`,
      (v: string) => `partner: A\nmetrics:\n  - date: 2026-03-01\n    metric: event-attendance\n    value: ${v}`,
      (v: string) => `partner: A\nmetrics:\n  - date: 2026-03-01\n    metric: event-attendance\n    value: 40\n    count: ${v}\n    of: 110`,
      (v: string) => `partner: A\nmetrics:\n  - date: 2026-03-01\n    metric: cross-community-joins\n    value: 12\n    cumulative: ${v}\n    source: ${v}`,
    );
    let accepted = 0;
    fc.assert(
      fc.property(place, written, (at, v) => {
        if (check(`---\n${at(v)}\n---\n`)) accepted++;
      }),
      { numRuns: 6000 },
    );
    assert.ok(accepted > 900 && accepted < 5900, `the fast digest read ${accepted} of 6000`);
  });

  it('agrees with the full reading on generated records changed line by line', () => {
    const recordText = generated();
    const token = fc.constantFrom(
      '1', '3', '6', '0', '-1', '012', '0x1F', '1_000', '.5', '1e3', '.inf', '.NaN', '~', 'null', 'true', 'yes', 'No',
      '2026-01-15', '2026-02-30', '2026-1-5', '2026-01-15T10:00:00Z', '9999-01-01', 'prospect', 'Active', 'bi weekly', 'fortnightly', 'monthly',
      'co-hosted-event', 'Co-hosted event', 'mutual-promotion', 'event-attendance', 'satisfaction', '45%', '2.5x', '12k', '1,200',
      'a b', 'a: b', 'a #c', 'a#b', 'C#', '"q"', '"q" #c', '"a\\"b"', '"a" b', "'it''s'", "'x", '""', "''", '[a, b]', '[1, 2]', '[]', '{}',
      '{a: 1}', '[a,, b]', '[a, [b]]', '&x a', '*x', '!!str 1', '|', '>', '? a', ': a', '%x', '@a', '`a`', 'a\tb', 'é', '🎉', '\ud83c', 'x\u0085', '',
    );
    const keyName = fc.constantFrom('partner', 'community', 'contact', 'stage', 'types', 'owners', 'ours', 'theirs', 'start', 'review', 'cadence', 'checkIns', 'scores', 'similarSize', 'partnerSize', 'metrics', 'date', 'notes', 'metric', 'value', 'note', 'playbook', 'newsletter-swap', 'tags', 'check_ins', 'Partner');
    const edit = fc.oneof(
      fc.tuple(fc.constant('value' as const), fc.nat(), token),
      fc.tuple(fc.constant('key' as const), fc.nat(), keyName),
      fc.tuple(fc.constant('indent' as const), fc.nat(), fc.integer({ min: -2, max: 3 })),
      fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom('# comment', '  # c', '', '   ', 'tags: [x]', 'stage: active', '  - co-hosted-event', '    notes: more', '---', '- x', 'playbook:', '  newsletter-swap: [1, 7]')),
      fc.tuple(fc.constant('comment' as const), fc.nat(), fc.constantFrom(' # c', '#c', ' #', '   ')),
      fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant(0)),
      fc.tuple(fc.constant('duplicate' as const), fc.nat(), fc.constant(0)),
      fc.tuple(fc.constant('swap' as const), fc.nat(), fc.nat()),
    );
    let accepted = 0;
    let changed = 0;
    fc.assert(
      fc.property(fc.nat({ max: 999 }), fc.array(edit, { maxLength: 4 }), fc.constantFrom('\n', '\n', '\r\n', 'mixed'), fc.boolean(), (i, edits, eol, bom) => {
        const lines = recordText(i).split('\n');
        const close = lines.indexOf('---', 1);
        for (const [kind, at, arg] of edits) {
          // Edits fall inside the front matter (lines 1 to the closing line), mostly.
          const n = 1 + (at % Math.max(1, close));
          const line = lines[n] ?? '';
          const colon = line.indexOf(':');
          if (kind === 'value' && colon !== -1) lines[n] = `${line.slice(0, colon)}: ${arg}`;
          else if (kind === 'key' && colon !== -1) lines[n] = `${line.slice(0, line.length - line.trimStart().length)}${line.trimStart().startsWith('- ') ? '- ' : ''}${arg}${line.slice(colon)}`;
          else if (kind === 'indent') lines[n] = (arg as number) >= 0 ? ' '.repeat(arg as number) + line : line.replace(new RegExp(`^ {0,${-(arg as number)}}`), '');
          else if (kind === 'insert') lines.splice(n, 0, arg as string);
          else if (kind === 'comment') lines[n] = line + (arg as string);
          else if (kind === 'delete') lines.splice(n, 1);
          else if (kind === 'duplicate') lines.splice(n, 0, line);
          else if (kind === 'swap') {
            const m = 1 + ((arg as number) % Math.max(1, close));
            [lines[n], lines[m]] = [lines[m], lines[n]];
          }
        }
        const text = (bom ? '\ufeff' : '') + (eol === 'mixed' ? lines.map((l, k) => l + (k % 3 ? '\n' : '\r\n')).join('') : lines.join(eol));
        if (edits.length) changed++;
        if (check(text)) accepted++;
      }),
      { numRuns: 4000 },
    );
    // Not a vacuous test: many of the changed records are still read in one pass, and many not.
    assert.ok(accepted > 600 && accepted < 3900, `the fast digest read ${accepted} of 4000 (${changed} changed)`);
  });
});
