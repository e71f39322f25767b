// Whether a function's cost grows linearly with its input, measured so that a busy machine does not
// decide: CPU time of this process (another process's work does not count, as it does in wall
// time), after a warm-up, each sample long enough for the timer, the two sizes interleaved (a
// slow spell hits both) and the least of several samples kept (noise only ever adds time).
import * as assert from 'node:assert';

/** 10x the input: linear code takes about 10x the time, quadratic code 100x. This bound sits
 *  well below quadratic and far enough above linear that a cache miss or a GC does not trip it. */
export const LINEAR_BOUND = 30;

/** CPU time of this process (user + system), in microseconds. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** CPU time of this process in milliseconds: a timer for tests that other processes do not slow. */
export function cpuMs(): number {
  return cpuMicros() / 1000;
}

export interface Growth {
  /** The least CPU time per call on the small input, in microseconds. */
  small: number;
  large: number;
  ratio: number;
}

/**
 * How many times longer `run(large)` takes than `run(small)`. Each sample repeats the call as
 * often as it takes the small input to use `sampleMs` of CPU; sampling stops after `samples`
 * pairs, or after at least three pairs once `budgetMs` of wall time has passed (a quadratic
 * function on the large input takes long enough to fail on three).
 */
export function growth<T>(run: (input: T) => unknown, small: T, large: T, { samples = 7, sampleMs = 4, budgetMs = 5_000 } = {}): Growth {
  run(small);
  run(large);
  let calls = 1;
  for (;;) {
    const started = cpuMicros();
    for (let i = 0; i < calls; i++) run(small);
    if (cpuMicros() - started >= sampleMs * 1000 || calls >= 1 << 20) break;
    calls *= 2;
  }
  const sample = (input: T): number => {
    const started = cpuMicros();
    for (let i = 0; i < calls; i++) run(input);
    return (cpuMicros() - started) / calls;
  };
  const began = Date.now();
  let best = { small: Infinity, large: Infinity };
  for (let i = 0; i < samples && (i < 3 || Date.now() - began < budgetMs); i++) {
    best = { small: Math.min(best.small, sample(small)), large: Math.min(best.large, sample(large)) };
  }
  return { ...best, ratio: best.large / Math.max(best.small, 1) };
}

/** Asserts that `run` on `large` (10x `small`) takes under LINEAR_BOUND times as long. */
export function assertLinear<T>(run: (input: T) => unknown, small: T, large: T, what = '10x the input'): Growth {
  const g = growth(run, small, large);
  assert.ok(g.ratio < LINEAR_BOUND, `${what} took ${g.ratio.toFixed(1)}x the CPU time (${(g.small / 1000).toFixed(2)} ms vs ${(g.large / 1000).toFixed(2)} ms), at most ${LINEAR_BOUND}x allowed`);
  return g;
}
