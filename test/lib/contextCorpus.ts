/**
 * The corpus of context files as people and assistants really leave them
 * (test/fixtures/context/corpus), with what a careful human reads in each: scores the reader on
 * the key fields and the updater on one-field updates.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContextLabel } from '../../src/core/context/labels';
import { parseContext } from '../../src/core/context/parse';
import { updateContext } from '../../src/core/context/update';

export const CORPUS_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'context', 'corpus');

type Expected = string | number | null | { low: number; high: number };

export interface CorpusFile {
  name: string;
  text: string;
  kinds: string[];
  fields: Record<string, Expected>;
  updates: { label: ContextLabel; value: string; from: string; to: string }[];
}

/** The second corpus: each file beside its expectations (`name.md` and `name.json`), 40 and more. */
export const READER_CORPUS_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'context-corpus');

export function loadReaderCorpus(): (CorpusFile & { why: Record<string, string> })[] {
  return fs
    .readdirSync(READER_CORPUS_DIR)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => {
      const e = JSON.parse(fs.readFileSync(path.join(READER_CORPUS_DIR, name.replace(/\.md$/, '.json')), 'utf8')) as Omit<CorpusFile, 'name' | 'text'> & { why?: Record<string, string> };
      return { name, text: fs.readFileSync(path.join(READER_CORPUS_DIR, name), 'utf8'), kinds: e.kinds, fields: e.fields, updates: e.updates, why: e.why ?? {} };
    });
}

export function loadCorpus(): CorpusFile[] {
  const expected = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'expected.json'), 'utf8')) as {
    files: Record<string, Omit<CorpusFile, 'name' | 'text'>>;
  };
  return Object.entries(expected.files).map(([name, e]) => ({ name, text: fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8'), ...e }));
}

const squash = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .join('\n');

export interface FieldResult {
  file: string;
  label: string;
  expected: Expected;
  actual: Expected | undefined;
  ok: boolean;
}

export function scoreFields(file: CorpusFile): FieldResult[] {
  const ctx = parseContext(file.text);
  return Object.entries(file.fields).map(([label, expected]) => {
    let actual: Expected | undefined;
    if (label === 'Current size' || label === 'Active members') {
      const reading = label === 'Current size' ? ctx.countReadings.currentSize : ctx.countReadings.activeMembers;
      if (!reading) actual = null;
      else if (reading.high !== undefined && reading.low !== undefined) actual = { low: reading.low, high: reading.high };
      else actual = reading.value;
    } else {
      actual = ctx.values[label as ContextLabel] ?? null;
    }
    const ok =
      typeof expected === 'string' && typeof actual === 'string'
        ? squash(expected) === squash(actual)
        : JSON.stringify(expected) === JSON.stringify(actual);
    return { file: file.name, label, expected, actual, ok };
  });
}

export interface UpdateResult {
  file: string;
  label: string;
  ok: boolean;
  expected: string;
  actual: string;
}

/** The update must change exactly the `from` line(s) into `to` and leave every other byte. */
export function scoreUpdates(file: CorpusFile): UpdateResult[] {
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return file.updates.map((u) => {
    const from = u.from.replace(/\n/g, eol);
    const to = u.to.replace(/\n/g, eol);
    const at = file.text.indexOf(from);
    if (at === -1 || file.text.indexOf(from, at + 1) !== -1) throw new Error(`${file.name}: "${u.from}" must occur exactly once`);
    const expected = file.text.slice(0, at) + to + file.text.slice(at + from.length);
    const actual = updateContext(file.text, { [u.label]: u.value }).text;
    return { file: file.name, label: u.label, ok: actual === expected, expected, actual };
  });
}
