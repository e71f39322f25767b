import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFrontMatter } from '../../src/core/frontMatter';
import { appendMetric, parseRecord } from '../../src/core/records';
import { parseContext } from '../../src/core/context';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** The text with old Mac line ends: every line break a lone CR. */
const crOnly = (text: string) => text.replace(/\r?\n/g, '\r');

describe('old Mac line ends (a lone CR)', () => {
  const record = fs.readFileSync(path.join(FIXTURES, 'records', 'design-systems-guild.md'), 'utf8');

  it('reads a record whose lines end in a lone CR as the same record with LF', () => {
    const lf = parseRecord(record.replace(/\r\n/g, '\n'));
    const cr = parseRecord(crOnly(record));
    assert.ok(lf.ok && cr.ok, JSON.stringify(cr.ok ? '' : cr.problems));
    if (lf.ok && cr.ok) assert.deepEqual(cr.record, lf.record);
  });

  it('gives offsets into the original CR text', () => {
    const text = '---\rpartner: Acme\rstage: active\r---\rbody\r';
    const fm = readFrontMatter(text);
    assert.equal(fm.kind, 'yaml');
    if (fm.kind !== 'yaml') return;
    assert.deepEqual(fm.data, { partner: 'Acme', stage: 'active' });
    assert.equal(text.slice(fm.rawOffset, fm.rawOffset + fm.raw.length).replace(/\r/g, '\n'), fm.raw);
    assert.equal(text.slice(fm.bodyOffset), 'body\r');
  });

  it('writes into a CR record with CR line ends, and the result reads back', () => {
    const text = crOnly(record);
    const out = appendMetric(text, { date: '2026-03-01', metric: 'cross-community-joins', value: 12, note: 'after the swap' }).text;
    assert.ok(!out.includes('\n'), 'no LF added');
    const back = parseRecord(out);
    assert.ok(back.ok);
    if (back.ok) assert.ok(back.record.metrics.some((m) => m.date === '2026-03-01' && m.value === 12));
  });

  it('reads a community context whose lines end in a lone CR, its front matter too', () => {
    const template = fs.readFileSync(path.join(FIXTURES, 'context', 'frontmatter-precedence.md'), 'utf8');
    const lf = parseContext(template.replace(/\r\n/g, '\n'));
    const cr = parseContext(crOnly(template));
    assert.deepEqual(cr.values, lf.values);
    assert.deepEqual(
      cr.problems.map((p) => p.message),
      lf.problems.map((p) => p.message),
    );
  });

  it('says what is wrong with an opening line that holds text, rather than calling it another language', () => {
    const fm = readFrontMatter('---partner: Acme\nstage: active\n---\n');
    assert.equal(fm.kind, 'error');
    if (fm.kind !== 'error') return;
    assert.doesNotMatch(fm.message, /language/);
    assert.match(fm.message, /"partner: Acme" after the ---, which must stand alone on its line/);
    const js = readFrontMatter('---js\nmodule.exports = {}\n---\n');
    assert.ok(js.kind === 'error' && /only YAML/.test(js.message), 'a named language is still refused as one');
  });
});
