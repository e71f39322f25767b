import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, readFile, revertAndCloseAll, until, writeFile } from './helpers';
import { parseRecord, recordContextInput } from '../../src/core/records';
import { newRecordText } from '../../src/core/records/newRecord';
import { readFrontMatter } from '../../src/core/frontMatter';
import { sha256Batch } from '../../src/platform/sha256';
import type { PlannerApi } from '../../src/features/planner/impl';
import { makeExport, people, signupExport, type Signup } from '../unit/measureCorpus';

// ical.js ships as an ES module with a CommonJS build beside it: the tests load the latter.
type IcalModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as IcalModule;

const GUILD = 'partnerships/design-systems-guild.md';
const RUST = 'partnerships/rust-berlin.md';

async function planner(): Promise<PlannerApi> {
  const p = await (await api()).planner();
  await p.ensureLoaded();
  return p;
}

const idOf = (rel: string) => file(rel).toString();

async function record(rel: string) {
  const parsed = parseRecord(await readFile(file(rel)));
  assert.ok(parsed.ok, `${rel} reads`);
  return parsed.record;
}

describe('Measure: metrics from exports in VS Code', () => {
  const originals = new Map<string, string>();
  const made: vscode.Uri[] = [];
  const write = async (rel: string, text: string) => {
    await writeFile(file(rel), text);
    made.push(file(rel));
  };

  // Our community: 400 members; the guild: 250; 73 in both. Bad rows and repeats on both sides.
  const both = people(73, 1, 'both');
  const ours = [...people(327, 2, 'ours'), ...both];
  const theirs = [...both, ...people(177, 3, 'theirs')];

  before(async () => {
    // Files the tests make, removed afterwards even when a test fails half way.
    for (const rel of ['partnerships/figma-friends.md', 'partnerships/open-source-friday.md', 'partnerships/formula.md']) made.push(file(rel));
    for (const rel of [GUILD, RUST]) originals.set(rel, await readFile(file(rel)));
    await write('exports/discord-members-2026-11-30.csv', makeExport('discord', ours, 4, { bom: true, crlf: true, duplicates: 0.05, bad: 8 }).text);
    await write('exports/guild-members.csv', makeExport('slack', theirs, 5, { duplicates: 0.05, bad: 3 }).text);
  });

  after(async () => {
    await revertAndCloseAll();
    for (const [rel, text] of originals) if ((await readFile(file(rel))) !== text) await writeFile(file(rel), text);
    for (const uri of made.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(file('exports'), { recursive: true }).then(undefined, () => undefined);
    // The suites after this one see the fixture's three records again.
    const p = await planner();
    await until('the fixture records only', () => p.query().total === 3, 15_000, () => p.query().items.map((i) => i.partner).join(', '));
  });

  afterEach(() => revertAndCloseAll());

  it('hashes a large batch on a worker thread in the Node host and in one JavaScript pass in the browser, the same digests as one by one', async () => {
    const inputs = Array.from({ length: 500 }, (_, i) => `salt-${i}@example.org`);
    const batch = sha256Batch(inputs);
    // The web worker host has no worker threads to give: a batch is hashed in JavaScript at once
    // (as fast as Node's hashing, where Web Crypto took one asynchronous call per email), and the
    // readers yield between batches. The Node host hands a large batch to a worker thread.
    if (typeof process === 'undefined') assert.ok(batch instanceof Uint8Array, 'hashed in one pass in the browser');
    else assert.ok(batch instanceof Promise, 'not hashed on the calling thread');
    const digests = await batch;
    for (const i of [0, 17, 499]) {
      const one = await sha256Batch([inputs[i]]);
      assert.deepStrictEqual(digests.subarray(i * 32, i * 32 + 32), one instanceof Promise ? await one : one);
    }
  });

  it('Export Hashed Member List: a salt made once and kept in the record (only that line added), a file of hashes with no email or name', async () => {
    const m = (await api()).measure();
    await planner();
    const before = originals.get(GUILD)!;
    const out = (await m.exportHashedList(idOf(GUILD), { members: 'exports/discord-members-2026-11-30.csv', output: 'exports/ours.sha256', mapping: { email: 'Email' } })) as { members: number; skipped: number; salt: string };
    made.push(file('exports/ours.sha256'));
    assert.strictEqual(out.members, 400);
    assert.strictEqual(out.skipped, 8);
    const after = await readFile(file(GUILD));
    const fm = readFrontMatter(after);
    assert.ok(fm.kind === 'yaml');
    assert.strictEqual(fm.data.hashSalt, out.salt);
    assert.match(out.salt, /^[0-9a-f]{32}$/);
    assert.strictEqual(after.replace(`hashSalt: ${out.salt}\n`, ''), before, 'one line added, the rest as it was');
    const hashed = await readFile(file('exports/ours.sha256'));
    const lines = hashed.trimEnd().split('\n');
    assert.strictEqual(lines.length, 400);
    assert.ok(lines.every((l) => /^[0-9a-f]{64}$/.test(l)));
    assert.ok(!hashed.includes('@'));
    for (const p of ours.slice(0, 50)) assert.ok(!hashed.includes(p.last) && !hashed.includes(p.email.split('@')[0]));

    // A second export keeps the salt.
    const again = (await m.exportHashedList(idOf(GUILD), { members: 'exports/guild-members.csv', output: 'exports/theirs.sha256', mapping: { email: 'email' } })) as { members: number; salt: string };
    made.push(file('exports/theirs.sha256'));
    assert.strictEqual(again.salt, out.salt);
    assert.strictEqual(again.members, 250);
  });

  it('Export Hashed Member List over its own earlier export of over 10 MB: the size limit is for what is read, not for what is written over', async function () {
    this.timeout(120_000);
    const m = (await api()).measure();
    await planner();
    // 165,000 members: a hashed file of 10.7 MB (65 bytes a member), over the 10 MB read limit.
    const n = 165_000;
    await write('exports/large-members.csv', 'email\n' + Array.from({ length: n }, (_, i) => `member${i}@example.org`).join('\n') + '\n');
    const run = () => m.exportHashedList(idOf(RUST), { members: 'exports/large-members.csv', output: 'exports/large.sha256', mapping: { email: 'email' } }) as Promise<{ members: number } | undefined>;
    made.push(file('exports/large.sha256'));
    assert.strictEqual((await run())?.members, n);
    const size = (await vscode.workspace.fs.stat(file('exports/large.sha256'))).size;
    assert.ok(size > 10 * 1024 * 1024, `${size} bytes`);
    await vscode.workspace.fs.writeFile(file('exports/large.sha256'), new Uint8Array(size + 100).fill(0x30));
    assert.strictEqual((await run())?.members, n, 'written again over the file');
    const bytes = await vscode.workspace.fs.readFile(file('exports/large.sha256'));
    assert.strictEqual(bytes.length, n * 65);
    assert.strictEqual(new TextDecoder().decode(bytes.subarray(0, 65)).trimEnd().length, 64);
  });

  it("Compare Member Lists: your CSV against the partner's hashed file gives exactly the shared members, logged as member-overlap, and sets the suggested score", async () => {
    const m = (await api()).measure();
    const result = (await m.compareLists(idOf(GUILD), { members: 'exports/discord-members-2026-11-30.csv', hashed: 'exports/theirs.sha256', mapping: { email: 'Email' }, date: '2026-11-30', setScore: true })) as {
      shared: number;
      ours: number;
      theirs: number;
      score: number;
    };
    assert.deepStrictEqual([result.shared, result.ours, result.theirs], [73, 400, 250]);
    assert.strictEqual(result.score, 5, '73 of 250 is over 20%');
    const r = await record(GUILD);
    const last = r.metrics[r.metrics.length - 1];
    assert.deepStrictEqual({ date: last.date, metric: last.metric, value: last.value }, { date: '2026-11-30', metric: 'member-overlap', value: 73 });
    assert.match(last.note ?? '', /73 of 400 of ours \(18\.3%\) and of 250 of theirs \(29\.2%\)/);
    assert.strictEqual(r.scores.audienceOverlap, 5);
    const p = await planner();
    await until('the index to show the measurement', () => p.get(idOf(GUILD))?.summary.latestMetrics?.['member-overlap']?.value === 73);
  });

  it("Measure Event Attendance: only people checked in count, and with the partner's hashed list only the partner's members (shared ones shown as such)", async () => {
    const m = (await api()).measure();
    const groups = { ours: ours.slice(0, 30), shared: both.slice(0, 10), partner: theirs.slice(73, 93), neither: people(45, 9, 'guests') };
    const came = (i: number) => i % 4 !== 3;
    const header = 'api_id,name,first_name,last_name,email,phone_number,created_at,approval_status,checked_in_at,custom_source,qr_code_url,ticket_name';
    const row = (p: { email: string; first: string; last: string }, i: number, status: string, checkedIn: boolean) =>
      [`gst-${i}`, `"${p.first} ${p.last}"`, p.first, p.last, p.email, '', '2026-10-01T10:00:00.000Z', status, checkedIn ? '2026-11-19T18:30:00.000Z' : '', '', `https://lu.ma/check-in/evt-x?pk=g-${i}`, 'Standard'].join(',');
    const lines = [header];
    let n = 0;
    for (const group of Object.values(groups)) group.forEach((p, i) => lines.push(row(p, n++, 'approved', came(i))));
    for (const p of people(6, 10, 'declined')) lines.push(row(p, n++, 'declined', false));
    lines.push(row(groups.partner[3], n++, 'approved', false)); // registered twice, checked in on neither row
    await write('exports/luma-guests.csv', lines.join('\n') + '\n');
    const checked = (g: readonly unknown[]) => g.filter((_, i) => came(i)).length;
    const attendees = Object.values(groups).reduce((sum, g) => sum + checked(g), 0);

    type Result = { basis: string; attendees: number; fromOther: number; shared: number; percent: number; notAttending: number; eventDate?: string; registered: { people: number } };
    const mapping = { email: 'email', status: 'approval_status', checkIn: 'checked_in_at' };
    const a = (await m.measureAttendance(idOf(GUILD), { registrations: 'exports/luma-guests.csv', members: 'exports/ours.sha256', hashed: 'exports/theirs.sha256', mapping, date: '2026-11-20' })) as Result;
    assert.deepStrictEqual(
      { basis: a.basis, attendees: a.attendees, fromOther: a.fromOther, shared: a.shared, registered: a.registered.people, notAttending: a.notAttending, eventDate: a.eventDate },
      { basis: 'checked-in', attendees, fromOther: checked(groups.shared) + checked(groups.partner), shared: checked(groups.shared), registered: 105, notAttending: 6, eventDate: '2026-11-19' },
    );
    assert.strictEqual(a.percent, Math.round(((checked(groups.shared) + checked(groups.partner)) / attendees) * 1000) / 10);
    let r = await record(GUILD);
    let last = r.metrics[r.metrics.length - 1];
    assert.deepStrictEqual([last.metric, last.value, last.date], ['event-attendance', a.percent, '2026-11-20']);
    assert.match(last.note ?? '', /checked-in attendees in Design Systems Guild's member list \(\d+ of them in both lists\); 105 registered/);
    // What it counted and from which files, for the planner and the report to show.
    assert.deepStrictEqual([last.count, last.of, last.source], [a.fromOther, a.attendees, 'luma-guests.csv, ours.sha256, theirs.sha256']);

    // Without the partner's list: what is measured is said as it is.
    const b = (await m.measureAttendance(idOf(GUILD), { registrations: 'exports/luma-guests.csv', members: 'exports/ours.sha256', mapping, date: '2026-11-21' })) as Result;
    assert.strictEqual(b.fromOther, checked(groups.partner) + checked(groups.neither));
    r = await record(GUILD);
    last = r.metrics[r.metrics.length - 1];
    assert.match(last.note ?? '', /checked-in attendees not in our member list \(no partner list given\)/);
  });

  it('Copy Tracked Link and Count Attributed Sign-ups: the link carries the record’s parameters, and sign-ups with them count into the right partnership within its dates', async () => {
    const m = (await api()).measure();
    const link = (await m.copyTrackedLink(idOf(GUILD), { base: 'https://acme.dev/join' })) as string;
    assert.strictEqual(link, 'https://acme.dev/join?utm_source=design-systems-guild&utm_medium=newsletter&utm_campaign=partnership-design-systems-guild');
    assert.strictEqual(await vscode.env.clipboard.readText(), link);
    const signups: Signup[] = [
      ...people(31, 20, 'guild').map((p, i) => ({ email: p.email, date: `2026-0${2 + (i % 5)}-1${i % 9}`, source: 'design-systems-guild', campaign: 'partnership-design-systems-guild' })),
      ...people(4, 21, 'late').map((p) => ({ email: p.email, date: '2026-09-01', source: 'design-systems-guild', campaign: 'partnership-design-systems-guild' })),
      ...people(12, 22, 'rust').map((p) => ({ email: p.email, date: '2026-10-01', source: 'rust-berlin', campaign: 'partnership-rust-berlin' })),
      ...people(40, 23, 'other').map((p) => ({ email: p.email, date: '2026-03-01', source: 'google', campaign: 'brand' })),
    ];
    signups.push({ ...signups[0], email: signups[0].email.toUpperCase() }); // the same person twice
    await write('exports/signups.csv', signupExport(signups) + 'broken-row,"unclosed\n');
    const result = (await m.countSignups(undefined, { signups: 'exports/signups.csv', mapping: { email: 'email', date: 'created_at', source: 'utm_source', campaign: 'utm_campaign' }, date: '2026-11-30', confirm: true })) as { counted: { partner: string; joins: number }[]; skipped: number };
    assert.deepStrictEqual(result.counted.map((c) => [c.partner, c.joins]).sort(), [
      ['Design Systems Guild', 31],
      ['Rust Berlin', 12],
    ]);
    for (const [rel, value] of [
      [GUILD, 31],
      [RUST, 12],
    ] as const) {
      const r = await record(rel);
      const last = r.metrics[r.metrics.length - 1];
      assert.deepStrictEqual([last.metric, last.value, last.cumulative, last.source], ['cross-community-joins', value, true, 'signups.csv'], rel);
    }
  });

  it('Import Partnership Tracker: one record per new row, existing partners skipped and never overwritten', async () => {
    const m = (await api()).measure();
    const p = await planner();
    const rustBefore = await readFile(file(RUST));
    await write(
      'exports/notion-tracker.csv',
      '\uFEFFName,Status,Type,Owner,Start date,Next review,Notes\r\n' +
        'Rust Berlin,Live,Meetup,Priya,2026-01-01,,should be skipped\r\n' +
        'Figma Friends,In talks,"Webinar, Newsletter",Sam,"March 4, 2026","June 4, 2026","Met at Config.\r\nFollow up in May."\r\n' +
        'Open Source Friday,Signed,Integration,Kai,2026-02-01,2026-08-01,\r\n' +
        ',,,,,,\r\n' +
        'Bad, "quote",x,y,z,1,2,3\r\n',
    );
    const out = (await m.importTracker(undefined, { tracker: 'exports/notion-tracker.csv', trackerMapping: { partner: 'Name', stage: 'Status', types: 'Type', ours: 'Owner', start: 'Start date', review: 'Next review', notes: 'Notes' }, confirm: true })) as { created: vscode.Uri[]; skipped: number; bad: number };
    made.push(...out.created);
    assert.deepStrictEqual(out.created.map((u) => vscode.workspace.asRelativePath(u)).sort(), ['partnerships/figma-friends.md', 'partnerships/open-source-friday.md']);
    assert.strictEqual(out.skipped, 1);
    assert.strictEqual(out.bad, 1);
    assert.strictEqual(await readFile(file(RUST)), rustBefore, 'the existing record is untouched');
    const figma = await record('partnerships/figma-friends.md');
    assert.deepStrictEqual([figma.stage, figma.types, figma.owners.ours, figma.start, figma.review], ['contacted', ['co-hosted-event', 'newsletter-cross-promotion'], 'Sam', '2026-03-04', '2026-06-04']);
    assert.match(await readFile(file('partnerships/figma-friends.md')), /- Met at Config\.\r?\n {2}Follow up in May\./);
    // The pitch is the one New Partnership writes: prefilled from the context, not placeholders.
    const figmaText = await readFile(file('partnerships/figma-friends.md'));
    const pitch = (t: string) => /## Pitch\r?\n([\s\S]*?)\r?\n## Agreement/.exec(t)?.[1] ?? '';
    const ctx = (await api()).contexts.active();
    assert.ok(ctx?.state === 'ok');
    const expected = newRecordText({ partner: 'Figma Friends', types: ['co-hosted-event', 'newsletter-cross-promotion'], today: '2026-01-01', ...recordContextInput(ctx.parsed) });
    assert.strictEqual(pitch(figmaText), pitch(expected));
    assert.match(pitch(figmaText), /12,000 members/);
    assert.doesNotMatch(pitch(figmaText), /\[your community\]|\[member count\]|\[your name\]/);
    await until('the index to list the imported records', () => p.get(idOf('partnerships/figma-friends.md')) && p.get(idOf('partnerships/open-source-friday.md')));
    // Importing the same tracker again adds nothing.
    const again = (await m.importTracker(undefined, { tracker: 'exports/notion-tracker.csv', trackerMapping: { partner: 'Name' }, confirm: true })) as { created: vscode.Uri[]; skipped: number };
    assert.deepStrictEqual([again.created.length, again.skipped], [0, 3]);
  });

  it('Export Pipeline as CSV and Export Calendar: a CSV with formulas defused, and an .ics that parses with stable UIDs', async () => {
    const m = (await api()).measure();
    const p = await planner();
    await write('partnerships/formula.md', '---\npartner: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"\ncommunity: "Acme;=1+1;"\ncontact: "ana\\t=2+2|@SUM(A1)"\nstage: agreed\nstart: 2026-11-01\ncadence: monthly\n---\n');
    await until('the formula record', () => p.get(idOf('partnerships/formula.md')));
    const csv = (await m.exportPipelineCsv(undefined, { output: 'exports/pipeline.csv' })) as { rows: number };
    const text = await readFile(file('exports/pipeline.csv'));
    assert.ok(text.startsWith('Partner,Community,Contact,Stage,Types'));
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), 'the formula is text');
    assert.strictEqual(text.trimEnd().split('\r\n').length, csv.rows + 1);
    // Whatever a spreadsheet splits on, no cell it makes starts with a formula.
    for (const sep of [',', ';', '\t', '|']) for (const line of text.split(/\r\n|\r|\n/)) for (const cell of line.split(sep)) assert.doesNotMatch(cell, /^[ "]*[=+\-@]/, `split on ${JSON.stringify(sep)}: ${cell}`);

    await m.exportCalendar(undefined, { output: 'exports/partnerships.ics' });
    const ics = await readFile(file('exports/partnerships.ics'));
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const summaries = events.map((e) => e.summary);
    assert.ok(summaries.some((s) => s.startsWith('Check-in') && s.includes('Design Systems Guild')), summaries.join(' | '));
    assert.ok(summaries.some((s) => s.includes('=HYPERLINK')), 'the agreed record has its first check-in');
    assert.ok(events.every((e) => e.startDate.isDate));
    const uids = events.map((e) => e.uid);
    // A newer export (here over the old file) keeps every UID.
    const guildUid = events.find((e) => e.summary.includes('Design Systems Guild'))!.uid;
    await writeFile(file('exports/partnerships.ics'), '');
    await m.exportCalendar(undefined, { output: 'exports/partnerships.ics' });
    const again = new ICAL.Component(ICAL.parse(await readFile(file('exports/partnerships.ics')))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepStrictEqual(again.map((e) => e.uid), uids);
    assert.ok(again.some((e) => e.uid === guildUid));
  });

  it('Compare Member Lists refuses a hashed file with no hash in it (empty, or a header and comments only) and logs nothing, rather than an overlap of 0', async () => {
    const m = (await api()).measure();
    await planner();
    const before = await readFile(file(GUILD));
    for (const [name, text] of [
      ['empty.sha256', ''],
      ['header-only.sha256', 'sha256\n# made by hand\n\n'],
      ['emails.sha256', 'ana@example.org\nbo@example.org\n'],
    ]) {
      await write(`exports/${name}`, text);
      const out = await m.compareLists(idOf(GUILD), { members: 'exports/discord-members-2026-11-30.csv', hashed: `exports/${name}`, mapping: { email: 'Email' }, date: '2026-12-01', setScore: false });
      assert.strictEqual(out, undefined, name);
      assert.strictEqual(await readFile(file(GUILD)), before, `${name}: nothing logged`);
    }
  });

  it('refuses an export that is not a regular file, and logs nothing', async () => {
    const m = (await api()).measure();
    const before = await readFile(file(GUILD));
    await vscode.workspace.fs.createDirectory(file('exports/a-folder.csv'));
    const out = await m.compareLists(idOf(GUILD), { members: 'exports/a-folder.csv', hashed: 'exports/theirs.sha256', mapping: { email: 'Email' }, date: '2026-11-30', setScore: false });
    assert.strictEqual(out, undefined);
    assert.strictEqual(await readFile(file(GUILD)), before);
  });
});
