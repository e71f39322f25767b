import * as assert from 'assert';
import fc from 'fast-check';
import type { PartnershipTypeId } from '../../src/core/domain';
import { checkInSchedule } from '../../src/core/planner/checkins';
import { RecordIndex, type RecordSummary } from '../../src/core/planner/recordIndex';
import { weightedScore } from '../../src/core/planner/scorecard';
import { STAGES, digestRecord, parseRecord, type DigestParse, type Stage } from '../../src/core/records';

const TYPES: PartnershipTypeId[] = ['newsletter-cross-promotion', 'co-hosted-event', 'mutual-promotion', 'integration-partnership'];
const OWNERS = ['Sam', 'Priya', 'Jonas', 'Mei'];

function generated(i: number): { id: string; text: string; partner: string; stage: Stage; type: PartnershipTypeId; owner: string } {
  const stage = STAGES[i % STAGES.length];
  const type = TYPES[i % 7 % TYPES.length];
  const owner = OWNERS[i % 3];
  const partner = `Partner ${String(i).padStart(5, '0')}${i % 10 === 0 ? ' Guild' : ''}`;
  const text = [
    '---',
    `partner: ${partner}`,
    `community: Community of ${i}`,
    `stage: ${stage}`,
    `types: [${type}]`,
    `owners: {ours: ${owner}, theirs: Them ${i}}`,
    `start: 2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    'scores: {audienceOverlap: 4, complementary: 4, similarSize: 3, responsiveness: 3, valuesAlignment: 4, mutualBenefit: 2}',
    '---',
    `Notes for ${i}.`,
    '',
  ].join('\n');
  return { id: `file:///work/partnerships/partner-${i}.md`, text, partner, stage, type, owner };
}

function countingParser() {
  const counter = { calls: 0 };
  const parse = (text: string): DigestParse => {
    counter.calls++;
    return digestRecord(text);
  };
  return { counter, parse };
}

describe('planner: RecordIndex', () => {
  it('parses each record once and pages through 10,000 of them without parsing again', function () {
    this.timeout(120_000);
    const { counter, parse } = countingParser();
    const index = new RecordIndex(parse);
    const all = Array.from({ length: 10_000 }, (_, i) => generated(i));
    for (const r of all) index.set(r.id, r.text);
    assert.strictEqual(counter.calls, 10_000);
    assert.strictEqual(index.size, 10_000);

    const byName = [...all].sort((a, b) => (a.partner.toLowerCase() < b.partner.toLowerCase() ? -1 : 1));
    const page = index.query({ offset: 9_990, limit: 50 });
    assert.strictEqual(page.total, 10_000);
    assert.deepStrictEqual(page.items.map((s) => s.partner), byName.slice(9_990).map((r) => r.partner));

    const started = Date.now();
    const cases: { q: Parameters<RecordIndex['query']>[0]; want: typeof all }[] = [
      { q: { stage: 'active' }, want: byName.filter((r) => r.stage === 'active') },
      { q: { type: 'co-hosted-event', stage: 'agreed' }, want: byName.filter((r) => r.type === 'co-hosted-event' && r.stage === 'agreed') },
      { q: { owner: 'priya' }, want: byName.filter((r) => r.owner === 'Priya') },
      { q: { text: 'GUILD' }, want: byName.filter((r) => r.partner.endsWith('Guild')) },
      { q: { text: 'guild 0012' }, want: byName.filter((r) => r.partner.endsWith('Guild') && r.partner.includes('0012')) },
      // Every word must be found, each anywhere: "them" is in all records, "4217" in one.
      { q: { text: ' Them  4217 ' }, want: byName.filter((r) => r.id.endsWith('/partner-4217.md')) },
    ];
    for (const { q, want } of cases) {
      for (const [offset, limit] of [[0, 25], [25, 25], [want.length - 3, 10], [want.length + 5, 10]]) {
        const res = index.query({ ...q, offset, limit });
        assert.strictEqual(res.total, want.length, JSON.stringify(q));
        assert.deepStrictEqual(res.items.map((s) => s.id), want.slice(Math.max(0, offset), Math.max(0, offset) + limit).map((r) => r.id), JSON.stringify({ q, offset, limit }));
      }
    }
    for (let i = 0; i < 100; i++) index.query({ text: `partner ${i}`, offset: 0, limit: 50 });
    const elapsed = Date.now() - started;
    assert.strictEqual(counter.calls, 10_000, 'queries never parse');
    assert.ok(elapsed < 5_000, `queries took ${elapsed} ms`);

    const counts = index.counts();
    for (const stage of STAGES) assert.strictEqual(counts[stage], 2_000);
    assert.strictEqual(counts.broken, 0);
  });

  it('parses once for a changed record, and an unchanged one only the first time it is read again', () => {
    const { counter, parse } = countingParser();
    const index = new RecordIndex(parse);
    for (let i = 0; i < 100; i++) index.set(generated(i).id, generated(i).text);
    assert.strictEqual(counter.calls, 100);
    const r = generated(7);
    // The load keeps no fingerprint of each text (nothing to compare with then): the first read
    // again parses, and from then on the same text is known.
    const first = index.get(r.id)!.summary;
    index.set(r.id, r.text);
    assert.strictEqual(counter.calls, 101);
    assert.deepStrictEqual(index.get(r.id)!.summary, first, 'the same text reads the same');
    for (let k = 0; k < 3; k++) index.set(r.id, r.text);
    assert.strictEqual(counter.calls, 101, 'an unchanged text is not parsed again');
    const kept = index.get(r.id)!.summary;
    index.set(r.id, r.text);
    assert.strictEqual(index.get(r.id)!.summary, kept, 'the entry itself is kept');
    const before = index.counts();
    index.set(r.id, r.text.replace(`stage: ${r.stage}`, 'stage: ended'));
    assert.strictEqual(counter.calls, 102);
    assert.strictEqual(index.get(r.id)?.summary.stage, 'ended');
    const after = index.counts();
    assert.strictEqual(after[r.stage], before[r.stage] - 1);
    assert.strictEqual(after.ended, before.ended + 1);
    assert.strictEqual(index.query({ limit: 1000 }).total, 100);
  });

  it('keeps broken records listed, with their first problem', () => {
    const index = new RecordIndex();
    index.set('file:///p/good.md', generated(1).text);
    const broken = index.set('file:///p/Broken%20One.md', '---\nstage: active\ntypes: [co-hosted-event]\n---\n');
    const yamlBroken = index.set('file:///p/bad-yaml.md', '---\npartner: "x\n---\n');
    assert.strictEqual(broken.broken, true);
    assert.strictEqual(broken.partner, 'Broken One');
    assert.strictEqual(broken.stage, 'active');
    assert.match(broken.problem!, /no partner/);
    assert.strictEqual(yamlBroken.broken, true);
    assert.match(yamlBroken.problem!, /not valid YAML/);
    assert.deepStrictEqual(index.counts(), { prospect: 0, contacted: 1, agreed: 0, active: 0, ended: 0, broken: 2 });
    assert.strictEqual(index.query().total, 3);
    assert.deepStrictEqual(index.query({ text: 'broken' }).items.map((s) => s.id), ['file:///p/Broken%20One.md']);
    assert.strictEqual(index.all().filter((r) => !r.summary.broken).length, 1);
    assert.strictEqual(index.get('file:///p/bad-yaml.md')?.summary.broken, true);
    assert.deepStrictEqual(index.get('file:///p/bad-yaml.md')?.problems, parseRecord('---\npartner: "x\n---\n').problems);
    // problemsOf gives the same problems as get(), and nothing for a record not in the index.
    assert.strictEqual(index.problemsOf('file:///p/bad-yaml.md'), index.get('file:///p/bad-yaml.md')?.problems);
    assert.deepStrictEqual(index.problemsOf('file:///p/good.md'), []);
    index.delete('file:///p/good.md');
    assert.strictEqual(index.problemsOf('file:///p/good.md'), undefined);
  });

  it('summarises score, verdict, next check-in and problems', () => {
    const index = new RecordIndex();
    const s: RecordSummary = index.set(
      'file:///p/a.md',
      '---\npartner: A\nstage: active\ncadence: weekly\ncheckIns: [{date: 2026-03-01}]\nscores: {audienceOverlap: 4, complementary: 4, similarSize: 3, responsiveness: 3, valuesAlignment: 4, mutualBenefit: 2}\nreview: 2026-06-01\nvibes: 1\nstart: someday\n---\n',
    );
    assert.strictEqual(s.score, 3.5);
    assert.strictEqual(s.verdict, 'pursue');
    assert.strictEqual(s.scored, 6);
    assert.strictEqual(s.nextCheckIn, '2026-03-08');
    assert.strictEqual(s.review, '2026-06-01');
    assert.strictEqual(s.broken, false);
    assert.strictEqual(s.problemCount, 1);
    assert.match(s.problem!, /^start/);
  });

  it('lists overdue check-ins, most overdue first, and forgets deleted records', () => {
    const index = new RecordIndex();
    index.set('a', '---\npartner: A\nstage: active\ncheckIns: [{date: 2026-01-10}]\n---\n');
    index.set('b', '---\npartner: B\nstage: agreed\nstart: 2026-01-01\n---\n');
    index.set('c', '---\npartner: C\nstage: active\ncheckIns: [{date: 2026-02-20}]\n---\n');
    index.set('d', '---\npartner: D\nstage: ended\ncheckIns: [{date: 2025-01-01}]\n---\n');
    index.set('e', '---\npartner: E\nstage: active\n---\n');
    assert.deepStrictEqual(index.overdue('2026-03-01').map((s) => [s.partner, s.nextCheckIn]), [
      ['B', '2026-02-01'],
      ['A', '2026-02-10'],
    ]);
    assert.strictEqual(index.delete('b'), true);
    assert.strictEqual(index.delete('b'), false);
    assert.strictEqual(index.get('b'), undefined);
    assert.deepStrictEqual(index.overdue('2026-03-01').map((s) => s.partner), ['A']);
    assert.deepStrictEqual(index.all().map((r) => r.summary.partner), ['A', 'C', 'D', 'E']);
    assert.throws(() => index.overdue('March'), RangeError);
  });

  it('gives each record the summary its whole record gives, over a varied corpus', () => {
    const date = fc.constantFrom('2026-01-15', '2026-01-15', '2026-03-01', '2025-12-31', '2026-02-30', 'soon', '2026-04-01T10:00:00Z', '"2026-05-05"', '');
    const pick = <T,>(...xs: T[]) => fc.constantFrom(...xs);
    const checkIn = fc.record({ date, notes: pick('', 'Went well', '"Quoted: yes"', '{a: 1}', "'it''s fine'"), worth: pick('', 'yes', 'no', 'maybe', 'perhaps', 'true') });
    const metric = fc.record({ date, metric: pick('cross-community-joins', 'event-attendance', 'Co-created content engagement', 'nope'), value: pick('12', '45%', '2.5x', '"1,200"', 'lots', '-3') });
    const recordText = fc
      .record({
        partner: pick('Design Guild', '"Quoted Partner"', '2600', '', '"  "', 'Anna: the second', '[a, b]'),
        community: pick('', 'Guild Slack', '{x: 1}'),
        stage: pick('', 'active', 'Agreed', 'paused', 'ended'),
        cadence: pick('', 'weekly', 'Bi-Weekly', 'fortnightly', 'daily'),
        start: date,
        review: date,
        types: pick('', '[co-hosted-event]', '\n  - newsletter-cross-promotion\n  - podcasts\n  - newsletter-cross-promotion', 'Co-hosted event'),
        owners: pick('', '{ours: Sam, theirs: Ana}', '\n  ours: Sam\n  theirz: Ana', 'Sam'),
        scores: pick('', '{audienceOverlap: 4, complementary: 5, similarSize: 3, responsiveness: 4, valuesAlignment: 4, mutualBenefit: 3}', '\n  audienceOverlap: 9\n  complementary: "4"'),
        checkIns: fc.array(checkIn, { maxLength: 5 }),
        metrics: fc.array(metric, { maxLength: 5 }),
        crlf: fc.boolean(),
        order: fc.boolean(),
      })
      .map((r) => {
        const lines: string[] = [];
        const field = (k: string, v: string) => v !== '' && lines.push(`${k}:${v.startsWith('\n') ? v : ` ${v}`}`);
        const scalars: [string, string][] = [['partner', r.partner], ['community', r.community], ['stage', r.stage], ['cadence', r.cadence], ['start', r.start], ['review', r.review], ['types', r.types], ['owners', r.owners], ['scores', r.scores]];
        for (const [k, v] of r.order ? scalars.reverse() : scalars) field(k, v);
        if (r.checkIns.length) {
          lines.push('checkIns:');
          for (const c of r.checkIns) lines.push(`  - date: ${c.date}`, ...(c.notes ? [`    notes: ${c.notes}`] : []), ...(c.worth ? [`    worthContinuing: ${c.worth}`] : []));
        }
        if (r.metrics.length) {
          lines.push('metrics:');
          for (const m of r.metrics) lines.push(`  - date: ${m.date}`, `    metric: ${m.metric}`, `    value: ${m.value}`);
        }
        const text = ['---', ...lines, '---', 'Body.', ''].join('\n');
        return r.crlf ? text.replace(/\n/g, '\r\n') : text;
      });
    fc.assert(
      fc.property(recordText, (text) => {
        const index = new RecordIndex();
        const s = index.set('file:///p/x.md', text);
        const full = parseRecord(text);
        const part = full.ok ? full.record : full.partial;
        const score = weightedScore(part.scores);
        const schedule = full.ok ? checkInSchedule(full.record) : { running: false as const };
        assert.deepStrictEqual(
          { partner: s.partner, community: s.community, stage: s.stage, types: s.types, owners: s.owners, score: s.score, scored: s.scored, verdict: s.verdict, review: s.review, nextCheckIn: s.nextCheckIn, broken: s.broken },
          {
            partner: part.partner ?? 'x',
            community: part.community,
            stage: part.stage,
            types: part.types ?? [],
            owners: part.owners ?? {},
            score: score.total,
            scored: score.scored,
            verdict: score.verdict,
            review: part.review,
            nextCheckIn: schedule.running ? schedule.due : undefined,
            broken: !full.ok,
          },
        );
        assert.deepStrictEqual(index.get('file:///p/x.md')?.problems, full.problems, 'the problems a whole read reports');
        if (full.ok) {
          let last: (typeof full.record.checkIns)[number] | undefined;
          for (const c of full.record.checkIns) if (!last || c.date > last.date) last = c;
          assert.deepStrictEqual(s.lastCheckIn, last);
          const latest: Record<string, unknown> = {};
          for (const m of full.record.metrics) if (!latest[m.metric] || m.date >= (latest[m.metric] as { date: string }).date) latest[m.metric] = m;
          assert.deepStrictEqual(s.latestMetrics ?? {}, latest);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps at most 100 problems of a record and one that counts the rest', () => {
    const index = new RecordIndex();
    const text = ['---', 'partner: Many Problems', 'types:', ...Array.from({ length: 5000 }, (_, i) => `  - not-a-type-${i}`), '---', ''].join('\n');
    const started = Date.now();
    const s = index.set('file:///p/many.md', text);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    const problems = index.get('file:///p/many.md')!.problems;
    assert.strictEqual(problems.length, 101);
    assert.strictEqual(s.problemCount, 101);
    assert.match(problems[0].message, /types has 5,000 entries; only the first 1,000 are read/);
    assert.strictEqual(problems[1].line, 3, 'each kept problem at its own line');
    assert.strictEqual(problems[99].line, 101);
    assert.match(problems[100].message, /and 901 more problems in this file/);
    assert.strictEqual(problems[100].severity, 'error');
    assert.strictEqual(s.broken, false);
    assert.deepStrictEqual(s.types, []);
  });
});
