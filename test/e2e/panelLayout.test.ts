import * as assert from 'node:assert';
import type { FrameLocator, Page } from 'playwright-core';
import { e2e, pageWidth, runCommand, screenshot, webview, type Session } from './harness';

/**
 * What a user sees go wrong in a form page: it scrolls sideways, a control runs past the right
 * edge, or two controls (fields, buttons, selects, icons) cover each other.
 */
async function layoutProblems(view: FrameLocator): Promise<string[]> {
  // The page's DOM (this runs in the webview; the test project has no DOM types).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return view.locator('body').evaluate((body: any) => {
    const doc = body.ownerDocument;
    const problems: string[] = [];
    const root = doc.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${root.clientWidth}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const name = (el: any): string => {
      const label = el.getAttribute('aria-label') ?? (el as unknown as { label?: string }).label ?? el.textContent ?? '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${String(label).trim().slice(0, 30)}"`;
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const boxes: { el: any; what: string; left: number; top: number; right: number; bottom: number }[] = [];
    const controls = doc.querySelectorAll('#app vscode-textfield, #app vscode-textarea, #app vscode-checkbox, #app select, #app button, #app input, #app textarea, #app .codicon');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // A control no one sees (the radio of a segmented control: its label shows the choice, and
      // the focus ring) covers nothing.
      const style = doc.defaultView.getComputedStyle(el);
      if (style.opacity === '0' || style.visibility === 'hidden') continue;
      boxes.push({ el, what: name(el), left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      // The input inside a custom control must stay inside the control.
      const inner = el.shadowRoot?.querySelector('input, textarea');
      if (inner) {
        const i = inner.getBoundingClientRect();
        if (i.right > r.right + 0.5 || i.left < r.left - 0.5) problems.push(`${name(el)}: its input (${Math.round(i.left)}–${Math.round(i.right)}) is wider than the control (${Math.round(r.left)}–${Math.round(r.right)})`);
      }
      if (r.right > root.clientWidth + 0.5) problems.push(`${name(el)} runs past the right edge: ${Math.round(r.right)} > ${root.clientWidth}`);
      if (r.left < -0.5) problems.push(`${name(el)} starts left of the page: ${Math.round(r.left)}`);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        // An icon inside its button is part of it.
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const hgt = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0.5 && hgt > 0.5) problems.push(`${a.what} and ${b.what} overlap by ${Math.round(w)}×${Math.round(hgt)} px`);
      }
    }
    return problems;
  });
}

/** Sets the window so that the editor's webview is about `width` px wide (the side bar closed). */
async function editorWidth(session: Session, view: FrameLocator, width: number): Promise<number> {
  let windowWidth = width + 60;
  for (let attempt = 0; attempt < 3; attempt++) {
    await session.setViewport({ width: windowWidth, height: 900 });
    await session.page.waitForTimeout(300);
    const got = await pageWidth(view);
    if (Math.abs(got - width) <= 2) return got;
    windowWidth += width - got;
  }
  return pageWidth(view);
}

async function closeSidebar(page: Page): Promise<void> {
  if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
}

describe('Agreement Checklist layout at 400, 511, 800 and 1,200 px: no sideways scroll, no overlapping controls', () => {
  let session: Session;
  before(async function () {
    this.timeout(180_000);
    session = await e2e().open('workspace', { theme: 'dark', viewport: { width: 1300, height: 900 } });
  });
  after(async () => session?.close());

  for (const theme of ['dark', 'light'] as const) {
    it(`in the ${theme} theme, at every width the page fits its column and no two controls cover each other`, async function () {
      this.timeout(300_000);
      const { page } = session;
      await session.setTheme(theme);
      await closeSidebar(page);
      await runCommand(page, 'Community Partnerships: Open Agreement Checklist');
      const view = await webview(page, 'Partnership Agreement');
      await view.locator('#generate').waitFor();
      // Two metrics, long values: the row the Target field used to cover the delete icon in.
      if ((await view.locator('.metric-row').count()) < 2) await view.locator('.metrics > button').click();
      for (const width of [400, 511, 800, 1200]) {
        const got = await editorWidth(session, view, width);
        assert.ok(Math.abs(got - width) <= 4, `the agreement page is ${got} px wide, not ${width}`);
        // The last sections too: scroll through the page; the layout is checked once, on all of it.
        const problems = await layoutProblems(view);
        await view.locator('#item-timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `agreement-layout-${width}-${theme}`);
        await view.locator('#item-success').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `agreement-layout-${width}-${theme}-metrics`);
        assert.deepStrictEqual(problems, [], `at ${width} px in ${theme}`);
      }
    });
  }
});

/** The box of an element in the webview, and the webview's own height. */
async function boxIn(view: FrameLocator, selector: string): Promise<{ top: number; bottom: number; left: number; right: number; viewHeight: number }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return view.locator(selector).first().evaluate((el: any) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, viewHeight: el.ownerDocument.documentElement.clientHeight };
  });
}

describe('Pitch at 511 px beside the sidebar: the preview in sight while typing; a used pitch is not restored', () => {
  let session: Session;
  before(async function () {
    this.timeout(180_000);
    session = await e2e().open('workspace', { theme: 'light', viewport: { width: 1100, height: 800 } });
  });
  after(async () => session?.close());

  it('with the first field focused, the preview is on screen and does not cover the field (dark and light)', async function () {
    this.timeout(300_000);
    const { page } = session;
    // The sidebar open, as it is by default.
    if (!(await page.locator('.part.sidebar').isVisible())) await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'Community Partnerships: Draft Outreach Pitch');
    const view = await webview(page, 'Draft Outreach Pitch');
    await view.locator('#field-communityName').waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await session.setTheme(theme);
      for (const width of [511, 1000]) {
        let windowWidth = 1100;
        for (let attempt = 0; attempt < 3; attempt++) {
          await session.setViewport({ width: windowWidth, height: 800 });
          await page.waitForTimeout(300);
          windowWidth += width - (await pageWidth(view));
        }
        const got = await pageWidth(view);
        assert.ok(Math.abs(got - width) <= 4, `the pitch page is ${got} px wide, not ${width}`);
        await view.locator('#field-communityName').focus();
        await page.keyboard.press('End');
        await page.keyboard.type(' Berlin');
        const field = await boxIn(view, '#field-communityName');
        const preview = await boxIn(view, '.preview-body');
        // The preview shows the text as it is typed, and at least a few of its lines are on screen.
        assert.match((await view.locator('.preview-body').textContent()) ?? '', /Berlin/);
        const shown = Math.min(preview.bottom, preview.viewHeight) - Math.max(preview.top, 0);
        assert.ok(shown >= 60, `at ${width} px only ${Math.round(shown)} px of the preview are on screen (${Math.round(preview.top)}–${Math.round(preview.bottom)} of ${preview.viewHeight})`);
        assert.ok(field.top >= 0 && field.bottom <= field.viewHeight, `the focused field is off screen at ${width} px`);
        const strip = await boxIn(view, '.preview-strip');
        const overlaps = Math.min(strip.bottom, field.bottom) - Math.max(strip.top, field.top) > 0 && Math.min(strip.right, field.right) - Math.max(strip.left, field.left) > 0;
        assert.ok(!overlaps, `the preview covers the focused field at ${width} px`);
        // Not the editor's monospace font.
        const font = await view.locator('.preview-body').evaluate((el: unknown) => (el as { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { fontFamily: string } } } }).ownerDocument.defaultView.getComputedStyle(el).fontFamily);
        assert.doesNotMatch(font, /mono|courier|consolas|menlo/i, font);
        await screenshot(page, `pitch-preview-${width}-${theme}`);
        await page.keyboard.press('Backspace');
        for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
      }
    }
  });

  it('after Copy, the next open starts from the context, without the previous partner', async function () {
    this.timeout(240_000);
    const { page } = session;
    let view = await webview(page, 'Draft Outreach Pitch');
    await view.locator('#field-partnerCommunity').fill('Night Owls Collective');
    await view.locator('#field-partnerName').fill('Ana');
    await view.getByRole('button', { name: 'Copy', exact: true }).click();
    await view.locator('.status', { hasText: 'Copied' }).waitFor({ timeout: 15_000 });
    await page.locator('.tab', { hasText: 'Draft Outreach Pitch' }).locator('.codicon-close, .tab-actions .action-label').first().click();
    await page.locator('.tab', { hasText: 'Draft Outreach Pitch' }).waitFor({ state: 'hidden', timeout: 15_000 });
    await runCommand(page, 'Community Partnerships: Draft Outreach Pitch');
    view = await webview(page, 'Draft Outreach Pitch');
    await view.locator('#field-communityName').waitFor();
    // The context's prefill is there; the used pitch's partner is not.
    await view.locator('.preview-body', { hasText: 'Acme Devs' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_000); // a restored draft would follow the page's `ready`
    assert.strictEqual(await view.locator('#pitch-restored').count(), 0, 'the used pitch was restored');
    assert.strictEqual(await view.locator('#field-partnerCommunity').inputValue(), '');
    assert.doesNotMatch((await view.locator('.preview-body').textContent()) ?? '', /Night Owls|Ana\b/);
    await screenshot(page, 'pitch-after-copy-reopened');
  });
});
