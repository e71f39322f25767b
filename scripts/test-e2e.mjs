// End-to-end tests: playwright-core drives Debian's Chromium against the real VS Code (the
// offline test host's web workbench) with the extension loaded, as a user would. The suites in
// test/e2e get a harness (one server and one browser) through a global; screenshots are saved
// under .test-output/screenshots/.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureTestHost, installVsix, startServer, workbenchUrl, vscodeVersion } from './lib/host.mjs';
import { openBrowser, openWorkbench } from './lib/workbench.mjs';
import { copyWorkspace, tempDir } from './lib/fixtures.mjs';
import { buildAll } from './lib/steps.mjs';
import { WEB_HOST_SETTINGS } from './lib/webHost.mjs';

export async function runE2E({ build = true, grep } = {}) {
  if (build) buildAll();
  ensureTestHost();
  const screenshots = join(ROOT, '.test-output', 'screenshots');
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const browser = await openBrowser();
  const cleanups = [];
  globalThis.__communityPartnershipsE2E = {
    screenshots,
    vscodeVersion: vscodeVersion(),
    /** A fresh server, a fresh copy of a fixture workspace, and a page on the workbench. */
    async open(fixture, { theme = 'dark', viewport, host = 'node', vsix } = {}) {
      const ws = copyWorkspace(fixture);
      const data = tempDir('cp-e2e-');
      // vsix: the packaged extension installed into the server, as a user installs it, in place of
      // the extension under development.
      if (vsix) installVsix(data.dir, vsix);
      const server = await startServer({ dataDir: data.dir });
      // A fresh profile: no walkthrough, the test folder trusted (Restricted Mode has its own tests).
      mkdirSync(join(data.dir, 'user', 'User'), { recursive: true });
      writeFileSync(
        join(data.dir, 'user', 'User', 'settings.json'),
        JSON.stringify({
          'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'files.autoSave': 'off',
          // host 'web': the extension runs in the web worker extension host, as on vscode.dev.
          ...(host === 'web' ? WEB_HOST_SETTINGS : {}),
        }),
      );
      const url = workbenchUrl(server, { folder: ws.dir, extensionPath: vsix ? undefined : ROOT });
      const page = await openWorkbench(browser, url, { colorScheme: theme, viewport });
      // In the web workbench user settings live in the browser: pick the theme as a user does.
      await setColorTheme(page, theme === 'light' ? 'Light Modern' : 'Dark Modern');
      const close = async () => {
        await page.context().close().catch(() => {});
        server.stop();
        ws.remove();
        data.remove();
      };
      cleanups.push(close);
      return { page, workspace: ws.dir, close };
    },
  };
  try {
    const { default: Mocha } = await import('mocha');
    const mocha = new Mocha({ timeout: 120_000, reporter: 'spec', grep });
    const dir = join(ROOT, 'out', 'test', 'e2e');
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(dir, f));
    const stats = await new Promise((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats));
    });
    return { passed: stats.passes, failed: stats.failures, pending: stats.pending };
  } finally {
    for (const c of cleanups) await c();
    await browser.close().catch(() => {});
  }
}

async function setColorTheme(page, name) {
  const input = page.locator('.quick-input-widget input.input');
  for (let attempt = 0; attempt < 5; attempt++) {
    // "Preferences: Color Theme" has its own keybinding; the palette's first match is the marketplace.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      await page.waitForTimeout(1_000); // the workbench is still restoring: try again
      continue;
    }
    await input.fill(name);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      await page.keyboard.press('Escape');
      continue;
    }
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    return;
  }
  throw new Error(`could not switch the colour theme to ${name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const grepIndex = process.argv.indexOf('--grep');
  const r = await runE2E({ grep: grepIndex > 0 ? process.argv[grepIndex + 1] : undefined });
  console.log(`end-to-end: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
}
