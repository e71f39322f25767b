/**
 * The part of Node's `assert` the integration suites use, for the web worker extension host,
 * which has no Node modules (the web test bundle maps `node:assert` here).
 */
export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

const show = (v: unknown): string => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) ?? String(v);
  } catch {
    return String(v);
  }
};

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected a value other than ${show(expected)}`);
}

function deepEqualValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deepEqualValues(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqualValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqualValues(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (deepEqualValues(actual, expected)) fail(message, `expected a value other than ${show(expected)}`);
}

export function match(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) fail(message, `expected ${show(actual)} to match ${pattern}`);
}

export function doesNotMatch(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || pattern.test(actual)) fail(message, `expected ${show(actual)} not to match ${pattern}`);
}

export async function rejects(block: Promise<unknown> | (() => Promise<unknown>), message?: string | Error): Promise<void> {
  try {
    await (typeof block === 'function' ? block() : block);
  } catch {
    return;
  }
  fail(message, 'expected a rejection');
}

export function throws(block: () => unknown, message?: string | Error): void {
  try {
    block();
  } catch {
    return;
  }
  fail(message, 'expected an exception');
}

export { strictEqual as equal, deepStrictEqual as deepEqual, notStrictEqual as notEqual };
export const strict = { ok, strictEqual, notStrictEqual, deepStrictEqual, notDeepStrictEqual, match, doesNotMatch, rejects, throws, equal: strictEqual, deepEqual: deepStrictEqual, notEqual: notStrictEqual };
export default strict;
