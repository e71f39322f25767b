// The webview pages keep their state in an instance (issue 19): a page can be built twice or
// tested as a unit only when nothing of it lives at the top of its module. Checked here with
// the TypeScript AST over src/features/*/page.ts and src/webview/lib/*.ts.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');


const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

function pageFiles(): string[] {
  const features = path.join(SRC, 'features');
  const pages = fs
    .readdirSync(features, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(features, e.name, 'page.ts'))
    .filter((f) => fs.existsSync(f));
  const libDir = path.join(SRC, 'webview', 'lib');
  const lib = fs
    .readdirSync(libDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(libDir, f));
  return [...pages, ...lib];
}

/** Methods that change the array, Map, Set or object they are called on. */
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);

/** Whether the file changes what `name` holds: an assignment to one of its members, or a mutating call on it. */
function mutates(sf: ts.SourceFile, name: string): boolean {
  let found = false;
  const isName = (e: ts.Expression) => ts.isIdentifier(e) && e.text === name;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = n.left;
      if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && isName(left.expression)) found = true;
    }
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
      const target = n.operand;
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && isName(target.expression)) found = true;
    }
    if (ts.isDeleteExpression(n)) {
      const target = n.expression;
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && isName(target.expression)) found = true;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && isName(n.expression.expression) && MUTATORS.has(n.expression.name.text)) found = true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === 'Object' && n.expression.name.text === 'assign' && n.arguments[0] && isName(n.arguments[0])) found = true;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The module-level state of a file's text: each `let`/`var`, and each const that holds a container the file changes. */
export function moduleState(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (n: ts.Node) => `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  for (const s of sf.statements) {
    if (!ts.isVariableStatement(s)) continue;
    if (s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    const list = s.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const name = d.name.getText(sf);
      if (!isConst) {
        found.push(`${where(d)} ${(list.flags & ts.NodeFlags.Let) !== 0 ? 'let' : 'var'} ${name}`);
        continue;
      }
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (!init) continue;
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && /^(?:Weak)?(?:Map|Set)$/.test(init.expression.text)) {
        found.push(`${where(d)} const ${name} = new ${init.expression.text}`);
      } else if ((ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init)) && ts.isIdentifier(d.name) && mutates(sf, d.name.text)) {
        found.push(`${where(d)} const ${name}, a literal the file changes`);
      }
    }
  }
  return found;
}

describe('webview pages (instance-owned state)', () => {
  const files = pageFiles();

  it('finds the pages and the shared page code it checks', () => {
    const names = files.map(rel);
    for (const p of ['features/planner/page.ts', 'features/board/page.ts', 'features/pitch/page.ts', 'features/agreement/page.ts', 'features/contextForm/page.ts', 'webview/lib/dom.ts']) assert.ok(names.includes(p), p);
  });

  it('has no module-level mutable state in a page or the shared page code', () => {
    const found = files.flatMap((f) => moduleState(rel(f), fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(found, []);
  });

  it('finds module-level state when there is some (the check can fail)', () => {
    assert.deepStrictEqual(moduleState('a.ts', 'let busy = false;\nfunction f() { busy = true; }'), ['a.ts:1 let busy']);
    assert.deepStrictEqual(moduleState('a.ts', 'var n = 1;'), ['a.ts:1 var n']);
    assert.deepStrictEqual(moduleState('a.ts', 'const cache = new Map<string, number>();'), ['a.ts:1 const cache = new Map']);
    assert.deepStrictEqual(moduleState('a.ts', 'export const seen = new Set();'), ['a.ts:1 const seen = new Set']);
    assert.deepStrictEqual(moduleState('a.ts', 'const drafts: string[] = [];\nfunction f() { drafts.push("x"); }'), ['a.ts:1 const drafts, a literal the file changes']);
    assert.deepStrictEqual(moduleState('a.ts', 'const o = { n: 1 };\nfunction f() { o.n = 2; }'), ['a.ts:1 const o, a literal the file changes']);
  });

  it('lets constants, functions and state inside a class or function pass', () => {
    const ok = [
      "const KINDS = ['a', 'b'] as const;",
      'const LIMITS = { words: 120 };\nexport function f() { return LIMITS.words; }',
      'class Page { private busy = false; private readonly cache = new Map(); }\nnew Page();',
      'function f() { let n = 0; const s = new Set(); n++; s.add(n); }',
      'declare const acquire: () => void;',
    ];
    for (const text of ok) assert.deepStrictEqual(moduleState('a.ts', text), [], text);
  });
});
