import * as vscode from 'vscode';
import { CONNECTION_FILES, otherServerScript, proposedText, serverEntries, withoutEntry, type ConnectionFile } from '../../core/assistant/connection';
import { pickFolder } from '../../host/folders';
import { readText, resolvePath } from '../../host/files';
import type { Deps } from '../../host/deps';
import { hasNodeHost, serverScript } from './registration';

/** What Connect added to one workspace folder, kept in the workspace's state for Disconnect. */
interface Added {
  folder: string;
  files: { path: string; created: boolean; before?: string; written: string; previous?: unknown; value?: unknown }[];
  /** Folders Connect created, deepest last. */
  folders: string[];
}

export const CONNECTION_KEY = 'communityPartnerships.assistantConnection';
export const PREVIEW_SCHEME = 'community-partnerships-preview';

/** Shows what a change would do as a read-only document pair, for vscode.diff. */
export class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

type Current = { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'refused'; message: string };

async function current(uri: vscode.Uri): Promise<Current> {
  const read = await readText(uri, 1024 * 1024);
  if (read.kind === 'missing') return { kind: 'missing' };
  if (read.kind === 'unreadable') return { kind: 'refused', message: `${vscode.workspace.asRelativePath(uri)} ${read.message}` };
  return { kind: 'text', text: read.text };
}

function section(path: string, text: string | undefined): string {
  return `===== ${path} =====\n${text === undefined ? '(no file)\n' : text.endsWith('\n') ? text : `${text}\n`}\n`;
}

/** Folders on the way to `rel` that do not exist yet, outermost first. */
async function missingFolders(root: vscode.Uri, rel: string): Promise<string[]> {
  const parts = rel.split('/').slice(0, -1);
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    const r = await resolvePath(vscode.Uri.joinPath(root, sub), 'folder');
    if (r.kind === 'refused') throw new Error(`${sub} ${r.message}`);
    if (r.kind === 'missing') out.push(sub);
  }
  return out;
}

function precondition(): string | undefined {
  if (!hasNodeHost()) return vscode.l10n.t('The MCP server is a local program (Node) that your assistant starts; VS Code for the Web cannot run it, so nothing is connected here. The language-model tools work here as they are.');
  if (!vscode.workspace.isTrusted) return vscode.l10n.t('Connect AI Assistant writes files into the workspace, which Restricted Mode does not allow. Trust the workspace first; until then the language-model tools only read.');
  return undefined;
}

/**
 * Connect, Disconnect and the check of server entries an earlier version wrote: a part of the
 * assistant's chunk (src/implementations.ts), loaded by the first of them, without the tools'
 * code or the planner. The diff Connect shows is served from here.
 */
export function connectionCommands(context: vscode.ExtensionContext, deps: Deps) {
  const previews = new PreviewDocuments();
  context.subscriptions.push(previews, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews));
  return assistantConnection(context, deps, previews);
}

function assistantConnection(context: vscode.ExtensionContext, deps: Deps, previews: PreviewDocuments) {
  const connect = async (arg?: unknown): Promise<boolean> => {
    const refusal = precondition();
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return false;
    }
    const folder = await pickFolder(arg, vscode.l10n.t('Connect the AI assistant in which folder?'));
    if (!folder) return false;
    const entries = serverEntries(serverScript(context), folder.uri.fsPath);
    const plan: { file: ConnectionFile; uri: vscode.Uri; before: string | undefined; after: string; previous?: unknown; value?: unknown }[] = [];
    try {
      for (const file of CONNECTION_FILES) {
        const uri = vscode.Uri.joinPath(folder.uri, file.path);
        const now = await current(uri);
        if (now.kind === 'refused') throw new Error(now.message);
        const before = now.kind === 'text' ? now.text : undefined;
        const proposed = proposedText(file, before, entries);
        plan.push({ file, uri, before, after: proposed.text, previous: proposed.previous, value: proposed.value });
      }
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was connected: {0}', err instanceof Error ? err.message : String(err)));
      return false;
    }
    const changes = plan.filter((p) => p.before !== p.after);
    if (changes.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The AI assistant is connected already: the skill and both server entries are in place.'));
      return false;
    }
    const left = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${folder.name}/now` });
    const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${folder.name}/after Connect` });
    previews.set(left, changes.map((c) => section(c.file.path, c.before)).join(''));
    previews.set(right, changes.map((c) => section(c.file.path, c.after)).join(''));
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('Connect AI Assistant: what it adds ({0})', folder.name), { preview: true });
    const yes = vscode.l10n.t('Connect');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Add the skill and the MCP server entries shown in the diff?'),
      { modal: true, detail: changes.map((c) => `${c.before === undefined ? '+' : '~'} ${c.file.path}`).join('\n') + '\n\n' + vscode.l10n.t('Disconnect AI Assistant takes them out again.') },
      yes,
    );
    if (answer !== yes) return false;
    const added: Added = { folder: folder.uri.toString(), files: [], folders: [] };
    try {
      for (const c of changes) {
        // Still what the diff showed: a file changed meanwhile is not overwritten.
        const again = await current(c.uri);
        const still = again.kind === 'missing' ? c.before === undefined : again.kind === 'text' && again.text === c.before;
        if (!still) throw new Error(vscode.l10n.t('{0} changed while the diff was open; run Connect AI Assistant again.', c.file.path));
        for (const f of await missingFolders(folder.uri, c.file.path)) {
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, f));
          added.folders.push(f);
        }
        await vscode.workspace.fs.writeFile(c.uri, new TextEncoder().encode(c.after));
        added.files.push({ path: c.file.path, created: c.before === undefined, before: c.before, written: c.after, previous: c.previous, value: c.value });
      }
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Connecting stopped: {0}', err instanceof Error ? err.message : String(err)));
      return false;
    } finally {
      if (added.files.length || added.folders.length) await remember(context, added);
    }
    deps.log.info(`Connected the AI assistant in ${folder.uri.toString()}: ${added.files.map((f) => f.path).join(', ')}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Connected: your assistant finds the skill and the community-partnerships MCP server in this workspace. Disconnect AI Assistant takes them out again.'));
    return true;
  };

  const disconnect = async (): Promise<boolean> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Disconnect AI Assistant changes files in the workspace, which Restricted Mode does not allow.'));
      return false;
    }
    const all = (context.workspaceState.get<Added[]>(CONNECTION_KEY) ?? []).filter((a) => a && typeof a.folder === 'string' && Array.isArray(a.files));
    if (all.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to disconnect: Connect AI Assistant has added nothing in this workspace.'));
      return false;
    }
    const yes = vscode.l10n.t('Disconnect');
    const listed = all.flatMap((a) => a.files.map((f) => f.path));
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Take out what Connect AI Assistant added?'), { modal: true, detail: [...new Set(listed)].join('\n') }, yes);
    if (answer !== yes) return false;
    const kept: string[] = [];
    for (const a of all) kept.push(...(await undo(a)));
    await context.workspaceState.update(CONNECTION_KEY, undefined);
    if (kept.length) void vscode.window.showWarningMessage(vscode.l10n.t('Disconnected, but left alone what was changed since Connect: {0}', kept.join(', ')));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Disconnected: the skill and the server entries are gone.'));
    return true;
  };

  /**
   * An update of the extension moves its folder: the server entries Connect wrote then start a
   * script that is gone, and the assistant's server no longer starts. Says so, once, with
   * Connect AI Assistant (which shows the diff and asks) to point them at this version. Entries
   * whose script still exists (another checkout, another install) are left alone.
   */
  const checkServerEntries = async (folder: vscode.WorkspaceFolder): Promise<string[]> => {
    const script = serverScript(context);
    const stale: string[] = [];
    let old: string | undefined;
    for (const file of CONNECTION_FILES.filter((f) => f.key)) {
      const now = await current(vscode.Uri.joinPath(folder.uri, file.path));
      const other = now.kind === 'text' ? otherServerScript(now.text, file, script) : undefined;
      if (!other) continue;
      const exists = await vscode.workspace.fs.stat(vscode.Uri.file(other)).then(() => true, () => false);
      if (exists) continue;
      stale.push(file.path);
      old ??= other;
    }
    if (stale.length === 0 || !old) return stale;
    deps.log.info(`Server entries in ${folder.uri.toString()} start ${old}, which is gone: ${stale.join(', ')}`);
    const reconnect = vscode.l10n.t('Connect AI Assistant');
    void vscode.window
      .showWarningMessage(vscode.l10n.t("Your AI assistant's server entry in {0} starts {1}, which is no longer there (an update of Community Partnerships moves its folder), so the assistant cannot start the server. Connect AI Assistant points it at this version.", stale.join(', '), old), reconnect)
      .then((answer) => (answer === reconnect ? connect(folder) : undefined));
    return stale;
  };

  return { connect, disconnect, checkServerEntries };
}

async function remember(context: vscode.ExtensionContext, added: Added): Promise<void> {
  const all = (context.workspaceState.get<Added[]>(CONNECTION_KEY) ?? []).filter((a) => a.folder !== added.folder);
  const earlier = (context.workspaceState.get<Added[]>(CONNECTION_KEY) ?? []).find((a) => a.folder === added.folder);
  // A second Connect keeps what the first one found: Disconnect goes back to before both.
  const merged: Added = earlier
    ? {
        folder: added.folder,
        files: [...earlier.files.filter((f) => !added.files.some((g) => g.path === f.path)), ...added.files.map((f) => {
          const first = earlier.files.find((e) => e.path === f.path);
          return first ? { ...f, created: first.created, before: first.before, previous: first.previous } : f;
        })],
        folders: [...earlier.folders, ...added.folders],
      }
    : added;
  await context.workspaceState.update(CONNECTION_KEY, [...all, merged]);
}

/** Takes one folder's additions out; returns the paths left alone because they changed since. */
async function undo(a: Added): Promise<string[]> {
  const root = vscode.Uri.parse(a.folder);
  const kept: string[] = [];
  for (const f of a.files) {
    const file = CONNECTION_FILES.find((c) => c.path === f.path);
    if (!file) continue;
    const uri = vscode.Uri.joinPath(root, f.path);
    const now = await current(uri);
    if (now.kind !== 'text') continue;
    let next: string | undefined;
    if (now.text === f.written) next = f.created ? undefined : f.before;
    else if (file.key) {
      try {
        const out = withoutEntry(now.text, file, f.value, f.previous, f.created);
        if (!out.unchanged) {
          kept.push(f.path);
          continue;
        }
        next = out.text;
      } catch {
        kept.push(f.path);
        continue;
      }
    } else {
      kept.push(f.path);
      continue;
    }
    if (next === undefined) await vscode.workspace.fs.delete(uri, { useTrash: false });
    else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(next));
  }
  // Folders Connect created, deepest first, only when nothing else is in them.
  for (const f of [...a.folders].reverse()) {
    const uri = vscode.Uri.joinPath(root, f);
    const entries = await vscode.workspace.fs.readDirectory(uri).then((e) => e, () => undefined);
    if (entries && entries.length === 0) await vscode.workspace.fs.delete(uri, { recursive: false, useTrash: false });
  }
  return kept;
}
