// A generated corpus of the exports community teams have: member lists (a Discord bot, Discourse,
// Circle, Slack), event registrations (Luma, Eventbrite, a European Meetup sheet), newsletter
// lists (Mailchimp, Substack), sign-ups with utm parameters, and partnership trackers (Notion,
// Airtable). Each generator keeps the truth it wrote (who is in the list, which rows are bad), so
// tests compare what the code reads with what was written, never with what the code said before.
// Used by the unit tests, the integration and end-to-end tests and the benchmark.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Bo', 'Chidi', 'Dana', 'Émile', 'Farah', 'Gustav', 'Hana', 'Ifeoma', 'Jonas', 'Kai', 'Léa', 'Mateo', 'Nia', 'Olu', 'Priya', 'Quinn', 'Rafael', 'Sofía', 'Tomás', 'Uma', 'Vikram', 'Wen', 'Xiu', 'Yara', 'Zoë', "Seán", 'Zoltán'];
const LAST = ['Ruiz', 'Okafor', 'Nakamura', 'Schmidt', "O'Brien", 'Kowalski', 'Haddad', 'Dubois', 'Ng', 'Silva', 'Müller', 'Ivanova', 'Smith-Jones', 'van der Berg', 'Ó Súilleabháin'];
const DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'example.org', 'mail.example.com', 'uni-berlin.de', 'fastmail.fm', 'yahoo.co.uk', 'acme.io'];

export interface Person {
  /** The address as normalised (trimmed, lower-cased): what both sides hash. */
  email: string;
  first: string;
  last: string;
}

/** `n` distinct people; `prefix` keeps two groups apart (their addresses never collide). */
export function people(n: number, seed: number, prefix = 'm'): Person[] {
  const r = rng(seed);
  const out: Person[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[Math.floor(r() * FIRST.length)];
    const last = LAST[Math.floor(r() * LAST.length)];
    const local = `${first}.${last}`.normalize('NFKD').replace(/[^\w.]/g, '').toLowerCase();
    out.push({ email: `${local}.${prefix}${i}@${DOMAINS[Math.floor(r() * DOMAINS.length)]}`, first, last });
  }
  return out;
}

/** How a list writes an address it holds: some with capitals, some with spaces around, some as `Name <address>`. */
export function written(p: Person, r: () => number): string {
  const x = r();
  if (x < 0.15) return p.email.toUpperCase();
  if (x < 0.3) return `${p.email.charAt(0).toUpperCase()}${p.email.slice(1)}`;
  if (x < 0.38) return `  ${p.email} `;
  if (x < 0.42) return `${p.first} ${p.last} <${p.email}>`;
  return p.email;
}

export const BAD_EMAILS = ['ana.ruiz@', 'bob at example.org', 'carol@@example.org', '@example.org', 'dana@localhost', 'n/a', 'eve@exa mple.org'];

export interface Export {
  name: string;
  text: string;
  /** Members written (normalised, distinct). */
  members: string[];
  /** Lines of rows that must be reported bad. */
  badLines: number[];
  /** Rows that repeat a member already written. */
  duplicates: number;
  /** Data rows in the file (bad ones included, blank lines not). */
  rows: number;
  /** The line each data row starts on, in order. */
  rowLines: number[];
  delimiter: ',' | ';' | '\t';
  /** The header as written. */
  header: string[];
  /** The column holding the email. */
  emailColumn: string;
}

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

interface Shape {
  header: string[];
  emailColumn: string;
  row(p: Person, email: string, r: () => number, i: number): string[];
}

const iso = (r: () => number) => new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 800) * 86400000 + Math.floor(r() * 86400000)).toISOString();
const usDate = (r: () => number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 300) * 86400000);
  const h = 1 + Math.floor(r() * 12);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()} ${h}:${String(Math.floor(r() * 60)).padStart(2, '0')} ${r() < 0.5 ? 'AM' : 'PM'}`;
};
const euDate = (r: () => number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 300) * 86400000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
};

export const SHAPES: Record<string, Shape> = {
  discord: {
    header: ['User ID', 'Username', 'Display Name', 'Email', 'Joined At', 'Roles'],
    emailColumn: 'Email',
    row: (p, email, r, i) => [String(100000000000000000n + BigInt(i) * 7919n), `${p.first.toLowerCase()}_${i}`, `${p.first} ${p.last} 🚀`, email, iso(r), r() < 0.3 ? 'Member, Speaker' : 'Member'],
  },
  discourse: {
    header: ['id', 'name', 'username', 'email', 'title', 'created_at', 'last_seen_at', 'trust_level', 'active', 'admin', 'moderator', 'ip_address', 'topics_entered', 'posts_read_count', 'time_read', 'topic_count', 'post_count', 'likes_given', 'likes_received'],
    emailColumn: 'email',
    row: (p, email, r, i) => [String(i + 2), `${p.first} "${p.last.slice(0, 3)}" ${p.last}`, `${p.first}${i}`, email, r() < 0.1 ? 'Regular, "helpful"' : '', iso(r), iso(r), String(Math.floor(r() * 4)), 'true', 'false', 'false', '', String(Math.floor(r() * 300)), String(Math.floor(r() * 3000)), String(Math.floor(r() * 90000)), String(Math.floor(r() * 20)), String(Math.floor(r() * 200)), String(Math.floor(r() * 100)), String(Math.floor(r() * 100))],
  },
  circle: {
    header: ['First name', 'Last name', 'Email', 'Headline', 'Location', 'Member since', 'Member tags'],
    emailColumn: 'Email',
    row: (p, email, r) => [p.first, p.last, email, r() < 0.2 ? 'Designer, writer\nand "maker"' : 'Developer', r() < 0.5 ? 'Berlin, Germany' : 'Lagos', iso(r).slice(0, 10), r() < 0.3 ? 'founding, ambassador' : ''],
  },
  slack: {
    header: ['username', 'email', 'status', 'billing-active', 'has-2fa', 'has-sso', 'userid', 'fullname', 'displayname', 'expiration-timestamp'],
    emailColumn: 'email',
    row: (p, email, r, i) => [`${p.first.toLowerCase()}${i}`, email, r() < 0.9 ? 'Member' : 'Guest', '1', r() < 0.5 ? '1' : '0', '0', `U0${(i * 7919).toString(36).toUpperCase()}`, `${p.first} ${p.last}`, p.first, ''],
  },
  luma: {
    header: ['api_id', 'name', 'first_name', 'last_name', 'email', 'phone_number', 'created_at', 'approval_status', 'checked_in_at', 'custom_source', 'qr_code_url', 'ticket_name'],
    emailColumn: 'email',
    row: (p, email, r, i) => [`gst-${i.toString(36)}`, `${p.first} ${p.last}`, p.first, p.last, email, '', iso(r), 'approved', r() < 0.6 ? iso(r) : '', '', `https://lu.ma/check-in/evt-x?pk=g-${i}`, 'Standard'],
  },
  eventbrite: {
    header: ['Order #', 'Order Date', 'First Name', 'Last Name', 'Email', 'Quantity', 'Ticket Type', 'Attendee #', 'Attendee Status', 'Job Title', 'Company'],
    emailColumn: 'Email',
    row: (p, email, r, i) => [String(9000000000 + i), usDate(r), p.first, p.last, email, '1', 'General Admission', String(12000000000 + i), r() < 0.7 ? 'Attending' : 'Checked In', r() < 0.3 ? 'Engineer, Platform' : 'Engineer', r() < 0.2 ? 'Acme, Inc.' : 'Acme'],
  },
  meetupEu: {
    header: ['Name', 'E-Mail', 'Status', 'Angemeldet am', 'Gäste'],
    emailColumn: 'E-Mail',
    row: (p, email, r) => [`${p.first} ${p.last}`, email, 'Zugesagt', euDate(r), r() < 0.2 ? '1' : '0'],
  },
  mailchimp: {
    header: ['Email Address', 'First Name', 'Last Name', 'MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LATITUDE', 'LONGITUDE', 'GMTOFF', 'DSTOFF', 'TIMEZONE', 'CC', 'REGION', 'LAST_CHANGED', 'LEID', 'EUID', 'NOTES', 'TAGS'],
    emailColumn: 'Email Address',
    row: (p, email, r, i) => [email, p.first, p.last, String(1 + Math.floor(r() * 5)), iso(r).replace('T', ' ').slice(0, 19), '', iso(r).replace('T', ' ').slice(0, 19), '', '', '', '', '', '', 'DE', '', iso(r).replace('T', ' ').slice(0, 19), String(100000 + i), `e${i}`, '', r() < 0.3 ? '"partner-swap","2026"' : ''],
  },
  substack: {
    header: ['email', 'active_subscription', 'expiry', 'plan', 'email_disabled', 'created_at'],
    emailColumn: 'email',
    row: (_p, email, r) => [email, r() < 0.1 ? 'true' : 'false', '', r() < 0.1 ? 'paid' : 'free', 'false', iso(r)],
  },
};

export interface ExportOptions {
  bom?: boolean;
  crlf?: boolean;
  delimiter?: ',' | ';' | '\t';
  /** Share of rows that repeat an earlier member (0-1). */
  duplicates?: number;
  /** How many bad rows to put in (a bad email, no email, a stray comma). */
  bad?: number;
  /** A blank line and a title line before the header, as some tools write. */
  preamble?: boolean;
}

/** An export of `shape` holding exactly `members`, with the bad rows and duplicates asked for. */
export function makeExport(shapeName: keyof typeof SHAPES, members: readonly Person[], seed: number, options: ExportOptions = {}): Export {
  const shape = SHAPES[shapeName];
  const r = rng(seed);
  const delimiter = options.delimiter ?? (shapeName === 'meetupEu' ? ';' : ',');
  const eol = options.crlf ? '\r\n' : '\n';
  const emailAt = shape.header.indexOf(shape.emailColumn);
  const lines: string[] = [];
  let line = 1;
  const push = (cells: string[]) => {
    const text = cells.map((c) => quote(c, delimiter)).join(delimiter);
    lines.push(text);
    const at = line;
    line += text.split('\n').length;
    return at;
  };
  if (options.preamble) {
    lines.push('');
    line++;
  }
  push(shape.header);
  const rowLines: number[] = [];
  const pushRow = (cells: string[]) => {
    const at = push(cells);
    rowLines.push(at);
    return at;
  };
  const badLines: number[] = [];
  let duplicates = 0;
  let rows = 0;
  const badEvery = options.bad ? Math.max(1, Math.floor(members.length / options.bad)) : Infinity;
  let badLeft = options.bad ?? 0;
  members.forEach((p, i) => {
    rows++;
    pushRow(shape.row(p, written(p, r), r, i));
    if (options.duplicates && r() < options.duplicates && i > 0) {
      const q = members[Math.floor(r() * i)];
      rows++;
      duplicates++;
      pushRow(shape.row(q, written(q, r), r, i));
    }
    if (badLeft > 0 && i % badEvery === badEvery - 1) {
      badLeft--;
      rows++;
      const kind = badLeft % 3;
      const cells = shape.row(p, BAD_EMAILS[badLeft % BAD_EMAILS.length], r, i);
      if (kind === 1) cells[emailAt] = '';
      if (kind === 2) {
        // A cell with an unquoted delimiter: one field too many.
        cells[emailAt] = `x${i}@example.org`;
        const text = cells.map((c) => quote(c, delimiter)).join(delimiter) + `${delimiter}stray`;
        lines.push(text);
        badLines.push(line);
        rowLines.push(line);
        line += text.split('\n').length;
        return;
      }
      badLines.push(pushRow(cells));
    }
  });
  let text = lines.join(eol) + eol;
  if (options.crlf) text = text.replace(/(?<!\r)\n/g, '\r\n');
  if (options.bom) text = '\uFEFF' + text;
  return { name: shapeName, text, members: members.map((m) => m.email), badLines, duplicates, rows, rowLines, delimiter, header: shape.header, emailColumn: shape.emailColumn };
}

export interface Signup {
  email: string;
  date: string;
  source: string;
  campaign: string;
}

/** A sign-up export: `email,created_at,utm_source,utm_medium,utm_campaign,landing_page` (sources given, or in the landing URL only). */
export function signupExport(signups: readonly Signup[], options: { inUrlOnly?: boolean } = {}): string {
  const lines = [options.inUrlOnly ? 'Email,Signed up,Landing page' : 'email,created_at,utm_source,utm_medium,utm_campaign,landing_page'];
  for (const s of signups) {
    const url = `https://acme.dev/join?ref=x&utm_source=${encodeURIComponent(s.source)}&utm_medium=newsletter&utm_campaign=${encodeURIComponent(s.campaign)}`;
    lines.push(options.inUrlOnly ? `${s.email},${s.date},${url}` : `${s.email},${s.date}T09:30:00Z,${s.source},newsletter,${s.campaign},${url}`);
  }
  return lines.join('\n') + '\n';
}
