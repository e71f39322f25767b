// Runs the integration suites that need no Node API (test/web/index.ts lists them) in VS Code's
// web worker extension host, the host of vscode.dev and github.dev: the same offline VS Code
// server, with the extension forced into the worker by the `remote.extensionKind` user setting.
// The suites are bundled for the browser (mocha's browser build, a small `assert`), and the
// result is read from a file the worker writes into the test workspace.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT, ensureTestHost, startServer, workbenchUrl } from './lib/host.mjs';
import { openBrowser, openWorkbench } from './lib/workbench.mjs';
import { copyWorkspace, tempDir } from './lib/fixtures.mjs';
import { buildAll } from './lib/steps.mjs';
import { WEB_HOST_SETTINGS } from './lib/webHost.mjs';
import { webPlatform } from './lib/webPlatform.mjs';

const TIMEOUT_MS = 10 * 60_000;

/** The web test bundle: inside the extension folder, so the worker that hosts the extension runs it. */
async function bundleTests() {
  const outfile = join(ROOT, 'out', 'test', 'web', 'index.js');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'web', 'index.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
    sourcemap: 'inline',
    alias: { 'node:assert': join(ROOT, 'test', 'lib', 'assert.web.ts'), 'node:assert/strict': join(ROOT, 'test', 'lib', 'assert.web.ts') },
    define: { global: 'globalThis' },
    inject: [join(ROOT, 'scripts', 'shims', 'buffer.web.mjs')],
    plugins: [webPlatform],
  });
  return outfile;
}

export async function runWeb({ build = true } = {}) {
  if (build) buildAll();
  ensureTestHost();
  const testsPath = await bundleTests();
  const ws = copyWorkspace('workspace');
  const data = tempDir('cp-web-');
  mkdirSync(join(data.dir, 'user', 'User'), { recursive: true });
  writeFileSync(
    join(data.dir, 'user', 'User', 'settings.json'),
    JSON.stringify({ ...WEB_HOST_SETTINGS, 'security.workspace.trust.enabled': false, 'files.autoSave': 'off', 'workbench.startupEditor': 'none' }),
  );
  const server = await startServer({ dataDir: data.dir });
  const browser = await openBrowser();
  const resultFile = join(ws.dir, '.web-test-output', 'web-results.json');
  const consoleErrors = [];
  let exitCode;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      const text = m.text();
      const at = text.indexOf('[web tests] ');
      if (at >= 0) console.log('  ' + text.slice(at + '[web tests] '.length));
      else if (m.type() === 'error') consoleErrors.push(text);
    });
    // Called by the workbench with 0 or 1 when the tests end.
    await page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
    });
    await openWorkbench(browser, workbenchUrl(server, { folder: ws.dir, extensionPath: ROOT, testsPath }), { page });
    const started = Date.now();
    while (exitCode === undefined && Date.now() - started < TIMEOUT_MS) await new Promise((r) => setTimeout(r, 250));
    // The worker may still be finishing its write when the exit call arrives.
    while (!(existsSync(resultFile) && statSync(resultFile).size > 0) && Date.now() - started < TIMEOUT_MS) await new Promise((r) => setTimeout(r, 250));
    if (!existsSync(resultFile)) {
      console.error(`  The web tests did not report a result (exit ${exitCode}). Browser console errors:\n` + consoleErrors.slice(-20).join('\n'));
      return { passed: 0, failed: 1, pending: 0 };
    }
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    if (result.host !== 'web worker') {
      console.error(`  The web tests ran in the ${result.host} host, not the web worker host.`);
      return { ...result, failed: result.failed + 1 };
    }
    mkdirSync(join(ROOT, '.test-output'), { recursive: true });
    writeFileSync(join(ROOT, '.test-output', 'web-results.json'), JSON.stringify(result, null, 2));
    return result;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    ws.remove();
    data.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runWeb();
  console.log(`integration, web worker host: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
}
