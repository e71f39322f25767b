/*
 * The text a VS Code snippet inserts, for showing it before it is inserted (the completion's
 * details): tab stops read as their placeholder (`${2:[partner community]}` shows
 * `[partner community]`), a choice as its first option, variables as the values given for them
 * (the date), and escapes undone. Malformed syntax is kept as text, as VS Code does.
 */

/** The date variables a snippet may use, for a given day. */
export function dateVariables(now: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_DATE: pad(now.getDate()),
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^\d+/;

/** The inserted text of a snippet; unknown variables read as their name. */
export function snippetText(body: string, variables: Readonly<Record<string, string>> = {}): string {
  let i = 0;
  // Reads text up to an unescaped `}` (inside a placeholder) or the end; `stop` adds the
  // characters that end a choice option.
  const text = (inside: boolean, stop = ''): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && `$}\\${stop}`.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if ((inside && c === '}') || stop.includes(c)) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  const dollar = (): string => {
    const start = i;
    const rest = body.slice(i + 1);
    const bare = NUMBER.exec(rest) ?? NAME.exec(rest);
    if (bare) {
      i += 1 + bare[0].length;
      return NUMBER.test(bare[0]) ? '' : (variables[bare[0]] ?? bare[0]);
    }
    if (body[i + 1] !== '{') {
      i++;
      return '$';
    }
    const inner = body.slice(i + 2);
    const id = NUMBER.exec(inner) ?? NAME.exec(inner);
    if (!id) {
      i++;
      return '$';
    }
    i += 2 + id[0].length;
    const isStop = NUMBER.test(id[0]);
    const value = isStop ? undefined : variables[id[0]];
    if (body[i] === '}') {
      i++;
      return isStop ? '' : (value ?? id[0]);
    }
    if (body[i] === ':') {
      i++;
      const placeholder = text(true);
      if (body[i] !== '}') return body.slice(start, i);
      i++;
      return value ?? placeholder;
    }
    if (isStop && body[i] === '|') {
      i++;
      const options: string[] = [];
      for (;;) {
        options.push(text(true, ',|'));
        if (body[i] === ',') i++;
        else break;
      }
      if (body[i] !== '|' || body[i + 1] !== '}') return body.slice(start, i);
      i += 2;
      return options[0] ?? '';
    }
    // Something else after the name (a transform): shown as written.
    return body.slice(start, i);
  };
  return text(false);
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A snippet's text as Markdown to render in a completion's details: the front matter left out
 * (it would render as a rule), headings two levels down, images made text (nothing is fetched for a preview), and a long
 * text cut at a line with "…".
 */
export function snippetPreview(body: string, variables: Readonly<Record<string, string>> = {}, maxChars = 1600): string {
  let text = snippetText(body, variables).replace(FRONT_MATTER, '').replace(/^\s*\n/, '');
  // Headings two levels down: the details pane is narrow, a title there need not be a page's.
  text = text.replace(/^(#{1,4}) /gm, '##$1 ');
  text = text.replace(/!\[/g, '!\\[').replace(/</g, '&lt;').trimEnd();
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n', maxChars);
  return `${text.slice(0, cut > 0 ? cut : maxChars).trimEnd()}\n\n…`;
}

export interface Snippet {
  prefix: string;
  description: string;
  body: string;
}

/**
 * The entries of the extension's own snippet file (`{ name: { prefix, description?, body } }`,
 * body a string or lines), or undefined when it is not of that shape. A check of two lines' worth
 * of types, where a schema library would be the largest part of this feature's code.
 */
export function snippetEntries(data: unknown): Snippet[] | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const out: Snippet[] = [];
  for (const entry of Object.values(data as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const { prefix, description, body } = entry as Record<string, unknown>;
    if (typeof prefix !== 'string' || (description !== undefined && typeof description !== 'string')) return undefined;
    const lines = typeof body === 'string' ? [body] : Array.isArray(body) && body.every((b) => typeof b === 'string') ? (body as string[]) : undefined;
    if (!lines) return undefined;
    out.push({ prefix, description: description ?? '', body: lines.join('\n') });
  }
  return out;
}
