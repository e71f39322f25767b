import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CSS = path.join(__dirname, '..', '..', '..', 'media', 'webview.css');

/** The depth of `{` at each line, comments left out. */
function depths(text: string): { line: number; depth: number; text: string }[] {
  const bare = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const out: { line: number; depth: number; text: string }[] = [];
  let depth = 0;
  bare.split('\n').forEach((line, i) => {
    out.push({ line: i + 1, depth, text: text.split('\n')[i] });
    for (const c of line) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
  });
  out.push({ line: out.length + 1, depth, text: '' });
  return out;
}

describe('media/webview.css', () => {
  const text = fs.readFileSync(CSS, 'utf8');

  it('closes every block: a media query left open would swallow every rule after it', () => {
    const lines = depths(text);
    assert.equal(lines[lines.length - 1].depth, 0, 'unbalanced braces at the end of the file');
    // Each section comment ("/* ---- …") starts at the top level.
    const nested = lines.filter((l) => l.text.startsWith('/* ----') && l.depth !== 0).map((l) => `line ${l.line}: ${l.text.slice(0, 60)}`);
    assert.deepEqual(nested, []);
    assert.ok(lines.every((l) => l.depth >= 0), 'a } without its {');
  });
});
