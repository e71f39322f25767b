import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { e2e, plannerView, runCommand, screenshot } from './harness';

/*
 * The workspace folder is the boundary, as a user sees it: links made at run time (the context
 * file to /dev/zero, a record to a file outside), a record dated late in 9999, and `$(icon)`
 * syntax in names shown in a quick pick.
 */

const FAR = '---\npartner: Far Future Guild\nstage: active\nstart: 9999-12-20\nreview: 9999-12-31\ncheckIns:\n  - date: 9999-12-30\n---\n\n# Notes\n';
const ICONS = '---\npartner: $(zap) Zap Guild\ncommunity: $(github) Circle\nstage: active\nstart: 2026-01-15\n---\n';

describe('The workspace boundary, end to end (dark theme)', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;
  let outside: string;

  before(async () => {
    session = await e2e().open('hostile-workspace', { theme: 'dark', viewport: { width: 1400, height: 1000 } });
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-e2e-outside-'));
  });
  after(async () => {
    await session?.close();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('refuses the context as a link to /dev/zero and a record linked outside, shows a far-dated record, and escapes $(icon) in quick picks', async () => {
    const { page, workspace } = session;
    const outsideRecord = path.join(outside, 'secret.md');
    fs.writeFileSync(outsideRecord, '---\npartner: Outside Secret Partner\nstage: active\n---\n');
    const before = fs.readFileSync(outsideRecord, 'utf8');
    const context = path.join(workspace, '.claude', 'community-context.md');
    fs.rmSync(context);
    fs.symlinkSync(fs.existsSync('/dev/zero') ? '/dev/zero' : outsideRecord, context);
    fs.symlinkSync(outsideRecord, path.join(workspace, 'partnerships', 'linked.md'));
    fs.writeFileSync(path.join(workspace, 'partnerships', 'far-future.md'), FAR);
    fs.writeFileSync(path.join(workspace, 'partnerships', 'icon-guild.md'), ICONS);

    // The status bar says the context cannot be used; the workbench stays responsive.
    await page.locator('.statusbar-item', { hasText: 'Community context' }).waitFor({ timeout: 60_000 });

    // The planner: the link is listed as broken with its reason, the far-dated record shows.
    const container = page.locator('.activitybar .action-item a[aria-label^="Community Partnerships"]').first();
    await container.click();
    const view = await plannerView(page);
    const linked = view.locator('.row', { hasText: 'is a symbolic link' });
    await linked.locator('.stage-badge.broken').waitFor({ timeout: 30_000 });
    assert.strictEqual(await view.locator('.row', { hasText: 'Outside Secret Partner' }).count(), 0, 'nothing from outside is listed');
    assert.match((await linked.textContent()) ?? '', /^linked/);
    await linked.click();
    await view.locator('#section-record', { hasText: 'symbolic link' }).waitFor({ timeout: 15_000 });

    await view.locator('.row', { hasText: 'Far Future Guild' }).click();
    const record = view.locator('#section-record');
    await record.locator('summary', { hasText: 'Far Future Guild' }).waitFor({ timeout: 20_000 });
    await view.locator('#next-check-in').waitFor({ timeout: 15_000 });
    assert.ok(!((await record.textContent()) ?? '').includes('+010000'), 'no expanded year');
    await record.locator('.notice', { hasText: '3 problems in this file' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'boundary-planner-dark');

    // Problems: the context's reason, in words.
    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel', { hasText: 'symbolic link' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.markers-panel', { hasText: 'between 1900-01-01 and 2999-12-31' }).first().waitFor({ timeout: 20_000 });

    // Log Check-in's record pick: `$(zap)` is shown as typed, never as an icon.
    await runCommand(page, 'Community Partnerships: Log Check-in');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: '$(zap) Zap Guild' });
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    assert.strictEqual(await row.locator('.codicon-zap').count(), 0, 'no icon from the name');
    assert.ok(((await row.textContent()) ?? '').includes('$(github) Circle'), 'the community as typed');
    assert.strictEqual(await page.locator('.quick-input-list .codicon-github').count(), 0);
    await screenshot(page, 'boundary-quick-pick-dark');
    await page.keyboard.press('Escape');

    // Export Partnership Report of all records: it opens, one far-dated record breaks nothing.
    await runCommand(page, 'Community Partnerships: Export Partnership Report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'All partnerships' }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'For your team' }).first().click();
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 20_000 });
    assert.strictEqual(await page.locator('.notifications-toasts .notification-toast', { hasText: /failed|error/i }).count(), 0);
    assert.strictEqual(fs.readFileSync(outsideRecord, 'utf8'), before, 'the outside file is unchanged');
  });
});
