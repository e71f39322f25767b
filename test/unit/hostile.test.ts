import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseContext } from '../../src/core/context';
import { contextCases, markerPath } from '../lib/hostileCases';

const marker = markerPath('unit');
const cases = contextCases(marker).filter((c) => c.text !== undefined);

describe(`hostile inputs through the context parser (${cases.length} cases)`, () => {
  for (const c of cases) {
    it(`${c.name}: ${c.expect}`, () => {
      const parsed = parseContext(c.text!);
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      const warnings = parsed.problems.filter((p) => p.severity === 'warning');
      if (c.expect === 'refused') assert.ok(errors.length > 0, 'an error names the problem');
      if (c.expect === 'warned') assert.ok(errors.length + warnings.length > 0, 'a warning names the problem');
      if (c.expect === 'clean' || c.expect === 'text') assert.deepStrictEqual(errors, []);
      if (c.keeps) assert.strictEqual(parsed.values[c.keeps.label as 'Community Name'], c.keeps.value);
      assert.notStrictEqual(parsed.values['Community Name'], 'Evaluated', 'no front matter code ran');
      assert.strictEqual(fs.existsSync(marker), false, 'the payload never ran');
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      assert.strictEqual((globalThis as Record<string, unknown>).__pwned, undefined);
    });
  }
});
