import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, runCommand, screenshot, webview } from './harness';

/** Whether the workbench started a web worker extension host (the host of vscode.dev). */
function hasWebWorkerHost(page: Page): boolean {
  return page.frames().some((f) => f.url().includes('webWorkerExtensionHostIframe'));
}

describe('VS Code for the Web: the extension in the web worker extension host', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('workspace', { theme: 'dark', host: 'web', viewport: { width: 1400, height: 1000 } });
  });
  after(async () => session?.close());

  it('drafts a pitch prefilled from the context, opens it as a document, and lists the records in the planner', async () => {
    const { page, workspace } = session;
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).first().waitFor({ timeout: 60_000 });
    assert.ok(hasWebWorkerHost(page), 'a web worker extension host is running');

    await runCommand(page, 'Community Partnerships: Draft Outreach Pitch');
    const form = await webview(page, 'Draft Outreach Pitch');
    const name = form.getByLabel('Community name', { exact: true });
    await name.waitFor();
    assert.strictEqual(await name.inputValue(), 'Acme Devs');
    await form.getByLabel('Contact name').fill('Sam');
    await form.getByText('Hi Sam,').waitFor();
    await screenshot(page, 'web-pitch-dark');
    await form.getByRole('button', { name: 'Open as Document' }).click();
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 20_000 });

    const container = page.locator('.activitybar .action-item a[aria-label^="Community Partnerships"]').first();
    await container.click();
    const view = page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('#active-frame').contentFrame();
    await view.locator('.row', { hasText: 'Design Systems Guild' }).waitFor({ timeout: 30_000 });
    await view.locator('.row', { hasText: 'Design Systems Guild' }).click();
    await view.locator('#section-record summary', { hasText: 'Design Systems Guild' }).waitFor({ timeout: 20_000 });
    await view.locator('#stage-set-contacted').click();
    const file = path.join(workspace, 'partnerships', 'design-systems-guild.md');
    const started = Date.now();
    while (!/\nstage: contacted\n/.test(fs.readFileSync(file, 'utf8')) && Date.now() - started < 20_000) await page.waitForTimeout(100);
    assert.match(fs.readFileSync(file, 'utf8'), /\nstage: contacted\n/, 'the stage change is written from the web worker host');
    await screenshot(page, 'web-planner-dark');
  });
});
