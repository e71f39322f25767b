import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel } from './labels';
import { plainText } from './markdown';
import { analyseContext, readValue } from './parse';
import { renderContext } from './render';
import { splitLines } from './text';

/**
 * The Quick Fix for a file where no field is recognised (labels translated by an assistant,
 * prose): the same content in the family's structure. When the file follows the template's
 * shape with other words (seven sections of 8, 5, 5, 5, 7, 5 and 4 labelled lines, as a
 * translated template does), each value goes to the label in the same place; otherwise the
 * labels are left TBD. Whatever is not carried into a field is kept, word for word, in a
 * section after the template's, so nothing is lost. The caller shows the result as a diff and
 * writes it only when the user confirms.
 */
export function restructureContext(text: string): { text: string; carried: ContextLabel[] } {
  const analysis = analyseContext(text);
  const { ctx } = analysis;
  const eol = ctx.eol;
  const head = text.slice(0, analysis.bodyOffset);
  const body = text.slice(analysis.bodyOffset);

  const values: Partial<Record<ContextLabel, string | undefined>> = { ...ctx.values };
  const carried: ContextLabel[] = CONTEXT_LABELS.filter((l) => ctx.values[l] !== undefined);
  let keepBody = true;

  if (carried.length === 0) {
    const groups = labelledLines(body);
    const shape = CONTEXT_SECTIONS.map((s) => s.labels.length);
    const counts = groups.map((g) => g.length).filter((n) => n > 0);
    const flat = groups.flat();
    if ((counts.length === shape.length && counts.every((n, i) => n === shape[i])) || flat.length === CONTEXT_LABELS.length) {
      CONTEXT_LABELS.forEach((label, i) => {
        const value = readValue(label, plainText(flat[i])).value;
        values[label] = value;
        if (value !== undefined) carried.push(label);
      });
      keepBody = false;
    }
  }

  let out = (head === '' || head.endsWith('\n') || head.endsWith('\r') ? head : head + eol) + renderContext(values, eol);
  const kept = keepBody ? body.replace(/^\ufeff/, '').trim() : '';
  if (kept !== '') out += `${eol}## Notes kept from the earlier file${eol}${eol}${kept.split(/\r\n|\r|\n/).join(eol)}${eol}`;
  return { text: out, carried };
}

/** The raw values of `Label: value` lines, grouped by the heading above them (outside code blocks). */
function labelledLines(body: string): string[][] {
  const groups: string[][] = [[]];
  let fence = '';
  for (const line of splitLines(body).map((l) => body.slice(l.start, l.end))) {
    const t = line.trim();
    if (fence !== '') {
      if (t.startsWith(fence)) fence = '';
      continue;
    }
    if (t.startsWith('```') || t.startsWith('~~~')) {
      fence = t.slice(0, 3);
      continue;
    }
    if (t.startsWith('#')) {
      groups.push([]);
      continue;
    }
    const value = labelledValue(t.replace(/^(?:[-*+]|\d{1,3}[.)])[ \t]+/, ''));
    if (value !== undefined) groups[groups.length - 1].push(value);
  }
  return groups;
}

/** The raw value of a `**Label:** value`, `**Label**: value` or `Label: value` line, whatever the label's words. */
function labelledValue(line: string): string | undefined {
  for (const mark of ['**', '__']) {
    if (!line.startsWith(mark)) continue;
    const close = line.indexOf(mark, mark.length);
    if (close === -1 || close > 120) return undefined;
    const inner = line.slice(mark.length, close).trimEnd();
    let rest = line.slice(close + mark.length).trimStart();
    if (inner.endsWith(':') || inner.endsWith('?')) return rest;
    if (rest.startsWith(':')) return rest.slice(1).trimStart();
    rest = rest.replace(/^[-–—][ \t]*/, '');
    return rest;
  }
  const colon = line.indexOf(': ');
  if (colon > 0 && colon <= 60 && !line.slice(0, colon).includes('://')) return line.slice(colon + 2);
  if (line.endsWith(':') && line.length <= 61) return '';
  return undefined;
}
