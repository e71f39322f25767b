import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import type { Router } from './messages';
import { ipcRouter, type Handlers } from './webviewIpc';
import { webviewHtml, webviewOptions } from './webviewHtml';
import type { Deps } from './deps';

export interface PanelSpec<M extends { type: string; requestId?: number }, R extends { [K in M['type']]: unknown }> {
  viewType: string;
  title: string;
  /** The page's script, dist/webview/<script>.js. */
  script: string;
  column: vscode.ViewColumn | { viewColumn: vscode.ViewColumn; preserveFocus?: boolean };
  /** Its name among the live webviews, and in the log. */
  name: string;
  logLabel: string;
  schema: z.ZodMiniType<M>;
  handlers: Handlers<M, R>;
  onDispose: () => void;
  /** The messages the page gets on `ready`, put in its HTML so that it renders without the round trip. */
  initial?: () => readonly unknown[];
  /** A panel VS Code brought back after a reload (registerWebviewPanelSerializer): adopted, not created. */
  existing?: vscode.WebviewPanel;
}

/**
 * A webview panel as every panel of the extension is made: the locked-down page (CSP, nonce,
 * only our own assets), the extension's icon, requests through a router that checks them with
 * the protocol's schema and answers each one, registered among the live webviews, everything
 * disposed with it.
 */
export function openPanel<M extends { type: string; requestId?: number }, R extends { [K in M['type']]: unknown }>(
  extensionUri: vscode.Uri,
  deps: Deps,
  spec: PanelSpec<M, R>,
): { panel: vscode.WebviewPanel; router: Router; disposables: vscode.Disposable[] } {
  const disposables: vscode.Disposable[] = [];
  const panel = spec.existing ?? vscode.window.createWebviewPanel(spec.viewType, spec.title, spec.column, webviewOptions(extensionUri));
  if (spec.existing) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.title = spec.title;
  }
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, spec.script, spec.title, spec.initial?.());
  const stats = { handled: 0, dropped: 0, failed: 0 };
  const router = ipcRouter<M, R>(spec.schema, spec.logLabel, deps.log, (m) => void panel.webview.postMessage(m), spec.handlers, stats);
  panel.webview.onDidReceiveMessage((m: unknown) => void router(m), undefined, disposables);
  disposables.push(deps.webviews.add(spec.name, router, stats));
  panel.onDidDispose(
    () => {
      spec.onDispose();
      disposables.forEach((d) => d.dispose());
    },
    undefined,
    disposables,
  );
  return { panel, router, disposables };
}
