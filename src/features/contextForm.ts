import * as vscode from 'vscode';
import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel } from '../core/context/labels';
import { ContextFormFromWebview, type ContextFormToWebview } from '../webview/protocol';
import { openPanel } from './panels';
import { cleanValues, createContextFile, updateContextFile, type ContextValues, type WriteResult } from './contextWriter';
import { contextFileUri } from './settings';
import { pickFolder } from './folders';
import type { Deps } from './deps';

type Values = Record<ContextLabel, string>;

/**
 * "Create Community Context" and "Update Community Context": a form in a webview panel, one
 * section per step, every field skippable. Create writes the file in the exact structure the
 * skill family uses (TBD for unknowns); Update changes only the fields that changed and keeps
 * every other byte of the file. Loaded on first use (see src/lazy/contextForm.ts).
 */
export function contextFormCommands(context: vscode.ExtensionContext, deps: Deps): { create(arg?: unknown, options?: unknown): Promise<unknown>; update(arg?: unknown, options?: unknown): Promise<unknown> } {
  const open = new Map<string, ContextFormPanel>();
  context.subscriptions.push({ dispose: () => [...open.values()].forEach((p) => p.dispose()) });
  const show = async (mode: 'create' | 'update', arg?: unknown) => {
    const folder = await pickFolder(arg, mode === 'create' ? 'Create the community context in which folder?' : 'Update the community context of which folder?');
    if (!folder) return;
    if (!vscode.workspace.isTrusted) {
      const manage = 'Manage Workspace Trust';
      const choice = await vscode.window.showWarningMessage('Writing the community context needs a trusted workspace. In Restricted Mode it is only read.', manage);
      if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    const current = await deps.contexts.refresh(folder);
    if (current.state === 'unreadable') {
      void vscode.window.showErrorMessage(`${current.message} Fix or remove it first.`);
      return;
    }
    if (mode === 'create' && current.state === 'ok') {
      const update = 'Update It';
      const openFile = 'Open File';
      const choice = await vscode.window.showInformationMessage(`The folder ${folder.name} already has a community context.`, update, openFile);
      if (choice === openFile) await vscode.window.showTextDocument(current.uri);
      if (choice !== update) return;
      mode = 'update';
    }
    if (mode === 'update' && current.state === 'missing') {
      const create = 'Create It';
      const choice = await vscode.window.showInformationMessage(`The folder ${folder.name} has no community context yet.`, create);
      if (choice !== create) return;
      mode = 'create';
    }
    const key = folder.uri.toString();
    const existing = open.get(key);
    if (existing) {
      existing.reveal(mode);
      return;
    }
    const panel = new ContextFormPanel(context.extensionUri, folder, mode, deps, () => open.delete(key));
    open.set(key, panel);
  };
  return {
    create: (arg, options) => (givenValues(options) ? writeGiven('create', arg, options, deps) : show('create', arg)),
    update: (arg, options) => (givenValues(options) ? writeGiven('update', arg, options, deps) : show('update', arg)),
  };
}

function givenValues(options: unknown): Record<string, unknown> | undefined {
  const v = options && typeof options === 'object' ? (options as { values?: unknown }).values : undefined;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
}

/** Called with `{ values }` (from a keybinding, a task or a test): write them without the form. */
async function writeGiven(mode: 'create' | 'update', arg: unknown, options: unknown, deps: Deps): Promise<WriteResult | undefined> {
  const folder = await pickFolder(arg, 'Which folder?');
  if (!folder) return undefined;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Writing the community context needs a trusted workspace.');
    return undefined;
  }
  const values = cleanValues(givenValues(options) ?? {});
  const result = mode === 'create' ? await createContextFile(folder, values) : await updateContextFile(folder, values, undefined, async () => true);
  if (!result.ok) void vscode.window.showErrorMessage(result.message);
  await deps.contexts.refresh(folder);
  return result;
}

class ContextFormPanel {
  private readonly panel: vscode.WebviewPanel;
  /** The values the form was filled with: what "changed" is measured against. */
  private baseline: Values = emptyValues();

  constructor(
    extensionUri: vscode.Uri,
    private readonly folder: vscode.WorkspaceFolder,
    private mode: 'create' | 'update',
    private readonly deps: Deps,
    onDispose: () => void,
  ) {
    const opened = openPanel(extensionUri, deps, {
      viewType: 'communityPartnerships.contextForm',
      title: this.title(),
      script: 'contextForm',
      column: vscode.ViewColumn.Active,
      name: 'contextForm',
      logLabel: 'Context form',
      schema: ContextFormFromWebview,
      handle: (m) => this.onMessage(m),
      onDispose,
    });
    this.panel = opened.panel;
  }

  reveal(mode: 'create' | 'update'): void {
    if (mode !== this.mode) {
      this.mode = mode;
      this.panel.title = this.title();
      void this.sendInit();
    }
    this.panel.reveal();
  }

  dispose(): void {
    this.panel.dispose();
  }

  private title(): string {
    return this.mode === 'create' ? 'Create Community Context' : 'Update Community Context';
  }

  private post(message: ContextFormToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: ContextFormFromWebview): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          await this.sendInit();
          break;
        case 'save':
          await this.save(message.values);
          break;
        case 'openFile': {
          const c = this.deps.contexts.get(this.folder);
          if (c && c.state !== 'missing') await vscode.window.showTextDocument(c.uri, { viewColumn: vscode.ViewColumn.Beside });
          break;
        }
        case 'cancel':
          this.panel.dispose();
          break;
        case 'state':
          break;
      }
    } catch (err) {
      // The router logs and counts the failure; the form says what happened.
      this.post({ type: 'error', message: `Something went wrong: ${err instanceof Error ? err.message : String(err)}` });
      throw err;
    }
  }

  private async sendInit(): Promise<void> {
    const c = await this.deps.contexts.refresh(this.folder);
    const values = emptyValues();
    if (c.state === 'ok') for (const l of CONTEXT_LABELS) values[l] = c.parsed.values[l] ?? '';
    this.baseline = values;
    this.post({
      type: 'init',
      mode: this.mode,
      folderName: this.folder.name,
      filePath: vscode.workspace.asRelativePath(c.uri),
      readOnly: !vscode.workspace.isTrusted,
      sections: CONTEXT_SECTIONS.map((s) => ({
        title: s.title,
        fields: s.labels.map((label) => ({ label, value: values[label] })),
      })),
    });
  }

  private async save(raw: Record<string, string>): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      this.post({ type: 'error', message: 'This workspace is in Restricted Mode: nothing is written.' });
      return;
    }
    // Only the labels the message names change: a label it leaves out keeps its value.
    const values = { ...this.baseline };
    for (const l of CONTEXT_LABELS) if (Object.prototype.hasOwnProperty.call(raw, l) && typeof raw[l] === 'string') values[l] = raw[l].trim();
    this.post({ type: 'busy', busy: true });
    try {
      if (this.mode === 'create') await this.create(values);
      else await this.update(values);
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  private async create(values: Values): Promise<void> {
    const result = await createContextFile(this.folder, values);
    if (!result.ok) {
      this.post({ type: 'error', message: result.message });
      return;
    }
    this.deps.log.info(`Created ${result.uri.toString()}`);
    await this.deps.contexts.refresh(this.folder);
    this.panel.dispose();
    await vscode.window.showTextDocument(result.uri);
    void vscode.window.showInformationMessage(`Created ${vscode.workspace.asRelativePath(result.uri)}.`);
  }

  private async update(values: Values): Promise<void> {
    const changes: ContextValues = {};
    for (const l of CONTEXT_LABELS) if (values[l] !== this.baseline[l]) changes[l] = values[l];
    if (Object.keys(changes).length === 0) {
      this.post({ type: 'saved', filePath: vscode.workspace.asRelativePath(contextFileUri(this.folder)), changed: 0 });
      return;
    }
    const result = await updateContextFile(this.folder, changes, this.baseline, (conflicts) => confirmConflicts(conflicts, this.deps));
    if (!result.ok) {
      this.post({ type: 'error', message: result.message + ' The form still holds your values.' });
      return;
    }
    for (const s of result.skipped) void vscode.window.showWarningMessage(`${s.label} was not written: ${s.reason}`);
    this.deps.log.info(`Updated ${result.changed} field(s) in ${result.uri.toString()}`);
    await this.deps.contexts.refresh(this.folder);
    this.baseline = values;
    this.post({ type: 'saved', filePath: vscode.workspace.asRelativePath(result.uri), changed: result.changed });
    if (result.inEditor && !result.saved) {
      void vscode.window.showInformationMessage('The changes are in the open editor, next to your unsaved edits. Save the file when ready.');
    }
  }
}

/** Someone else changed a field this form changes too: ask before replacing their value. */
async function confirmConflicts(conflicts: ContextLabel[], deps: Deps): Promise<boolean> {
  const preset = deps.webviews.presetAnswer('contextConflict', conflicts.join(', '));
  if (preset !== undefined) return preset;
  const overwrite = 'Use My Values';
  const choice = await vscode.window.showWarningMessage(
    `The context file changed since this form was opened: ${conflicts.join(', ')}. Replace those with the form's values?`,
    { modal: true },
    overwrite,
  );
  return choice === overwrite;
}

function emptyValues(): Values {
  return Object.fromEntries(CONTEXT_LABELS.map((l) => [l, ''])) as Values;
}
