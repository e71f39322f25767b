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
