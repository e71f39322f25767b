import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel } from './labels';
import { plainText } from './markdown';
import { analyseContext, readValue } from './parse';
import { renderContext } from './render';
import { labelledLines } from './generic';

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

  {
    const groups = labelledLines(body);
    const shape = CONTEXT_SECTIONS.map((s) => s.labels.length);
    const counts = groups.map((g) => g.length).filter((n) => n > 0);
    const flat = groups.flat();
    if ((counts.length === shape.length && counts.every((n, i) => n === shape[i])) || flat.length === CONTEXT_LABELS.length) {
      CONTEXT_LABELS.forEach((label, i) => {
        const value = ctx.values[label] ?? readValue(label, plainText(flat[i])).value;
        values[label] = value;
        if (value !== undefined && !carried.includes(label)) carried.push(label);
      });
      keepBody = false;
    }
  }

  let out = (head === '' || head.endsWith('\n') || head.endsWith('\r') ? head : head + eol) + renderContext(values, eol);
  const kept = keepBody ? body.replace(/^\ufeff/, '').trim() : '';
  if (kept !== '') out += `${eol}## Notes kept from the earlier file${eol}${eol}${kept.split(/\r\n|\r|\n/).join(eol)}${eol}`;
  return { text: out, carried };
}

