import * as vscode from 'vscode';
import { pageLanguage } from './webviewStrings';

/** The folders a webview may load from: the built webview scripts, codicons and media. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: webviewRoots(extensionUri) };
}

/**
 * The page of a webview: a strict Content-Security-Policy (nothing but our own script, tagged
 * with a fresh nonce, and our own styles and fonts), no inline handlers, an empty root that the
 * script fills with text nodes only. `initial`: the messages the page would otherwise wait for
 * its `ready` round trip to get, as JSON data in the page (see initialMessages in
 * src/webview/lib/rpc.ts): the page renders them before it has asked for anything.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, title: string, initial: readonly unknown[] = []): string {
  const nonce = makeNonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('dist', 'webview', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'webview.css')}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="app"></div>
${bundleData()}${jsonData('initial-messages', initial.length ? initial : undefined)}<script nonce="${nonce}" src="${asset('dist', 'webview', script + '.js')}"></script>
</body>
</html>`;
}

/**
 * The extension's loaded translations (`vscode.l10n.bundle`, absent in English), as JSON data
 * for src/webview/lib/l10n.ts. Every `<` is written as `\u003c`, so no text in it can close
 * the element.
 */
function bundleData(): string {
  const bundle = vscode.l10n.bundle;
  return jsonData('l10n-bundle', bundle && Object.keys(bundle).length > 0 ? bundle : undefined);
}

/** A JSON data element; every `<` written as `\u003c`, so no text in it can close the element. */
function jsonData(id: string, value: unknown): string {
  if (value === undefined) return '';
  return `<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>\n`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
