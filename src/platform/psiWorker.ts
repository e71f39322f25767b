// The program of the private overlap's worker threads (dist/psiWorker.js, its own bundle): the
// group maths of src/core/psi/group.ts on the batches it is sent, nothing else, with Node's
// native X25519 (WebCrypto, run on libuv's thread pool) and SHA-512 (node:crypto). With no worker
// thread, the same file is required on the calling thread for `runJob`: the group maths are in
// this bundle only, not in dist/lazy/ or the command line's bundle.
import { webcrypto } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { checkPoints, hashAndBlind, reblind } from '../core/psi/group';
import { PointError } from '../core/psi/scalar';
import { sha512 } from './sha512';
import { bestX25519, type SubtleX25519 } from './x25519';

export type PsiJob =
  | { op: 'hashAndBlind'; emails: readonly string[]; scalar: Uint8Array }
  | { op: 'reblind'; points: Uint8Array; scalar: Uint8Array; first: number }
  | { op: 'check'; points: Uint8Array; first: number };

export type PsiReply = { id: number; out: Uint8Array } | { id: number; error: string; index?: number };

const x25519 = bestX25519(webcrypto.subtle as unknown as SubtleX25519);

/** One batch's maths (rejects with a PointError for a bad point). */
export async function runJob(job: PsiJob): Promise<Uint8Array> {
  if (job.op === 'hashAndBlind') return hashAndBlind(job.emails, job.scalar, await x25519(), sha512);
  if (job.op === 'reblind') return reblind(job.points, job.scalar, job.first, await x25519());
  checkPoints(job.points, job.first);
  return new Uint8Array(0);
}

parentPort?.on('message', (job: PsiJob & { id: number }) => {
  runJob(job).then(
    (out) => parentPort!.postMessage({ id: job.id, out } satisfies PsiReply, [out.buffer as ArrayBuffer]),
    (err: unknown) => {
      const reply: PsiReply = err instanceof PointError ? { id: job.id, error: err.message, index: err.index } : { id: job.id, error: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage(reply);
    },
  );
});
