/**
 * `npm run bench` (BENCH_ONLY=psi for this part alone): the private overlap of two member lists
 * of PSI_MEMBERS (100,000) each, 20% of them in both, in plain Node through the code the Node
 * extension host and the command-line entry point run (src/core/psi, the maths on worker
 * threads as src/platform/psiWork.ts gives them). Each step runs in a child process of its
 * own (`--expose-gc`), its files in a temporary folder:
 * - each side's time: you (start + finish) and the partner (answer + finish); target at most
 *   60 s a side. Also the CPU time per member (all threads), which depends less on the load;
 * - memory: the main thread's heap growth at its peak (sampled every 100 ms), per member, and
 *   the same for a list a tenth the size: the heap grows with the points held (what the file
 *   needs), not more; target: at most 1 KB a member at both sizes.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomFillSync } from 'node:crypto';
import type { BenchRow } from './regex';
import * as psi from '../../src/core/psi';
import { groupWork } from '../../src/platform/psiWork';

const MEMBERS = Number(process.env.PSI_MEMBERS ?? 100_000);

type Step = 'start' | 'answer' | 'finish-start' | 'finish-answer';
interface StepResult {
  ms: number;
  cpuMs: number;
  heapBefore: number;
  heapPeak: number;
  rssBefore: number;
  rssPeak: number;
  shared?: number;
}

function emails(side: 'ours' | 'theirs', n: number): string[] {
  const shared = Math.floor(n / 5);
  return side === 'ours' ? Array.from({ length: n }, (_, i) => `member${i}@ours.example`) : [...Array.from({ length: n - shared }, (_, i) => `person${i}@theirs.example`), ...Array.from({ length: shared }, (_, i) => `member${i * 4}@ours.example`)];
}

async function stepRun(step: Step, dir: string, n: number): Promise<StepResult> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const list = step === 'start' ? emails('ours', n) : step === 'answer' ? emails('theirs', n) : [];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let heapPeak = heapBefore;
  let rssPeak = rssBefore;
  const sample = () => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  };
  const sampler = setInterval(sample, 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { work, parallel } = groupWork();
  const o = { work, parallel, random: (b: Uint8Array) => randomFillSync(b) };
  const file = (name: string) => path.join(dir, name);
  let shared: number | undefined;
  if (step === 'start') {
    const { file: start, secret } = await psi.startOverlap(list, o);
    fs.writeFileSync(file('start.json'), psi.writeExchange(start));
    fs.writeFileSync(file('secret.json'), psi.secretText(secret), { mode: 0o600 });
  } else if (step === 'answer') {
    const start = psi.readExchange(fs.readFileSync(file('start.json')), 1);
    fs.writeFileSync(file('answer.json'), psi.writeExchange(await psi.answerOverlap(start, list, o)));
  } else if (step === 'finish-start') {
    const answer = psi.readExchange(fs.readFileSync(file('answer.json')), 2);
    const done = await psi.finishStart(answer, psi.readSecret(fs.readFileSync(file('secret.json'), 'utf8')), o);
    fs.writeFileSync(file('result.json'), psi.writeExchange(done.file));
    shared = done.overlap.shared;
  } else {
    const answer = psi.readExchange(fs.readFileSync(file('answer.json')), 2);
    const result = psi.readExchange(fs.readFileSync(file('result.json')), 3, answer.run);
    shared = (await psi.finishAnswer(answer, result, o)).overlap.shared;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  sample();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, heapBefore, heapPeak, rssBefore, rssPeak, shared };
}

function child(step: Step, dir: string, n: number): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', __filename, step, dir, String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as StepResult) : reject(new Error(`psi bench child ${step} exited ${code}`))));
  });
}

/** The four steps of one run of `n` × `n`, in order, through files. */
async function fullRun(n: number): Promise<Record<Step, StepResult>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-bench-psi-'));
  try {
    const out = {} as Record<Step, StepResult>;
    for (const step of ['start', 'answer', 'finish-start', 'finish-answer'] as const) out[step] = await child(step, dir, n);
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function psiRows(): Promise<BenchRow[]> {
  const small = await fullRun(Math.max(1000, Math.floor(MEMBERS / 10)));
  const large = await fullRun(MEMBERS);
  const expected = Math.floor(MEMBERS / 5);
  const ours = large.start.ms + large['finish-start'].ms;
  const theirs = large.answer.ms + large['finish-answer'].ms;
  const cpuPerMember = (r: Record<Step, StepResult>, n: number) => Object.values(r).reduce((t, x) => t + x.cpuMs, 0) / n / 2;
  const correct = large['finish-start'].shared === expected && large['finish-answer'].shared === expected;
  const perMember = (r: Record<Step, StepResult>, n: number) => Math.max(...Object.values(r).map((x) => x.heapPeak - x.heapBefore)) / n;
  const peak = (r: Record<Step, StepResult>, what: 'heap' | 'rss') => Math.max(...Object.values(r).map((x) => (what === 'heap' ? x.heapPeak : x.rssPeak))) / 2 ** 20;
  const smallN = Math.max(1000, Math.floor(MEMBERS / 10));
  const n = MEMBERS.toLocaleString('en');
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  return [
    {
      name: `Private overlap: ${n} × ${n} members, slower side`,
      value: `${s(Math.max(ours, theirs))} (you ${s(ours)}, the partner ${s(theirs)})`,
      target: '<= 60 s a side',
      ok: Math.max(ours, theirs) <= 60_000 && correct,
      note: `start ${s(large.start.ms)}, answer ${s(large.answer.ms)}, finish ${s(large['finish-start'].ms)} and ${s(large['finish-answer'].ms)}; ${large['finish-start'].shared} and ${large['finish-answer'].shared} in both (${expected} written); CPU ${cpuPerMember(large, MEMBERS).toFixed(2)} ms per member and side, all threads (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
    },
    {
      name: `Private overlap: heap per member at its peak`,
      value: `${(perMember(large, MEMBERS) / 1024).toFixed(2)} KB (${n}), ${(perMember(small, smallN) / 1024).toFixed(2)} KB (${smallN.toLocaleString('en')})`,
      target: '<= 1 KB a member (flat)',
      ok: perMember(large, MEMBERS) <= 1024 && perMember(small, smallN) <= 1024,
      note: `the main thread's heapUsed at its peak over the step, less before it (after a full GC), the largest of the four steps; the points a file holds are 32 bytes a member, their hex text 67. Peak heap ${mb(peak(large, 'heap'))} and RSS ${mb(peak(large, 'rss'))} (worker threads included) at ${n}; ${mb(peak(small, 'heap'))} and ${mb(peak(small, 'rss'))} at ${smallN.toLocaleString('en')}`,
    },
  ];
}

if (require.main === module) {
  const [step, dir, n] = process.argv.slice(2);
  if (step && dir) void stepRun(step as Step, dir, Number(n)).then((r) => process.stdout.write(JSON.stringify(r)));
  else
    void psiRows().then((rows) => {
      for (const r of rows) console.log(`${r.name}: ${r.value} (target ${r.target}, ${r.ok ? 'met' : 'MISSED'}) ${r.note}`);
    });
}
