// `npm test`: installs what it lacks (npm dependencies, the VS Code test host, Chromium), builds
// the release bundle, checks types, lint and the bundle budget, then runs the end-to-end tests
// (the real VS Code in Chromium, in two halves side by side) and, beside them in a process of
// their own, the unit tests (plain Node) and the integration tests (inside the real VS Code
// extension host), and prints the real counts of each.
import { ensureNpmDeps } from './lib/deps.mjs';

ensureNpmDeps();
const { join } = await import('node:path');
const { ROOT, checkTestHost, ensureTestHost, testHost } = await import('./lib/host.mjs');
// Every suite on VS Code 1.139 (what people run today), a smoke set on 1.99.3 (the oldest tested).
const currentHost = testHost('1.139');
const oldestHost = testHost('1.99');
const { buildAll } = await import('./lib/steps.mjs');

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
  // The release bundle, then the compiled tests and what `npm run package` would put in the
  // .vsix. The checks of the sources (the webview pages' types, then lint) run first in the
  // second end-to-end lane (scripts/lib/e2eLane.mjs), beside the first half's windows.
  const listed = await timed('release bundle and compiled tests, then the .vsix listing', async () => {
    await buildAll();
    return listPackage();
  });
  const { bundleSizes, kb, ENTRY_BUDGET, NODE_HOST_BUDGET, COMMAND_BUDGET } = await import('./lib/bundles.mjs');
  const sizes = bundleSizes();
  const entryOk = sizes.entry > 0 && sizes.activation <= ENTRY_BUDGET;
  const nodeHostOk = sizes.nodeHost <= NODE_HOST_BUDGET;
  console.log(`activation (dist/extension.js ${kb(sizes.entry)} and the shared files it requires): ${kb(sizes.activation)} of the ${kb(ENTRY_BUDGET)} budget${entryOk ? '' : ' — OVER BUDGET'}`);
  // The Node host's total and each command's load are targets of `npm run bench` (code per
  // command: reported there as missed while over); here they are printed against the same
  // targets, never raised, and only the activation budget fails the run.
  console.log(`the Node host's files together (dist/extension.js, ${sizes.lazyFiles} in dist/lazy/, dist/psiWorker.js): ${kb(sizes.nodeHost)} against the ${kb(NODE_HOST_BUDGET)} target${nodeHostOk ? '' : ' — TARGET MISSED (npm run bench reports it)'}`);
  for (const c of sizes.commands) {
    console.log(`  ${c.name}${c.with.length ? ` (with ${c.with.join(', ')})` : ''}${c.later.length ? ` (${c.later.join(', ')} on first use of its action)` : ''} loads ${kb(c.bytes)} (${c.files.length} files; ${kb(c.fresh)} new after activation and the context parser) against the ${kb(COMMAND_BUDGET)} target${c.bytes <= COMMAND_BUDGET ? '' : ' — TARGET MISSED'}`);
  }
  console.log(`dist/web/extension.js (VS Code for the Web, one file): ${kb(sizes.web)}`);
  console.log(`webview scripts: ${sizes.webviews.map((w) => `${w.file.slice('dist/webview/'.length)} ${kb(w.bytes)}`).join(', ')}`);
  const bundleOk = entryOk && sizes.commands.length > 0 && sizes.commands.every((c) => c.bytes > 0) && sizes.web > 0;
  rows.push({ name: 'bundle budget', passed: bundleOk ? 1 : 0, failed: bundleOk ? 0 : 1 });

  // What `npm run package` would put in the .vsix: only what users need.
  const ls = listed;
  const packaged = ls.stdout.split('\n').filter(Boolean);
  const strays = packaged.filter((f) => /^(src|test|scripts|node_modules|out|demo|media\/screenshots|\.vscode-test|\.test-output)\//.test(f) || f.endsWith('.map'));
  const packageOk = ls.status === 0 && [...sizes.nodeHostFiles, 'dist/web/extension.js', 'dist/overlap.js', 'dist/mcp/server.js', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json'].every((f) => packaged.includes(f)) && strays.length === 0;
  console.log(`.vsix contents: ${packaged.length} files${strays.length ? `, including ${strays.join(', ')}` : ''}${packageOk ? '' : ' — NOT AS EXPECTED'}`);
  rows.push({ name: 'package contents', passed: packageOk ? 1 : 0, failed: packageOk ? 0 : 1 });

  // Three lanes side by side: the end-to-end tests in two halves, one here (printed as it runs)
  // and one in a process of its own (scripts/lib/e2eLane.mjs), and every other suite in a third
  // (scripts/lib/checksLane.mjs). The end-to-end tests mostly wait on what a window shows, so
  // two windows at a time and the other suites share the two cores. The other lanes are printed
  // once this one ends; meanwhile they are written to .test-output/e2e-lane.log and
  // .test-output/checks-lane.log.
  step('End-to-end tests (VS Code in Chromium), with the other suites beside them');
  const { runE2E, e2eFiles, e2eScreenshots } = await import('./test-e2e.mjs');
  const { splitE2E } = await import('./lib/e2eLane.mjs');
  const { startLane } = await import('./lib/lanes.mjs');
  const { rmSync } = await import('node:fs');
  rmSync(e2eScreenshots(), { recursive: true, force: true });
  const [here, there] = splitE2E(e2eFiles());
  const names = (h) => h.files.map((f) => f.replace(/\.test\.js$/, '')).join(', ');
  console.log(`(this half: ${names(here)}; beside it, the other half: ${names(there)}, and the unit and integration tests; their output follows)`);
  const lanes = [
    startLane({ name: 'e2e-lane', script: join(ROOT, 'scripts', 'lib', 'e2eLane.mjs'), args: there.files, what: 'the second half of the end-to-end tests' }),
    // The other suites are plain throughput, none of them waits on a person's pace: they run at
    // a somewhat lower priority, so that a window's next step is not kept waiting. (At nice 10
    // they got so little of the CPU that the unit tests took 240 s instead of 50, and this lane
    // ended 150 s after the windows.)
    startLane({ name: 'checks-lane', script: join(ROOT, 'scripts', 'lib', 'checksLane.mjs'), priority: 5, what: 'the unit and integration tests' }),
  ];
  const e2e = await timed('end-to-end tests, first half', () => runE2E({ build: false, host: currentHost, files: here.files, clean: false })).catch((err) => {
    console.error(`\n✘ ${err instanceof Error ? err.message : String(err)}`);
    return { passed: 0, failed: 1 };
  });
  const [other, checks] = await Promise.all(lanes);
  console.log(`\n━━ The other half of the end-to-end tests (run beside the first)${other.output}`);
  console.log(`\n━━ The unit and integration tests (run beside the end-to-end tests)${checks.output}`);
  rows.push(...checks.rows);
  // One count for the end-to-end tests, both halves together.
  rows.push(...other.rows.filter((r) => r.name !== 'end-to-end'));
  const halves = [{ name: 'end-to-end', ...e2e }, ...other.rows.filter((r) => r.name === 'end-to-end')];
  rows.push({ name: 'end-to-end', passed: sum(halves, 'passed'), failed: sum(halves, 'failed'), pending: sum(halves, 'pending') });
  for (const t of [...other.times, ...checks.times]) times.push({ title: `  ${t.title} (beside them)`, seconds: t.seconds });
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
const passed = sum(rows, 'passed');
const failed = sum(rows, 'failed');
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

function sum(rows, key) {
  return rows.reduce((n, r) => n + (r[key] ?? 0), 0);
}
