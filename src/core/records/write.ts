import CORE_SCHEMA from 'js-yaml/lib/js-yaml/schema/core.js';
import { safeDump } from 'js-yaml/lib/js-yaml/dumper.js';
import { readFrontMatter } from '../frontMatter';
import { yamlLoader } from '../yamlLoaderChunk';
import { PLAYBOOKS, type PartnershipTypeId, type ScorecardCriterionId } from '../domain';
import { playbookSection, playbooksOf } from './template';
import { scanKeyBlocks, lineStarts, type KeyBlock } from './keyBlocks';
import { applyTextEdits, type TextEdit } from '../textEdits';
import {
  CHECK_IN_KEYS,
  METRIC_ENTRY_KEYS,
  checkInSchema,
  metricEntrySchema,
  isRecordKey,
  partnershipRecordSchema,
  type CheckIn,
  type MetricEntry,
  type PartnershipRecord,
  type PlaybookId,
  type Stage,
} from './schema';
import { l10n } from '../l10n';

export type { TextEdit } from '../textEdits';

export interface RecordUpdate {
  text: string;
  /** Sorted, non-overlapping, in offsets of the text that was given. */
  edits: TextEdit[];
}

/** Keys to change; a key given as undefined is removed from the front matter. */
export type RecordChanges = { [K in keyof PartnershipRecord]?: PartnershipRecord[K] | undefined };

/** The text cannot be updated safely (its front matter could not be read). */
export class RecordWriteError extends Error {}

const DUMP_OPTIONS = { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true };

/** Keys the front matter reader drops (they could reach a prototype): a rewrite must not lose them. */
const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True when this YAML text holds, at any depth, a key the reader drops: a rewrite of that text
 * from the data read would lose it. Text that does not load on its own counts as holding one.
 */
function holdsDroppedKey(yamlText: string): boolean {
  let data: unknown;
  try {
    data = yamlLoader().loadYaml(yamlText);
  } catch {
    return true;
  }
  let nodes = 0;
  const walk = (value: unknown, depth: number): boolean => {
    if (++nodes > 50_000 || depth > 64) return true;
    if (Array.isArray(value)) return value.some((v) => walk(v, depth + 1));
    if (value !== null && typeof value === 'object') {
      return Object.keys(value).some((k) => DROPPED_KEYS.has(k) || walk((value as Record<string, unknown>)[k], depth + 1));
    }
    return false;
  };
  return walk(data, 0);
}

function droppedKeyError(): RecordWriteError {
  return new RecordWriteError(
    l10n.t('The record was not changed: its front matter has a key named constructor, prototype or __proto__, which this extension does not read, and this change would rewrite the lines that hold it. Rename that key, or make the change by hand.'),
  );
}
const REMOVE: unique symbol = Symbol('remove');
type RawChange = unknown | typeof REMOVE;

/**
 * Changes the given front matter keys and nothing else: each changed key's lines are replaced
 * by the newly written key, a new key goes at the end of the front matter, a removed key's lines
 * go. Other keys, comments, key order, the body, line endings and a byte order mark are left as
 * they were. Without front matter, one is created. Throws RecordWriteError when the front matter
 * exists but cannot be read (rewriting it would lose what is there), and RangeError when a value
 * is not valid for its key.
 */
export function updateRecordText(text: string, changes: RecordChanges): RecordUpdate {
  const raw = new Map<string, RawChange>();
  for (const key of Object.keys(changes)) {
    const value = (changes as Record<string, unknown>)[key];
    if (value === undefined) {
      raw.set(key, REMOVE);
      continue;
    }
    if (isRecordKey(key)) {
      const check = partnershipRecordSchema.shape[key].safeParse(value);
      if (!check.success) throw new RangeError(l10n.t('Cannot write {0}: {1}.', key, check.error.issues[0]?.message ?? l10n.t('invalid value')));
    }
    raw.set(key, plain(orderEntries(key, value)));
  }
  return applyChanges(text, raw);
}

/** Adds a check-in at the end of `checkIns`, leaving the entries already there as written. */
export function appendCheckIn(text: string, checkIn: CheckIn): RecordUpdate {
  const check = partnershipRecordSchema.shape.checkIns.safeParse([checkIn]);
  if (!check.success) throw new RangeError(l10n.t('Cannot write the check-in: {0}.', check.error.issues[0]?.message ?? l10n.t('invalid value')));
  return appendToList(text, 'checkIns', (plain(orderEntries('checkIns', [checkIn])) as unknown[])[0]);
}

/** Adds a measurement at the end of `metrics`, leaving the entries already there as written. */
export function appendMetric(text: string, entry: MetricEntry): RecordUpdate {
  const check = partnershipRecordSchema.shape.metrics.safeParse([entry]);
  if (!check.success) throw new RangeError(l10n.t('Cannot write the metric: {0}.', check.error.issues[0]?.message ?? l10n.t('invalid value')));
  return appendToList(text, 'metrics', (plain(orderEntries('metrics', [entry])) as unknown[])[0]);
}

/**
 * Replaces (or, with `entry` undefined, removes) one check-in or measurement. `index` counts the
 * entries as the record reads them (entries that cannot be read are skipped there, so they are
 * skipped here too) and `was` is the entry as the caller saw it: when the file no longer holds
 * that entry at that place, nothing is changed (RecordWriteError). Keys of the entry this
 * extension does not know are kept.
 */
export function replaceListEntry(text: string, key: 'checkIns' | 'metrics', index: number, was: CheckIn | MetricEntry, entry: CheckIn | MetricEntry | undefined): RecordUpdate {
  const schema = key === 'checkIns' ? checkInSchema : metricEntrySchema;
  if (entry) {
    const check = partnershipRecordSchema.shape[key].safeParse([entry]);
    if (!check.success) throw new RangeError(`Cannot write the ${key === 'checkIns' ? 'check-in' : 'metric'}: ${check.error.issues[0]?.message ?? 'invalid value'}.`);
  }
  const current = currentData(text)[key];
  const raw = Array.isArray(current) ? current : [];
  const read = raw.map((item) => {
    if (!isPlainObject(item)) return undefined;
    const cleaned = Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null));
    const r = schema.safeParse(cleaned);
    return r.success ? (r.data as CheckIn | MetricEntry) : undefined;
  });
  let at = -1;
  let ordinal = 0;
  const equal: number[] = [];
  read.forEach((r, i) => {
    if (!r) return;
    if (sameEntry(r, was)) {
      equal.push(i);
      if (ordinal === index) at = i;
    }
    ordinal++;
  });
  if (at < 0 && equal.length === 1) at = equal[0];
  if (at < 0) throw new RecordWriteError('The record was not changed: that entry is no longer in the file as it was shown (the file changed meanwhile). Look at it again and retry.');
  const list = [...raw];
  if (entry) {
    const before = raw[at] as Record<string, unknown>;
    const known: readonly string[] = key === 'checkIns' ? CHECK_IN_KEYS : METRIC_ENTRY_KEYS;
    const kept = Object.fromEntries(Object.entries(before).filter(([k]) => !known.includes(k)));
    list[at] = plain({ ...(orderEntries(key, [entry]) as Record<string, unknown>[])[0], ...kept });
  } else {
    list.splice(at, 1);
  }
  // Only the entry's own lines change: the other entries keep their quoting, comments and layout.
  return applyChanges(text, new Map<string, RawChange>([[key, list.length ? list : REMOVE]]), (yamlText, block, eol) => {
    const items = listItems(yamlText, block);
    if (!items || items.length !== raw.length) return undefined;
    const item = items[at];
    return { start: item.start, end: item.end, newText: entry ? dumpItem(key, list[at], item.indent, eol) : '' };
  });
}

/**
 * The entries of a list written one `- ` block per entry under its key, in the YAML text: each
 * from its dash line to the next entry's, blank lines and comments (no deeper than the dash)
 * before the next entry left to what follows. Undefined for any other layout.
 */
function listItems(raw: string, block: KeyBlock): { start: number; end: number; indent: string }[] | undefined {
  const starts = lineStarts(raw);
  const keyLine = raw.slice(starts[block.line], starts[block.line + 1]);
  if (!/^[^:]*:[ \t]*(#.*)?\r?\n?$/.test(keyLine.replace(/^("[^"]*"|'[^']*')/, 'k'))) return undefined;
  const lineAt = (i: number) => raw.slice(starts[i], starts[i + 1]).replace(/\r?\n$/, '');
  let indent: string | undefined;
  const first: number[] = [];
  for (let i = block.line + 1; i <= block.lastLine; i++) {
    const m = /^([ \t]*)-(?:[ \t]|$)/.exec(lineAt(i));
    if (!m || (indent !== undefined && m[1] !== indent)) continue;
    indent ??= m[1];
    first.push(i);
  }
  if (indent === undefined) return undefined;
  const dash = indent.length;
  return first.map((line, k) => {
    let last = k + 1 < first.length ? first[k + 1] - 1 : block.lastLine;
    while (last > line) {
      const l = lineAt(last);
      const lead = l.length - l.trimStart().length;
      if (l.trim() === '' || (l.trimStart().startsWith('#') && lead <= dash)) last--;
      else break;
    }
    return { start: starts[line], end: starts[last + 1], indent: indent! };
  });
}

/** One list entry written as a `- ` block at this indentation. */
function dumpItem(key: 'checkIns' | 'metrics', entry: unknown, indent: string, eol: string): string {
  const dumped = key === 'checkIns' ? plainYesNo(safeDump([entry], DUMP_OPTIONS)) : safeDump([entry], DUMP_OPTIONS);
  return dumped.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : indent + l)).join(eol) + eol;
}

function sameEntry(a: CheckIn | MetricEntry, b: CheckIn | MetricEntry): boolean {
  const norm = (e: CheckIn | MetricEntry) => {
    const r = e as Partial<CheckIn & MetricEntry>;
    return JSON.stringify([r.date, r.metric, r.value, (r.note ?? '').trim(), (r.notes ?? '').trim(), r.worthContinuing ?? '', (r.source ?? '').trim(), r.count ?? '', r.of ?? '', r.cumulative ?? false]);
  };
  return norm(a) === norm(b);
}

/**
 * Sets the owner on each side (undefined or empty clears one) and keeps any other key under
 * `owners`; with no owner left the key goes.
 */
export function setOwners(text: string, owners: { ours?: string; theirs?: string }): RecordUpdate {
  const current = currentData(text).owners;
  const merged: Record<string, unknown> = isPlainObject(current) ? { ...current } : {};
  for (const side of ['ours', 'theirs'] as const) {
    const v = owners[side]?.trim();
    if (v) merged[side] = v;
    else delete merged[side];
  }
  return applyChanges(text, new Map([['owners', Object.keys(merged).length ? merged : REMOVE]]));
}

export function setStage(text: string, stage: Stage): RecordUpdate {
  return updateRecordText(text, { stage });
}

/**
 * Sets some scorecard criteria (undefined clears one) and keeps the others, including any key
 * under `scores` this extension does not know.
 */
export function setScores(text: string, scores: Partial<Record<ScorecardCriterionId, number | undefined>>): RecordUpdate {
  for (const [k, v] of Object.entries(scores)) {
    if (v === undefined) continue;
    const check = partnershipRecordSchema.shape.scores.safeParse({ [k]: v });
    if (!check.success) throw new RangeError(l10n.t('Cannot write {0}: {1}.', `scores.${k}`, check.error.issues[0]?.message ?? l10n.t('invalid value')));
  }
  const current = currentData(text).scores;
  const merged: Record<string, unknown> = isPlainObject(current) ? { ...current } : {};
  for (const [k, v] of Object.entries(scores)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return applyChanges(text, new Map([['scores', Object.keys(merged).length ? merged : REMOVE]]));
}

/**
 * Marks a playbook step done or not done (step numbers from 1). The front matter `playbook` key
 * holds the progress; the matching `- [ ]` line under "## Playbook" in the body, when there is
 * one, is ticked or unticked too so that the two never disagree in what people read.
 */
export function setPlaybookStep(text: string, playbook: PlaybookId, step: number, done: boolean): RecordUpdate {
  const steps = PLAYBOOKS[playbook]?.steps;
  if (!steps || !Number.isInteger(step) || step < 1 || step > steps.length) {
    throw new RangeError(l10n.t('Cannot mark step {0} of playbook {1}: no such step.', step, playbook));
  }
  const current = currentData(text).playbook;
  const merged: Record<string, unknown> = isPlainObject(current) ? { ...current } : {};
  const before = Array.isArray(merged[playbook]) ? (merged[playbook] as unknown[]) : [];
  const others = before.filter((s) => Number(s) !== step);
  const after = done ? [...others, step].sort((a, b) => Number(a) - Number(b)) : others;
  if (after.length) merged[playbook] = after;
  else delete merged[playbook];
  const front = applyChanges(text, new Map([['playbook', Object.keys(merged).length ? merged : REMOVE]]));

  const box = checkboxEdit(text, PLAYBOOKS[playbook].title, steps[step - 1], done);
  if (!box) return front;
  const edits = [...front.edits, box].sort((a, b) => a.start - b.start);
  return { text: applyTextEdits(text, edits), edits };
}

/**
 * Sets the partnership types. An added type whose playbook has no section in the body gets the one New
 * Partnership writes (under "## Playbook", made before "## Notes" when missing), its steps done
 * so far ticked. A removed type's section stays: it may hold what people wrote
 * (`keptPlaybookSections` names it).
 */
export function setTypes(text: string, types: readonly PartnershipTypeId[]): RecordUpdate {
  const unique = [...new Set(types)];
  const front = updateRecordText(text, { types: unique.length ? unique : undefined });
  const data = currentData(text);
  const done = data.playbook;
  // Only a playbook the change brings: the sections of types already there are left as they are.
  const had = new Set(playbooksOf(Array.isArray(data.types) ? (data.types as PartnershipTypeId[]) : []));
  const sections = playbookHeadings(text);
  const missing = playbooksOf(unique).filter((id) => !had.has(id) && !sections.titles.has(normalise(PLAYBOOKS[id].title)));
  if (missing.length === 0) return front;
  const eol = eolOf(text);
  const lines = missing.flatMap((id) => {
    const steps = isPlainObject(done) && Array.isArray(done[id]) ? (done[id] as unknown[]).map(Number) : [];
    return playbookSection(id, steps);
  });
  const at = sections.end ?? sections.notes ?? text.length;
  const before = text.slice(0, at);
  // A blank line before what is added, whatever the text ends with.
  const tail = before.slice(-16).replace(/\r\n?/g, '\n');
  const lead = before.length === 0 || /\n[ \t]*\n$/.test(tail) ? '' : tail.endsWith('\n') ? eol : eol + eol;
  const added = lead + [...(sections.end === undefined ? ['## Playbook', ''] : []), ...lines].join(eol) + eol;
  const edits = [...front.edits, { start: at, end: at, newText: added }].sort((a, b) => a.start - b.start);
  return { text: applyTextEdits(text, edits), edits };
}

/** The playbooks that have a section in the body but no type among `types` any more. */
export function keptPlaybookSections(text: string, types: readonly PartnershipTypeId[]): PlaybookId[] {
  const titles = playbookHeadings(text).titles;
  const wanted = new Set(playbooksOf(types));
  return (Object.keys(PLAYBOOKS) as PlaybookId[]).filter((id) => !wanted.has(id) && titles.has(normalise(PLAYBOOKS[id].title)));
}

/**
 * The body's "## Playbook" section: the playbook titles under it (`###` headings), where it ends
 * (the next `##` heading, or the end), and where "## Notes" starts. Lines in fenced code are not headings.
 */
function playbookHeadings(text: string): { titles: Set<string>; end?: number; notes?: number } {
  const bodyStart = readFrontMatter(text).bodyOffset;
  const body = text.slice(bodyStart);
  const starts = lineStarts(body);
  const titles = new Set<string>();
  let inPlaybook = false;
  let fenced = false;
  let end: number | undefined;
  let notes: number | undefined;
  for (let i = 0; i + 1 < starts.length; i++) {
    const line = body.slice(starts[i], starts[i + 1]).replace(/\r?\n$/, '');
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const h2 = headingText(line, 2);
    if (h2 !== undefined) {
      if (inPlaybook) end = bodyStart + starts[i];
      inPlaybook = /^playbooks?$/i.test(h2);
      if (inPlaybook) end = undefined;
      if (/^notes$/i.test(h2) && notes === undefined) notes = bodyStart + starts[i];
      continue;
    }
    const h3 = inPlaybook ? headingText(line, 3) : undefined;
    if (h3 !== undefined) titles.add(normalise(h3));
  }
  if (inPlaybook) end = text.length;
  return { titles, end, notes };
}

// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function currentData(text: string): Record<string, unknown> {
  const fm = readFrontMatter(text);
  if (fm.kind === 'error') throw new RecordWriteError(l10n.t('The record was not changed: {0}', fm.message));
  return fm.kind === 'yaml' ? fm.data : {};
}

/** Puts the keys of check-ins and metric entries in the order people expect to read them. */
function orderEntries(key: string, value: unknown): unknown {
  const order: readonly string[] | undefined = key === 'checkIns' ? CHECK_IN_KEYS : key === 'metrics' ? METRIC_ENTRY_KEYS : undefined;
  if (!order || !Array.isArray(value)) return value;
  return value.map((entry) => {
    if (!isPlainObject(entry)) return entry;
    const out: Record<string, unknown> = {};
    for (const k of order) if (k in entry) out[k] = entry[k];
    for (const k of Object.keys(entry)) if (!(k in out)) out[k] = entry[k];
    return out;
  });
}

/** Plain data for js-yaml: undefined members dropped (js-yaml refuses them). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

/** What a value reads back as once written: the comparison point for the check after writing. */
function roundTrip(value: unknown): unknown {
  return yamlLoader().loadYaml(safeDump(value, DUMP_OPTIONS));
}

function dumpKey(key: string, value: unknown, eol: string): string {
  // Done step numbers read best on one line: `newsletter-swap: [1, 2]`.
  const options = key === 'playbook' ? { ...DUMP_OPTIONS, flowLevel: 2 } : DUMP_OPTIONS;
  let out = safeDump({ [key]: value }, options);
  if (key === 'checkIns') out = plainYesNo(out);
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}


/**
 * js-yaml quotes yes and no (booleans in YAML 1.1); records write `worthContinuing: yes` plain,
 * as people do, and the core schema reads it back as the same text.
 */
function plainYesNo(dumped: string): string {
  return dumped.replace(/^( *(?:- )?worthContinuing: )'(yes|no)'$/gm, '$1$2');
}

/** The line end of the sample's first line break: CRLF, LF or a lone CR (old Mac files); LF when it has none. */
function eolOf(sample: string): string {
  const m = /\r\n?|\n/.exec(sample);
  return m ? m[0] : '\n';
}

function expectedData(data: Record<string, unknown>, changes: Map<string, RawChange>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const change = changes.has(k) ? changes.get(k) : v;
    if (change !== REMOVE) out[k] = changes.has(k) ? roundTrip(change) : v;
  }
  for (const [k, v] of changes) if (!(k in data) && v !== REMOVE) out[k] = roundTrip(v);
  return out;
}

/** Reads the result back: it must hold exactly the expected data and the same body. */
function verify(result: string, expected: Record<string, unknown>, body: string): boolean {
  const fm = readFrontMatter(result);
  if (fm.kind !== 'yaml' || fm.body !== body) return false;
  const keys = Object.keys(expected);
  const got = Object.keys(fm.data);
  return keys.length === got.length && keys.every((k) => k in fm.data && deepEqual(fm.data[k], expected[k]));
}

/**
 * The writer behind every update. `layout` may place a change more finely than a whole key
 * (an entry appended to a list); it returns undefined to fall back to rewriting the key.
 *
 * The result is read back before it is returned. The key scan works on text, and some YAML
 * layouts (a quoted value running over several lines, say) can fool it; then the change is made
 * again less finely: a whole key instead of an appended entry, and at last the whole front
 * matter written again from its data, which keeps every value but not comments or layout.
 */
function applyChanges(
  text: string,
  changes: Map<string, RawChange>,
  layout?: (raw: string, block: KeyBlock, eol: string) => TextEdit | undefined,
): RecordUpdate {
  const fm = readFrontMatter(text);
  if (fm.kind === 'error') throw new RecordWriteError(l10n.t('The record was not changed: {0}', fm.message));

  if (fm.kind === 'none') {
    const eol = eolOf(text);
    let yamlText = '';
    for (const [k, v] of changes) if (v !== REMOVE) yamlText += dumpKey(k, v, eol);
    if (yamlText === '') return { text, edits: [] };
    const edit = { start: fm.bodyOffset, end: fm.bodyOffset, newText: `---${eol}${yamlText}---${eol}` };
    return checked(text, [edit], expectedData({}, changes), fm.body);
  }

  const { raw, rawOffset, data } = fm;
  // The file's own line ends (the front matter's text as read has a lone CR as LF).
  const rawText = text.slice(rawOffset, rawOffset + raw.length);
  const eol = /[\r\n]/.test(rawText) ? eolOf(rawText) : eolOf(text);
  const expected = expectedData(data, changes);
  // Keys the reader dropped are not in `data`: text holding one must not be written again from it.
  const risky = holdsDroppedKey(raw);
  const whole = () => {
    if (risky) throw droppedKeyError();
    return checked(text, [wholeRewrite(raw, rawOffset, expected, eol)], expected, fm.body);
  };

  const blocks = new Map<string, KeyBlock | null>();
  for (const b of scanKeyBlocks(raw)) blocks.set(b.key, blocks.has(b.key) ? null : b);

  const edits: TextEdit[] = [];
  let added = '';
  let fine = false;
  for (const [key, value] of changes) {
    const present = Object.prototype.hasOwnProperty.call(data, key);
    if (value === REMOVE && !present) continue;
    if (value !== REMOVE && present && deepEqual(data[key], roundTrip(value))) continue;
    if (!present) {
      added += dumpKey(key, value, eol);
      continue;
    }
    const block = blocks.get(key);
    // A key the text scan could not place, or found twice: only a full rewrite is safe.
    if (!block) return whole();
    const placed = value !== REMOVE && layout ? layout(raw, block, eol) : undefined;
    if (placed) fine = true;
    else if (risky && holdsDroppedKey(raw.slice(block.start, block.end))) throw droppedKeyError();
    edits.push(
      placed
        ? { start: rawOffset + placed.start, end: rawOffset + placed.end, newText: placed.newText }
        : { start: rawOffset + block.start, end: rawOffset + block.end, newText: value === REMOVE ? '' : dumpKey(key, value, eol) },
    );
  }
  if (added) edits.push({ start: rawOffset + raw.length, end: rawOffset + raw.length, newText: added });
  if (edits.length === 0) return { text, edits: [] };
  edits.sort((a, b) => a.start - b.start);
  const result = applyTextEdits(text, edits);
  if (verify(result, expected, fm.body)) return { text: result, edits };
  return fine ? applyChanges(text, changes) : whole();
}

function checked(text: string, edits: TextEdit[], expected: Record<string, unknown>, body: string): RecordUpdate {
  const result = applyTextEdits(text, edits);
  if (!verify(result, expected, body)) throw new RecordWriteError(l10n.t('The record was not changed: the new front matter did not read back as intended.'));
  return { text: result, edits };
}

function wholeRewrite(raw: string, rawOffset: number, expected: Record<string, unknown>, eol: string): TextEdit {
  let yamlText = '';
  for (const [k, v] of Object.entries(expected)) yamlText += dumpKey(k, v, eol);
  return { start: rawOffset, end: rawOffset + raw.length, newText: yamlText };
}

/**
 * Appends one entry to a list key. When the list is written one `- ` entry per line block, the
 * entry is added after the last one and the existing entries stay exactly as written (notes,
 * comments and all); otherwise the key is written again with the entry added.
 */
function appendToList(text: string, key: 'checkIns' | 'metrics', entry: unknown): RecordUpdate {
  const current = currentData(text)[key];
  // Whatever is there is kept: a list grows, a single entry written without "- " becomes the
  // first of two, and an empty key starts a new list.
  const list = Array.isArray(current) ? [...current, entry] : current === undefined || current === null ? [entry] : [current, entry];
  const appendable = Array.isArray(current) && current.length > 0;
  return applyChanges(text, new Map([[key, list]]), (raw, block, eol) => {
    if (!appendable) return undefined;
    const starts = lineStarts(raw);
    const keyLine = raw.slice(starts[block.line], starts[block.line + 1]);
    if (!/^[^:]*:[ \t]*(#.*)?\r?\n?$/.test(keyLine.replace(/^("[^"]*"|'[^']*')/, 'k'))) return undefined;
    const firstItem = /(?:^|\n)([ \t]*)-(?:[ \t]|\r?\n)/.exec(raw.slice(block.start + keyLine.length, block.end));
    if (!firstItem) return undefined;
    return { start: block.end, end: block.end, newText: dumpItem(key, entry, firstItem[1], eol) };
  });
}

/** The edit that ticks or unticks a playbook step's checkbox in the body, if the line is there. */
function checkboxEdit(text: string, playbookTitle: string, stepText: string, done: boolean): TextEdit | undefined {
  const bodyStart = readFrontMatter(text).bodyOffset;
  const body = text.slice(bodyStart);
  const starts = lineStarts(body);
  const wanted = normalise(stepText);
  let inPlaybook = false;
  let inThis = false;
  let found: { at: number; checked: boolean } | undefined;
  for (let i = 0; i + 1 < starts.length; i++) {
    const line = body.slice(starts[i], starts[i + 1]).replace(/\r?\n$/, '');
    const h2 = headingText(line, 2);
    if (h2 !== undefined) {
      inPlaybook = /^playbooks?$/i.test(h2);
      inThis = false;
      continue;
    }
    if (!inPlaybook) continue;
    const h3 = headingText(line, 3);
    if (h3 !== undefined) {
      inThis = normalise(h3) === normalise(playbookTitle);
      continue;
    }
    const box = /^(\s*[-*+]\s+\[)([ xX])\](\s.*)$/.exec(line);
    if (!box || normalise(box[3]) !== wanted) continue;
    const match = { at: bodyStart + starts[i] + box[1].length, checked: box[2] !== ' ' };
    // The same step text can appear under two playbooks' headings: prefer this playbook's.
    if (inThis) {
      found = match;
      break;
    }
    found ??= match;
  }
  if (!found || found.checked === done) return undefined;
  return { start: found.at, end: found.at + 1, newText: done ? 'x' : ' ' };
}

/**
 * The text of a Markdown heading of exactly this level (`## Playbook ##` gives `Playbook`), or
 * undefined for any other line. A scan, not a regular expression: a heading line is workspace
 * text and may be long (a pattern with `\s*(.*?)\s*#*\s*$` takes quadratic time on it).
 */
function headingText(line: string, level: number): string | undefined {
  let i = 0;
  while (i < line.length && line[i] === '#') i++;
  if (i !== level) return undefined;
  let end = line.length;
  while (end > i && isBlank(line[end - 1])) end--;
  // A closing run of #s counts when the heading text is empty or a blank separates it.
  let close = end;
  while (close > i && line[close - 1] === '#') close--;
  if (close === i || isBlank(line[close - 1])) end = close;
  let start = i;
  while (start < end && isBlank(line[start])) start++;
  while (end > start && isBlank(line[end - 1])) end--;
  return line.slice(start, end);
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0';
}

function normalise(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
