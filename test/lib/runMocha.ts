/**
 * Runs a folder of mocha suites inside the VS Code extension host and records the outcome in
 * files the launcher reads: the extension host exits 0 even when tests fail, so the exit code
 * cannot carry the result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { reportRun, type ReportedRunner } from './reporter';

export const OUTPUT_DIR = path.resolve(__dirname, '../../../.test-output');

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  vscodeVersion?: string;
}

export async function runMochaFolder(folder: string, name: string, vscodeVersion?: string): Promise<SuiteResult> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const logFile = path.join(OUTPUT_DIR, `${name}.log`);
  const resultFile = path.join(OUTPUT_DIR, `${name}-results.json`);
  fs.writeFileSync(logFile, '');
  const log = (line: string) => fs.appendFileSync(logFile, line + '\n');

  // INTEGRATION_GREP runs only the matching tests (or, with INTEGRATION_GREP_INVERT=1, all but
  // them): while working on them, and for the device-file session of `npm test`.
  const mocha = new Mocha({
    ui: 'bdd', timeout: 30_000, color: false, reporter: 'dot',
    grep: process.env.INTEGRATION_GREP || undefined, invert: process.env.INTEGRATION_GREP_INVERT === '1',
  });
  // Silence the default reporter's stdout; the lines below are the report.
  mocha.reporter(class {
    constructor(runner: Mocha.Runner) {
      void runner;
    }
  } as unknown as Mocha.ReporterConstructor);
  for (const f of fs.readdirSync(folder).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(folder, f));

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [], vscodeVersion };
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      reportRun(runner as unknown as ReportedRunner, result, log);
    });
  } catch (err) {
    result.failed++;
    result.failures.push({ title: 'loading the suites', error: String((err as Error)?.stack ?? err) });
    log(`✘ loading the suites failed: ${String((err as Error)?.stack ?? err)}`);
  }
  fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  return result;
}
