import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('architecture', () => {
  it('keeps src/core free of the VS Code API and of Node I/O', () => {
    const core = filesUnder(path.join(ROOT, 'src', 'core'));
    assert.ok(core.length > 10, 'the core has files');
    const offenders = core.flatMap((f) =>
      importsOf(f)
        .filter((m) => m === 'vscode' || /^(node:)?(fs|path|child_process|os)(\/|$)/.test(m))
        .map((m) => `${path.relative(ROOT, f)} imports ${m}`),
    );
    assert.deepStrictEqual(offenders, []);
  });

  it('never imports the full zod build (it bundles every locale), only zod/mini', () => {
    const offenders = filesUnder(path.join(ROOT, 'src')).flatMap((f) => importsOf(f).filter((m) => m === 'zod' || m.startsWith('zod/v')).map((m) => `${path.relative(ROOT, f)}: ${m}`));
    assert.deepStrictEqual(offenders, []);
  });

  it('keeps the one-pass record reader and its checks free of zod, whatever they import', () => {
    // Imports that are more than types, followed through src/ from the reader: the record index
    // loads this code for every record, and zod only with the full reading.
    const VALUE_IMPORT = /^(?:import|export)\s(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gm;
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, m] of fs.readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
        if (!m.startsWith('.')) {
          offenders.push(`${path.relative(ROOT, file)} imports ${m}`);
          continue;
        }
        const target = path.resolve(path.dirname(file), m);
        visit(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
      }
    };
    visit(path.join(ROOT, 'src', 'core', 'records', 'fastDigest.ts'));
    assert.ok(seen.has(path.join(ROOT, 'src', 'core', 'records', 'valueChecks.ts')), 'the reader uses the checks');
    assert.deepStrictEqual(offenders, []);
    assert.ok(![...seen].some((f) => /records[\\/](schema|fields|fullReading)\.ts$/.test(f)), [...seen].join(', '));
  });

  it('reads front matter only through the YAML-only wrapper', () => {
    const offenders = filesUnder(path.join(ROOT, 'src'))
      // The wrapper: src/core/frontMatter.ts, and the loader it reaches on first use (yamlLoader.ts).
      .filter((f) => !f.endsWith(path.join('core', 'frontMatter.ts')) && !f.endsWith(path.join('core', 'yamlLoader.ts')))
      .filter((f) => importsOf(f).includes('gray-matter'))
      .map((f) => path.relative(ROOT, f));
    assert.deepStrictEqual(offenders, []);
    // The loader part is reached only through src/core/yamlLoaderChunk.ts (and its chunk's entry).
    const loaderUsers = filesUnder(path.join(ROOT, 'src'))
      .filter((f) => importsOf(f).some((m) => /(^|\/)yamlLoader$/.test(m)))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .sort();
    assert.deepStrictEqual(loaderUsers, ['src/core/yamlLoaderChunk.ts', 'src/implementations.ts', 'src/yamlLoaderChunk.node.ts']);
  });

  it('keeps the webview protocol in one shared file and one file per feature, free of VS Code and Node', () => {
    const protocols = filesUnder(path.join(ROOT, 'src')).filter((f) => /protocol/i.test(path.basename(f)));
    const misplaced = protocols.map((f) => path.relative(ROOT, f).split(path.sep).join('/')).filter((f) => f !== 'src/webview/protocol.ts' && !/^src\/features\/\w+\/protocol\.ts$/.test(f));
    assert.deepStrictEqual(misplaced, []);
    assert.ok(protocols.length >= 6, 'the shared part and the five pages\' parts');
    const offenders = protocols.flatMap((f) => importsOf(f).filter((m) => m === 'vscode' || m.startsWith('node:') || /(^|\/)host\//.test(m)).map((m) => `${path.relative(ROOT, f)} imports ${m}`));
    assert.deepStrictEqual(offenders, []);
  });
});
