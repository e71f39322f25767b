// Bundles the extension into dist/extension.js (CommonJS, `vscode` external) and the webview
// scripts into dist/webview/. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, copyFileSync, readFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webPlatform } from './lib/webPlatform.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--metafile`: print what each Node-host bundle is made of (per package, and the largest files). */
const metafile = process.argv.includes('--metafile');

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
 * markdown-it without what the context reader never uses: linkify-it (the `linkify` option is
 * off) and punycode (for links' host names; only a link's text is read). See scripts/shims/.
 */
const slimMarkdown = {
  name: 'slim-markdown-it',
  setup(build) {
    build.onResolve({ filter: /^linkify-it$/ }, () => ({ path: join(ROOT, 'scripts', 'shims', 'linkify-it.mjs') }));
    build.onResolve({ filter: /^punycode(?:\.js)?$/ }, () => ({ path: join(ROOT, 'scripts', 'shims', 'punycode.mjs') }));
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
  // gray-matter pulls in optional engines by name; they are never used (only YAML is read).
  mainFields: ['module', 'main'],
};

const contexts = [
  // The desktop (Node host) entry: registrations only, within the 100 KB budget.
  await esbuild.context({
    ...node,
    entryPoints: [join(ROOT, 'src', 'extension.ts')],
    outfile: join(ROOT, 'dist', 'extension.js'),
    plugins: [problemMatcher, slimYaml, slimMarkdown],
  }),
  // Every feature's implementation, loaded on first use (src/implementations.ts), one bundle
  // beside it: no library twice.
  await esbuild.context({
    ...node,
    entryPoints: [join(ROOT, 'src', 'implementations.ts')],
    outfile: join(ROOT, 'dist', 'lazy.js'),
    plugins: [problemMatcher, slimYaml, slimMarkdown],
  }),
  // The private overlap's worker threads (src/platform/psiWorker.ts), started by dist/lazy.js
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
    plugins: [problemMatcher, slimYaml, slimMarkdown],
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
    plugins: [problemMatcher, slimYaml, slimMarkdown, webPlatform],
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
  if (metafile) for (const r of results.slice(0, 2)) printComposition(r.metafile);
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
