import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

describe('package.json and its translations', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  const english = read('package.nls.json');
  const locales = fs.readdirSync(ROOT).filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f));

  it('takes every user-facing manifest string from package.nls.json', () => {
    assert.ok(keys.length >= 30, `${keys.length} keys`);
    for (const k of keys) assert.equal(typeof english[k], 'string', k);
    assert.deepEqual(Object.keys(english).filter((k) => !keys.includes(k)), [], 'unused keys in package.nls.json');
    const json = JSON.parse(manifest) as { contributes: { commands: { title: string }[] } };
    for (const c of json.contributes.commands) assert.match(c.title, /^%[\w.]+%$/);
  });

  it('has a complete German translation, with the same command links', () => {
    assert.ok(locales.includes('package.nls.de.json'));
    for (const f of locales) {
      const t = read(f);
      assert.deepEqual(Object.keys(t).sort(), Object.keys(english).sort(), f);
      for (const k of Object.keys(english)) {
        assert.notEqual(t[k], '', `${f}: ${k} is empty`);
        const links = (s: unknown) => [...String(s).matchAll(/\(command:[\w.]+\)/g)].map((m) => m[0]);
        assert.deepEqual(links(t[k]), links(english[k]), `${f}: ${k} keeps its command links`);
      }
    }
  });
});
