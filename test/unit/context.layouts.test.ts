import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONTEXT_LABELS, type ContextLabel, parseContext, updateContext } from '../../src/core/context';
import { analyseContext } from '../../src/core/context/parse';

/**
 * The updater on every layout a context file is written in: for any file of that layout and any
 * one-field change, the edit touches only that value's span (its text, or the items of a list
 * value), every other byte stays, the new value reads back and no other value moves.
 */

const word = fc.constantFrom('devs', 'Rust', 'weekly', 'Discord', '12k', 'AMA', 'open-source', 'café', 'über', 'x_y', '50%', '"q"', 'C++', 'R&D', 'a:b', '#tag', '**bold**');
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const listValue = fc.array(phrase, { minLength: 1, maxLength: 3 }).map((items) => items.join('\n'));

/** Labels in the order of the template, a few of them, without repeats. */
const someLabels = fc.uniqueArray(fc.constantFrom(...CONTEXT_LABELS), { minLength: 2, maxLength: 7 }).map((ls) => [...ls].sort((a, b) => CONTEXT_LABELS.indexOf(a) - CONTEXT_LABELS.indexOf(b)));

interface Field {
  label: ContextLabel;
  value: string;
  /** A note, a comment or nothing after the value. */
  extra: 0 | 1 | 2;
}

const fields = someLabels.chain((labels) => fc.tuple(...labels.map((label) => fc.record({ label: fc.constant(label), value: phrase, extra: fc.constantFrom<0 | 1 | 2>(0, 1, 2) }))));

const bulletStyles = [(l: string) => `**${l}:**`, (l: string) => `**${l}**:`, (l: string) => `${l}:`, (l: string) => `🏷️ **${l}:**`] as const;

const layouts: Record<string, (fs: Field[], style: number, eol: string) => string> = {
  bullets: (fs, style, eol) =>
    ['## Community Overview', ...fs.flatMap((f) => [`- ${bulletStyles[style](f.label)} ${f.value}${f.extra === 2 ? ' <!-- kept -->' : ''}`, ...(f.extra === 1 ? ['  *Source: our stats*'] : [])])].join(eol) + eol,
  'nested bullets': (fs, style, eol) =>
    ['## Current State', `- **${fs[0].label}:** ${fs[0].value}`, ...fs.slice(1).map((f) => `  - ${bulletStyles[style](f.label)} ${f.value}`), '- A plain note'].join(eol) + eol,
  paragraphs: (fs, style, eol) => ['# About', '', ...fs.map((f) => `${bulletStyles[style % 2](f.label)} ${f.value}`)].join(eol) + eol,
  'separate paragraphs': (fs, _style, eol) => fs.map((f) => `**${f.label}:** ${f.value}${f.extra === 1 ? `${eol}_a note_` : ''}`).join(eol + eol) + eol,
  table: (fs, _style, eol) => ['## Community Overview', '', '| Field | Value |', '| --- | --- |', ...fs.map((f) => `| ${f.label} | ${f.value} |`), '', 'After the table.'].join(eol) + eol,
  headings: (fs, _style, eol) => fs.map((f) => `### ${f.label}${eol}${eol}${f.value}`).join(eol + eol) + eol,
  fenced: (fs, style, eol) => ['Here is the file:', '', '```markdown', '## Community Overview', ...fs.map((f) => `- ${bulletStyles[style](f.label)} ${f.value}`), '```', '', 'Anything else?'].join(eol) + eol,
  'list values': (fs, _style, eol) =>
    ['## Current State', ...fs.flatMap((f) => [`- **${f.label}:**`, ...f.value.split(' ').map((w) => `  - ${w}`)])].join(eol) + eol,
};

describe('updateContext on every layout (property)', () => {
  for (const [name, render] of Object.entries(layouts)) {
    it(`a one-field change in ${name} touches only that value's span`, function () {
      this.timeout(60_000);
      fc.assert(
        fc.property(fields, fc.integer({ min: 0, max: 3 }), fc.constantFrom('\n', '\r\n'), fc.nat(), fc.oneof(phrase, listValue), (fs, style, eol, pick, next) => {
          const text = render(fs, style, eol);
          const before = analyseContext(text);
          const target = fs[pick % fs.length].label;
          const field = before.fields.find((f) => f.used && f.entry.label === target);
          assert.ok(field, `${target} is read in\n${text}`);
          // A list value takes a list; any other value one line (a person edits one line there).
          const value = field.items.length > 0 || name === 'separate paragraphs' || name === 'headings' ? next : next.split('\n')[0];
          const result = updateContext(text, { [target]: value });

          // Every edit lies inside the field's own spans: its text, its items, or just after its last item.
          const spans = [field.inline, ...field.items.map((i) => ({ start: i.start, end: i.end })), ...field.items.map((i) => ({ start: i.linesStart, end: i.linesEnd }))];
          const lastItemEnd = field.items.length ? before.lines[field.items[field.items.length - 1].lastLine].end : -1;
          for (const e of result.edits) {
            const inside = spans.some((s) => e.start >= s.start && e.end <= s.end) || (e.start === e.end && e.start === lastItemEnd);
            assert.ok(inside, `edit ${e.start}..${e.end} ${JSON.stringify(e.newText)} outside ${target}'s value in\n${text}`);
          }
          const after = parseContext(result.text);
          assert.equal(after.values[target], value, `${target} reads back`);
          for (const l of CONTEXT_LABELS) if (l !== target) assert.equal(after.values[l], before.ctx.values[l], `${l} stays`);
          // Nothing is added twice and nothing is lost: the line count moves only by the items added or removed.
          assert.equal(result.text.split(eol).filter((l) => l.includes(target)).length, text.split(eol).filter((l) => l.includes(target)).length);
          assert.equal(after.problems.filter((p) => p.code === 'duplicate').length, 0);
          assert.deepEqual(updateContext(result.text, { [target]: value }).edits, [], 'written once, nothing more to do');
        }),
        { numRuns: 200 },
      );
    });
  }
});
