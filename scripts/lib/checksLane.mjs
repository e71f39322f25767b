// The suites `npm test` runs beside the end-to-end tests, in a process of their own: the unit
// tests, the integration sessions (1.139, Restricted Mode, multi-root, the web worker host) and
// the smoke run on the oldest VS Code. The end-to-end tests spend most of their time waiting on
// what a window shows (about a third of one core on these 2-core machines), so the other core
// runs these meanwhile. Run as `node scripts/lib/checksLane.mjs <result.json>`: it prints as it
// goes (the caller keeps that for after the end-to-end output) and writes its counts and the
// time of each step to <result.json>.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testHost } from './host.mjs';
import { OLDEST_SMOKE } from './host139.mjs';

/** Mocha in plain Node over the compiled unit tests. */
export async function runUnit() {
  const { default: Mocha } = await import('mocha');
  const config = JSON.parse(readFileSync(join(ROOT, '.mocharc.json'), 'utf8'));
  const mocha = new Mocha({ timeout: config.timeout, reporter: 'spec' });
  const dir = join(ROOT, 'out', 'test', 'unit');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(dir, f));
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures, pending: runner.stats.pending }));
  });
}

/** Every suite of the lane in order; `step(title)` starts a timed step, `row(r)` records a count. */
export async function runChecks({ step, row }) {
  // Every suite on VS Code 1.139 (what people run today), a smoke set on 1.99.3 (the oldest tested).
  const currentHost = testHost('1.139');
  const oldestHost = testHost('1.99');

  step('Unit tests (plain Node)');
  row({ name: 'unit', ...(await runUnit()) });

  step('Integration tests (inside the VS Code extension host)');
  const { runIntegration, runIntegrationSessions } = await import('../test-integration.mjs');
  // The cases that link files to devices run in a session of their own (see DEVICE_CASES).
  const { devices, rest } = await runIntegrationSessions({ build: false, host: currentHost });
  row({ name: 'integration, files linked to devices (own session)', ...devices });
  row({ name: `integration (VS Code ${rest.vscodeVersion ?? '?'})`, ...rest });

  step('Integration tests in Restricted Mode (an untrusted workspace)');
  row({ name: 'integration, Restricted Mode', ...(await runIntegration({ build: false, suite: 'restricted', host: currentHost })) });

  step('Integration tests in a multi-root workspace (two folders, two contexts)');
  row({ name: 'integration, multi-root workspace', ...(await runIntegration({ build: false, suite: 'multiroot', host: currentHost })) });

  step('Integration tests in the web worker extension host (VS Code for the Web)');
  const { runWeb } = await import('../test-web.mjs');
  row({ name: 'integration, web worker host', ...(await runWeb({ build: false, host: currentHost })) });

  step('Smoke run on VS Code 1.99.3, the oldest version tested');
  const smoke = await runIntegration({ build: false, grep: OLDEST_SMOKE, host: oldestHost });
  row({ name: `integration smoke (VS Code ${smoke.vscodeVersion ?? '?'})`, ...smoke });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runLane } = await import('./lanes.mjs');
  await runLane(process.argv[2], 'the unit and integration tests', runChecks);
}
