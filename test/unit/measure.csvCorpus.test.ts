// The CSV reader on exports as the tools write them (Luma, Meetup, Eventbrite, Discord, Slack,
// Google Forms, spreadsheets) and on hostile files, each read whole and in chunks of every small
// size, so that a quote, a doubled quote, a CRLF or a byte order mark split across two chunks
// reads the same. The expected rows are written out here, not taken from the reader.
import * as assert from 'node:assert';
import fc from 'fast-check';
import * as Papa from 'papaparse';
import { MAX_RECORD_CHARS, csvCell, readCsvText, splitRecords, toCsv, type CsvRow, type ReadSummary } from '../../src/core/measure/csv';

/** Reads `text` whole and in chunks of 1 to 9 bytes and of 64: every way gives the same rows and summary, which are returned. */
async function readEveryWay(text: string | Uint8Array): Promise<{ summary: ReadSummary; rows: CsvRow[] }> {
  const whole = await readCsvText(text, { chunkSize: 1 << 24 });
  for (const chunkSize of [1, 2, 3, 4, 5, 6, 7, 8, 9, 64]) {
    const chunked = await readCsvText(text, { chunkSize });
    assert.deepStrictEqual(chunked.rows, whole.rows, `rows at chunk size ${chunkSize}`);
    assert.deepStrictEqual(chunked.summary, whole.summary, `summary at chunk size ${chunkSize}`);
  }
  return whole;
}

const rowsOf = (rows: readonly CsvRow[]) => rows.map((r) => [r.line, ...r.fields]);

describe('measure: CSV reader on a corpus of exports', () => {
  it('Luma: a byte order mark, CRLF, quoted names with commas, empty fields', async () => {
    const text =
      '\uFEFFapi_id,name,first_name,last_name,email,phone_number,created_at,approval_status,checked_in_at,utm_source\r\n' +
      'gst-1,"Ruiz, Ana",Ana,Ruiz,ana@example.org,,2026-03-01T18:02:11.000Z,approved,2026-03-04T19:01:00.000Z,rustberlin\r\n' +
      'gst-2,Bo Ng,Bo,Ng,bo@example.org,+49 30 1234,2026-03-02T08:00:00.000Z,declined,,\r\n';
    const { summary, rows } = await readEveryWay(text);
    assert.deepStrictEqual(summary.header, ['api_id', 'name', 'first_name', 'last_name', 'email', 'phone_number', 'created_at', 'approval_status', 'checked_in_at', 'utm_source']);
    assert.strictEqual(summary.delimiter, ',');
    assert.deepStrictEqual(rowsOf(rows), [
      [2, 'gst-1', 'Ruiz, Ana', 'Ana', 'Ruiz', 'ana@example.org', '', '2026-03-01T18:02:11.000Z', 'approved', '2026-03-04T19:01:00.000Z', 'rustberlin'],
      [3, 'gst-2', 'Bo Ng', 'Bo', 'Ng', 'bo@example.org', '+49 30 1234', '2026-03-02T08:00:00.000Z', 'declined', '', ''],
    ]);
  });

  it('Meetup (a German sheet): semicolons, decimal commas, quoted semicolons, umlauts', async () => {
    const text = 'Name;Benutzer-ID;Titel;E-Mail;RSVP;Gäste;Betrag\nJörg Müller;123;"Dr.; Ing.";joerg@example.de;Ja;1;12,50\nLéa;124;;lea@example.fr;Nein;0;0,00\n';
    const { summary, rows } = await readEveryWay(text);
    assert.strictEqual(summary.delimiter, ';');
    assert.deepStrictEqual(rowsOf(rows), [
      [2, 'Jörg Müller', '123', 'Dr.; Ing.', 'joerg@example.de', 'Ja', '1', '12,50'],
      [3, 'Léa', '124', '', 'lea@example.fr', 'Nein', '0', '0,00'],
    ]);
  });

  it('Eventbrite: every field quoted, doubled quotes, a line break inside an answer', async () => {
    const text =
      '"Order #","Order Date","First Name","Last Name","Email","Attendee Status","What do you hope to learn?"\r\n' +
      '"1001","2026-03-04 10:22:00","Ana","Ruiz","ana@example.org","Attending","The ""async"" story,\r\nand lifetimes"\r\n' +
      '"1002","2026-03-04 11:00:00","Bo","O\'Brien","bo@example.org","Checked In",""\r\n';
    const { rows } = await readEveryWay(text);
    assert.deepStrictEqual(rowsOf(rows), [
      [2, '1001', '2026-03-04 10:22:00', 'Ana', 'Ruiz', 'ana@example.org', 'Attending', 'The "async" story,\r\nand lifetimes'],
      [4, '1002', '2026-03-04 11:00:00', 'Bo', "O'Brien", 'bo@example.org', 'Checked In', ''],
    ]);
  });

  it("Discord (a bot's member export): tabs, emoji, names with quotes and commas", async () => {
    const text = 'User ID\tUsername\tDisplay Name\tEmail\tJoined At\tRoles\n1\tana_r\tAna 🦀 "the crab"\tana@example.org\t2026-01-02\tmember, mod\n2\tbo\tBo\t\t2026-01-03\t\n';
    const { summary, rows } = await readEveryWay(text);
    assert.strictEqual(summary.delimiter, '\t');
    assert.deepStrictEqual(rowsOf(rows), [
      [2, '1', 'ana_r', 'Ana 🦀 "the crab"', 'ana@example.org', '2026-01-02', 'member, mod'],
      [3, '2', 'bo', 'Bo', '', '2026-01-03', ''],
    ]);
  });

  it('Slack (a workspace member list): ragged rows kept as they are, a missing last line break', async () => {
    const text =
      'username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname\nana,ana@example.org,Member,1,1,0,U01,Ana Ruiz,ana\nbot,,Bot\nbo,bo@example.org,Admin,1,1,0,U02,Bo Ng,bo,extra';
    const { summary, rows } = await readEveryWay(text);
    assert.strictEqual(summary.rows, 3);
    assert.deepStrictEqual(rowsOf(rows), [
      [2, 'ana', 'ana@example.org', 'Member', '1', '1', '0', 'U01', 'Ana Ruiz', 'ana'],
      [3, 'bot', '', 'Bot'],
      [4, 'bo', 'bo@example.org', 'Admin', '1', '1', '0', 'U02', 'Bo Ng', 'bo', 'extra'],
    ]);
  });

  it('Google Forms: a timestamp column, long answers over several lines, a question with a comma in its title', async () => {
    const text =
      'Timestamp,Email Address,"What should we cover, and why?",How did you hear about us?\r\n' +
      '2026/03/04 10:22:00 AM GMT+1,ana@example.org,"Three things:\n1. traits\n2. ""unsafe""\n\n3. macros",Newsletter\r\n' +
      '2026/03/05 9:01:00 AM GMT+1,bo@example.org,,\r\n';
    const { summary, rows } = await readEveryWay(text);
    assert.deepStrictEqual(summary.header, ['Timestamp', 'Email Address', 'What should we cover, and why?', 'How did you hear about us?']);
    assert.deepStrictEqual(rowsOf(rows), [
      [2, '2026/03/04 10:22:00 AM GMT+1', 'ana@example.org', 'Three things:\n1. traits\n2. "unsafe"\n\n3. macros', 'Newsletter'],
      [7, '2026/03/05 9:01:00 AM GMT+1', 'bo@example.org', '', ''],
    ]);
  });

  it("spreadsheets: CR alone (old Mac Excel), Excel's sep= line, bars, a title line and blank lines before the header", async () => {
    const mac = await readEveryWay('Name,Email\r"Ruiz, Ana",ana@example.org\r\rBo,"bo@\rexample.org"\rCy,cy@example.org\r');
    assert.deepStrictEqual(mac.summary.header, ['Name', 'Email']);
    assert.deepStrictEqual(rowsOf(mac.rows), [
      [2, 'Ruiz, Ana', 'ana@example.org'],
      [4, 'Bo', 'bo@\nexample.org'],
      [6, 'Cy', 'cy@example.org'],
    ]);
    const sep = await readEveryWay('sep=|\r\nName|Email\r\nBo|bo@example.org\r\n');
    assert.strictEqual(sep.summary.delimiter, '|');
    assert.deepStrictEqual(rowsOf(sep.rows), [[3, 'Bo', 'bo@example.org']]);
    const bars = await readEveryWay('name|email|note\nAna|ana@example.org|"a|b"\n');
    assert.strictEqual(bars.summary.delimiter, '|');
    assert.deepStrictEqual(rowsOf(bars.rows), [[2, 'Ana', 'ana@example.org', 'a|b']]);
    const blank = await readEveryWay('\n\r\nname,email\n\nAna,ana@example.org\n   \nBo,bo@example.org\n');
    assert.deepStrictEqual(blank.summary.header, ['name', 'email']);
    assert.strictEqual(blank.summary.headerLine, 3);
    assert.deepStrictEqual(rowsOf(blank.rows), [
      [5, 'Ana', 'ana@example.org'],
      [7, 'Bo', 'bo@example.org'],
    ]);
  });

  it('spreadsheets: UTF-16 with its byte order mark (Excel "Unicode text"), little- and big-endian', async () => {
    const text = '\uFEFFName\tEmail\r\nZoë\tzoe@example.org\r\n"Ó Súilleabháin, Seán"\tsean@example.org\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    for (const bytes of [le, be]) {
      const { summary, rows } = await readEveryWay(bytes);
      assert.deepStrictEqual(summary.header, ['Name', 'Email']);
      assert.deepStrictEqual(rowsOf(rows), [
        [2, 'Zoë', 'zoe@example.org'],
        [3, 'Ó Súilleabháin, Seán', 'sean@example.org'],
      ]);
    }
  });

  it('quotes as the common readers take them: spaces after a closing quote, a quote inside a field, a malformed closing quote', async () => {
    const { rows } = await readEveryWay('a,b,c\n"x"  ,"y" ,z\n5" screen,"say ""hi""",end\n"5" screen",ok,"a""b"\n');
    assert.deepStrictEqual(rowsOf(rows), [
      [2, 'x', 'y', 'z'],
      [3, '5" screen', 'say "hi"', 'end'],
      [4, '5" screen', 'ok', 'a"b'],
    ]);
  });

  it('hostile: formulas are read as the text they are (the writer defuses them), control characters and NUL kept', async () => {
    const cells = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2', '@SUM(A1)', '\uff1d1', "=cmd|' /C calc'!A0", 'a\u0000b', '\u0007bell'];
    const text = `name,value\n${cells.map((c) => `p,"${c.replace(/"/g, '""')}"`).join('\n')}\n`;
    const { rows } = await readEveryWay(text);
    assert.deepStrictEqual(
      rows.map((r) => r.fields[1]),
      cells,
    );
    // Written back out through the one writer, every formula start gets its quote.
    const back = await readCsvText(
      toCsv(
        ['value'],
        cells.map((c) => [c]),
      ),
    );
    assert.deepStrictEqual(
      back.rows.map((r) => r.fields[0]),
      ['\'=HYPERLINK("http://evil.example","x")', "'+1+1", "'-2", "'@SUM(A1)", "'\uff1d1", "'=cmd|' /C calc'!A0", 'a\u0000b', '\u0007bell'],
    );
    assert.strictEqual(csvCell('=1+1'), "'=1+1");
  });

  it('hostile: a quote never closed is reported with its line, its row skipped, the next rows kept (LF, CRLF and CR alone)', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const { summary, rows } = await readEveryWay(['name,email', 'Ana,ana@example.org', '"Bo,bo@example.org', 'Cy,cy@example.org', ''].join(eol));
      assert.deepStrictEqual(
        rowsOf(rows),
        [
          [2, 'Ana', 'ana@example.org'],
          [4, 'Cy', 'cy@example.org'],
        ],
        JSON.stringify(eol),
      );
      assert.deepStrictEqual(
        summary.problems.map((p) => p.line),
        [3],
        JSON.stringify(eol),
      );
      assert.match(summary.problems[0].message, /never closed/);
    }
    // At the very end of the file, with nothing after it.
    const last = await readEveryWay('name,email\nAna,ana@example.org\n"Bo');
    assert.deepStrictEqual(rowsOf(last.rows), [[2, 'Ana', 'ana@example.org']]);
    assert.deepStrictEqual(
      last.summary.problems.map((p) => p.line),
      [3],
    );
  });

  it('hostile: no line break at all, and a quoted field past the size limit, stop at the limit and go on', async () => {
    const noBreak = await readCsvText('email,' + 'x'.repeat(MAX_RECORD_CHARS + 5), { chunkSize: 64 * 1024 });
    assert.deepStrictEqual(noBreak.rows, []);
    assert.strictEqual(noBreak.summary.problems.length, 1);
    const crLong = await readCsvText(`name,email\r"${'y'.repeat(MAX_RECORD_CHARS + 5)}\rBo,bo@example.org\r`, { chunkSize: 64 * 1024 });
    assert.deepStrictEqual(rowsOf(crLong.rows), [[3, 'Bo', 'bo@example.org']]);
    assert.strictEqual(crLong.summary.problems.length, 1);
  });

  it('a file of only a header, of only a byte order mark, and an empty one', async () => {
    assert.deepStrictEqual((await readEveryWay('email')).summary.header, ['email']);
    assert.deepStrictEqual((await readEveryWay('email\r')).summary.header, ['email']);
    for (const text of ['', '\uFEFF', '\r\n\r\n']) {
      const { summary, rows } = await readEveryWay(text);
      assert.deepStrictEqual([summary.header, rows, summary.problems], [[], [], []], JSON.stringify(text));
    }
  });
});

describe('measure: splitRecords', () => {
  it('splits fields as papaparse does, on any text (random text of quotes, delimiters and line breaks)', () => {
    const char = fc.constantFrom('a', 'b', ' ', '"', '"', ',', ';', '\t', '|', '\n', '\r', 'é');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 40 }).map((a) => a.join('')),
        fc.constantFrom(',', ';', '\t', '|'),
        (text, delimiter) => {
          const papa = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' }).parse(text, 0, false).data as string[][];
          assert.deepStrictEqual(splitRecords(text, delimiter), papa, JSON.stringify(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('empty text is no record; a final line break ends with an empty one', () => {
    assert.deepStrictEqual(splitRecords('', ','), []);
    assert.deepStrictEqual(splitRecords('a,b\n', ','), [['a', 'b'], ['']]);
    assert.deepStrictEqual(splitRecords('"a\nb",c\n"d"', ','), [['a\nb', 'c'], ['d']]);
    assert.deepStrictEqual(splitRecords('"never closed,x\ny', ','), [['never closed,x\ny']]);
  });
});
