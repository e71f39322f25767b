import * as assert from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, fileMatches, plannerView, runCommand as runPaletteCommand, screenshot, webviewInTheme } from './harness';
import { makeExport, people, signupExport } from '../unit/measureCorpus';

// ical.js ships as an ES module with a CommonJS build beside it: the tests load the latter.
type IcalModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as IcalModule;

const QUICK = '.quick-input-widget';

/**
 * Picks a row of the quick pick with the keyboard, as a keyboard user does: a click could land
 * on the hover a row under the resting mouse opens (it covered the row under load).
 */
async function pick(page: Page, text: string | RegExp): Promise<void> {
  const row = page.locator(`${QUICK} .quick-input-list .monaco-list-row`, { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  const focused = page.locator(`${QUICK} .quick-input-list .monaco-list-row.focused`, { hasText: text });
  for (let i = 0; i < 40 && (await focused.count()) === 0; i++) await page.keyboard.press('ArrowDown');
  await focused.first().waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.press('Enter');
}

/** VS Code's own file dialog in the browser workbench: a quick input holding a path. */
async function fileDialog(page: Page, title: string, file: string): Promise<void> {
  await page.locator(`${QUICK} .quick-input-title`, { hasText: title }).waitFor({ state: 'visible', timeout: 20_000 });
  const input = page.locator(`${QUICK} input.input`);
  // The dialog fills in its folder once it has read it (an open dialog the folder, a save dialog
  // the folder and a file name): type the path after that, and again if it was reset. The dialog
  // reads the folder in the background and may set its path once more with nothing on screen to
  // wait for: the half second gives it the time to, before the check.
  for (let i = 0; i < 50 && !(await input.inputValue()).includes('/'); i++) await page.waitForTimeout(100);
  for (let i = 0; i < 5; i++) {
    await input.fill(file);
    await page.waitForTimeout(500);
    if ((await input.inputValue()) === file) break;
  }
  await page.keyboard.press('Enter');
  // Under load the dialog may still be checking the typed path: Enter again until it closes.
  const titled = page.locator(`${QUICK} .quick-input-title`, { hasText: title });
  for (let i = 0; i < 5 && (await titled.isVisible()); i++) {
    await page.waitForTimeout(1000);
    if ((await titled.isVisible()) && (await input.inputValue()) === file) await page.keyboard.press('Enter');
  }
}

/**
 * Runs a command from the palette with no notification left on screen. VS Code shows at most
 * three toasts, the oldest first, and a later one waits behind them until they go (an Info
 * toast goes after 10 s, but only while the window has the focus): one flow here raises more
 * than three, as a user would see them pile up, read and close them.
 */
async function runCommand(page: Page, title: string): Promise<void> {
  if ((await page.locator('.notifications-toasts .notification-toast').count()) > 0) {
    await runPaletteCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 10_000 });
  }
  await runPaletteCommand(page, title);
}

async function toast(page: Page, text: string | RegExp) {
  const t = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await t.waitFor({ state: 'visible', timeout: 60_000 });
  return t;
}

describe('Measure from exports, as a user does it (dark theme)', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;
  const both = people(73, 1, 'both');
  const ours = [...people(327, 2, 'ours'), ...both];
  const theirs = [...both, ...people(177, 3, 'theirs')];

  before(async () => {
    session = await e2e().open('workspace', { theme: 'dark', viewport: { width: 1400, height: 900 } });
    const dir = path.join(session.workspace, 'exports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'discord-members-2026-11-30.csv'), makeExport('discord', ours, 4, { bom: true, crlf: true, duplicates: 0.05, bad: 8 }).text);
    fs.writeFileSync(
      path.join(dir, 'notion-tracker.csv'),
      '\uFEFFName,Status,Type,Owner,Start date,Next review,Members,Notes\r\n' +
        'Rust Berlin,Live,Meetup,Priya,2026-01-01,,,already has a record\r\n' +
        'Figma Friends,In talks,"Webinar, Newsletter",Sam,"March 4, 2026","June 4, 2026",12.5k,"Met at Config.\r\nFollow up in May."\r\n' +
        'Open Source Friday,Signed,Integration,Kai,2026-02-01,2026-08-01,800,\r\n' +
        'Café & Code,Someday maybe,Hackathon; Swag drop,Sam,soon,,lots,Cold lead\r\n' +
        'Bad, "quote",x,y,z,1,2,3,4\r\n',
    );
  });
  after(async () => session?.close());

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) await screenshot(session.page, 'measure-failure-dark');
  });

  it('exports the hashed list, compares it with the partner’s file (exactly 73 shared), imports a tracker with bad rows, and exports the calendar', async () => {
    const { page, workspace } = session;
    const record = path.join(workspace, 'partnerships', 'design-systems-guild.md');
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).waitFor({ timeout: 60_000 });

    // Export Hashed Member List: the record, where to save, the CSV, the columns (guessed).
    // A place outside the workspace is refused as soon as it is picked: no file asked, no salt written.
    const recordBefore = fs.readFileSync(record, 'utf8');
    const outside = path.join(path.dirname(workspace), `outside-${path.basename(workspace)}.sha256`);
    await runCommand(page, 'Community Partnerships: Export Hashed Member List');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, 'Save the hashed member list', outside);
    await toast(page, /is outside the workspace: the extension writes files only inside the workspace folder/);
    assert.strictEqual(await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Your member list' }).count(), 0, 'no member list asked after the refusal');
    assert.strictEqual(fs.readFileSync(record, 'utf8'), recordBefore, 'no salt written');
    assert.ok(!fs.existsSync(outside));
    await screenshot(page, 'measure-export-outside-dark');
    await runCommand(page, 'Community Partnerships: Export Hashed Member List');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, 'Save the hashed member list', path.join(workspace, 'exports', 'acme-members.sha256'));
    await fileDialog(page, 'Your member list', path.join(workspace, 'exports', 'discord-members-2026-11-30.csv'));
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Columns of discord-members-2026-11-30.csv' }).waitFor({ timeout: 30_000 });
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: '← Email' }).first().waitFor();
    await screenshot(page, 'measure-columns-dark');
    assert.strictEqual(fs.readFileSync(record, 'utf8'), recordBefore, 'no salt written before the export is certain');
    await pick(page, 'Use these columns');
    const wrote = await toast(page, /Hashed members written to exports\/acme-members\.sha256: 400/);
    assert.match((await wrote.textContent()) ?? '', /Rows skipped: 8/);
    await screenshot(page, 'measure-hashed-dark');
    const hashed = fs.readFileSync(path.join(workspace, 'exports', 'acme-members.sha256'), 'utf8');
    assert.strictEqual(hashed.trimEnd().split('\n').length, 400);
    assert.ok(!hashed.includes('@'), 'no email in the hashed file');
    const salt = /\nhashSalt: ([0-9a-f]{32})\n/.exec(fs.readFileSync(record, 'utf8'))?.[1];
    assert.ok(salt, 'the salt is in the record');

    // The partner makes their file with another tool (here Node's crypto), from their own export.
    const partnerLines = [...new Set(theirs.map((p) => createHash('sha256').update(salt + p.email).digest('hex')))].sort();
    fs.writeFileSync(path.join(workspace, 'exports', 'guild.sha256'), partnerLines.join('\n') + '\n');

    // A CSV picked as the partner's hashed file is refused at once, before any column is asked.
    await runCommand(page, 'Community Partnerships: Compare Member Lists');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, 'Your member list', path.join(workspace, 'exports', 'discord-members-2026-11-30.csv'));
    await fileDialog(page, "The partner's hashed member list", path.join(workspace, 'exports', 'discord-members-2026-11-30.csv'));
    await toast(page, /discord-members-2026-11-30\.csv is not a hashed member list/);
    assert.strictEqual(await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Columns of' }).count(), 0, 'no columns asked');
    await screenshot(page, 'measure-compare-csv-refused-dark');

    // Compare Member Lists: the columns are remembered for this file name.
    await runCommand(page, 'Community Partnerships: Compare Member Lists');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, 'Your member list', path.join(workspace, 'exports', 'discord-members-2026-11-30.csv'));
    await fileDialog(page, "The partner's hashed member list", path.join(workspace, 'exports', 'guild.sha256'));
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: 'remembered for files named like this one' }).first().waitFor({ timeout: 30_000 });
    await pick(page, 'Use these columns');
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Compare Member Lists' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter'); // today
    const result = await toast(page, /Members in both: 73/);
    assert.match((await result.textContent()) ?? '', /18\.3% of yours and 29\.2% of Design Systems Guild's/);
    await screenshot(page, 'measure-overlap-dark');
    await result.locator('a.monaco-button', { hasText: 'Set Audience Overlap to 5' }).click();
    const text = await fileMatches(record, /\n {2}audienceOverlap: 5\n/);
    assert.match(text, /metric: member-overlap\n {4}value: 73\n {4}note: [^\n]+\n {4}of: 400\n {4}source: '?discord-members-2026-11-30\.csv, guild\.sha256'?\n/);

    // Count Attributed Sign-ups: the guild's sign-ups since its start, a running total measured from the file.
    const signups = people(31, 20, 'guild').map((p, i) => ({ email: p.email, date: `2026-0${2 + (i % 5)}-1${i % 9}`, source: 'design-systems-guild', campaign: 'partnership-design-systems-guild' }));
    fs.writeFileSync(path.join(workspace, 'exports', 'signups.csv'), signupExport(signups));
    await runCommand(page, 'Community Partnerships: Count Attributed Sign-ups');
    await fileDialog(page, 'The sign-up export', path.join(workspace, 'exports', 'signups.csv'));
    await pick(page, 'Use these columns');
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Count Attributed Sign-ups' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter'); // today
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Log 1 Metric' }).click({ timeout: 20_000 });
    await toast(page, /Cross-community joins logged \(1\): Design Systems Guild 31/);
    assert.match(await fileMatches(record, /cumulative: true/), /metric: cross-community-joins\n {4}value: 31\n {4}note: [^\n]+\n {4}source: signups\.csv\n {4}cumulative: true\n/);

    // The planner shows both measures with their figures and files, and charts the guild's typed
    // joins of one swap apart from the measured running total: no line joins the two.
    await page.locator('.activitybar .action-item a[aria-label^="Community Partnerships"]').first().click();
    const view = await plannerView(page);
    await view.locator('.row', { hasText: 'Design Systems Guild' }).click({ timeout: 30_000 });
    const joins = view.locator('.metric[data-metric="cross-community-joins"]');
    await joins.locator('.chart-legend li', { hasText: 'total to date, measured from a file' }).waitFor({ timeout: 20_000 });
    assert.deepStrictEqual(await joins.locator('.chart-legend li').allTextContents(), ['per swap, event or piece, typed', 'total to date, measured from a file']);
    assert.strictEqual(await joins.locator('svg.sparkline polyline').count(), 0);
    assert.strictEqual(await joins.locator('svg.sparkline .spark-series.unit.typed .spark-dot').count(), 1);
    assert.match((await joins.locator('svg.sparkline .spark-series.total.measured .spark-dot title').textContent()) ?? '', /^total to date, measured from a file: 31 on \d{4}-\d{2}-\d{2}$/);
    // The head holds the typed result of one swap against the per-swap benchmark, not the total.
    assert.strictEqual(await joins.locator('.metric-value').textContent(), '85');
    await joins.locator('.entry-detail', { hasText: /^from signups\.csv · sign-ups with utm_source=design-systems-guild/ }).waitFor();
    const overlap = view.locator('.metric[data-metric="member-overlap"]');
    await overlap.locator('.entry-text', { hasText: /^73 of 400 on \d{4}-\d{2}-\d{2}$/ }).waitFor();
    await overlap.locator('.entry-detail', { hasText: /^from discord-members-2026-11-30\.csv, guild\.sha256 · 73 of 400 of ours/ }).waitFor();
    await joins.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'measure-planner-metrics-dark');
    for (const theme of ['light', 'hc-black'] as const) {
      await session.setTheme(theme);
      await webviewInTheme(view, theme);
      await joins.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `measure-planner-metrics-${theme}`);
    }
    await session.setTheme('dark');

    // Import Partnership Tracker: columns, a preview, a confirmation; the existing partner skipped.
    const rustBefore = fs.readFileSync(path.join(workspace, 'partnerships', 'rust-berlin.md'), 'utf8');
    await runCommand(page, 'Community Partnerships: Import Partnership Tracker');
    await fileDialog(page, 'The tracker export', path.join(workspace, 'exports', 'notion-tracker.csv'));
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: '← Status' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'measure-tracker-columns-dark');
    await pick(page, 'Preview the import of 5 rows');
    // The preview is seen before anything is confirmed: a line per record with every value, size and notes included.
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Import preview: exports/notion-tracker.csv' }).waitFor({ timeout: 20_000 });
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: 'figma-friends.md' }).first().waitFor({ timeout: 20_000 });
    // Each value on a line of its own, seen whole (the first record's lines are in view).
    const rows = (await page.locator(`${QUICK} .monaco-list-row`).allTextContents()).map((t) => t.trim());
    for (const shown of ['Stage: contacted', 'Our owner: Sam', 'Start: 2026-03-04', 'Review: 2026-06-04', 'Cadence: monthly', 'Partner size: 12,500', 'Notes: Met at Config. Follow up in May.']) assert.ok(rows.some((r) => r.startsWith(shown)), `${shown} in ${rows.join(' | ')}`);
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: 'Cancel' }).first().waitFor();
    assert.strictEqual(await page.locator('.monaco-dialog-box').count(), 0, 'no confirmation before the preview');
    assert.ok(!fs.existsSync(path.join(workspace, 'partnerships', 'figma-friends.md')), 'nothing written yet');
    // Seen once the widget has faded in.
    await page.waitForFunction(`getComputedStyle(document.querySelector('${QUICK}')).opacity === '1'`);
    await screenshot(page, 'measure-tracker-preview-dark');
    await pick(page, 'Create 3 Records');
    await toast(page, /Partnership records imported into partnerships\/: 3\./);
    for (const f of ['figma-friends.md', 'open-source-friday.md', 'cafe-and-code.md']) assert.ok(fs.existsSync(path.join(workspace, 'partnerships', f)), f);
    assert.strictEqual(fs.readFileSync(path.join(workspace, 'partnerships', 'rust-berlin.md'), 'utf8'), rustBefore);
    const cafe = fs.readFileSync(path.join(workspace, 'partnerships', 'cafe-and-code.md'), 'utf8');
    assert.match(cafe, /- Types: Swag drop/);
    // Its pitch is written from the context, as New Partnership writes it.
    assert.match(cafe, /I run Acme Devs/);
    assert.doesNotMatch(cafe, /\[your community\]|\[your name\]/);

    // Export Calendar: one file, parsed by a standard parser.
    await runCommand(page, 'Community Partnerships: Export Calendar');
    await fileDialog(page, 'Save the calendar', path.join(workspace, 'partnerships.ics'));
    await toast(page, /Written to partnerships\.ics: \d+ check-ins and \d+ review dates/);
    await screenshot(page, 'measure-calendar-dark');
    const events = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(workspace, 'partnerships.ics'), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.some((e) => e.summary.includes('Design Systems Guild')));
    assert.ok(events.some((e) => e.summary === 'Partnership review: Open Source Friday' || e.summary.startsWith('Check-in') && e.summary.includes('Open Source Friday')));

    // Copy Tracked Link: the page typed for a partnership is offered again the next time.
    const linkInput = page.locator(`${QUICK} input.input`);
    for (const typed of [true, false]) {
      await runCommand(page, 'Community Partnerships: Copy Tracked Link');
      await pick(page, 'Rust Berlin');
      await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Copy Tracked Link' }).waitFor({ state: 'visible', timeout: 20_000 });
      if (typed) {
        assert.strictEqual(await linkInput.inputValue(), 'https://');
        await linkInput.fill('https://acme.dev/join');
      } else {
        assert.strictEqual(await linkInput.inputValue(), 'https://acme.dev/join', 'the last page for this partnership is the default');
        await screenshot(page, 'measure-tracked-link-remembered-dark');
      }
      await page.keyboard.press('Enter');
      await toast(page, /Copied the tracked link for Rust Berlin: https:\/\/acme\.dev\/join\?utm_source=rust-berlin/);
    }
  });

  it("Measure Event Attendance with the partner's hashed list: only checked-in members of the partner count, on the event's date", async () => {
    const { page, workspace } = session;
    const record = path.join(workspace, 'partnerships', 'design-systems-guild.md');
    // A Luma export: our members, members of both, the guild's, and people of neither; three in four checked in.
    const groups = { ours: ours.slice(0, 20), shared: both.slice(0, 8), partner: theirs.slice(73, 85), neither: people(15, 9, 'guests') };
    const came = (i: number) => i % 4 !== 3;
    const lines = ['api_id,name,first_name,last_name,email,phone_number,created_at,approval_status,checked_in_at,custom_source,qr_code_url,ticket_name'];
    let n = 0;
    for (const g of Object.values(groups))
      g.forEach((p, i) => lines.push([`gst-${n++}`, `"${p.first} ${p.last}"`, p.first, p.last, p.email, '', '2026-02-20T10:00:00.000Z', 'approved', came(i) ? '2026-03-12T18:30:00.000Z' : '', '', '', 'Standard'].join(',')));
    fs.writeFileSync(path.join(workspace, 'exports', 'luma-guests.csv'), lines.join('\n') + '\n');
    const checked = (g: readonly unknown[]) => g.filter((_, i) => came(i)).length;
    const attendees = Object.values(groups).reduce((sum, g) => sum + checked(g), 0);
    const partners = checked(groups.partner) + checked(groups.shared);

    await runCommand(page, 'Community Partnerships: Measure Event Attendance');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, 'The registration export', path.join(workspace, 'exports', 'luma-guests.csv'));
    await fileDialog(page, 'Your member list', path.join(workspace, 'exports', 'acme-members.sha256'));
    await pick(page, "Use Design Systems Guild's hashed member list");
    await fileDialog(page, "The partner's hashed member list", path.join(workspace, 'exports', 'guild.sha256'));
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: '← checked_in_at' }).first().waitFor({ timeout: 30_000 });
    await pick(page, 'Use these columns');
    // The date asked is the event's, read from the check-in times.
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Measure Event Attendance: date of the event' }).waitFor({ timeout: 30_000 });
    assert.strictEqual(await page.locator(`${QUICK} input.input`).inputValue(), '2026-03-12');
    await page.keyboard.press('Enter');
    const pct = Math.round((partners / attendees) * 1000) / 10;
    const done = await toast(page, `${pct}% of attendees are Design Systems Guild's members (${partners} of ${attendees}; ${checked(groups.shared)} of them are members of both communities).`);
    assert.match((await done.textContent()) ?? '', new RegExp(`${n} registered, ${attendees} checked in`));
    await screenshot(page, 'measure-attendance-dark');
    const text = await fileMatches(record, /metric: event-attendance\n/);
    assert.match(text, new RegExp(`date: 2026-03-12\\n {4}metric: event-attendance\\n {4}value: ${pct}\\n`));
  });

  it('runs a private overlap through files, both sides ending with exactly 73 in both, logged as member-overlap', async () => {
    const { page, workspace } = session;
    const exports = path.join(workspace, 'exports');
    const file = (name: string) => path.join(exports, name);
    fs.writeFileSync(file('guild-members.csv'), makeExport('discord', theirs, 5).text);
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).waitFor({ timeout: 60_000 });

    // You start, with Rust Berlin: your list blinded, the start file saved for the partner.
    await runCommand(page, 'Community Partnerships: Start Private Overlap');
    await pick(page, 'Rust Berlin');
    await fileDialog(page, 'Your member list', file('discord-members-2026-11-30.csv'));
    await pick(page, 'Use these columns');
    await fileDialog(page, 'Save the start file for the partner', file('overlap-start.json'));
    await toast(page, /Start file written to exports\/overlap-start\.json: 400 members/);
    const startText = fs.readFileSync(file('overlap-start.json'), 'utf8');
    assert.ok(!startText.includes('@'), 'no email in the start file');

    // The partner (here the Design Systems Guild's record) answers with its own list.
    await runCommand(page, 'Community Partnerships: Answer Private Overlap');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, "The partner's start file", file('overlap-start.json'));
    await fileDialog(page, 'Your member list', file('guild-members.csv'));
    await pick(page, 'Use these columns');
    await fileDialog(page, 'Save the answer file for the partner', file('overlap-answer.json'));
    await toast(page, /Answer file written to exports\/overlap-answer\.json/);

    // You finish with the answer: the count, logged, and the result file for the partner.
    await runCommand(page, 'Community Partnerships: Finish Private Overlap');
    await pick(page, 'Rust Berlin');
    await fileDialog(page, "The partner's answer file", file('overlap-answer.json'));
    await fileDialog(page, 'Save the result file for the partner', file('overlap-result.json'));
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Private Overlap: date of the measurement' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter'); // today
    await toast(page, /Members in both: 73, 18\.3% of yours and 29\.2% of Rust Berlin's/);

    // The partner finishes with the result file (its own answer file is remembered): the same count.
    await runCommand(page, 'Community Partnerships: Finish Private Overlap');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, "The partner's answer file", file('overlap-result.json'));
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Private Overlap: date of the measurement' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await toast(page, /Members in both: 73, 29\.2% of yours and 18\.3% of Design Systems Guild's/);
    await screenshot(page, 'measure-private-overlap-dark');

    // Both records hold the count, by the private set intersection.
    const logged = (name: string, text: RegExp) =>
      fileMatches(path.join(workspace, 'partnerships', name), text).then((t) => {
        const entry = t.split(/\n {2}- /).find((e) => e.includes('by private set intersection'));
        assert.ok(entry && /metric: member-overlap/.test(entry) && /value: 73\b/.test(entry), `${name}: ${entry}`);
      });
    await logged('rust-berlin.md', /by private set intersection/);
    await logged('design-systems-guild.md', /by private set intersection/);
  });
});
