import type { Overlap } from '../measure/lists';
import { ExchangeError, FORMAT_VERSION, PROTOCOL, countCommon, newRunId, type AnswerFile, type ResultFile, type StartFile } from './exchange';
import { POINT_BYTES, newScalar } from './scalar';

/*
 * The three steps of the private overlap (a Diffie-Hellman private set intersection that reveals
 * only the size of the intersection), over any `GroupWork` (a worker thread, or this thread in
 * batches). H(a) is the X25519 u-coordinate of a member's email hashed to edwards25519, and
 * H(a)^x is X25519(x, H(a)) (see group.ts). "You" start, the partner answers:
 *
 *   start  (you, secret x):      the file holds H(a)^x for each of your members a, shuffled.
 *   answer (partner, secret y):  H(a)^xy for each of those, shuffled again, and H(b)^y for each
 *                                of the partner's members b, shuffled. y is forgotten.
 *   finish (you):                H(b)^yx for each; the overlap is how many of them are among the
 *                                H(a)^xy. The result file sends the H(b)^yx back, shuffled, with
 *                                the count.
 *   finish (partner):            counts the same from its answer file and the result file, and
 *                                checks your count against its own.
 *
 * Nobody can link a point to a member without the other side's secret, and the shuffles keep
 * either side from knowing which of its own members were counted.
 */

export type Random = (bytes: Uint8Array) => Uint8Array;

/** The heavy maths, in batches; each may run elsewhere and come back later. */
export interface GroupWork {
  hashAndBlind(emails: readonly string[], scalar: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Throws a PointError naming the place (counted from `first`) of a point that is not valid. */
  reblind(points: Uint8Array, scalar: Uint8Array, first: number): Uint8Array | Promise<Uint8Array>;
  /** Only checks the points (canonical X25519 u-coordinates, none of low order). */
  check(points: Uint8Array, first: number): void | Promise<void>;
}

export interface StepOptions {
  work: GroupWork;
  random: Random;
  /** Members (or points) done so far, of all. */
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
  /** Points a batch; batches under way at once. */
  batch?: number;
  parallel?: number;
}

export class PsiCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** What the starting side keeps until it finishes, and never sends: its secret scalar and the run. */
export interface StartSecret {
  run: string;
  startCount: number;
  scalar: Uint8Array;
}

/** The count both sides end with, in the words of the salted-hash comparison. */
export type PrivateOverlap = Overlap & { run: string };

/** Distinct normalised emails, in their order. */
export function distinct(emails: Iterable<string>): string[] {
  return [...new Set(emails)];
}

export async function startOverlap(emails: readonly string[], o: StepOptions): Promise<{ file: StartFile; secret: StartSecret }> {
  const members = distinct(emails);
  const scalar = newScalar(o.random);
  const run = newRunId(o.random);
  const blinded = await inBatches(members.length, o, (from, to) => o.work.hashAndBlind(members.slice(from, to), scalar));
  shuffle(blinded, o.random);
  return {
    file: { format: FORMAT_VERSION, protocol: PROTOCOL, step: 1, run, startCount: members.length, points: blinded },
    secret: { run, startCount: members.length, scalar },
  };
}

export async function answerOverlap(start: StartFile, emails: readonly string[], o: StepOptions): Promise<AnswerFile> {
  const members = distinct(emails);
  const scalar = newScalar(o.random);
  const theirs = start.points;
  const total = theirs.length / POINT_BYTES + members.length;
  const reblinded = await inBatches(theirs.length / POINT_BYTES, withProgress(o, 0, total), (from, to) => o.work.reblind(theirs.subarray(from * POINT_BYTES, to * POINT_BYTES), scalar, from));
  const own = await inBatches(members.length, withProgress(o, theirs.length / POINT_BYTES, total), (from, to) => o.work.hashAndBlind(members.slice(from, to), scalar));
  scalar.fill(0);
  shuffle(reblinded, o.random);
  shuffle(own, o.random);
  return { format: FORMAT_VERSION, protocol: PROTOCOL, step: 2, run: start.run, startCount: start.startCount, answerCount: members.length, reblinded, points: own };
}

/** The starting side's finish: the overlap, and the result file for the partner. */
export async function finishStart(answer: AnswerFile, secret: StartSecret, o: StepOptions): Promise<{ overlap: PrivateOverlap; file: ResultFile }> {
  if (answer.run !== secret.run) throw new ExchangeError(`the answer is from another run (${answer.run}, not ${secret.run})`);
  if (answer.startCount !== secret.startCount) throw new ExchangeError(`the answer says your list had ${answer.startCount} members, but it had ${secret.startCount}`);
  const points = answer.points;
  const reblinded = answer.reblinded;
  const n = points.length / POINT_BYTES;
  const m = reblinded.length / POINT_BYTES;
  await inBatches(m, withProgress(o, 0, n + m), async (from, to) => {
    await o.work.check(reblinded.subarray(from * POINT_BYTES, to * POINT_BYTES), from);
    return new Uint8Array((to - from) * POINT_BYTES);
  });
  const theirs = await inBatches(n, withProgress(o, m, n + m), (from, to) => o.work.reblind(points.subarray(from * POINT_BYTES, to * POINT_BYTES), secret.scalar, from));
  shuffle(theirs, o.random);
  const shared = countCommon(reblinded, theirs);
  return {
    overlap: overlapOf(secret.run, secret.startCount, answer.answerCount, shared),
    file: { format: FORMAT_VERSION, protocol: PROTOCOL, step: 3, run: secret.run, startCount: secret.startCount, answerCount: answer.answerCount, overlap: shared, points: theirs },
  };
}

/** The answering side's finish, from its own answer file and the result: the same count, and whether the other side said the same. */
export async function finishAnswer(answer: AnswerFile, result: ResultFile, o: BatchOptions & { work: GroupWork }): Promise<{ overlap: PrivateOverlap; agreed: boolean }> {
  if (result.run !== answer.run) throw new ExchangeError(`the result is from another run (${result.run}, not ${answer.run})`);
  if (result.startCount !== answer.startCount || result.answerCount !== answer.answerCount) throw new ExchangeError('the result file counts other lists than your answer file');
  const points = result.points;
  await inBatches(points.length / POINT_BYTES, o, async (from, to) => {
    await o.work.check(points.subarray(from * POINT_BYTES, to * POINT_BYTES), from);
    return new Uint8Array((to - from) * POINT_BYTES);
  });
  const shared = countCommon(answer.reblinded, points);
  // From the answering side, "ours" is its own list (the answer's) and "theirs" the starter's.
  return { overlap: overlapOf(answer.run, answer.answerCount, answer.startCount, shared), agreed: shared === result.overlap };
}

function overlapOf(run: string, ours: number, theirs: number, shared: number): PrivateOverlap {
  return { run, ours, theirs, shared, ourShare: ours ? shared / ours : 0, theirShare: theirs ? shared / theirs : 0 };
}

/** The secret kept between start and finish, as the text of a private file. */
export function secretText(secret: StartSecret): string {
  let hex = '';
  for (const b of secret.scalar) hex += b.toString(16).padStart(2, '0');
  return `${JSON.stringify({ format: FORMAT_VERSION, protocol: PROTOCOL, keep: 'PRIVATE: never send this file; it is needed to finish the run, then delete it', run: secret.run, startCount: secret.startCount, secret: hex }, null, 2)}\n`;
}

export function readSecret(text: string): StartSecret {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ExchangeError('the secret file is not JSON');
  }
  if (!o || o.protocol !== PROTOCOL || o.format !== FORMAT_VERSION) throw new ExchangeError('the secret file is not one of this protocol and version');
  if (typeof o.run !== 'string' || !/^[0-9a-f]{32}$/.test(o.run) || typeof o.secret !== 'string' || !/^[0-9a-f]{64}$/.test(o.secret) || typeof o.startCount !== 'number') throw new ExchangeError('the secret file is damaged');
  const scalar = new Uint8Array(32);
  for (let i = 0; i < 32; i++) scalar[i] = parseInt(o.secret.slice(2 * i, 2 * i + 2), 16);
  return { run: o.run, startCount: o.startCount, scalar };
}

type BatchOptions = Pick<StepOptions, 'progress' | 'cancelled' | 'batch' | 'parallel'>;

function withProgress(o: BatchOptions, offset: number, total: number): BatchOptions {
  return { ...o, progress: o.progress && ((done) => o.progress!(offset + done, total)) };
}

/**
 * Runs `work` over [0, total) in batches, a few under way at once, the results written in place
 * (so the order does not depend on which batch comes back first); cancellation is checked
 * between batches.
 */
async function inBatches(total: number, o: BatchOptions, work: (from: number, to: number) => Uint8Array | Promise<Uint8Array>): Promise<Uint8Array> {
  const batch = o.batch ?? 512;
  const parallel = o.parallel ?? 4;
  const out = new Uint8Array(total * POINT_BYTES);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < total) {
      if (o.cancelled?.()) throw new PsiCancelled();
      const from = next;
      const to = Math.min(total, from + batch);
      next = to;
      out.set(await work(from, to), from * POINT_BYTES);
      done += to - from;
      o.progress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, lane));
  return out;
}

/** Fisher-Yates over 32-byte records, with unbiased random indexes. */
export function shuffle(points: Uint8Array, random: Random): void {
  const n = points.length / POINT_BYTES;
  const tmp = new Uint8Array(POINT_BYTES);
  const words = new Uint32Array(1024);
  let w = words.length;
  const next = (): number => {
    if (w === words.length) {
      random(new Uint8Array(words.buffer));
      w = 0;
    }
    return words[w++];
  };
  for (let i = n - 1; i > 0; i--) {
    const range = i + 1;
    const limit = 2 ** 32 - (2 ** 32 % range);
    let r = next();
    while (r >= limit) r = next();
    const j = r % range;
    if (j === i) continue;
    tmp.set(points.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES));
    points.copyWithin(i * POINT_BYTES, j * POINT_BYTES, (j + 1) * POINT_BYTES);
    points.set(tmp, j * POINT_BYTES);
  }
}
