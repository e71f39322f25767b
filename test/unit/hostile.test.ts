import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { parseContext } from '../../src/core/context';
import { digestRecord, parseRecord } from '../../src/core/records';
import { contextCases, markerPath, recordCaseText, recordCases, valueAt } from '../lib/hostileCases';

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

const recordMarker = markerPath('unit-records');
const records = recordCases(recordMarker).filter((c) => recordCaseText(c) !== undefined);

describe(`hostile inputs through the record reader (${records.length} cases)`, () => {
  for (const c of records) {
    it(`${c.name}: ${c.expect}`, function () {
      this.timeout(20_000);
      const text = recordCaseText(c)!;
      let parsed: ReturnType<typeof parseRecord>;
      assert.doesNotThrow(() => (parsed = parseRecord(text)));
      const r = parsed!;
      const errors = r.problems.filter((p) => p.severity === 'error');
      if (c.expect === 'broken') {
        assert.strictEqual(r.ok, false, 'not read as a record');
        assert.ok(errors.length > 0, 'an error says why');
      } else {
        assert.ok(r.ok, `read as a record: ${r.problems.map((p) => p.message).join(' | ')}`);
        assert.strictEqual(r.record.partner, c.partner);
        if (c.expect === 'refused') assert.ok(errors.length > 0, 'errors name the fields');
        else assert.deepStrictEqual(errors, [], 'no error');
        for (const k of c.keeps ?? []) assert.strictEqual(valueAt(r.record, k.path), k.value, `${k.path} kept as the exact text`);
      }
      // Each expected problem is reported, on a line of the file.
      const lines = text.split('\n').length;
      for (const re of c.problems ?? []) assert.ok(r.problems.some((p) => re.test(p.message)), `a problem matching ${re}: ${r.problems.map((p) => p.message).join(' | ')}`);
      for (const p of r.problems) assert.ok(p.line >= 0 && p.line < lines, `problem line ${p.line} in the file`);
      assert.notStrictEqual(r.ok && r.record.partner, 'Evaluated', 'no front matter code ran');
      assert.strictEqual(fs.existsSync(recordMarker), false, 'the payload never ran');
      for (const probe of [{}, [], Object.create(null) as object, r.ok ? r.record : r.partial, r.ok ? r.record.owners : {}]) {
        assert.strictEqual((probe as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      }
      assert.strictEqual(Object.getPrototypeOf(r.ok ? r.record : r.partial), Object.prototype, 'the record is a plain object');
      assert.strictEqual((globalThis as Record<string, unknown>).__pwned, undefined);

      // The index's reader (the digest it keeps) gives the same verdict, the same problems and
      // the same values for what it keeps.
      let digested: ReturnType<typeof digestRecord>;
      assert.doesNotThrow(() => (digested = digestRecord(text)));
      const d = digested!;
      assert.strictEqual(d.ok, r.ok, 'the digest reads it as parseRecord does');
      assert.deepStrictEqual(d.problems, r.problems, 'the digest reports the same problems');
      if (d.ok && r.ok) {
        for (const key of ['partner', 'community', 'contact', 'stage', 'types', 'owners', 'start', 'review', 'cadence', 'scores', 'partnerSize'] as const) {
          assert.deepStrictEqual(d.digest[key], r.record[key], `${key} in the digest`);
        }
        assert.strictEqual(Object.getPrototypeOf(d.digest), Object.prototype, 'the digest is a plain object');
      }
      assert.strictEqual(fs.existsSync(recordMarker), false, 'the payload never ran');
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
    });
  }
});
