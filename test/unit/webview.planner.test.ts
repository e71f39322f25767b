import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ShownRecord, checkInItems, metricGroups, nextCheckInLine, reviewLine, rovingTarget, tabStop, PLANNER_TEXT } from '../../src/features/planner/model';
import { CADENCES, STAGES, WORTH_CONTINUING, parseRecord, type PartnershipRecord } from '../../src/core/records';
import { newRecordText } from '../../src/core/records/newRecord';
import { bundleTranslator, setTranslator } from '../../src/core/l10n';
import { describeChange } from '../../src/core/planner/changes';
import { forecastDisclaimer } from '../../src/core/planner/forecast';
import { renderReport } from '../../src/core/planner/report';
import { dateProblem } from '../../src/core/dates';
import { PARTNERSHIP_TYPES, PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS } from '../../src/core/domain';
import { cadenceLabel, criterionHint, criterionTitle, metricTitle, metricTracked, playbookSteps, playbookTitle, stageLabel, typeHint, typeTitle, verdictLabel, worthLabel } from '../../src/core/planner/labels';
import type { PlannerRecord } from '../../src/features/planner/protocol';

const GUILD = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/records/design-systems-guild.md'), 'utf8');
const guild = (() => {
  const r = parseRecord(GUILD);
  if (!r.ok) throw new Error('fixture');
  return r.record;
})();
let sent = 0;
/** A record as the extension sends it: numbered in the order its read began. */
const payload = (record: PartnershipRecord, id = 'file:///w/partnerships/guild.md', seq = ++sent): PlannerRecord => ({ id, seq, record, problems: [], filePath: 'partnerships/guild.md' });

describe('planner view-model: the shown record', () => {
  it('shows a change at once, keeps it while the write is on its way, and takes the file’s answer', () => {
    const s = new ShownRecord();
    s.receive(payload(guild));
    const t = s.apply({ kind: 'stage', value: 'ended' });
    assert.ok(t !== undefined);
    assert.strictEqual(s.value?.record?.stage, 'ended', 'in the same frame');
    // News of the file (an unrelated edit) keeps the change on top until its answer.
    s.receive(payload({ ...guild, contact: 'Bo' }));
    assert.strictEqual(s.value?.record?.stage, 'ended');
    assert.strictEqual(s.value?.record?.contact, 'Bo');
    s.settle(t, payload({ ...guild, contact: 'Bo', stage: 'ended' }));
    assert.strictEqual(s.hasPending, false);
    assert.strictEqual(s.value?.record?.stage, 'ended');
  });

  it('rolls back a failed write, and only that one', () => {
    const s = new ShownRecord();
    s.receive(payload(guild));
    const a = s.apply({ kind: 'score', criterion: 'similarSize', value: 5 })!;
    const b = s.apply({ kind: 'cadence', value: 'weekly' })!;
    assert.strictEqual(s.rollback(a), 'Similar size and engagement scored 5');
    assert.strictEqual(s.value?.record?.scores.similarSize, guild.scores.similarSize);
    assert.strictEqual(s.value?.record?.cadence, 'weekly');
    s.settle(b, undefined);
    assert.deepStrictEqual(s.value?.record, guild, 'without an answer, the record as the file last gave it');
  });

  it('drops changes of another record when a different one is shown, and changes nothing without a record', () => {
    const s = new ShownRecord();
    assert.strictEqual(s.apply({ kind: 'stage', value: 'active' }), undefined);
    s.receive(payload(guild));
    s.apply({ kind: 'stage', value: 'ended' });
    s.receive(payload(guild, 'file:///w/partnerships/other.md'));
    assert.strictEqual(s.hasPending, false);
    assert.strictEqual(s.value?.record?.stage, 'active');
    s.receive({ id: 'file:///w/partnerships/broken.md', seq: ++sent, problems: [], filePath: 'x' });
    assert.strictEqual(s.apply({ kind: 'stage', value: 'ended' }), undefined, 'a broken record has nothing to change');
  });
});

describe('planner view-model: records that arrive out of order', () => {
  const one = { date: '2026-10-01', metric: 'cross-community-joins' as const, value: 45 };
  const two = { date: '2026-11-01', metric: 'cross-community-joins' as const, value: 120 };

  it('keeps the newer record when an older read finishes after it (news, then an answer, then stale news)', () => {
    const s = new ShownRecord();
    s.receive(payload(guild));
    const a = s.apply({ kind: 'addMetric', entry: one })!;
    const b = s.apply({ kind: 'addMetric', entry: two })!;
    // The read for the news of the first write began before the second write...
    const staleNews = payload({ ...guild, metrics: [...guild.metrics, one] });
    s.settle(a, payload({ ...guild, metrics: [...guild.metrics, one] }));
    // ...and the second write's answer, read later, came first.
    s.settle(b, payload({ ...guild, metrics: [...guild.metrics, one, two] }));
    assert.strictEqual(s.receive(staleNews), false, 'the older read is not taken');
    assert.deepStrictEqual(s.value?.record?.metrics.slice(-2), [one, two]);
  });

  it('an older answer does not replace newer news either; an equal record is recognised as such', () => {
    const s = new ShownRecord();
    s.receive(payload(guild));
    const t = s.apply({ kind: 'stage', value: 'ended' })!;
    const answer = payload({ ...guild, stage: 'ended' });
    const news = payload({ ...guild, stage: 'ended', contact: 'Bo' });
    assert.strictEqual(s.receive(news), true);
    s.settle(t, answer);
    assert.strictEqual(s.value?.record?.contact, 'Bo');
    assert.strictEqual(s.isOlder(answer), true);
    assert.strictEqual(s.sameAsConfirmed(payload({ ...guild, stage: 'ended', contact: 'Bo' })), true, 'the number aside');
    assert.strictEqual(s.sameAsConfirmed(payload(guild)), false);
    // Another record is never "older": it is shown as it comes.
    assert.strictEqual(s.receive(payload(guild, 'file:///w/partnerships/other.md', 0)), true);
  });
});

describe('planner view-model: check-ins, review date, metrics', () => {
  it('the review line: a date in the record, or where to set one', () => {
    assert.deepStrictEqual(reviewLine(guild, '2026-07-10'), { text: 'Review: 2026-07-15 (in 5 days)', status: 'due-soon', icon: 'milestone' });
    assert.strictEqual(reviewLine(guild, '2026-07-16').status, 'overdue');
    assert.strictEqual(reviewLine(guild, '2026-07-14').text, 'Review: 2026-07-15 (tomorrow)');
    const none = reviewLine({ ...guild, review: undefined }, '2026-07-10');
    assert.strictEqual(none.text, PLANNER_TEXT.noReview);
    assert.match(none.text, /Review date/, 'names the field that sets it');
  });

  it('the next check-in line by stage and date', () => {
    assert.strictEqual(nextCheckInLine({ ...guild, stage: 'prospect' }, '2026-04-01').text, 'No check-ins are due at the Prospect stage.');
    assert.strictEqual(nextCheckInLine(guild, '2026-04-01').text, 'Next check-in: 2026-04-14');
    assert.deepStrictEqual(nextCheckInLine(guild, '2026-04-20'), { text: 'Overdue: was due 2026-04-14 (6 days ago)', status: 'overdue', icon: 'bell-dot' });
  });

  it('check-ins latest first, each with its place in the record (what an edit names)', () => {
    const items = checkInItems({ ...guild, checkIns: [...guild.checkIns, { date: '2026-01-02' }] });
    assert.deepStrictEqual(items.map((i) => [i.index, i.entry.date]), [[1, '2026-03-14'], [0, '2026-02-15'], [2, '2026-01-02']]);
  });

  it('metric groups: the latest value with its unit, the benchmark, every entry with its place', () => {
    const groups = metricGroups({ ...guild, metrics: [...guild.metrics, { date: '2026-03-01', metric: 'cross-community-joins', value: 1200 }] });
    assert.deepStrictEqual(groups.map((g) => g.id), ['cross-community-joins', 'event-attendance']);
    const joins = groups[0];
    assert.strictEqual(joins.latest, '1,200');
    assert.deepStrictEqual(joins.entries.map((e) => [e.index, e.text]), [[2, '1,200 on 2026-03-01'], [0, '85 on 2026-02-20 (after the February swap)']]);
    assert.strictEqual(groups[1].latest, '38%');
    assert.match(groups[1].benchmark, /^benchmark \d+%–\d+%$/);
    assert.deepStrictEqual(metricGroups({ ...guild, metrics: [] }), []);
  });

  it('metric groups: a measure’s figures and file, and each kind of value in a series of its own', () => {
    const metrics = [
      ...guild.metrics,
      { date: '2026-03-01', metric: 'cross-community-joins' as const, value: 31, note: 'sign-ups since the start', cumulative: true, source: 'signups.csv' },
      { date: '2026-04-12', metric: 'event-attendance' as const, value: 38.2, count: 42, of: 110, source: 'luma.csv, ours.sha256' },
      { date: '2026-04-13', metric: 'member-overlap' as const, value: 73, of: 400, source: 'members.csv' },
    ];
    const groups = metricGroups({ ...guild, metrics });
    const joins = groups.find((g) => g.id === 'cross-community-joins')!;
    assert.deepStrictEqual(joins.series.map((s) => [s.label, s.joined, s.className, s.points.map((p) => p.value)]), [
      ['per swap, event or piece, typed', false, 'unit typed', [85]],
      ['total to date, measured from a file', true, 'total measured', [31]],
    ]);
    assert.strictEqual(joins.series[1].points[0].text, 'total to date, measured from a file: 31 on 2026-03-01');
    assert.strictEqual(joins.latest, '85', 'the head holds the result of one swap, not the total');
    assert.deepStrictEqual(joins.entries.map((e) => [e.text, e.detail]), [
      ['31 on 2026-03-01', 'from signups.csv · sign-ups since the start'],
      ['85 on 2026-02-20 (after the February swap)', undefined],
    ]);
    assert.match(joins.chartLabel, /per swap, event or piece, typed: 85 on 2026-02-20; total to date, measured from a file: 31 on 2026-03-01/);
    const attendance = groups.find((g) => g.id === 'event-attendance')!;
    assert.deepStrictEqual(attendance.entries.map((e) => [e.text, e.detail]), [
      ['38.2% (42 of 110) on 2026-04-12', 'from luma.csv, ours.sha256'],
      ['38% on 2026-04-10', undefined],
    ]);
    assert.deepStrictEqual(attendance.series.map((s) => s.className), ['unit typed', 'unit measured']);
    const overlap = groups.find((g) => g.id === 'member-overlap')!;
    assert.deepStrictEqual([overlap.entries[0].text, overlap.latest], ['73 of 400 on 2026-04-13', '73']);
  });
});

describe('planner view-model: keyboard', () => {
  it('arrows move and wrap, Home and End go to the ends, other keys do nothing', () => {
    assert.strictEqual(rovingTarget('ArrowRight', 4, 5), 0);
    assert.strictEqual(rovingTarget('ArrowLeft', 0, 5), 4);
    assert.strictEqual(rovingTarget('ArrowDown', 1, 5, 'vertical'), 2);
    assert.strictEqual(rovingTarget('ArrowRight', 1, 5, 'vertical'), undefined, 'a list moves up and down only');
    assert.strictEqual(rovingTarget('Home', 3, 5), 0);
    assert.strictEqual(rovingTarget('End', 0, 5), 4);
    assert.strictEqual(rovingTarget('Tab', 0, 5), undefined);
    assert.strictEqual(rovingTarget('ArrowDown', 0, 0), undefined);
  });

  it('the Tab stop is the checked item, else the first', () => {
    assert.strictEqual(tabStop(3, 5), 3);
    assert.strictEqual(tabStop(undefined, 5), 0);
    assert.strictEqual(tabStop(-1, 5), 0);
    assert.strictEqual(tabStop(7, 5), 0);
  });
});

describe('planner texts in the display language (the page and the view through the l10n bundle)', () => {
  const german = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
  before(() => setTranslator(bundleTranslator(german)));
  after(() => setTranslator(undefined));

  it('the view-model’s lines, the change descriptions, the verdicts and the domain’s labels come out in German', () => {
    assert.strictEqual(nextCheckInLine({ ...guild, stage: 'prospect' }, '2026-04-01').text, 'In der Phase „Kandidat“ sind keine Check-ins fällig.');
    assert.strictEqual(nextCheckInLine(guild, '2026-04-20').text, 'Überfällig: war fällig am 2026-04-14 (vor 6 Tagen)');
    assert.strictEqual(nextCheckInLine(guild, '2026-04-15').text, 'Überfällig: war fällig am 2026-04-14 (vor 1 Tag)');
    assert.strictEqual(reviewLine(guild, '2026-07-14').text, 'Überprüfung: 2026-07-15 (morgen)');
    assert.strictEqual(describeChange({ kind: 'score', criterion: 'mutualBenefit', value: 5 }), '„Beiderseitiger Nutzen“ mit 5 bewertet');
    assert.strictEqual(describeChange({ kind: 'stage', value: 'agreed' }), 'Phase auf Vereinbart gesetzt');
    assert.strictEqual(verdictLabel('caution'), 'Mit Vorsicht weiter');
    assert.strictEqual(stageLabel('prospect'), 'Kandidat');
    assert.strictEqual(typeTitle('conference-sharing'), 'Konferenz-Sponsoring oder geteilter Stand');
    assert.strictEqual(dateProblem('2026-02-30'), 'Geben Sie ein gültiges Datum als JJJJ-MM-TT an, etwa 2026-03-15.');
    assert.match(forecastDisclaimer(), /kein Versprechen/);
    const joins = metricGroups(guild).find((g) => g.id === 'cross-community-joins');
    assert.strictEqual(joins?.title, 'Beitritte über den Partner');
    assert.match(joins?.benchmark ?? '', /^Richtwert /);
  });

  it('every label of the domain the planner shows is in the German bundle (none left English)', () => {
    const seen: string[] = [];
    for (const c of SCORECARD_CRITERIA) seen.push(criterionTitle(c.id), criterionHint(c.id));
    for (const m of SUCCESS_METRICS) seen.push(metricTitle(m.id), metricTracked(m.id));
    for (const t of PARTNERSHIP_TYPES) seen.push(typeTitle(t.id), typeHint(t.id));
    for (const id of Object.keys(PLAYBOOKS) as (keyof typeof PLAYBOOKS)[]) seen.push(playbookTitle(id), ...playbookSteps(id));
    for (const s of STAGES) seen.push(stageLabel(s));
    for (const c of CADENCES) seen.push(cadenceLabel(c));
    for (const w of WORTH_CONTINUING) seen.push(worthLabel(w));
    for (const v of ['pursue', 'caution', 'pass'] as const) seen.push(verdictLabel(v));
    const english = new Set<string>([...SCORECARD_CRITERIA.flatMap((c) => [c.title, c.hint]), ...SUCCESS_METRICS.flatMap((m) => [m.title, m.tracked]), ...PARTNERSHIP_TYPES.flatMap((t) => [t.title, t.hint]), ...Object.values(PLAYBOOKS).flatMap((p) => [p.title, ...p.steps]), ...STAGES, ...CADENCES, 'Pursue', 'Proceed cautiously', 'Pass', 'Yes', 'No', 'Unsure']);
    assert.ok(seen.length > 60, `${seen.length} labels`);
    assert.deepStrictEqual(seen.filter((s) => english.has(s)), [], 'labels still in English');
  });

  it('what is written into files stays English: a report and the playbook section of a new record', () => {
    const report = renderReport([guild], { today: '2026-04-01', audience: 'team' });
    assert.match(report, /Score:\*\* \d\.\d of 5: (pursue|proceed cautiously|pass)/);
    assert.doesNotMatch(report, /Richtwert|Phase|Mit Vorsicht/);
    const text = newRecordText({ partner: 'Night Owls', types: ['co-hosted-event'], today: '2026-04-01' });
    assert.match(text, /Agree on the topic, format and date/);
    assert.match(text, /\nstage: prospect\n/);
  });
});
