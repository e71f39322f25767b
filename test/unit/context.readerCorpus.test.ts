import * as assert from 'node:assert/strict';
import { CONTEXT_LABELS, type ContextLabel, parseContext } from '../../src/core/context';
import { loadReaderCorpus, scoreFields, scoreUpdates } from '../lib/contextCorpus';

/**
 * The reader's corpus (test/fixtures/context-corpus): files as assistants, people and pasting
 * leave them, each beside what a careful human reads in it. Every field the file gives is
 * listed; every other label must read as not given. Each one-field update must change exactly
 * the line a person would edit, every other byte kept, and read back as written.
 */
describe('the reader corpus (40+ files of every kind of input)', () => {
  const corpus = loadReaderCorpus();

  it('holds at least 40 files', () => {
    assert.ok(corpus.length >= 40, `${corpus.length} files`);
    console.log(`      kinds covered:\n${corpus.map((f) => `        - ${f.name}: ${f.kinds.join('; ')}`).join('\n')}`);
  });

  it('reads every field a careful human reads, and nothing the file does not give', () => {
    const results = corpus.flatMap(scoreFields);
    const extra: string[] = [];
    for (const f of corpus) {
      const ctx = parseContext(f.text);
      for (const label of CONTEXT_LABELS) {
        if (label in f.fields) continue;
        if (ctx.values[label] !== undefined) extra.push(`${f.name} ${label}: read ${JSON.stringify(ctx.values[label])}, the file does not give it`);
      }
    }
    const ok = results.filter((r) => r.ok).length;
    console.log(`      reader corpus: ${ok} of ${results.length} fields read right; ${extra.length} read where the file gives none`);
    for (const r of results.filter((x) => !x.ok)) console.log(`        miss ${r.file} ${r.label}: expected ${JSON.stringify(r.expected)}, read ${JSON.stringify(r.actual)}`);
    for (const e of extra) console.log(`        extra ${e}`);
    assert.ok(ok / results.length >= 0.95, `${ok} of ${results.length}`);
    assert.ok(extra.length <= 2, extra.join('\n'));
  });

  it('makes every one-field update change only the line a person would edit, and reads it back', () => {
    const results = corpus.flatMap(scoreUpdates);
    const ok = results.filter((r) => r.ok).length;
    console.log(`      reader corpus: ${ok} of ${results.length} one-field updates change only the line a person would edit`);
    for (const r of results.filter((x) => !x.ok)) console.log(`        miss ${r.file} ${r.label}:\n${JSON.stringify(r.actual)}`);
    assert.equal(ok, results.length);
    for (const f of corpus) {
      for (const u of f.updates) {
        const after = scoreUpdates({ ...f, updates: [u] })[0].actual;
        const read = parseContext(after).values[u.label as ContextLabel];
        assert.ok(read === u.value || read?.startsWith(`${u.value} (`), `${f.name} ${u.label}: ${JSON.stringify(read)}`);
      }
    }
  });

  it('tells, on each line that loses to another, which line wins', () => {
    for (const name of ['16-change-history.md', '18-archived.md', '38-previous-lines.md', '39-changelog-dated.md']) {
      const f = corpus.find((x) => x.name === name)!;
      const stale = parseContext(f.text).problems.filter((p) => p.code === 'stale');
      assert.ok(stale.length > 0, name);
      for (const p of stale) {
        assert.equal(p.severity, 'information');
        assert.match(p.message, /line \d+/);
      }
    }
  });

  it('warns, offering the Quick Fix, where fewer than three fields are read, whatever the shape', () => {
    const cases = ['---\nowner: sam\nteam: Ana\n---\n', '<aside>Our Discord for bakers</aside>\n', 'Community Name: Acme\n\nWe meet on Fridays.\n', '| a | b |\n|---|---|\n| Name | Acme |\n'];
    for (const text of cases) {
      const warnings = parseContext(text).problems.filter((p) => p.code === 'unrecognised');
      assert.equal(warnings.length, 1, text);
      assert.equal(warnings[0].severity, 'warning');
    }
    for (const f of corpus) assert.ok(!parseContext(f.text).problems.some((p) => p.code === 'unrecognised') || Object.keys(f.fields).length < 3, f.name);
  });
});
