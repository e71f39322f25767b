// Bundles the extension into dist/extension.js and dist/lazy/ (CommonJS, `vscode` external; one
// file per lazily loaded chunk and the files they share), dist/web/extension.js (one file) and
// the webview scripts into dist/webview/. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, copyFileSync, readFileSync, chmodSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webPlatform } from './lib/webPlatform.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--metafile`: print what each Node-host bundle is made of (per package, and the largest files). */
const metafile = process.argv.includes('--metafile');
// `node scripts/package.mjs --prebuilt` (the tests, right after their own release build): vsce's
// prepublish step finds the release bundle made and does not build it a second time.
if (production && process.env.COMMUNITY_PARTNERSHIPS_PREBUILT === '1' && existsSync(join(ROOT, 'dist', 'extension.js'))) process.exit(0);

/** Prints errors in the form the `$esbuild-watch` problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Keeps js-yaml's full schema (JavaScript functions and regexps as YAML types) out of the
 * bundles: every load and dump here passes the core schema.
 */
const slimYaml = {
  name: 'slim-js-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: join(ROOT, 'scripts', 'shims', 'js-yaml.cjs') }));
    build.onResolve({ filter: /schema\/default_full$/ }, (args) =>
      args.importer.includes(join('js-yaml', 'lib')) ? { path: join(ROOT, 'node_modules', 'js-yaml', 'lib', 'js-yaml', 'schema', 'default_safe.js') } : undefined,
    );
  },
};

/**
 * The Node host's split build reaches the parts shared code loads on first use (js-yaml's loader,
 * a record's full reading, the reader of counts in free text) through their chunks: each
 * src/core/<name>.ts that imports such a part is swapped for src/<name>.node.ts, which requires
 * dist/lazy/<part>.js on the first call (src/yamlLoaderChunk.node.ts and the others).
 */
const lazyParts = {
  name: 'lazy-parts',
  setup(build) {
    const swaps = new Map(
      readdirSync(join(ROOT, 'src'))
        .filter((f) => f.endsWith('.node.ts'))
        .map((f) => [join(ROOT, 'src', 'core', f.slice(0, -'.node.ts'.length)), join(ROOT, 'src', f)]),
    );
    build.onResolve({ filter: /^\.\.?\/.*Chunk$/ }, (args) => {
      const swap = swaps.get(resolve(args.resolveDir, args.path));
      return swap ? { path: swap } : undefined;
    });
  },
};

const common = {
  bundle: true,
  metafile,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [problemMatcher],
};

// Each feature's page (src/features/<name>/page.ts) becomes dist/webview/<name>.js.
const featuresDir = join(ROOT, 'src', 'features');
const webviewEntries = Object.fromEntries(
  readdirSync(featuresDir)
    .filter((name) => existsSync(join(featuresDir, name, 'page.ts')))
    .map((name) => [name, join(featuresDir, name, 'page.ts')]),
);

const node = {
  ...common,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  // Text as UTF-8, not \u escapes: Node reads the files as UTF-8.
  charset: 'utf8',
  // gray-matter pulls in optional engines by name; they are never used (only YAML is read).
  mainFields: ['module', 'main'],
};

/**
 * The chunks of src/implementations.ts (its `name: () => require('./path')` lines), the list the
 * web bundle loads from too: name → source file.
 */
function lazyChunks() {
  const source = readFileSync(join(ROOT, 'src', 'implementations.ts'), 'utf8');
  const found = [...source.matchAll(/^\s*(\w+): \(\) => require\('\.\/([^']+)'\)/gm)].map(([, name, path]) => [name, join(ROOT, 'src', `${path}.ts`)]);
  if (!found.length) throw new Error('src/implementations.ts lists no chunk');
  return Object.fromEntries(found);
}

/**
 * The Node host's build: code splitting needs ES modules, so esbuild writes ESM (in memory) and
 * `commonJsChunks` turns each file into CommonJS, `import … from './chunk-X.js'` into a
 * `require`. src/chunks.ts requires dist/lazy/<name>.js synchronously, as the lazy hook wants.
 */
function splitNode() {
  const lazy = Object.fromEntries(Object.entries(lazyChunks()).map(([name, file]) => [`lazy/${name}`, file]));
  return {
    entryPoints: { extension: join(ROOT, 'src', 'extension.ts'), ...lazy },
    outdir: join(ROOT, 'dist'),
    chunkNames: 'lazy/[name]-[hash]',
    format: 'esm',
    splitting: true,
    write: false,
    // Inline, so that the CommonJS pass below carries the map through to its output.
    sourcemap: production ? false : 'inline',
  };
}

/** The helpers esbuild writes at the top of each file it turns into CommonJS, by name: their exact text. */
async function commonJsHelpers() {
  // A module that needs every one of them (a namespace import, a default import, exports).
  const probe = await esbuild.transform("import * as a from 'a'; import b from 'b'; export default [a, b]; export const c = 1;", { format: 'cjs', platform: 'node', target: 'node20' });
  const helpers = new Map();
  for (const statement of topLevelVars(probe.code)) {
    const name = /^var (__\w+) = /.exec(statement)?.[1];
    if (name) helpers.set(name, statement);
  }
  return helpers;
}

/** The text cut before each line that starts with `var `: esbuild's helpers are one such statement each. */
function topLevelVars(code) {
  return code.split(/(?=^var )/m);
}

/** dist/lazy/chunk-cjs.js: the helpers once, for every file of the split build. */
const HELPERS_FILE = join(ROOT, 'dist', 'lazy', 'chunk-cjs.js');

/**
 * The short name each helper is exported under from HELPERS_FILE (`a`, `b`, …, in the order
 * esbuild writes them): every file names the helpers it takes, about 100 files.
 */
const helperKey = (helpers, name) => String.fromCharCode(97 + [...helpers.keys()].indexOf(name));

/**
 * A file turned into CommonJS with its copy of the helpers taken out and required from
 * HELPERS_FILE instead (about 0.4 KB a file, 40 files). Only statements that are exactly the
 * helpers' text are taken out; the lines they held stay as blank lines, so an inline source map
 * still fits.
 */
function withSharedHelpers(code, path, helpers) {
  const parts = topLevelVars(code);
  let n = 0;
  while (n < parts.length && helpers.get(/^var (__\w+) = /.exec(parts[n])?.[1]) === parts[n]) n++;
  if (n === 0) return code;
  const rest = parts.slice(n).join('');
  const used = [...helpers.keys()].filter((name) => new RegExp(`\\b${name}\\b`).test(rest));
  const lines = parts.slice(0, n).join('').split('\n').length - 1;
  let from = relative(dirname(path), HELPERS_FILE).split('\\').join('/');
  if (!from.startsWith('.')) from = `./${from}`;
  return `var { ${used.map((name) => `${helperKey(helpers, name)}: ${name}`).join(', ')} } = require(${JSON.stringify(from)});${'\n'.repeat(lines)}${rest}`;
}

/**
 * The file's exports as plain properties, set at the end of the file, instead of the getters
 * esbuild's CommonJS transform writes (`module.exports` with a getter for each name, so that a
 * binding assigned later stays live). Every use of a name from another chunk is a read of that
 * property: a getter is a call each time, and in code not yet optimised (the first thousand
 * records the index reads, say) those calls are a measurable part of the work. A name assigned
 * anywhere after its declaration (or declared without a value) keeps its getter; the others
 * (functions, classes, constants) never change once the file has run, and no chunk reads another
 * before that: the chunks form no cycle.
 */
function plainExports(esm) {
  // The export statement esbuild ends each file with (`export{a as b};` when minified).
  const m = /(?:^|[\n;}])\s*export\s*\{([^}]*)\};?\s*((?:\/\/[^\n]*\n?)*)$/.exec(esm);
  if (!m) return esm;
  const body = esm.slice(0, m.index + (/^[;}]/.test(m[0]) ? 1 : 0));
  const pairs = m[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [local, as, exported] = s.split(/\s+/);
    if (as !== undefined && as !== 'as') throw new Error(`unexpected export clause: ${s}`);
    return [local, exported ?? local];
  });
  const escape = (n) => n.replace(/\$/g, '\\$');
  const live = ([local]) => {
    const n = escape(local);
    const assigned = body.match(new RegExp(`(?<![\\w$.])${n}\\s*(?:=(?![=>])|[-+*/%&|^]=|\\*\\*=|<<=|>>>?=|&&=|\\|\\|=|\\?\\?=|\\+\\+|--)|(?:\\+\\+|--)\\s*${n}(?![\\w$])`, 'g'))?.length ?? 0;
    const declared = new RegExp(`(?:^|\\n)(?:var|let|const)\\s+(?:[^;]*?,\\s*)?${n}\\s*=(?![=>])`).test(body) ? 1 : 0;
    const plainDeclaration = new RegExp(`(?:^|\\n)(?:(?:async\\s+)?function\\*?|class)\\s+${n}\\b`).test(body) || declared === 1;
    return !plainDeclaration || assigned > declared || new RegExp(`[\\[{,]\\s*${n}\\s*[\\]},][^;\\n]*?\\)?\\s*=(?![=>])`).test(body);
  };
  const kept = pairs.filter(live);
  const plain = pairs.filter((p) => !live(p));
  if (!plain.length) return esm;
  const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  const statement = kept.length ? `\nexport { ${kept.map(([l, e]) => (l === e ? l : `${l} as ${e}`)).join(', ')} };` : '';
  return `${body}${statement}\nObject.assign(module.exports, { ${plain.map(([l, e]) => `${key(e)}: ${l}`).join(', ')} });\n${m[2]}`;
}

/**
 * Writes the split build as CommonJS: each output file is transformed on its own (an import of
 * another chunk becomes `require('./chunk-X.js')`, its exports plain properties; see plainExports),
 * with the helpers of that transform in one shared file (HELPERS_FILE), then minified.
 * The chunks form no cycle: a file only imports files shared by more entries than itself.
 * dist/lazy/ is emptied first, so no chunk of an earlier build stays behind.
 */
const commonJsChunks = {
  name: 'commonjs-chunks',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length || !result.outputFiles) return;
      rmSync(join(ROOT, 'dist', 'lazy'), { recursive: true, force: true });
      rmSync(join(ROOT, 'dist', 'lazy.js'), { force: true }); // the single lazy bundle of earlier builds
      const helpers = await commonJsHelpers();
      const minify = (code) => esbuild.transform(code, { format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'none', charset: 'utf8' }).then((r) => r.code);
      mkdirSync(dirname(HELPERS_FILE), { recursive: true });
      const shared = `${[...helpers.values()].join('')}module.exports = { ${[...helpers.keys()].map((name) => `${helperKey(helpers, name)}: ${name}`).join(', ')} };\n`;
      writeFileSync(HELPERS_FILE, production ? await minify(shared) : shared);
      // A chunk of modules with no code at run time (types only) is not written, nor imported.
      const empty = result.outputFiles.filter(({ path, text }) => path.endsWith('.js') && !text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim()).map(({ path }) => path);
      const withoutEmpty = (text) => empty.reduce((t, e) => t.split(new RegExp(`import\\s*["']\\./${basename(e).replace('.', '\\.')}["'];?`)).join(''), text);
      await Promise.all(result.outputFiles.map(async ({ path, text: esm }) => {
        if (empty.includes(path)) return;
        mkdirSync(dirname(path), { recursive: true });
        if (!path.endsWith('.js')) return writeFileSync(path, esm);
        const text = withoutEmpty(esm);
        const cjs = await esbuild.transform(plainExports(vscodeAsRequire(text, path)), {
          format: 'cjs',
          platform: 'node',
          target: 'node20',
          legalComments: 'none',
          charset: 'utf8',
          sourcemap: production ? false : 'inline',
          sourcefile: path,
        });
        const code = withSharedHelpers(cjs.code, path, helpers);
        writeFileSync(path, production ? await minify(code) : code);
      }));
    });
  },
};

/**
 * `import * as vscode from "vscode"` (and `import * as fs from "node:fs"`) as a plain `require`:
 * transformed as it is, each of the files would copy every member of the API object into a
 * namespace object of its own (esbuild's `__toESM`), a few milliseconds of activation for
 * nothing, and read each member through a getter. The module object is only read, member by
 * member, the same either way. Every import of `vscode` must be of that form.
 */
function vscodeAsRequire(text, path) {
  const out = text
    .replace(/\bimport\s*\*\s*as\s*([\w$]+)\s*from\s*"vscode"\s*;?/g, 'var $1=require("vscode");')
    // Node's own modules the same way: through esbuild's namespace object, every `fs.openSync`
    // was a getter call, three or four for each record the index reads.
    .replace(/\bimport\s*\*\s*as\s*([\w$]+)\s*from\s*"(node:[\w/]+)"\s*;?/g, 'var $1=require("$2");');
  if (/from\s*"vscode"|import\s*"vscode"/.test(out)) throw new Error(`${path}: an import of "vscode" that is not \`import * as\``);
  return out;
}

const contexts = [
  // The Node host: the entry (dist/extension.js, registrations only, within the 100 KB budget) and
  // each chunk of src/implementations.ts as a file of its own (dist/lazy/<name>.js), in one build
  // with code splitting, so that what two of them use is in a shared file (dist/lazy/chunk-*.js):
  // no library twice, and a command loads only its chunk and what that requires.
  await esbuild.context({
    ...node,
    ...splitNode(),
    // Names and spaces are minified file by file, after the CommonJS pass (commonJsChunks), which
    // reads each file's declarations (plainExports).
    ...(production ? { minify: false, minifySyntax: true, minifyIdentifiers: true } : {}),
    plugins: [problemMatcher, slimYaml, lazyParts, commonJsChunks],
  }),
  // The private overlap's worker threads (src/platform/psiWorker.ts), started by dist/lazy/
  // and by the command-line entry point beside them.
  await esbuild.context({
    ...node,
    entryPoints: [join(ROOT, 'src', 'platform', 'psiWorker.ts')],
    outfile: join(ROOT, 'dist', 'psiWorker.js'),
  }),
  // The command-line entry point (package.json `bin`): the private overlap without VS Code.
  await esbuild.context({
    ...node,
    external: [],
    entryPoints: [join(ROOT, 'src', 'cli', 'overlap.ts')],
    outfile: join(ROOT, 'dist', 'overlap.js'),
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The MCP server (`community-partnerships-mcp`, package.json `bin`): a Node program of its own
  // that assistants start over stdio; it shares src/core with the extension.
  await esbuild.context({
    ...node,
    entryPoints: [join(ROOT, 'src', 'mcp', 'server.ts')],
    outfile: join(ROOT, 'dist', 'mcp', 'server.js'),
    external: [],
    banner: { js: '#!/usr/bin/env node' },
    define: { SERVER_VERSION: JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version) },
    plugins: [problemMatcher, slimYaml],
  }),
  // VS Code for the Web (the web worker extension host): the whole extension in one file, each
  // lazy part initialised on first use.
  await esbuild.context({
    ...common,
    entryPoints: [join(ROOT, 'src', 'extension.ts')],
    outfile: join(ROOT, 'dist', 'web', 'extension.js'),
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { global: 'globalThis' },
    // gray-matter looks for `Buffer`: the worker has none.
    inject: [join(ROOT, 'scripts', 'shims', 'buffer.web.mjs')],
    plugins: [problemMatcher, slimYaml, webPlatform],
  }),
];
if (Object.keys(webviewEntries).length) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: webviewEntries,
      outdir: join(ROOT, 'dist', 'webview'),
      // Text as UTF-8, not \u escapes (6 bytes for a '…'): the pages are UTF-8 documents.
      charset: 'utf8',
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
    }),
  );
}

// Codicons for the webviews, from the @vscode/codicons package.
mkdirSync(join(ROOT, 'dist', 'webview'), { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(join(ROOT, 'node_modules', '@vscode', 'codicons', 'dist', f), join(ROOT, 'dist', 'webview', f));
}

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  chmodSync(join(ROOT, 'dist', 'mcp', 'server.js'), 0o755);
  await Promise.all(contexts.map((c) => c.dispose()));
  if (metafile) printComposition(results[0].metafile);
}

function printComposition(meta) {
  for (const [file, out] of Object.entries(meta.outputs)) {
    if (!file.endsWith('.js')) continue;
    const groups = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = pkg ? pkg[1] : input.split('/').slice(0, 2).join('/');
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
    console.log(`${file}: ${(out.bytes / 1024).toFixed(1)} KB`);
    for (const [key, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${key}`);
  }
}
