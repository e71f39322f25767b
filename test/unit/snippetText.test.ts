import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { agreementSnippet } from '../../src/core/agreement';
import { pitchDefaultsFromContext, pitchSnippet } from '../../src/core/pitch';
import { escapeSnippetText, placeholdersToSnippet } from '../../src/core/placeholders';
import { dateVariables, snippetEntries, snippetPreview, snippetText } from '../../src/core/snippetText';

const DAY = dateVariables(new Date(2026, 2, 1));

describe('snippetText: what a snippet inserts, for its preview', () => {
  it('reads tab stops as their placeholder, a choice as its first option, variables as given, escapes undone', () => {
    assert.equal(snippetText('Hi ${1:[name]}, ${2|3 months,6 months|} from ${3}$4 and \\$5 {x\\}'), 'Hi [name], 3 months from  and $5 {x}');
    assert.equal(snippetText('${5:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}', DAY), '2026-03-01');
    assert.equal(snippetText('$CURRENT_YEAR/${UNKNOWN}/${TM_FILENAME:untitled}', DAY), '2026/UNKNOWN/untitled');
    assert.equal(snippetText('${3|AMA\\, workshop or webinar,Meetup|} on ${4:[topic]}$0'), 'AMA, workshop or webinar on [topic]');
    assert.equal(snippetText('${1:a ${2:nested} one}'), 'a nested one');
  });

  it('keeps malformed syntax as text and never throws (property)', () => {
    assert.equal(snippetText('cost: $ 5, ${ open, ${1:unclosed'), 'cost: $ 5, ${ open, ${1:unclosed');
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => typeof snippetText(s, DAY) === 'string'));
  });

  it('any text, escaped and made a tab stop, reads back as written (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        assert.equal(snippetText(`${escapeSnippetText(a)}\${1:${escapeSnippetText(b)}}`), a + b);
      }),
    );
  });

  it('placeholdersToSnippet numbers the placeholders asked for first, then the rest as read', () => {
    assert.equal(placeholdersToSnippet('[a] x [b] y [c] [a]', 1, ['[c]', '[missing]']), '${2:[a]} x ${3:[b]} y ${1:[c]} ${2:[a]}');
  });
});

describe('snippetPreview: the completion details of every cp- snippet', () => {
  const file = path.join(__dirname, '..', '..', '..', 'snippets', 'partnerships.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const context = {
    'Community Name': 'Acme Devs',
    'Current size': '12,000',
    'Who is this for': 'backend developers',
    Team: 'Maya Chen (community lead)',
  };
  const bodies: [string, string][] = [
    ...Object.values(snippets).map((s): [string, string] => [s.prefix, s.body.join('\n')]),
    ['cp-agreement (context)', agreementSnippet(context)],
    ...(['classic', 'cold', 'warm'] as const).map((variant): [string, string] => [`pitch ${variant} (context)`, pitchSnippet({ ...pitchDefaultsFromContext(context).input, variant })]),
  ];

  it('shows no snippet syntax, no front matter, and the date of the day', () => {
    for (const [name, body] of bodies) {
      const preview = snippetPreview(body, DAY, 100_000);
      assert.doesNotMatch(preview, /\$\{|\$\d|\$[A-Z_]|\|\}|\\[$}]/, name);
      assert.doesNotMatch(preview, /^partnership-doc:/m, name);
      if (body.includes('CURRENT_YEAR')) assert.match(preview, /2026-03/, name);
    }
  });

  it('shows the context values and every slot by its name', () => {
    const agreement = snippetPreview(agreementSnippet(context), DAY, 100_000);
    assert.match(agreement, /^### Community Partnership - Acme Devs x \[partner community\]$/m);
    assert.match(agreement, /^#### Exit clause$/m);
    assert.match(agreement, /^- \*\*Start date:\*\* 2026-03-01$/m);
    assert.match(agreement, /Primary contact for Acme Devs:\*\* Maya Chen$/m);
    assert.match(agreement, /with two weeks' notice\./);
  });

  it('cuts a long text at a line, and makes images and tags text', () => {
    const long = Array.from({ length: 200 }, (_, k) => `line ${k}`).join('\n');
    const cut = snippetPreview(long, {}, 100);
    assert.ok(cut.length < 110 && cut.endsWith('\n\n…'), cut);
    assert.equal(snippetPreview('![x](https://t.example/p.png) <img src=x>'), '!\\[x](https://t.example/p.png) &lt;img src=x>');
  });
});

describe('snippetEntries: the extension snippet file, checked before use', () => {
  it('reads every snippet of snippets/partnerships.code-snippets, its body as lines joined', () => {
    const file = path.join(__dirname, '..', '..', '..', 'snippets', 'partnerships.code-snippets');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string | string[] }>;
    const entries = snippetEntries(data);
    assert.ok(entries);
    assert.equal(entries.length, Object.keys(data).length);
    for (const [i, s] of Object.values(data).entries()) {
      assert.equal(entries[i].prefix, s.prefix);
      assert.equal(entries[i].body, Array.isArray(s.body) ? s.body.join('\n') : s.body);
    }
    assert.ok(entries.some((e) => e.prefix === 'cp-agreement'));
  });

  it('refuses a file of another shape as a whole, and takes a missing description as empty', () => {
    assert.deepEqual(snippetEntries({ a: { prefix: 'p', body: 'x' } }), [{ prefix: 'p', description: '', body: 'x' }]);
    for (const bad of [null, [], 'text', { a: null }, { a: { body: 'x' } }, { a: { prefix: 'p', body: ['x', 1] } }, { a: { prefix: 'p', body: 'x', description: 3 } }, { a: { prefix: 'p' } }]) {
      assert.equal(snippetEntries(bad), undefined, JSON.stringify(bad));
    }
  });
});
