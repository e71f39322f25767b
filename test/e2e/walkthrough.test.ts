import { e2e, runCommand, screenshot, settle } from './harness';

/**
 * Get Started from the extension's details page: VS Code's openWalkthrough replaces an active
 * details page with a Welcome page of its own, which once showed VS Code's walkthrough list
 * instead of ours.
 */
describe('Get Started with the details page open', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('workspace', { theme: 'light' });
  });
  after(async () => session?.close());

  it("opens the extension's walkthrough, not VS Code's", async () => {
    const { page } = session;
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    const search = page.locator('.extensions-viewlet .monaco-editor textarea, .extensions-viewlet .suggest-input-container textarea').first();
    await search.waitFor({ timeout: 30_000 });
    await search.fill('@installed Community Partnerships');
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
    for (const step of ['Create or open your community context', 'Draft a first outreach pitch', 'Create a first partnership', 'Open the planner']) {
      await walkthrough.getByText(step).first().waitFor({ timeout: 10_000 });
    }
  });
});
