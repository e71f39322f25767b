import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyChange, describeChange, type RecordChange } from '../../src/core/planner/changes';
import { changeRecordText, revertEdit } from '../../src/core/records/edit';
import { parseRecord, playbookSection, RecordWriteError, type PartnershipRecord } from '../../src/core/records';
import { applyTextEdits } from '../../src/core/textEdits';
import { RecordChangeSchema } from '../../src/features/planner/protocol';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/records');
const GUILD = fs.readFileSync(path.join(FIXTURES, 'design-systems-guild.md'), 'utf8');

function read(text: string): PartnershipRecord {
  const r = parseRecord(text);
  if (!r.ok) assert.fail(`expected a record: ${JSON.stringify(r.problems)}`);
  return r.record;
}

const guild = read(GUILD);

/** One of each kind, as the planner page sends them. */
const CHANGES: RecordChange[] = [
  { kind: 'stage', value: 'ended' },
  { kind: 'cadence', value: 'bi-weekly' },
  { kind: 'start', value: '2026-02-01' },
  { kind: 'start', value: null },
  { kind: 'review', value: '2026-09-30' },
  { kind: 'review', value: null },
  { kind: 'community', value: 'Design Systems Guild Discord' },
  { kind: 'community', value: null },
  { kind: 'contact', value: '  Bo Chen <bo@example.org> ' },
  { kind: 'partnerSize', value: 15000 },
  { kind: 'partnerSize', value: null },
  { kind: 'types', value: ['co-hosted-event', 'podcast-video'] },
  { kind: 'types', value: [] },
  { kind: 'owners', value: { ours: 'Kim', theirs: 'Ana' } },
  { kind: 'owners', value: { ours: '', theirs: 'Ana' } },
  { kind: 'owners', value: {} },
  { kind: 'score', criterion: 'similarSize', value: 5 },
  { kind: 'score', criterion: 'audienceOverlap', value: null },
  { kind: 'playbookStep', playbook: 'newsletter-swap', step: 3, done: true },
  { kind: 'playbookStep', playbook: 'newsletter-swap', step: 1, done: false },
  { kind: 'addMetric', entry: { date: '2026-05-01', metric: 'member-overlap', value: 40, note: 'first count' } },
  { kind: 'editMetric', index: 1, was: guild.metrics[1], entry: { date: '2026-04-11', metric: 'event-attendance', value: 41 } },
  { kind: 'deleteMetric', index: 0, was: guild.metrics[0] },
  { kind: 'addCheckIn', entry: { date: '2026-04-20', notes: 'Workshop done', worthContinuing: 'yes' } },
  { kind: 'editCheckIn', index: 0, was: guild.checkIns[0], entry: { date: '2026-02-16', notes: 'First swap: 90 clicks.', worthContinuing: 'no' } },
  { kind: 'deleteCheckIn', index: 1, was: guild.checkIns[1] },
];

describe('planner changes: what the view shows at once is what the file then reads', () => {
  for (const change of CHANGES) {
    it(`${describeChange(change)} (${change.kind})`, () => {
      assert.ok(RecordChangeSchema.safeParse(change).success, 'the protocol accepts it');
      const update = changeRecordText(GUILD, change);
      assert.notStrictEqual(update.text, GUILD, 'the file changes');
      assert.strictEqual(applyTextEdits(GUILD, update.edits), update.text, 'the edits give the text');
      assert.deepStrictEqual(applyChange(guild, change), read(update.text));
      // Only what changed: the body and the key the extension does not read stay. A type brings its
      // playbook's section into the body, as New Partnership writes it, and nothing else there changes.
      const section = update.edits.filter((e) => e.newText.includes('\n### '));
      if (change.kind === 'types' && change.value.includes('podcast-video')) assert.deepStrictEqual(section.map((e) => e.newText.includes(playbookSection('content-collab').join('\n'))), [true]);
      else assert.strictEqual(section.length, 0);
      const frontOnly = applyTextEdits(GUILD, update.edits.filter((e) => !section.includes(e)));
      assert.ok(frontOnly.endsWith(GUILD.slice(GUILD.indexOf('\n---\n'))), 'the body as it was');
      assert.ok(update.text.includes('slackChannel: "#collab-dsg"   # read by our own scripts, not by the extension'));
    });
  }

  it('a run of random changes: shown and written agree after each one', () => {
    const arb = fc.array(fc.constantFrom(...CHANGES.filter((c) => !c.kind.startsWith('edit') && !c.kind.startsWith('delete'))), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(arb, (changes) => {
        let text = GUILD;
        let shown = guild;
        for (const c of changes) {
          text = changeRecordText(text, c).text;
          shown = applyChange(shown, c);
          assert.deepStrictEqual(shown, read(text));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('an entry is edited or deleted only where the file still holds it as shown', () => {
    const stale = { ...guild.metrics[0], value: 99 };
    assert.throws(() => changeRecordText(GUILD, { kind: 'deleteMetric', index: 0, was: stale }), RecordWriteError);
    assert.throws(() => changeRecordText(GUILD, { kind: 'editCheckIn', index: 0, was: { date: '2026-01-01' }, entry: { date: '2026-01-02' } }), RecordWriteError);
    // The view applies nothing for an entry that is not there either.
    assert.deepStrictEqual(applyChange(guild, { kind: 'deleteMetric', index: 0, was: stale }), guild);
  });

  it('counts entries as the record reads them: an unreadable entry before the one deleted is skipped and kept', () => {
    const text = GUILD.replace('metrics:\n', 'metrics:\n  - date: not a date\n    metric: vibes\n    value: lots\n');
    const r = read(text);
    assert.strictEqual(r.metrics.length, 2);
    const update = changeRecordText(text, { kind: 'deleteMetric', index: 1, was: r.metrics[1] });
    assert.ok(update.text.includes('metric: vibes'), 'the unreadable entry stays');
    assert.ok(!update.text.includes('value: 38%'), 'the one shown second goes');
    assert.deepStrictEqual(read(update.text).metrics, [r.metrics[0]]);
  });

  it('keeps keys of an entry it does not read when the entry is edited', () => {
    const text = GUILD.replace('    note: after the February swap\n', '    note: after the February swap\n    source: mailchimp\n');
    const r = read(text);
    const update = changeRecordText(text, { kind: 'editMetric', index: 0, was: r.metrics[0], entry: { ...r.metrics[0], value: 86 } });
    assert.match(update.text, /value: 86\n {4}note: after the February swap\n {4}source: mailchimp\n/);
  });

  it('writes worthContinuing yes and no plain, as people do, and reads them back', () => {
    const update = changeRecordText(GUILD, { kind: 'addCheckIn', entry: { date: '2026-05-02', worthContinuing: 'no' } });
    assert.match(update.text, /- date: 2026-05-02\n {4}worthContinuing: no\n/);
    assert.strictEqual(read(update.text).checkIns[2].worthContinuing, 'no');
    const notes = changeRecordText(GUILD, { kind: 'addCheckIn', entry: { date: '2026-05-02', notes: "worthContinuing: 'yes'" } });
    assert.strictEqual(read(notes.text).checkIns[2].notes, "worthContinuing: 'yes'", 'a note that looks like the key stays what it is');
  });

  it('refuses values the record cannot hold, and changes nothing', () => {
    assert.throws(() => changeRecordText(GUILD, { kind: 'start', value: '2026-02-30' }), RangeError);
    assert.throws(() => changeRecordText(GUILD, { kind: 'score', criterion: 'similarSize', value: 9 }), RangeError);
  });

  it('revertEdit gives back the text before, with one edit', () => {
    for (const change of CHANGES) {
      const after = changeRecordText(GUILD, change).text;
      const back = revertEdit(after, GUILD);
      assert.strictEqual(back.edits.length, 1);
      assert.strictEqual(applyTextEdits(after, back.edits), GUILD);
    }
    assert.deepStrictEqual(revertEdit(GUILD, GUILD).edits, []);
    assert.strictEqual(applyTextEdits('aXa', revertEdit('aXa', 'aa').edits), 'aa');
    assert.strictEqual(applyTextEdits('aa', revertEdit('aa', 'aXXa').edits), 'aXXa');
  });

  it('the protocol refuses changes outside the model’s vocabularies', () => {
    for (const bad of [
      { kind: 'stage', value: 'paused' },
      { kind: 'cadence', value: 'hourly' },
      { kind: 'score', criterion: 'charm', value: 3 },
      { kind: 'score', criterion: 'similarSize', value: 6 },
      { kind: 'types', value: ['not-a-type'] },
      { kind: 'start', value: '2026-13-01' },
      { kind: 'partnerSize', value: -1 },
      { kind: 'addMetric', entry: { date: '2026-01-01', metric: 'vibes', value: 1 } },
      { kind: 'addMetric', entry: { date: '2026-01-01', metric: 'satisfaction', value: Number.NaN } },
      { kind: 'deleteCheckIn', index: -1, was: { date: '2026-01-01' } },
      { kind: 'rm -rf' },
    ]) {
      assert.strictEqual(RecordChangeSchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
