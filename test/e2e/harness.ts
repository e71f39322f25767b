import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';

/** What scripts/test-e2e.mjs gives the suites: one browser, a fresh VS Code server per workbench. */
export interface E2E {
  screenshots: string;
  vscodeVersion: string;
  open(fixture: string, options?: { theme?: 'light' | 'dark'; viewport?: { width: number; height: number }; host?: 'node' | 'web'; vsix?: string; locale?: string }): Promise<{ page: Page; workspace: string; close(): Promise<void> }>;
}

export function e2e(): E2E {
  const h = (globalThis as { __communityPartnershipsE2E?: E2E }).__communityPartnershipsE2E;
  if (!h) throw new Error('Run the end-to-end tests with `npm run test:e2e`.');
  return h;
}

/**
 * Waits until the workbench has settled: every webview on screen has loaded, and the focus has
 * stayed where it is for half a second. A webview view that is still loading takes the focus
 * when it is ready (VS Code focuses a view's webview once its page has loaded, if the view was
 * focused meanwhile), and that closes a Command Palette opened in between, or swallows the key
 * that would have opened it: the German suite's palette closed under it about one run in three
 * while the Planner view, opened just before, was still loading.
 */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const loading = [...document.querySelectorAll('iframe.webview')].some((f) => f.getBoundingClientRect().width > 0 && !f.classList.contains('ready'));
      const w = window;
      const now = document.activeElement;
      if (loading || now !== w.__cpFocus) { w.__cpFocus = now; w.__cpSince = Date.now(); return false; }
      return Date.now() - w.__cpSince >= 500;
    })()`,
    undefined,
    { timeout, polling: 100 },
  );
}

/** Runs a command from the Command Palette by its title, as a user does. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await settle(page);
  // Right after start-up the palette may not list extension commands yet: try again.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
    } catch (err) {
      if (attempt >= 3) throw err;
      continue;
    }
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click();
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt >= 3) throw err;
    }
  }
}

/** The content of the visible webview whose editor tab has this title (VS Code nests it in two iframes). */
export async function webview(page: Page, title: string): Promise<FrameLocator> {
  await page.locator('.tab', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const frame = page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('#active-frame').contentFrame();
  await frame.locator('#app *').first().waitFor({ state: 'visible', timeout: 30_000 });
  return frame;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(e2e().screenshots, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The text of the active editor's visible lines. */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.monaco-editor .view-lines').first().locator('.view-line');
  return (await lines.allTextContents()).join('\n').replace(/\u00a0/g, ' ');
}
