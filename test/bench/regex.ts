/**
 * `npm run bench`, regular expressions on workspace text: the five inputs that once froze the
 * extension host (quadratic or cubic backtracking), each through the real function that reads
 * that text, at 5,000 and 50,000 characters in the same run. Linear time gives a ratio near 10;
 * the target is at most 15. Plain Node: each measurement runs in a child process with a time
 * limit, so a case that still backtracks is reported as missed instead of hanging the run.
 *
 * Standalone: `node out/test/bench/regex.js` prints the rows.
 */
import { spawn } from 'node:child_process';

export interface BenchRow {
  name: string;
  value: string;
  target: string;
  ok: boolean | undefined;
  note: string;
}

interface RegexCase {
  name: string;
  /** The text of about `n` characters. */
  input(n: number): string;
  /** The real function that reads it. */
  run(text: string): unknown;
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded in the child, by case */
const CASES: RegexCase[] = [
  {
    name: 'metric value: 1, spaces, a',
    input: (n) => `1${' '.repeat(n - 2)}a`,
    run: (text) => (require('../../src/core/records/schema') as typeof import('../../src/core/records/schema')).toMeasure(text),
  },
  {
    name: 'record owners: nested line "    b", spaces, c',
    input: (n) => {
      // Valid YAML: the line continues the value of `ours`; the scan for `theirs` reads it.
      const head = '---\npartner: A\nowners:\n  ours: Sam\n    b';
      const tail = 'c\n  theirs: Ana\n---\n';
      return head + ' '.repeat(n - head.length - tail.length) + tail;
    },
    run: (text) => (require('../../src/core/records/parse') as typeof import('../../src/core/records/parse')).parseRecord(text),
  },
  {
    name: 'context front matter: a, spaces, b: 1',
    input: (n) => {
      const head = '---\na';
      const tail = 'b: 1\n---\n## Community Overview\n- **Community Name:** Acme\n';
      return head + ' '.repeat(n - head.length - tail.length) + tail;
    },
    run: (text) => (require('../../src/core/context/parse') as typeof import('../../src/core/context/parse')).parseContext(text),
  },
  {
    name: 'agreement sections: a heading of one word repeated',
    input: (n) => {
      const head = '---\npartnership-doc: agreement\n---\n# Community Partnership - Acme x Guild\n\n## ';
      const words = 'we '.repeat(Math.floor((n - head.length - 1) / 3));
      return `${head}${words}\n`;
    },
    run: (text) => (require('../../src/core/partnershipDocs') as typeof import('../../src/core/partnershipDocs')).diagnosePartnershipDoc(text),
  },
  {
    name: 'playbook checkbox: body heading "## x", spaces, y',
    input: (n) => {
      const head = '---\npartner: A\ntypes: [newsletter-cross-promotion]\n---\n## x';
      const tail = 'y\n## Playbook\n- [ ] Agree on the swap\n';
      return head + ' '.repeat(n - head.length - tail.length) + tail;
    },
    run: (text) => (require('../../src/core/records/write') as typeof import('../../src/core/records/write')).setPlaybookStep(text, 'newsletter-swap', 1, true),
  },
];
/* eslint-enable @typescript-eslint/no-require-imports */

const SMALL = 5_000;
const LARGE = 50_000;
const TARGET = 15;
const LIMIT_MS = Number(process.env.BENCH_REGEX_LIMIT_MS ?? 20_000);

/**
 * The CPU time of `reps` runs, in ms: what the function itself costs, which a shared machine's
 * other work does not lengthen (wall time does, when the process waits for a core).
 */
function cpuMs(run: () => void, reps: number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < reps; i++) run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / reps;
}

/** In the child: runs one case `reps` times on `n` characters and prints the median CPU ms per run. */
function measure(caseIndex: number, n: number, reps: number): void {
  const c = CASES[caseIndex];
  const text = c.input(n);
  c.run(text); // warm-up: module load and JIT
  const times: number[] = [];
  for (let r = 0; r < 5; r++) times.push(cpuMs(() => c.run(text), reps));
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ ms: times[2], length: text.length }));
}

function child(caseIndex: number, n: number, reps: number): Promise<{ ms: number; length: number } | { timedOut: true }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [__filename, '--case', String(caseIndex), '--size', String(n), '--reps', String(reps)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, LIMIT_MS);
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) resolve({ timedOut: true });
      else if (code === 0) resolve(JSON.parse(out) as { ms: number; length: number });
      else reject(new Error(`regex bench child for case ${caseIndex} exited ${code}`));
    });
  });
}

/** Each case at 5,000 and 50,000 characters: the rows for the benchmark table. */
export async function regexRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (let i = 0; i < CASES.length; i++) {
    const c = CASES[i];
    // Enough repetitions that the small input takes about 20 ms of CPU; the same for both sizes.
    const probe = await child(i, SMALL, 1);
    const reps = 'ms' in probe ? Math.max(1, Math.min(2_000, Math.ceil(20 / Math.max(probe.ms, 0.001)))) : 1;
    const small = 'ms' in probe && reps === 1 ? probe : await child(i, SMALL, reps);
    const large = 'ms' in small ? await child(i, LARGE, reps) : small;
    const name = `Regex on workspace text: ${c.name}`;
    if (!('ms' in small) || !('ms' in large)) {
      const which = 'ms' in small ? '50,000' : '5,000';
      rows.push({ name, value: `over ${LIMIT_MS / 1000} s at ${which} characters`, target: `<= ${TARGET}x`, ok: false, note: 'stopped: super-linear' });
      continue;
    }
    const ratio = large.ms / Math.max(small.ms, 1e-6);
    rows.push({
      name,
      value: `${ratio.toFixed(1)}x (${fmt(large.ms)} at 50,000 vs ${fmt(small.ms)} at 5,000 chars)`,
      target: `<= ${TARGET}x`,
      ok: ratio <= TARGET,
      note: `CPU time, median of 5; ${reps} run(s) each`,
    });
  }
  return rows;
}

function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

if (require.main === module) {
  const arg = (flag: string) => Number(process.argv[process.argv.indexOf(flag) + 1]);
  if (process.argv.includes('--case')) {
    measure(arg('--case'), arg('--size'), arg('--reps'));
  } else {
    void regexRows().then((rows) => {
      for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.target} | ${r.ok === undefined ? 'info' : r.ok ? 'met' : 'MISSED'} | ${r.note} |`);
    });
  }
}
