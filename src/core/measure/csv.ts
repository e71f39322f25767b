/*
 * CSV exports read in chunks (RFC 4180, and what spreadsheets and export tools write beside it).
 * Exports come as they come: a byte order mark (UTF-8, or UTF-16 from Excel's "Unicode text"),
 * CRLF, LF or CR alone (old Mac spreadsheets), commas, semicolons (European spreadsheets), tabs
 * or bars, quoted fields holding delimiters, quotes and line breaks, ragged rows, a blank line or
 * a title line before the header. The reader finds where each record ends (a line break outside
 * quotes) as the chunks arrive, splits the complete records into fields (`splitRecords`) in one
 * call per chunk, and keeps only the unfinished record between chunks, so memory does not grow
 * with the file. Every row carries the line it starts on, for the reports.
 */

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

interface RecordSpan {
  start: number;
  /** Before the line break (and its \r). */
  end: number;
  line: number;
}

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

const CR = /\r/g;

/** Plain records are split in pieces of about this many characters. */
const PLAIN_PIECE = 64 * 1024;

/** A field longer than this is cut (a runaway quote in a hostile file would otherwise hold the rest of the file). */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * The delimiter of a header line: the candidate found most often outside quotes (ties go to the
 * comma). `sep=;` (Excel's hint line) names it outright.
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const hint = /^sep=(.)\s*$/i.exec(headerLine);
  if (hint && (DELIMITERS as readonly string[]).includes(hint[1])) return hint[1] as Delimiter;
  const counts = new Map<Delimiter, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

const QUOTE = 34;
const DOUBLED_QUOTES = /""/g;

/** A field's text between spaces after its closing quote and `index` (the next delimiter or line break): their count, else 0. */
function spacesBefore(input: string, closing: number, index: number): number {
  if (index === -1) return 0;
  const between = input.substring(closing + 1, index);
  return between !== '' && between.trim() === '' ? between.length : 0;
}

/**
 * Splits complete records, one after the other with `\n` between them, into their fields:
 * - a field that starts with a quote is quoted: it ends at a quote followed by the delimiter, a
 *   line break or the end of the text (spaces between them are dropped); `""` inside it is one
 *   quote, and delimiters and line breaks are text. A quote followed by anything else is text too
 *   (`"5" screen",x` is `5" screen` and `x`);
 * - a quote anywhere else in a field is text (`5" screen`);
 * - a quote never closed makes the rest of the text its field, as it is.
 * Empty text is no record; text ending in a line break ends with an empty record. How the common
 * readers (papaparse, spreadsheets) split a field; the unit tests compare with papaparse.
 */
export function splitRecords(input: string, delimiter: string): string[][] {
  const data: string[][] = [];
  if (input === '') return data;
  if (input.indexOf('"') === -1) {
    // No quote: one record a line, one field between delimiters.
    for (const line of input.split('\n')) data.push(line.split(delimiter));
    return data;
  }
  let row: string[] = [];
  let cursor = 0;
  // The first delimiter and line break at or after the cursor (or after the quote being tried).
  let nextDelim = input.indexOf(delimiter);
  let nextNewline = input.indexOf('\n');
  for (;;) {
    if (input.charCodeAt(cursor) === QUOTE) {
      const start = cursor + 1;
      let q = cursor;
      for (;;) {
        q = input.indexOf('"', q + 1);
        if (q === -1) {
          row.push(input.substring(start));
          data.push(row);
          return data;
        }
        if (q === input.length - 1) {
          row.push(input.substring(start, q).replace(DOUBLED_QUOTES, '"'));
          data.push(row);
          return data;
        }
        if (input.charCodeAt(q + 1) === QUOTE) {
          q++;
          continue;
        }
        if (nextDelim !== -1 && nextDelim <= q) nextDelim = input.indexOf(delimiter, q + 1);
        if (nextNewline !== -1 && nextNewline <= q) nextNewline = input.indexOf('\n', q + 1);
        const toDelim = q + 1 + spacesBefore(input, q, nextNewline === -1 ? nextDelim : Math.min(nextDelim, nextNewline));
        if (input.startsWith(delimiter, toDelim)) {
          row.push(input.substring(start, q).replace(DOUBLED_QUOTES, '"'));
          cursor = toDelim + delimiter.length;
          if (nextDelim !== -1 && nextDelim < cursor) nextDelim = input.indexOf(delimiter, cursor);
          if (nextNewline !== -1 && nextNewline < cursor) nextNewline = input.indexOf('\n', cursor);
          break;
        }
        const toNewline = q + 1 + spacesBefore(input, q, nextNewline);
        if (input.charCodeAt(toNewline) === 10) {
          row.push(input.substring(start, q).replace(DOUBLED_QUOTES, '"'));
          data.push(row);
          row = [];
          cursor = toNewline + 1;
          nextNewline = input.indexOf('\n', cursor);
          if (nextDelim !== -1 && nextDelim < cursor) nextDelim = input.indexOf(delimiter, cursor);
          break;
        }
        // Neither: a quote inside the field's text.
      }
      continue;
    }
    if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) {
      row.push(input.substring(cursor, nextDelim));
      cursor = nextDelim + delimiter.length;
      nextDelim = input.indexOf(delimiter, cursor);
      continue;
    }
    if (nextNewline === -1) break;
    row.push(input.substring(cursor, nextNewline));
    data.push(row);
    row = [];
    cursor = nextNewline + 1;
    nextNewline = input.indexOf('\n', cursor);
  }
  row.push(input.substring(cursor));
  data.push(row);
  return data;
}

/**
 * A field as a string of its own. A field is a slice of the text it was read from, and a slice
 * keeps that whole text alive: a field kept past its row (a sign-up's email, a source name) is
 * copied, so that memory does not grow with the file.
 */
export function ownCopy(field: string): string {
  return JSON.parse(JSON.stringify(field)) as string;
}

/**
 * Splits text that arrives in pieces into CSV records. `push` returns the rows complete so far;
 * `end` the last one and any problem with the file's end (a quote never closed).
 */
export class CsvRecordReader {
  private buf = '';
  /** Where scanning resumes in `buf`. */
  private pos = 0;
  private inQuotes = false;
  /** The current record holds a quote (so it may span lines). */
  private sawQuote = false;
  /** Line of `buf[0]`, which is always the start of a record. */
  private line = 1;
  private started = false;
  /** Dropping the rest of an overlong record, up to the next line break. */
  private skipping = false;
  private delimiter: Delimiter | undefined;
  /** Line breaks are a CR alone (each read as a LF); undefined until the first line break is seen. */
  private crOnly: boolean | undefined;
  readonly problems: CsvProblem[] = [];

  constructor(options: { delimiter?: Delimiter } = {}) {
    this.delimiter = options.delimiter;
  }

  get detectedDelimiter(): Delimiter | undefined {
    return this.delimiter;
  }

  push(chunk: string): CsvRow[] {
    if (!this.started) {
      if (chunk.length === 0) return [];
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf += this.crOnly ? chunk.replace(CR, '\n') : chunk;
    if (this.crOnly === undefined && !this.findLineEnds(false)) return [];
    return this.drain(false);
  }

  /**
   * Finds whether the file's lines end with a CR alone (`crOnly`), from its first line break (a
   * CR at the very end of what has come waits for the next character); such a file has each CR
   * read as a LF. Returns false while that is not known yet (and the text so far is within one
   * record's limit).
   */
  private findLineEnds(final: boolean): boolean {
    const cr = this.buf.indexOf('\r');
    const lf = cr < 0 ? this.buf.indexOf('\n') : this.buf.lastIndexOf('\n', cr);
    if (cr >= 0 && lf < 0) {
      if (cr === this.buf.length - 1 && !final) return false;
      this.crOnly = cr < this.buf.length - 1 && this.buf.charCodeAt(cr + 1) !== 10;
    } else if (lf >= 0) this.crOnly = false;
    else if (!final && this.buf.length <= MAX_RECORD_CHARS) return false;
    else this.crOnly = false;
    if (this.crOnly) this.buf = this.buf.replace(CR, '\n');
    return true;
  }

  end(): CsvRow[] {
    if (this.crOnly === undefined) this.findLineEnds(true);
    const rows = this.drain(true);
    while (this.buf.length > 0) {
      if (this.inQuotes) {
        // A quote never closed: that row is skipped and reading goes on at its next line.
        this.problems.push({ line: this.line, message: 'a quoted field starts in this row and is never closed: the row is skipped and reading goes on at the next line' });
        this.recoverAfterFirstLine();
        rows.push(...this.drain(true));
        continue;
      }
      const end = this.buf.endsWith('\r') ? this.buf.length - 1 : this.buf.length;
      rows.push(...this.parse([{ start: 0, end, line: this.line }], this.buf, false));
      this.buf = '';
      this.pos = 0;
    }
    return rows;
  }

  /** Drops the pending record's first line and scans again from the next one, outside quotes. */
  private recoverAfterFirstLine(): void {
    const nl = this.buf.indexOf('\n');
    this.inQuotes = false;
    this.sawQuote = false;
    this.pos = 0;
    if (nl < 0) {
      this.buf = '';
      this.skipping = true;
      return;
    }
    this.buf = this.buf.slice(nl + 1);
    this.line++;
  }

  private countLines(start: number, end: number): number {
    let n = 1;
    for (let i = this.buf.indexOf('\n', start); i >= 0 && i < end; i = this.buf.indexOf('\n', i + 1)) n++;
    return n;
  }

  private drain(final: boolean): CsvRow[] {
    if (this.skipping) {
      const nl = this.buf.indexOf('\n');
      if (nl < 0) {
        this.buf = '';
        return [];
      }
      this.buf = this.buf.slice(nl + 1);
      this.skipping = false;
    }
    const plain = this.plainRows();
    const rest = this.drainQuoted(final);
    if (plain.length === 0) return rest;
    for (const row of rest) plain.push(row);
    return plain;
  }

  /**
   * The records before the first quote, when the header is read and no quoted field is open:
   * one record a line, so they are split in one call of `splitRecords` (which splits such text
   * the same way) and numbered by counting. Most exports hold no quote at all; those that do
   * go through the scan below from the record that holds it.
   */
  private plainRows(): CsvRow[] {
    if (this.delimiter === undefined || this.inQuotes || this.sawQuote) return [];
    const buf = this.buf;
    const quote = buf.indexOf('"', this.pos);
    const last = buf.lastIndexOf('\n', quote < 0 ? buf.length - 1 : quote - 1);
    if (last < 0) return [];
    const rows: CsvRow[] = [];
    // In pieces of about 64 K characters: the arrays for a piece stay in the young generation
    // (a 1 MB piece at once is twice as slow, most of it in the collector).
    for (let from = 0; from <= last; ) {
      let to = from + PLAIN_PIECE >= last ? last : buf.lastIndexOf('\n', from + PLAIN_PIECE);
      if (to < from) to = buf.indexOf('\n', from);
      const text = buf.slice(from, to);
      // splitRecords gives no row for empty text, where there is one blank line.
      const data = text === '' ? [['']] : splitRecords(text, this.delimiter);
      for (let k = 0; k < data.length; k++) {
        const fields = data[k];
        const end = fields[fields.length - 1];
        if (end.charCodeAt(end.length - 1) === 13) fields[fields.length - 1] = end.slice(0, -1);
        if (fields.length === 1 && fields[0].trim() === '') continue; // blank line
        rows.push({ line: this.line + k, fields });
      }
      this.line += data.length;
      from = to + 1;
    }
    this.buf = buf.slice(last + 1);
    this.pos = Math.max(0, this.pos - (last + 1));
    return rows;
  }

  private drainQuoted(final: boolean): CsvRow[] {
    const buf = this.buf;
    const n = buf.length;
    const records: RecordSpan[] = [];
    let crlf = false;
    let recStart = 0;
    let line = this.line;
    let i = this.pos;
    let nextQuote = -2;
    while (i < n) {
      if (this.inQuotes) {
        const q = buf.indexOf('"', i);
        if (q < 0) {
          i = n;
          break;
        }
        if (q + 1 >= n && !final) {
          i = q; // `""` or the closing quote: the next chunk tells
          break;
        }
        if (buf.charCodeAt(q + 1) === 34) {
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      if (this.delimiter === undefined) {
        const nl = buf.indexOf('\n', i);
        if (nl < 0 && !final) break;
        const first = buf.slice(recStart, nl < 0 ? n : nl);
        if (first.trim() === '') {
          // Blank lines before the header are skipped.
          recStart = i = nl < 0 ? n : nl + 1;
          line++;
          continue;
        }
        this.delimiter = sniffDelimiter(first);
        if (/^sep=.\s*$/i.test(first)) {
          recStart = i = nl < 0 ? n : nl + 1;
          line++;
          continue;
        }
      }
      if (nextQuote < i && nextQuote !== -1) nextQuote = buf.indexOf('"', i);
      const nl = buf.indexOf('\n', i);
      if (nextQuote >= 0 && (nl < 0 || nextQuote < nl)) {
        // A quote opens a quoted field only at the start of a field, as splitRecords reads it.
        const prev = nextQuote === recStart ? '\n' : buf[nextQuote - 1];
        if (prev === this.delimiter || prev === '\n') {
          this.inQuotes = true;
          this.sawQuote = true;
        }
        i = nextQuote + 1;
        continue;
      }
      if (nl < 0) {
        i = n;
        break;
      }
      const lines = this.sawQuote ? this.countLines(recStart, nl) : 1;
      const cr = nl > recStart && buf.charCodeAt(nl - 1) === 13;
      if (cr) crlf = true;
      records.push({ start: recStart, end: cr ? nl - 1 : nl, line });
      line += lines;
      recStart = nl + 1;
      i = nl + 1;
      this.sawQuote = false;
    }
    const rows = this.parse(records, buf, crlf);
    this.buf = buf.slice(recStart);
    this.pos = i - recStart;
    this.line = line;
    if (this.buf.length > MAX_RECORD_CHARS) {
      this.problems.push({ line, message: `a row of over ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a quote never closed?): skipped, reading goes on at its next line` });
      this.recoverAfterFirstLine();
      for (const row of this.drain(final)) rows.push(row);
    }
    return rows;
  }

  private parse(records: readonly RecordSpan[], buf: string, crlf: boolean): CsvRow[] {
    if (records.length === 0) return [];
    // CRLF: each record without its \r, so that splitRecords sees a closing quote before the line break.
    const delimiter = this.delimiter ?? ',';
    const text = crlf ? records.map((r) => buf.slice(r.start, r.end)).join('\n') : buf.slice(records[0].start, records[records.length - 1].end);
    let data = splitRecords(text, delimiter);
    if (data.length !== records.length) {
      // Split differently from the scan (a stray quote): split record by record so that every
      // row keeps its line.
      data = records.map((r) => splitRecords(buf.slice(r.start, r.end), delimiter)[0] ?? ['']);
    }
    const rows: CsvRow[] = [];
    for (let k = 0; k < records.length; k++) {
      const fields = data[k];
      if (fields.length === 1 && fields[0].trim() === '') continue; // blank line
      rows.push({ line: records[k].line, fields });
    }
    return rows;
  }
}

/**
 * Bytes to text across chunk boundaries: UTF-8 unless the file starts with a UTF-16 byte order
 * mark. Invalid UTF-8 becomes U+FFFD (the rows holding it are then reported where they fail).
 */
export class ExportDecoder {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private pending: Uint8Array | undefined;

  push(bytes: Uint8Array, final = false): string {
    if (!this.decoder) {
      const head = this.pending ? concatBytes(this.pending, bytes) : bytes;
      if (head.length < 2 && !final) {
        this.pending = head;
        return '';
      }
      this.pending = undefined;
      const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(encoding, { ignoreBOM: false });
      bytes = head;
    }
    return this.decoder.decode(bytes, { stream: !final });
  }

  end(): string {
    if (!this.decoder) return this.push(this.pending ?? new Uint8Array(0), true);
    return this.decoder.decode();
  }
}

/** Two byte arrays as one. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export interface CsvTable {
  header: string[];
  headerLine: number;
}

export interface ReadOptions {
  /** Called with each batch of data rows (header excluded), in order. */
  onRows(rows: CsvRow[], table: CsvTable): void | Promise<void>;
  /** Bytes read so far, after each chunk. */
  onProgress?(bytesRead: number): void;
  /** Checked between chunks; true stops the read. */
  cancelled?(): boolean;
  delimiter?: Delimiter;
}

export interface ReadSummary {
  header: string[];
  headerLine: number;
  delimiter: Delimiter;
  rows: number;
  bytes: number;
  problems: CsvProblem[];
  cancelled: boolean;
}

/** Reads an export from chunks of bytes: the first row is the header. */
export async function readCsv(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ReadOptions): Promise<ReadSummary> {
  const decoder = new ExportDecoder();
  const reader = new CsvRecordReader({ delimiter: options.delimiter });
  let table: CsvTable | undefined;
  let rows = 0;
  let bytes = 0;
  let cancelled = false;
  const deliver = async (batch: CsvRow[]) => {
    if (!table && batch.length) {
      const first = batch.shift()!;
      table = { header: first.fields.map((h) => h.trim()), headerLine: first.line };
    }
    if (table && batch.length) {
      rows += batch.length;
      await options.onRows(batch, table);
    }
  };
  for await (const chunk of chunks) {
    bytes += chunk.length;
    await deliver(reader.push(decoder.push(chunk)));
    options.onProgress?.(bytes);
    if (options.cancelled?.()) {
      cancelled = true;
      break;
    }
  }
  if (!cancelled) {
    const rest = decoder.end();
    await deliver([...reader.push(rest), ...reader.end()]);
  }
  return {
    header: table?.header ?? [],
    headerLine: table?.headerLine ?? 0,
    delimiter: reader.detectedDelimiter ?? ',',
    rows,
    bytes,
    problems: reader.problems,
    cancelled,
  };
}

/** Reads a whole export held in memory (tests, small files). */
export async function readCsvText(text: string | Uint8Array, options?: { delimiter?: Delimiter; chunkSize?: number }): Promise<{ summary: ReadSummary; rows: CsvRow[] }> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const size = options?.chunkSize ?? 64 * 1024;
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  const rows: CsvRow[] = [];
  const summary = await readCsv(parts, { onRows: (batch) => void rows.push(...batch), delimiter: options?.delimiter });
  return { summary, rows };
}

/*
 * The one CSV writer every export goes through. Record text is workspace content, never a
 * formula in someone's spreadsheet, whatever separator the spreadsheet splits on:
 * - a text cell holding any separator a spreadsheet may use (`,` `;` tab `|`), a quote or a line
 *   break is quoted;
 * - a formula is defused wherever a spreadsheet may start a cell: at the start of the cell, after
 *   a line break, and after any of those separators (a spreadsheet that splits on `;` opens
 *   `Acme,"x;=1+1"` at `=1+1"`, quotes or not). There, after spaces and quotes, a formula's first
 *   character (`=`, `+`, `-`, `@`, or their full-width forms) gets a `'` before it; a cell or a
 *   line that starts with a tab or a carriage return gets one first too.
 * Numbers are written as they are (a negative number is a number, not a formula).
 */

const FORMULA_FIRST = new Set(['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20']);
const CELL_BOUNDARY = new Set([',', ';', '\t', '|', '\r', '\n']);
/** What a spreadsheet may skip before a cell's first character. */
const CELL_PAD = new Set([' ', '"', '\u00a0', '\u3000']);
const NEEDS_QUOTES = /[,;\t|"\r\n]/;

/** A text cell with every place a spreadsheet could read a formula from defused. */
export function defuseFormulas(text: string): string {
  let out = '';
  let from = 0;
  let lineStart = true;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((cellStart && FORMULA_FIRST.has(c)) || (lineStart && (c === '\t' || c === '\r'))) {
      out += `${text.slice(from, i)}'`;
      from = i;
    }
    lineStart = c === '\n' || c === '\r';
    cellStart = CELL_BOUNDARY.has(c) || (cellStart && CELL_PAD.has(c));
  }
  return out === '' ? text : out + text.slice(from);
}

/** One cell as CSV: text defused and quoted when it holds a separator, a quote or a line break. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = defuseFormulas(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text for a table (header included), CRLF line ends, every cell through `csvCell`. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const line = (cells: readonly (string | number | undefined)[]) => cells.map(csvCell).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
