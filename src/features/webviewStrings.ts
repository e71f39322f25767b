import * as vscode from 'vscode';

/**
 * The strings of a webview page come from the same bundle as every other string of the
 * extension (l10n/bundle.l10n*.json): the page has no translations of its own.
 *
 * A page declares its table here, as a function made of `vscode.l10n.t` calls with literal
 * messages (so `npm run l10n:export` finds each one), for example
 *
 *     export const plannerStrings = () => ({
 *       empty: vscode.l10n.t('No partnerships yet'),
 *       overdue: vscode.l10n.t('{0} check-ins overdue'),
 *     }) satisfies StringTable;
 *
 * The host calls it when it builds the page's initial state and sends the result as `strings`
 * (its schema in src/webview/protocol.ts: `strings: z.record(z.string(), z.string())`). The page
 * types what it gets as `PageStrings<typeof plannerStrings>` (a type-only import, nothing of
 * this file reaches the page's bundle), reads `strings.empty`, and fills placeholders with
 * `format(strings.overdue, [n])` from src/core/l10n.ts, never by concatenation. See
 * CONTRIBUTING.md, "Translations".
 */
export type StringTable = Readonly<Record<string, string>>;

/** What a page receives as `strings`: the keys of its table, each a translated message. */
export type PageStrings<T extends () => StringTable> = ReturnType<T>;

/** The page's table in the display language, for its initial state. */
export function pageStrings<T extends StringTable>(table: () => T): T {
  return table();
}

/** The display language, for the page's `<html lang>` (screen readers pick their voice by it). */
export function pageLanguage(): string {
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(vscode.env.language) ? vscode.env.language : 'en';
}
