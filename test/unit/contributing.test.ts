import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Every path of the repository a text names (`src/...`, `test/...`, `scripts/...`, ...); generated folders (dist/, out/) are not. */
export function namedPaths(text: string): string[] {
  const named = text.matchAll(/(?<![\w./-])(?:src|test|scripts|bench|l10n|media|snippets|demo)\/[\w./<>*-]*[\w>*/]/g);
  return [...new Set([...named].map((m) => m[0].replace(/[.]$/, '')))];
}

/** The named paths that do not exist (a placeholder such as <name> stands for each feature folder; a `*` for anything). */
export function missingPaths(paths: readonly string[], root: string): string[] {
  const features = fs.readdirSync(path.join(root, 'src', 'features'));
  return paths.filter((p) => {
    if (p.includes('*')) return false;
    if (p.includes('<name>')) return !features.some((f) => fs.existsSync(path.join(root, p.replace('<name>', f))));
    return !fs.existsSync(path.join(root, p));
  });
}

describe('CONTRIBUTING.md: its map of the code matches the code', () => {
  const text = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const paths = namedPaths(text);

  it('names paths under src/ and the rest of the repository', () => {
    assert.ok(paths.filter((p) => p.startsWith('src/')).length > 10, paths.join(', '));
    assert.ok(paths.some((p) => p.startsWith('test/')) && paths.some((p) => p.startsWith('scripts/')), paths.join(', '));
  });

  it('names only paths that exist', () => {
    assert.deepStrictEqual(missingPaths(paths, ROOT), []);
  });

  it('finds a path that does not exist (the check can fail)', () => {
    const named = namedPaths('See `src/host/files.ts`, src/features/<name>/registration.ts and scripts/nowhere.mjs.');
    assert.deepStrictEqual(named, ['src/host/files.ts', 'src/features/<name>/registration.ts', 'scripts/nowhere.mjs']);
    assert.deepStrictEqual(missingPaths(named, ROOT), ['scripts/nowhere.mjs']);
    assert.deepStrictEqual(missingPaths(['src/features/<name>/nowhere.ts'], ROOT), ['src/features/<name>/nowhere.ts']);
  });

  it('names every folder of src/ in its map', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory());
    assert.ok(folders.length >= 8, `${folders.length} folders`);
    // The map: the indented block under "How it is built", one line per folder.
    const map = text.slice(text.indexOf('## How it is built'), text.indexOf('\n\n', text.indexOf('## How it is built') + 20));
    assert.ok(map.includes('src/extension.ts'), map);
    for (const { name } of folders) assert.ok(new RegExp(`^ {4}src/${name}/`, 'm').test(map), `src/${name}/ has a line in the map of CONTRIBUTING.md`);
  });

  it('names every feature folder', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'src', 'features'))) assert.ok(text.includes(`\`${f}\``), `${f} is in CONTRIBUTING.md`);
  });
});
