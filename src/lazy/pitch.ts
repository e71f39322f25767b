// Loaded on the first "Draft Outreach Pitch": the panel and its actions. Rendering and the
// checks run in the webview (src/webview/app/pitch.ts); the host only places the final text.
import * as vscode from 'vscode';
import type { Deps } from '../features/deps';
import type { FolderContext } from '../features/contextService';
import { openPanel } from '../features/panels';
import { EditorTracker, followPanelContext, openMarkdownDocument, panelContext } from '../features/partnershipPanels';
import type { Router } from '../features/messages';
import { mailtoUrl } from '../core/pitch';
import { PitchFromWebview, type PitchToWebview } from '../webview/protocol';

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
}

export function activate(context: vscode.ExtensionContext, deps: Deps): PitchApi {
  const tracker = new EditorTracker();
  context.subscriptions.push(tracker);
  let open: PitchPanel | undefined;
  context.subscriptions.push({ dispose: () => open?.panel.dispose() });
  return {
    draft() {
      if (open) {
        open.panel.reveal(vscode.ViewColumn.Beside);
        return open;
      }
      const panel = new PitchPanel(context.extensionUri, deps, tracker, deps.contexts.active(), () => (open = undefined));
      open = panel;
      return panel;
    },
  };
}

/** The pitch as plain text: a subject line, then the body. Markdown gets the bold label. */
export function pitchText(subject: string, body: string, markdown: boolean): string {
  const s = subject.trim();
  if (!s) return body;
  return `${markdown ? '**Subject:**' : 'Subject:'} ${s}\n\n${body}`;
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
    onDispose: () => void,
  ) {
    const opened = openPanel(extensionUri, deps, {
      viewType: 'communityPartnerships.pitch',
      title: 'Draft Outreach Pitch',
      script: 'pitch',
      column: { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      name: 'pitch',
      logLabel: 'Pitch',
      schema: PitchFromWebview,
      handle: (m) => this.onMessage(m),
      onDispose,
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

  private async onMessage(message: PitchFromWebview): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.post({ type: 'context', context: panelContext(this.context) });
          break;
        case 'openContext':
          await vscode.commands.executeCommand('communityPartnerships.openContext', this.context?.folder);
          break;
        case 'action':
          await this.act(message);
          break;
      }
    } catch (err) {
      // The router logs and counts the failure; the page says what happened.
      this.post({ type: 'error', message: `Something went wrong: ${err instanceof Error ? err.message : String(err)}` });
      throw err;
    }
  }

  private async act(m: Extract<PitchFromWebview, { type: 'action' }>): Promise<void> {
    switch (m.action) {
      case 'insert': {
        const editor = await this.tracker.editor();
        if (!editor) {
          await openMarkdownDocument(m.markdown);
          this.post({ type: 'done', message: 'No editor was open, so the pitch is in a new Markdown document.' });
          return;
        }
        const text = pitchText(m.subject, m.body, editor.document.languageId === 'markdown');
        const ok = await editor.edit((b) => b.replace(editor.selection, text));
        if (!ok) throw new Error(`${vscode.workspace.asRelativePath(editor.document.uri)} could not be edited`);
        this.post({ type: 'done', message: `Inserted into ${vscode.workspace.asRelativePath(editor.document.uri)}.` });
        return;
      }
      case 'newDocument':
        await openMarkdownDocument(m.markdown);
        this.post({ type: 'done', message: 'Opened the pitch as a new Markdown document.' });
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(pitchText(m.subject, m.body, false));
        this.post({ type: 'done', message: 'Copied the pitch to the clipboard.' });
        return;
      case 'mail': {
        const url = mailtoUrl(m.to, m.subject, m.body);
        // openExternal takes a Uri, and a Uri decodes the query then re-encodes it loosely
        // (`&`, `=`, `#` in the text would cut the body short). The extension host also accepts
        // the link as a string and then opens it exactly as given: already encoded once, by
        // mailtoUrl, and not again.
        const opened = await this.opener(url as unknown as vscode.Uri);
        this.post(opened ? { type: 'done', message: 'Opened the pitch in your mail app.' } : { type: 'error', message: 'No mail app opened the pitch. Copy it instead.' });
        return;
      }
    }
  }
}
