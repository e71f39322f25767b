// The shape of src/, checked on every run (issue 19): one folder per feature, shared services
// below the features, platform adapters below those, the domain at the bottom, and no import
// loop between folders. Plain Node: reads the import statements of every src/**/*.ts.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module a file names: `import`, `import type`, `export ... from`, `require(...)`, `import(...)`. */
const IMPORT = /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Edge {
  from: string;
  to: string;
  /** A path below src/, or the module's name for a package. */
  target: string;
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base + '.ts', path.join(base, 'index.ts'), base]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return undefined;
}

export function edgesOf(files: string[]): Edge[] {
  return files.flatMap((from) =>
    [...fs.readFileSync(from, 'utf8').matchAll(IMPORT)].map((m) => {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec.startsWith('.')) return { from: rel(from), to: spec, target: spec };
      const to = resolve(from, spec);
      assert.ok(to, `${rel(from)}: cannot resolve ${spec}`);
      return { from: rel(from), to: rel(to), target: rel(to) };
    }),
  );
}

/** The folder a file belongs to for the layering: each feature on its own, the rest by top folder. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return '.';
  if (parts[0] === 'features') return parts.length > 2 ? `features/${parts[1]}` : 'features';
  return parts[0];
}

/** Folder-level cycles, each as the path of folders that closes it. */
export function folderCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!e.to.endsWith('.ts')) continue;
    const [a, b] = [folderOf(e.from), folderOf(e.to)];
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

/** What each layer may import (folders of src/; packages are checked separately). */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  platform: ['platform', 'core'],
  webview: ['webview', 'core'],
  host: ['host', 'platform', 'webview', 'core'],
  features: ['host', 'platform', 'webview', 'core'],
  /** The command-line entry points (package.json `bin`): plain Node, no VS Code. */
  cli: ['platform', 'core'],
  /** The MCP server (dist/mcp/server.js): its own Node process, no VS Code. */
  mcp: ['mcp', 'platform', 'core'],
};

/** The only files of a feature that another feature may import. */
const FEATURE_SURFACE = /^features\/\w+\/(api|protocol)\.ts$/;

export function layerViolations(edges: readonly Edge[]): string[] {
  return edges.flatMap((e) => {
    const from = folderOf(e.from);
    const layer = from.startsWith('features') ? 'features' : from;
    if (layer === '.') return [];
    if (!e.to.endsWith('.ts')) {
      const nodeOnly = e.to === 'vscode' || /^node:|^(fs|path|os|crypto|worker_threads|child_process)$/.test(e.to);
      if (layer === 'core' && nodeOnly) return [`${e.from} imports ${e.to}: src/core runs in plain Node and in the browser`];
      if (layer === 'webview' && nodeOnly) return [`${e.from} imports ${e.to}: the pages run in a webview`];
      if (layer === 'cli' && e.to === 'vscode') return [`${e.from} imports vscode: the command line runs without VS Code`];
      if (layer === 'mcp' && e.to === 'vscode') return [`${e.from} imports vscode: the MCP server runs without VS Code`];
      return [];
    }
    const to = folderOf(e.to);
    if (from.startsWith('features/') && to.startsWith('features/') && to !== from) {
      return FEATURE_SURFACE.test(e.to) ? [] : [`${e.from} imports ${e.to}: another feature only through its api.ts or protocol.ts`];
    }
    if (from.startsWith('features/') && to === from) return [];
    const toLayer = to.startsWith('features') ? 'features' : to;
    const allowed = ALLOWED[layer];
    if (!allowed) return [`${e.from}: src/${layer} is not a known layer (add it to ALLOWED in test/unit/layers.test.ts)`];
    return allowed.includes(toLayer) ? [] : [`${e.from} imports ${e.to}: ${layer} may import only ${allowed.join(', ')}`];
  });
}

/** The longest a function of src/ may be. */
const MAX_FUNCTION_LINES = 120;

/** Functions of a file longer than `max` lines (declarations, methods, arrows and function expressions), as `file:line (n lines)`. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const long: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const lines = sf.getLineAndCharacterOfPosition(n.end).line - first + 1;
      if (lines > max) long.push(`${file}:${first + 1} (${lines} lines)`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return long;
}

describe('layers of src/ (one feature, one folder)', () => {
  const edges = edgesOf(filesUnder(SRC));

  it('reads the imports it checks', () => {
    assert.ok(edges.length > 300, `${edges.length} imports`);
    assert.ok(edges.some((e) => e.from === 'features/board/impl.ts' && e.to === 'features/records/api.ts'));
  });

  it('has no import loop between folders of src/', () => {
    assert.deepStrictEqual(folderCycles(edges).map((c) => c.join(' → ')), []);
  });

  it('keeps each layer to the layers below it, and features apart', () => {
    assert.deepStrictEqual(layerViolations(edges), []);
  });

  it('puts every feature in a folder with a registration, listed in extension.ts', () => {
    const features = fs.readdirSync(path.join(SRC, 'features'), { withFileTypes: true });
    assert.deepStrictEqual(features.filter((e) => !e.isDirectory()).map((e) => e.name), [], 'no loose files in src/features');
    const extension = fs.readFileSync(path.join(SRC, 'extension.ts'), 'utf8');
    const list = extension.slice(extension.indexOf('const FEATURES'), extension.indexOf('];', extension.indexOf('const FEATURES')));
    for (const { name } of features) {
      assert.ok(fs.existsSync(path.join(SRC, 'features', name, 'registration.ts')), `${name} has a registration.ts`);
      const fn = /export function (register\w+)/.exec(fs.readFileSync(path.join(SRC, 'features', name, 'registration.ts'), 'utf8'))?.[1];
      assert.ok(fn && new RegExp(`\\b${fn}\\b`).test(list), `${name}: ${fn} is in the FEATURES list`);
    }
    assert.ok(features.length >= 9, `${features.length} features`);
  });

  it('loads a feature\'s implementation only through the lazy hook (nothing eager imports an impl.ts)', () => {
    const eager = edges.filter((e) => /^features\/\w+\/impl\.ts$/.test(e.to) && e.from !== 'implementations.ts');
    const offenders = eager.filter((e) => {
      const text = fs.readFileSync(path.join(SRC, e.from), 'utf8');
      const spec = path.posix.relative(path.posix.dirname(e.from), e.to).replace(/\.ts$/, '');
      const lines = text.split('\n').filter((l) => l.includes(`'${spec.startsWith('.') ? spec : './' + spec}'`));
      return lines.some((l) => !/^import type |^export type |typeof import\(/.test(l.trim()));
    });
    assert.deepStrictEqual(offenders.map((e) => `${e.from} → ${e.to}`), []);
  });

  it('has no function over 120 lines anywhere in src/ (core, webview and pages included)', () => {
    const files = filesUnder(SRC);
    assert.ok(files.some((f) => rel(f).startsWith('core/')) && files.some((f) => rel(f).startsWith('webview/')) && files.some((f) => /\/page\.ts$/.test(f)), 'core, webview and page files are read');
    assert.deepStrictEqual(files.flatMap((f) => longFunctions(rel(f), fs.readFileSync(f, 'utf8'))), []);
  });

  it('finds a loop, a forbidden import and a long function when there is one (the checks can fail)', () => {
    const loop: Edge[] = [
      { from: 'host/a.ts', to: 'features/x/b.ts', target: 'features/x/b.ts' },
      { from: 'features/x/b.ts', to: 'host/c.ts', target: 'host/c.ts' },
    ];
    assert.deepStrictEqual(folderCycles(loop), [['features/x', 'host', 'features/x']]);
    assert.deepStrictEqual(layerViolations(loop).length, 1);
    assert.strictEqual(layerViolations([{ from: 'core/a.ts', to: 'vscode', target: 'vscode' }]).length, 1);
    assert.strictEqual(layerViolations([{ from: 'features/a/x.ts', to: 'features/b/service.ts', target: 'features/b/service.ts' }]).length, 1);
    assert.strictEqual(layerViolations([{ from: 'features/a/x.ts', to: 'features/b/api.ts', target: 'features/b/api.ts' }]).length, 0);
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  x += ${i};`).join('\n');
    assert.deepStrictEqual(longFunctions('a.ts', `let x = 0;\nfunction ok() {\n${body(118)}\n}\nclass C {\n  m() {\n${body(119)}\n  }\n}\nconst f = () => {\n${body(118)}\n};\n`), ['a.ts:123 (121 lines)']);
    assert.deepStrictEqual(longFunctions('b.ts', `export function outer() {\n  return () => {\n${body(119)}\n  };\n}\n`), ['b.ts:1 (123 lines)', 'b.ts:2 (121 lines)']);
  });
});
