import * as vscode from 'vscode';

/**
 * The display language, for a webview page's `<html lang>` (screen readers pick their voice by
 * it). The page's text comes from the extension's own bundle: see src/webview/lib/l10n.ts.
 */
export function pageLanguage(): string {
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(vscode.env.language) ? vscode.env.language : 'en';
}
