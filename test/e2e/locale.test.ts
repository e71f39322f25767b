import * as assert from 'node:assert';
import { e2e, runCommand, screenshot } from './harness';

describe('In German (display language de)', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('workspace', { theme: 'light', locale: 'de' });
  });
  after(async () => session?.close());

  it('names the commands, the view and the walkthrough in German', async () => {
    const { page } = session;
    const container = page.locator('.activitybar .action-item a[aria-label^="Community-Partnerschaften"]').first();
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
    await page.locator('.sidebar .title-label', { hasText: /Planer/i }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Community-Partnerschaften');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Community-Partnerschaften: Anfrage an eine Partner-Community entwerfen' }).first().waitFor({ timeout: 15_000 });
    const titles = await rows.allTextContents();
    assert.ok(titles.some((t) => t.includes('Community-Partnerschaften: Community-Kontext anlegen')), titles.join(' | '));
    await screenshot(page, 'locale-de-palette-light');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Community-Partnerschaften: Erste Schritte');
    await page.locator('.gettingStartedContainer').getByText('Erste Schritte mit Community-Partnerschaften').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'locale-de-walkthrough-light');
  });
});
