import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  CONTEXT_LABELS,
  CONTEXT_SECTIONS,
  type ContextLabel,
  type ParsedContext,
  type TextEdit,
  normalizeContextValue,
  parseContext,
  renderContext,
  updateContext,
} from '../../src/core/context';
import { analyseContext, readValue } from '../../src/core/context/parse';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'context');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const lineOf = (text: string, n: number) => text.split(/\r\n|\r|\n/)[n];
/** What a written value reads back as: `TBD` and `TBD` with a remark are unset. */
const readBack = (label: ContextLabel, value: string | undefined) => {
  const n = normalizeContextValue(value);
  return n === undefined ? undefined : readValue(label, n).value;
};

/** Applies edits independently of the code under test, checking they are sorted and apart. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    assert.ok(e.start >= at, `edit at ${e.start} overlaps or is out of order`);
    assert.ok(e.end >= e.start && e.end <= text.length);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Every byte outside the edits is where it was: the result is the original's gaps, in order, between the new texts. */
function assertUntouchedOutsideEdits(before: string, after: string, edits: readonly TextEdit[]): void {
  let original = 0;
  let result = 0;
  for (const e of edits) {
    const gap = before.slice(original, e.start);
    assert.equal(after.slice(result, result + gap.length), gap);
    result += gap.length;
    assert.equal(after.slice(result, result + e.newText.length), e.newText);
    result += e.newText.length;
    original = e.end;
  }
  assert.equal(after.slice(result), before.slice(original));
}

/** Each edit either replaces exactly one value span of the original or inserts without removing anything. */
function assertEditsTouchOnlyValues(ctx: ParsedContext, edits: readonly TextEdit[], text?: string): void {
  const spans = new Set<string>();
  for (const e of [...ctx.entries.values(), ...ctx.bodyEntries.values()]) spans.add(`${e.valueStart}:${e.valueEnd}`);
  // Every occurrence of a label in the body (an emptied label is emptied in each), and the items of list values.
  if (text !== undefined) {
    for (const f of analyseContext(text).fields) {
      spans.add(`${f.inline.start}:${f.inline.end}`);
      for (const i of f.items) spans.add(`${i.start}:${i.end}`).add(`${i.linesStart}:${i.linesEnd}`);
    }
  }
  for (const e of edits) {
    if (e.start === e.end) continue;
    // An insertion merged onto the end of a value replacement still starts at that value.
    const exact = spans.has(`${e.start}:${e.end}`);
    assert.ok(exact, `edit ${e.start}..${e.end} is not a value span`);
  }
}

interface GeneratedEntry {
  label: ContextLabel;
  form: number;
  bullet: string;
  indent: string;
  value: string;
  more: { indented: boolean; text: string }[];
}

interface GeneratedFile {
  bom: boolean;
  eol: string;
  frontMatter: { label: ContextLabel; form: number; value: string }[] | undefined;
  title: boolean;
  sections: { title: string; blocks: readonly (readonly string[])[] }[];
  finalEol: boolean;
}

describe('renderContext', () => {
  it('writes the skill family’s exact structure', () => {
    const text = renderContext({ 'Community Name': 'Edge Functions Collective', Tone: 'Direct' });
    const lines = text.split('\n');
    // No title: the family's template starts with its first section.
    assert.equal(lines[0], '## Community Overview');
    assert.equal(lines[1], '- **Community Name:** Edge Functions Collective');
    assert.equal(lines[2], '- **One-line description:** TBD');
    assert.equal(lines[8], '- **Current size:** TBD');
    assert.equal(lines[9], '');
    assert.equal(lines[10], '## Purpose and Positioning');
    assert.ok(text.includes('\n## Culture and Voice\n- **Community personality:** TBD\n- **Tone:** Direct\n- **Values:** TBD\n- **Taboo topics:** TBD\n'));
    assert.ok(text.endsWith('- **Taboo topics:** TBD\n'));
    assert.ok(!text.startsWith('---'));
    // Per section a heading and its labels, with blank lines between sections.
    assert.equal(lines.length, CONTEXT_SECTIONS.length * 2 - 1 + CONTEXT_LABELS.length + 1);
  });

  it('writes every section in order, all known, and reads back without problems', () => {
    const ctx = parseContext(renderContext({}));
    assert.deepEqual(
      ctx.sections.map((s) => [s.title, s.known]),
      CONTEXT_SECTIONS.map((s) => [s.title, true]),
    );
    assert.deepEqual(ctx.problems, []);
    assert.equal(ctx.filled, 0);
    assert.equal(ctx.bodyEntries.size, 39);
  });

  it('uses the line ending asked for and indents further lines of a value', () => {
    const text = renderContext({ 'Existing programs': 'Office hours\nAmbassadors' }, '\r\n');
    assert.ok(text.includes('- **Existing programs:** Office hours\r\n  Ambassadors\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('round-trips any values through parseContext', () => {
    const value = fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined });
    const values = fc.record(Object.fromEntries(CONTEXT_LABELS.map((l) => [l, value])) as Record<ContextLabel, fc.Arbitrary<string | undefined>>);
    fc.assert(
      fc.property(values, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (v, eol) => {
        const ctx = parseContext(renderContext(v, eol));
        for (const l of CONTEXT_LABELS) assert.equal(ctx.values[l], normalizeContextValue(v[l]), l);
        assert.deepEqual(ctx.problems, []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('updateContext', () => {
  const full = fixture('full.md');

  it('makes no edit when nothing changed', () => {
    const ctx = parseContext(full);
    const same = updateContext(full, { ...ctx.values });
    assert.deepEqual(same.edits, []);
    assert.equal(same.text, full);
    // Empty, TBD and undefined are the same thing; surrounding spaces do not count.
    const equivalent = updateContext(full, {
      'Revenue model': '',
      "What's not working": 'TBD',
      'Community Name': '  Edge Functions Collective  ',
      'Existing programs': 'Monthly "Edge Office Hours" AMA\r\n\r\nAmbassador programme (14 ambassadors)\n  Newsletter swap with the Serverless Weekly newsletter',
    });
    assert.deepEqual(equivalent.edits, []);
    assert.deepEqual(updateContext(full, {}).edits, []);
  });

  it('replaces exactly the value span of a changed label', () => {
    const result = updateContext(full, { Founded: '2020' });
    const start = full.indexOf('- **Founded:** 2021') + '- **Founded:** '.length;
    assert.deepEqual(result.edits, [{ start, end: start + 4, newText: '2020' }]);
    assert.equal(result.text, full.replace('- **Founded:** 2021', '- **Founded:** 2020'));
    assert.deepEqual(result.skipped, []);
  });

  it('writes TBD for an emptied value', () => {
    const result = updateContext(full, { Tone: undefined, Values: '  ' });
    assert.equal(
      result.text,
      full.replace('- **Tone:** Direct, warm, a little nerdy; no hype', '- **Tone:** TBD').replace('- **Values:** Openness, vendor neutrality, kindness to beginners, show the numbers', '- **Values:** TBD'),
    );
  });

  it('keeps the label’s own drifted form', () => {
    const colon = fixture('drift-colon-outside.md');
    const a = updateContext(colon, { 'Community Name': 'Rust Embedded Guild', Founded: '2017' });
    assert.equal(a.text, colon.replace('- **Community Name**: Rust Embedded Circle', '- **Community Name**: Rust Embedded Guild').replace('- **Founded**:', '- **Founded**: 2017'));
    const plain = fixture('drift-no-bold.md');
    const b = updateContext(plain, { 'Primary platform': 'Discord' });
    assert.equal(b.text, plain.replace('- Primary platform:   Slack', '- Primary platform:   Discord'));
    const bullets = fixture('drift-bullets.md');
    const c = updateContext(bullets, { Values: 'Curiosity' });
    assert.equal(c.text, bullets.replace('+ **Values:** Curiosity, rigour', '+ **Values:** Curiosity'));
  });

  it('replaces a value on several lines as a whole, and writes new lines indented two spaces', () => {
    const text = fixture('drift-multiline.md');
    const result = updateContext(text, { Mission: 'Help data teams\nsleep at night', 'Positioning statement': 'One line now' });
    assert.equal(
      result.text,
      text
        .replace('- **Mission:** Help data engineers\n  build reliable pipelines\n  together.', '- **Mission:** Help data teams\n  sleep at night')
        .replace('- **Positioning statement:** The on-call buddy\nfor data teams', '- **Positioning statement:** One line now'),
    );
    const after = parseContext(result.text);
    assert.equal(after.values.Mission, 'Help data teams\nsleep at night');
    assert.equal(after.values['Who is this for'], 'Data engineers\nand analytics engineers who own production pipelines');
    assert.equal(after.values['Positioning statement'], 'One line now');
  });

  it('writes a value under a label with nothing after it, with a space', () => {
    const result = updateContext('- **Mission:**\n  old\n  lines\n- **Tone:** Warm\n', { Mission: 'New' });
    assert.equal(result.text, '- **Mission:** New\n- **Tone:** Warm\n');
  });

  it('keeps CRLF and the BOM, and uses CRLF in new lines', () => {
    const text = '\ufeff' + full.replace(/\n/g, '\r\n');
    const result = updateContext(text, { Mission: 'Line one\nLine two', Founded: '2019' });
    assert.ok(result.text.startsWith('\ufeff# Community Context\r\n'));
    assert.ok(result.text.includes('- **Mission:** Line one\r\n  Line two\r\n- **Who is this for:**'));
    assert.equal(result.text.replace(/\r\n/g, '').includes('\n'), false);
    assert.equal(parseContext(result.text).values.Mission, 'Line one\nLine two');
  });

  it('inserts a label missing from its section after the section’s last entry', () => {
    const text = fixture('drift-colon-outside.md');
    const result = updateContext(text, { 'Primary platform': 'Matrix', Mission: undefined });
    // In the style of the neighbouring lines.
    assert.equal(result.text, text.replace('- **Founded**:\n', '- **Founded**:\n- **Primary platform**: Matrix\n'));
    assert.equal(result.edits.length, 1);
    assert.equal(result.edits[0].start, result.edits[0].end);
  });

  it('inserts into an empty section without swallowing the prose under its heading', () => {
    const text = '## Culture and Voice\nWe keep it friendly.\n\n## Current State\n- **Stage:** Growth\n';
    const result = updateContext(text, { Tone: 'Warm', Values: 'Openness' });
    assert.equal(
      result.text,
      '## Culture and Voice\n- **Tone:** Warm\n- **Values:** Openness\n\nWe keep it friendly.\n\n## Current State\n- **Stage:** Growth\n',
    );
    assert.equal(parseContext(result.text).values.Tone, 'Warm');
  });

  it('keeps the indentation of a nested list when inserting next to it', () => {
    const text = '## Current State\n- Numbers\n  - **Stage:** Growth\n  - Other bullet\n';
    const result = updateContext(text, { Budget: '$500' });
    assert.equal(result.text, '## Current State\n- Numbers\n  - **Stage:** Growth\n  - **Budget:** $500\n  - Other bullet\n');
    assert.equal(parseContext(result.text).values.Stage, 'Growth');
  });

  it('appends a missing section at the end, after a blank line, in the file’s line ending', () => {
    const text = '## Community Overview\r\n- **Community Name:** Tiny';
    const result = updateContext(text, { Tone: 'Warm', Mission: 'Grow', Stage: 'Early' });
    assert.equal(
      result.text,
      text +
        '\r\n\r\n## Purpose and Positioning\r\n- **Mission:** Grow\r\n\r\n## Current State\r\n- **Stage:** Early\r\n\r\n## Culture and Voice\r\n- **Tone:** Warm\r\n',
    );
    assert.equal(result.edits.length, 1);
    assert.equal(result.edits[0].start, text.length);
  });

  it('does not double the blank line before an appended section', () => {
    const result = updateContext('- **Tone:** Warm\n\n', { Mission: 'Grow' });
    assert.equal(result.text, '- **Tone:** Warm\n\n## Purpose and Positioning\n- **Mission:** Grow\n');
    assert.equal(updateContext('', { Mission: 'Grow' }).text, '## Purpose and Positioning\n- **Mission:** Grow\n');
  });

  it('closes a code block left open before appending', () => {
    const text = '- **Tone:** Warm\n\n```\nunfinished example\n';
    const result = updateContext(text, { Mission: 'Grow' });
    assert.equal(parseContext(result.text).values.Mission, 'Grow');
    assert.ok(result.text.startsWith(text));
  });

  it('joins an insertion to the replacement of the entry it follows', () => {
    const text = '## Community Overview\n- **Community Name:** Old';
    const result = updateContext(text, { 'Community Name': 'New', Founded: '2020' });
    assert.equal(result.edits.length, 1);
    assert.equal(result.text, '## Community Overview\n- **Community Name:** New\n- **Founded:** 2020');
  });

  describe('front matter', () => {
    const text = fixture('frontmatter-precedence.md');

    it('rewrites the scalar of a front matter value, leaving the body alone', () => {
      const result = updateContext(text, { 'Community Name': 'New Name' });
      assert.equal(result.text, text.replace('Community Name: Front Matter Name', 'Community Name: New Name'));
      assert.equal(parseContext(result.text).values['Community Name'], 'New Name');
      assert.equal(parseContext(result.text).bodyEntries.get('Community Name')!.value, 'Body Name');
    });

    it('quotes a value that would not read back as the same plain text', () => {
      const result = updateContext(text, { 'Community Name': 'Name: with colon # and hash', Founded: '2017', Team: 'yes', 'Community type': 'Line one\nLine two' });
      assert.ok(result.text.includes('Community Name: "Name: with colon # and hash"\n'));
      assert.ok(result.text.includes('Founded: "2017"\n'));
      assert.ok(result.text.includes('Team: "yes"\n'));
      assert.ok(result.text.includes('community_type: "Line one\\nLine two"\n'));
      const after = parseContext(result.text);
      assert.equal(after.frontMatter, 'yaml');
      assert.equal(after.values['Community Name'], 'Name: with colon # and hash');
      assert.equal(after.values.Founded, '2017');
      assert.equal(after.values.Team, 'yes');
      assert.equal(after.values['Community type'], 'Line one\nLine two');
    });

    it('skips a front matter value that is not a one-line scalar, with a reason', () => {
      const result = updateContext(text, { 'Secondary platforms': 'GitHub only' });
      assert.deepEqual(result.edits, []);
      assert.equal(result.skipped.length, 1);
      assert.equal(result.skipped[0].label, 'Secondary platforms');
      assert.match(result.skipped[0].reason, /line 5/);
      const block = updateContext('---\nMission: |\n  Two\n  lines\n---\n', { Mission: 'One' });
      assert.deepEqual(block.edits, []);
      assert.equal(block.skipped[0].label, 'Mission');
    });

    it('empties both the front matter and a body value it hid', () => {
      const result = updateContext(text, { 'Community Name': undefined });
      assert.ok(result.text.includes('Community Name: ""\n'));
      assert.ok(result.text.includes('- **Community Name:** TBD\n'));
      assert.equal(parseContext(result.text).values['Community Name'], undefined);
    });

    it('writes into the body when the front matter leaves the label unset', () => {
      const result = updateContext(text, { Mission: 'Body again' });
      assert.equal(result.text, text.replace('- **Mission:** Body mission', '- **Mission:** Body again'));
    });

    it('writes into the body when the front matter key is empty and the body lacks the label', () => {
      const text = '---\nTone:\nValues: [a]\n---\n# Context\n';
      const result = updateContext(text, { Tone: 'Warm' });
      assert.equal(result.text, text + '\n## Culture and Voice\n- **Tone:** Warm\n');
      assert.equal(parseContext(result.text).values.Tone, 'Warm');
    });

    it('never takes text at column 0 inside a value over several lines for a key', () => {
      const traps = [
        'Mission: "quoted over\nTone: two lines"\nTone: real\n',
        "Mission: 'single over\nTone: two lines'\nTone: real\n",
        'Values: [a,\nTone: x]\nTone: real\n',
        "Values: [it's,\nTone: x]\nTone: real\n",
        'List:\n- "item over\nTone: b"\nTone: real\n',
        'List:\n- [a,\nTone: b]\nTone: real\n',
        '? "explicit\nTone: b"\n: x\nTone: real\n',
      ];
      for (const yaml of traps) {
        const text = `---\n${yaml}---\n`;
        const ctx = parseContext(text);
        assert.equal(ctx.values.Tone, 'real', yaml);
        assert.equal(lineOf(text, ctx.entries.get('Tone')!.line), 'Tone: real', yaml);
        const result = updateContext(text, { Tone: 'New' });
        assert.equal(result.text, text.replace('Tone: real', 'Tone: New'), yaml);
      }
    });

    it('keeps a trailing comment and the key’s quoting', () => {
      const result = updateContext('---\n"Tone": \'old\' # keep me\n---\n', { Tone: "it's new" });
      assert.equal(result.text, '---\n"Tone": it\'s new # keep me\n---\n');
      assert.equal(parseContext(result.text).values.Tone, "it's new");
    });
  });

  describe('on random realistic files', () => {
    const word = fc.constantFrom('devs', 'Rust', 'weekly', 'Discord', '12k', '~3.5K', 'AMA', 'open-source', 'café', '«quoted»', 'a:b', '**bold**', '#tag', '50%', 'x_y', 'TBD', '"q"', 'über');
    const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const label = fc.constantFrom(...CONTEXT_LABELS);
    const loose = (l: string, form: number) =>
      form === 0 ? l : form === 1 ? l.toUpperCase() : form === 2 ? l.toLowerCase().replace(/[^a-z0-9]+/g, '_') : l.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase());

    const entry = fc.record({
      label,
      form: fc.integer({ min: 0, max: 4 }),
      bullet: fc.constantFrom('-', '*', '+'),
      indent: fc.constantFrom('', '', '', '  '),
      value: fc.oneof(phrase, fc.constantFrom('', 'TBD', 'tbd.', '12,000 members')),
      more: fc.array(fc.record({ indented: fc.boolean(), text: phrase }), { maxLength: 2 }),
    });
    const entryLines = (e: GeneratedEntry) => {
      const name = e.form === 4 ? e.label.toUpperCase() : e.label;
      const head =
        e.form === 1 ? `**${name}**: ${e.value}` : e.form === 2 ? `${name}: ${e.value}` : e.form === 3 ? `**${name}:**${e.value === '' ? '' : ' ' + e.value}` : `**${name}:** ${e.value}`;
      return [`${e.indent}${e.bullet} ${head}`, ...e.more.map((m) => (m.indented ? e.indent + '    ' : '') + m.text)];
    };
    const block = fc.oneof(
      { weight: 6, arbitrary: entry.map((e) => entryLines(e)) },
      { weight: 1, arbitrary: fc.constant(['']) },
      { weight: 1, arbitrary: phrase.map((p) => ['', `Prose about ${p}.`, '']) },
      // A list after an empty label is its value: these stand after a line of their own.
      { weight: 1, arbitrary: fc.constant(['', 'Links:', '- an ordinary bullet', '- Unknown label: value']) },
    );
    const section = fc.record({
      title: fc.oneof(fc.constantFrom(...CONTEXT_SECTIONS.map((s) => s.title)), fc.constantFrom('Notes', 'Links', 'community overview')),
      blocks: fc.array(block, { maxLength: 5 }),
    });
    const frontMatter = fc.array(
      fc.record({
        label,
        form: fc.integer({ min: 0, max: 3 }),
        value: fc.oneof(
          phrase.map((p) => JSON.stringify(p)),
          fc.constantFrom('plain words', '2019', 'null', '""', '[a, b]', "'single'", 'Text # comment', '', '&anchor plain', '!!str 12'),
          // Values over several lines, some holding text that looks like a key at column 0.
          fc.constantFrom(
            '|\n  block text\n  Tone: inside',
            '>\n  folded\n\n  text',
            '"quoted over\nTone: two lines"',
            "'single over\nMission: two lines'",
            '[a,\nValues: x]',
            '[it\'s,\nTone: x]',
            '\n  - one\n  - two',
            '\n- one\n- two',
            '\n- "item over\nTone: two lines"',
            '\n- [a,\nMission: x]',
            'plain\n  continued',
          ),
        ),
      }),
      { maxLength: 4 },
    );
    const file = fc.record({
      bom: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n'),
      frontMatter: fc.option(frontMatter, { nil: undefined }),
      title: fc.boolean(),
      sections: fc.array(section, { maxLength: 6 }),
      finalEol: fc.boolean(),
    });
    const render = (f: GeneratedFile) => {
      const lines: string[] = [];
      if (f.frontMatter) {
        lines.push('---', ...f.frontMatter.map((k) => `${loose(k.label, k.form)}: ${k.value}`), 'title: ignored', '---');
      }
      if (f.title) lines.push('# Community Context', '', 'Intro prose.', '');
      for (const s of f.sections) lines.push(`## ${s.title}`, ...s.blocks.flat(), '');
      const text = (f.bom ? '\ufeff' : '') + lines.join('\n').replace(/\n/g, f.eol);
      return f.finalEol || text === '' ? text + (text === '' ? '' : f.eol) : text;
    };
    const newValue = fc.oneof(
      { weight: 3, arbitrary: phrase },
      { weight: 1, arbitrary: fc.constantFrom(undefined, '', 'TBD', '  tbd! ', 'Two\nlines', 'With\r\n\r\n  blank\n\nlines  ', 'key: value # not a comment', '- looks like a bullet\n## looks like a heading\n---') },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    );
    const changes = fc.dictionary(label, newValue, { maxKeys: 8 }) as fc.Arbitrary<Partial<Record<ContextLabel, string | undefined>>>;

    it('changes the values asked for and leaves every other byte identical', function () {
      // Each run parses the file three times and updates it twice: on a shared machine that takes a while.
      this.timeout(120_000);
      fc.assert(
        fc.property(file.map(render), changes, (text, change) => {
          const before = parseContext(text);
          const result = updateContext(text, change);
          assert.equal(applyEdits(text, result.edits), result.text);
          assertUntouchedOutsideEdits(text, result.text, result.edits);
          assertEditsTouchOnlyValues(before, result.edits, text);

          const after = parseContext(result.text);
          const skipped = new Set(result.skipped.map((s) => s.label));
          for (const l of CONTEXT_LABELS) {
            if (l in change && !skipped.has(l)) assert.equal(after.values[l], readBack(l, change[l]), `${l} was not written`);
            else assert.equal(after.values[l], before.values[l], `${l} changed without being asked`);
          }
          assert.equal(after.bom, before.bom);
          assert.equal(after.frontMatter, before.frontMatter);
          // Skips happen only for front matter values that are not one-line scalars.
          for (const s of result.skipped) assert.equal(before.entries.get(s.label)?.source, 'frontMatter');
          // Written once, the same change is nothing to do.
          assert.deepEqual(updateContext(result.text, change).edits, []);
        }),
        { numRuns: 600 },
      );
    });

    it('makes no edit when given the values the file already has', () => {
      fc.assert(
        fc.property(file.map(render), (text) => {
          const result = updateContext(text, { ...parseContext(text).values });
          assert.deepEqual(result.edits, []);
          assert.equal(result.text, text);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
