import { parseHexDigest, toHex } from '../measure/hash';
import { POINT_BYTES } from './scalar';

/*
 * The files of the private overlap: JSON, one object with its keys in this order and nothing
 * else (no email, no name, no hash of either):
 *
 *   step 1 "start"  (you -> partner): format, protocol, step, run, startCount, points
 *   step 2 "answer" (partner -> you): format, protocol, step, run, startCount, answerCount, reblinded, points
 *   step 3 "result" (you -> partner): format, protocol, step, run, startCount, answerCount, overlap, points
 *
 * `run` is 32 lowercase hexadecimal characters, the same in the three files of one run; points
 * are ristretto255 encodings as 64 lowercase hexadecimal characters. A file of another format
 * version, protocol, step or run is refused with the reason.
 */

export const FORMAT_VERSION = 1;
export const PROTOCOL = 'community-partnerships-private-overlap/ristretto255-sha512/1';
/** The largest list a file may hold: 16 million members. */
export const MAX_POINTS = 1 << 24;

export interface StartFile {
  format: number;
  protocol: string;
  step: 1;
  run: string;
  startCount: number;
  points: string[];
}

export interface AnswerFile {
  format: number;
  protocol: string;
  step: 2;
  run: string;
  startCount: number;
  answerCount: number;
  reblinded: string[];
  points: string[];
}

export interface ResultFile {
  format: number;
  protocol: string;
  step: 3;
  run: string;
  startCount: number;
  answerCount: number;
  overlap: number;
  points: string[];
}

export type ExchangeFile = StartFile | AnswerFile | ResultFile;

export const STEP_NAMES = { 1: 'start', 2: 'answer', 3: 'result' } as const;

/** A file that cannot be used, and why, in words for the user. */
export class ExchangeError extends Error {}

/** A run id: 128 random bits as hexadecimal. */
export function newRunId(random: (bytes: Uint8Array) => Uint8Array): string {
  return toHex(random(new Uint8Array(16)), 0, 16);
}

/** The points (32 bytes each, one after the other) as the hex strings of a file. */
export function pointsToHex(points: Uint8Array): string[] {
  const out: string[] = new Array(points.length / POINT_BYTES);
  for (let i = 0; i < out.length; i++) out[i] = toHex(points, i * POINT_BYTES, POINT_BYTES);
  return out;
}

/** The hex strings of a file as bytes; a string that is not 64 hexadecimal characters is refused. Points are checked on the group when used. */
export function pointsFromHex(hex: readonly string[], what: string): Uint8Array {
  const out = new Uint8Array(hex.length * POINT_BYTES);
  for (let i = 0; i < hex.length; i++) {
    if (typeof hex[i] !== 'string' || !parseHexDigest(hex[i], out, i * POINT_BYTES)) throw new ExchangeError(`${what}: point ${i + 1} is not 64 hexadecimal characters`);
  }
  return out;
}

/** The file's text: one key a line, the points one a line, so that it reads and diffs plainly. */
export function writeExchange(file: ExchangeFile): string {
  const lines = Object.entries(file).map(([key, value]) => {
    if (Array.isArray(value)) return `  ${JSON.stringify(key)}: [${value.length ? `\n    ${value.map((v) => JSON.stringify(v)).join(',\n    ')}\n  ` : ''}]`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The step a file says it is, whatever the order of its keys; undefined when it names none (readExchange says why). */
export function stepOf(text: string): number | undefined {
  const at = /"step"\s*:\s*(\d+)/.exec(text);
  return at ? Number(at[1]) : undefined;
}

const KEYS: Record<1 | 2 | 3, readonly string[]> = {
  1: ['format', 'protocol', 'step', 'run', 'startCount', 'points'],
  2: ['format', 'protocol', 'step', 'run', 'startCount', 'answerCount', 'reblinded', 'points'],
  3: ['format', 'protocol', 'step', 'run', 'startCount', 'answerCount', 'overlap', 'points'],
};

/**
 * A file's text read as the step expected (and the run, when known), or an ExchangeError that
 * says why not: not this format, another version, another protocol, another step, another run,
 * counts that do not match the points, a point that is not hexadecimal or is there twice.
 */
export function readExchange<S extends 1 | 2 | 3>(text: string, step: S, run?: string): Extract<ExchangeFile, { step: S }> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new ExchangeError('this is not a private overlap file (it is not JSON)');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ExchangeError('this is not a private overlap file (not a JSON object)');
  const o = data as Record<string, unknown>;
  if (o.protocol !== PROTOCOL) throw new ExchangeError(typeof o.protocol === 'string' ? `the file is for another protocol (${JSON.stringify(o.protocol.slice(0, 80))}; this reads ${PROTOCOL})` : 'this is not a private overlap file (no protocol)');
  if (o.format !== FORMAT_VERSION) throw new ExchangeError(`the file is format version ${JSON.stringify(o.format)}; this reads version ${FORMAT_VERSION}`);
  if (o.step !== step) {
    const name = (STEP_NAMES as Record<string, string>)[String(o.step)];
    throw new ExchangeError(name ? `this is the ${name} file (step ${String(o.step)}); the ${STEP_NAMES[step]} file (step ${step}) is needed here` : 'the file names no step of the protocol');
  }
  const extra = Object.keys(o).filter((k) => !KEYS[step].includes(k));
  if (extra.length) throw new ExchangeError(`the file holds fields the protocol does not have (${extra.slice(0, 5).join(', ')})`);
  if (typeof o.run !== 'string' || !/^[0-9a-f]{32}$/.test(o.run)) throw new ExchangeError('the run id is not 32 hexadecimal characters');
  if (run !== undefined && o.run !== run) throw new ExchangeError(`the file is from another run (${o.run}, not ${run})`);
  for (const key of KEYS[step]) {
    if (key === 'points' || key === 'reblinded') {
      const list = o[key];
      if (!Array.isArray(list) || list.length > MAX_POINTS) throw new ExchangeError(`"${key}" is not a list of at most ${MAX_POINTS} points`);
      const seen = new Set<string>();
      for (let i = 0; i < list.length; i++) {
        const p = list[i] as unknown;
        if (typeof p !== 'string' || !/^[0-9a-f]{64}$/.test(p)) throw new ExchangeError(`"${key}": point ${i + 1} is not 64 lowercase hexadecimal characters`);
        if (seen.has(p)) throw new ExchangeError(`"${key}": point ${i + 1} is there twice (an honest file never repeats a point)`);
        seen.add(p);
      }
    } else if (key.endsWith('Count') || key === 'overlap') {
      const n = o[key];
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n > MAX_POINTS) throw new ExchangeError(`"${key}" is not a count`);
    }
  }
  const f = o as unknown as ExchangeFile;
  if (f.step === 1 && f.points.length !== f.startCount) throw new ExchangeError(`the file says ${f.startCount} members but holds ${f.points.length} points`);
  if (f.step === 2 && f.reblinded.length !== f.startCount) throw new ExchangeError(`the file says ${f.startCount} members were re-blinded but holds ${f.reblinded.length}`);
  if ((f.step === 2 || f.step === 3) && f.points.length !== f.answerCount) throw new ExchangeError(`the file says ${f.answerCount} members but holds ${f.points.length} points`);
  if (f.step === 3 && f.overlap > Math.min(f.startCount, f.answerCount)) throw new ExchangeError('the overlap is larger than a list');
  return f as Extract<ExchangeFile, { step: S }>;
}
