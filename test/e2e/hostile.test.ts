import * as assert from 'node:assert';
import type { FrameLocator, Page } from 'playwright-core';
import { e2e, plannerView, runCommand, screenshot, webview } from './harness';

// The fixture's context file and partnership record put these in fields the views display.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_LINK = 'javascript:window.__pwned=1';

/** The flag every payload would set, read in the workbench page and in every (webview) frame. */
async function pwned(page: Page): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const v = await frame.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned).catch(() => undefined);
    if (v !== undefined) seen.push(`${frame.url()}: ${String(v)}`);
  }
  return seen;
}

/** No element a payload would have made, anywhere in the webview's document. */
async function noInjectedElements(frame: FrameLocator): Promise<void> {
  assert.strictEqual(await frame.locator('#app img, #app script, #app style, #app a[href^="javascript:"], #app [onerror]').count(), 0, 'no element from the payload');
  assert.strictEqual(await frame.locator('script', { hasText: '__pwned' }).count(), 0, 'no script from the payload');
  assert.strictEqual(await frame.locator('img[src="x"], [onerror]').count(), 0, 'no image from the payload');
}

// Once: markup is shown as text whatever the theme.
{
  const theme = 'dark';
  describe(`Hostile workspace content in the webviews (${theme} theme)`, () => {
    let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

    before(async () => {
      session = await e2e().open('hostile-workspace', { theme, viewport: { width: 1400, height: 1000 } });
    });
    after(async () => session?.close());

    it('shows HTML, script, javascript: links and </style> from the record and the context as text, and never runs them', async () => {
      const { page } = session;
      // The planner, from the activity bar; select the hostile record.
      const container = page.locator('.activitybar .action-item a[aria-label^="Community Partnerships"]').first();
      await container.waitFor({ state: 'visible', timeout: 60_000 });
      await container.click();
      const view = await plannerView(page);
      const row = view.locator('.row', { hasText: `${IMG}Hostile Guild` });
      await row.waitFor({ timeout: 30_000 });
      await view.locator('.context-line', { hasText: `${IMG}` }).waitFor({ timeout: 15_000 });
      await row.click();
      const record = view.locator('#section-record');
      await record.locator('summary', { hasText: `${IMG}Hostile Guild` }).waitFor({ timeout: 20_000 });
      const shown = (await record.textContent()) ?? '';
      for (const s of [SCRIPT, `${SCRIPT}<a href="${JS_LINK}">link</a>`]) assert.ok(shown.includes(s), `shows ${s} as text`);
      // Owners are filter options: `</style>` there closes nothing.
      const options = await view.locator('#filter-owner option').allTextContents();
      for (const o of [`</style>${IMG}`, JS_LINK]) assert.ok(options.includes(o), `owner option ${o}: ${options.join(' | ')}`);
      await noInjectedElements(view);
      assert.ok(await view.locator('body').isVisible(), 'a </style> in a field did not hide the page');
      await screenshot(page, `hostile-planner-${theme}`);
      assert.deepStrictEqual(await pwned(page), []);

      // Update Community Context: the values are in the inputs, character for character. (The
      // sidebar is closed first: the harness finds the panel as the visible webview.)
      await runCommand(page, 'View: Close Primary Side Bar');
      await view.locator('#section-pipeline').waitFor({ state: 'hidden', timeout: 15_000 });
      await runCommand(page, 'Community Partnerships: Update Community Context');
      const form = await webview(page, 'Update Community Context');
      const name = form.getByLabel('Community Name', { exact: true });
      await name.waitFor({ timeout: 20_000 });
      assert.strictEqual(await name.inputValue(), `${IMG}`);
      assert.strictEqual(await form.getByLabel('One-line description', { exact: true }).inputValue(), `${SCRIPT} builders`);
      assert.strictEqual(await form.getByLabel('Community URL', { exact: true }).inputValue(), JS_LINK);
      // Later sections: `<b>` and `</style>` in values.
      await form.getByRole('button', { name: 'Next' }).click();
      const who = form.getByLabel('Who is this for', { exact: true });
      await who.waitFor({ timeout: 15_000 });
      assert.strictEqual(await who.inputValue(), 'people who type <b>tags</b> into forms');
      assert.strictEqual(await form.getByLabel('Core value proposition', { exact: true }).inputValue(), `[answers](${JS_LINK}) </style><style>body{display:none}</style> within hours`);
      await noInjectedElements(form);
      await screenshot(page, `hostile-context-form-${theme}`);
      assert.deepStrictEqual(await pwned(page), []);

      // The agreement checklist names the sides from the context: in labels, as text.
      await runCommand(page, 'Community Partnerships: Open Agreement Checklist');
      const checklist = await webview(page, 'Partnership Agreement');
      await checklist.getByText(`Primary contact for ${IMG}`).waitFor({ timeout: 20_000 });
      await checklist.getByLabel('Partner community').fill('Design Systems Guild');
      await checklist.getByText('Primary contact for Design Systems Guild').scrollIntoViewIfNeeded();
      await noInjectedElements(checklist);
      await screenshot(page, `hostile-agreement-${theme}`);
      // Side-by-side fields: equal columns, with a gap between them.
      const yours = await checklist.getByLabel('Your community').boundingBox();
      const theirs = await checklist.getByLabel('Partner community').boundingBox();
      assert.ok(yours && theirs);
      assert.ok(Math.abs(yours.width - theirs.width) <= 1, `equal widths: ${yours.width} and ${theirs.width}`);
      assert.ok(theirs.x - (yours.x + yours.width) >= 12, 'a gap between them');
      assert.deepStrictEqual(await pwned(page), []);
    });
  });
}
