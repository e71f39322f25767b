// Runs test/integration inside the real VS Code extension host (the offline test host, VS Code
// 1.99.3): the web workbench is opened in headless Chromium with the extension under
// development and the tests passed in its `payload`, and the result is read from the file the
// in-host runner writes (the extension host exits 0 even when tests fail).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureTestHost, startServer, workbenchUrl } from './lib/host.mjs';
import { openBrowser, openWorkbench } from './lib/workbench.mjs';
import { copyWorkspace, tempDir } from './lib/fixtures.mjs';
import { buildAll } from './lib/steps.mjs';

const TIMEOUT_MS = 10 * 60_000;

export async function runIntegration({ build = true } = {}) {
  if (build) buildAll();
  ensureTestHost();
  const out = join(ROOT, '.test-output');
  const resultFile = join(out, 'integration-results.json');
  const logFile = join(out, 'integration.log');
  rmSync(resultFile, { force: true });
  rmSync(logFile, { force: true });

  const ws = copyWorkspace('workspace');
  const data = tempDir('cp-host-');
  // Trust the test workspace, as a user who opened their own repo would (Restricted Mode has its own tests).
  mkdirSync(join(data.dir, 'user', 'User'), { recursive: true });
  writeFileSync(join(data.dir, 'user', 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false }));
  const server = await startServer({ dataDir: data.dir });
  const browser = await openBrowser();
  const consoleErrors = [];
  let printed = 0;
  const flush = () => {
    if (!existsSync(logFile)) return;
    const text = readFileSync(logFile, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed).replace(/^/gm, '  '));
      printed = text.length;
    }
  };
  try {
    const url = workbenchUrl(server, {
      folder: ws.dir,
      extensionPath: ROOT,
      testsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    });
    await openWorkbench(browser, url, {
      onConsole: (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); },
    });
    const started = Date.now();
    while (!existsSync(resultFile) && Date.now() - started < TIMEOUT_MS) {
      flush();
      await new Promise((r) => setTimeout(r, 250));
    }
    flush();
    if (!existsSync(resultFile) || statSync(resultFile).size === 0) {
      console.error('  The integration tests did not report a result. Browser console errors:\n' + consoleErrors.slice(-20).join('\n'));
      return { passed: 0, failed: 1, pending: 0 };
    }
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    return result;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    ws.remove();
    data.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runIntegration();
  console.log(`integration (VS Code ${r.vscodeVersion ?? '?'}): ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
}
