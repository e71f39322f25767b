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
}

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
      make: (target) => {
        const other = target + '.loop';
        fs.symlinkSync(path.basename(other), target);
        fs.symlinkSync(path.basename(target), other);
      },
    },
    { name: 'generated/missing', expect: 'missing', make: () => {} },
  );
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
