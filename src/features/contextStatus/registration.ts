import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { CONTEXT_SECTIONS } from '../../core/context/sections';
import type { Deps } from '../../host/deps';
import { linesRange, toDiagnostic } from '../../host/diagnostics';
import type { FolderContext } from '../../host/contextService';

/**
 * Problems in the context file go to the Problems panel, and a status bar item shows the
 * community's name and how complete its context is ("Acme Devs · 23/39 fields").
 */
const MAX_DIAGNOSTICS = 200;

export function registerContextStatus(context: vscode.ExtensionContext, { contexts }: Deps): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('community-context');
  const item = vscode.window.createStatusBarItem('communityPartnerships.context', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Community Context');
  context.subscriptions.push(diagnostics, item);

  const showDiagnostics = (c: FolderContext) => {
    if (c.state === 'missing') {
      diagnostics.delete(c.uri);
    } else if (c.state === 'unreadable') {
      diagnostics.set(c.uri, [toDiagnostic({ message: vscode.l10n.t('Community context: this file {0}', c.reason), severity: 'error' }, new vscode.Range(0, 0, 0, 0))]);
    } else {
      // A hostile file can hold hundreds of thousands of problems: show the first ones.
      const problems = c.parsed.problems.slice(0, MAX_DIAGNOSTICS);
      const more = c.parsed.problems.length - problems.length;
      diagnostics.set(
        c.uri,
        problems.map((p, i) => {
          const message = i === problems.length - 1 && more > 0 ? more === 1 ? vscode.l10n.t('{0} (and 1 more problem in this file)', p.message) : vscode.l10n.t('{0} (and {1} more problems in this file)', p.message, more) : p.message;
          // The code says which Quick Fix applies ('unrecognised': restructure the file).
          return toDiagnostic({ message, severity: p.severity, code: p.code }, linesRange(p.line, p.endLine ?? p.line));
        }),
      );
    }
  };

  const update = () => {
    const all = contexts.all();
    if (all.length === 0) {
      item.hide();
      return;
    }
    const c = contexts.active() ?? all[0];
    item.backgroundColor = undefined;
    if (c.state === 'missing') {
      item.text = `$(organization) ${vscode.l10n.t('Set up community context')}`;
      item.tooltip = new vscode.MarkdownString().appendText(
        vscode.l10n.t('No community context in {0}. Click to create {1} so pitches, agreements and the planner are prefilled.', c.folder.name, vscode.workspace.asRelativePath(c.uri)),
      );
      item.command = { command: COMMANDS.createContext, title: vscode.l10n.t('Create Community Context'), arguments: [c.folder] };
      item.accessibilityInformation = { label: vscode.l10n.t('No community context in {0}. Activate to create one.', c.folder.name), role: 'button' };
    } else if (c.state === 'unreadable') {
      item.text = `$(warning) ${vscode.l10n.t('Community context')}`;
      item.tooltip = new vscode.MarkdownString().appendText(c.message);
      item.accessibilityInformation = { label: vscode.l10n.t('Community context cannot be read: {0} Activate to open it.', c.message), role: 'button' };
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.command = { command: COMMANDS.openContext, title: vscode.l10n.t('Open Community Context'), arguments: [c.folder] };
    } else {
      const p = c.parsed;
      const name = p.values['Community Name'] ?? vscode.l10n.t('Unnamed community');
      const errors = p.problems.filter((x) => x.severity === 'error').length;
      // What `36/39` counts: the fields of the family's template that hold a value.
      item.text = `${errors ? '$(warning)' : '$(organization)'} ${vscode.l10n.t('{0} · {1}/{2} fields', truncate(name, 32), p.filled, p.total)}`;
      const tip = new vscode.MarkdownString();
      const counted = vscode.l10n.t("{0} of the {1} fields of the community context filled in (TBD and the template's guidance count as not filled in).", p.filled, p.total);
      tip.appendText(vscode.l10n.t('{0}: {1}', name, counted));
      const gaps = CONTEXT_SECTIONS.map((s) => ({ title: s.title, missing: s.labels.filter((l) => !p.values[l]).length })).filter((s) => s.missing > 0);
      const toFill = gaps.length ? vscode.l10n.t('To fill in: {0}.', gaps.map((g) => `${g.title} (${g.missing})`).join(', ')) : '';
      if (toFill) tip.appendText(`\n\n${toFill}`);
      const problemsText = errors === 0 ? '' : errors === 1 ? vscode.l10n.t('1 problem in the file: see the Problems panel.') : vscode.l10n.t('{0} problems in the file: see the Problems panel.', errors);
      if (problemsText) tip.appendText(`\n\n${problemsText}`);
      tip.appendText(`\n\n${vscode.l10n.t('Click to open the file.')}`);
      item.tooltip = tip;
      // Read as plain text: a screen reader would otherwise read the tooltip's escaped Markdown.
      item.accessibilityInformation = {
        label: [vscode.l10n.t('Community context of {0}: {1}', oneLine(name), counted), toFill, problemsText, vscode.l10n.t('Activate to open the file.')].filter(Boolean).join(' '),
        role: 'button',
      };
      if (errors) item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.command = { command: COMMANDS.openContext, title: vscode.l10n.t('Open Community Context'), arguments: [c.folder] };
    }
    item.show();
  };

  context.subscriptions.push(
    contexts.onDidChange((c) => {
      showDiagnostics(c);
      update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
  void contexts.ready.then(() => {
    for (const c of contexts.all()) showDiagnostics(c);
    update();
  });
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function truncate(s: string, n: number): string {
  // `$(name)` in a status bar text is an icon: workspace content must not pick icons.
  const one = s.replace(/\s+/g, ' ').replace(/\$\(/g, '$\u200b(');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
