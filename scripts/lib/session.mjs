// One test session in the real VS Code: a fresh copy of a fixture workspace, a fresh user data
// folder with the given settings, the offline server, the workbench in headless Chromium, and
// the wait for the result file the in-host runner writes. Used by the integration runs (Node
// extension host) and the web worker host run.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, testHost, vscodeVersion } from './host.mjs';
import { openBrowser, openWorkbench } from './workbench.mjs';
import { copyWorkspace, tempDir } from './fixtures.mjs';

const TIMEOUT_MS = 10 * 60_000;

/**
 * Runs one session and returns the parsed result file, or `{ passed: 0, failed: 1 }` with the
 * browser's last console errors printed when none came.
 * - `fixture`: the folder under test/fixtures to copy;
 * - `settings`: the user settings;
 * - `env`: extra environment for the server (and so the extension host);
 * - `url(server, wsDir)`: the workbench URL;
 * - `resultFile(wsDir)`: where the runner writes its result;
 * - `setup(page)`: hooks on the page before the workbench loads (console, exposed functions);
 * - `tick()`: called while waiting (to print progress);
 * - `host`: the VS Code to run in (host.mjs testHost()).
 */
export async function runSession({ fixture, settings, env, url, resultFile, setup, tick = () => {}, host = testHost() }) {
  const ws = copyWorkspace(fixture);
  const data = tempDir('cp-host-');
  mkdirSync(join(data.dir, 'user', 'User'), { recursive: true });
  // The version the tests expect to run in (test/integration/activation.test.ts).
  writeFileSync(join(data.dir, 'user', 'User', 'settings.json'), JSON.stringify({ ...settings, 'communityPartnershipsTests.vscodeVersion': vscodeVersion(host) }));
  const server = await startServer({ dataDir: data.dir, env, host, tests: true });
  const browser = await openBrowser();
  const consoleErrors = [];
  const file = resultFile(ws.dir);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await setup?.(page);
    await openWorkbench(browser, url(server, ws.dir), { page });
    const started = Date.now();
    // The runner may still be finishing its write when the file appears.
    while (!(existsSync(file) && statSync(file).size > 0) && Date.now() - started < TIMEOUT_MS) {
      tick();
      await new Promise((r) => setTimeout(r, 250));
    }
    tick();
    if (!existsSync(file) || statSync(file).size === 0) {
      console.error('  The tests did not report a result. Browser console errors:\n' + consoleErrors.slice(-20).join('\n'));
      return { passed: 0, failed: 1, pending: 0 };
    }
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // Caught mid-write: once more, a moment later.
      await new Promise((r) => setTimeout(r, 500));
      return JSON.parse(readFileSync(file, 'utf8'));
    }
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    ws.remove();
    data.remove();
  }
}
