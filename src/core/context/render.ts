import { CONTEXT_SECTIONS, type ContextLabel } from './labels';
import { markdownSource } from './markdown';
import { normalizeContextValue } from './text';

/**
 * Writes a value the way the parser reads it back: `TBD` when empty, and further lines as
 * continuation lines indented under the value, so that they can never be mistaken for a
 * heading, a new bullet or another label.
 */
export function formatBodyValue(value: string | undefined, eol: '\n' | '\r\n', continuationIndent = '  '): string {
  const normal = normalizeContextValue(value);
  if (normal === undefined) return 'TBD';
  return markdownSource(normal).split('\n').join(eol + continuationIndent);
}

/** One `- **Label:** value` line (with its continuation lines), in the skill family's form. */
export function renderEntryLine(label: ContextLabel, value: string | undefined, eol: '\n' | '\r\n', indent = ''): string {
  return `${indent}- **${label}:** ${formatBodyValue(value, eol, indent + '  ')}`;
}

/**
 * A whole context file in exactly the structure of the family's template: its seven `## `
 * sections of `- **Label:** value` lines, no title and no front matter; `TBD` for unknowns.
 */
export function renderContext(values: Partial<Record<ContextLabel, string | undefined>>, eol: '\n' | '\r\n' = '\n'): string {
  const lines: string[] = [];
  CONTEXT_SECTIONS.forEach((section, i) => {
    if (i > 0) lines.push('');
    lines.push(`## ${section.title}`);
    for (const label of section.labels) lines.push(renderEntryLine(label, values[label], eol));
  });
  return lines.join(eol) + eol;
}
