import * as assert from 'node:assert/strict';
import { loadCorpus, scoreFields, scoreUpdates } from '../lib/contextCorpus';
import { parseContext } from '../../src/core/context';

/**
 * The corpus score: `npx tsc -p . --outDir out && npx mocha out/test/unit/context.corpus.test.js`
 * prints "N of M key fields" and "N of M one-field updates", with each miss.
 */
describe('the context corpus (files as people and assistants leave them)', () => {
  const corpus = loadCorpus();

  it('holds at least 15 files, covering the drift kinds', () => {
    assert.ok(corpus.length >= 15, `${corpus.length} files`);
    const kinds = corpus.flatMap((f) => f.kinds);
    console.log(`      drift kinds covered (${kinds.length}):\n${kinds.map((k) => `        - ${k}`).join('\n')}`);
  });

  it('reads the key fields as a careful human does', () => {
    const results = corpus.flatMap(scoreFields);
    const ok = results.filter((r) => r.ok).length;
    console.log(`      corpus: ${ok} of ${results.length} key fields`);
    for (const r of results.filter((x) => !x.ok)) console.log(`        miss ${r.file} ${r.label}: expected ${JSON.stringify(r.expected)}, read ${JSON.stringify(r.actual)}`);
    // The file of prose with no label at all is read as nothing and gets the warning with the
    // restructuring Quick Fix instead: 9 fields.
    assert.ok(ok >= results.length - 9, `${ok} of ${results.length}`);
  });

  it('makes every one-field update change only the line a person would edit', () => {
    const results = corpus.flatMap(scoreUpdates);
    const ok = results.filter((r) => r.ok).length;
    console.log(`      corpus: ${ok} of ${results.length} one-field updates change only the line a person would edit`);
    for (const r of results.filter((x) => !x.ok)) console.log(`        miss ${r.file} ${r.label}:\n${JSON.stringify(r.actual)}`);
    assert.equal(ok, results.length);
  });

  it('warns, with the Quick Fix code, where no label is recognised (a translation in a known language is read as it is)', () => {
    for (const f of corpus.filter((x) => /prose/.test(x.name))) {
      const problems = parseContext(f.text).problems.filter((p) => p.code === 'unrecognised');
      assert.equal(problems.length, 1, f.name);
      assert.equal(problems[0].severity, 'warning');
    }
  });
});
