import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { safeDump } from 'js-yaml/lib/js-yaml/dumper.js';
import { PARTNERSHIP_TYPES, PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS } from '../../src/core/domain';
import { readFrontMatter } from '../../src/core/frontMatter';
import {
  CADENCES,
  RECORD_KEYS,
  STAGES,
  WORTH_CONTINUING,
  RecordWriteError,
  appendCheckIn,
  appendMetric,
  parseRecord,
  recordDefaults,
  setPlaybookStep,
  setScores,
  setStage,
  updateRecordText,
  type PartnershipRecord,
  type RecordChanges,
  type RecordParse,
  type RecordUpdate,
  type TextEdit,
} from '../../src/core/records';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/records');
const GUILD = fs.readFileSync(path.join(FIXTURES, 'design-systems-guild.md'), 'utf8');

function ok(result: RecordParse) {
  if (!result.ok) assert.fail(`expected the record to be read: ${JSON.stringify(result.problems)}`);
  return result;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    assert.ok(e.start >= at && e.end >= e.start && e.end <= text.length, `edits sorted and apart: ${JSON.stringify(edits)}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The edits describe the whole change: every byte outside them is the original's. */
function assertOnlyEdits(before: string, update: RecordUpdate) {
  assert.strictEqual(apply(before, update.edits), update.text);
}

describe('records: updateRecordText', () => {
  it('changes one key by replacing exactly its line', () => {
    const u = updateRecordText(GUILD, { stage: 'ended' });
    assertOnlyEdits(GUILD, u);
    const at = GUILD.indexOf('stage: active\n');
    assert.deepStrictEqual(u.edits, [{ start: at, end: at + 'stage: active\n'.length, newText: 'stage: ended\n' }]);
    assert.strictEqual(ok(parseRecord(u.text)).record.stage, 'ended');
  });

  it('keeps unknown keys, comments, key order and the body through a write', () => {
    const u = updateRecordText(GUILD, { stage: 'ended', cadence: 'quarterly', community: undefined, partnerSize: 15000 });
    assertOnlyEdits(GUILD, u);
    const r = ok(parseRecord(u.text));
    assert.deepStrictEqual(r.unknownKeys, ['slackChannel']);
    assert.ok(u.text.includes('slackChannel: "#collab-dsg"   # read by our own scripts, not by the extension\n'));
    assert.ok(u.text.includes('# Check-ins between Sam and Ana, newest last.\ncheckIns:\n'));
    assert.ok(u.text.endsWith(GUILD.slice(GUILD.indexOf('\n---\n'))));
    assert.strictEqual(r.record.community, undefined);
    assert.strictEqual(r.record.partnerSize, 15000);
    assert.strictEqual(r.record.cadence, 'quarterly');
    assert.ok(u.text.includes('partnerSize: 15000\n'), 'changed in place, not moved');
    assert.ok(!u.text.includes('community:'));
    const keys = Object.keys((readFrontMatter(u.text) as { data: object }).data);
    assert.deepStrictEqual(keys, Object.keys((readFrontMatter(GUILD) as { data: object }).data).filter((k) => k !== 'community'));
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = '\ufeff' + GUILD.replace(/\n/g, '\r\n');
    const u = updateRecordText(crlf, {
      stage: 'agreed',
      checkIns: [{ date: '2026-05-01', notes: 'two\nlines' }],
      review: '2026-09-01',
      contact: undefined,
    });
    assertOnlyEdits(crlf, u);
    assert.ok(u.text.startsWith('\ufeff---\r\n'));
    assert.ok(!/[^\r]\n/.test(u.text), 'every line break is CRLF');
    const r = ok(parseRecord(u.text));
    assert.deepStrictEqual(r.record.checkIns, [{ date: '2026-05-01', notes: 'two\nlines' }]);
    assert.strictEqual(r.record.review, '2026-09-01');
  });

  it('appends a new key at the end of the front matter', () => {
    const text = '---\npartner: A\n# trailing comment\n---\nbody\n';
    const u = updateRecordText(text, { owners: { ours: 'Sam' }, start: '2026-01-01' });
    assert.strictEqual(u.text, '---\npartner: A\n# trailing comment\nowners:\n  ours: Sam\nstart: 2026-01-01\n---\nbody\n');
    const end = text.indexOf('---\nbody');
    assert.deepStrictEqual(u.edits, [{ start: end, end, newText: 'owners:\n  ours: Sam\nstart: 2026-01-01\n' }]);
  });

  it('removes a key with all its lines', () => {
    const u = updateRecordText(GUILD, { checkIns: undefined, scores: undefined });
    assertOnlyEdits(GUILD, u);
    assert.ok(!u.text.includes('Planned the April workshop'));
    assert.ok(!u.text.includes('audienceOverlap'));
    assert.ok(u.text.includes('# Check-ins between Sam and Ana, newest last.\npartnerSize: 12k\n'), u.text);
    const r = ok(parseRecord(u.text));
    assert.deepStrictEqual(r.record.checkIns, []);
    assert.deepStrictEqual(r.record.scores, {});
  });

  it('writes nothing when nothing changes', () => {
    const u = updateRecordText(GUILD, { stage: 'active', types: ['newsletter-cross-promotion', 'co-hosted-event'], contact: 'Ana Ruiz <ana@example.org>' });
    assert.deepStrictEqual(u, { text: GUILD, edits: [] });
    assert.deepStrictEqual(updateRecordText(GUILD, { start: undefined, review: '2026-07-15' }).edits.length, 1);
  });

  it('creates front matter when there is none, keeping the body and its line endings', () => {
    const text = '\ufeffNotes from the call.\r\n';
    const u = updateRecordText(text, { partner: 'New Partner', stage: 'contacted' });
    assert.strictEqual(u.text, '\ufeff---\r\npartner: New Partner\r\nstage: contacted\r\n---\r\nNotes from the call.\r\n');
    assertOnlyEdits(text, u);
    assert.strictEqual(ok(parseRecord(u.text)).record.stage, 'contacted');
  });

  it('refuses to write into front matter it cannot read', () => {
    assert.throws(() => updateRecordText('---\npartner: [\n---\n', { stage: 'active' }), RecordWriteError);
    assert.throws(() => updateRecordText('---js\n{}\n---\n', { stage: 'active' }), RecordWriteError);
  });

  it('refuses values that are not valid for their key', () => {
    assert.throws(() => updateRecordText(GUILD, { stage: 'paused' as PartnershipRecord['stage'] }), RangeError);
    assert.throws(() => updateRecordText(GUILD, { start: '2026-02-30' }), RangeError);
    assert.throws(() => updateRecordText(GUILD, { partner: '' }), RangeError);
    assert.throws(() => appendCheckIn(GUILD, { date: 'tomorrow' }), RangeError);
    assert.throws(() => setScores(GUILD, { similarSize: 6 }), RangeError);
  });

  it('still writes correctly when the layout fools the key scan', () => {
    // The quoted value's second line looks like a key of its own.
    const text = '---\npartner: A\nnotes: "first line\nsecond: line"\nstage: prospect\n---\nbody\n';
    const u = updateRecordText(text, { stage: 'active', community: 'C' });
    assertOnlyEdits(text, u);
    const fm = readFrontMatter(u.text);
    assert.strictEqual(fm.kind, 'yaml');
    assert.deepStrictEqual(fm.kind === 'yaml' && fm.data, { partner: 'A', notes: 'first line second: line', stage: 'active', community: 'C' });
    assert.ok(u.text.endsWith('---\nbody\n'));
  });
});

describe('records: write helpers', () => {
  it('appendCheckIn adds an entry after the last one and leaves the others as written', () => {
    const u = appendCheckIn(GUILD, { date: '2026-04-15', notes: 'Workshop done: 120 people', worthContinuing: 'yes' });
    assert.strictEqual(u.edits.length, 1);
    assert.strictEqual(u.edits[0].start, u.edits[0].end, 'a pure insertion');
    assert.strictEqual(u.edits[0].newText, "  - date: 2026-04-15\n    notes: 'Workshop done: 120 people'\n    worthContinuing: yes\n");
    assertOnlyEdits(GUILD, u);
    const r = ok(parseRecord(u.text));
    assert.strictEqual(r.record.checkIns.length, 3);
    assert.deepStrictEqual(r.record.checkIns[2], { date: '2026-04-15', notes: 'Workshop done: 120 people', worthContinuing: 'yes' });
    assert.deepStrictEqual(r.record.checkIns.slice(0, 2), ok(parseRecord(GUILD)).record.checkIns);
  });

  it('appendCheckIn keeps an entry it cannot read rather than dropping it', () => {
    const text = '---\npartner: A\ncheckIns: [{date: someday}]\n---\n';
    const u = appendCheckIn(text, { date: '2026-01-01' });
    const fm = readFrontMatter(u.text);
    assert.deepStrictEqual(fm.kind === 'yaml' && fm.data.checkIns, [{ date: 'someday' }, { date: '2026-01-01' }]);
  });

  it('appendMetric starts the list when there is none', () => {
    const text = '---\npartner: A\n---\n';
    const u = appendMetric(text, { date: '2026-01-01', metric: 'cross-community-joins', value: 40 });
    assert.strictEqual(u.text, '---\npartner: A\nmetrics:\n  - date: 2026-01-01\n    metric: cross-community-joins\n    value: 40\n---\n');
  });

  it('appendMetric writes what a measure counted after the value, in the documented order', () => {
    const text = '---\npartner: A\n---\n';
    const u = appendMetric(text, { cumulative: true, source: 'signups.csv', of: 110, count: 42, note: 'at the meetup', value: 38, metric: 'event-attendance', date: '2026-01-01' });
    assert.strictEqual(u.text, '---\npartner: A\nmetrics:\n  - date: 2026-01-01\n    metric: event-attendance\n    value: 38\n    note: at the meetup\n    count: 42\n    of: 110\n    source: signups.csv\n    cumulative: true\n---\n');
    assert.deepStrictEqual(ok(parseRecord(u.text)).record.metrics, [{ date: '2026-01-01', metric: 'event-attendance', value: 38, note: 'at the meetup', count: 42, of: 110, source: 'signups.csv', cumulative: true }]);
    assert.throws(() => appendMetric(text, { date: '2026-01-01', metric: 'event-attendance', value: 38, count: 4.5 }), RangeError);
  });

  it('setStage changes only the stage', () => {
    const u = setStage(GUILD, 'ended');
    assert.strictEqual(u.edits.length, 1);
    assert.strictEqual(ok(parseRecord(u.text)).record.stage, 'ended');
  });

  it('setScores merges into the scores there are, keeping keys it does not know', () => {
    const text = '---\npartner: A\nscores:\n  audienceOverlap: 2\n  gutFeeling: 5 # ours\n---\n';
    const u = setScores(text, { audienceOverlap: 4, mutualBenefit: 3 });
    const fm = readFrontMatter(u.text);
    assert.deepStrictEqual(fm.kind === 'yaml' && fm.data.scores, { audienceOverlap: 4, gutFeeling: 5, mutualBenefit: 3 });
    const cleared = setScores(u.text, { audienceOverlap: undefined, mutualBenefit: undefined, gutFeeling: undefined } as never);
    assert.ok(!cleared.text.includes('scores'), cleared.text);
  });

  it('setPlaybookStep records the step and ticks its box in the body', () => {
    const text = [
      '---',
      'partner: A',
      'types: [newsletter-cross-promotion]',
      '---',
      '## Playbook',
      '',
      '### Newsletter swap',
      '',
      ...PLAYBOOKS['newsletter-swap'].steps.map((s) => `- [ ] ${s}`),
      '',
      '## Notes',
      '- [ ] Send both in the same week',
      '',
    ].join('\n');
    const u = setPlaybookStep(text, 'newsletter-swap', 2, true);
    assertOnlyEdits(text, u);
    assert.deepStrictEqual(ok(parseRecord(u.text)).record.playbook, { 'newsletter-swap': [2] });
    assert.ok(u.text.includes('- [x] Send both in the same week\n- [ ] Track clicks'), u.text);
    assert.ok(u.text.endsWith('## Notes\n- [ ] Send both in the same week\n'), 'a line outside the playbook section is left alone');
    assert.ok(u.text.includes('playbook:\n  newsletter-swap: [2]\n'));
    const again = setPlaybookStep(u.text, 'newsletter-swap', 3, true);
    assert.deepStrictEqual(ok(parseRecord(again.text)).record.playbook, { 'newsletter-swap': [2, 3] });
    const undone = setPlaybookStep(again.text, 'newsletter-swap', 2, false);
    assert.deepStrictEqual(ok(parseRecord(undone.text)).record.playbook, { 'newsletter-swap': [3] });
    assert.ok(undone.text.includes('- [ ] Send both in the same week\n- [x] Track clicks'));
    assert.throws(() => setPlaybookStep(text, 'newsletter-swap', 4, true), RangeError);
  });
});

// ------------------------------------------------------------------------------------------------
// Property: for any record laid out in the ways people and this extension write them, and any set
// of changes, the edits are the only difference, they touch only the changed keys, and reading the
// result gives the changes and everything else as before.

const day = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const textChar = fc.constantFrom(...'abcXYZ019 -:#&*!|>\'"[]{},.?%@`\\/é東', '\u00a0');
const name = fc
  .string({ unit: textChar, minLength: 1, maxLength: 24 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !/\s/.test(s[0]) && !/\s/.test(s[s.length - 1]));
const notes = fc.oneof(name, fc.tuple(name, name).map(([a, b]) => `${a}\n${b}`));
const uniqueOf = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 4 });

const fieldValue: { [K in keyof PartnershipRecord]-?: fc.Arbitrary<Exclude<PartnershipRecord[K], undefined>> } = {
  partner: name,
  community: name,
  contact: name,
  stage: fc.constantFrom(...STAGES),
  types: uniqueOf(PARTNERSHIP_TYPES.map((t) => t.id)),
  owners: fc.record({ ours: name, theirs: name }, { requiredKeys: [], noNullPrototype: true }),
  start: day,
  review: day,
  cadence: fc.constantFrom(...CADENCES),
  checkIns: fc.array(fc.record({ date: day, notes, worthContinuing: fc.constantFrom(...WORTH_CONTINUING) }, { requiredKeys: ['date'], noNullPrototype: true }), { maxLength: 3 }),
  scores: fc.record(Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.id, fc.constantFrom(1, 2, 3, 4, 5, 2.5)])), { requiredKeys: [], noNullPrototype: true }),
  partnerSize: fc.integer({ min: 0, max: 5_000_000 }),
  metrics: fc.array(
    fc.record(
      { date: day, metric: fc.constantFrom(...SUCCESS_METRICS.map((m) => m.id)), value: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 4)), note: name },
      { requiredKeys: ['date', 'metric', 'value'], noNullPrototype: true },
    ),
    { maxLength: 3 },
  ),
  playbook: fc.record(
    Object.fromEntries(Object.entries(PLAYBOOKS).map(([id, p]) => [id, fc.uniqueArray(fc.integer({ min: 1, max: p.steps.length })).map((a) => a.sort((x, y) => x - y))])),
    { requiredKeys: [], noNullPrototype: true },
  ),
};

const OPTIONAL_KEYS = RECORD_KEYS.filter((k) => k !== 'partner');
const unknownEntry = fc.tuple(
  fc.constantFrom('slackChannel', 'x-custom', 'tags', 'Old Notes', 'budget'),
  fc.oneof(name, fc.integer(), fc.array(name, { maxLength: 3 }), fc.record({ a: name, b: fc.boolean() }, { noNullPrototype: true })),
);

const recordDoc = fc
  .record({
    partner: name,
    fields: fc.subarray(OPTIONAL_KEYS as unknown as string[]).chain((keys) => fc.tuple(...keys.map((k) => fieldValue[k as keyof PartnershipRecord].map((v) => [k, v] as [string, unknown])))),
    unknown: fc.uniqueArray(unknownEntry, { maxLength: 2, selector: (e) => e[0] }),
    styles: fc.array(fc.record({ flow: fc.constantFrom(-1, -1, 1, 2), before: fc.constantFrom('', '', '\n', '# a comment\n'), trailing: fc.boolean() }), { minLength: 20, maxLength: 20 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    body: fc.string({ maxLength: 40 }),
  })
  .chain((doc) => {
    const entries: [string, unknown][] = [['partner', doc.partner], ...doc.fields, ...doc.unknown];
    // Any key order: people and other tools write keys in their own order.
    return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }).map((order) => ({ ...doc, order }));
  })
  .map(({ order, styles, crlf, bom, body }) => {
    let fm = '';
    order.forEach(([k, v], i) => {
      const st = styles[i];
      let dumped = safeDump({ [k]: v }, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, flowLevel: st.flow });
      if (st.trailing && dumped.split('\n').length === 2) dumped = dumped.replace(/\n$/, ' # trailing\n');
      fm += st.before + dumped;
    });
    const eol = crlf ? '\r\n' : '\n';
    return `${bom ? '\ufeff' : ''}---\n${fm}---\n${body}`.replace(/\r?\n/g, eol);
  });

const changesArb = fc
  .tuple(
    fc.option(name, { nil: undefined }),
    fc.subarray(OPTIONAL_KEYS as unknown as string[]).chain((keys) =>
      fc.tuple(...keys.map((k) => fc.oneof(fieldValue[k as keyof PartnershipRecord], fc.constant(undefined)).map((v) => [k, v] as [string, unknown]))),
    ),
  )
  .map(([partner, rest]) => {
    const changes: Record<string, unknown> = Object.fromEntries(rest);
    if (partner !== undefined) changes.partner = partner;
    return changes as RecordChanges;
  });

describe('records: updateRecordText property', () => {
  it('changes only what changed, and reads back as the changes (1,500 runs)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(recordDoc, changesArb, (doc, changes) => {
        const before = ok(parseRecord(doc));
        assert.deepStrictEqual(before.problems.filter((p) => p.severity === 'error'), []);
        const fmBefore = readFrontMatter(doc);
        assert.strictEqual(fmBefore.kind, 'yaml');
        if (fmBefore.kind !== 'yaml') return;

        const u = updateRecordText(doc, changes);
        assertOnlyEdits(doc, u);

        // Each edit covers only keys being changed (an insertion covers nothing).
        const changed = new Set(Object.keys(changes));
        for (const e of u.edits) {
          assert.ok(e.start >= fmBefore.rawOffset && e.end <= fmBefore.rawOffset + fmBefore.raw.length, 'edits stay in the front matter');
          const covered = yaml.safeLoad(doc.slice(e.start, e.end), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> | null;
          for (const k of Object.keys(covered ?? {})) assert.ok(changed.has(k), `edit covers unchanged key ${k}`);
        }

        const after = ok(parseRecord(u.text));
        const defaults = recordDefaults() as Record<string, unknown>;
        for (const key of RECORD_KEYS) {
          const got = (after.record as unknown as Record<string, unknown>)[key];
          if (Object.prototype.hasOwnProperty.call(changes, key)) {
            const want = (changes as Record<string, unknown>)[key];
            assert.deepStrictEqual(got, want === undefined ? defaults[key] : want, `changed ${key}`);
          } else {
            assert.deepStrictEqual(got, (before.record as unknown as Record<string, unknown>)[key], `unchanged ${key}`);
          }
        }
        assert.deepStrictEqual(after.unknownKeys, before.unknownKeys);
        const fmAfter = readFrontMatter(u.text);
        assert.strictEqual(fmAfter.kind === 'yaml' && fmAfter.body, fmBefore.body);
        for (const k of before.unknownKeys) assert.deepStrictEqual(fmAfter.kind === 'yaml' && fmAfter.data[k], fmBefore.data[k]);
        assert.strictEqual(u.text.startsWith('\ufeff'), doc.startsWith('\ufeff'));
        if (doc.includes('\r\n')) assert.ok(!/[^\r]\n/.test(u.text), 'CRLF kept');
      }),
      { numRuns: 1500 },
    );
  });
});
