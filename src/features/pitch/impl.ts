// Loaded on the first "Draft Outreach Pitch": the panel and its actions. Rendering and the
// checks run in the webview (src/features/pitch/page.ts); the host only places the final text.
import { textLanguageStore, type TextLanguageStore } from '../../host/textLanguage';
import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { FolderContext } from '../../host/contextService';
import { openPanel } from '../../host/panels';
import { EditorTracker, followPanelContext, openMarkdownDocument, panelContext } from '../../host/partnershipPanels';
import type { Router } from '../../host/messages';
import { mailtoUrl, subjectLabel } from '../../core/pitch';
import type { TextLanguage } from '../../core/textLanguage';
import { RequestError } from '../../host/webviewIpc';
import { PitchDraftSchema, PitchFromWebview, type PitchDraft, type PitchResults, type PitchToWebview } from './protocol';

/** Where the pitch form's draft is kept: per workspace, in VS Code's workspace storage. */
export const PITCH_DRAFT_KEY = 'communityPartnerships.pitchDraft';
export const PITCH_VIEW_TYPE = 'communityPartnerships.pitch';

/** Opens a URI outside VS Code; replaceable in tests, where no mail app should open. */
export type Opener = (target: vscode.Uri) => Thenable<boolean>;

export interface PitchPanelHandle {
  readonly panel: vscode.WebviewPanel;
  /** Handles a message as if the webview had sent it (the same zod check). */
  receive(raw: unknown): Promise<void>;
  opener: Opener;
}

export interface PitchApi {
  draft(): PitchPanelHandle;
  /** A panel VS Code brought back after a reload. */
  restore(panel: vscode.WebviewPanel): PitchPanelHandle;
  /** The draft kept for this workspace (tests). */
  storedDraft(): PitchDraft | undefined;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): PitchApi {
  const tracker = new EditorTracker();
  context.subscriptions.push(tracker);
  let open: PitchPanel | undefined;
  context.subscriptions.push({ dispose: () => open?.panel.dispose() });
  const drafts = {
    get: (): PitchDraft | undefined => {
      const raw = context.workspaceState.get<unknown>(PITCH_DRAFT_KEY);
      const parsed = raw === undefined ? undefined : PitchDraftSchema.safeParse(raw);
      return parsed?.success ? parsed.data : undefined;
    },
    set: (d: PitchDraft | null) => context.workspaceState.update(PITCH_DRAFT_KEY, d ?? undefined),
  };
  const language = textLanguageStore(context);
  const make = (existing?: vscode.WebviewPanel) => {
    open?.panel.dispose();
    const panel = new PitchPanel(context.extensionUri, deps, tracker, deps.contexts.active(), drafts, language, () => (open = undefined), existing);
    open = panel;
    return panel;
  };
  return {
    draft() {
      if (open) {
        open.panel.reveal(vscode.ViewColumn.Beside);
        return open;
      }
      return make();
    },
    restore: (panel) => make(panel),
    storedDraft: () => drafts.get(),
  };
}

/** The pitch as plain text: a subject line (labelled in the text's language), then the body. Markdown gets the bold label. */
export function pitchText(subject: string, body: string, markdown: boolean, language: TextLanguage = 'en'): string {
  const s = subject.trim();
  if (!s) return body;
  const label = `${subjectLabel(language)}:`;
  return `${markdown ? `**${label}**` : label} ${s}\n\n${body}`;
}

class PitchPanel implements PitchPanelHandle {
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[];
  private readonly router: Router;
  opener: Opener = (target) => vscode.env.openExternal(target);

  constructor(
    extensionUri: vscode.Uri,
    deps: Deps,
    private readonly tracker: EditorTracker,
    private context: FolderContext | undefined,
    private readonly drafts: { get(): PitchDraft | undefined; set(d: PitchDraft | null): Thenable<void> },
    private readonly language: TextLanguageStore,
    onDispose: () => void,
    existing?: vscode.WebviewPanel,
  ) {
    const opened = openPanel<PitchFromWebview, PitchResults>(extensionUri, deps, {
      viewType: PITCH_VIEW_TYPE,
      title: vscode.l10n.t('Draft Outreach Pitch'),
      script: 'pitch',
      column: { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      name: 'pitch',
      logLabel: 'Pitch',
      schema: PitchFromWebview,
      initial: () => [{ type: 'context', context: panelContext(this.context) } satisfies PitchToWebview, { type: 'textLanguage', language: this.language.get() ?? 'en' } satisfies PitchToWebview],
      handlers: {
        ready: () => {
          this.post({ type: 'context', context: panelContext(this.context) });
          const draft = this.drafts.get();
          return draft ? { draft } : {};
        },
        openContext: async () => {
          await vscode.commands.executeCommand(COMMANDS.openContext, this.context?.folder);
          return null;
        },
        // A pitch that was used is finished: the next open starts from the context, not from it.
        action: async (m) => {
          const result = await this.act(m);
          await this.drafts.set(null);
          return result;
        },
        draft: async (m) => {
          await this.drafts.set(m.draft);
          return null;
        },
        textLanguage: async (m) => {
          await this.language.set(m.language);
          return null;
        },
      },
      onDispose,
      existing,
    });
    this.panel = opened.panel;
    this.router = opened.router;
    this.disposables = opened.disposables;
    // Only the prefilled fields follow the context; the page keeps what the user overrode.
    followPanelContext(deps, () => this.context, (c) => {
      this.context = c;
      this.post({ type: 'context', context: panelContext(c) });
    }, this.disposables);
  }

  private post(message: PitchToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  receive(raw: unknown): Promise<void> {
    return this.router(raw);
  }

  private async act(m: Extract<PitchFromWebview, { type: 'action' }>): Promise<{ message: string }> {
    switch (m.action) {
      case 'insert': {
        const editor = await this.tracker.editor();
        if (!editor) {
          await openMarkdownDocument(m.markdown);
          return { message: vscode.l10n.t('No editor was open, so the pitch is in a new Markdown document.') };
        }
        const text = pitchText(m.subject, m.body, editor.document.languageId === 'markdown', this.language.get());
        const ok = await editor.edit((b) => b.replace(editor.selection, text));
        if (!ok) throw new RequestError('writeFailed', vscode.l10n.t('{0} could not be edited.', vscode.workspace.asRelativePath(editor.document.uri)));
        return { message: vscode.l10n.t('Inserted into {0}.', vscode.workspace.asRelativePath(editor.document.uri)) };
      }
      case 'newDocument':
        await openMarkdownDocument(m.markdown);
        return { message: vscode.l10n.t('Opened the pitch as a new Markdown document.') };
      case 'copy':
        await vscode.env.clipboard.writeText(pitchText(m.subject, m.body, false, this.language.get()));
        return { message: vscode.l10n.t('Copied the pitch to the clipboard.') };
      case 'mail': {
        const url = mailtoUrl(m.to, m.subject, m.body);
        // openExternal takes a Uri, and a Uri decodes the query then re-encodes it loosely
        // (`&`, `=`, `#` in the text would cut the body short). The extension host also accepts
        // the link as a string and then opens it exactly as given: already encoded once, by
        // mailtoUrl, and not again.
        const opened = await this.opener(url as unknown as vscode.Uri);
        if (!opened) throw new RequestError('failed', vscode.l10n.t('No mail app opened the pitch. Copy it instead.'));
        return { message: vscode.l10n.t('Opened the pitch in your mail app.') };
      }
    }
  }
}
