import * as assert from 'assert';
import { keptPlaybookSections, parseRecord, playbookSection, replaceListEntry, setTypes, type CheckIn, type MetricEntry, type RecordParse } from '../../src/core/records';
import { newRecordText } from '../../src/core/records/newRecord';

function ok(result: RecordParse) {
  if (!result.ok) assert.fail(`expected the record to be read: ${JSON.stringify(result.problems)}`);
  return result.record;
}

// Every quoting style YAML offers, one per check-in, with comments between and inside them.
const CHECK_IN_LINES = [
  ['  # the kick-off', '  - date: 2026-01-10', '    notes: plain text, no quotes', '    worthContinuing: yes'],
  ['  - date: 2026-02-10', "    notes: 'single: quoted, it''s kept'", '    worthContinuing: unsure # not sure yet'],
  ['  - date: 2026-03-10', '    notes: "double: quoted\\twith an escape"'],
  ['  - date: 2026-04-10', '    notes: |', '      A literal block:', '        indented line', '', '      # not a comment, text'],
  ['  - date: 2026-05-10', '    notes: >-', '      A folded block', '      on two lines', '    worthContinuing: no'],
];

function record(eol: string, items: string[][] = CHECK_IN_LINES): string {
  return [
    '---',
    'partner: "Quoting Guild"',
    'stage: active',
    "cadence: 'monthly'",
    'checkIns:',
    ...items.flat(),
    '# metrics follow',
    'metrics:',
    '- date: 2026-01-31',
    '  metric: cross-community-joins',
    "  value: 12 # first",
    '- {date: 2026-02-28, metric: cross-community-joins, value: 30, note: "flow style"}',
    '- date: "2026-03-31"',
    '  metric: cross-community-joins',
    '  value: 45',
    "  note: 'after the AMA'",
    '---',
    '',
    '# Body stays',
    '',
  ].join(eol);
}

describe('records: one list entry edited or deleted, every other byte kept', () => {
  for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`deletes each check-in by removing only its own lines (${eolName})`, () => {
      const text = record(eol);
      const entries = ok(parseRecord(text)).checkIns;
      assert.strictEqual(entries.length, CHECK_IN_LINES.length);
      for (let i = 0; i < entries.length; i++) {
        const u = replaceListEntry(text, 'checkIns', i, entries[i], undefined);
        // The comment before the first entry belongs to it only when it is the first entry's; the
        // comment is kept (a delete never takes text the entry does not hold).
        const kept = CHECK_IN_LINES.map((lines, k) => (k === i ? lines.filter((l) => l.trimStart().startsWith('#') && !l.startsWith('    ')) : lines));
        assert.strictEqual(u.text, record(eol, kept), `deleting check-in ${i}`);
        assert.strictEqual(u.edits.length, 1, 'one edit');
        assert.strictEqual(u.edits[0].newText, '');
        const after = ok(parseRecord(u.text)).checkIns;
        assert.deepStrictEqual(after, entries.filter((_, k) => k !== i));
      }
    });
  }

  it('edits one check-in: its lines are written again, its neighbours are not touched', () => {
    const text = record('\n');
    const entries = ok(parseRecord(text)).checkIns;
    const changed: CheckIn = { date: '2026-03-11', notes: 'moved a day' };
    const u = replaceListEntry(text, 'checkIns', 2, entries[2], changed);
    const expected = record('\n', CHECK_IN_LINES.map((lines, k) => (k === 2 ? ['  - date: 2026-03-11', '    notes: moved a day'] : lines)));
    assert.strictEqual(u.text, expected);
    assert.deepStrictEqual(ok(parseRecord(u.text)).checkIns[2], changed);
  });

  it('deletes and edits a metric in a list that mixes block and flow entries', () => {
    const text = record('\n');
    const metrics = ok(parseRecord(text)).metrics;
    assert.strictEqual(metrics.length, 3);
    const del = replaceListEntry(text, 'metrics', 1, metrics[1], undefined);
    assert.strictEqual(del.text, text.replace('- {date: 2026-02-28, metric: cross-community-joins, value: 30, note: "flow style"}\n', ''));
    const entry: MetricEntry = { ...metrics[0], value: 13 };
    const edit = replaceListEntry(text, 'metrics', 0, metrics[0], entry);
    assert.strictEqual(edit.text, text.replace('- date: 2026-01-31\n  metric: cross-community-joins\n  value: 12 # first\n', '- date: 2026-01-31\n  metric: cross-community-joins\n  value: 13\n'));
    const last = replaceListEntry(text, 'metrics', 2, metrics[2], undefined);
    assert.strictEqual(last.text, text.replace("- date: \"2026-03-31\"\n  metric: cross-community-joins\n  value: 45\n  note: 'after the AMA'\n", ''));
  });

  it('keeps an unknown key of the edited entry, and the whole list when the layout cannot be placed', () => {
    const text = '---\npartner: A\ncheckIns:\n  - date: 2026-01-01\n    mood: good\n  - date: 2026-02-01\n    notes: "kept: as is"\n---\n';
    const u = replaceListEntry(text, 'checkIns', 0, { date: '2026-01-01' }, { date: '2026-01-02' });
    assert.strictEqual(u.text, '---\npartner: A\ncheckIns:\n  - date: 2026-01-02\n    mood: good\n  - date: 2026-02-01\n    notes: "kept: as is"\n---\n');
    // A list written in flow style has no lines per entry: the key is written again, the values kept.
    const flow = '---\npartner: A\ncheckIns: [{date: 2026-01-01}, {date: 2026-02-01, notes: "b"}]\n---\n';
    const f = replaceListEntry(flow, 'checkIns', 0, { date: '2026-01-01' }, undefined);
    assert.deepStrictEqual(ok(parseRecord(f.text)).checkIns, [{ date: '2026-02-01', notes: 'b' }]);
  });

  it('removes the key when its last entry goes', () => {
    const text = '---\npartner: A\ncheckIns:\n  - date: 2026-01-01\nstage: active\n---\n';
    assert.strictEqual(replaceListEntry(text, 'checkIns', 0, { date: '2026-01-01' }, undefined).text, '---\npartner: A\nstage: active\n---\n');
  });
});

describe('records: types set from the planner write the playbook sections New Partnership writes', () => {
  const created = newRecordText({ partner: 'Night Owls', types: ['co-hosted-event'], today: '2026-12-01' });

  it('adds the section of a new type under "## Playbook", as New Partnership writes it, and nothing else in the body changes', () => {
    const u = setTypes(created, ['co-hosted-event', 'newsletter-cross-promotion']);
    const both = newRecordText({ partner: 'Night Owls', types: ['co-hosted-event', 'newsletter-cross-promotion'], today: '2026-12-01' });
    const section = (text: string) => text.slice(text.indexOf('## Playbook'), text.indexOf('## Notes'));
    assert.strictEqual(section(u.text), section(both));
    assert.ok(section(u.text).includes(playbookSection('newsletter-swap').join('\n')));
    // Outside the types line and the new section, every byte is the record's.
    assert.strictEqual(u.text.replace('  - newsletter-cross-promotion\n', '').replace(playbookSection('newsletter-swap').join('\n') + '\n', ''), created);
    assert.deepStrictEqual(ok(parseRecord(u.text)).types, ['co-hosted-event', 'newsletter-cross-promotion']);
  });

  it('makes the "## Playbook" section before "## Notes" when the record has none, with the steps already done ticked', () => {
    const text = '---\npartner: A\ntypes:\n  - conference-sharing\nplaybook:\n  content-collab: [2]\n---\n\n# A\n\nMy own text.\n\n## Notes\n\n- kept\n';
    const u = setTypes(text, ['conference-sharing', 'guest-contributions']);
    const lines = playbookSection('content-collab', [2]);
    assert.strictEqual(lines[3].startsWith('- [x] '), true, 'the second step is ticked');
    assert.strictEqual(u.text, '---\npartner: A\ntypes:\n  - conference-sharing\n  - guest-contributions\nplaybook:\n  content-collab: [2]\n---\n\n# A\n\nMy own text.\n\n## Playbook\n\n' + lines.join('\n') + '\n## Notes\n\n- kept\n');
  });

  it('keeps a removed type’s section (it may hold what people wrote) and names it; adding it back does not write it twice', () => {
    const edited = created.replace('- [ ] Agree on the topic, format and date', '- [x] Agree on the topic, format and date (done: 12 March, Berlin)');
    const removed = setTypes(edited, ['newsletter-cross-promotion']);
    assert.ok(removed.text.includes('### Co-hosted event\n\n- [x] Agree on the topic, format and date (done: 12 March, Berlin)'));
    assert.deepStrictEqual(keptPlaybookSections(removed.text, ['newsletter-cross-promotion']), ['co-hosted-event']);
    const back = setTypes(removed.text, ['newsletter-cross-promotion', 'meetup-cross-promotion']);
    assert.strictEqual(back.text.split('### Co-hosted event').length, 2, 'one section');
    assert.deepStrictEqual(keptPlaybookSections(back.text, ['newsletter-cross-promotion', 'meetup-cross-promotion']), []);
  });

  it('a heading in fenced code is not a section; CRLF records get CRLF lines', () => {
    const text = '---\r\npartner: A\r\n---\r\n\r\n```\r\n## Playbook\r\n### Co-hosted event\r\n```\r\n';
    const u = setTypes(text, ['co-hosted-event']);
    assert.ok(u.text.endsWith('```\r\n\r\n## Playbook\r\n\r\n' + playbookSection('co-hosted-event').join('\r\n') + '\r\n'));
    assert.ok(!/[^\r]\n/.test(u.text), 'no bare LF');
  });
});
