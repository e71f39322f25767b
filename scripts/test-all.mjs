// `npm test`: installs what it lacks (npm dependencies, the VS Code test host, Chromium), builds
// the release bundle, checks types, lint and the bundle budget, then runs the unit tests (plain
// Node), the integration tests (inside the real VS Code extension host) and the end-to-end tests
// (the real VS Code in Chromium), and prints the real counts of each.
import { ensureNpmDeps } from './lib/deps.mjs';

ensureNpmDeps();
const { readFileSync, readdirSync } = await import('node:fs');
const { join } = await import('node:path');
const { ROOT, checkTestHost, ensureTestHost, testHost } = await import('./lib/host.mjs');
const { OLDEST_SMOKE } = await import('./lib/host139.mjs');
// Every suite on VS Code 1.139 (what people run today), a smoke set on 1.99.3 (the oldest tested).
const currentHost = testHost('1.139');
const oldestHost = testHost('1.99');
const { buildAll, shAsync } = await import('./lib/steps.mjs');

const rows = [];
const started = Date.now();
// Each step's time, for the summary: where the minutes go.
const times = [];
let current;
const step = (title) => {
  lap();
  current = { title, at: Date.now() };
  console.log(`\n━━ ${title}`);
};
function lap() {
  if (current) times.push({ title: current.title, seconds: (Date.now() - current.at) / 1000 });
  current = undefined;
}
/** Runs one timed part of a step (shown under it in the summary). */
function timed(title, fn) {
  const at = Date.now();
  const done = () => times.push({ title: `  ${title}`, seconds: (Date.now() - at) / 1000 });
  const r = fn();
  if (r instanceof Promise) return r.finally(done);
  done();
  return r;
}

try {
  // Install and check the hosts first, so a missing piece is one line before minutes of work.
  step('Test host');
  await checkTestHost(currentHost);
  ensureTestHost({ host: oldestHost });
  console.log('VS Code test hosts (1.139 and 1.99.3), their ripgrep and Chromium: ready');

  step('Build');
  // Two chains side by side, one per core, neither timing-sensitive: the build (the release
  // bundle, then the compiled tests) and the checks of the sources (the webview pages' types,
  // then lint). Each prints its output when it ends, so the two do not interleave.
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // What `npm run package` would put in the .vsix, listed once the bundle is there, while lint runs.
  let listed;
  await Promise.all([
    timed('release bundle and compiled tests, then the .vsix listing', async () => {
      await buildAll();
      listed = await listPackage();
    }),
    timed('type-checking the webview pages, then lint', async () => {
      await shAsync(process.execPath, [tsc, '-p', 'tsconfig.webview.json'], 'Type-checking the webview scripts');
      await shAsync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src', 'test', 'scripts'], 'Lint');
    }),
  ]);
  const { bundleSizes, kb, ENTRY_BUDGET, NODE_HOST_BUDGET } = await import('./lib/bundles.mjs');
  const sizes = bundleSizes();
  const entryOk = sizes.entry > 0 && sizes.entry <= ENTRY_BUDGET;
  const nodeHostOk = sizes.lazy > 0 && sizes.nodeHost <= NODE_HOST_BUDGET;
  console.log(`dist/extension.js: ${kb(sizes.entry)} of the ${kb(ENTRY_BUDGET)} budget${entryOk ? '' : ' — OVER BUDGET'}`);
  // The Node host's total is a target of `npm run bench` (code per command, not reached yet: it
  // reports the figure as missed); here it is printed against the same target, never raised, and
  // only the entry's budget, which activation pays, fails the run.
  console.log(`dist/lazy.js (loaded on first use): ${kb(sizes.lazy)}; the Node host's bundles together: ${kb(sizes.nodeHost)} against the ${kb(NODE_HOST_BUDGET)} target${nodeHostOk ? '' : ' — TARGET MISSED (npm run bench reports it)'}`);
  console.log(`dist/web/extension.js (VS Code for the Web, one file): ${kb(sizes.web)}`);
  console.log(`webview scripts: ${sizes.webviews.map((w) => `${w.file.slice('dist/webview/'.length)} ${kb(w.bytes)}`).join(', ')}`);
  const bundleOk = entryOk && sizes.lazy > 0 && sizes.web > 0;
  rows.push({ name: 'bundle budget', passed: bundleOk ? 1 : 0, failed: bundleOk ? 0 : 1 });

  // What `npm run package` would put in the .vsix: only what users need.
  const ls = listed;
  const packaged = ls.stdout.split('\n').filter(Boolean);
  const strays = packaged.filter((f) => /^(src|test|scripts|node_modules|out|demo|media\/screenshots|\.vscode-test|\.test-output)\//.test(f) || f.endsWith('.map'));
  const packageOk = ls.status === 0 && ['dist/extension.js', 'dist/lazy.js', 'dist/web/extension.js', 'dist/overlap.js', 'dist/psiWorker.js', 'dist/mcp/server.js', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json'].every((f) => packaged.includes(f)) && strays.length === 0;
  console.log(`.vsix contents: ${packaged.length} files${strays.length ? `, including ${strays.join(', ')}` : ''}${packageOk ? '' : ' — NOT AS EXPECTED'}`);
  rows.push({ name: 'package contents', passed: packageOk ? 1 : 0, failed: packageOk ? 0 : 1 });

  step('Unit tests (plain Node)');
  rows.push({ name: 'unit', ...(await runUnit()) });

  step('Integration tests (inside the VS Code extension host)');
  const { runIntegration, runIntegrationSessions } = await import('./test-integration.mjs');
  // The cases that link files to devices run in a session of their own (see DEVICE_CASES).
  const { devices, rest } = await timed('devices session, then the main session', () => runIntegrationSessions({ build: false, host: currentHost }));
  rows.push({ name: 'integration, files linked to devices (own session)', ...devices });
  rows.push({ name: `integration (VS Code ${rest.vscodeVersion ?? '?'})`, ...rest });
  step('Integration tests in Restricted Mode (an untrusted workspace)');
  const restricted = await runIntegration({ build: false, suite: 'restricted', host: currentHost });
  rows.push({ name: 'integration, Restricted Mode', ...restricted });
  step('Integration tests in a multi-root workspace (two folders, two contexts)');
  const multiroot = await runIntegration({ build: false, suite: 'multiroot', host: currentHost });
  rows.push({ name: 'integration, multi-root workspace', ...multiroot });

  step('Integration tests in the web worker extension host (VS Code for the Web)');
  const { runWeb } = await import('./test-web.mjs');
  const web = await runWeb({ build: false, host: currentHost });
  rows.push({ name: 'integration, web worker host', ...web });

  step('End-to-end tests (VS Code in Chromium)');
  const { runE2E } = await import('./test-e2e.mjs');
  const e2e = await runE2E({ build: false, host: currentHost });
  rows.push({ name: 'end-to-end', ...e2e });

  step('Smoke run on VS Code 1.99.3, the oldest version tested');
  const smoke = await runIntegration({ build: false, grep: OLDEST_SMOKE, host: oldestHost });
  rows.push({ name: `integration smoke (VS Code ${smoke.vscodeVersion ?? '?'})`, ...smoke });
} catch (err) {
  console.error(`\n✘ ${err instanceof Error ? err.message : String(err)}`);
  rows.push({ name: 'setup', passed: 0, failed: 1 });
}
lap();

const seconds = Math.round((Date.now() - started) / 1000);
console.log('\n━━ Time per step');
for (const t of times) console.log(`${t.title}: ${t.seconds.toFixed(1)} s`);
console.log(`\n━━ Summary (${seconds} s)`);
for (const r of rows) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/** `vsce ls`: the files `npm run package` would put in the .vsix. */
async function listPackage() {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: stdout ?? '' });
    });
  });
}

async function runUnit() {
  const { default: Mocha } = await import('mocha');
  const config = JSON.parse(readFileSync(join(ROOT, '.mocharc.json'), 'utf8'));
  const mocha = new Mocha({ timeout: config.timeout, reporter: 'spec' });
  const dir = join(ROOT, 'out', 'test', 'unit');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(dir, f));
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures, pending: runner.stats.pending }));
  });
}
