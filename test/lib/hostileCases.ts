/**
 * The hostile-input cases: the static fixtures in test/fixtures/hostile/ and the ones made at
 * run time. Each says what a reader must make of it. Shared by the unit run (the pure readers)
 * and the integration run (the real extension in VS Code).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const HOSTILE_DIR = path.resolve(__dirname, '../../../test/fixtures/hostile');

/**
 * What a reader must report:
 * - refused: read, with an error that names the problem (the rest of the file still used)
 * - warned: read, with at least a warning
 * - text: read with no error, and the value kept as the exact characters
 * - clean: read, no problem
 * - unreadable: not read, with a message saying why
 * - missing: no file
 */
export type Expectation = 'refused' | 'warned' | 'text' | 'clean' | 'unreadable' | 'missing';

export interface HostileCase {
  name: string;
  expect: Expectation;
  /** Text cases can go through the pure readers too. */
  text?: string;
  /** Writes the case at `target` (a file path that may not exist yet). */
  make(target: string): void;
  /** A value the reader must keep exactly (as text, never interpreted). */
  keeps?: { label: string; value: string };
  /** What the message of an unreadable case must say. */
  message?: RegExp;
  /** A file outside the workspace the case points at: it must never change (nor be shown). */
  outside?: string;
  /** The case points at a device (no size, no end). */
  device?: string;
}

/**
 * A folder outside the workspace (per process) for the files links point at. Its files hold
 * values a reader must never show, and a writer must never change.
 */
export function outsideDir(): string {
  const dir = path.join(os.tmpdir(), `community-partnerships-outside-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const OUTSIDE_NAME = 'Outside Secret Community';
export const OUTSIDE_PARTNER = 'Outside Secret Partner';

/** An outside context file: a valid context with a name that must never be shown. */
export function outsideContext(tag: string): string {
  const file = path.join(outsideDir(), `context-${tag}.md`);
  fs.writeFileSync(file, `## Community Overview\n- **Community Name:** ${OUTSIDE_NAME}\n- **Current size:** 1,000 members\n`);
  return file;
}

/** An outside partnership record, valid, whose partner must never be listed. */
export function outsideRecord(dir: string, name: string, partner = OUTSIDE_PARTNER): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, `---\npartner: ${partner}\nstage: active\nstart: 2026-01-01\ncheckIns:\n  - date: 2026-01-15\n---\n\n# Notes\n`);
  return file;
}

/** Symbolic links made at run time: each points out of the workspace. */
const LINKED = /symbolic link/;
const linkTo = (to: string | (() => string)) => (target: string) => fs.symlinkSync(typeof to === 'string' ? to : to(), target);
const hasDevice = (p: string): boolean => {
  try {
    return fs.statSync(p).isCharacterDevice();
  } catch {
    return false;
  }
};

export function markerPath(tag: string): string {
  return path.join(os.tmpdir(), `community-partnerships-marker-${tag}-${process.pid}`);
}

function fromFixture(file: string, marker: string): string {
  return fs.readFileSync(path.join(HOSTILE_DIR, 'context', file), 'utf8').split('__MARKER__').join(marker.replace(/\\/g, '/'));
}

const writeText = (text: string) => (target: string) => fs.writeFileSync(target, text);
const writeBytes = (bytes: Uint8Array) => (target: string) => fs.writeFileSync(target, bytes);

const EXPECT: Record<string, Expectation> = {
  'html-name-img.md': 'text',
  'html-front-matter.md': 'text',
  // Under the core schema `<<` is an ordinary key: nothing is merged, and unknown keys are ignored.
  'yaml-merge-proto.md': 'clean',
  'yaml-proto-keys.md': 'clean',
  'yaml-alias-bomb.md': 'refused',
  'yaml-deep-nesting.md': 'refused',
  'yaml-duplicate-keys.md': 'refused',
  'yaml-wrong-types.md': 'warned',
  'yaml-not-a-mapping.md': 'refused',
  'yaml-custom-tags.md': 'refused',
};

const KEEPS: Record<string, { label: string; value: string }> = {
  'html-name-img.md': { label: 'Community Name', value: '<img src=x onerror="globalThis.__pwned=1;alert(1)">' },
  'html-front-matter.md': { label: 'Community Name', value: '<img src=x onerror="globalThis.__pwned=1">' },
};

/** Every context-file case. `marker` is the path a payload would create if it ever ran. */
export function contextCases(marker: string): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const file of fs.readdirSync(path.join(HOSTILE_DIR, 'context')).sort()) {
    const text = fromFixture(file, marker);
    const expect = file.startsWith('fm-') ? 'refused' : EXPECT[file];
    if (!expect) throw new Error(`no expectation for hostile fixture ${file}`);
    cases.push({ name: `context/${file}`, expect, text, make: writeText(text), keeps: KEEPS[file] });
  }
  const body = '## Community Overview\n- **Community Name:** Acme Devs\n- **Current size:** 12,000 members\n';
  const bom = '\ufeff' + body;
  const crlf = body.replace(/\n/g, '\r\n');
  cases.push(
    { name: 'generated/bom', expect: 'clean', text: bom, make: writeText(bom), keeps: { label: 'Community Name', value: 'Acme Devs' } },
    { name: 'generated/crlf', expect: 'clean', text: crlf, make: writeText(crlf), keeps: { label: 'Community Name', value: 'Acme Devs' } },
    { name: 'generated/bom-crlf', expect: 'clean', text: '\ufeff' + crlf, make: writeText('\ufeff' + crlf), keeps: { label: 'Community Name', value: 'Acme Devs' } },
    { name: 'generated/empty', expect: 'clean', text: '', make: writeText('') },
    { name: 'generated/one-line-5mb', expect: 'clean', text: undefined, make: writeText('- **Community Name:** ' + 'a'.repeat(5 * 1024 * 1024)) },
    { name: 'generated/lines-repeated', expect: 'warned', text: undefined, make: writeText('- **Mission:** again\n'.repeat(100_000)) },
    { name: 'generated/binary', expect: 'unreadable', make: writeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])) },
    { name: 'generated/invalid-utf8', expect: 'unreadable', make: writeBytes(Buffer.concat([Buffer.from(body), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])])) },
    {
      name: 'generated/50mb',
      expect: 'unreadable',
      make: (target) => {
        const fd = fs.openSync(target, 'w');
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
        fs.closeSync(fd);
      },
    },
    { name: 'generated/directory', expect: 'unreadable', make: (target) => fs.mkdirSync(target) },
    {
      name: 'generated/symlink-loop',
      expect: 'unreadable',
      message: LINKED,
      make: (target) => {
        const other = target + '.loop';
        fs.symlinkSync(path.basename(other), target);
        fs.symlinkSync(path.basename(target), other);
      },
    },
    { name: 'generated/missing', expect: 'missing', make: () => {} },
  );
  const outside = path.join(outsideDir(), 'context-link-target.md');
  cases.push(
    { name: 'generated/symlink-to-outside-file', expect: 'unreadable', message: LINKED, outside, make: linkTo(() => outsideContext('link-target')) },
    { name: 'generated/symlink-dangling', expect: 'unreadable', message: LINKED, make: linkTo(path.join(outsideDir(), 'nothing-here.md')) },
    { name: 'generated/symlink-to-etc-passwd', expect: 'unreadable', message: LINKED, make: linkTo('/etc/passwd') },
  );
  for (const device of ['/dev/zero', '/dev/urandom']) {
    if (hasDevice(device)) cases.push({ name: `generated/symlink-to-${device.slice(5)}`, expect: 'unreadable', message: LINKED, device, make: linkTo(device) });
  }
  return cases;
}

/** Removes whatever a case made at `target`. */
export function removeCase(target: string): void {
  for (const p of [target, target + '.loop']) {
    try {
      const st = fs.lstatSync(p);
      if (st.isDirectory()) fs.rmSync(p, { recursive: true, force: true });
      else fs.unlinkSync(p);
    } catch {
      // not there
    }
  }
}

/** A snapshot of what is on disk at `target`, to show a reader changed nothing. */
export function snapshot(target: string): string {
  try {
    const st = fs.lstatSync(target);
    if (st.isSymbolicLink()) return 'link:' + fs.readlinkSync(target);
    if (st.isDirectory()) return 'dir:' + fs.readdirSync(target).join(',');
    const bytes = fs.readFileSync(target);
    return `file:${bytes.length}:${bytes.subarray(0, 64).toString('hex')}:${bytes.subarray(-64).toString('hex')}`;
  } catch {
    return 'none';
  }
}

// ---- Partnership records ----------------------------------------------------------------

/**
 * What the record reader must make of a record:
 * - broken: not read as a record, an error says why (the planner lists it as broken)
 * - refused: read (listed with its partner), with errors naming each field it could not read
 * - text / clean / unreadable / missing: as for the context file
 */
export type RecordExpectation = 'broken' | 'refused' | 'text' | 'clean' | 'unreadable' | 'missing';

export interface RecordCase {
  name: string;
  /** The file name it gets in the partnerships folder. */
  file: string;
  expect: RecordExpectation;
  text?: string;
  make(target: string): void;
  /** The partner name it is listed under when read. */
  partner?: string;
  /** Values the reader must keep as the exact characters: a path into the record, and the text. */
  keeps?: { path: string; value: string }[];
  /** Problems the reader must report, each matched by one of the messages. */
  problems?: RegExp[];
}

const RECORD_EXPECT: Record<string, Omit<RecordCase, 'name' | 'file' | 'text' | 'make'>> = {
  'html-fields.md': {
    expect: 'text',
    partner: '<img src=x onerror="globalThis.__pwned=1">',
    keeps: [
      { path: 'partner', value: '<img src=x onerror="globalThis.__pwned=1">' },
      { path: 'community', value: '<script>globalThis.__pwned=1</script>' },
      { path: 'contact', value: '[Ana](javascript:globalThis.__pwned=1) </style><b>bold</b>' },
      { path: 'owners.ours', value: '</style><img src=x onerror="globalThis.__pwned=1">' },
      { path: 'owners.theirs', value: 'javascript:globalThis.__pwned=1' },
      { path: 'checkIns.0.notes', value: '<script>globalThis.__pwned=1</script></style><a href="javascript:globalThis.__pwned=1">link</a>' },
      { path: 'metrics.0.note', value: '<img src=x onerror="globalThis.__pwned=1"> $(zap) ${{constructor.constructor("globalThis.__pwned=1")()}}' },
    ],
  },
  // Under the core schema `<<` is an ordinary (unknown) key: nothing is merged into the record.
  'yaml-merge-proto.md': { expect: 'clean', partner: 'Merge Trap', keeps: [{ path: 'stage', value: 'prospect' }] },
  'yaml-proto-keys.md': {
    expect: 'clean',
    partner: 'Proto Keys',
    keeps: [
      { path: 'owners.ours', value: 'Sam' },
      { path: 'checkIns.0.notes', value: 'kept' },
    ],
  },
  'yaml-alias-bomb.md': { expect: 'broken', problems: [/too large/] },
  'yaml-deep-nesting.md': { expect: 'broken', problems: [/nested too deeply/] },
  'yaml-deep-mapping.md': { expect: 'broken', problems: [/nested too deeply/] },
  'yaml-duplicate-keys.md': { expect: 'broken', problems: [/duplicated mapping key/] },
  'yaml-custom-tags.md': { expect: 'broken', problems: [/unknown tag/] },
  'yaml-not-a-mapping.md': { expect: 'broken', problems: [/"key: value"/] },
  'yaml-wrong-partner.md': { expect: 'broken', problems: [/partner must be text/] },
  'yaml-wrong-types.md': {
    expect: 'refused',
    partner: 'Wrong Types',
    problems: [/^community /, /^contact /, /^stage /, /^types: /, /^owners /, /^start /, /^review /, /^cadence /, /^checkIns /, /^scores /, /^partnerSize /, /^metrics /, /^playbook /],
  },
  'yaml-wrong-nested.md': {
    expect: 'refused',
    partner: 'Wrong Nested',
    keeps: [{ path: 'types.0', value: 'newsletter-cross-promotion' }],
    problems: [/^types: 42/, /^types: \{"a":1\}/, /^owners\.ours /, /^owners\.theirs /, /^checkIns: check-in 1/, /^checkIns: check-in 2/, /^checkIns: check-in 3/, /^scores\.audienceOverlap /, /^scores\.complementary /, /^scores\.similarSize /, /^metrics: metric entry 1/, /^metrics: metric entry 2/, /^playbook\.newsletter-swap: 0 /, /^playbook\.newsletter-swap: 99 /, /^playbook\.newsletter-swap: "x" /],
  },
};

function recordFixture(file: string, marker: string): string {
  return fs.readFileSync(path.join(HOSTILE_DIR, 'records', file), 'utf8').split('__MARKER__').join(marker.replace(/\\/g, '/'));
}

/** A record whose dates are late in 9999: each is refused with the range, the rest is read. */
const FAR_DATES = [
  '---',
  'partner: Far Future Guild',
  'stage: active',
  'start: 9999-12-20',
  'review: 9999-12-31',
  'cadence: quarterly',
  'checkIns:',
  '  - date: 9999-12-30',
  '    notes: the next one would fall in year 10000',
  '---',
  '',
  '# Notes',
  '',
].join('\n');

/** Every partnership-record case. `marker` is the path a payload would create if it ever ran. */
export function recordCases(marker: string): RecordCase[] {
  const cases: RecordCase[] = [];
  for (const file of fs.readdirSync(path.join(HOSTILE_DIR, 'records')).sort()) {
    const text = recordFixture(file, marker);
    const known = file.startsWith('fm-') ? { expect: 'broken' as const, problems: [/only YAML front matter is supported/] } : RECORD_EXPECT[file];
    if (!known) throw new Error(`no expectation for hostile record fixture ${file}`);
    cases.push({ name: `records/${file}`, file: `hostile-${file}`, text, make: writeText(text), ...known });
  }
  const record = '---\npartner: Line Endings Guild\nstage: active\nowners:\n  ours: Sam\n---\n\n# Notes\n';
  const crlf = record.replace(/\n/g, '\r\n');
  const keeps = [{ path: 'owners.ours', value: 'Sam' }];
  const generated: Omit<RecordCase, 'file'>[] = [
    { name: 'generated/bom', expect: 'clean', text: '\ufeff' + record, make: writeText('\ufeff' + record), partner: 'Line Endings Guild', keeps },
    { name: 'generated/crlf', expect: 'clean', text: crlf, make: writeText(crlf), partner: 'Line Endings Guild', keeps },
    { name: 'generated/bom-crlf', expect: 'clean', text: '\ufeff' + crlf, make: writeText('\ufeff' + crlf), partner: 'Line Endings Guild', keeps },
    { name: 'generated/empty', expect: 'broken', text: '', make: writeText(''), problems: [/no front matter/] },
    // One line of 5 MB: no front matter can fit on one line.
    { name: 'generated/one-line-5mb', expect: 'broken', text: undefined, make: writeText('partner: ' + 'a'.repeat(5 * 1024 * 1024)), problems: [/no front matter/] },
    // A record whose body is one 5 MB line is still a record.
    { name: 'generated/body-line-5mb', expect: 'clean', text: undefined, make: writeText(record + 'a'.repeat(5 * 1024 * 1024) + '\n'), partner: 'Line Endings Guild', keeps },
    { name: 'generated/binary', expect: 'unreadable', make: writeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), problems: [/binary/] },
    { name: 'generated/invalid-utf8', expect: 'unreadable', make: writeBytes(Buffer.concat([Buffer.from(record), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])])), problems: [/UTF-8/] },
    {
      name: 'generated/50mb',
      expect: 'unreadable',
      make: (target) => {
        const fd = fs.openSync(target, 'w');
        fs.writeSync(fd, record);
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
        fs.closeSync(fd);
      },
      problems: [/over the 10\.0 MB limit/],
    },
    { name: 'generated/directory', expect: 'unreadable', make: (target) => fs.mkdirSync(target), problems: [/is a folder/] },
    {
      name: 'generated/symlink-loop',
      expect: 'unreadable',
      make: (target) => {
        const other = target + '.loop';
        fs.symlinkSync(path.basename(other), target);
        fs.symlinkSync(path.basename(target), other);
      },
      problems: [LINKED],
    },
    { name: 'generated/missing', expect: 'missing', make: () => {} },
    {
      name: 'generated/far-dates',
      expect: 'refused',
      text: FAR_DATES,
      make: writeText(FAR_DATES),
      partner: 'Far Future Guild',
      problems: [/^start .*between 1900-01-01 and 2999-12-31/, /^review .*between 1900-01-01 and 2999-12-31/, /^checkIns: check-in 1: date must be a date between 1900-01-01 and 2999-12-31/],
    },
    { name: 'generated/symlink-to-outside-record', expect: 'unreadable', make: linkTo(() => outsideRecord(outsideDir(), 'linked-record.md')), problems: [LINKED] },
    { name: 'generated/symlink-to-etc-passwd', expect: 'unreadable', make: linkTo('/etc/passwd'), problems: [LINKED] },
    { name: 'generated/symlink-dangling', expect: 'unreadable', make: linkTo(path.join(outsideDir(), 'no-such-record.md')), problems: [LINKED] },
    ...['/dev/zero', '/dev/urandom'].filter(hasDevice).map((device) => ({ name: `generated/symlink-to-${device.slice(5)}`, expect: 'unreadable' as const, make: linkTo(device), problems: [LINKED] })),
  ];
  for (const c of generated) cases.push({ ...c, file: `hostile-${c.name.slice('generated/'.length)}.md` });
  return cases;
}

/** The text of a 5 MB case, for the pure reader (too big to keep in the case list). */
export function recordCaseText(c: RecordCase): string | undefined {
  if (c.text !== undefined) return c.text;
  if (c.expect === 'unreadable' || c.expect === 'missing') return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-record-case-'));
  try {
    const file = path.join(dir, c.file);
    c.make(file);
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a dotted path (`checkIns.0.notes`) out of a record. */
export function valueAt(record: unknown, dotted: string): unknown {
  let v: unknown = record;
  for (const part of dotted.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}
