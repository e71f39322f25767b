import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeSnippetText, findPlaceholders, maskCodeAndComments, placeholdersToSnippet } from '../../src/core/placeholders';

const texts = (md: string) => findPlaceholders(md).map((p) => p.text);

describe('findPlaceholders', () => {
  describe('finds unfilled placeholders', () => {
    it('finds a placeholder with its exact offsets', () => {
      const md = "Hi [partner's name], welcome.";
      const found = findPlaceholders(md);
      assert.equal(found.length, 1);
      assert.deepEqual(found[0], { start: 3, end: 19, text: "[partner's name]" });
      assert.equal(md.slice(found[0].start, found[0].end), "[partner's name]");
    });

    it('finds several on one line and across lines, in document order', () => {
      const md = 'I run [your community], a community of [X] [description].\n\n- [Specific collaboration idea]\n';
      assert.deepEqual(texts(md), ['[your community]', '[X]', '[description]', '[Specific collaboration idea]']);
    });

    it('finds a placeholder followed by a space and parentheses (not a link)', () => {
      assert.deepEqual(texts('[owner] (Acme)'), ['[owner]']);
    });

    it('finds two adjacent placeholders separated by a space (not a reference link)', () => {
      assert.deepEqual(texts('[first name] [last name]'), ['[first name]', '[last name]']);
    });

    it('finds a placeholder followed by a colon mid-line', () => {
      assert.deepEqual(texts('Contact [name]: soon'), ['[name]']);
    });

    it('finds a list item that is a placeholder, not a task box', () => {
      assert.deepEqual(texts('- [what you contribute]\n- [x] done\n'), ['[what you contribute]']);
    });

    it('finds [x] and [X] outside a list item (a count slot)', () => {
      assert.deepEqual(texts('a community of [X] members'), ['[X]']);
    });

    it('finds a placeholder in a heading, a table cell, bold and a block quote', () => {
      const md = '# Partnership with [partner]\n\n| a | b |\n| --- | --- |\n| [metric] | **[target]** |\n\n> Quote from [member]\n';
      assert.deepEqual(texts(md), ['[partner]', '[metric]', '[target]', '[member]']);
    });

    it('finds a placeholder right after inline code', () => {
      assert.deepEqual(texts('`code` [name]'), ['[name]']);
    });

    it('reports the outer brackets of a nested placeholder once', () => {
      assert.deepEqual(texts('[what [partner] brings]'), ['[what [partner] brings]']);
    });

    it('finds the inner placeholder when an outer bracket never closes', () => {
      assert.deepEqual(texts('[unclosed [name]'), ['[name]']);
    });

    it('finds placeholders in a CRLF document with correct offsets', () => {
      const md = 'Hi [name],\r\n\r\nFrom [your community]\r\n';
      const found = findPlaceholders(md);
      assert.deepEqual(found.map((p) => p.text), ['[name]', '[your community]']);
      for (const p of found) assert.equal(md.slice(p.start, p.end), p.text);
    });

    it('finds a placeholder after a front matter block, not inside it', () => {
      const md = '---\npartnership-doc: pitch\ntags: [a, b]\n---\n\nHi [name]\n';
      assert.deepEqual(texts(md), ['[name]']);
    });

    it('finds a placeholder whose label matches nothing defined', () => {
      assert.deepEqual(texts('See [docs].\n\n[guide]: https://example.com\n'), ['[docs]']);
    });

    it('finds a placeholder after an escaped backslash (\\\\[ is a real bracket)', () => {
      assert.deepEqual(texts('a \\\\[name]'), ['[name]']);
    });
  });

  describe('never flags Markdown syntax', () => {
    const none: [string, string][] = [
      ['inline link', 'Read [the guide](https://example.com/guide).'],
      ['inline link with title', '[guide](https://example.com "Guide")'],
      ['link whose URL holds brackets', '[guide](https://example.com/a[1])'],
      ['link with nested brackets in its text', '[see [this] one](https://example.com)'],
      ['image', '![our logo](logo.png)'],
      ['linked image', '[![badge](https://img.shields.io/x.svg)](https://example.com)'],
      ['full reference link', 'See [the guide][guide].\n\n[guide]: https://example.com'],
      ['full reference link without a definition', 'See [the guide][guide].'],
      ['collapsed reference link', 'See [guide][].\n\n[guide]: https://example.com'],
      ['shortcut reference with a definition', 'See [guide].\n\n[guide]: https://example.com'],
      ['shortcut reference, case and spacing differ from the definition', 'See [The   Guide].\n\n[the guide]: https://example.com'],
      ['definition in a block quote', '> [ref]: https://example.com\n> see [ref]'],
      ['reference definition itself', '[guide]: https://example.com "Title"'],
      ['task box unchecked', '- [ ] Send the swap'],
      ['task box checked', '- [x] Send the swap'],
      ['task box checked upper case', '* [X] Send the swap'],
      ['task box with plus and numbers', '+ [ ] one\n1. [x] two\n2) [ ] three'],
      ['nested task box', '- parent\n  - [ ] child'],
      ['task box in a block quote', '> - [ ] quoted task'],
      ['empty task box at end of line', '- [ ]'],
      ['footnote reference', 'Our numbers[^1] are real.'],
      ['footnote definition', '[^1]: Counted in March.'],
      ['inline code', 'Use `[name]` as the slot.'],
      ['inline code with double backticks', 'Use ``a `[name]` b`` here.'],
      ['fenced code block', '```\nHi [name]\n```'],
      ['fenced code block with info string', '```markdown\nHi [name]\n```'],
      ['tilde fence', '~~~\n[name]\n~~~'],
      ['fence in a list item', '- item\n\n    ```\n    [name]\n    ```'],
      ['fence in a block quote', '> ```\n> [name]\n> ```'],
      ['unclosed fence runs to the end', '```\n[name]\n\nmore [text]'],
      ['escaped bracket', 'Write \\[name\\] literally.'],
      ['escaped opening bracket only', 'Write \\[name] literally.'],
      ['HTML comment', '<!-- fill [name] later -->'],
      ['multi-line HTML comment', '<!--\n[name]\n-->'],
      ['GitHub alert', '> [!NOTE]\n> Read this.'],
      ['wiki link', 'See [[Partnership notes]].'],
      ['numbered citation', 'As shown in [1] and [2].'],
      ['empty brackets', 'Arrays look like [] or [  ].'],
      ['bare URL with brackets', 'See https://example.com/items[0] now.'],
      ['angle autolink with brackets', 'See <https://example.com/a[b]> now.'],
      ['front matter flow sequence', '---\ntags: [partnership, event]\n---\nBody'],
    ];
    for (const [name, md] of none) {
      it(name, () => assert.deepEqual(texts(md), []));
    }
  });

  it('flags what follows a link on the same line', () => {
    assert.deepEqual(texts('[guide](https://example.com) and [name]'), ['[name]']);
  });

  it('flags a placeholder after a code fence closes', () => {
    assert.deepEqual(texts('```\n[code]\n```\n\n[name]'), ['[name]']);
  });

  it('offsets always slice back to the reported text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '`', '\\', '-', ' ', '\n', 'a', 'x', '!', '^', ':', '#', '>') }), (md) => {
        for (const p of findPlaceholders(md)) {
          assert.equal(md.slice(p.start, p.end), p.text);
          assert.ok(p.text.startsWith('[') && p.text.endsWith(']'));
        }
      }),
    );
  });
});

describe('maskCodeAndComments', () => {
  it('keeps the length and the line breaks', () => {
    const md = '---\na: 1\n---\n`x`\r\n```\ncode\n```\n<!-- c -->';
    const masked = maskCodeAndComments(md);
    assert.equal(masked.length, md.length);
    assert.deepEqual([...masked].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0), [...md].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0));
    assert.equal(masked.trim(), '');
  });
});

describe('escapeSnippetText / placeholdersToSnippet', () => {
  it('escapes $, } and backslash', () => {
    assert.equal(escapeSnippetText('${1:x} $TM_FILENAME a\\b }'), '\\${1:x\\} \\$TM_FILENAME a\\\\b \\}');
  });

  it('turns placeholders into tab stops, mirroring repeats', () => {
    assert.equal(placeholdersToSnippet('Hi [name], from [team] to [name]. Cost: $5 {x}'), 'Hi ${1:[name]}, from ${2:[team]} to ${1:[name]}. Cost: \\$5 {x\\}');
  });

  it('leaves links and task boxes as text', () => {
    assert.equal(placeholdersToSnippet('- [ ] [guide](https://x.y) [a]', 3), '- [ ] [guide](https://x.y) ${3:[a]}');
  });
});
