// Lanes of `npm test`: suites run side by side in processes of their own. A lane prints as it
// goes; the caller keeps its output for after the first lane's (also written live to
// .test-output/<name>.log) and reads its counts and step times from .test-output/<name>.json.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

/**
 * Starts `node <script> <result.json> ...args` at the given priority (the processes it starts
 * inherit it); resolves with its counts, the time of each of its steps and what it printed. A
 * lane that ends without its result is one failure, with its output shown.
 */
export async function startLane({ name, script, args = [], priority = 0, what }) {
  const out = join(ROOT, '.test-output');
  mkdirSync(out, { recursive: true });
  const resultFile = join(out, `${name}.json`);
  rmSync(resultFile, { force: true });
  const log = createWriteStream(join(out, `${name}.log`));
  const chunks = [];
  const child = spawn(process.execPath, [script, resultFile, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (priority) {
    try {
      setPriority(child.pid, priority);
    } catch {
      // Not allowed here: the lanes then share the CPU evenly.
    }
  }
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d) => {
      chunks.push(d);
      log.write(d);
    });
  }
  const code = await new Promise((resolve) => child.on('close', resolve));
  log.end();
  const output = Buffer.concat(chunks).toString('utf8');
  try {
    const { rows, times } = JSON.parse(readFileSync(resultFile, 'utf8'));
    return { rows, times, output };
  } catch {
    return { rows: [{ name: `${what} (the lane ended with code ${code} and no result)`, passed: 0, failed: 1 }], times: [], output };
  }
}

/**
 * The body of a lane's process: runs `fn({ step, row })`, where `step(title)` starts a timed
 * step and `row(r)` records a count, then writes the counts and times to the result file.
 */
export async function runLane(resultFile, what, fn) {
  const rows = [];
  const times = [];
  let current;
  const lap = () => {
    if (current) times.push({ title: current.title, seconds: (Date.now() - current.at) / 1000 });
    current = undefined;
  };
  try {
    await fn({
      step: (title) => {
        lap();
        current = { title, at: Date.now() };
        console.log(`\n━━ ${title}`);
      },
      row: (r) => rows.push(r),
    });
  } catch (err) {
    console.error(`\n✘ ${err instanceof Error ? err.message : String(err)}`);
    rows.push({ name: `setup (${current?.title ?? what})`, passed: 0, failed: 1 });
  }
  lap();
  writeFileSync(resultFile, JSON.stringify({ rows, times }));
  process.exit(0);
}
