import * as assert from 'node:assert';
import { e2e, runCommand, screenshot, settle } from './harness';

/**
 * The display language German (the test language pack in test/fixtures/language-pack-de leaves
 * VS Code's own strings in English): the extension's commands, its notification and its status
 * bar entry come from package.nls.de.json and l10n/bundle.l10n.de.json.
 */
describe('In German (display language de)', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('empty-workspace', { theme: 'light', locale: 'de' });
  });
  after(async () => session?.close());

  it('lists the commands in German in the Command Palette', async () => {
    const { page } = session;
    // The view container in German; opening it loads the Planner's webview, which takes the focus
    // once loaded: the palette is opened only after that (settle), or it would close under us.
    const container = page.locator('.activitybar .action-item a[aria-label^="Community-Partnerschaften"]').first();
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
    await page.locator('.sidebar .title-label', { hasText: /Planer/i }).first().waitFor({ timeout: 30_000 });
    await settle(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    // Each title as the palette finds it; VS Code shows the English title beside a translated one.
    for (const title of ['Community-Kontext anlegen', 'Community-Kontext öffnen', 'Neue Partnerschaft', 'Anfrage an eine Partner-Community entwerfen']) {
      await input.fill(`>Community-Partnerschaften: ${title}`);
      const row = rows.filter({ has: page.locator('.label-name', { hasText: `Community-Partnerschaften: ${title}` }) }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
    }
    await input.fill('>Community-Partnerschaften');
    await rows.first().waitFor({ state: 'visible' });
    // A row's first label is its title; the English original, if any, follows in a second one.
    const names: string[] = [];
    for (const row of await rows.all()) names.push(((await row.locator('.label-name').first().textContent()) ?? '').trim());
    const ours = names.filter((n) => /Community/.test(n));
    assert.ok(ours.length >= 5, names.join(' | '));
    assert.deepEqual(ours.filter((n) => !n.startsWith('Community-Partnerschaften: ')), [], 'every title of the extension in German');
    await screenshot(page, 'l10n-de-palette-light');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });

  it('says in German that the folder has no context yet, offers to create it, and shows it in the status bar', async () => {
    const { page } = session;
    await runCommand(page, 'Community-Partnerschaften: Community-Kontext öffnen');
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'hat noch keine Datei' }).first();
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
    assert.match(message, /^Der Ordner \S+ hat noch keine Datei \.claude\/community-context\.md\.$/);
    await toast.locator('.monaco-button', { hasText: 'Community-Kontext anlegen' }).first().waitFor({ state: 'visible' });

    const item = page.locator('.statusbar-item', { hasText: 'Community-Kontext einrichten' }).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const label = (await item.getAttribute('aria-label')) || (await item.locator('[aria-label]').first().getAttribute('aria-label')) || '';
    assert.match(label, /^Kein Community-Kontext in \S+\. Aktivieren, um einen anzulegen\.$/);
    await screenshot(page, 'l10n-de-notification-status-light');
  });
});
