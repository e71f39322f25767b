import { CONTEXT_LABELS, CONTEXT_SECTIONS, COUNT_LABELS, type ContextLabel, type ContextSectionTitle } from './labels';
import { type BodyField, type ContextAnalysis, type ContextEntry, analyseContext, readValue } from './parse';
import { formatBodyValue, renderEntryLine } from './render';
import { markdownSource } from './markdown';
import { normalizeContextValue } from './text';
import { toOriginal } from './normalize';
import { applyTextEdits, type TextEdit } from '../textEdits';
import { l10n } from '../l10n';

/**
 * Writes changed values back into a context file and nothing else: the community skill family
 * promises users that every other byte (prose, notes, comments, nested lines, unknown
 * sections, drifted label forms, CRLF, BOM, front matter) stays as it was, so the extension
 * keeps the same promise. A value is edited where the person wrote it (the list item, the
 * nested item, the paragraph or the table cell); a label that exists is never written twice.
 */

export type { TextEdit } from '../textEdits';

export interface ContextUpdate {
  /** Sorted by start, never overlapping. */
  edits: TextEdit[];
  /** The original text with the edits applied. */
  text: string;
  /** Changes that could not be written, with the reason. */
  skipped: { label: ContextLabel; reason: string }[];
}

interface PendingEdit extends TextEdit {
  labels: ContextLabel[];
}

export function updateContext(original: string, changes: Partial<Record<ContextLabel, string | undefined>>): ContextUpdate {
  const analysis = analyseContext(original);
  // Edits are worked out on the normal text the reader read, then moved to the original's offsets.
  const text = analysis.text;
  const { ctx } = analysis;
  const pending: PendingEdit[] = [];
  const skipped: { label: ContextLabel; reason: string }[] = [];
  const toInsert = new Map<ContextLabel, string | undefined>();

  for (const label of CONTEXT_LABELS) {
    if (!Object.prototype.hasOwnProperty.call(changes, label)) continue;
    const next = normalizeContextValue(changes[label]);
    if (next === ctx.values[label]) continue;
    // `TBD - ask Sam` where the field is not filled in either: nothing changes for a reader.
    if (next !== undefined && ctx.values[label] === undefined && readValue(label, next).value === undefined) continue;

    const winner = ctx.entries.get(label);
    const body = analysis.fields.find((f) => f.used && f.entry.label === label);
    if (winner?.source === 'frontMatter' && winner.value !== undefined) {
      if (analysis.frontMatterSimple.has(label)) {
        pending.push({ ...frontMatterEdit(text, winner, next), labels: [label] });
        // An emptied front matter value no longer hides the body's, so that one is emptied too.
        if (next === undefined || readValue(label, next).value === undefined) {
          for (const f of analysis.fields) {
            if (f.entry.label === label && f.entry.value !== undefined) pending.push(...fieldEdits(text, analysis, f, undefined).map((e) => ({ ...e, labels: [label] })));
          }
        }
      } else {
        skipped.push({
          label,
          reason: l10n.t('"{0}" is not a one-line "key: value" in the front matter (line {1}), so it was left as it is; change it there.', label, winner.line + 1),
        });
      }
      continue;
    }
    // A front matter key left empty gives no value, so the body is where the value goes (and
    // where the community skills, which read only the body, will see it).
    if (body) {
      // Emptied: every line that gives the label a value says TBD, so none takes over.
      const emptied = next === undefined || readValue(label, next).value === undefined;
      const targets = emptied ? analysis.fields.filter((f) => f.entry.label === label && (f === body || (f.entry.value !== undefined && !f.history))) : [body];
      for (const f of targets) pending.push(...fieldEdits(text, analysis, f, f === body ? next : undefined).map((e) => ({ ...e, labels: [label] })));
    } else toInsert.set(label, next);
  }

  pending.push(...insertions(text, analysis, toInsert));
  const { edits: normalEdits, conflicts } = arrange(pending);
  for (const label of conflicts) skipped.push({ label, reason: l10n.t('"{0}" could not be written without touching another change.', label) });
  const edits = normalEdits.map((e) => ({ start: toOriginal(analysis.normal, e.start), end: toOriginal(analysis.normal, e.end), newText: e.newText }));
  return { edits, text: applyTextEdits(original, edits), skipped };
}

const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** A value inside an HTML block: text with `&`, `<` and `>` as entities, line breaks as `<br>`. */
function htmlText(value: string | undefined): string {
  if (value === undefined) return 'TBD';
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').split('\n').join('<br>');
}

/** A table cell holds one line: line breaks as `<br>`, pipes escaped. */
function cellText(value: string | undefined): string {
  if (value === undefined) return 'TBD';
  const source = markdownSource(value);
  return (source === value ? source.replace(/\|/g, '\\|') : source).split('\n').join('<br>');
}

/**
 * The edits that give a field its new value, in place. A label that carries a date
 * (`Current size (as of May 2026):`) keeps it when the new value ends with the same date, and
 * loses it otherwise (the value written is then read back as written).
 */
function fieldEdits(text: string, analysis: ContextAnalysis, field: BodyField, next: string | undefined): TextEdit[] {
  if (field.qualifier === undefined || next === undefined) return valueEdits(text, analysis, field, next);
  const suffix = ` (${field.qualifier})`;
  if (next.endsWith(suffix) && next.length > suffix.length) return valueEdits(text, analysis, field, next.slice(0, -suffix.length));
  const label = text.slice(analysis.lines[field.entry.line].start, field.entry.valueStart);
  const at = label.lastIndexOf(field.qualifier);
  if (at === -1) return valueEdits(text, analysis, field, next);
  // The qualifier and what opens and closes it: `(as of May 2026)`, `, as of May 2026`, ` as of May 2026`.
  let from = at;
  let to = at + field.qualifier.length;
  if (label[to] === ')' && label.lastIndexOf('(', from) !== -1) {
    from = label.lastIndexOf('(', from);
    to++;
  } else {
    while (from > 0 && /[\s,–—/-]/.test(label[from - 1])) from--;
    if (label.slice(from - 5, from).toLowerCase() === 'as of') from -= 5;
  }
  while (from > 0 && label[from - 1] === ' ') from--;
  const lineStart = analysis.lines[field.entry.line].start;
  return [{ start: lineStart + from, end: lineStart + to, newText: '' }, ...valueEdits(text, analysis, field, next)];
}

function valueEdits(text: string, analysis: ContextAnalysis, field: BodyField, next: string | undefined): TextEdit[] {
  const eol = analysis.ctx.eol;
  const { inline } = field;
  const padded = (start: number, end: number, value: string): TextEdit => {
    const before = start > 0 && !isBlank(text[start - 1]) && text[start - 1] !== '|' && text[start - 1] !== '>' ? ' ' : '';
    // A value that starts its own line: what would read as a list item or a heading there is escaped.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() === '' && field.layout !== 'table' && field.layout !== 'html') value = value.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([-+#=])/, '\\$1');
    // A space before what follows only where it would join the value's last word (`<br>`, `;`, `</p>` need none).
    const after = end < text.length && /[\p{L}\p{N}]/u.test(text[end]) ? ' ' : '';
    return { start, end, newText: before + value + after };
  };
  if (field.layout === 'html') {
    return [padded(inline.start, inline.end, htmlText(next))];
  }
  if (field.layout === 'table') {
    const edit = padded(inline.start, inline.end, cellText(next));
    if (text[inline.start - 1] === '|') edit.newText = ' ' + edit.newText;
    return [edit];
  }
  if (field.layout === 'heading' && inline.start === inline.end && field.inlineText === '') {
    // `### Mission` with nothing under it: the value goes in a paragraph below the heading.
    if (next === undefined) return [];
    return [{ start: inline.start, end: inline.end, newText: eol + eol + markdownSource(next).split('\n').join(eol) }];
  }
  if (field.items.length === 0) {
    return [padded(inline.start, inline.end, formatBodyValue(next, eol, field.continuationIndent))];
  }

  // A value written as a list: each line of the new value is one item, edited in place.
  const lines = next === undefined ? [] : next.split('\n');
  const edits: TextEdit[] = [];
  if (field.inlineText.trim() !== '') {
    edits.push(padded(inline.start, inline.end, lines.length > 0 ? markdownSource(lines.shift()!) : 'TBD'));
  } else if (lines.length === 0) {
    edits.push(padded(inline.start, inline.end, 'TBD'));
  }
  const items = field.items;
  const shared = Math.min(items.length, lines.length);
  for (let i = 0; i < shared; i++) {
    if (items[i].text !== lines[i]) edits.push({ start: items[i].start, end: items[i].end, newText: markdownSource(lines[i]) });
  }
  if (lines.length > items.length) {
    const last = items[items.length - 1];
    const at = analysis.lines[last.lastLine].end;
    let prefix = last.prefix;
    const extra = lines.slice(items.length).map((l) => {
      prefix = nextMarker(prefix);
      return eol + prefix + markdownSource(l);
    });
    edits.push({ start: at, end: at, newText: extra.join('') });
  }
  for (const item of items.slice(lines.length)) {
    if (item.holdsField) continue; // a known label stands inside it: never deleted
    edits.push({ start: item.linesStart, end: item.linesEnd, newText: '' });
  }
  return edits;
}

/** The marker of the item after one (`  - ` stays, `3. ` becomes `4. `). */
function nextMarker(prefix: string): string {
  const m = /^(\s*)(\d{1,9})([.)]\s+)$/.exec(prefix);
  return m ? `${m[1]}${Number(m[2]) + 1}${m[3]}` : prefix;
}

function frontMatterEdit(text: string, entry: ContextEntry, next: string | undefined): TextEdit {
  // A count written where a plain number stood stays a plain number (`active_members: 750`).
  const wasNumber = COUNT_LABELS.includes(entry.label) && /^[0-9]+$/.test(text.slice(entry.valueStart, entry.valueEnd));
  const newText = wasNumber && next !== undefined && /^[1-9][0-9]{0,14}$/.test(next) ? next : yamlScalar(next);
  return { start: entry.valueStart, end: entry.valueEnd, newText };
}

const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9 ,.'()/&+_-]*$/;
// Words some YAML readers take for booleans or null, even where js-yaml's core schema would not.
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * A value as a YAML scalar that reads back as exactly that string: plain when it is plainly
 * text, otherwise double-quoted. A JSON string is a valid YAML double-quoted scalar; characters
 * YAML does not allow unescaped (C1 controls, DEL, line and paragraph separators) are escaped.
 */
export function yamlScalar(value: string | undefined): string {
  if (value === undefined) return '""';
  if (PLAIN_SAFE.test(value) && !YAML_WORDS.test(value) && !value.endsWith(' ')) return value;
  // `1,020` is a plain string in YAML.
  if (/^[1-9][0-9]{0,2}(?:,[0-9]{3}){1,4}$/.test(value)) return value;
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The label written in the style of a neighbour's label (`**Team:**`, `**Team**:`, `Team:`). */
function styledLabel(label: ContextLabel, neighbour: string): string {
  const t = neighbour.replace(/^[^*_\p{L}\p{N}]+/u, '');
  for (const mark of ['**', '__']) {
    if (!t.startsWith(mark)) continue;
    const close = t.indexOf(mark, mark.length);
    const inner = close === -1 ? '' : t.slice(mark.length, close).trimEnd();
    return inner.endsWith(':') ? `${mark}${label}:${mark}` : `${mark}${label}${mark}:`;
  }
  return `${label}:`;
}

/** A new line for a label, in the layout and style of the field it goes after. */
function siblingText(text: string, analysis: ContextAnalysis, after: BodyField, label: ContextLabel, value: string | undefined): string {
  const eol = analysis.ctx.eol;
  switch (after.layout) {
    case 'table': {
      const row = text.slice(analysis.lines[after.entry.line].start, analysis.lines[after.entry.line].end);
      const open = row.trimStart().startsWith('|');
      const close = row.trimEnd().endsWith('|');
      const indent = row.slice(0, row.length - row.trimStart().length);
      return `${eol}${indent}${open ? '| ' : ''}${label} | ${cellText(value)}${close ? ' |' : ''}`;
    }
    case 'heading': {
      const hashes = /^#{1,6}/.exec(after.labelText)?.[0] ?? '###';
      return `${eol}${eol}${hashes} ${label}${eol}${eol}${formatBodyValue(value, eol, '')}`;
    }
    case 'paragraph': {
      const lead = after.lead;
      const line = `${lead}${styledLabel(label, after.labelText)} ${formatBodyValue(value, eol, after.continuationIndent)}`;
      return (after.sharedParagraph ? eol : eol + eol) + line;
    }
    default: {
      const lead = nextMarker(after.lead);
      const indent = ' '.repeat(lead.length);
      return `${eol}${lead}${styledLabel(label, after.labelText)} ${formatBodyValue(value, eol, indent)}`;
    }
  }
}

/** New lines for labels the body lacks: beside their section's last field, or under its heading, or in a new section at the end. */
function insertions(text: string, analysis: ContextAnalysis, toInsert: ReadonlyMap<ContextLabel, string | undefined>): PendingEdit[] {
  if (toInsert.size === 0) return [];
  const eol = analysis.ctx.eol;
  const edits: PendingEdit[] = [];
  const appended: string[] = [];
  const appendedLabels: ContextLabel[] = [];

  for (const section of CONTEXT_SECTIONS) {
    const labels = section.labels.filter((l) => toInsert.has(l));
    if (labels.length === 0) continue;
    const last = lastFieldOf(analysis, section.title);
    if (last) {
      let newText = '';
      for (const l of labels) newText += siblingText(text, analysis, last, l, toInsert.get(l));
      edits.push({ start: last.endOffset, end: last.endOffset, newText, labels });
      continue;
    }
    const heading = analysis.headings.find((h) => h.section === section.title);
    if (heading) {
      let newText = labels.map((l) => eol + renderEntryLine(l, toInsert.get(l), eol)).join('');
      const following = analysis.lines[heading.line + 1];
      // Text right under the heading would otherwise read as the new value's continuation.
      if (following && text.slice(following.start, following.end).trim() !== '') newText += eol;
      edits.push({ start: heading.end, end: heading.end, newText, labels });
      continue;
    }
    appended.push(`## ${section.title}${eol}${labels.map((l) => renderEntryLine(l, toInsert.get(l), eol)).join(eol)}${eol}`);
    appendedLabels.push(...labels);
  }

  if (appended.length > 0) {
    const fence = analysis.fence;
    if (fence && fence.closeLine !== undefined) {
      // A file wrapped in a fence: the new sections go inside it, before the closing fence.
      const at = analysis.lines[fence.closeLine].start;
      const before = analysis.lines[fence.closeLine - 1];
      const gap = before && text.slice(before.start, before.end).trim() !== '' ? eol : '';
      edits.push({ start: at, end: at, newText: gap + appended.join(eol), labels: appendedLabels });
    } else {
      edits.push({ start: text.length, end: text.length, newText: appendPrefix(text, analysis) + appended.join(eol), labels: appendedLabels });
    }
  }
  return edits;
}

/** The field that ends last among those standing in a section. */
function lastFieldOf(analysis: ContextAnalysis, section: ContextSectionTitle): BodyField | undefined {
  let last: BodyField | undefined;
  for (const f of analysis.fields) {
    if (f.section !== section || f.nested) continue;
    if (!last || f.endOffset > last.endOffset) last = f;
  }
  return last;
}

/** What goes before sections appended at the end: a closed code block, then a blank line. */
function appendPrefix(text: string, analysis: ContextAnalysis): string {
  const eol = analysis.ctx.eol;
  const lines = analysis.lines;
  if (text.replace(/^\ufeff/, '') === '') return '';
  const last = lines[lines.length - 1];
  const lastText = text.slice(last.start, last.end);
  if (analysis.openFence !== undefined) {
    return (lastText === '' ? '' : eol) + analysis.openFence + eol + eol;
  }
  let prefix = '';
  if (lastText !== '') {
    prefix += eol;
    if (lastText.trim() !== '') prefix += eol;
    return prefix;
  }
  const previous = lines.length >= 2 ? lines[lines.length - 2] : undefined;
  if (previous && text.slice(previous.start, previous.end).trim() !== '') prefix += eol;
  return prefix;
}

/** Sorts the edits and joins an insertion to an edit it touches, so that no two edits share an offset. */
function arrange(pending: PendingEdit[]): { edits: TextEdit[]; conflicts: ContextLabel[] } {
  const sorted = pending.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out: PendingEdit[] = [];
  const conflicts: ContextLabel[] = [];
  for (const { e } of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      conflicts.push(...e.labels);
      continue;
    }
    if (last && e.start === last.end && (e.start === e.end || last.start === last.end)) {
      out[out.length - 1] = { start: last.start, end: e.end, newText: last.newText + e.newText, labels: [...last.labels, ...e.labels] };
      continue;
    }
    out.push(e);
  }
  return { edits: out.map(({ start, end, newText }) => ({ start, end, newText })), conflicts };
}
