// Loaded on the first agreement command: the checklist panel, "Generate Agreement" and
// "Insert Partnership Agreement". Progress is computed in the webview (src/features/agreement/page.ts).
import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { FolderContext } from '../../host/contextService';
import { openPanel } from '../../host/panels';
import { createNewFile, openDocument, resolvePath, updateTextFile } from '../../host/files';
import { RequestError } from '../../host/webviewIpc';
import { mayWrite } from '../../host/trust';
import { EditorTracker, followPanelContext, openMarkdownDocument, panelContext } from '../../host/partnershipPanels';
import type { Router } from '../../host/messages';
import { agreementSnippet, emptyAgreement, renderAgreement, type AgreementState } from '../../core/agreement';
import { textLanguageStore, type TextLanguageStore } from '../../host/textLanguage';
import { AgreementChecklistSchema, AgreementFromWebview, checklistLanguage, type AgreementChecklist, type AgreementResults, type AgreementToWebview } from './protocol';

export const AGREEMENT_VIEW_TYPE = 'communityPartnerships.agreement';

/** Where the checklist is kept: per workspace, in VS Code's workspace storage (not in the repo). */
export const AGREEMENT_STATE_KEY = 'communityPartnerships.agreementChecklist';

export interface AgreementPanelHandle {
  readonly panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<void>;
  /** The checklist as stored for this workspace. */
  stored(): AgreementChecklist;
}

export type GenerateTarget = 'untitled' | 'file';

export interface AgreementApi {
  open(): AgreementPanelHandle;
  /** A panel VS Code brought back after a reload. */
  restore(panel: vscode.WebviewPanel): AgreementPanelHandle;
  /** `target` from the palette is undefined (the user picks); tests and keybindings may pass `{ target, uri }`. */
  generate(arg?: unknown): Promise<vscode.Uri | undefined>;
  insert(): Promise<vscode.TextEditor>;
  /** The checklist as stored for this workspace. */
  stored(): AgreementChecklist;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): AgreementApi {
  const tracker = new EditorTracker();
  context.subscriptions.push(tracker);
  let open: AgreementPanel | undefined;
  context.subscriptions.push({ dispose: () => open?.panel.dispose() });

  const stored = (): AgreementChecklist => {
    const raw = context.workspaceState.get<unknown>(AGREEMENT_STATE_KEY);
    if (raw === undefined) return fresh(deps.contexts.active());
    const parsed = AgreementChecklistSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    deps.log.warn('Agreement checklist: the stored checklist does not match its schema; starting from an empty one.');
    return fresh(deps.contexts.active());
  };
  const store = (c: AgreementChecklist) => context.workspaceState.update(AGREEMENT_STATE_KEY, c);
  // The language of the text, shared with the pitch: the last one picked in either.
  const language = textLanguageStore(context);

  const generate = async (checklist: AgreementChecklist, target: GenerateTarget | undefined, uri?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const text = renderAgreement(checklist.state as AgreementState, checklist.sides, { language: checklistLanguage(checklist, language.get()) });
    if (!target) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: `$(new-file) ${vscode.l10n.t('New Untitled Document')}`, target: 'untitled' as const, description: vscode.l10n.t('save it where you like later') },
          { label: `$(save-as) ${vscode.l10n.t('Save to File…')}`, target: 'file' as const, description: vscode.l10n.t('pick a file in the workspace') },
        ],
        { placeHolder: vscode.l10n.t('Where should the agreement go?') },
      );
      if (!picked) return undefined;
      target = picked.target;
    }
    if (target === 'untitled') return (await openMarkdownDocument(text)).document.uri;
    return saveToFile(text, checklist, uri, deps);
  };

  const make = (existing?: vscode.WebviewPanel) => {
    open?.panel.dispose();
    const panel = new AgreementPanel(context.extensionUri, deps, deps.contexts.active(), stored, store, language, generate, () => (open = undefined), existing);
    open = panel;
    return panel;
  };
  return {
    open() {
      if (open) {
        open.panel.reveal();
        return open;
      }
      return make();
    },
    restore: (panel) => make(panel),
    async generate(arg?: unknown) {
      const a = arg && typeof arg === 'object' ? (arg as { target?: unknown; uri?: unknown }) : {};
      const target = a.target === 'untitled' || a.target === 'file' ? a.target : undefined;
      return generate(stored(), target, a.uri instanceof vscode.Uri ? a.uri : undefined);
    },
    async insert() {
      const c = deps.contexts.active();
      const values = c?.state === 'ok' ? c.parsed.values : {};
      let editor = vscode.window.activeTextEditor ?? (await tracker.editor());
      if (!editor) editor = await openMarkdownDocument('');
      // In the language last picked for a pitch or an agreement.
      await editor.insertSnippet(new vscode.SnippetString(agreementSnippet(values, language.get() ?? 'en')));
      return editor;
    },
    stored,
  };
}

function fresh(c: FolderContext | undefined): AgreementChecklist {
  const name = c?.state === 'ok' ? (c.parsed.values['Community Name'] ?? '') : '';
  return { state: emptyAgreement() as AgreementChecklist['state'], sides: { yours: name, theirs: '' } };
}

/**
 * Writes the agreement to a file the user picks. An existing file, or an editor with unsaved
 * changes to it, is replaced only after the user says so; unsaved editor text is replaced through
 * the editor (it stays unsaved, undo works), never underneath it on disk.
 */
async function saveToFile(text: string, checklist: AgreementChecklist, given: vscode.Uri | undefined, deps: Deps): Promise<vscode.Uri | undefined> {
  if (!mayWrite()) return undefined;
  const folder = deps.contexts.active()?.folder ?? vscode.workspace.workspaceFolders?.[0];
  const slug = (checklist.sides.theirs || 'partner').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'partner';
  const uri =
    given ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, `partnership-agreement-${slug}.md`) : undefined,
      filters: { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Save Agreement'),
      title: vscode.l10n.t('Save the partnership agreement'),
    }));
  if (!uri) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  // Every path is checked from the workspace folder down (no link, no device, inside the folder).
  const resolved = await resolvePath(uri);
  if (resolved.kind === 'refused') {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} {1}; the agreement was not saved.', name, resolved.message));
    return undefined;
  }
  const doc = openDocument(uri);
  if (doc?.isDirty) {
    const replace = vscode.l10n.t('Replace Editor Text');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} is open with unsaved changes. Replace its text with the agreement? (It stays unsaved; Undo brings your text back.)', name), { modal: true }, replace);
    if (choice !== replace) return undefined;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    return uri;
  }
  if (resolved.kind === 'missing') {
    const created = await createNewFile(uri, text);
    if (!created.ok) {
      void vscode.window.showErrorMessage(created.message);
      return undefined;
    }
  } else {
    // The save dialog has asked about replacing the file already: ask only when it was not shown.
    if (given) {
      const replace = vscode.l10n.t('Replace');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with the agreement?', name), { modal: true }, replace);
      if (choice !== replace) return undefined;
    }
    const written = await updateTextFile(uri, (current) => ({ edits: current === text ? [] : [{ start: 0, end: current.length, newText: text }], value: undefined }));
    if (!written.ok) {
      void vscode.window.showErrorMessage(written.message);
      return undefined;
    }
  }
  deps.log.info(`Wrote the agreement to ${uri.toString()}`);
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
  return uri;
}

class AgreementPanel implements AgreementPanelHandle {
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[];
  private readonly router: Router;

  constructor(
    extensionUri: vscode.Uri,
    deps: Deps,
    private context: FolderContext | undefined,
    readonly stored: () => AgreementChecklist,
    private readonly store: (c: AgreementChecklist) => Thenable<void>,
    private readonly language: TextLanguageStore,
    private readonly generate: (c: AgreementChecklist, target: GenerateTarget) => Promise<vscode.Uri | undefined>,
    onDispose: () => void,
    existing?: vscode.WebviewPanel,
  ) {
    const opened = openPanel<AgreementFromWebview, AgreementResults>(extensionUri, deps, {
      viewType: AGREEMENT_VIEW_TYPE,
      title: vscode.l10n.t('Partnership Agreement'),
      script: 'agreement',
      column: vscode.ViewColumn.Active,
      name: 'agreement',
      logLabel: 'Agreement checklist',
      schema: AgreementFromWebview,
      initial: () => [this.initMessage()],
      handlers: {
        ready: () => {
          this.init();
          return null;
        },
        openContext: async () => {
          await vscode.commands.executeCommand(COMMANDS.openContext, this.context?.folder);
          return null;
        },
        update: async (m) => {
          await this.store(m.checklist);
          return null;
        },
        reset: async () => {
          const clear = vscode.l10n.t('Clear Checklist');
          const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Clear every field of the agreement checklist?'), { modal: true }, clear);
          if (choice !== clear) throw new RequestError('cancelled', vscode.l10n.t('The checklist was left as it is.'));
          await this.store(fresh(this.context));
          this.init();
          return null;
        },
        textLanguage: async (m) => {
          await this.language.set(m.language);
          return null;
        },
        generate: async (m) => {
          await this.store(m.checklist);
          const uri = await this.generate(m.checklist, m.target);
          if (!uri) return {};
          return { message: m.target === 'untitled' ? vscode.l10n.t('Opened the agreement as a new document.') : vscode.l10n.t('Saved the agreement to {0}.', vscode.workspace.asRelativePath(uri)) };
        },
      },
      onDispose,
      existing,
    });
    this.panel = opened.panel;
    this.router = opened.router;
    this.disposables = opened.disposables;
    followPanelContext(deps, () => this.context, (c) => {
      this.context = c;
      this.post({ type: 'context', context: panelContext(c) });
    }, this.disposables);
  }

  private post(message: AgreementToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private initMessage(): AgreementToWebview {
    const checklist = this.stored();
    // The page shows the language the document will be written in.
    const language = checklistLanguage(checklist, this.language.get());
    return { type: 'init', checklist: { ...checklist, language }, context: panelContext(this.context), readOnly: !mayWrite({ quiet: true }) };
  }

  private init(): void {
    this.post(this.initMessage());
  }

  receive(raw: unknown): Promise<void> {
    return this.router(raw);
  }
}
