import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { PitchApi } from '../pitch/impl';
import type { AgreementApi } from '../agreement/impl';
import type { MarkdownDocsApi } from './impl';

/**
 * Outreach pitch, agreement checklist and the Markdown side of partnership documents
 * (completions prefilled from the context, diagnostics with Quick Fixes). Only the
 * registrations live here; each part is loaded on first use.
 */
export function registerPartnerships(context: vscode.ExtensionContext, deps: Deps): void {
  const pitch = lazyFeature<PitchApi>('pitch', context, deps);
  const agreement = lazyFeature<AgreementApi>('agreement', context, deps);
  const docs = lazyFeature<MarkdownDocsApi>('markdownDocs', context, deps);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.commands.registerCommand('communityPartnerships.draftPitch', () => pitch().draft()),
    vscode.commands.registerCommand('communityPartnerships.openAgreement', () => agreement().open()),
    vscode.commands.registerCommand('communityPartnerships.generateAgreement', (target?: unknown) => agreement().generate(target)),
    vscode.commands.registerCommand('communityPartnerships.insertAgreement', () => agreement().insert()),
    // After a reload the pitch and the checklist come back as they were (activation event onWebviewPanel).
    vscode.window.registerWebviewPanelSerializer('communityPartnerships.pitch', {
      deserializeWebviewPanel: async (panel) => void pitch().restore(panel),
    }),
    vscode.window.registerWebviewPanelSerializer('communityPartnerships.agreement', {
      deserializeWebviewPanel: async (panel) => void agreement().restore(panel),
    }),
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
