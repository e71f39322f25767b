import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('CONTRIBUTING.md: its map of the code matches the code', () => {
  const text = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  // Every `src/...` path it names (a placeholder such as <name> stands for each feature folder).
  const paths = [...new Set([...text.matchAll(/\bsrc\/[\w./<>*-]*[\w>*/]/g)].map((m) => m[0].replace(/[.]$/, '')))];

  it('names paths under src/', () => {
    assert.ok(paths.length > 10, paths.join(', '));
  });

  it('names only paths that exist', () => {
    const features = fs.readdirSync(path.join(ROOT, 'src', 'features'));
    const missing = paths.filter((p) => {
      if (p.includes('*')) return false;
      if (p.includes('<name>')) return !features.some((f) => fs.existsSync(path.join(ROOT, p.replace('<name>', f))));
      return !fs.existsSync(path.join(ROOT, p));
    });
    assert.deepStrictEqual(missing, []);
  });

  it('names every feature folder', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'src', 'features'))) assert.ok(text.includes(`\`${f}\``), `${f} is in CONTRIBUTING.md`);
  });
});
