import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { messageRouter, type Router } from './messages';
import { webviewHtml, webviewOptions } from './webviewHtml';
import type { Deps } from './deps';

export interface PanelSpec<T> {
  viewType: string;
  title: string;
  /** The page's script, dist/webview/<script>.js. */
  script: string;
  column: vscode.ViewColumn | { viewColumn: vscode.ViewColumn; preserveFocus?: boolean };
  /** Its name among the live webviews, and in the log. */
  name: string;
  logLabel: string;
  schema: z.ZodMiniType<T>;
  handle: (message: T) => unknown;
  onDispose: () => void;
}

/**
 * A webview panel as every panel of the extension is made: the locked-down page (CSP, nonce,
 * only our own assets), the extension's icon, messages through a router that checks them with
 * the protocol's schema, registered among the live webviews, everything disposed with it.
 */
export function openPanel<T>(extensionUri: vscode.Uri, deps: Deps, spec: PanelSpec<T>): { panel: vscode.WebviewPanel; router: Router; disposables: vscode.Disposable[] } {
  const disposables: vscode.Disposable[] = [];
  const panel = vscode.window.createWebviewPanel(spec.viewType, spec.title, spec.column, webviewOptions(extensionUri));
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, spec.script, spec.title);
  const stats = { handled: 0, dropped: 0, failed: 0 };
  const router = messageRouter(spec.schema, spec.logLabel, deps.log, spec.handle, stats);
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
