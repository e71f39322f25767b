// `npm run bench`: measures the extension against baselines taken in the same run (these
// machines are shared and noisy, so every machine-dependent figure is a ratio), prints a
// table and writes bench/results.json. A figure that misses its target is reported as missing.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { ensureNpmDeps } from './lib/deps.mjs';

ensureNpmDeps();
const { ROOT, ensureTestHost, startServer, workbenchUrl, vscodeVersion } = await import('./lib/host.mjs');
const { openBrowser, openWorkbench } = await import('./lib/workbench.mjs');
const { tempDir } = await import('./lib/fixtures.mjs');
const { buildAll } = await import('./lib/steps.mjs');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = join(ROOT, '.test-output');
const rows = [];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function row(name, value, target, ok, note = '') {
  rows.push({ name, value, target, status: ok === undefined ? 'info' : ok ? 'met' : 'MISSED', note });
}

buildAll();
ensureTestHost();
mkdirSync(OUT, { recursive: true });

// ---- Bundle ---------------------------------------------------------------------------------
const entry = statSync(join(ROOT, 'dist', 'extension.js')).size;
row('Bundle: dist/extension.js', kb(entry), '<= 100 KB', entry <= 100 * 1024);
for (const dir of ['lazy', 'webview']) {
  for (const f of readdirSync(join(ROOT, 'dist', dir)).filter((x) => x.endsWith('.js')).sort()) {
    row(`Bundle: dist/${dir}/${f}`, kb(statSync(join(ROOT, 'dist', dir, f)).size), dir === 'lazy' ? 'loaded on first use' : 'webview script', undefined);
  }
}

// ---- Activation ------------------------------------------------------------------------------
const EMPTY = 'bench.empty-extension';
const OURS = 'community-partnerships.community-partnerships';
const times = { [EMPTY]: [], [OURS]: [], ready: [] };
const browser = await openBrowser();
try {
  for (let i = 0; i < RUNS; i++) {
    const ws = tempDir('cp-bench-ws-');
    // The context file sits where the setting says, not at the path that would activate the
    // extension on start-up: the runner activates both extensions itself, the same way.
    mkdirSync(join(ws.dir, 'docs'), { recursive: true });
    mkdirSync(join(ws.dir, '.vscode'), { recursive: true });
    cpSync(join(ROOT, 'demo', '.claude', 'community-context.md'), join(ws.dir, 'docs', 'community-context.md'));
    writeFileSync(join(ws.dir, '.vscode', 'settings.json'), JSON.stringify({ 'communityPartnerships.contextFile': 'docs/community-context.md' }));
    const data = tempDir('cp-bench-host-');
    mkdirSync(join(data.dir, 'user', 'User'), { recursive: true });
    writeFileSync(join(data.dir, 'user', 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }));
    cpSync(join(ROOT, 'bench', 'fixtures', 'empty-extension'), join(data.dir, 'extensions', 'bench.empty-extension-1.0.0'), { recursive: true });
    // A second empty extension, activated first: the host's first activation pays a warm-up
    // that neither measured extension should carry.
    const warm = join(data.dir, 'extensions', 'bench.warm-up-1.0.0');
    cpSync(join(ROOT, 'bench', 'fixtures', 'empty-extension'), warm, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(warm, 'package.json'), 'utf8'));
    writeFileSync(join(warm, 'package.json'), JSON.stringify({ ...manifest, name: 'warm-up' }));
    const order = ['bench.warm-up', ...(i % 2 === 0 ? [EMPTY, OURS] : [OURS, EMPTY])];
    writeFileSync(join(OUT, 'bench-job.json'), JSON.stringify({ order }));
    rmSync(join(OUT, 'bench-activation.json'), { force: true });
    const server = await startServer({ dataDir: data.dir });
    try {
      const url = workbenchUrl(server, { folder: ws.dir, extensionPath: ROOT, testsPath: join(ROOT, 'out', 'test', 'bench', 'index.js') });
      const page = await openWorkbench(browser, url);
      const started = Date.now();
      while (!existsSync(join(OUT, 'bench-activation.json')) && Date.now() - started < 120_000) await page.waitForTimeout(200);
      await page.context().close();
      const r = JSON.parse(readFileSync(join(OUT, 'bench-activation.json'), 'utf8'));
      if (!r.ok) throw new Error(r.error);
      times[EMPTY].push(r.result[EMPTY]);
      times[OURS].push(r.result[OURS]);
      times.ready.push(r.result[`${OURS}#contextReady`]);
      process.stdout.write(`activation run ${i + 1}/${RUNS}: empty ${r.result[EMPTY].toFixed(1)} ms, ours ${r.result[OURS].toFixed(1)} ms\n`);
    } finally {
      server.stop();
      ws.remove();
      data.remove();
    }
  }
} finally {
  await browser.close();
}
const empty = median(times[EMPTY]);
const ours = median(times[OURS]);
const ratio = ours / empty;
row('Activation vs an empty extension', `${ratio.toFixed(2)}x (${ours.toFixed(1)} ms vs ${empty.toFixed(1)} ms)`, '<= 1.5x', ratio <= 1.5, `median of ${RUNS} sessions`);
row('Activation to context read', `${median(times.ready).toFixed(1)} ms`, 'information', undefined, 'activate() until the context file is parsed');

// ---- Report ------------------------------------------------------------------------------------
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, VS Code ${vscodeVersion()}`;
const table = [
  '| measure | value | target | status | note |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.status} | ${r.note} |`),
].join('\n');
console.log(`\n${table}\n\nMachine: ${machine}`);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, rows, raw: times }, null, 2) + '\n');
const missed = rows.filter((r) => r.status === 'MISSED');
if (missed.length) console.log(`\nMissed: ${missed.map((r) => r.name).join('; ')}`);
