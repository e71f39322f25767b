import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BoardRows,
  DEFAULT_SORT,
  NO_FILTER,
  boardColumns,
  cannotMove,
  cardLabel,
  filterRows,
  focusTarget,
  keyboardMoveTarget,
  moveChange,
  nextSort,
  ownersText,
  scoreText,
  sortRows,
  visibleRange,
} from '../../src/features/board/model';
import { RecordIndex, type RecordSummary } from '../../src/core/planner/recordIndex';
import { applyChange } from '../../src/core/planner/changes';
import { changeRecordText } from '../../src/core/records/edit';
import { parseRecord, STAGES, type Stage } from '../../src/core/records';
import type { BoardRow } from '../../src/features/board/protocol';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

/** A record's front matter as people write it; `extra` goes before the closing line. */
function record(partner: string, o: { stage?: string; types?: string[]; ours?: string; theirs?: string; start?: string; review?: string; scores?: number[]; checkIn?: string; extra?: string } = {}): string {
  const lines = ['---', `partner: ${partner}`];
  if (o.stage) lines.push(`stage: ${o.stage}`);
  if (o.types) lines.push('types:', ...o.types.map((t) => `  - ${t}`));
  if (o.ours || o.theirs) lines.push('owners:', ...(o.ours ? [`  ours: ${o.ours}`] : []), ...(o.theirs ? [`  theirs: ${o.theirs}`] : []));
  if (o.start) lines.push(`start: ${o.start}`);
  if (o.review) lines.push(`review: ${o.review}`);
  if (o.scores) lines.push('scores:', ...['audienceOverlap', 'complementary', 'similarSize', 'responsiveness', 'valuesAlignment', 'mutualBenefit'].slice(0, o.scores.length).map((k, i) => `  ${k}: ${o.scores![i]}`));
  if (o.checkIn) lines.push('checkIns:', `  - date: ${o.checkIn}`);
  if (o.extra) lines.push(o.extra);
  lines.push('---', '', '## Notes', '');
  return lines.join('\n');
}

/** Rows as the extension sends them: through the real index (the same digest the planner uses). */
function rowsOf(texts: Record<string, string>): BoardRow[] {
  const index = new RecordIndex();
  for (const [name, text] of Object.entries(texts)) index.set(`file:///w/partnerships/${name}.md`, text);
  return index.all().map((e) => toRow(e.summary));
}

function toRow(s: RecordSummary): BoardRow {
  const row: BoardRow = { id: s.id, partner: s.partner, community: s.community, stage: s.stage, types: s.types, owners: s.owners, score: s.score, scored: s.scored, verdict: s.verdict, nextCheckIn: s.nextCheckIn, broken: s.broken, problem: s.problem, fileName: s.id.split('/').pop()! };
  if (s.review) row.review = s.review;
  return row;
}

const CORPUS: Record<string, string> = {
  guild: read('records/design-systems-guild.md'),
  rust: read('workspace/partnerships/rust-berlin.md'),
  'broken-quotes': read('workspace/partnerships/broken-quotes.md'),
  'broken-yaml': read('records/broken-yaml.md'),
  'night-owls': record('Night Owls Collective', { stage: 'prospect', types: ['co-hosted-event'], ours: 'Maya Chen' }),
  'partner-10': record('Partner Community 10', { stage: 'contacted', types: ['newsletter-cross-promotion'], ours: 'Sam Ortiz', theirs: 'Lee' }),
  'partner-2': record('Partner Community 2', { stage: 'contacted', types: ['co-created-content'], scores: [5, 5, 4, 4, 5, 4] }),
  kubernetes: record('Kubernetes Meetup München', { stage: 'active', types: ['meetup-cross-promotion', 'co-hosted-event'], ours: 'Jonas Berg', theirs: 'Ana Lima', start: '2026-01-10', review: '2026-09-01', checkIn: '2026-03-01', scores: [2, 2, 2, 2, 2, 2] }),
  ended: record('Öffentliche Daten e.V.', { stage: 'ended', types: ['joint-resource-library'], review: '2026-02-01', scores: [3, 3] }),
  nostage: record('ACME Open Source', { types: ['integration-partnership'], theirs: 'Priya Nair' }),
};

/** The rows in the page's order: BoardRows sorts by partner name, numbers as numbers. */
function pageRows(texts: Record<string, string>): BoardRow[] {
  const held = new BoardRows();
  held.receive({ type: 'rows', reset: true, upsert: rowsOf(texts), remove: [], loading: false, today: '2026-05-01' });
  return held.all();
}

describe('board view-model: columns', () => {
  const rows = pageRows(CORPUS);

  it('one column per stage in the pipeline’s order, each by partner name (numbers as numbers), and the broken ones last', () => {
    const cols = boardColumns(rows);
    assert.deepStrictEqual(cols.map((c) => c.id), [...STAGES, 'broken']);
    assert.deepStrictEqual(cols.map((c) => c.title), ['Prospect', 'Contacted', 'Agreed', 'Active', 'Ended', 'Cannot be read']);
    const byId = Object.fromEntries(cols.map((c) => [c.id, c.rows.map((r) => r.partner)]));
    assert.deepStrictEqual(byId.prospect, ['ACME Open Source', 'Night Owls Collective', 'Rust Berlin'], 'a record without a stage is a prospect');
    assert.deepStrictEqual(byId.contacted, ['Partner Community 2', 'Partner Community 10']);
    assert.deepStrictEqual(byId.active, ['Design Systems Guild', 'Kubernetes Meetup München']);
    assert.deepStrictEqual(byId.ended, ['Öffentliche Daten e.V.']);
    assert.strictEqual(byId.broken.length, 2);
    assert.strictEqual(cols.reduce((n, c) => n + c.rows.length, 0), rows.length, 'every record in exactly one column');
  });

  it('has no broken column when every record can be read, and keeps the empty stages', () => {
    const cols = boardColumns(rows.filter((r) => !r.broken && r.stage !== 'agreed'));
    assert.deepStrictEqual(cols.map((c) => c.id), [...STAGES]);
    assert.strictEqual(cols.find((c) => c.id === 'agreed')?.rows.length, 0);
    assert.deepStrictEqual(boardColumns([]).map((c) => c.rows.length), [0, 0, 0, 0, 0]);
  });

  it('a card says its score, verdict, check-in and owners', () => {
    const k = rows.find((r) => r.partner.startsWith('Kubernetes'))!;
    assert.strictEqual(scoreText(k), '2.0 · Pass');
    assert.strictEqual(scoreText(rows.find((r) => r.partner === 'Partner Community 2')!), '4.6 · Pursue');
    assert.strictEqual(scoreText(rows.find((r) => r.partner.startsWith('Öffentliche'))!), '3.0 (2 of 6)');
    assert.strictEqual(scoreText(rows.find((r) => r.partner === 'Night Owls Collective')!), '');
    assert.strictEqual(k.nextCheckIn, '2026-04-01');
    assert.strictEqual(cardLabel(k, '2026-05-01'), 'Kubernetes Meetup München, Meetup cross-promotion, Co-hosted AMA, workshop or webinar, score 2.0 · Pass, check-in overdue since 2026-04-01, owners Jonas Berg / Ana Lima');
    assert.match(cardLabel(k, '2026-03-15'), /next check-in 2026-04-01/);
  });
});

describe('board view-model: filter and sort', () => {
  const rows = pageRows(CORPUS);
  /** The readable records of type co-hosted event (the broken ones' types cannot be read). */
  const CO_HOSTED = ['Design Systems Guild', 'Kubernetes Meetup München', 'Night Owls Collective'];
  /** By the owners' names (ours / theirs); records without owners last, in name order. */
  const OWNERS_ORDER = ['Jonas Berg / Ana Lima', 'Maya Chen', 'Priya', 'Priya Nair', 'Sam / Ana', 'Sam Ortiz / Lee', '', ''];
  const names = (rs: BoardRow[]) => rs.map((r) => r.partner);

  it('the text filter finds every word, in any case, in the partner, community, owners, type titles or file name', () => {
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, text: 'partner community' })), ['Partner Community 2', 'Partner Community 10']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, text: 'JONAS' })), ['Kubernetes Meetup München']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, text: 'co-hosted ama' })), CO_HOSTED);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, text: '  münchen   ana ' })), ['Kubernetes Meetup München']);
    assert.deepStrictEqual(filterRows(rows, { ...NO_FILTER, text: 'nobody-by-this-name' }), []);
    assert.strictEqual(filterRows(rows, NO_FILTER).length, rows.length);
  });

  it('stage and type filters, alone and together; "broken" finds the records that cannot be read', () => {
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, stage: 'contacted' })), ['Partner Community 2', 'Partner Community 10']);
    assert.ok(filterRows(rows, { ...NO_FILTER, stage: 'broken' }).every((r) => r.broken));
    assert.strictEqual(filterRows(rows, { ...NO_FILTER, stage: 'broken' }).length, 2);
    assert.ok(filterRows(rows, { ...NO_FILTER, stage: 'prospect' }).every((r) => !r.broken), 'a broken record with a readable stage is not in that stage’s filter');
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, type: 'co-hosted-event' })), CO_HOSTED);
    assert.deepStrictEqual(names(filterRows(rows, { text: 'night', stage: 'prospect', type: 'co-hosted-event' })), ['Night Owls Collective']);
    assert.deepStrictEqual(filterRows(rows, { text: 'night', stage: 'active', type: '' }), []);
  });

  it('sorts by each column, both ways, with empty values last either way and ties in name order', () => {
    const readable = rows.filter((r) => !r.broken);
    const score = sortRows(readable, { key: 'score', dir: 'desc' });
    assert.deepStrictEqual(score.slice(0, 3).map((r) => r.score), [...readable.map((r) => r.score).filter((s): s is number => s !== undefined)].sort((a, b) => b - a).slice(0, 3));
    assert.strictEqual(score[score.length - 1].score, undefined);
    const asc = sortRows(readable, { key: 'score', dir: 'asc' });
    assert.strictEqual(asc[0].score, 2);
    assert.strictEqual(asc[asc.length - 1].score, undefined, 'empty last in ascending order too');
    const stages = sortRows(rows, { key: 'stage', dir: 'asc' }).map((r) => (r.broken ? 'broken' : r.stage));
    assert.deepStrictEqual(stages, [...stages].sort((a, b) => [...STAGES, 'broken'].indexOf(a!) - [...STAGES, 'broken'].indexOf(b!)));
    const desc = sortRows(rows, { key: 'stage', dir: 'desc' }).map((r) => (r.broken ? 'broken' : r.stage));
    assert.deepStrictEqual(desc.slice(0, 1), ['ended']);
    assert.deepStrictEqual(desc.slice(-2), ['broken', 'broken']);
    // Ties keep the name order they came in.
    const prospects = sortRows(rows.filter((r) => r.stage === 'prospect' && !r.broken), { key: 'stage', dir: 'desc' });
    assert.deepStrictEqual(names(prospects), ['ACME Open Source', 'Night Owls Collective', 'Rust Berlin']);
    assert.deepStrictEqual(names(sortRows(readable, { key: 'partner', dir: 'desc' })).slice(0, 2), ['Rust Berlin', 'Partner Community 10'], 'Ö sorts with O');
    const review = sortRows(readable, { key: 'review', dir: 'asc' }).map((r) => r.review);
    const reviewDates = review.filter(Boolean);
    assert.deepStrictEqual(reviewDates, [...reviewDates].sort());
    assert.deepStrictEqual(review.slice(reviewDates.length), review.slice(reviewDates.length).map(() => undefined));
    assert.deepStrictEqual(sortRows(readable, { key: 'owners', dir: 'asc' }).map(ownersText), OWNERS_ORDER);
  });

  it('a header click turns the direction of the same column and sorts another ascending', () => {
    assert.deepStrictEqual(nextSort(DEFAULT_SORT, 'partner'), { key: 'partner', dir: 'desc' });
    assert.deepStrictEqual(nextSort({ key: 'partner', dir: 'desc' }, 'partner'), { key: 'partner', dir: 'asc' });
    assert.deepStrictEqual(nextSort({ key: 'partner', dir: 'desc' }, 'review'), { key: 'review', dir: 'asc' });
  });
});

describe('board view-model: keyboard', () => {
  it('Alt or Ctrl with an arrow moves a card one stage; Home and End to the ends; nothing past either end or without the modifier', () => {
    const alt = { alt: true, ctrl: false };
    const ctrl = { alt: false, ctrl: true };
    assert.strictEqual(keyboardMoveTarget('ArrowRight', alt, 'prospect'), 'contacted');
    assert.strictEqual(keyboardMoveTarget('ArrowLeft', ctrl, 'active'), 'agreed');
    assert.strictEqual(keyboardMoveTarget('ArrowLeft', alt, 'prospect'), undefined);
    assert.strictEqual(keyboardMoveTarget('ArrowRight', alt, 'ended'), undefined);
    assert.strictEqual(keyboardMoveTarget('End', alt, 'contacted'), 'ended');
    assert.strictEqual(keyboardMoveTarget('Home', alt, 'contacted'), 'prospect');
    assert.strictEqual(keyboardMoveTarget('Home', alt, 'prospect'), undefined);
    assert.strictEqual(keyboardMoveTarget('ArrowRight', { alt: false, ctrl: false }, 'prospect'), undefined, 'a plain arrow moves the focus, not the card');
    assert.strictEqual(keyboardMoveTarget('ArrowRight', { alt: true, ctrl: false, shift: true }, 'prospect'), undefined);
    assert.strictEqual(keyboardMoveTarget('ArrowRight', alt, undefined), undefined, 'a record without a readable stage does not move');
    // Every stage but the last has a next one, in the pipeline's order.
    for (let i = 0; i < STAGES.length - 1; i++) assert.strictEqual(keyboardMoveTarget('ArrowRight', alt, STAGES[i]), STAGES[i + 1]);
  });

  it('arrows move the focus in a column and to the nearest card of the next column that has cards', () => {
    const sizes = [3, 0, 5, 1, 0];
    assert.deepStrictEqual(focusTarget('ArrowDown', { col: 0, index: 2 }, sizes), { col: 0, index: 2 }, 'stays at the end');
    assert.deepStrictEqual(focusTarget('ArrowUp', { col: 0, index: 0 }, sizes), { col: 0, index: 0 });
    assert.deepStrictEqual(focusTarget('ArrowRight', { col: 0, index: 2 }, sizes), { col: 2, index: 2 }, 'the empty column is skipped');
    assert.deepStrictEqual(focusTarget('ArrowRight', { col: 2, index: 4 }, sizes), { col: 3, index: 0 }, 'the nearest card when the next column is shorter');
    assert.deepStrictEqual(focusTarget('ArrowRight', { col: 3, index: 0 }, sizes), { col: 3, index: 0 }, 'nothing to the right: stays');
    assert.deepStrictEqual(focusTarget('ArrowLeft', { col: 2, index: 1 }, sizes), { col: 0, index: 1 });
    assert.deepStrictEqual(focusTarget('End', { col: 2, index: 1 }, sizes), { col: 2, index: 4 });
    assert.deepStrictEqual(focusTarget('PageDown', { col: 2, index: 1 }, sizes), { col: 2, index: 4 });
    assert.strictEqual(focusTarget('a', { col: 2, index: 1 }, sizes), undefined);
  });
});

describe('board view-model: moves', () => {
  const rows = rowsOf(CORPUS);
  const guild = rows.find((r) => r.partner === 'Design Systems Guild')!;
  const broken = rows.find((r) => r.broken)!;
  const message = (upsert: BoardRow[], reset = true, remove: string[] = []) => ({ type: 'rows' as const, reset, upsert, remove, loading: false, today: '2026-05-01' });

  it('shows a move at once, keeps it through news of other records, and takes the file’s row when it answers', () => {
    const b = new BoardRows();
    b.receive(message(rows));
    const t = b.move(guild.id, 'ended');
    assert.ok(t !== undefined);
    assert.strictEqual(b.get(guild.id)?.stage, 'ended', 'in the same frame');
    assert.strictEqual(boardColumns(b.all()).find((c) => c.id === 'ended')?.rows.some((r) => r.id === guild.id), true);
    assert.strictEqual(boardColumns(b.all()).find((c) => c.id === 'active')?.rows.some((r) => r.id === guild.id), false);
    // The file's own news of this record, before the reply, does not undo the move on screen.
    b.receive(message([guild], false));
    assert.strictEqual(b.get(guild.id)?.stage, 'ended');
    b.settle(t, { ...guild, stage: 'ended' });
    assert.strictEqual(b.get(guild.id)?.stage, 'ended');
    assert.strictEqual(b.confirmed(guild.id)?.stage, 'ended');
  });

  it('rolls back a failed write, and only that one', () => {
    const b = new BoardRows();
    b.receive(message(rows));
    const night = rows.find((r) => r.partner === 'Night Owls Collective')!;
    const a = b.move(guild.id, 'agreed')!;
    const c = b.move(night.id, 'contacted')!;
    const back = b.rollback(a);
    assert.strictEqual(back?.stage, 'active');
    assert.strictEqual(b.get(night.id)?.stage, 'contacted');
    b.settle(c, undefined);
    assert.strictEqual(b.get(night.id)?.stage, 'prospect', 'without a row in the answer, the row as the file last gave it');
  });

  it('a broken record, a record at that stage already or one that is gone does not move, and says why', () => {
    const b = new BoardRows();
    b.receive(message(rows));
    assert.strictEqual(b.move(broken.id, 'active'), undefined);
    assert.strictEqual(b.move(guild.id, 'active'), undefined);
    assert.strictEqual(b.move('file:///elsewhere.md', 'active'), undefined);
    assert.match(cannotMove(broken, 'active', false)!, /cannot be read: fix the file first/);
    assert.match(cannotMove(guild, 'active', false)!, /already at Active/);
    assert.match(cannotMove(guild, 'ended', true)!, /Restricted Mode/);
    assert.match(cannotMove(undefined, 'ended', false)!, /no longer in the workspace/);
    assert.strictEqual(cannotMove(guild, 'ended', false), undefined);
  });

  it('keeps every row by partner name through moves, renames, rows added and removed, and answers', () => {
    const b = new BoardRows();
    const byName = (list: readonly BoardRow[]) => [...list].sort((x, y) => x.partner.localeCompare(y.partner, undefined, { sensitivity: 'base', numeric: true }) || (x.id < y.id ? -1 : 1)).map((r) => r.id);
    b.receive(message([...rows].reverse()));
    assert.deepStrictEqual(b.all().map((r) => r.id), byName(rows));
    // A move changes the stage of one row, in its place; every other row is the same object.
    const before = b.all();
    const t = b.move(guild.id, 'ended')!;
    const moved = b.all();
    assert.deepStrictEqual(moved.map((r) => r.id), before.map((r) => r.id));
    moved.forEach((r, i) => (r.id === guild.id ? assert.strictEqual(r.stage, 'ended') : assert.strictEqual(r, before[i])));
    // An answer that renames the row (the file was edited meanwhile) sorts it into its new place.
    b.settle(t, { ...guild, stage: 'ended', partner: 'AAA First Now' });
    assert.strictEqual(b.all()[0].id, guild.id);
    // News: a rename, a new row and a removed one.
    const added: BoardRow = { ...guild, id: 'file:///w/partnerships/mmm.md', partner: 'Mmm Middle' };
    b.receive(message([{ ...guild, partner: 'Zzz Last' }, added], false, [broken.id]));
    const now = b.all();
    assert.deepStrictEqual(now.map((r) => r.id), byName(now));
    assert.strictEqual(now[now.length - 1].id, guild.id);
    assert.ok(now.some((r) => r.id === added.id) && !now.some((r) => r.id === broken.id));
  });

  it('takes rows added, changed and removed, and a reset replaces them all', () => {
    const b = new BoardRows();
    b.receive(message(rows));
    const r0 = b.revision;
    b.receive(message([{ ...guild, partner: 'Design Systems Guild (renamed)' }], false, [broken.id]));
    assert.ok(b.revision > r0);
    assert.strictEqual(b.size, rows.length - 1);
    assert.strictEqual(b.get(guild.id)?.partner, 'Design Systems Guild (renamed)');
    b.receive(message([guild]));
    assert.deepStrictEqual(b.all().map((r) => r.id), [guild.id]);
  });

  it('a move’s record change is the file’s change: the stage line alone, and the same record the page shows', () => {
    const texts = Object.entries(CORPUS).filter(([, t]) => parseRecord(t).ok);
    assert.ok(texts.length >= 7);
    for (const [name, text] of texts) {
      for (const stage of STAGES) {
        const change = moveChange(stage);
        assert.deepStrictEqual(change, { kind: 'stage', value: stage }, 'the planner’s own stage change');
        const before = parseRecord(text);
        assert.ok(before.ok);
        const update = changeRecordText(text, change);
        const after = parseRecord(update.text);
        assert.ok(after.ok, `${name} still reads after the move to ${stage}`);
        assert.deepStrictEqual(after.record, applyChange(before.record, change), `${name} → ${stage}: the file reads as the page shows it`);
        // Surgical: only the stage line changes (or one is added where there was none).
        const a = text.split('\n');
        const z = update.text.split('\n');
        const changed = z.filter((l, i) => l !== a[i]);
        if (before.record.stage === stage && /\nstage: /.test(text)) assert.strictEqual(update.text, text, 'no change, no write');
        else if (/\nstage: /.test(text)) {
          assert.strictEqual(z.length, a.length);
          assert.deepStrictEqual(changed, [`stage: ${stage}`]);
        } else {
          assert.strictEqual(z.length, a.length + 1);
          assert.ok(z.includes(`stage: ${stage}`));
          assert.deepStrictEqual(z.filter((l) => l !== `stage: ${stage}`), a);
        }
        // And the board's row of the written file is where the move showed it.
        const b = new BoardRows();
        const [row] = rowsOf({ [name]: text });
        b.receive(message([row]));
        b.move(row.id, stage as Stage);
        assert.strictEqual(rowsOf({ [name]: update.text })[0].stage, b.get(row.id)?.stage);
      }
    }
  });
});

describe('board view-model: long lists', () => {
  it('renders only the cards on screen, with a few more on each side', () => {
    assert.deepStrictEqual(visibleRange(0, 600, 102, 10_000), { start: 0, end: 11 });
    const mid = visibleRange(102 * 5000, 600, 102, 10_000);
    assert.deepStrictEqual(mid, { start: 4996, end: 5011 });
    assert.ok(mid.end - mid.start < 20, 'a column of 10,000 cards renders fewer than 20');
    assert.deepStrictEqual(visibleRange(1e9, 600, 102, 10_000), { start: 9995, end: 10_000 }, 'scrolled past the end (the list got shorter)');
    assert.deepStrictEqual(visibleRange(0, 600, 102, 0), { start: 0, end: 0 });
    assert.deepStrictEqual(visibleRange(-50, 600, 102, 3), { start: 0, end: 3 });
    assert.deepStrictEqual(visibleRange(Number.NaN, 0, 28, 3), { start: 0, end: 3 });
  });

  it('filters, sorts and groups 10,000 rows', () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) texts[`p-${i}`] = record(`Partner ${i}`, { stage: STAGES[i % 5], types: [i % 2 ? 'co-hosted-event' : 'podcast-video'], ours: ['Maya', 'Sam', 'Priya'][i % 3], review: `2026-0${1 + (i % 9)}-1${i % 10}` });
    const rows = rowsOf(texts);
    const cols = boardColumns(rows);
    assert.deepStrictEqual(cols.map((c) => c.rows.length), [2000, 2000, 2000, 2000, 2000]);
    assert.strictEqual(filterRows(rows, { text: 'priya', stage: 'agreed', type: 'co-hosted-event' }).length, rows.filter((r) => r.owners.ours === 'Priya' && r.stage === 'agreed' && r.types.includes('co-hosted-event')).length);
    const sorted = sortRows(rows, { key: 'review', dir: 'desc' });
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].review! >= sorted[i].review!);
  });
});
