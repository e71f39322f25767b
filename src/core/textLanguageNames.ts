// The languages a text for the partner may be written in, and their names: what the webview
// protocol and the stored choice need, without the German terms of ./textLanguage.ts.
export type TextLanguage = 'en' | 'de';
export const TEXT_LANGUAGES: readonly TextLanguage[] = ['en', 'de'];

/** Each language named in its own language, as the "Language of the text" picker offers it. */
export const TEXT_LANGUAGE_NAMES: Readonly<Record<TextLanguage, string>> = { en: 'English', de: 'Deutsch' };

/** A value that may be a text language (from a message, a setting, stored state), or undefined. */
export function textLanguage(value: unknown): TextLanguage | undefined {
  return TEXT_LANGUAGES.find((l) => l === value);
}
