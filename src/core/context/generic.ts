import { splitLines } from './text';

/** `Label: value` lines whatever the label's words: how much of a file is labelled, and the values in order. */

/** The raw values of `Label: value` lines, grouped by the heading above them (outside code blocks). */
export function labelledLines(body: string): string[][] {
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
