import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel, labelKey } from './labels';
import { type BodyEntryLine, type ContextAnalysis, type ContextEntry, analyseContext, continuesValue, indentWidth, normalizeContextValue } from './parse';
import { formatBodyValue, renderEntryLine } from './render';
import { applyTextEdits, type TextEdit } from '../textEdits';

/**
 * Writes changed values back into a context file and nothing else: the community skill family
 * promises users that every other byte (prose, unknown sections, drifted label forms, CRLF,
 * BOM, front matter) stays as it was, so the extension keeps the same promise.
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

export function updateContext(text: string, changes: Partial<Record<ContextLabel, string | undefined>>): ContextUpdate {
  const analysis = analyseContext(text);
  const { ctx } = analysis;
  const pending: PendingEdit[] = [];
  const skipped: { label: ContextLabel; reason: string }[] = [];
  const toInsert = new Map<ContextLabel, string | undefined>();

  for (const label of CONTEXT_LABELS) {
    if (!Object.prototype.hasOwnProperty.call(changes, label)) continue;
    const next = normalizeContextValue(changes[label]);
    if (next === ctx.values[label]) continue;

    const winner = ctx.entries.get(label);
    const body = ctx.bodyEntries.get(label);
    if (winner?.source === 'frontMatter' && winner.value !== undefined) {
      if (analysis.frontMatterSimple.has(label)) {
        pending.push({ ...frontMatterEdit(winner, next), labels: [label] });
        // An emptied front matter value no longer hides the body's, so that one is emptied too.
        if (next === undefined && body?.value !== undefined) pending.push({ ...bodyEdit(text, analysis, body, next), labels: [label] });
      } else {
        skipped.push({
          label,
          reason: `"${label}" is not a one-line "key: value" in the front matter (line ${winner.line + 1}), so it was left as it is; change it there.`,
        });
      }
      continue;
    }
    // A front matter key left empty gives no value, so the body is where the value goes (and
    // where the community skills, which read only the body, will see it).
    if (body) pending.push({ ...bodyEdit(text, analysis, body, next), labels: [label] });
    else toInsert.set(label, next);
  }

  pending.push(...insertions(text, analysis, toInsert));
  const { edits, conflicts } = arrange(pending);
  for (const label of conflicts) skipped.push({ label, reason: `"${label}" could not be written without touching another change.` });
  return { edits, text: applyTextEdits(text, edits), skipped };
}

function bodyEdit(text: string, analysis: ContextAnalysis, entry: ContextEntry, next: string | undefined): TextEdit {
  const at = analysis.bodyLines.find((b) => b.entry === entry);
  const indent = at?.indent ?? '';
  // `- **Mission:**` with nothing after it: keep a space between the label and the new value.
  const before = entry.valueStart > 0 ? text[entry.valueStart - 1] : ' ';
  const space = before === ' ' || before === '\t' ? '' : ' ';
  return { start: entry.valueStart, end: entry.valueEnd, newText: space + formatBodyValue(next, analysis.ctx.eol, indent) };
}

function frontMatterEdit(entry: ContextEntry, next: string | undefined): TextEdit {
  return { start: entry.valueStart, end: entry.valueEnd, newText: yamlScalar(next) };
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
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function lineText(text: string, analysis: ContextAnalysis, index: number): string {
  const line = analysis.lines[index];
  return text.slice(Math.max(line.start, analysis.bodyOffset), line.end);
}

/** New lines for labels the body lacks: into their section if it exists, else new sections at the end. */
function insertions(text: string, analysis: ContextAnalysis, toInsert: ReadonlyMap<ContextLabel, string | undefined>): PendingEdit[] {
  if (toInsert.size === 0) return [];
  const eol = analysis.ctx.eol;
  const edits: PendingEdit[] = [];
  const appended: string[] = [];
  const appendedLabels: ContextLabel[] = [];

  for (const section of CONTEXT_SECTIONS) {
    const labels = section.labels.filter((l) => toInsert.has(l));
    if (labels.length === 0) continue;
    const heading = analysis.headings.find((h) => h.level === 2 && labelKey(h.title) === labelKey(section.title));
    if (!heading) {
      appended.push(`## ${section.title}${eol}${labels.map((l) => renderEntryLine(l, toInsert.get(l), eol)).join(eol)}${eol}`);
      appendedLabels.push(...labels);
      continue;
    }
    const end = analysis.headings.find((h) => h.line > heading.line && h.level <= 2)?.line ?? Infinity;
    let last: BodyEntryLine | undefined;
    for (const b of analysis.bodyLines) if (b.entry.line > heading.line && b.entry.line < end) last = b;
    // The neighbour's indentation decides which lines continue a value, so the new line shares it.
    const indent = last?.indent ?? '';
    const position = last ? last.entry.valueEnd : analysis.lines[heading.line].end;
    const followingLine = (last ? last.lastLine : heading.line) + 1;
    let newText = labels.map((l) => eol + renderEntryLine(l, toInsert.get(l), eol, indent)).join('');
    // Text right under a heading would otherwise read as the new value's continuation.
    if (followingLine < analysis.lines.length && continuesValue(lineText(text, analysis, followingLine), indentWidth(indent))) newText += eol;
    edits.push({ start: position, end: position, newText, labels });
  }

  if (appended.length > 0) {
    edits.push({ start: text.length, end: text.length, newText: appendPrefix(text, analysis) + appended.join(eol), labels: appendedLabels });
  }
  return edits;
}

/** What goes before sections appended at the end: a closed code block, then a blank line. */
function appendPrefix(text: string, analysis: ContextAnalysis): string {
  const eol = analysis.ctx.eol;
  const lines = analysis.lines;
  if (text.replace(/^\ufeff/, '') === '') return '';
  const last = lines[lines.length - 1];
  const lastText = text.slice(last.start, last.end);
  let prefix = '';
  if (analysis.openFence !== undefined) {
    return (lastText === '' ? '' : eol) + analysis.openFence + eol + eol;
  }
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

