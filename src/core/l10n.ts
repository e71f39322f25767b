/**
 * User-facing text produced by the pure domain (problems in the Problems panel, checks). The
 * domain never imports `vscode`: it calls `l10n.t` here, which formats the English text by
 * default (plain Node, the unit tests) and, once the extension has called `setTranslator`, goes
 * through `vscode.l10n.t` and the bundle in l10n/. `@vscode/l10n-dev export` finds these calls
 * like any `l10n.t` call, so every message is in l10n/bundle.l10n.json.
 *
 * Messages use `{0}`, `{1}`... placeholders, never concatenation, so a translation can put the
 * arguments where its language wants them.
 */
export type L10nArg = string | number | boolean;
export interface L10nMessage {
  message: string;
  args?: L10nArg[];
  /** A note for translators; part of the bundle key (`message/comment`), as in vscode.l10n. */
  comment: string | string[];
}
export type Translate = {
  (message: string, ...args: L10nArg[]): string;
  (options: L10nMessage): string;
};

/** `{0}`, `{1}`... replaced by the arguments; an index without an argument is left as it is. */
export function format(message: string, args: readonly L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

const english: Translate = ((first: string | L10nMessage, ...rest: L10nArg[]) =>
  typeof first === 'string' ? format(first, rest) : format(first.message, first.args ?? [])) as Translate;

let current: Translate = english;
let generation = 0;
let localeTag: string | undefined;
let locale: string | undefined = 'en';

export const l10n = {
  t: ((first: string | L10nMessage, ...rest: L10nArg[]) => (typeof first === 'string' ? current(first, ...rest) : current(first))) as Translate,
};

/** Called by the extension (each bundle that carries this module) with `vscode.l10n.t`. */
export function setTranslator(t: Translate | undefined): void {
  current = t ?? english;
  generation++;
}

/**
 * A translator over a loaded bundle (`vscode.l10n.bundle`: message, or `message/comment`, to its
 * translation, or `{ message }`), for code that runs where `vscode` does not: a webview page. A
 * message the bundle lacks stays English, as does one whose translation is empty or not text.
 */
export function bundleTranslator(bundle: Readonly<Record<string, unknown>>): Translate {
  const lookup = (key: string, fallback: string): string => {
    const found = Object.prototype.hasOwnProperty.call(bundle, key) ? bundle[key] : undefined;
    const text = typeof found === 'object' && found !== null ? (found as { message?: unknown }).message : found;
    return typeof text === 'string' && text !== '' ? text : fallback;
  };
  return ((first: string | L10nMessage, ...rest: L10nArg[]) => {
    if (typeof first === 'string') return format(lookup(first, first), rest);
    const comment = Array.isArray(first.comment) ? first.comment.join('') : first.comment;
    return format(lookup(`${first.message}/${comment}`, first.message), first.args ?? []);
  }) as Translate;
}

/**
 * The display language's locale (`vscode.env.language` in the extension, the page's `<html lang>`
 * in a webview), for numbers and dates shown to the user; `en` until set, and for anything that
 * is not a locale Intl knows.
 */
export function setDisplayLocale(tag: string | undefined): void {
  if (tag === localeTag) return;
  localeTag = tag;
  locale = undefined;
  generation++;
}

/**
 * Resolved on first use, not when set: the first call into Intl loads the locale data (about
 * 30 ms), which activation should not wait for.
 */
export function displayLocale(): string {
  if (locale === undefined) {
    locale = 'en';
    try {
      if (localeTag) locale = Intl.NumberFormat.supportedLocalesOf([localeTag])[0] ?? 'en';
    } catch {
      /* Not a locale tag: English. */
    }
  }
  return locale;
}

/** Changes with each setTranslator: a cache of messages is stale once it differs. */
export function translatorGeneration(): number {
  return generation;
}
