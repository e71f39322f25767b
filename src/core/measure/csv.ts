import * as Papa from 'papaparse';

/*
 * CSV exports read in chunks, with papaparse doing the field splitting. Exports come as they
 * come: a byte order mark (UTF-8, or UTF-16 from Excel's "Unicode text"), CRLF or LF, commas,
 * semicolons (European spreadsheets) or tabs, quoted fields holding commas, quotes and line
 * breaks, a blank line or a title line before the header. The reader finds where each record
 * ends (a line break outside quotes) as the chunks arrive, hands the complete records to
 * papaparse in one call per chunk, and keeps only the unfinished record between chunks, so memory
 * does not grow with the file. Every row carries the line it starts on, for the reports.
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
    this.buf += chunk;
    return this.drain(false);
  }

  end(): CsvRow[] {
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
   * one record a line, so they are split in one call of papaparse's parser (which splits such
   * text the same way) and numbered by counting. Most exports hold no quote at all; those that do
   * go through the scan below from the record that holds it.
   */
  private plainRows(): CsvRow[] {
    if (this.delimiter === undefined || this.inQuotes || this.sawQuote) return [];
    const buf = this.buf;
    const quote = buf.indexOf('"', this.pos);
    const last = buf.lastIndexOf('\n', quote < 0 ? buf.length - 1 : quote - 1);
    if (last < 0) return [];
    const rows: CsvRow[] = [];
    // In pieces of about 64 K characters: papaparse's arrays for a piece stay in the young
    // generation (a 1 MB piece at once is twice as slow, most of it in the collector).
    for (let from = 0; from <= last; ) {
      let to = from + PLAIN_PIECE >= last ? last : buf.lastIndexOf('\n', from + PLAIN_PIECE);
      if (to < from) to = buf.indexOf('\n', from);
      const text = buf.slice(from, to);
      // papaparse gives no row for empty text, where there is one blank line.
      const data = text === '' ? [['']] : (this.papa().parse(text, 0, false).data as string[][]);
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

  private parser: { delimiter: Delimiter; parser: Papa.Parser } | undefined;

  /** papaparse's own parser, without the handle around it (no header, typing or guessing here: the reader does those). */
  private papa(): Papa.Parser {
    const delimiter = this.delimiter ?? ',';
    if (this.parser?.delimiter !== delimiter) this.parser = { delimiter, parser: new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' }) };
    return this.parser.parser;
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
        // A quote opens a quoted field only at the start of a field, as papaparse reads it.
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
    // CRLF: each record without its \r, so that papaparse sees a closing quote before the line break.
    const text = crlf ? records.map((r) => buf.slice(r.start, r.end)).join('\n') : buf.slice(records[0].start, records[records.length - 1].end);
    let data = this.papa().parse(text, 0, false).data as string[][];
    if (data.length !== records.length) {
      // papaparse split differently from the scan (a stray quote): parse record by record so
      // that every row keeps its line.
      data = records.map((r) => (this.papa().parse(buf.slice(r.start, r.end), 0, false).data as string[][])[0] ?? ['']);
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
