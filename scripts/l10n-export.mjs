// `npm run l10n:export`: every `l10n.t(...)` message of src/ into l10n/bundle.l10n.json, with
// @vscode/l10n-dev. The domain (src/core) never imports `vscode`: it calls `l10n.t` from
// src/core/l10n.ts, which the exporter does not know, so each such import is read as
// `import * as l10n from '@vscode/l10n'` (the same call shape) before the file is analysed.
// `--check` writes nothing and fails when the bundle is not what the sources say.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// Taken before the exporter loads it: once web-tree-sitter has set itself up (which the exporter
// starts on load), requiring it gives its WebAssembly module instead.
const TreeSitter = require(require.resolve('web-tree-sitter', { paths: [require.resolve('@vscode/l10n-dev')] }));
const { getL10nJson } = require('@vscode/l10n-dev');

/** `import { l10n, ... } from '../l10n';` of src/core/l10n.ts (the other names do not matter here). */
const CORE_IMPORT = /^import \{ (?:[\w ,]*, )?l10n(?:, [\w ,]*)? \} from '(?:\.\.?\/)+(?:core\/)?l10n';$/gm;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * The exporter compiles its two tree-sitter queries anew for every file that uses l10n (about
 * 0.1 s of CPU each, most of the export's time); a query does not depend on the file, so each
 * is compiled once and kept. The output is the same.
 */
async function compileQueriesOnce() {
  // Loads the grammar, so that web-tree-sitter has set up its Language class.
  await getL10nJson([{ extension: '.ts', contents: "import * as vscode from 'vscode';\nvscode.l10n.t('');" }]);
  const Language = TreeSitter.Language;
  const query = Language?.prototype?.query;
  if (typeof query !== 'function' || query.cached) return;
  const compiled = new WeakMap();
  Language.prototype.query = function (source) {
    if (!compiled.has(this)) compiled.set(this, new Map());
    const queries = compiled.get(this);
    if (!queries.has(source)) queries.set(source, query.call(this, source));
    return queries.get(source);
  };
  Language.prototype.query.cached = true;
}

export async function exportStrings() {
  await compileQueriesOnce();
  const files = sources(join(ROOT, 'src')).sort();
  const scripts = files.map((f) => ({ extension: '.ts', contents: readFileSync(f, 'utf8').replace(CORE_IMPORT, "import * as l10n from '@vscode/l10n';") }));
  const bundle = await getL10nJson(scripts);
  // Sorted, so that a change in the sources is a readable change in the bundle.
  return Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.json');

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = JSON.stringify(await exportStrings(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(BUNDLE, 'utf8');
    } catch { /* missing */ }
    if (current !== text) {
      console.error(`${relative(ROOT, BUNDLE)} is not what the sources say: run \`npm run l10n:export\` and translate what is new.`);
      process.exit(1);
    }
    console.log(`${relative(ROOT, BUNDLE)}: ${Object.keys(JSON.parse(text)).length} strings, in sync with src/`);
  } else {
    mkdirSync(join(ROOT, 'l10n'), { recursive: true });
    writeFileSync(BUNDLE, text);
    console.log(`${relative(ROOT, BUNDLE)}: ${Object.keys(JSON.parse(text)).length} strings`);
  }
}
