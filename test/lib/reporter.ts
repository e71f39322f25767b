/**
 * Counts a mocha run and writes its report line by line: shared by the Node host runner
 * (runMocha.ts) and the web worker host runner (test/web/index.ts), so it imports nothing.
 */
export interface RunCounts {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

interface Test {
  title: string;
  fullTitle(): string;
  duration?: number;
}

export interface ReportedRunner {
  on(event: 'suite', fn: (suite: { title: string }) => void): unknown;
  on(event: 'suite end', fn: () => void): unknown;
  on(event: 'pass' | 'pending', fn: (test: Test) => void): unknown;
  on(event: 'fail', fn: (test: Test, err: unknown) => void): unknown;
}

export function reportRun(runner: ReportedRunner, result: RunCounts, log: (line: string) => void): void {
  let depth = 0;
  const indent = () => '  '.repeat(depth);
  runner.on('suite', (s) => {
    if (s.title) log(indent() + s.title);
    depth++;
  });
  runner.on('suite end', () => depth--);
  runner.on('pass', (t) => {
    result.passed++;
    log(`${indent()}✔ ${t.title} (${t.duration ?? 0} ms)`);
  });
  runner.on('pending', (t) => {
    result.pending++;
    log(`${indent()}- ${t.title} (skipped)`);
  });
  runner.on('fail', (t, err) => {
    result.failed++;
    const error = String((err as Error)?.stack ?? err);
    result.failures.push({ title: t.fullTitle(), error });
    log(`${indent()}✘ ${t.title}\n${error.replace(/^/gm, '      ')}`);
  });
}
