import * as assert from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, fileMatches, plannerView, runCommand, screenshot, webviewInTheme } from './harness';
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
  // The dialog fills in its folder once it has read it: type the path after that, and again if it was reset.
  for (let i = 0; i < 50 && !(await input.inputValue()).endsWith('/'); i++) await page.waitForTimeout(100);
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

    // Export Hashed Member List: the record, the CSV, the columns (guessed), where to save.
    await runCommand(page, 'Community Partnerships: Export Hashed Member List');
    await pick(page, 'Design Systems Guild');
    await fileDialog(page, 'Your member list', path.join(workspace, 'exports', 'discord-members-2026-11-30.csv'));
    await page.locator(`${QUICK} .quick-input-title`, { hasText: 'Columns of discord-members-2026-11-30.csv' }).waitFor({ timeout: 30_000 });
    await page.locator(`${QUICK} .monaco-list-row`, { hasText: '← Email' }).first().waitFor();
    await screenshot(page, 'measure-columns-dark');
    await pick(page, 'Use these columns');
    await fileDialog(page, 'Save the hashed member list', path.join(workspace, 'exports', 'acme-members.sha256'));
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
    await page.locator('.tab', { hasText: 'Untitled' }).first().waitFor({ timeout: 20_000 });
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'measure-tracker-preview-dark');
    await dialog.locator('.monaco-button', { hasText: 'Create 3 Records' }).click();
    await toast(page, /Partnership records imported into partnerships\/: 3\./);
    for (const f of ['figma-friends.md', 'open-source-friday.md', 'cafe-and-code.md']) assert.ok(fs.existsSync(path.join(workspace, 'partnerships', f)), f);
    assert.strictEqual(fs.readFileSync(path.join(workspace, 'partnerships', 'rust-berlin.md'), 'utf8'), rustBefore);
    assert.match(fs.readFileSync(path.join(workspace, 'partnerships', 'cafe-and-code.md'), 'utf8'), /- Types: Swag drop/);

    // Export Calendar: one file, parsed by a standard parser.
    await runCommand(page, 'Community Partnerships: Export Calendar');
    await fileDialog(page, 'Save the calendar', path.join(workspace, 'partnerships.ics'));
    await toast(page, /Written to partnerships\.ics: \d+ check-ins and \d+ review dates/);
    await screenshot(page, 'measure-calendar-dark');
    const events = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(workspace, 'partnerships.ics'), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.some((e) => e.summary.includes('Design Systems Guild')));
    assert.ok(events.some((e) => e.summary === 'Partnership review: Open Source Friday' || e.summary.startsWith('Check-in') && e.summary.includes('Open Source Friday')));
  });
});
