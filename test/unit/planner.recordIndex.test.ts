import * as assert from 'assert';
import type { PartnershipTypeId } from '../../src/core/domain';
import { RecordIndex, type RecordSummary } from '../../src/core/planner/recordIndex';
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

  it('parses once for a changed record, never for an unchanged one', () => {
    const { counter, parse } = countingParser();
    const index = new RecordIndex(parse);
    for (let i = 0; i < 100; i++) index.set(generated(i).id, generated(i).text);
    assert.strictEqual(counter.calls, 100);
    const r = generated(7);
    index.set(r.id, r.text);
    assert.strictEqual(counter.calls, 100);
    const before = index.counts();
    index.set(r.id, r.text.replace(`stage: ${r.stage}`, 'stage: ended'));
    assert.strictEqual(counter.calls, 101);
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
});
