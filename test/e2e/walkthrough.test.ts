import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { e2e, runCommand, screenshot, searchExtensions, settle } from './harness';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Get Started from the extension's details page: VS Code's openWalkthrough replaces an active
 * details page with a Welcome page of its own, which once showed VS Code's walkthrough list
 * instead of ours.
 */
describe('Get Started with the details page open', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async function () {
    this.timeout(300_000);
    // Installed from its .vsix: the Extensions view lists an installed extension, not one under development.
    const vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cp-vsix-')), 'community-partnerships.vsix');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    session = await e2e().open('workspace', { theme: 'light', vsix });
  });
  after(async () => session?.close());

  it("opens the extension's walkthrough, not VS Code's", async () => {
    const { page } = session;
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    await searchExtensions(page, '@installed Community Partnerships');
    const item = page.locator('.extension-list-item', { hasText: 'Community Partnerships' }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await page.locator('.extension-editor').waitFor({ timeout: 30_000 });
    await settle(page);
    await runCommand(page, 'Community Partnerships: Get Started');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);
    await screenshot(page, 'walkthrough-from-details-light');
    await walkthrough.getByText('Get started with Community Partnerships').first().waitFor({ timeout: 30_000 });
    for (const step of ['Create or open your community context', 'Draft a first outreach pitch', 'Create a first partnership', 'Open the planner']) {
      await walkthrough.getByText(step).first().waitFor({ timeout: 10_000 });
    }
  });
});
