import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const LAZY = path.join(ROOT, 'dist', 'lazy');

/** The chunk names src/implementations.ts lists (the build reads the same lines). */
function chunkNames(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'src', 'implementations.ts'), 'utf8');
  return [...source.matchAll(/^\s*(\w+): \(\) => require\('\.\/[^']+'\)/gm)].map((m) => m[1]);
}

/** Each file's `require('./…')` of another file of the build. */
function requires(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/\brequire\(["'](\.\.?\/[^"']+)["']\)/g)].map((m) => path.join(path.dirname(file), m[1]));
}

/**
 * Requires each chunk in a Node process of its own, with a stand-in for the `vscode` module
 * (any member is a callable, constructible stand-in), and reads a context file with the
 * context parser's chunk: what src/chunks.ts does in the extension host.
 */
const LOADER = `
const Module = require('node:module');
const path = require('node:path');
const member = (_t, key) => (key === 'prototype' ? {} : key === Symbol.toPrimitive ? () => '' : stub);
// A namespace import copies the module's own members onto an object whose prototype is the
// module's: the members are found through that prototype.
const proto = new Proxy({}, { get: member });
const stub = new Proxy(function () {}, { get: member, apply: () => stub, construct: () => ({}), getPrototypeOf: () => proto });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const [dir, names] = [process.argv[1], JSON.parse(process.argv[2])];
const out = {};
// The loader is a chunk too: every chunk but that one is required here.
for (const name of names.filter((n) => n !== 'yamlLoader')) out[name] = Object.keys(require(path.join(dir, name + '.js'))).sort();
const parsed = require(path.join(dir, 'contextParser.js')).parseContext('## Community Overview\\n- **Community Name:** Rust Berlin\\n');
out.communityName = parsed.values['Community Name'];
// Front matter the block reader gives up on (a folded scalar): js-yaml's loader, a chunk of its
// own, is required then and not before.
const loader = path.join(dir, 'yamlLoader.js');
out.loaderBefore = loader in require.cache;
const folded = require(path.join(dir, 'contextParser.js')).parseContext('---\\nCommunity Name: >-\\n  Rust\\n  Berlin\\n---\\n## Community Overview\\n');
out.foldedName = folded.values['Community Name'];
out.loaderAfter = loader in require.cache;
process.stdout.write(JSON.stringify(out));
`;

describe('the Node build: one file per chunk (dist/lazy/)', function () {
  this.timeout(300_000);

  before(() => {
    if (!fs.existsSync(path.join(LAZY, 'contextParser.js'))) {
      const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(built.status, 0, built.stderr);
    }
  });

  it('writes each chunk of src/implementations.ts, and each loads with only what it requires', () => {
    const names = chunkNames();
    assert.ok(names.length >= 8 && names.includes('contextParser'), names.join(', '));
    const r = spawnSync(process.execPath, ['-e', LOADER, LAZY, JSON.stringify(names)], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const loaded = JSON.parse(r.stdout) as Record<string, string[] | string>;
    // A feature's chunk exports `activate`; a part of one (`deps.loadChunk('name')` in
    // the feature's folder) what its action calls.
    const isFeature = (n: string) => fs.existsSync(path.join(ROOT, 'src', 'features', n, 'registration.ts'));
    for (const name of names.filter(isFeature)) assert.ok((loaded[name] as string[]).includes('activate'), `${name} exports activate: ${String(loaded[name])}`);
    for (const name of names.filter((n) => n !== 'contextParser' && n !== 'yamlLoader' && !isFeature(n))) assert.ok((loaded[name] as string[]).length > 0, `${name} exports nothing`);
    assert.deepStrictEqual(loaded.contextParser, ['parseContext', 'restructureContext']);
    assert.strictEqual(loaded.communityName, 'Rust Berlin');
    assert.deepStrictEqual([loaded.loaderBefore, loaded.foldedName, loaded.loaderAfter], [false, 'Rust Berlin', true]);
  });

  it('writes no empty chunk, and at most 100 JavaScript files in all (vsce asks to bundle an extension of more)', () => {
    const lazy = fs.readdirSync(LAZY).filter((f) => f.endsWith('.js'));
    for (const f of lazy) assert.ok(fs.statSync(path.join(LAZY, f)).size > 0, `${f} is empty`);
    // What .vscodeignore lets into the package: the entry, dist/lazy/, the worker, the command
    // line, the web bundle, the MCP server and the pages.
    const webview = fs.readdirSync(path.join(ROOT, 'dist', 'webview')).filter((f) => f.endsWith('.js'));
    const others = ['extension.js', 'psiWorker.js', 'overlap.js', 'web/extension.js', 'mcp/server.js'].filter((f) => fs.existsSync(path.join(ROOT, 'dist', f)));
    const count = lazy.length + webview.length + others.length;
    assert.ok(count <= 100, `${count} JavaScript files (${lazy.length} in dist/lazy/): vsce warns over 100`);
  });

  it('requires only files that exist, in no cycle', () => {
    const files = [path.join(ROOT, 'dist', 'extension.js'), ...fs.readdirSync(LAZY).filter((f) => f.endsWith('.js')).map((f) => path.join(LAZY, f))];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      assert.ok(fs.existsSync(file), `${trail.join(' → ')} requires ${file}, which is missing`);
      if (state.get(file) === 'done') return;
      assert.notStrictEqual(state.get(file), 'open', `a cycle: ${[...trail, file].map((f) => path.relative(ROOT, f)).join(' → ')}`);
      state.set(file, 'open');
      for (const next of requires(file)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const f of files) visit(f, []);
  });

  it('bundles.mjs measures each chunk with the chunks its registration asks for and every file they require, each file once', async () => {
    const { bundleSizes, loadedBy } = (await import(path.join(ROOT, 'scripts', 'lib', 'bundles.mjs'))) as {
      loadedBy(file: string): Set<string>;
      bundleSizes(): { commands: { name: string; chunk: string; with: string[]; later: string[]; bytes: number; files: string[] }[]; nodeHost: number; nodeHostFiles: string[] };
    };
    const sizes = bundleSizes();
    // Every chunk is measured: each feature on its own, each part with the feature that loads it.
    assert.deepStrictEqual([...new Set(sizes.commands.flatMap((c) => [c.chunk, ...c.with]))].sort(), chunkNames().sort());
    // Each part a row leaves out is measured with its feature in a row of its own.
    for (const c of sizes.commands) for (const part of c.later) assert.ok(sizes.commands.some((p) => p.chunk === c.chunk && p.with.includes(part)), `${c.name}: ${part}`);
    // The parts shared code loads (js-yaml's loader, a record's full reading, the count reader)
    // are measured after every row whose code may load them, all of them at once with what they
    // load in turn, not only after the first: the assistant's writes load the loader as well as
    // its reads, and the full reading asks for the loader.
    const sharedParts = ['countReading', 'recordReading', 'yamlLoader'];
    for (const c of sizes.commands) {
      const may = c.later.filter((p) => sharedParts.includes(p));
      if (may.length) assert.ok(sizes.commands.some((p) => p.chunk === c.chunk && [...c.with, ...may].every((w) => p.with.includes(w)) && p.with.filter((w) => !c.with.includes(w)).every((w) => sharedParts.includes(w))), `${c.name} + ${may.join(' + ')}`);
    }
    assert.ok(sizes.commands.some((c) => c.name.startsWith('planner + plannerCommands + ') && c.with.includes('yamlLoader')), 'planner + plannerCommands + yamlLoader');
    // The planner's view opens without its commands and its edits, which load with their first
    // use, and without the full reading of a record and the reader of counts in free text, which
    // its code loads when a record or a count needs them (src/core/recordReadingChunk.ts,
    // src/core/countReadingChunk.ts).
    const planner = sizes.commands.find((c) => c.name === 'planner');
    assert.deepStrictEqual([...(planner?.later ?? [])].sort(), ['countReading', 'plannerCommands', 'plannerEdit', 'recordReading']);
    // Each part that shared code loads (src/<name>.node.ts) is measured with a feature that loads it.
    const src = path.join(ROOT, 'src');
    const shared = fs.readdirSync(src).filter((f) => f.endsWith('.node.ts')).flatMap((f) => [...fs.readFileSync(path.join(src, f), 'utf8').matchAll(/loadChunk\('(\w+)'\)/g)].map((m) => m[1]));
    assert.deepStrictEqual(shared.sort(), ['countReading', 'recordReading', 'yamlLoader']);
    for (const part of shared) assert.ok(sizes.commands.some((c) => c.chunk !== part && c.with.includes(part)), `${part} is measured with a feature`);
    // The full reading asks for js-yaml's loader: measured with both.
    assert.ok(sizes.commands.some((c) => c.chunk === 'planner' && c.with.includes('recordReading') && (c.later.includes('yamlLoader') || c.with.includes('yamlLoader'))), 'planner + recordReading, then yamlLoader');
    for (const c of sizes.commands) {
      const files = c.files.map((f) => path.join(ROOT, f));
      // Closed under require: nothing a file of it requires is left out.
      for (const f of files) for (const next of requires(f)) assert.ok(files.includes(next), `${c.name}: ${f} requires ${next}`);
      assert.strictEqual(c.bytes, files.reduce((sum, f) => sum + fs.statSync(f).size, 0));
      assert.strictEqual(new Set(c.files).size, c.files.length);
      const expected = new Set<string>();
      for (const n of [c.chunk, ...c.with]) for (const f of loadedBy(path.join(LAZY, `${n}.js`))) expected.add(f);
      assert.deepStrictEqual([...files].sort(), [...expected].sort());
    }
    // The board and the planner read the one record index: its chunk loads with each, and the
    // board loads none of the planner's view (dist/lazy/planner.js) with it.
    const board = sizes.commands.find((c) => c.name === 'board');
    assert.deepStrictEqual(board?.with, ['records']);
    assert.ok(board.files.includes('dist/lazy/records.js') && !board.files.includes('dist/lazy/planner.js'), board.files.join(', '));
    assert.deepStrictEqual(planner?.with, ['records']);
    // A move on the board loads the record edits with its first use, as the planner's view does.
    assert.deepStrictEqual([...board.later].sort(), ['countReading', 'recordEdit', 'recordReading']);
    // The private overlap starts dist/psiWorker.js: it counts for each of its rows and the host.
    const overlap = sizes.commands.filter((c) => c.chunk === 'privateOverlap');
    assert.ok(overlap.length >= 1 && overlap.every((c) => c.files.includes('dist/psiWorker.js')), overlap.map((c) => c.name).join(', '));
    // A part whose code asks another feature for its API (`deps.apis.X()`, which keeps its name
    // in the minified files) loads that feature's chunk on its first use: X counts in each row the
    // part is in. Activation's files hold the registrations, which ask for their own reasons.
    const activation = loadedBy(path.join(ROOT, 'dist', 'extension.js'));
    for (const c of sizes.commands) {
      for (const part of c.with.filter((n) => !fs.existsSync(path.join(ROOT, 'src', 'features', n, 'registration.ts')))) {
        for (const f of [...loadedBy(path.join(LAZY, `${part}.js`))].filter((x) => !activation.has(x))) {
          for (const [, other] of fs.readFileSync(f, 'utf8').matchAll(/\.apis\.(\w+)\(\)/g)) assert.ok(c.with.includes(other), `${c.name}: ${part} asks for ${other}`);
        }
      }
    }
    // The assistant's tools on the records work on the record index; the others, Connect,
    // Disconnect and the check of server entries load neither the planner nor another part's code.
    const assistant = (name: string) => sizes.commands.find((c) => c.name === name);
    assert.deepStrictEqual(assistant('assistant + assistantReads')?.with, ['records', 'assistantReads']);
    assert.deepStrictEqual(assistant('assistant + assistantWrites')?.with, ['records', 'assistantWrites']);
    const parts = ['records', 'planner', 'assistantConnect', 'assistantReads', 'assistantWrites', 'assistantGuide'];
    for (const [name, own] of [['assistant', ''], ['assistant + assistantConnect', 'assistantConnect'], ['assistant + assistantGuide', 'assistantGuide']]) {
      const files = new Set(assistant(name)?.files);
      assert.ok(files.size > 0, name);
      for (const n of parts.filter((p) => p !== own)) assert.ok(!files.has(`dist/lazy/${n}.js`), `${name} loads ${n}`);
    }
    assert.ok(sizes.nodeHostFiles.includes('dist/psiWorker.js') && sizes.nodeHostFiles.includes('dist/extension.js'));
    assert.strictEqual(sizes.nodeHost, sizes.nodeHostFiles.reduce((sum, f) => sum + fs.statSync(path.join(ROOT, f)).size, 0));
  });
});
