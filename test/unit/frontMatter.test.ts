import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { readFrontMatter } from '../../src/core/frontMatter';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'context');

/** A path in the temp folder that a hostile payload would create if it were ever run. */
function markerPath(name: string): string {
  return path.join(os.tmpdir(), `community-context-marker-${name}-${process.pid}-${Date.now()}`);
}

function hostile(file: string, marker: string): string {
  return fs.readFileSync(path.join(FIXTURES, file), 'utf8').replace(/__MARKER__/g, JSON.stringify(marker));
}

const HOSTILE_FILES: readonly [string, string][] = [
  ['---js', 'hostile-js.md'],
  ['---javascript', 'hostile-javascript.md'],
  ['--- js', 'hostile-space-js.md'],
  ['---JS', 'hostile-JS-upper.md'],
  ['---Javascript', 'hostile-Javascript-title.md'],
  ['---coffee', 'hostile-coffee.md'],
  ['---toml', 'hostile-toml.md'],
  ['---json', 'hostile-json.md'],
];

describe('readFrontMatter', () => {
  it('reports no front matter for a plain document, keeping a BOM out of the body', () => {
    const fm = readFrontMatter('\ufeff# Title\n');
    assert.equal(fm.kind, 'none');
    assert.equal(fm.body, '# Title\n');
    assert.equal(fm.bodyOffset, 1);
  });

  it('reads YAML front matter with offsets into the original text (BOM and CRLF)', () => {
    const text = '\ufeff---\r\nname: Edge\r\nsize: 12\r\n---\r\nbody line\r\n';
    const fm = readFrontMatter(text);
    assert.equal(fm.kind, 'yaml');
    if (fm.kind !== 'yaml') return;
    assert.deepEqual(fm.data, { name: 'Edge', size: 12 });
    assert.equal(text.slice(fm.rawOffset, fm.rawOffset + fm.raw.length), fm.raw);
    assert.ok(fm.raw.startsWith('name: Edge'));
    assert.equal(text.slice(fm.bodyOffset), 'body line\r\n');
    assert.equal(fm.body, 'body line\r\n');
  });

  it('accepts an explicit yaml or YML language', () => {
    for (const lang of ['yaml', 'YML', 'Yaml']) {
      const fm = readFrontMatter(`---${lang}\na: 1\n---\nbody`);
      assert.equal(fm.kind, 'yaml', lang);
    }
  });

  it('treats a front matter that is never closed as no front matter', () => {
    assert.equal(readFrontMatter('---\na: 1\nno closing line').kind, 'none');
  });

  it('refuses a YAML document that is not a mapping', () => {
    for (const text of ['---\n- a\n- b\n---\nx', '---\njust text\n---\nx']) {
      const fm = readFrontMatter(text);
      assert.equal(fm.kind, 'error', text);
    }
  });

  it('gives the line of a YAML syntax error in the original text', () => {
    const fm = readFrontMatter('---\na: 1\n  b: 2\n---\nbody');
    assert.equal(fm.kind, 'error');
    if (fm.kind !== 'error') return;
    assert.equal(fm.line, 2);
    assert.equal(fm.body, 'body');
  });

  for (const [opening, file] of HOSTILE_FILES) {
    it(`never runs ${JSON.stringify(opening)} front matter`, () => {
      const marker = markerPath(file);
      assert.equal(fs.existsSync(marker), false);
      const text = hostile(file, marker);
      assert.ok(text.startsWith(opening + '\n'));
      const fm = readFrontMatter(text);
      assert.equal(fm.kind, 'error');
      if (fm.kind !== 'error') return;
      assert.equal(fm.line, 0);
      assert.match(fm.message, /only YAML/);
      assert.equal(fs.existsSync(marker), false);
    });
  }

  it('keeps gray-matter’s content cache empty', () => {
    readFrontMatter('---\na: 1\n---\nbody');
    readFrontMatter('---\na: 1\n---\nbody');
    assert.deepEqual(Object.keys((matter as unknown as { cache: Record<string, unknown> }).cache), []);
  });

  describe('YAML traps', () => {
    it('drops __proto__ and constructor keys and pollutes nothing', () => {
      const fm = readFrontMatter(fs.readFileSync(path.join(FIXTURES, 'yaml-proto.md'), 'utf8'));
      assert.equal(fm.kind, 'yaml');
      if (fm.kind !== 'yaml') return;
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(fm.data), Object.prototype);
      assert.equal(Object.prototype.hasOwnProperty.call(fm.data, '__proto__'), false);
      assert.equal(Object.prototype.hasOwnProperty.call(fm.data, 'constructor'), false);
      assert.equal((fm.data as Record<string, unknown>).polluted, undefined);
      assert.equal(fm.data['Community Name'], 'Prototype Proof');
    });

    it('does not apply << merge keys', () => {
      const fm = readFrontMatter('---\nbase: &b {x: 1}\nm:\n  <<: *b\n---\n');
      assert.equal(fm.kind, 'yaml');
      if (fm.kind !== 'yaml') return;
      assert.deepEqual(fm.data.m, { '<<': { x: 1 } });
    });

    it('stops a billion-laughs alias bomb quickly', () => {
      const started = Date.now();
      const fm = readFrontMatter(fs.readFileSync(path.join(FIXTURES, 'yaml-laughs.md'), 'utf8'));
      assert.ok(Date.now() - started < 2000, 'took too long');
      assert.equal(fm.kind, 'error');
      if (fm.kind !== 'error') return;
      assert.match(fm.message, /too large/);
      assert.ok(fm.body.includes('Still Standing'));
    });

    it('refuses 5,000-deep nesting, in flow and block style', () => {
      const flow = '---\na: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n---\nbody';
      const block = '---\na:\n  ' + '- '.repeat(5000) + 'x\n---\nbody';
      for (const text of [flow, block]) {
        const started = Date.now();
        const fm = readFrontMatter(text);
        assert.ok(Date.now() - started < 5000, 'took too long');
        assert.equal(fm.kind, 'error');
        if (fm.kind !== 'error') return;
        assert.match(fm.message, /nested too deeply/);
        assert.equal(fm.body, 'body');
      }
    });

    it('rejects duplicate keys at the duplicate’s line', () => {
      const fm = readFrontMatter(fs.readFileSync(path.join(FIXTURES, 'yaml-duplicate-keys.md'), 'utf8'));
      assert.equal(fm.kind, 'error');
      if (fm.kind !== 'error') return;
      assert.equal(fm.line, 3);
      assert.match(fm.message, /duplicated mapping key/);
    });
  });

  it('never throws, whatever follows an opening ---', () => {
    const pieces = fc.constantFrom('---', '---js', '\n', '\r\n', 'a: ', '- ', '[', ']', '{', '}', '&a ', '*a', '<<: ', '__proto__: ', '"', "'", '|', '  ', '#', 'x', '1', '\ufeff');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.string(), (parts, tail) => {
        const fm = readFrontMatter('---\n' + parts.join('') + tail);
        assert.ok(fm.bodyOffset >= 0);
      }),
      { numRuns: 1000 },
    );
  });
});
