import * as vscode from 'vscode';
import type { RecordIndex } from '../../core/planner/recordIndex';
import type { RecordParse, RecordUpdate } from '../../core/records';
import type { AssistantStore, ContextStore, StoreContext, StoreWrite } from '../../core/assistant/store';
import type { PlannerService } from '../planner/api';
import type { Deps } from '../../host/deps';
import { readText } from '../../host/files';

/**
 * What the tools that need no record work on in the editor: the community context the extension
 * has read, and whether the workspace is trusted.
 */
export class EditorContext implements ContextStore {
  constructor(protected readonly deps: Deps) {}

  get canWrite(): boolean {
    return vscode.workspace.isTrusted;
  }

  get readOnlyReason(): string | undefined {
    return vscode.workspace.isTrusted ? undefined : vscode.l10n.t('this workspace is in Restricted Mode, where partnership records are only read');
  }

  async context(): Promise<StoreContext> {
    await this.deps.contexts.ready;
    const c = this.deps.contexts.active();
    if (!c) return { state: 'missing', path: '.claude/community-context.md' };
    const path = vscode.workspace.asRelativePath(c.uri, false);
    if (c.state === 'ok') return { state: 'ok', path, parsed: c.parsed, text: c.text };
    if (c.state === 'unreadable') return { state: 'unreadable', path, message: c.message };
    return { state: 'missing', path };
  }
}

/**
 * The assistant's tools in the editor work on what the sidebar shows: the planner's record
 * index and writers (an open editor's unsaved text counts, and a change to it stays unsaved),
 * and the community context the extension has read.
 */
export class EditorStore extends EditorContext implements AssistantStore {
  constructor(
    private readonly service: PlannerService,
    deps: Deps,
  ) {
    super(deps);
  }

  today(): string {
    return this.service.today();
  }

  async records(): Promise<RecordIndex> {
    await this.service.ensureLoaded();
    return this.service.index;
  }

  private uri(id: string): vscode.Uri {
    return this.service.uriOf(id) ?? vscode.Uri.parse(id);
  }

  nameOf(id: string): string {
    const p = this.uri(id).path;
    return p.slice(p.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  }

  pathOf(id: string): string {
    return vscode.workspace.asRelativePath(this.uri(id), vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  }

  open(id: string): Promise<RecordParse | undefined> {
    return this.service.open(id);
  }

  async text(id: string): Promise<string | undefined> {
    const read = await readText(this.uri(id));
    return read.kind === 'text' ? read.text : undefined;
  }

  async write(id: string, change: (text: string) => RecordUpdate): Promise<StoreWrite> {
    const outcome = await this.service.write(id, change);
    return outcome.ok ? { ok: true, changed: outcome.changed, text: outcome.after ?? '' } : { ok: false, message: outcome.message };
  }

  async create(base: string, text: string): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    await this.service.ensureLoaded();
    const folder = this.deps.contexts.active()?.folder;
    const roots = this.service.roots();
    const root = roots.find((r) => r.folder.uri.toString() === folder?.uri.toString()) ?? roots[0];
    if (!root) return { ok: false, message: vscode.l10n.t('Open a folder first: partnership records live in a workspace folder.') };
    const made = await this.service.createRecord(root, base, text);
    return made.ok ? { ok: true, id: made.id } : made;
  }
}
