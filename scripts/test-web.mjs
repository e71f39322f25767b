// Runs the integration suites that need no Node API (test/web/index.ts lists them) in VS Code's
// web worker extension host, the host of vscode.dev and github.dev: the same offline VS Code
// server, with the extension forced into the worker by the `remote.extensionKind` user setting.
// The suites are bundled for the browser (mocha's browser build, a small `assert`), and the
// result is read from a file the worker writes into the test workspace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT, ensureTestHost, testHost, workbenchUrl } from './lib/host.mjs';
import { runSession } from './lib/session.mjs';
import { buildAll } from './lib/steps.mjs';
import { WEB_HOST_SETTINGS } from './lib/webHost.mjs';
import { webPlatform } from './lib/webPlatform.mjs';

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

export async function runWeb({ build = true, host = testHost() } = {}) {
  if (build) buildAll();
  ensureTestHost({ host });
  const testsPath = await bundleTests();
  const result = await runSession({
    host,
    fixture: 'workspace',
    settings: { ...WEB_HOST_SETTINGS, 'security.workspace.trust.enabled': false, 'files.autoSave': 'off', 'workbench.startupEditor': 'none' },
    url: (server, wsDir) => workbenchUrl(server, { folder: wsDir, extensionPath: ROOT, testsPath }),
    resultFile: (wsDir) => join(wsDir, '.web-test-output', 'web-results.json'),
    setup: async (page) => {
      page.on('console', (m) => {
        const text = m.text();
        const at = text.indexOf('[web tests] ');
        if (at >= 0) console.log('  ' + text.slice(at + '[web tests] '.length));
      });
      // The workbench calls it when the tests end; the result file is what counts.
      await page.exposeFunction('codeAutomationExit', () => {});
    },
  });
  if (result.passed > 0 && result.host !== 'web worker') {
    console.error(`  The web tests ran in the ${result.host ?? 'unnamed'} host, not the web worker host.`);
    return { ...result, failed: result.failed + 1 };
  }
  mkdirSync(join(ROOT, '.test-output'), { recursive: true });
  writeFileSync(join(ROOT, '.test-output', 'web-results.json'), JSON.stringify(result, null, 2));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runWeb();
  console.log(`integration, web worker host: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
}
