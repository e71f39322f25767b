// The Node-only SHA-256 (desktop VS Code, remote hosts, plain Node in tests and the benchmark):
// node:crypto's one-shot hash (Node 20.12 and later; two to three times faster than a Hash
// object per input), else createHash. A batch of 64 inputs or more is hashed on a worker thread
// when the machine has a second core, so that reading and parsing the next rows goes on while
// the last ones are hashed; with no worker it is hashed here, as every smaller batch is.
// scripts/build.mjs swaps this file for sha256.web.ts in the web bundle, which uses Web Crypto.
import * as crypto from 'node:crypto';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';

type OneShot = (algorithm: string, data: string, outputEncoding: 'buffer') => Buffer;
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

/** SHA-256 of one string's UTF-8 bytes, the platform's fastest way: what the benchmark's baseline calls too. */
export const sha256 = (text: string): Uint8Array => (oneShot ? oneShot('sha256', text, 'buffer') : crypto.createHash('sha256').update(text, 'utf8').digest());

function hashHere(inputs: readonly string[]): Uint8Array {
  const out = new Uint8Array(inputs.length * 32);
  for (let i = 0; i < inputs.length; i++) out.set(sha256(inputs[i]), i * 32);
  return out;
}

/** The smallest batch worth a trip to the worker. */
const WORKER_BATCH = 64;

export function sha256Batch(inputs: readonly string[]): Uint8Array | Promise<Uint8Array> {
  if (inputs.length >= WORKER_BATCH) {
    const worker = HashWorker.get();
    if (worker) return worker.hash(inputs);
  }
  return hashHere(inputs);
}

export function randomBytes(bytes: Uint8Array): Uint8Array {
  return crypto.randomFillSync(bytes);
}

// The worker's whole program: it only hashes the strings it is sent (no file, no workspace text
// is evaluated: this source is a constant). A batch comes as one string, the inputs one after
// the other, and their lengths: one string is copied to the thread in one piece, where an array
// of strings is cloned string by string (the main thread's largest cost for a million members).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const one = crypto.hash ? (s) => crypto.hash('sha256', s, 'buffer') : (s) => crypto.createHash('sha256').update(s, 'utf8').digest();
parentPort.on('message', (m) => {
  const out = new Uint8Array(m.lengths.length * 32);
  for (let i = 0, at = 0; i < m.lengths.length; i++) {
    const end = at + m.lengths[i];
    out.set(one(m.text.substring(at, end)), i * 32);
    at = end;
  }
  parentPort.postMessage({ id: m.id, out }, [out.buffer]);
});
`;

/** Well below the longest string V8 makes (2^29 - 24 characters). */
const MAX_BATCH_CHARS = 2 ** 28;

/** Stopped after this long with nothing to hash, so that an idle extension holds no thread. */
const IDLE_MS = 15_000;

class HashWorker {
  private static shared: HashWorker | undefined;
  /** Set once a worker could not be made or failed: everything is hashed here from then on. */
  private static unavailable = false;

  static get(): HashWorker | undefined {
    if (HashWorker.unavailable) return undefined;
    if (!HashWorker.shared) {
      const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
      if (cores < 2) {
        HashWorker.unavailable = true;
        return undefined;
      }
      try {
        HashWorker.shared = new HashWorker(new Worker(WORKER_SOURCE, { eval: true }));
      } catch {
        HashWorker.unavailable = true;
        return undefined;
      }
    }
    return HashWorker.shared;
  }

  private readonly pending = new Map<number, { inputs: readonly string[]; resolve: (out: Uint8Array) => void }>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (m: { id: number; out: Uint8Array }) => {
      const job = this.pending.get(m.id);
      if (!job) return;
      this.pending.delete(m.id);
      job.resolve(m.out);
      if (this.pending.size === 0) this.scheduleStop();
    });
    // A worker that fails leaves no batch unanswered: what it held is hashed here.
    const fail = () => this.retire(true);
    worker.on('error', fail);
    worker.on('exit', () => this.retire(false));
  }

  hash(inputs: readonly string[]): Promise<Uint8Array> {
    // The inputs' lengths in UTF-16 units: the worker cuts the text where each input ended, so
    // each input is hashed as it was, whatever characters it holds (a lone surrogate included).
    const lengths = new Uint32Array(inputs.length);
    let total = 0;
    for (let i = 0; i < inputs.length; i++) total += lengths[i] = inputs[i].length;
    // More text than one string may hold: hashed here.
    if (total > MAX_BATCH_CHARS) return Promise.resolve(hashHere(inputs));
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { inputs, resolve });
      this.worker.postMessage({ id, text: inputs.join(''), lengths }, [lengths.buffer]);
    });
  }

  private scheduleStop(): void {
    this.idle = setTimeout(() => {
      if (this.pending.size === 0) {
        this.retire(false);
        void this.worker.terminate();
      }
    }, IDLE_MS);
    this.idle.unref?.();
  }

  private retire(failed: boolean): void {
    if (HashWorker.shared === this) HashWorker.shared = undefined;
    if (failed) HashWorker.unavailable = true;
    for (const job of this.pending.values()) job.resolve(hashHere(job.inputs));
    this.pending.clear();
  }
}
