import * as vscode from 'vscode';
import { CONTEXT_LABELS, CONTEXT_SECTIONS, type ContextLabel } from '../../core/context/sections';
import { ContextFormFromWebview, type ContextFormResults, type ContextFormToWebview } from './protocol';
import { openPanel } from '../../host/panels';
import { RequestError } from '../../host/webviewIpc';
import { mayWrite, restrictedText } from '../../host/trust';
import { ResourceMap } from '../../host/resourceMap';
import { cleanValues, createContextFile, updateContextFile, type ContextValues, type WriteResult } from './writer';
import { contextFileUri } from '../../host/settings';
import { pickFolder } from '../../host/folders';
import type { Deps } from '../../host/deps';

type Values = Record<ContextLabel, string>;

export const CONTEXT_FORM_VIEW_TYPE = 'communityPartnerships.contextForm';
/** Values typed in the form and never saved, per workspace folder: VS Code's workspace storage. */
export const CONTEXT_DRAFT_KEY = 'communityPartnerships.contextFormDrafts';

/** The unsaved values of each folder's form (folder URI → label → value), as kept in workspace storage. */
export interface ContextDrafts {
  get(folder: vscode.WorkspaceFolder): Partial<Values> | undefined;
  set(folder: vscode.WorkspaceFolder, values: Partial<Values> | undefined): Thenable<void>;
}

function contextDrafts(state: vscode.Memento): ContextDrafts {
  const all = (): Record<string, Partial<Values>> => {
    const raw = state.get<unknown>(CONTEXT_DRAFT_KEY);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Record<string, Partial<Values>> = {};
    for (const [folder, values] of Object.entries(raw as Record<string, unknown>)) {
      if (!values || typeof values !== 'object') continue;
      const clean: Partial<Values> = {};
      for (const l of CONTEXT_LABELS) {
        const v = (values as Record<string, unknown>)[l];
        if (typeof v === 'string' && v.length <= 20_000) clean[l] = v;
      }
      if (Object.keys(clean).length) out[folder] = clean;
    }
    return out;
  };
  return {
    get: (folder) => all()[folder.uri.toString()],
    set: (folder, values) => {
      const next = all();
      if (values && Object.keys(values).length) next[folder.uri.toString()] = values;
      else delete next[folder.uri.toString()];
      return state.update(CONTEXT_DRAFT_KEY, Object.keys(next).length ? next : undefined);
    },
  };
}

/**
 * "Create Community Context" and "Update Community Context": a form in a webview panel, one
 * section per step, every field skippable. Create writes the file in the exact structure the
 * skill family uses (TBD for unknowns); Update changes only the fields that changed and keeps
 * every other byte of the file. Loaded on first use (see src/features/contextForm/impl.ts).
 */
export interface ContextFormCommands {
  create(arg?: unknown, options?: unknown): Promise<unknown>;
  update(arg?: unknown, options?: unknown): Promise<unknown>;
  /** A form VS Code brought back after a reload, with the state its page kept. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  /** The unsaved values kept for a folder (tests). */
  draft(folder: vscode.WorkspaceFolder): Partial<Values> | undefined;
}

export function contextFormCommands(context: vscode.ExtensionContext, deps: Deps): ContextFormCommands {
  const open = new ResourceMap<ContextFormPanel>();
  const drafts = contextDrafts(context.workspaceState);
  context.subscriptions.push({ dispose: () => [...open.values()].forEach((p) => p.dispose()) });
  const show = async (mode: 'create' | 'update', arg?: unknown) => {
    const folder = await pickFolder(arg, mode === 'create' ? vscode.l10n.t('Create the community context in which folder?') : vscode.l10n.t('Update the community context of which folder?'));
    if (!folder) return;
    if (!mayWrite()) return;
    const current = await deps.contexts.refresh(folder);
    if (current.state === 'unreadable') {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} Fix or remove it first.', current.message));
      return;
    }
    if (mode === 'create' && current.state === 'ok') {
      const update = vscode.l10n.t('Update It');
      const openFile = vscode.l10n.t('Open File');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The folder {0} already has a community context.', folder.name), update, openFile);
      if (choice === openFile) await vscode.window.showTextDocument(current.uri);
      if (choice !== update) return;
      mode = 'update';
    }
    if (mode === 'update' && current.state === 'missing') {
      const create = vscode.l10n.t('Create It');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The folder {0} has no community context yet.', folder.name), create);
      if (choice !== create) return;
      mode = 'create';
    }
    const existing = open.get(folder.uri);
    if (existing) {
      existing.reveal(mode);
      return;
    }
    const panel = new ContextFormPanel(context.extensionUri, folder, mode, deps, drafts, () => open.delete(folder.uri));
    open.set(folder.uri, panel);
  };
  return {
    create: (arg, options) => (givenValues(options) ? writeGiven('create', arg, options, deps) : show('create', arg)),
    update: (arg, options) => (givenValues(options) ? writeGiven('update', arg, options, deps) : show('update', arg)),
    async restore(panel, state) {
      const s = state && typeof state === 'object' ? (state as { folder?: unknown; mode?: unknown }) : {};
      const folders = vscode.workspace.workspaceFolders ?? [];
      // The page keeps its folder; a page from before it did is the only folder's, or the active context's.
      const folder = folders.find((f) => f.uri.toString() === s.folder) ?? (folders.length === 1 ? folders[0] : deps.contexts.active()?.folder);
      if (!folder || !mayWrite({ quiet: true }) || open.has(folder.uri)) {
        deps.log.info(`Context form: not restored after the reload (${!folder ? 'its folder is not open' : open.has(folder.uri) ? 'the form is open already' : 'Restricted Mode'}).`);
        panel.dispose();
        return;
      }
      const current = await deps.contexts.refresh(folder);
      if (current.state === 'unreadable') {
        panel.dispose();
        return;
      }
      const mode = current.state === 'ok' ? 'update' : 'create';
      open.set(folder.uri, new ContextFormPanel(context.extensionUri, folder, mode, deps, drafts, () => open.delete(folder.uri), panel));
    },
    draft: (folder) => drafts.get(folder),
  };
}

function givenValues(options: unknown): Record<string, unknown> | undefined {
  const v = options && typeof options === 'object' ? (options as { values?: unknown }).values : undefined;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
}

/** Called with `{ values }` (from a keybinding, a task or a test): write them without the form. */
async function writeGiven(mode: 'create' | 'update', arg: unknown, options: unknown, deps: Deps): Promise<WriteResult | undefined> {
  const folder = await pickFolder(arg, vscode.l10n.t('Which folder?'));
  if (!folder) return undefined;
  if (!mayWrite()) return undefined;
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
    private readonly drafts: ContextDrafts,
    onDispose: () => void,
    existing?: vscode.WebviewPanel,
  ) {
    const opened = openPanel<ContextFormFromWebview, ContextFormResults>(extensionUri, deps, {
      viewType: CONTEXT_FORM_VIEW_TYPE,
      title: this.title(),
      script: 'contextForm',
      column: vscode.ViewColumn.Active,
      name: 'contextForm',
      logLabel: 'Context form',
      schema: ContextFormFromWebview,
      handlers: {
        ready: async () => {
          await this.sendInit();
          return null;
        },
        save: (m) => this.save(m.values),
        openFile: async () => {
          const c = this.deps.contexts.get(this.folder);
          if (c && c.state !== 'missing') await vscode.window.showTextDocument(c.uri, { viewColumn: vscode.ViewColumn.Beside });
          return null;
        },
        cancel: async () => {
          // Cancel is the user's choice to drop what they typed; closing the tab keeps it.
          await this.drafts.set(this.folder, undefined);
          this.panel.dispose();
          return null;
        },
        state: () => null,
        draft: async (m) => {
          await this.drafts.set(this.folder, this.changedValues(m.values));
          return null;
        },
      },
      onDispose,
      existing,
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
    return this.mode === 'create' ? vscode.l10n.t('Create Community Context') : vscode.l10n.t('Update Community Context');
  }

  private post(message: ContextFormToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** The values that differ from what the form was filled with: the draft worth keeping. */
  private changedValues(raw: Record<string, string>): Partial<Values> | undefined {
    const out: Partial<Values> = {};
    for (const l of CONTEXT_LABELS) {
      if (Object.prototype.hasOwnProperty.call(raw, l) && typeof raw[l] === 'string' && raw[l].trim() !== (this.baseline[l] ?? '').trim()) out[l] = raw[l];
    }
    return Object.keys(out).length ? out : undefined;
  }

  private async sendInit(): Promise<void> {
    const c = await this.deps.contexts.refresh(this.folder);
    const values = emptyValues();
    if (c.state === 'ok') for (const l of CONTEXT_LABELS) values[l] = c.parsed.values[l] ?? '';
    this.baseline = values;
    const draft = this.drafts.get(this.folder);
    this.post({
      type: 'init',
      mode: this.mode,
      folderName: this.folder.name,
      folder: this.folder.uri.toString(),
      filePath: vscode.workspace.asRelativePath(c.uri),
      readOnly: !mayWrite({ quiet: true }),
      sections: CONTEXT_SECTIONS.map((s) => ({
        title: s.title,
        fields: s.labels.map((label) => ({ label, value: values[label] })),
      })),
      ...(draft ? { draft } : {}),
    });
  }

  private async save(raw: Record<string, string>): Promise<ContextFormResults['save']> {
    if (!mayWrite({ quiet: true })) throw new RequestError('readOnly', restrictedText());
    // Only the labels the message names change: a label it leaves out keeps its value.
    const values = { ...this.baseline };
    for (const l of CONTEXT_LABELS) if (Object.prototype.hasOwnProperty.call(raw, l) && typeof raw[l] === 'string') values[l] = raw[l].trim();
    this.post({ type: 'busy', busy: true });
    try {
      return this.mode === 'create' ? await this.create(values) : await this.update(values);
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  private async create(values: Values): Promise<null> {
    const result = await createContextFile(this.folder, values);
    if (!result.ok) throw new RequestError('writeFailed', result.message);
    this.deps.log.info(`Created ${result.uri.toString()}`);
    await this.drafts.set(this.folder, undefined);
    await this.deps.contexts.refresh(this.folder);
    this.panel.dispose();
    await vscode.window.showTextDocument(result.uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Created {0}.', vscode.workspace.asRelativePath(result.uri)));
    return null;
  }

  private async update(values: Values): Promise<{ filePath: string; changed: number }> {
    const changes: ContextValues = {};
    for (const l of CONTEXT_LABELS) if (values[l] !== this.baseline[l]) changes[l] = values[l];
    if (Object.keys(changes).length === 0) {
      await this.drafts.set(this.folder, undefined);
      return { filePath: vscode.workspace.asRelativePath(contextFileUri(this.folder)), changed: 0 };
    }
    const result = await updateContextFile(this.folder, changes, this.baseline, (conflicts) => confirmConflicts(conflicts, this.deps));
    if (!result.ok) throw new RequestError('writeFailed', vscode.l10n.t('{0} The form still holds your values.', result.message));
    for (const s of result.skipped) void vscode.window.showWarningMessage(vscode.l10n.t('{0} was not written: {1}', s.label, s.reason));
    this.deps.log.info(`Updated ${result.changed} field(s) in ${result.uri.toString()}`);
    await this.drafts.set(this.folder, undefined);
    await this.deps.contexts.refresh(this.folder);
    this.baseline = values;
    if (result.inEditor && !result.saved) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The changes are in the open editor, next to your unsaved edits. Save the file when ready.'));
    }
    return { filePath: vscode.workspace.asRelativePath(result.uri), changed: result.changed };
  }
}

/** Someone else changed a field this form changes too: ask before replacing their value. */
async function confirmConflicts(conflicts: ContextLabel[], deps: Deps): Promise<boolean> {
  const preset = deps.webviews.presetAnswer('contextConflict', conflicts.join(', '));
  if (preset !== undefined) return preset;
  const overwrite = vscode.l10n.t('Use My Values');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t("The context file changed since this form was opened: {0}. Replace those with the form's values?", conflicts.join(', ')),
    { modal: true },
    overwrite,
  );
  return choice === overwrite;
}

function emptyValues(): Values {
  return Object.fromEntries(CONTEXT_LABELS.map((l) => [l, ''])) as Values;
}
