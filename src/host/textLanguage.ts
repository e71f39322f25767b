import * as vscode from 'vscode';
import { TEXT_LANGUAGES, type TextLanguage } from '../core/textLanguageNames';

const KEY = 'communityPartnerships.textLanguage';

/**
 * The language the user writes pitches and agreements in (English or German), apart from the
 * display language: the last one picked in the pitch or the agreement panel, kept for every
 * workspace. Undefined until one is picked (the text is then English).
 */
export interface TextLanguageStore {
  get(): TextLanguage | undefined;
  set(language: TextLanguage): Thenable<void>;
}

export function textLanguageStore(context: vscode.ExtensionContext): TextLanguageStore {
  return {
    get: () => {
      const v = context.globalState.get<unknown>(KEY);
      return TEXT_LANGUAGES.find((l) => l === v);
    },
    set: (language) => context.globalState.update(KEY, language),
  };
}
