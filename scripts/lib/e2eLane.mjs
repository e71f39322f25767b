// The end-to-end suites in two lanes side by side. A window mostly waits on what it shows (the
// suites together use about a third of one core), so two windows at a time take about half the
// time of one after the other. The main process runs one half (`npm test` prints it live); this
// file is the other half's process: `node scripts/lib/e2eLane.mjs <result.json> <file>...`. It
// first checks the sources (the webview pages' types, then lint), while the first half's first
// window opens.
import { join } from 'node:path';
import { ROOT, testHost } from './host.mjs';
import { shAsync } from './steps.mjs';

/**
 * Seconds each suite takes, window included, as measured in a run of `npm test` on a 2-core
 * machine (the "window N" lines and the test times): only to split the suites into two halves
 * of about equal time. A suite not listed counts as 30 s.
 */
const SECONDS = {
  'panels.test.js': 174,
  'measure.test.js': 75,
  'board.test.js': 54,
  'panelLayout.test.js': 53,
  'partnerships.test.js': 42,
  'l10n.test.js': 39,
  'package.test.js': 35,
  'planner.test.js': 33,
  'hostile.test.js': 16,
  'web.test.js': 16,
  'boundary.test.js': 15,
  'context.test.js': 13,
  'assistant.test.js': 12,
  'narrow.test.js': 12,
};

/** The suites in two halves of about equal time: the longest first, each to the shorter half. */
export function splitE2E(files) {
  const halves = [{ files: [], seconds: 0 }, { files: [], seconds: 0 }];
  const seconds = (f) => SECONDS[f] ?? 30;
  for (const f of [...files].sort((a, b) => seconds(b) - seconds(a) || a.localeCompare(b))) {
    const half = halves[0].seconds <= halves[1].seconds ? halves[0] : halves[1];
    half.files.push(f);
    half.seconds += seconds(f);
  }
  // In name order within a half, as a lone run shows them.
  return halves.map((h) => ({ files: h.files.sort(), seconds: h.seconds }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [resultFile, ...files] = process.argv.slice(2);
  const { runLane } = await import('./lanes.mjs');
  await runLane(resultFile, 'the second half of the end-to-end tests', async ({ step, row }) => {
    step('Type-checking the webview pages, then lint');
    const node = (tool, ...args) => [process.execPath, [join(ROOT, 'node_modules', ...tool), ...args]];
    try {
      await shAsync(...node(['typescript', 'bin', 'tsc'], '-p', 'tsconfig.webview.json'), 'Type-checking the webview scripts');
      await shAsync(...node(['eslint', 'bin', 'eslint.js'], 'src', 'test', 'scripts'), 'Lint');
      row({ name: 'webview types and lint', passed: 1, failed: 0 });
    } catch (err) {
      console.error(`✘ ${err instanceof Error ? err.message : String(err)}`);
      row({ name: 'webview types and lint', passed: 0, failed: 1 });
    }
    step(`End-to-end tests, second half (${files.map((f) => f.replace(/\.test\.js$/, '')).join(', ')})`);
    const { runE2E } = await import('../test-e2e.mjs');
    const r = await runE2E({ build: false, host: testHost('1.139'), files, clean: false });
    row({ name: 'end-to-end', passed: r.passed, failed: r.failed, pending: r.pending });
  });
}
