import { readBlockYaml } from './blockYaml';
import { l10n } from './l10n';
import { yamlLoader } from './yamlLoaderChunk';
import { MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_NODES } from './yamlScalars';

/**
 * The one place that reads YAML front matter (context file and partnership records).
 *
 * Only YAML is ever parsed. The language named after the opening `---` is checked first: any
 * other (`---js`, `---javascript`, `---JS`, `---coffee`, `---toml`, ...) is refused and never
 * run. No front matter library picks a parser here (gray-matter's `javascript` engine calls
 * `eval`, and it has to be kept from `---JS` and its other spellings): the block is found here
 * and read either by the plain block-style reader (blockYaml.ts, which gives up on anything
 * unusual) or by js-yaml with its CORE_SCHEMA (no `<<` merge keys, no timestamps, no custom
 * tags) and duplicate keys rejected. Both give the same data, with the same limits. js-yaml's
 * loader and gray-matter (src/core/yamlLoader.ts) are loaded on the first front matter the block
 * reader gives up on (src/core/yamlLoaderChunk.ts).
 */

export { MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_NODES };

export type FrontMatter =
  | { readonly kind: 'none'; readonly body: string; readonly bodyOffset: number }
  | {
      readonly kind: 'yaml';
      readonly data: Record<string, unknown>;
      /** The YAML text between the delimiters. */
      readonly raw: string;
      /** Offset in the original text where the YAML text starts. */
      readonly rawOffset: number;
      readonly body: string;
      /** Offset in the original text (BOM included) where the body starts. */
      readonly bodyOffset: number;
    }
  | {
      readonly kind: 'error';
      readonly message: string;
      /** 0-based line in the original text. */
      readonly line: number;
      readonly body: string;
      readonly bodyOffset: number;
    };

const BOM = '\ufeff';

/**
 * Reads the front matter of a document; never throws, never evaluates anything. With
 * `blockReader: false` the YAML always goes to js-yaml (tests compare the faster readers with it).
 */
export function readFrontMatter(text: string, options: { blockReader?: boolean } = {}): FrontMatter {
  const bomLength = text.startsWith(BOM) ? 1 : 0;
  // A lone CR (old Mac line ends) is a line end: read as LF, one character for one, so every
  // offset into the text stays right.
  const src = text.slice(bomLength).replace(/\r(?!\n)/g, '\n');
  if (!src.startsWith('---') || src[3] === '-') return { kind: 'none', body: src, bodyOffset: bomLength };

  const firstLineEnd = src.search(/\r?\n|$/);
  const language = src.slice(3, firstLineEnd).trim();
  if (language !== '' && !/^(?:yaml|yml)$/i.test(language)) {
    // A word names a language (`---js`, `---toml`); anything else is text on the opening line.
    const named = /^[a-z][\w+#.-]{0,30}$/i.test(language);
    return {
      kind: 'error',
      message: named
        ? l10n.t('Front matter marked "{0}" was not read: only YAML front matter is supported, and no other language is ever run.', truncate(language, 40))
        : l10n.t('The front matter was not read: its first line holds "{0}" after the ---, which must stand alone on its line (the YAML starts on the next line).', truncate(language, 40)),
      line: 0,
      body: src,
      bodyOffset: bomLength,
    };
  }
  // A front matter that is never closed is not front matter.
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(src.slice(firstLineEnd));
  if (!close) return { kind: 'none', body: src, bodyOffset: bomLength };

  const rawStart = firstLineEnd + (src[firstLineEnd] === '\r' ? 2 : 1);
  const rawEnd = firstLineEnd + close.index + (close[0].startsWith('\r') ? 2 : 1);
  const raw = rawStart <= rawEnd ? src.slice(rawStart, rawEnd) : '';
  const bodyStart = firstLineEnd + close.index + close[0].length;
  const body = src.slice(bodyStart);
  const bodyOffset = bomLength + bodyStart;

  const simple = options.blockReader === false ? undefined : readBlockYaml(raw, MAX_FRONT_MATTER_NODES, MAX_FRONT_MATTER_DEPTH);
  if (simple) return { kind: 'yaml', data: simple, raw, rawOffset: bomLength + rawStart, body, bodyOffset };

  let parsed: unknown;
  try {
    parsed = yamlLoader().loadComplexYaml(src.slice(0, bodyStart), raw);
  } catch (err) {
    // Line numbers come from the same YAML read on its own, so they are relative to `raw`, which
    // starts on the line after the opening `---`.
    let located = err;
    try {
      yamlLoader().loadYaml(raw);
    } catch (again) {
      located = again;
    }
    const { message, line } = describeYamlError(located);
    return { kind: 'error', message, line: 1 + line, body, bodyOffset };
  }
  const data = sanitize(parsed);
  if (data.kind === 'error') {
    return { kind: 'error', message: data.message, line: 0, body, bodyOffset };
  }
  return { kind: 'yaml', data: data.value, raw, rawOffset: bomLength + rawStart, body, bodyOffset };
}

function describeYamlError(err: unknown): { message: string; line: number } {
  if (err instanceof RangeError) {
    return { message: l10n.t('The front matter is nested too deeply to read.'), line: 0 };
  }
  const e = err as { reason?: string; mark?: { line?: number }; message?: string };
  if (e && typeof e.reason === 'string') {
    return { message: l10n.t('The front matter is not valid YAML: {0}.', e.reason), line: e.mark?.line ?? 0 };
  }
  return { message: e?.message ? String(e.message) : l10n.t('The front matter could not be read.'), line: 0 };
}

type Sanitized = { kind: 'ok'; value: Record<string, unknown> } | { kind: 'error'; message: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Copies the parsed YAML into plain data: drops keys that could reach a prototype, and refuses
 * data nested too deep or with too many nodes (YAML aliases can make a small file expand into
 * a huge tree when walked).
 */
function sanitize(data: unknown): Sanitized {
  if (data === null || data === undefined) return { kind: 'ok', value: {} };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { kind: 'error', message: l10n.t('The front matter must be a set of "key: value" lines.') };
  }
  let nodes = 0;
  const copy = (value: unknown, depth: number): unknown => {
    if (++nodes > MAX_FRONT_MATTER_NODES) throw new FrontMatterLimit(l10n.t('The front matter is too large to read (too many values, or aliases that expand).'));
    if (depth > MAX_FRONT_MATTER_DEPTH) throw new FrontMatterLimit(l10n.t('The front matter is nested too deeply to read.'));
    if (Array.isArray(value)) return value.map((v) => copy(v, depth + 1));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) continue;
        out[key] = copy((value as Record<string, unknown>)[key], depth + 1);
      }
      return out;
    }
    return value;
  };
  try {
    return { kind: 'ok', value: copy(data, 0) as Record<string, unknown> };
  } catch (err) {
    if (err instanceof FrontMatterLimit) return { kind: 'error', message: err.message };
    if (err instanceof RangeError) return { kind: 'error', message: l10n.t('The front matter is nested too deeply to read.') };
    throw err;
  }
}

class FrontMatterLimit extends Error {}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}
