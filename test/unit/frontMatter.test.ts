import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { safeDump } from 'js-yaml/lib/js-yaml/dumper.js';
import { readBlockYaml, resolvePlain } from '../../src/core/blockYaml';
import { simplePlain } from '../../src/core/yamlPlain';
import { NOT_READ } from '../../src/core/yamlScalars';
import { MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_NODES, readFrontMatter } from '../../src/core/frontMatter';
import { assertLinear } from './linearTime';

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

describe('the block-style YAML reader', () => {
  const jsYaml = (raw: string): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: yaml.safeLoad(raw, { schema: yaml.CORE_SCHEMA, json: false }) ?? {} };
    } catch {
      return { ok: false };
    }
  };
  const simple = (raw: string) => readBlockYaml(raw, MAX_FRONT_MATTER_NODES, MAX_FRONT_MATTER_DEPTH);
  const REPO = path.join(__dirname, '..', '..', '..');

  it('gives exactly what js-yaml gives, or gives up, on text made of YAML’s tricky pieces', () => {
    const indent = fc.constantFrom('', ' ', '  ', '    ', '      ');
    const key = fc.constantFrom('partner', 'types', 'ours', 'date', 'a', 'b c', 'x-y', 'k_1', 'true', 'null', 'Null', '__proto__', 'constructor', 'a  b', 'é', '1');
    const value = fc.constantFrom(
      '1', '012', '0x1F', '1_000', '1:30', '.5', '-5', '-a', '-', '2026-01-15', 'true', 'TRUE', 'False', 'yes', '~', 'null', '+1', '.inf', '-.inf', '.NaN', '4.0', '1e3', '0o7',
      'a b', 'a: b', 'x: y: z', 'a #c', 'a#b', 'C#', 'a,b', 'a]', '"q"', '"q" #c', '"a\\"b"', '"a" b', "'it''s'", "'x", '[a, b]', '[1, 2] #x', '[1, 2]x', '[]', '{}', '{a: 1, b: c}',
      '[a,, b]', '[a, [b]]', '{a: }', '{ours: Sam, theirs: Ana Lima}', '&x a', '*x', '!!str 1', '|', '>', 'x:', '? a', ': a', '%x', '@a', '`a`', 'a\tb', 'a ', 'a\u00a0', '\u00a0a', '🎉', '\ud83c',
    );
    const line = fc.oneof(
      fc.tuple(indent, key, value).map(([i, k, v]) => `${i}${k}: ${v}`),
      fc.tuple(indent, key).map(([i, k]) => `${i}${k}:`),
      fc.tuple(indent, value).map(([i, v]) => `${i}- ${v}`),
      fc.tuple(indent, key, value).map(([i, k, v]) => `${i}- ${k}: ${v}`),
      indent.map((i) => `${i}-`),
      fc.constantFrom('', '# comment', '  # c', '---', '...', '\t', 'a:b', 'a :b', 'key:  spaced', 'k:\t1', '%YAML 1.2'),
    );
    const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
    let read = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { maxLength: 14 }), (lines) => {
        const raw = lines.map(([l, e]) => l + e).join('');
        const fast = simple(raw);
        if (fast === undefined) return;
        read++;
        const slow = jsYaml(raw);
        assert.ok(slow.ok, `js-yaml refuses what the reader read: ${JSON.stringify(raw)}`);
        assert.deepStrictEqual(fast, slow.value, JSON.stringify(raw));
        assert.equal(Object.getPrototypeOf(fast), Object.prototype);
      }),
      { numRuns: 20_000 },
    );
    assert.ok(read > 1000, `the reader read ${read} of the texts`);
  });

  it('agrees with js-yaml on a dash-only item followed by a less indented dash, or gives up', () => {
    // Found by the property test below (seed 123414794): js-yaml continues the inner sequence
    // after a null item, even with the next dash less indented.
    for (const raw of ['partner:\n-\n -\n-\n', 'a:\n-\n - x\n -\n- y\n', 'a:\n  -\n    -\n      -\n  -\n', 'a:\n- k:\n  -\n- y\n']) {
      const fast = simple(raw);
      if (fast === undefined) continue;
      const slow = jsYaml(raw);
      assert.ok(slow.ok, JSON.stringify(raw));
      assert.deepStrictEqual(fast, slow.value, JSON.stringify(raw));
    }
    // Null items the reader does read: at the end, before a key, before a dash at the same indent.
    assert.deepStrictEqual(simple('partner:\n-\n -\n'), { partner: [[null]] });
    assert.deepStrictEqual(simple('a:\n-\n -\nb: 1\n'), { a: [[null]], b: 1 });
    assert.deepStrictEqual(simple('a:\n-\n-\n'), { a: [null, null] });
    assert.deepStrictEqual(simple('a:\n-\n  k:\n- y\n'), { a: [{ k: null }, 'y'] });
  });

  it('gives what js-yaml gives, or gives up, on nested block structure at any indentation', () => {
    // The shape of front matter only (dash-only items, keys without values, items and keys at
    // every depth), where the general generator above rarely lands.
    const indent = fc.integer({ min: 0, max: 6 }).map((n) => ' '.repeat(n));
    const line = fc.oneof(
      indent.map((i) => `${i}-`),
      indent.map((i) => `${i}- x`),
      indent.map((i) => `${i}k:`),
      indent.map((i) => `${i}k: 1`),
      indent.map((i) => `${i}- k:`),
      indent.map((i) => `${i}- j: 2`),
      fc.constantFrom('a:', 'b: 1', '# c'),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const raw = ['a:', ...lines].join('\n') + '\n';
        const fast = simple(raw);
        if (fast === undefined) return;
        read++;
        const slow = jsYaml(raw);
        assert.ok(slow.ok, `js-yaml refuses what the reader read: ${JSON.stringify(raw)}`);
        assert.deepStrictEqual(fast, slow.value, JSON.stringify(raw));
      }),
      { numRuns: 20_000 },
    );
    assert.ok(read > 1000, `the reader read ${read} of the texts`);
  });

  it('reads back what js-yaml writes, in block and flow style', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('2026-01-15', 'Maya Chen', 'a: b', '#x', 'x #y', "it's", '"q"', '012', 'yes'));
    const key = fc.oneof(fc.constantFrom('partner', 'date', 'notes', 'a b', 'x-y'), fc.string({ maxLength: 6 }));
    const { tree } = fc.letrec((tie) => ({ tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })) }));
    let read = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), fc.integer({ min: -1, max: 2 }), fc.constantFrom(1, 2, 4), (data, flowLevel, indent) => {
        const raw = safeDump(data, { schema: yaml.CORE_SCHEMA, flowLevel, indent } as yaml.DumpOptions);
        const fast = simple(raw);
        if (fast === undefined) return;
        read++;
        const slow = jsYaml(raw);
        assert.ok(slow.ok);
        assert.deepStrictEqual(fast, slow.value, JSON.stringify(raw));
      }),
      { numRuns: 5_000 },
    );
    assert.ok(read > 200, `the reader read ${read} of the texts`);
  });

  it('reads every record of the demo and of the benchmark’s generator, and gives up on the hostile ones', async () => {
    const demo = path.join(REPO, 'demo', 'partnerships');
    for (const file of fs.readdirSync(demo)) {
      const fm = readFrontMatter(fs.readFileSync(path.join(demo, file), 'utf8'));
      assert.equal(fm.kind, 'yaml', file);
      if (fm.kind === 'yaml') assert.ok(simple(fm.raw), `${file} is read without js-yaml`);
    }
    const { recordText } = (await import(path.join(REPO, 'scripts', 'lib', 'records.mjs'))) as { recordText(i: number): string };
    for (let i = 0; i < 50; i++) {
      const fm = readFrontMatter(recordText(i));
      assert.ok(fm.kind === 'yaml' && simple(fm.raw), `generated record ${i}`);
    }
    const hostile = path.join(REPO, 'test', 'fixtures', 'hostile', 'records');
    for (const file of fs.readdirSync(hostile).filter((f) => f.startsWith('yaml-'))) {
      const text = fs.readFileSync(path.join(hostile, file), 'utf8');
      const raw = /^---[^\n]*\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const fast = simple(raw + '\n');
      if (fast !== undefined) assert.deepStrictEqual(fast, jsYaml(raw + '\n').ok ? (jsYaml(raw + '\n') as { value: unknown }).value : Symbol('refused'), file);
    }
  });

  it('gives up on what it does not read', () => {
    for (const raw of [
      'a:\tb\n', // tab
      'a: &x 1\nb: *x\n', // anchor and alias
      'a: |\n  text\n', // block scalar
      'a: one\n  two\n', // a plain value over two lines
      'a: "x\\ny"\n', // an escape
      'a: 1\na: 2\n', // a duplicate key (js-yaml refuses it)
      '__proto__: {polluted: 1}\n', // a key the copy step drops
      'a: !!binary aGk=\n', // a tag
      '? a\n: b\n', // a complex key
      'a: [b, [c]]\n', // nested flow
      '  a: 1\n', // an indented root
      '- a\n', // not a mapping
      'a: x\r b: 1\n', // a CR on its own
    ]) {
      assert.equal(simple(raw), undefined, JSON.stringify(raw));
    }
    assert.equal(readBlockYaml('a: [1, 2, 3]\n', 4, 32), undefined, 'past the node limit (the mapping, its value and each item count)');
    assert.deepEqual(readBlockYaml('a: [1, 2]\n', 4, 32), { a: [1, 2] });
  });

  it('runs in linear time on long lines of spaces', function () {
    this.timeout(60_000);
    const texts = (n: number) => {
      const sp = ' '.repeat(n);
      return [`---\na${sp}b: 1\n---\n`, `---\nowners:\n    b${sp}c\n---\n`, `---\na: b${sp}#c${sp}d\n---\n`, `---\na: [${sp}b${sp},${sp}c]\n---\n`, `---\n${sp}\n${sp}a: 1\n---\n`];
    };
    assertLinear((all: string[]) => all.forEach((t) => readFrontMatter(t)), texts(5_000), texts(50_000), '50,000 spaces instead of 5,000');
  });
});

describe('plain scalars typed without js-yaml (src/core/yamlPlain.ts)', () => {
  /** What js-yaml's core schema makes of a plain scalar (the block reader types with it). */
  const agrees = (s: string) => {
    const v = simplePlain(s);
    if (v !== NOT_READ) assert.ok(Object.is(v, resolvePlain(s)), `${JSON.stringify(s)}: ${String(v)}, js-yaml ${String(resolvePlain(s))}`);
    return v !== NOT_READ;
  };

  it('types what records are written with as js-yaml does', () => {
    const read = ['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'FALSE', 'nullish', 'trueish', 'no', 'yes', 'Maya Chen', '0', '-0', '+0', '12', '-3', '+4', '1.5', '-0.0', '.5', '2.5e3', '1E-2', '1e400', '1.', '45%', '2.5x', '12k', '1,200',
      '2026-01-01T10:00:00Z', '12 members', '~3.5K', '0xyz', '+', '-', '.', '1.2.3', '0x1F', '012', '1_000', '1:30', '.inf', '-.inf', '.nan', '0b101', '3-5', '99999999999999999999'];
    const told = read.filter(agrees);
    // Only what js-yaml alone tells apart is left to it.
    assert.deepStrictEqual(read.filter((s) => !told.includes(s)), ['+', '-', '.', '1.2.3', '0x1F', '012', '1_000', '1:30', '.inf', '-.inf', '.nan', '0b101', '3-5']);
  });

  it('gives what js-yaml gives, or NOT_READ, on any text made of the characters numbers are made of', () => {
    const piece = fc.constantFrom('0', '1', '7', '9', '12', '_', '+', '-', '.', ':', 'e', 'E', 'x', 'b', 'a', 'f', 'F', 'inf', 'nan', 'NaN', 'Inf', 'k', '%', ',', ' ', 'T', 'null', 'true', '~');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        agrees(parts.join(''));
      }),
      { numRuns: 30_000 },
    );
  });
});
