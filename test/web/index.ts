/**
 * The `extensionTestsPath` of the web worker extension host run (scripts/test-web.mjs): the
 * integration suites that need no Node API, run by mocha's browser build. The result goes to a
 * file in the workspace (the worker has no other way out), which the launcher reads.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as vscode from 'vscode';

interface Runner {
  on(event: 'pass' | 'pending', fn: (test: { title: string; fullTitle(): string; duration?: number }) => void): void;
  on(event: 'fail', fn: (test: { title: string; fullTitle(): string }, err: unknown) => void): void;
  on(event: 'suite', fn: (suite: { title: string }) => void): void;
  on(event: 'suite end' | 'end', fn: () => void): void;
}
interface BrowserMocha {
  setup(options: { ui: string; timeout: number; reporter: unknown; color?: boolean }): void;
  run(done: (failures: number) => void): Runner;
}

/** The suites, in the order they run: each must need nothing but `vscode` (no Node module). */
export const WEB_SUITES = ['web.test', 'activation.test', 'partnerships.test', 'planner.test'] as const;

export async function run(): Promise<void> {
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  const result = { passed: 0, failed: 0, pending: 0, failures: [] as { title: string; error: string }[], vscodeVersion: vscode.version, host: '' };
  const lines: string[] = [];
  let depth = 0;
  const log = (line: string) => {
    lines.push(line);
    console.log(`[web tests] ${line}`);
  };
  mocha.setup({
    ui: 'bdd',
    timeout: 30_000,
    color: false,
    reporter: function Reporter(runner: Runner) {
      runner.on('suite', (s) => {
        if (s.title) log('  '.repeat(depth) + s.title);
        depth++;
      });
      runner.on('suite end', () => depth--);
      runner.on('pass', (t) => {
        result.passed++;
        log(`${'  '.repeat(depth)}✔ ${t.title} (${t.duration ?? 0} ms)`);
      });
      runner.on('pending', (t) => {
        result.pending++;
        log(`${'  '.repeat(depth)}- ${t.title} (skipped)`);
      });
      runner.on('fail', (t, err) => {
        result.failed++;
        const error = String((err as Error)?.stack ?? err);
        result.failures.push({ title: t.fullTitle(), error });
        log(`${'  '.repeat(depth)}✘ ${t.title}\n${error.replace(/^/gm, '      ')}`);
      });
    },
  });
  // Static requires, so the bundler includes them; evaluated after mocha.setup defines describe/it.
  require('./web.test');
  require('../integration/activation.test');
  require('../integration/partnerships.test');
  require('../integration/planner.test');
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
