import * as assert from 'assert';
import * as Papa from 'papaparse';
import { CsvRecordReader, readCsvText, sniffDelimiter, toCsv, csvCell, MAX_RECORD_CHARS, type CsvRow } from '../../src/core/measure/csv';
import { COLUMN_ROLES, guessMapping, fileNamePattern, mappingFits, roleTitle } from '../../src/core/measure/mapping';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleTranslator, setTranslator } from '../../src/core/l10n';
import { parseExportDate, looksDayFirst } from '../../src/core/measure/dates';
import { makeExport, people, SHAPES } from './measureCorpus';

/** The data rows papaparse gives for the whole text in one call, each on the line the generator wrote it: what the chunked reader must give. */
function wholeFile(text: string, delimiter: string, rowLines: readonly number[]): CsvRow[] {
  const data = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, header: false, skipEmptyLines: 'greedy' }).data;
  const rows = data.slice(1).map((fields, k) => ({ line: rowLines[k], fields: fields.map((f, j) => (j === fields.length - 1 ? f.replace(/\r$/, '') : f)) }));
  assert.strictEqual(rows.length, rowLines.length, 'the generator and papaparse agree on the rows');
  return rows;
}

describe('measure: CSV exports', () => {
  const shapes = Object.keys(SHAPES) as (keyof typeof SHAPES)[];
  for (const [k, shape] of shapes.entries()) {
    for (const variant of [
      { bom: false, crlf: false },
      { bom: true, crlf: true },
      { bom: true, crlf: false, preamble: true },
    ]) {
      it(`reads a ${shape} export (${JSON.stringify(variant)}) in any chunk size exactly as papaparse reads it whole, each row with its line`, async () => {
        const ex = makeExport(shape, people(120, 10 + k), 100 + k, { ...variant, duplicates: 0.05, bad: 6 });
        const expected = wholeFile(ex.text, ex.delimiter, ex.rowLines);
        for (const chunkSize of [1, 3, 17, 4096]) {
          const { summary, rows } = await readCsvText(ex.text, { chunkSize });
          assert.deepStrictEqual(summary.header, ex.header, `header at chunk size ${chunkSize}`);
          assert.strictEqual(summary.delimiter, ex.delimiter);
          assert.strictEqual(summary.rows, ex.rows, `rows at chunk size ${chunkSize}`);
          assert.deepStrictEqual(rows, expected, `rows at chunk size ${chunkSize}`);
          assert.deepStrictEqual(summary.problems, []);
        }
      });
    }
  }

  it('reads long runs of plain rows between quoted ones the same in any chunk size (mixed LF and CRLF, blank and \\r-only lines)', async () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const lines = ['email,name,note'];
    const rowLines: number[] = [];
    let line = 2;
    for (let i = 0; i < 1500; i++) {
      const kind = rnd(40);
      const end = rnd(5) === 0 ? '\r\n' : '\n';
      if (kind === 0) {
        lines.push(`\r`);
        line++;
        continue;
      }
      if (kind === 1) {
        lines.push('');
        line++;
        continue;
      }
      const note = kind < 5 ? `"said ""hi"",\nthen left"` : kind < 8 ? `"a, b"` : `plain ${i}`;
      lines.push(`m${i}@example.org,Member ${i},${note}${end === '\r\n' ? '\r' : ''}`);
      rowLines.push(line);
      line += note.includes('\n') ? 2 : 1;
    }
    const text = lines.join('\n') + '\n';
    const expected = Papa.parse<string[]>(text, { delimiter: ',', header: false, skipEmptyLines: 'greedy' })
      .data.slice(1)
      .map((fields, k) => ({ line: rowLines[k], fields: fields.map((f, j) => (j === fields.length - 1 ? f.replace(/\r$/, '') : f)) }))
      .filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
    assert.strictEqual(expected.length, rowLines.length);
    for (const chunkSize of [1, 5, 64, 999, 1 << 20]) {
      const { summary, rows } = await readCsvText(text, { chunkSize });
      assert.deepStrictEqual(rows, expected, `chunk size ${chunkSize}`);
      assert.strictEqual(summary.rows, rowLines.length);
      assert.deepStrictEqual(summary.problems, []);
    }
  });

  it('keeps quoted commas, doubled quotes and line breaks in one field, and counts the lines they span', async () => {
    const text = 'name,email,bio\n"Ruiz, Ana",ana@example.org,"Says ""hi""\nand bye"\nBo,bo@example.org,plain\n';
    const { rows } = await readCsvText(text, { chunkSize: 2 });
    assert.deepStrictEqual(rows, [
      { line: 2, fields: ['Ruiz, Ana', 'ana@example.org', 'Says "hi"\nand bye'] },
      { line: 4, fields: ['Bo', 'bo@example.org', 'plain'] },
    ]);
  });

  it('reads semicolon exports with decimal commas, tab exports in UTF-16 (Excel "Unicode text"), and an Excel sep= line', async () => {
    const semi = await readCsvText('Name;E-Mail;Betrag\nLéa;lea@example.org;12,50\n');
    assert.strictEqual(semi.summary.delimiter, ';');
    assert.deepStrictEqual(semi.rows[0].fields, ['Léa', 'lea@example.org', '12,50']);

    const utf16 = Buffer.from('\uFEFFName\tEmail\r\nZoë\tzoe@example.org\r\n', 'utf16le');
    const tab = await readCsvText(new Uint8Array(utf16), { chunkSize: 3 });
    assert.strictEqual(tab.summary.delimiter, '\t');
    assert.deepStrictEqual(tab.summary.header, ['Name', 'Email']);
    assert.deepStrictEqual(tab.rows, [{ line: 2, fields: ['Zoë', 'zoe@example.org'] }]);

    const sep = await readCsvText('sep=;\r\nName;Email\r\nBo;bo@example.org\r\n');
    assert.deepStrictEqual(sep.summary.header, ['Name', 'Email']);
    assert.deepStrictEqual(sep.rows, [{ line: 3, fields: ['Bo', 'bo@example.org'] }]);
  });

  it('reports a quote that is never closed with its line, skips that row and keeps the rows around it', async () => {
    const { summary, rows } = await readCsvText('name,email\nAna,ana@example.org\n"Bo,bo@example.org\nCy,cy@example.org\n');
    assert.deepStrictEqual(rows.map((r) => [r.line, r.fields[1]]), [[2, 'ana@example.org'], [4, 'cy@example.org']]);
    assert.strictEqual(summary.problems.length, 1);
    assert.strictEqual(summary.problems[0].line, 3);
    assert.match(summary.problems[0].message, /never closed/);
  });

  it('skips a record over the size limit up to the next line break and goes on', async () => {
    const huge = '"' + 'x'.repeat(MAX_RECORD_CHARS + 10);
    const { summary, rows } = await readCsvText(`name,email\n${huge}\nBo,bo@example.org\n`, { chunkSize: 256 * 1024 });
    assert.deepStrictEqual(rows.map((r) => r.fields), [['Bo', 'bo@example.org']]);
    assert.strictEqual(summary.problems.length, 1);
    assert.match(summary.problems[0].message, /over 1,000,000 characters/);
  });

  it('a stray quote inside a field is text, as papaparse reads it', async () => {
    const r = new CsvRecordReader();
    const rows = [...r.push('a,b\n5" screen,x@example.org\n'), ...r.end()];
    assert.deepStrictEqual(rows[1].fields, ['5" screen', 'x@example.org']);
  });

  it('sniffs the delimiter from the header, outside quotes', () => {
    assert.strictEqual(sniffDelimiter('"a;b",c,d'), ',');
    assert.strictEqual(sniffDelimiter('a;b;c'), ';');
    assert.strictEqual(sniffDelimiter('a\tb'), '\t');
    assert.strictEqual(sniffDelimiter('email'), ',');
  });

  it('writes CSV that papaparse reads back, with formulas defused', () => {
    const csv = toCsv(['Partner', 'Notes'], [['=HYPERLINK("http://x","y")', 'a, "b"\nc'], ['+1', '@sum'], ['Acme', undefined]]);
    const back = Papa.parse<string[]>(csv.trimEnd(), { header: false }).data;
    assert.deepStrictEqual(back, [['Partner', 'Notes'], ['\'=HYPERLINK("http://x","y")', 'a, "b"\nc'], ["'+1", "'@sum"], ['Acme', '']]);
    assert.ok(csv.endsWith('\r\n'));
  });
});

/** Cells a spreadsheet could run: what an attacker with write access to the records would write. */
export const HOSTILE_CELLS = [
  'Acme;=1+1;',
  'Acme,=1+1,',
  'Acme\t=1+1',
  'Acme|=1+1|',
  'Acme; "=1+1"',
  '=1+1\n=2+2',
  'ok\r\n+1',
  'ok\r-1',
  'ok\n  @SUM(A1)',
  '\uff1d1+1',
  'x;\uff0b1',
  ' =1+1',
  '"=1+1',
  '\t=1',
  '\rx',
  '=cmd|\' /C calc\'!A0',
  'a;"=1+1',
];

/** Every place in a parsed field where a spreadsheet would start a formula: a line whose first character, after spaces and quotes, starts one. */
function formulaStarts(field: string): string[] {
  return field.split(/\r\n|\r|\n/).filter((line) => /^[ "\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(line) || line.startsWith('\t'));
}

describe('measure: the CSV writer', () => {
  const csv = toCsv(['Partner', 'Community', 'Notes'], HOSTILE_CELLS.map((c, k) => [`p${k}`, c, c]));

  for (const delimiter of [',', ';', '\t', '|']) {
    it(`opens no formula in a spreadsheet that splits on ${JSON.stringify(delimiter)}, quoted or not`, () => {
      for (const quoteChar of ['"', '\u0000']) {
        const data = Papa.parse<string[]>(csv.trimEnd(), { delimiter, quoteChar, newline: '\r\n', header: false }).data;
        for (const fields of data) for (const f of fields) assert.deepStrictEqual(formulaStarts(f), [], `${JSON.stringify(f)} (quote ${JSON.stringify(quoteChar)})`);
        // Split at line breaks too, as a reader that ignores quotes does.
        for (const line of csv.split(/\r\n|\r|\n/)) for (const f of line.split(delimiter)) assert.deepStrictEqual(formulaStarts(f), [], JSON.stringify(f));
      }
    });
  }

  it('quotes every text cell holding a separator (, ; tab |), a quote or a line break, and reads back with only the defusing quote added', async () => {
    for (const cell of ['a;b', 'a,b', 'a\tb', 'a|b', 'a"b', 'a\nb', 'a\rb']) assert.match(csvCell(cell), /^".*"$/s, JSON.stringify(cell));
    for (const cell of ['plain', 'Rust Berlin', '2026-01-15', 'co-hosted-event']) assert.strictEqual(csvCell(cell), cell);
    assert.strictEqual(csvCell(-3), '-3', 'a number is written as a number');
    const { rows } = await readCsvText(csv);
    assert.strictEqual(rows.length, HOSTILE_CELLS.length);
    for (const [k, row] of rows.entries()) assert.strictEqual(row.fields[1].replace(/'/g, ''), HOSTILE_CELLS[k].replace(/'/g, ''), 'nothing but the defusing quotes added');
  });
});

describe('measure: column mapping', () => {
  it('names each role in the display language, the utm_ parameters as they are spelled', () => {
    assert.deepStrictEqual(
      COLUMN_ROLES.map((r) => roleTitle(r)),
      ['Email', 'Name (display or full name)', 'Date (joined, registered or signed up)', 'Status (going, checked in, cancelled...)', 'Checked in (a check-in time, or yes/no)', 'utm_source', 'utm_medium', 'utm_campaign', 'Landing page or sign-up URL (with utm_ parameters in it)'],
    );
    const german = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    setTranslator(bundleTranslator(german));
    try {
      assert.strictEqual(roleTitle('email'), 'E-Mail');
      assert.strictEqual(roleTitle('checkIn'), 'Eingecheckt (eine Check-in-Zeit, oder ja/nein)');
      assert.strictEqual(roleTitle('source'), 'utm_source');
    } finally {
      setTranslator(undefined);
    }
  });

  it('guesses the email, name and date columns of every export in the corpus', () => {
    const expected: Record<string, { email: string; date?: string }> = {
      discord: { email: 'Email', date: 'Joined At' },
      discourse: { email: 'email', date: 'created_at' },
      circle: { email: 'Email' },
      slack: { email: 'email' },
      luma: { email: 'email', date: 'created_at' },
      eventbrite: { email: 'Email', date: 'Order Date' },
      meetupEu: { email: 'E-Mail' },
      mailchimp: { email: 'Email Address', date: 'OPTIN_TIME' },
      substack: { email: 'email', date: 'created_at' },
    };
    for (const [shape, want] of Object.entries(expected)) {
      const m = guessMapping(SHAPES[shape].header);
      assert.strictEqual(m.email, want.email, shape);
      if (want.date) assert.strictEqual(m.date, want.date, shape);
    }
    assert.strictEqual(guessMapping(SHAPES.eventbrite.header).status, 'Attendee Status');
    assert.strictEqual(guessMapping(SHAPES.luma.header).status, 'approval_status');
    const signup = guessMapping(['Email', 'Signed up', 'utm_source', 'UTM Medium', 'utm-campaign', 'Landing page']);
    assert.deepStrictEqual(signup, { email: 'Email', date: 'Signed up', source: 'utm_source', medium: 'UTM Medium', campaign: 'utm-campaign', url: 'Landing page' });
  });

  it('remembers mappings by a file-name pattern that survives dates, ids and copies', () => {
    assert.strictEqual(fileNamePattern('luma-guests-2026-03-01 (1).csv'), fileNamePattern('Luma-Guests-2026-04-12.csv'));
    assert.strictEqual(fileNamePattern('/home/sam/Downloads/members_export_48213.csv'), 'members_export_#.csv');
    assert.notStrictEqual(fileNamePattern('luma-guests.csv'), fileNamePattern('eventbrite-guests.csv'));
    assert.ok(mappingFits(['a', 'Email'], { email: 'Email' }));
    assert.ok(!mappingFits(['a', 'Mail'], { email: 'Email' }));
  });
});

describe('measure: dates in exports', () => {
  it('reads the ways exports write dates', () => {
    const cases: [string, string | undefined, boolean?][] = [
      ['2026-03-04T23:10:00Z', '2026-03-04'],
      ['2026-03-04 10:22:00', '2026-03-04'],
      ['2026/03/04', '2026-03-04'],
      ['03/14/2026 10:22 AM', '2026-03-14'],
      ['04.03.2026', '2026-03-04'],
      ['04/03/2026', '2026-04-03'],
      ['04/03/2026', '2026-03-04', true],
      ['25/03/2026', '2026-03-25'],
      ['4 Mar 2026', '2026-03-04'],
      ['Tuesday, 4 March 2026', '2026-03-04'],
      ['March 4, 2026', '2026-03-04'],
      ['Mar 4th, 2026 6:00 PM', '2026-03-04'],
      ['1772582400', '2026-03-04'],
      ['1772582400000', '2026-03-04'],
      ['2026-02-30', undefined],
      ['13/13/2026', undefined],
      ['soon', undefined],
      ['', undefined],
    ];
    for (const [cell, want, dayFirst] of cases) assert.strictEqual(parseExportDate(cell, { dayFirst }), want, cell);
    assert.ok(looksDayFirst(['01/02/2026', '25/02/2026']));
    assert.ok(!looksDayFirst(['01/02/2026', '02/25/2026']));
  });
});
