// The private overlap's group maths off the calling thread (Node: desktop and remote extension
// hosts, the command-line entry point, tests and the benchmark): a few worker threads running
// dist/psiWorker.js (psiWorker.js beside this file when compiled for tests), one per core up to
// four. With no second core, that file runs here, one batch at a time. The group maths are in
// that file only.
// scripts/build.mjs swaps this file for psiWork.web.ts in the web bundle.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PointError } from '../core/psi/scalar';
import type { GroupWork } from '../core/psi/steps';
import type { PsiJob, PsiReply } from './psiWorker';

type Job = PsiJob;

/** Beside this file, or one folder up from the Node host's shared chunks in dist/lazy/. */
const WORKER_FILE = path.join(path.basename(__dirname) === 'lazy' ? path.dirname(__dirname) : __dirname, 'psiWorker.js');

/** A batch on this thread: the worker's program, required here (a path esbuild does not follow). */
async function runHere(job: Job): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(WORKER_FILE) as typeof import('./psiWorker')).runJob(job);
}

const here: GroupWork = {
  hashAndBlind: (emails, scalar) => runHere({ op: 'hashAndBlind', emails, scalar }),
  reblind: (points, scalar, first) => runHere({ op: 'reblind', points, scalar, first }),
  check: async (points, first) => void (await runHere({ op: 'check', points, first })),
};

/** Stopped after this long with nothing to do, so that an idle host holds no thread. */
const IDLE_MS = 15_000;

class Pool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, { resolve: (out: Uint8Array) => void; reject: (err: Error) => void; job: Job }>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  get parallel(): number {
    return this.size;
  }

  run(job: Job): Promise<Uint8Array> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const slot = this.slot();
    if (!slot) return runHere(job);
    const id = this.nextId++;
    // A busy worker keeps the process alive (the command line awaits it); an idle one does not.
    if (slot.busy++ === 0) slot.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, job });
      slot.worker.postMessage({ ...job, id });
    });
  }

  private slot(): { worker: Worker; busy: number } | undefined {
    if (this.workers.length < this.size && this.workers.every((w) => w.busy > 0)) {
      try {
        const worker = new Worker(this.file);
        worker.unref();
        const entry = { worker, busy: 0 };
        worker.on('message', (m: PsiReply) => this.reply(entry, m));
        worker.on('error', () => this.retire(entry));
        worker.on('exit', () => this.retire(entry));
        this.workers.push(entry);
      } catch {
        // No thread: the maths runs here.
      }
    }
    return this.workers.reduce<{ worker: Worker; busy: number } | undefined>((best, w) => (!best || w.busy < best.busy ? w : best), undefined);
  }

  private reply(entry: { worker: Worker; busy: number }, m: PsiReply): void {
    if (--entry.busy === 0) entry.worker.unref();
    const job = this.pending.get(m.id);
    if (!job) return;
    this.pending.delete(m.id);
    if ('out' in m) job.resolve(m.out);
    else job.reject(m.index !== undefined ? new PointError(m.index, m.error.replace(/^point \d+ /, '')) : new Error(m.error));
    if (this.pending.size === 0) this.scheduleStop();
  }

  private scheduleStop(): void {
    this.idle = setTimeout(() => {
      if (this.pending.size) return;
      for (const w of this.workers.splice(0)) void w.worker.terminate();
    }, IDLE_MS);
    this.idle.unref?.();
  }

  /** A worker that stops or fails leaves no batch unanswered: its batches are done here. */
  private retire(entry: { worker: Worker; busy: number }): void {
    const at = this.workers.indexOf(entry);
    if (at < 0) return;
    this.workers.splice(at, 1);
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      runHere(job.job).then(job.resolve, job.reject);
    }
  }
}

let pool: Pool | undefined;

/** The group maths on worker threads when there are cores and a worker file, else here; `parallel` is how many batches to keep under way. */
export function groupWork(): { work: GroupWork; parallel: number } {
  if (!pool) {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    pool = new Pool(WORKER_FILE, cores >= 2 && fs.existsSync(WORKER_FILE) ? Math.min(cores, 4) : 0);
  }
  const p = pool;
  if (p.parallel === 0) return { work: here, parallel: 1 };
  return {
    parallel: p.parallel * 2,
    work: {
      hashAndBlind: (emails, scalar) => p.run({ op: 'hashAndBlind', emails, scalar }),
      reblind: (points, scalar, first) => p.run({ op: 'reblind', points: points.slice(), scalar, first }),
      check: async (points, first) => void (await p.run({ op: 'check', points: points.slice(), first })),
    },
  };
}
