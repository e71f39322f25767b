import * as vscode from 'vscode';
import type { ParsedContext } from '../core/context';
import { contextFileUri, SECTION } from './settings';
import { readText, type UnreadableCode } from './files';
import type { Log } from './log';
import { Debouncer } from './timers';

/** The context file reader and the restructuring Quick Fix's rewrite (./contextParser.ts), loaded on first use. */
export type ContextParser = typeof import('./contextParser');

/** What the extension knows of one workspace folder's community context. */
export type FolderContext =
  | { readonly folder: vscode.WorkspaceFolder; readonly uri: vscode.Uri; readonly state: 'missing' }
  | { readonly folder: vscode.WorkspaceFolder; readonly uri: vscode.Uri; readonly state: 'unreadable'; readonly message: string; readonly reason: string; readonly code?: UnreadableCode }
  | { readonly folder: vscode.WorkspaceFolder; readonly uri: vscode.Uri; readonly state: 'ok'; readonly parsed: ParsedContext; readonly text: string };

/**
 * Reads each workspace folder's context file (setting `communityPartnerships.contextFile`),
 * keeps it current from file-watcher events and from edits in an open editor, and tells
 * listeners when it changes. Never throws out: a file that can't be read becomes 'unreadable'.
 */
export class ContextService implements vscode.Disposable {
  private readonly contexts = new Map<string, FolderContext>();
  private readonly watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<FolderContext>();
  private readonly pending = new Debouncer<string>();
  private readonly generation = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<FolderContext>>();
  readonly onDidChange = this.emitter.event;
  readonly ready: Promise<void>;
  private disposed = false;

  constructor(
    private readonly log: Log,
    /** Loaded on first read, not at activation: the parser brings zod, gray-matter and js-yaml. */
    readonly parser: () => ContextParser,
  ) {
    // The first read starts once activation has returned: the settings, the watcher and the
    // file's stat cost the extension host a few milliseconds that activation need not wait for.
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => this.reset());
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.contextFile`)) void this.reset();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const folder = this.folderFor(e.document.uri);
        // Also on events without content changes: that is how a document reports it is clean again (revert, save).
        if (folder) {
          this.log.trace(`context document changed (dirty: ${e.document.isDirty}, changes: ${e.contentChanges.length})`);
          this.schedule(folder, 150);
        }
      }),
      // Closing an editor drops its unsaved text: what counts again is the disk.
      vscode.workspace.onDidCloseTextDocument((d) => {
        const folder = this.folderFor(d.uri);
        if (folder) this.log.trace('context document closed');
        if (folder) this.schedule(folder, 0);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        const folder = this.folderFor(d.uri);
        if (folder) this.schedule(folder, 0);
      }),
    );
  }

  /** Every folder's context, in workspace folder order. */
  all(): FolderContext[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => this.contexts.get(f.uri.toString())).filter((c): c is FolderContext => !!c);
  }

  get(folder: vscode.WorkspaceFolder): FolderContext | undefined {
    return this.contexts.get(folder.uri.toString());
  }

  /** The context of the active editor's folder; else the first folder that has one; else the first folder. */
  active(): FolderContext | undefined {
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    const folder = editorUri && vscode.workspace.getWorkspaceFolder(editorUri);
    const own = folder && this.get(folder);
    if (own) return own;
    const all = this.all();
    return all.find((c) => c.state !== 'missing') ?? all[0];
  }

  /** The folder whose context file this URI is, if any. */
  folderFor(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
    const key = uri.toString();
    for (const c of this.contexts.values()) if (c.uri.toString() === key) return c.folder;
    return undefined;
  }

  /** Reads one folder's context again now; resolves to the newest state (a later read wins). */
  async refresh(folder: vscode.WorkspaceFolder): Promise<FolderContext> {
    const key = folder.uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const read = this.read(folder);
    this.inflight.set(key, read);
    const next = await read;
    if (this.generation.get(key) !== gen) {
      // A newer read started meanwhile: its result is the one that counts.
      return this.inflight.get(key) ?? next;
    }
    this.inflight.delete(key);
    this.contexts.set(key, next);
    this.emitter.fire(next);
    return next;
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<FolderContext> {
    const uri = contextFileUri(folder, this.log);
    try {
      const read = await readText(uri);
      if (read.kind === 'missing') return { folder, uri, state: 'missing' };
      if (read.kind === 'unreadable') return { folder, uri, state: 'unreadable', message: vscode.l10n.t('{0} {1}.', vscode.workspace.asRelativePath(uri), read.message), reason: read.message, code: read.code };
      const { parseContext } = this.parser();
      return { folder, uri, state: 'ok', parsed: parseContext(read.text), text: read.text };
    } catch (err) {
      this.log.error(`Reading ${uri.toString()} failed`, err);
      const reason = vscode.l10n.t('could not be read');
      return { folder, uri, state: 'unreadable', message: vscode.l10n.t('{0} {1}.', vscode.workspace.asRelativePath(uri), reason), reason };
    }
  }

  private schedule(folder: vscode.WorkspaceFolder, delay: number): void {
    this.pending.schedule(folder.uri.toString(), delay, () => void this.refresh(folder));
  }

  private async reset(): Promise<void> {
    if (this.disposed) return;
    for (const w of this.watchers.splice(0)) w.dispose();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const keep = new Set(folders.map((f) => f.uri.toString()));
    for (const key of [...this.contexts.keys()]) if (!keep.has(key)) this.contexts.delete(key);
    for (const folder of folders) {
      const uri = contextFileUri(folder, this.log);
      const rel = vscode.workspace.asRelativePath(uri, false);
      const relInFolder = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) || rel;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relInFolder));
      const onEvent = () => this.schedule(folder, 50);
      watcher.onDidCreate(onEvent, undefined, this.watchers);
      watcher.onDidChange(onEvent, undefined, this.watchers);
      watcher.onDidDelete(onEvent, undefined, this.watchers);
      this.watchers.push(watcher);
    }
    await Promise.all(folders.map((f) => this.refresh(f)));
  }

  dispose(): void {
    this.disposed = true;
    this.pending.dispose();
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
