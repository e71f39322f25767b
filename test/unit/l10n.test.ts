import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bundleTranslator, format, l10n, setTranslator, type L10nArg, type L10nMessage } from '../../src/core/l10n';
import { parseContext } from '../../src/core/context';
import { parseRecord } from '../../src/core/records';
import { diagnosePartnershipDoc } from '../../src/core/partnershipDocs';
import { readFrontMatter } from '../../src/core/frontMatter';

const ROOT = path.resolve(__dirname, '../../..');
const bundle = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8')) as Record<string, string | { message: string }>;
const text = (v: string | { message: string }) => (typeof v === 'string' ? v : v.message);
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
const unique = (xs: number[]) => [...new Set(xs)];

/** What vscode.l10n.t does with a bundle: the translation of the key, else the English; then the arguments. */
function translatorFrom(table: Record<string, string | { message: string }>, misses: string[]) {
  return ((first: string | L10nMessage, ...rest: L10nArg[]) => {
    const message = typeof first === 'string' ? first : first.message;
    const key = typeof first === 'string' || !first.comment ? message : `${message}/${([] as string[]).concat(first.comment).join('')}`;
    const args = typeof first === 'string' ? rest : (first.args ?? []);
    const found = table[key];
    if (found === undefined) misses.push(key);
    return format(found === undefined ? message : text(found), args);
  }) as Parameters<typeof setTranslator>[0];
}

function files(dir: string, ext = '.md'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : e.name.endsWith(ext) ? [p] : [];
  });
}

describe('l10n: runtime strings (l10n/bundle.l10n*.json)', () => {
  const english = bundle('bundle.l10n.json');
  const german = bundle('bundle.l10n.de.json');

  it('l10n/bundle.l10n.json holds exactly the messages of src/ (npm run l10n:export --check)', function () {
    // About 1 s of CPU (the exporter parses every source file that uses l10n); a loaded machine
    // stretches that in wall time.
    this.timeout(60_000);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'l10n-export.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.ok(Object.keys(english).length >= 150, `${Object.keys(english).length} strings`);
  });

  it('has a complete German bundle: every key, no empty text, the same placeholders', () => {
    assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort());
    for (const [key, en] of Object.entries(english)) {
      const de = text(german[key]);
      assert.notEqual(de.trim(), '', key);
      assert.deepEqual(unique(placeholders(de)), unique(placeholders(text(en))), `placeholders of ${JSON.stringify(key)}`);
      // Only strings that are nothing but placeholders and punctuation may read the same.
      if (/[a-z]{3}/i.test(text(en).replace(/\{\d+\}/g, ''))) assert.notEqual(de, text(en), `${JSON.stringify(key)} is not translated`);
    }
  });

  it('German uses typographic quotes, not the English straight ones, around names', () => {
    for (const [key, de] of Object.entries(german)) assert.doesNotMatch(text(de), /"/, key);
  });

  it('names each message once in every bundle (JSON.parse would keep only the last of two)', () => {
    for (const name of ['bundle.l10n.json', 'bundle.l10n.de.json', '../package.nls.json', '../package.nls.de.json']) {
      const keys = [...fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8').matchAll(/^ {2}("(?:[^"\\]|\\.)*"):/gm)].map((m) => JSON.parse(m[1]) as string);
      assert.ok(keys.length > 20, `${name}: ${keys.length} keys`);
      const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
      assert.deepStrictEqual(twice, [], `${name}: keys given twice`);
    }
  });

  it('formats {0}-style placeholders, and leaves an index without an argument as it is', () => {
    assert.equal(format('{1} of {0} {2}', [39, 12]), '12 of 39 {2}');
    assert.equal(format('{0}{0}', ['a']), 'aa');
    assert.equal(l10n.t('{0} exists already.', 'x.md'), 'x.md exists already.');
  });

  describe('a webview page\'s translator over the loaded bundle (bundleTranslator)', () => {
    it('gives the same text as vscode.l10n.t would for every German message, comments and placeholders included', () => {
      const t = bundleTranslator(german);
      let compared = 0;
      let translated = 0;
      for (const [key, value] of Object.entries(english)) {
        const message = text(value);
        const comment = typeof value === 'string' ? undefined : (value as { comment?: string | string[] }).comment;
        const args = placeholders(message).map((i) => `<${i}>`);
        const reference = translatorFrom(german, [])!;
        const got = comment ? t({ message, args, comment }) : t(message, ...args);
        assert.equal(got, comment ? reference({ message, args, comment }) : reference(message, ...args), key);
        compared++;
        if (got !== format(message, args)) translated++;
      }
      assert.ok(compared > 200, `${compared} messages`);
      assert.ok(translated > compared * 0.9, `${translated} of ${compared} differ from the English`);
    });

    it('keeps the English for a message the bundle lacks, an empty one, or one that is not text', () => {
      const t = bundleTranslator({ Copy: 'Kopieren', Empty: '', Odd: 42, Obj: { message: 'Objekt' }, '__proto__': 'x' } as Record<string, unknown>);
      assert.equal(t('Copy'), 'Kopieren');
      assert.equal(t('Empty'), 'Empty');
      assert.equal(t('Odd'), 'Odd');
      assert.equal(t('Obj'), 'Objekt');
      assert.equal(t('toString'), 'toString');
      assert.equal(t('Missing {0}', 3), 'Missing 3');
    });
  });

  describe('the domain in German through the translator the extension sets', () => {
    const misses: string[] = [];
    before(() => setTranslator(translatorFrom(german, misses)));
    after(() => setTranslator(undefined));

    it('says the problems of records, contexts and partnership documents in German, every message from the bundle', () => {
      const corpus = [
        ...files(path.join(ROOT, 'test', 'fixtures', 'records')),
        ...files(path.join(ROOT, 'test', 'fixtures', 'context')),
        ...files(path.join(ROOT, 'test', 'fixtures', 'hostile')),
      ];
      assert.ok(corpus.length >= 30, `${corpus.length} files`);
      // Records written the ways people get them wrong, one problem each.
      const records = [
        'no front matter at all',
        '---\npartner: A\nstage: negotiating\ncadence: sometimes\nstart: 2026-02-30\nreview: 9999-01-01\npartnerSize: lots\n---\n',
        '---\npartner: A\nchek_ins: []\nowners: Sam\nscores: high\nplaybook: yes\n---\n',
        '---\npartner: A\nowners:\n  us: Sam\n  oursy: Sam\nscores:\n  reach: 3\n  audienceOverlap: 9\nplaybook:\n  newsletter-swap: [1, 99]\n  launch: [1]\n---\n',
        '---\npartner: A\ntypes: [not-a-type]\ncheckIns:\n  - hello\n  - date: 2026-01-01\n    note: typo\n  - date: someday\nmetrics: nope\n---\n',
        '---\ncommunity: B\n---\n',
        '---js\n{ partner: "A" }\n---\n',
        '---\npartner: [unclosed\n---\n',
      ];
      const messages: string[] = [];
      for (const f of corpus) {
        const t = fs.readFileSync(f, 'utf8');
        messages.push(...parseContext(t).problems.map((p) => p.message));
        messages.push(...parseRecord(t).problems.map((p) => p.message));
        messages.push(...diagnosePartnershipDoc(t).flatMap((d) => [d.message, d.fix?.title ?? '']));
      }
      for (const r of records) messages.push(...parseRecord(r).problems.map((p) => p.message));
      const agreement = '---\npartnership-doc: agreement\n---\n# Community Partnership - Acme x Guild\n\nWe will do [something] with [someone].\n';
      messages.push(...diagnosePartnershipDoc(agreement).flatMap((d) => [d.message, d.fix?.title ?? '']));
      const fm = readFrontMatter('---toml\na = 1\n---\n');
      if (fm.kind === 'error') messages.push(fm.message);

      const shown = messages.filter(Boolean);
      assert.ok(shown.length >= 60, `${shown.length} messages`);
      assert.deepEqual([...new Set(misses)], [], 'messages missing from the German bundle');
      // The German wording, not the English one, reached the user.
      const englishWords = /\b(?:is not|must be|could not|the record|the front matter|given again|still to be filled)\b/i;
      assert.deepEqual(shown.filter((m) => englishWords.test(m.replace(/„[^“]*“|\([^)]*\)/g, ''))), []);
      assert.ok(shown.some((m) => m.includes('Der Datensatz hat keinen Partner')), 'the missing partner, in German');
      assert.ok(shown.some((m) => /muss einer dieser Werte sein: prospect/.test(m)), 'a wrong stage, in German');
      assert.ok(shown.some((m) => m.includes('Die Vereinbarung hat keine Ausstiegsklausel')), 'a missing exit clause, in German');
    });
  });

  it('no message in the extension-side code is shown without l10n (notifications, Quick Fixes, tooltips)', () => {
    // The panels' files and the webview pages are localised in their own change.
    const skip = new Set(
      ['planner/view.ts', 'records/service.ts', 'planner/commands.ts', 'contextForm/panel.ts', 'pitch/impl.ts', 'agreement/impl.ts'].map((f) => path.join(ROOT, 'src', 'features', f)),
    );
    const page = /[\\/](page|model|protocol)\.ts$/;
    const sources = [...files(path.join(ROOT, 'src', 'features'), '.ts'), ...files(path.join(ROOT, 'src', 'host'), '.ts'), path.join(ROOT, 'src', 'extension.ts')].filter(
      (f) => !skip.has(f) && !page.test(f),
    );
    const raw = /show(?:Information|Warning|Error)Message\(\s*['"`]|new vscode\.CodeAction\(\s*['"`]|\.(?:tooltip|text|name)\s*=\s*['"`][^'"`]*[a-z]{3}|placeHolder:\s*['"`]|prompt:\s*['"`]/;
    const found = sources.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => raw.test(line) && !line.includes('l10n.t(')),
    );
    assert.deepEqual(found.map((f) => `${f.at}: ${f.line.trim()}`), []);
  });
});
