import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as blocks from '../../src/core/context/blocks';
import * as markdown from '../../src/core/context/markdown';
import { analyseContext } from '../../src/core/context/parse';
import { updateContext } from '../../src/core/context/update';
import { referenceBlocks, referenceIsItalicNote, referencePlainText } from '../lib/markdownItReference';

/**
 * The context reader's own Markdown scanner (src/core/context/blocks.ts and inline.ts) against
 * markdown-it, the parser it replaces: the same reader, given markdown-it's blocks and inline
 * tokens, must read every file of a broad corpus exactly as it does with its own, down to the
 * spans the updater edits. markdown-it is a devDependency: the tests use it, no bundle does.
 */

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const DEMO = path.join(__dirname, '..', '..', '..', 'demo', '.claude', 'community-context.md');

function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Every Markdown file of the fixtures (contexts, records, hostile input) and the demo's context. */
function corpus(): { name: string; text: string }[] {
  const files = [...markdownFiles(FIXTURES), ...(fs.existsSync(DEMO) ? [DEMO] : [])];
  return files.map((f) => ({ name: path.relative(FIXTURES, f), text: fs.readFileSync(f, 'utf8') }));
}

type Swappable = { parseBlocks: typeof blocks.parseBlocks; plainText: typeof markdown.plainText; isItalicNote: typeof markdown.isItalicNote };

/** Runs `f` with the reader reading through markdown-it (the modules' exports swapped, then put back). */
function withMarkdownIt<T>(f: () => T): T {
  const b = blocks as unknown as Swappable;
  const m = markdown as unknown as Swappable;
  const saved = { parseBlocks: b.parseBlocks, plainText: m.plainText, isItalicNote: m.isItalicNote };
  b.parseBlocks = referenceBlocks;
  m.plainText = (raw: string) => referencePlainText(raw);
  m.isItalicNote = referenceIsItalicNote;
  try {
    return f();
  } finally {
    b.parseBlocks = saved.parseBlocks;
    m.plainText = saved.plainText;
    m.isItalicNote = saved.isItalicNote;
  }
}

/** Everything the reader gives the rest of the extension and the updater, positions included. */
function reading(text: string) {
  const a = analyseContext(text);
  const update = updateContext(text, { 'Community Name': 'Renamed *Guild*', 'Current size': '9,999 members', Tone: 'calm\nand kind' });
  return { ctx: a.ctx, fields: a.fields, headings: a.headings, fence: a.fence, openFence: a.openFence, frontMatterSimple: a.frontMatterSimple, bodyOffset: a.bodyOffset, edits: update.edits };
}

function assertSameReading(name: string, text: string): void {
  const ours = reading(text);
  const theirs = withMarkdownIt(() => reading(text));
  assert.deepEqual(ours, theirs, `${name} is read differently`);
}

/** A seeded generator of context files as assistants and people write them, with noise between. */
function generated(seed: number, count: number): string[] {
  let state = seed;
  const rnd = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const labels = ['Community Name', 'Current size', 'Active members', 'Mission', 'Tone', 'Team', 'Primary platform', 'Founded', 'Stage', 'Values', 'Aktuelle Größe', 'Nom de la communauté'];
  const values = ['Acme Devs', '12,000 members', '~3k', 'TBD', '(member count or "pre-launch")', 'Discord &amp; Slack', '**bold** and *it*', '`code` value', '[link](https://x.example)', '~~old~~ new', 'a\\*b', '&mdash; dash', '<!-- note -->', '1.200 (as of 2026)', '', 'Ann, Bo & Cy'];
  const labelForms = [(l: string) => `**${l}:**`, (l: string) => `${l}:`, (l: string) => `**${l}**:`, (l: string) => `__${l}:__`, (l: string) => `*${l}:*`, (l: string) => `🚀 **${l}:**`];
  const leads = ['- ', '* ', '+ ', '1. ', '2) ', '', '  - ', '    - ', '> ', '> - ', '\t- ', '- [ ] '];
  const noise = ['', '', '---', '***', '## Community Overview', '## Current State', '### 2. Culture and Voice', 'Heading\n=======', 'Sub\n---', '```', '```markdown', '~~~', '    indented code', '<!-- guidance -->', '<details>', '</details>', '<p>text</p>', '| Field | Value |\n| --- | --- |', '| Team | 3 people |', '> [!NOTE]', '[ref]: https://example.org "t"', '*Source: Discord insights*', 'Plain prose line.', '  - nested item', '1. first\n2. second', '&copy; 2026', 'line with trailing spaces  ', 'a\\'];
  const out: string[] = [];
  for (let d = 0; d < count; d++) {
    const lines: string[] = [];
    const n = 5 + Math.floor(rnd() * 40);
    for (let i = 0; i < n; i++) {
      if (rnd() < 0.45) lines.push(pick(noise));
      else lines.push(`${pick(leads)}${pick(labelForms)(pick(labels))} ${pick(values)}`.trimEnd());
    }
    const eol = pick(['\n', '\n', '\r\n']);
    out.push((rnd() < 0.1 ? '\ufeff' : '') + (rnd() < 0.15 ? '---\ntitle: x\n---\n' : '') + lines.join(eol) + eol);
  }
  return out;
}

describe('the context reader without markdown-it', () => {
  const files = corpus();

  it(`reads the ${files.length} Markdown files of the fixtures exactly as through markdown-it`, function () {
    this.timeout(120_000);
    assert.ok(files.length >= 150, `a broad corpus (${files.length} files)`);
    for (const f of files) assertSameReading(f.name, f.text);
  });

  it('finds the same blocks as markdown-it in every file, and the same text in every line', function () {
    this.timeout(120_000);
    for (const f of files) {
      assert.deepEqual(blocks.parseBlocks(f.text), referenceBlocks(f.text), `${f.name}: blocks`);
      for (const line of f.text.split(/\r\n|\r|\n/)) {
        for (const raw of [line, line.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '')]) {
          assert.equal(markdown.plainText(raw), referencePlainText(raw), `${f.name}: ${JSON.stringify(raw)}`);
          assert.equal(markdown.isItalicNote(raw), referenceIsItalicNote(raw), `${f.name}: ${JSON.stringify(raw)} as a note`);
        }
      }
    }
  });

  it('reads 400 generated files (labels in every layout, noise between) as through markdown-it', function () {
    this.timeout(120_000);
    generated(20_26, 400).forEach((text, i) => assertSameReading(`generated #${i}:\n${text}`, text));
  });

  it('reads the kinds of inline markup people write as markdown-it does', () => {
    const cases = [
      '**Acme** Devs',
      '***both*** and **strong *nested* here**',
      'snake_case_name and 2*3*4',
      '~~struck~~ kept, ~single~ kept',
      '`code with **stars**` and ``double ` tick``',
      '[text **bold**](https://x.example "title") after',
      '[not a link] [also](not',
      '![alt *text*](img.png) and <https://x.example/a%20b> and <me@x.example>',
      '<span>tag</span> <!-- comment --> <br> <br/> a < b > c',
      '&amp; &lt;x&gt; &nbsp; &#169; &#x1F600; &#0; &bogus; &mdash;',
      '\\*escaped\\* \\_too\\_ \\\\ backslash \\q',
      'line one  \nline two\\\nline three',
      '[link](javascript:alert(1)) and [ok](<a b>)',
    ];
    for (const raw of cases) assert.equal(markdown.plainText(raw), referencePlainText(raw), raw);
    assert.equal(markdown.plainText('**Acme** _Devs_ `x`'), 'Acme Devs x');
  });

  it('keeps a named entity it does not know as written (markdown-it knows all of HTML\'s)', () => {
    // The one difference by design: HTML has 2,125 entity names; the reader knows those people
    // use (Latin-1, quotes, dashes, arrows, a few symbols) and leaves the rest as typed.
    assert.equal(markdown.plainText('&Alpha;&rarrw; &eacute;&hellip;'), '&Alpha;&rarrw; é…');
    assert.equal(referencePlainText('&Alpha;&rarrw; &eacute;&hellip;'), 'Α↝ é…');
  });

  it('reads hostile structure in linear time and bounded depth', function () {
    this.timeout(60_000);
    const deep = '>'.repeat(100_000) + ' a\n' + Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n');
    const parsed = blocks.parseBlocks(deep);
    assert.deepEqual(parsed, referenceBlocks(deep));
    const brackets = '['.repeat(100_000) + ']' + '*a '.repeat(30_000) + '<a '.repeat(30_000);
    const started = Date.now();
    const text = markdown.plainText(brackets);
    assert.ok(text.startsWith('[[[') && text.endsWith('<a'), 'read as text');
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });

  it('reads a tag whose attributes are separated by Unicode spaces at once (markdown-it backtracks exponentially)', function () {
    this.timeout(60_000);
    // markdown-it's tag pattern lets `\s` and an unquoted value both take U+1680: 22 such
    // attributes took 0.5 s there, each two more four times as long. Here tag space is ASCII.
    const tag = '<a' + ' b=c\u1680'.repeat(40) + '\u1680';
    const started = Date.now();
    const ctx = analyseContext(`## Community Overview\n- **Community Name:** Acme\n- **Mission:** ${tag}\n${tag}\n`).ctx;
    assert.equal(ctx.values['Community Name'], 'Acme');
    assert.ok(ctx.values.Mission?.startsWith('<a b=c'));
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  });
});
