// Opens the web workbench of the test host in Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './host.mjs';

export async function openBrowser({ headless = true } = {}) {
  const executablePath = ensureChromium();
  return chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS });
}

/** A page on the workbench (a new one, or `page` as set up by the caller); resolves once `.monaco-workbench` is up. */
export async function openWorkbench(browser, url, { colorScheme = 'dark', viewport = { width: 1400, height: 900 }, onConsole, page: given } = {}) {
  const page = given ?? (await (await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 })).newPage());
  if (onConsole) page.on('console', onConsole);
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return page;
}

/**
 * Waits until the workbench has settled: every webview on screen has loaded, and the focus has
 * stayed where it is for half a second. A webview that is still loading, or a panel just
 * revealed, takes the focus a moment later (VS Code focuses a webview once its page has loaded),
 * and that closes a quick pick opened in between, or swallows the key that would have opened it.
 */
export async function settleWorkbench(page, timeout = 30_000) {
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
