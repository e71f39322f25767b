import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { checkInSchema, digestRecord, MAX_LIST_ENTRIES, MAX_PROBLEMS, metricEntrySchema, parseRecord, scanKeyBlocks, type RecordParse } from '../../src/core/records';
import { assertLinear } from './linearTime';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/records');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function ok(result: RecordParse) {
  if (!result.ok) assert.fail(`expected the record to be read: ${JSON.stringify(result.problems)}`);
  return result;
}

/** The 0-based line of the first line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starts with ${prefix}`);
  return i;
}

const EXPECTED_GUILD = {
  partner: 'Design Systems Guild',
  community: 'Design Systems Guild Slack',
  contact: 'Ana Ruiz <ana@example.org>',
  stage: 'active',
  types: ['newsletter-cross-promotion', 'co-hosted-event'],
  owners: { ours: 'Sam', theirs: 'Ana' },
  start: '2026-01-15',
  review: '2026-07-15',
  cadence: 'monthly',
  checkIns: [
    { date: '2026-02-15', notes: 'First swap went out; 80 clicks from their list.', worthContinuing: 'yes' },
    { date: '2026-03-14', notes: 'Planned the April workshop.\nThey want a recording for their YouTube channel.', worthContinuing: 'unsure' },
  ],
  scores: { audienceOverlap: 4, complementary: 5, similarSize: 3, responsiveness: 4, valuesAlignment: 4, mutualBenefit: 3 },
  partnerSize: 12000,
  metrics: [
    { date: '2026-02-20', metric: 'cross-community-joins', value: 85, note: 'after the February swap' },
    { date: '2026-04-10', metric: 'event-attendance', value: 38 },
  ],
  playbook: { 'newsletter-swap': [1, 2] },
};

describe('records: parseRecord', () => {
  it('reads a realistic record exactly, listing the key it does not know', () => {
    const r = ok(parseRecord(fixture('design-systems-guild.md')));
    assert.deepStrictEqual(r.record, EXPECTED_GUILD);
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.unknownKeys, ['slackChannel']);
  });

  it('reads the same record with CRLF line endings and a byte order mark, with the same lines', () => {
    const lf = fixture('design-systems-guild.md').replace(/\r\n/g, '\n');
    const broken = lf.replace('stage: active', 'stage: paused');
    const crlf = '\ufeff' + broken.replace(/\n/g, '\r\n');
    const a = ok(parseRecord(broken));
    const b = ok(parseRecord(crlf));
    assert.deepStrictEqual(b.record, a.record);
    assert.deepStrictEqual(b.problems, a.problems);
    assert.strictEqual(b.problems[0].line, lineOf(lf, 'stage:'));
    assert.strictEqual(ok(parseRecord('\ufeff' + lf.replace(/\n/g, '\r\n'))).record.checkIns[1].notes, EXPECTED_GUILD.checkIns[1].notes);
  });

  it('reports each wrongly typed field at its line and falls back to its default', () => {
    const text = fixture('wrong-types.md');
    const r = ok(parseRecord(text));
    assert.deepStrictEqual(r.record, {
      partner: 'Wrong Types Collective',
      stage: 'prospect',
      types: [],
      owners: {},
      cadence: 'monthly',
      checkIns: [],
      scores: {},
      metrics: [],
      playbook: {},
    });
    const errorsAt = (prefix: string) => r.problems.filter((p) => p.line === lineOf(text, prefix) && p.severity === 'error');
    for (const key of ['community', 'contact', 'stage', 'types', 'owners', 'start', 'review', 'cadence', 'checkIns', 'scores', 'partnerSize', 'metrics', 'playbook']) {
      const found = errorsAt(`${key}:`);
      assert.strictEqual(found.length, 1, `one error at the line of ${key}: ${JSON.stringify(r.problems)}`);
      assert.match(found[0].message, new RegExp(`^${key}`));
    }
    assert.strictEqual(r.problems.length, 13);
    assert.match(errorsAt('stage:')[0].message, /prospect, contacted, agreed, active, ended.*"paused"/);
    assert.match(errorsAt('review:')[0].message, /real date/);
  });

  it('refuses a record whose YAML is broken, at the line of the fault', () => {
    const r = parseRecord(fixture('broken-yaml.md'));
    assert.strictEqual(r.ok, false);
    assert.strictEqual(r.problems.length, 1);
    assert.strictEqual(r.problems[0].severity, 'error');
    assert.match(r.problems[0].message, /not valid YAML/);
    assert.ok(r.problems[0].line >= 2 && r.problems[0].line <= 4, `line ${r.problems[0].line}`);
  });

  it('refuses front matter in another language and never runs it', () => {
    const g = globalThis as { __recordFixtureRan?: boolean };
    delete g.__recordFixtureRan;
    const r = parseRecord(fixture('javascript-front-matter.md'));
    assert.strictEqual(r.ok, false);
    assert.deepStrictEqual(r.ok ? undefined : r.partial, {});
    assert.strictEqual(r.problems[0].line, 0);
    assert.match(r.problems[0].message, /only YAML/);
    assert.strictEqual(g.__recordFixtureRan, undefined);
  });

  it('refuses a record without a partner but keeps what it could read', () => {
    const r = parseRecord(fixture('no-partner.md'));
    assert.strictEqual(r.ok, false);
    if (r.ok) return;
    assert.deepStrictEqual(r.partial, { community: 'Orphaned Community', stage: 'contacted', types: ['mutual-promotion'] });
    assert.match(r.problems[0].message, /no partner/);
  });

  it('refuses an empty or blank partner at its line', () => {
    const r = parseRecord('---\nstage: active\npartner: "  "\n---\n');
    assert.strictEqual(r.ok, false);
    assert.deepStrictEqual(r.problems.map((p) => p.line), [2]);
  });

  it('refuses a file without front matter', () => {
    for (const text of ['', 'Just notes.\n', '---\nnever closed\n', '----\npartner: x\n----\n']) {
      const r = parseRecord(text);
      assert.strictEqual(r.ok, false, JSON.stringify(text));
      assert.match(r.problems[0].message, /no front matter/);
    }
  });

  it('reads values written the ways people write them', () => {
    const r = ok(
      parseRecord(
        [
          '---',
          'partner: 2600',
          'stage: Active',
          'cadence: Bi-Weekly',
          'types: Newsletter cross-promotion',
          'partnerSize: "~3.5K members"',
          'start: 2026-01-05T09:30:00Z',
          'checkIns:',
          '  - date: "2026-02-01"',
          '    worthContinuing: true',
          '    notes:',
          'metrics:',
          '  - {date: 2026-02-02, metric: Co-created content engagement, value: 2.5x}',
          '  - {date: 2026-02-03, metric: cross-community-joins, value: "1,200"}',
          'scores: {audienceOverlap: "4", mutualBenefit: 2.5}',
          'contact:',
          '---',
          '',
        ].join('\n'),
      ),
    );
    assert.strictEqual(r.record.partner, '2600');
    assert.strictEqual(r.record.stage, 'active');
    assert.strictEqual(r.record.cadence, 'bi-weekly');
    assert.deepStrictEqual(r.record.types, ['newsletter-cross-promotion']);
    assert.strictEqual(r.record.partnerSize, 3500);
    assert.strictEqual(r.record.start, '2026-01-05');
    assert.deepStrictEqual(r.record.checkIns, [{ date: '2026-02-01', worthContinuing: 'yes' }]);
    assert.deepStrictEqual(r.record.metrics, [
      { date: '2026-02-02', metric: 'content-engagement', value: 2.5 },
      { date: '2026-02-03', metric: 'cross-community-joins', value: 1200 },
    ]);
    assert.deepStrictEqual(r.record.scores, { audienceOverlap: 4, mutualBenefit: 2.5 });
    assert.strictEqual(r.record.contact, undefined);
    assert.deepStrictEqual(r.problems, []);
  });

  it('checks calendar dates, leap years included', () => {
    assert.strictEqual(ok(parseRecord('---\npartner: A\nstart: 2028-02-29\n---\n')).record.start, '2028-02-29');
    const r = ok(parseRecord('---\npartner: A\nstart: 2026-02-29\n---\n'));
    assert.strictEqual(r.record.start, undefined);
    assert.deepStrictEqual(r.problems.map((p) => p.line), [2]);
  });

  it('skips only the bad entries of a list, each reported at its own line', () => {
    const text = [
      '---',
      'partner: A',
      'checkIns:',
      '  - date: 2026-01-01',
      '  - date: soon',
      '    notes: the date is wrong',
      '  - just text',
      '  - date: 2026-03-01',
      '    worthContinuing: perhaps',
      '  - date: 2026-04-01',
      '    worth_continuing: yes',
      'types: [co-hosted-event, podcasts, co-hosted-event]',
      '---',
    ].join('\n');
    const r = ok(parseRecord(text));
    assert.deepStrictEqual(r.record.checkIns, [{ date: '2026-01-01' }, { date: '2026-04-01' }]);
    assert.deepStrictEqual(r.record.types, ['co-hosted-event']);
    assert.deepStrictEqual(
      r.problems.map((p) => [p.line, p.severity]),
      [
        [4, 'error'],
        [6, 'error'],
        [7, 'error'],
        [9, 'warning'],
        [11, 'error'],
      ],
    );
    assert.match(r.problems[3].message, /did you mean "worthContinuing"/);
  });

  it('warns about a key that looks like a misspelt one, and keeps it', () => {
    const r = ok(parseRecord('---\npartner: A\ncadance: weekly\ncheck_ins: []\nmyOwnKey: 1\n---\n'));
    assert.deepStrictEqual(r.unknownKeys, ['cadance', 'check_ins', 'myOwnKey']);
    assert.deepStrictEqual(
      r.problems.map((p) => [p.line, p.severity, /did you mean "(\w+)"/.exec(p.message)?.[1]]),
      [
        [2, 'warning', 'cadence'],
        [3, 'warning', 'checkIns'],
      ],
    );
    assert.strictEqual(r.record.cadence, 'monthly');
  });

  it('reads nested problems at the nested key line', () => {
    const text = '---\npartner: A\nscores:\n  audienceOverlap: 4\n  similarSize: 9\n  vibes: 5\nowners:\n  ours: Sam\n  theirs: [a]\n---\n';
    const r = ok(parseRecord(text));
    assert.deepStrictEqual(r.record.scores, { audienceOverlap: 4 });
    assert.deepStrictEqual(r.record.owners, { ours: 'Sam' });
    assert.deepStrictEqual(r.problems.map((p) => p.line), [4, 5, 8]);
  });

  it('never throws, whatever the text', () => {
    const nasty = [
      '---\n*a\n---\n',
      '---\n&a [*a, *a]\n---\n',
      '---\na: &a [1,2]\nb: [*a,*a,*a,*a]\nc: [*b]\n---\n',
      '---\n' + '['.repeat(5000) + '\n---\n',
      '---\n__proto__: {polluted: true}\npartner: A\n---\n',
      '---\npartner: A\npartner: B\n---\n',
      '---\n- a list\n---\n',
      '---\n"just a string"\n---\n',
      '---\npartner: !!js/function "function(){}"\n---\n',
      '---\u0000\n---',
      '\ufeff',
    ];
    for (const text of nasty) assert.doesNotThrow(() => parseRecord(text), JSON.stringify(text.slice(0, 40)));
    assert.strictEqual(({} as { polluted?: boolean }).polluted, undefined);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('-', '-', '\n', '\r', ' ', ':', 'a', 'partner', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '\ufeff', 'x', '1') }), (text) => {
        const r = parseRecord(`---\n${text}\n---\n`);
        assert.ok(Array.isArray(r.problems));
        for (const p of r.problems) assert.ok(Number.isInteger(p.line) && p.line >= 0);
        parseRecord(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('records: reading at scale', () => {
  it('finds a nested key’s line in linear time (a line of thousands of spaces under owners)', function () {
    this.timeout(60_000);
    const text = (n: number) => `---\npartner: A\nowners:\n  ours: Sam\n    b${' '.repeat(n)}c\n  theirz: Ana\n---\n`;
    // Whatever YAML makes of the odd line, the answer is quick and the same at both sizes.
    const small = parseRecord(text(5_000));
    const large = parseRecord(text(50_000));
    assert.deepStrictEqual(large.problems.map((p) => [p.line, p.severity]), small.problems.map((p) => [p.line, p.severity]));
    assertLinear(parseRecord, text(5_000), text(50_000), '50,000 spaces instead of 5,000');
    // And in the valid layout the warning is on the nested key's own line.
    const valid = parseRecord(`---\npartner: A\nowners:\n  ours: Sam\n  b${' '.repeat(50_000)}c: 1\n---\n`);
    assert.deepStrictEqual(valid.problems.map((p) => p.line), [4]);
  });

  it('caps problems per file and entries read per list', () => {
    const types = parseRecord(['---', 'partner: A', 'types:', ...Array.from({ length: 19_000 }, (_, i) => `  - bad-${i}`), '---', ''].join('\n'));
    assert.ok(types.ok);
    assert.strictEqual(types.problems.length, MAX_PROBLEMS + 1);
    assert.match(types.problems[0].message, new RegExp(`types has 19,000 entries; only the first ${MAX_LIST_ENTRIES.toLocaleString('en-US')} are read`));
    assert.match(types.problems[MAX_PROBLEMS].message, /^…and 901 more problems in this file/);
    const checkIns = parseRecord(['---', 'partner: A', 'checkIns:', ...Array.from({ length: 1_500 }, (_, i) => `  - date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}`), '---', ''].join('\n'));
    assert.ok(checkIns.ok);
    assert.strictEqual(checkIns.record.checkIns.length, MAX_LIST_ENTRIES);
    assert.deepStrictEqual(checkIns.problems.map((p) => [p.line, p.severity]), [[2, 'warning']]);
    // Fifty such files keep 101 problems each, whatever they hold.
    for (let i = 0; i < 50; i++) assert.ok(digestRecord(['---', 'partner: A', 'types:', ...Array.from({ length: 5_000 }, (_, k) => `  - bad-${i}-${k}`), '---'].join('\n')).problems.length <= MAX_PROBLEMS + 1);
  });

  it('reads each check-in and measurement as their schemas do', () => {
    const value = fc.constantFrom<unknown>('2026-01-15', '2026-02-30', '2026-03-01T10:00:00Z', 'soon', 7, true, null, '', ' ', 'yes', 'Maybe', 'no', 'cross-community-joins', 'Event attendance', '45%', '2.5x', '1,200', -3, 'lots', [1], { a: 1 });
    const entry = fc.dictionary(fc.constantFrom('date', 'notes', 'worthContinuing', 'metric', 'value', 'note', 'other'), value, { maxKeys: 5 });
    fc.assert(
      fc.property(entry, (item) => {
        const plain: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(item)) if (v !== null && v !== undefined) plain[k] = v;
        for (const [key, schema] of [['checkIns', checkInSchema], ['metrics', metricEntrySchema]] as const) {
          const r = parseRecord(`---\npartner: A\n${key}: [${JSON.stringify(item)}]\n---\n`);
          assert.ok(r.ok);
          const want = schema.safeParse(plain);
          const got = key === 'checkIns' ? r.record.checkIns : r.record.metrics;
          if (want.success) assert.deepStrictEqual(got, [want.data]);
          else {
            assert.deepStrictEqual(got, []);
            const issue = want.error.issues[0];
            assert.ok(r.problems.some((p) => p.message.includes(`: ${issue.path.join('.')} ${issue.message}; it is skipped.`)), `${JSON.stringify(item)}: ${r.problems.map((p) => p.message).join(' | ')}`);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('digests a record with the problems and fields of the whole record', () => {
    for (const file of fs.readdirSync(FIXTURES)) {
      const text = fixture(file);
      const full = parseRecord(text);
      const digest = digestRecord(text);
      assert.deepStrictEqual(digest.problems, full.problems, file);
      assert.strictEqual(digest.ok, full.ok, file);
      if (!full.ok || !digest.ok) continue;
      const { checkIns, metrics, playbook, ...rest } = full.record;
      const { lastCheckIn, latestMetrics, ...kept } = digest.digest;
      assert.deepStrictEqual(kept, rest, file);
      assert.ok(playbook);
      assert.deepStrictEqual(lastCheckIn, checkIns.length ? checkIns.reduce((a, b) => (b.date > a.date ? b : a)) : undefined, file);
      for (const m of metrics) assert.ok(latestMetrics[m.metric] && latestMetrics[m.metric]!.date >= m.date, file);
    }
    const guild = digestRecord(fixture('design-systems-guild.md'));
    assert.ok(guild.ok);
    assert.deepStrictEqual(guild.digest.lastCheckIn, EXPECTED_GUILD.checkIns[1]);
    assert.deepStrictEqual(guild.digest.latestMetrics, { 'cross-community-joins': EXPECTED_GUILD.metrics[0], 'event-attendance': EXPECTED_GUILD.metrics[1] });
  });
});

describe('records: what a measure counted', () => {
  it('reads count, of, source and cumulative, and an older entry without them as before', () => {
    const text = [
      '---',
      'partner: A',
      'metrics:',
      '  - date: 2026-02-20',
      '    metric: cross-community-joins',
      '    value: 85',
      '    note: after the February swap',
      '  - {date: 2026-03-12, metric: event-attendance, value: "38%", count: "42", of: 110, source: luma.csv}',
      '  - {date: 2026-03-31, metric: cross-community-joins, value: 140, cumulative: "yes", source: 2026.csv}',
      '---',
    ].join('\n');
    const r = ok(parseRecord(text));
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.record.metrics, [
      { date: '2026-02-20', metric: 'cross-community-joins', value: 85, note: 'after the February swap' },
      { date: '2026-03-12', metric: 'event-attendance', value: 38, count: 42, of: 110, source: 'luma.csv' },
      { date: '2026-03-31', metric: 'cross-community-joins', value: 140, cumulative: true, source: '2026.csv' },
    ]);
  });

  it('reads a size or count written as text with a minus sign as negative, and says so', () => {
    for (const size of ['"-5"', '"−12k"', '-1,200']) {
      const r = ok(parseRecord(`---\npartner: A\npartnerSize: ${size}\n---\n`));
      assert.strictEqual(r.record.partnerSize, undefined, size);
      assert.match(r.problems[0]?.message ?? '', /partnerSize must not be negative/, size);
    }
    const counted = ok(parseRecord('---\npartner: A\nmetrics:\n  - {date: 2026-03-12, metric: event-attendance, value: 38, count: "-3"}\n---\n'));
    assert.deepStrictEqual(counted.record.metrics, []);
    assert.match(counted.problems[0].message, /count.*must not be negative/);
    // Sizes people write as text still read: with a tilde, a unit, separators, and "-0" as 0.
    for (const [size, n] of [['"~12k"', 12000], ['"12,000 members"', 12000], ['"-0"', 0], ['" 1.2M"', 1200000]] as const) {
      const r = ok(parseRecord(`---\npartner: A\npartnerSize: ${size}\n---\n`));
      assert.strictEqual(r.record.partnerSize, n, size);
      assert.deepStrictEqual(r.problems, [], size);
    }
  });

  it('skips an entry whose figures cannot be read, saying which', () => {
    const text = '---\npartner: A\nmetrics:\n  - {date: 2026-03-12, metric: event-attendance, value: 38, count: -3}\n  - {date: 2026-03-13, metric: event-attendance, value: 40, cumulative: maybe}\n---\n';
    const r = ok(parseRecord(text));
    assert.deepStrictEqual(r.record.metrics, []);
    assert.match(r.problems[0].message, /count.*must not be negative/);
    assert.match(r.problems[1].message, /cumulative.*must be true or false/);
  });
});

describe('records: the documented front matter', () => {
  it('reads the example in the schema comment without a problem', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../../src/core/records/schema.ts'), 'utf8');
    const example = source
      .split('\n')
      .filter((l) => l.startsWith(' *   '))
      .map((l) => l.slice(5))
      .join('\n');
    assert.ok(example.startsWith('partner:'), example);
    const r = ok(parseRecord(`---\n${example}\n---\n`));
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.unknownKeys, []);
    assert.strictEqual(r.record.partnerSize, 12000);
    assert.deepStrictEqual(r.record.playbook, { 'newsletter-swap': [1, 2] });
    assert.strictEqual(Object.keys(r.record).length, 14);
  });
});

describe('records: scanKeyBlocks', () => {
  it('finds each top-level key and the lines of its value, leaving trailing comments out', () => {
    const raw = ['partner: A # note', '"quoted key": 1', "'it''s': 2", 'list:', '- a', '- b', '', '# about map', 'map:', '  x: 1', '  # inner', '  y: |', '    text', '', 'last: 1', ''].join('\n');
    const blocks = scanKeyBlocks(raw);
    assert.deepStrictEqual(
      blocks.map((b) => [b.key, b.line, b.lastLine]),
      [
        ['partner', 0, 0],
        ['quoted key', 1, 1],
        ["it's", 2, 2],
        ['list', 3, 5],
        ['map', 8, 12],
        ['last', 14, 14],
      ],
    );
    assert.strictEqual(raw.slice(blocks[3].start, blocks[3].end), 'list:\n- a\n- b\n');
  });
});
