/**
 * The `extensionTestsPath` of the web worker extension host run (scripts/test-web.mjs): the
 * integration suites that need no Node API, run by mocha's browser build. The result goes to a
 * file in the workspace (the worker has no other way out), which the launcher reads.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as vscode from 'vscode';
import { reportRun, type ReportedRunner } from '../lib/reporter';

interface BrowserMocha {
  setup(options: { ui: string; timeout: number; reporter: unknown; color?: boolean }): void;
  run(done: (failures: number) => void): unknown;
}

export async function run(): Promise<void> {
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  const result = { passed: 0, failed: 0, pending: 0, failures: [] as { title: string; error: string }[], vscodeVersion: vscode.version, host: '' };
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    console.log(`[web tests] ${line}`);
  };
  mocha.setup({
    ui: 'bdd',
    timeout: 30_000,
    color: false,
    reporter: function Reporter(runner: ReportedRunner) {
      reportRun(runner, result, log);
    },
  });
  // The suites, each needing nothing but `vscode`: static requires, so the bundler includes them,
  // evaluated after mocha.setup defines describe/it.
  require('./web.test');
  require('../integration/activation.test');
  require('../integration/partnerships.test');
  require('../integration/planner.test');
  require('../integration/measure.test');
  require('../integration/board.test');
  require('../integration/privateOverlap.test');
  result.host = typeof (globalThis as { process?: unknown }).process === 'undefined' ? 'web worker' : 'node';
  await new Promise<void>((resolve) => mocha.run(() => resolve()));
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const out = vscode.Uri.joinPath(folder.uri, '.web-test-output');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'web.log'), new TextEncoder().encode(lines.join('\n') + '\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'web-results.json'), new TextEncoder().encode(JSON.stringify(result, null, 2)));
  }
  if (result.failed > 0) throw new Error(`${result.failed} web test(s) failed`);
}
