import { readCsv, type CsvProblem, type CsvRow, type CsvTable } from '../measure/csv';
import { normaliseEmail } from '../measure/email';
import { BadRows, rowEmail, type ListStats } from '../measure/lists';
import { guessMapping } from '../measure/mapping';

/*
 * A member list read for the private overlap: the email column of each row, normalised as the
 * salted-hash comparison normalises it (trimmed, lower-cased, the address taken out of
 * `Name <address>`), each member once. The emails stay in memory on this machine.
 */

/** Collects the distinct normalised emails of rows, counting the bad rows and the duplicates. */
export class MemberEmails {
  readonly emails = new Set<string>();
  readonly stats: ListStats = { rows: 0, members: 0, duplicates: 0, bad: new BadRows() };
  constructor(private readonly columns: { email: number; headerLength: number }) {}

  add(rows: readonly CsvRow[]): void {
    for (const row of rows) {
      this.stats.rows++;
      const email = rowEmail(row, this.columns, this.stats.bad);
      if (email === undefined) continue;
      if (this.emails.has(email)) this.stats.duplicates++;
      else {
        this.emails.add(email);
        this.stats.members++;
      }
    }
  }
}

/**
 * The email column of a table: the one named `column`, else the one a header names as an email
 * column; a file with no header (its first line holds an email: one address a line) has its
 * first line as a member. Undefined when there is none.
 */
export function emailColumn(table: CsvTable, column?: string): { email: number; headerless: boolean } | undefined {
  const first = table.header.findIndex((h) => normaliseEmail(h).ok);
  if (first >= 0) return { email: first, headerless: true };
  const name = column ?? guessMapping(table.header).email;
  const at = name === undefined ? -1 : table.header.indexOf(name);
  return at < 0 ? undefined : { email: at, headerless: false };
}

export interface MemberList {
  emails: string[];
  stats: ListStats;
  problems: CsvProblem[];
  cancelled: boolean;
}

/** A CSV export or a file of one email a line, read in chunks. Throws when no column holds emails. */
export async function readMemberList(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: { column?: string; cancelled?: () => boolean; onProgress?: (bytes: number) => void } = {}): Promise<MemberList> {
  let members: MemberEmails | undefined;
  const begin = (table: CsvTable): MemberEmails => {
    const at = emailColumn(table, options.column);
    if (!at) throw new Error(options.column ? `the file has no column ${JSON.stringify(options.column)}` : `no column of the header (${table.header.slice(0, 8).join(', ')}) holds emails: name it with --column`);
    const m = new MemberEmails({ email: at.email, headerLength: Math.max(table.header.length, 1) });
    if (at.headerless) m.add([{ line: table.headerLine, fields: table.header }]);
    return m;
  };
  const summary = await readCsv(chunks, {
    onRows: (rows, table) => (members ??= begin(table)).add(rows),
    onProgress: options.onProgress,
    cancelled: options.cancelled,
  });
  if (!members && summary.header.length) members = begin({ header: summary.header, headerLine: summary.headerLine });
  const stats = members?.stats ?? { rows: 0, members: 0, duplicates: 0, bad: new BadRows() };
  return { emails: members ? [...members.emails] : [], stats, problems: summary.problems, cancelled: summary.cancelled };
}
