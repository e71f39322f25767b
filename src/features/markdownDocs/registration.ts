import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { MarkdownDocsApi } from './impl';

/**
 * The Markdown side of partnership documents: completions prefilled from the context,
 * diagnostics with Quick Fixes. Only the registrations live here; the checker (./impl.ts) is
 * loaded on first use.
 */
export function registerMarkdownDocs(context: vscode.ExtensionContext, deps: Deps): void {
  const docs = lazyFeature<MarkdownDocsApi>('markdownDocs', context, deps);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(markdown, {
      provideCompletionItems: (doc, pos, token) => docs().provideCompletionItems(doc, pos, token),
    }),
  );

  // The checker is loaded with the first Markdown document; until then, only this listener.
  const started = () => {
    if (!vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown')) return false;
    listener.dispose();
    docs().startDiagnostics();
    return true;
  };
  const listener = vscode.workspace.onDidOpenTextDocument((d) => {
    if (d.languageId === 'markdown') started();
  });
  context.subscriptions.push(listener);
  started();
}
