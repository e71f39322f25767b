import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { e2e, runCommand, screenshot, searchExtensions } from './harness';

/** What the page reports of an <img> (the tests compile without the DOM library). */
type Img = { complete: boolean; naturalWidth: number };

const ROOT = path.resolve(__dirname, '../../..');

/** `npm run package`, into a temporary folder. */
function packageVsix(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cp-vsix-')), 'community-partnerships.vsix');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), out], { cwd: ROOT, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
  assert.doesNotMatch(r.stderr + r.stdout, /WARNING/, 'vsce warns about the package');
  return out;
}

/** Whether every <img> in a frame has loaded (naturalWidth > 0), and how many there are. */
async function images(frame: FrameLocator): Promise<{ count: number; broken: string[] }> {
  const imgs = frame.locator('img');
  const count = await imgs.count();
  const broken: string[] = [];
  for (let i = 0; i < count; i++) {
    const ok = await imgs.nth(i).evaluate((el) => (el as unknown as Img).complete && (el as unknown as Img).naturalWidth > 0);
    if (!ok) broken.push((await imgs.nth(i).getAttribute('src')) ?? '?');
  }
  return { count, broken };
}

describe('The package, installed from its .vsix', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;
  let page: Page;

  before(async function () {
    this.timeout(300_000);
    session = await e2e().open('workspace', { theme: 'light', vsix: packageVsix(), viewport: { width: 1400, height: 1000 } });
    page = session.page;
  });
  after(async () => session?.close());

  it('shows its icon in the Extensions view and its README with its images on the details page', async () => {
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    await searchExtensions(page, '@installed Community Partnerships');
    const item = page.locator('.extension-list-item', { hasText: 'Community Partnerships' }).first();
    await item.waitFor({ timeout: 30_000 });
    const icon = item.locator('img.icon');
    await icon.waitFor();
    await page.waitForFunction((el) => (el as unknown as Img).complete, await icon.elementHandle());
    assert.ok(await icon.evaluate((el) => (el as unknown as Img).naturalWidth >= 128), 'the 128 px icon, not the default one');
    await item.click();
    const editor = page.locator('.extension-editor');
    await editor.waitFor({ timeout: 30_000 });
    assert.ok(await editor.locator('.header img.icon').evaluate((el) => (el as unknown as Img).naturalWidth >= 128), 'the icon on the details page');
    const readme = page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('#active-frame').contentFrame();
    await readme.locator('h1', { hasText: 'Community Partnerships' }).waitFor({ timeout: 30_000 });
    let result = await images(readme);
    for (let i = 0; i < 50 && (result.count === 0 || result.broken.length > 0); i++) {
      await page.waitForTimeout(200);
      result = await images(readme);
    }
    assert.ok(result.count >= 2, `the README's screenshots are there (${result.count})`);
    assert.deepStrictEqual(result.broken, [], 'every README image loads');
    // A link to another file of the repository goes to the repository: the page has no files.
    const contributing = readme.locator('a', { hasText: 'CONTRIBUTING.md' }).first();
    assert.match((await contributing.getAttribute('href')) ?? '', /^https:\/\/github\.com\/.+\/blob\/HEAD\/CONTRIBUTING\.md$/);
    await screenshot(page, 'package-details-light');
  });

  it('opens its walkthrough from Get Started', async () => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Community Partnerships: Get Started');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-category', { hasText: 'Get started with Community Partnerships' }).or(walkthrough.getByText('Get started with Community Partnerships')).first().waitFor({ timeout: 30_000 });
    for (const step of ['Create or open your community context', 'Draft a first outreach pitch', 'Create a first partnership', 'Open the planner']) {
      await walkthrough.getByText(step).first().waitFor({ timeout: 10_000 });
    }
    await screenshot(page, 'walkthrough-light');
  });
});
