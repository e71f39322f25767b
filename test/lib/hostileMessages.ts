import fc from 'fast-check';

/**
 * Messages a compromised or buggy webview could send: any JSON-like value, and near misses of
 * real messages (known types with wrong, missing, oversized or prototype-polluting fields).
 */
export function hostileMessage(knownTypes: readonly string[], fields: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  const nasty = fc.constantFrom<unknown>(
    '__proto__',
    'constructor',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u0000',
    '../../etc/passwd',
    'x'.repeat(100_000),
    Number.NaN,
    Infinity,
    -1,
    null,
    undefined,
    [],
    {},
  );
  const value = fc.oneof(fc.anything(), nasty);
  const nearMiss = fc.record(
    {
      type: fc.oneof(fc.constantFrom(...knownTypes), fc.string(), nasty),
      values: fc.oneof(value, fc.dictionary(fc.string(), value), fc.constant({ ['__proto__']: { polluted: true } })),
      step: value,
      id: value,
      text: value,
      payload: value,
      // A protocol's own fields, with plausible values as well as hostile ones.
      ...Object.fromEntries(Object.entries(fields).map(([k, plausible]) => [k, fc.oneof(plausible, value)])),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(fc.anything(), nasty, nearMiss, fc.array(nearMiss, { maxLength: 3 }));
}

/** A fixed list of `count` hostile messages (seeded, so failures can be replayed). */
export function hostileMessages(knownTypes: readonly string[], count: number, seed = 42, fields: Record<string, fc.Arbitrary<unknown>> = {}): unknown[] {
  return fc.sample(hostileMessage(knownTypes, fields), { numRuns: count, seed });
}
