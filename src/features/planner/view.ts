import { COMMANDS, INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { mayWrite, restrictedText } from '../../host/trust';
import { pipelineForecast } from '../../core/planner/pipelineForecast';
import { parseCount } from '../../core/parseCount';
import { attentionText } from '../../core/planner/attention';
import { PlannerFromWebview, type EditResult, type PlannerContextInfo, type PlannerRecord, type PlannerResults, type PlannerRow, type PlannerToWebview } from './protocol';
import { type Reply } from '../../webview/protocol';
import { preview } from '../../host/messages';
import { ipcRouter, RequestError, type Handlers } from '../../host/webviewIpc';
import { readText, resolvePath } from '../../host/files';
import { webviewHtml, webviewOptions } from '../../host/webviewHtml';
import { Disposable, DisposableStore } from '../../host/dispose';
import type { RecordService } from '../records/api';
import { recordRow } from '../records/protocol';
import type { RecordSummary } from '../../core/planner/recordIndex';
import { communityName } from '../../core/context/name';
import type { Deps } from '../../host/deps';

export const PLANNER_VIEW_ID = 'communityPartnerships.planner';

/** How many of the view's changes its Undo can take back, latest first. */
const UNDO_DEPTH = 20;

interface UndoStep {
  id: string;
  label: string;
  /** The text before and after the change: Undo puts `before` back while the file holds `after`. */
  before: string;
  after: string;
}

/**
 * The Planner view in the sidebar. The page asks for what it shows (a page of the pipeline, one
 * record) and the display math runs there; this side answers queries from the index and makes
 * every change through the record writer, as an edit of the file's document (so the editor's
 * Undo takes it back) and with an Undo of its own for the view's last changes.
 */
export class PlannerViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private selected: string | undefined;
  private readonly viewStore = this._register(new DisposableStore());
  private readonly undoStack: UndoStep[] = [];
  /** Changes are made one after the other: each one's edit and save before the next one reads the file. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Records sent so far (PlannerRecord.seq). */
  private payloads = 0;

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: RecordService,
    private readonly deps: Deps,
    private readonly commands: { run(name: string, arg?: unknown): Promise<unknown> },
  ) {
    super();
    this._register(service.onDidChange(() => this.changed()));
    this._register(deps.contexts.onDidChange(() => this.changed()));
  }

  /** The record the view shows, if any: the likely subject of a command run from the view's title bar. */
  get selectedId(): string | undefined {
    return this.view ? this.selected : undefined;
  }

  get visible(): boolean {
    return !!this.view?.visible;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.viewStore.clear();
    this.view = view;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'planner', vscode.l10n.t('Planner'));
    const stats = { handled: 0, dropped: 0, failed: 0 };
    const reply = (m: Reply) => void view.webview.postMessage(m);
    const router = ipcRouter<PlannerFromWebview, PlannerResults>(PlannerFromWebview, 'Planner', this.deps.log, reply, this.handlers(), stats);
    this.viewStore.add(view.webview.onDidReceiveMessage((m: unknown) => void router(m)));
    this.viewStore.add(this.deps.webviews.add('planner', router, stats));
    this.viewStore.add(
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
        this.viewStore.clear();
      }),
    );
    this.updateBadge();
    void this.service.ensureLoaded();
    // Ticks the walkthrough's "Open the planner" however it was opened (a view restored on start
    // or opened from its container shows no visibility change the walkthrough sees).
    void vscode.commands.executeCommand(INTERNAL_COMMANDS.walkthroughStep, 'plannerOpened');
  }

  /** Shows a record in the view (after New Partnership, say). */
  select(id: string): void {
    this.selected = id;
    this.post({ type: 'select', id });
  }

  private post(message: PlannerToWebview): void {
    if (this.view) void this.view.webview.postMessage(message);
  }

  private updateBadge(): void {
    if (!this.view) return;
    const n = this.service.loader.loaded ? this.service.overdue().length : 0;
    const reviews = this.service.loader.loaded ? this.service.reviewsOverdue().length : 0;
    // A badge of 0 is hidden. Setting `undefined` would be the obvious way, but VS Code's webview
    // views leave the last badge on the activity bar then (fixed upstream in microsoft/vscode#331019).
    // Overdue reviews count beside the check-ins: the badge is the number of dates missed.
    const tooltip = reviews === 0 ? (n === 1 ? vscode.l10n.t('1 partnership check-in overdue') : vscode.l10n.t('{0} partnership check-ins overdue', n)) : attentionText(n, reviews);
    this.view.badge = n + reviews > 0 ? { value: n + reviews, tooltip } : { value: 0, tooltip: '' };
  }

  private changed(): void {
    this.updateBadge();
    if (!this.view) return;
    const counts = this.service.index.counts();
    this.post({
      type: 'changed',
      loading: this.service.loading,
      counts,
      total: this.service.index.size,
      overdue: this.service.loader.loaded ? this.service.overdue().length : 0,
      owners: this.owners(),
      context: this.contextInfo(),
    });
    if (this.selected) {
      const id = this.selected;
      void this.recordPayload(id).then((r) => {
        // Another record was selected while this one was read: its own message follows.
        if (this.selected === id) this.post({ type: 'record', ...r });
      });
    }
  }

  private async recordPayload(id: string): Promise<PlannerRecord> {
    // Numbered before the read: a read started later sees the file as it is then, or newer.
    const seq = ++this.payloads;
    // The index keeps a digest of each record; the whole record is read when it is shown.
    const parse = this.service.index.get(id) ? await this.service.open(id).catch(() => undefined) : undefined;
    const entry = this.service.index.get(id);
    const uri = this.service.uriOf(id);
    return {
      id,
      seq,
      row: entry && this.row(entry.summary),
      record: entry && parse?.ok ? parse.record : undefined,
      problems: entry ? [...entry.problems] : [],
      filePath: uri ? vscode.workspace.asRelativePath(uri) : '',
    };
  }

  /** Every id the page sends must be a record the index holds: the page never names other files. */
  private known(message: PlannerFromWebview & { id: string }): void {
    if (this.service.index.get(message.id)) return;
    this.deps.log.warn(`Planner: dropped a message about a record that is not in the workspace: ${preview(message)}`);
    throw new RequestError('notFound', vscode.l10n.t('That partnership record is no longer in the workspace.'));
  }

  private row(summary: RecordSummary): PlannerRow {
    return recordRow(summary, this.service.fileName(summary.id));
  }

  /** The distinct owner names (both sides), for the pipeline's filter; at most 200. */
  private owners(): string[] {
    const seen = new Map<string, string>();
    for (const r of this.service.index.all()) {
      for (const o of [r.summary.owners.ours, r.summary.owners.theirs]) {
        if (o && !seen.has(o.toLowerCase())) seen.set(o.toLowerCase(), o);
        if (seen.size >= 200) break;
      }
    }
    return [...seen.values()].sort((a, b) => a.localeCompare(b));
  }

  private contextInfo(): PlannerContextInfo | undefined {
    const c = this.deps.contexts.active();
    if (!c) return undefined;
    const filePath = vscode.workspace.asRelativePath(c.uri);
    if (c.state === 'unreadable') return { state: c.state, filePath, reason: c.message };
    if (c.state !== 'ok') return { state: c.state, filePath };
    return { state: 'ok', name: communityName(c.parsed), filled: c.parsed.filled, total: c.parsed.total, filePath, size: c.parsed.counts.currentSize };
  }

  private writable(): void {
    if (!mayWrite({ quiet: true })) throw new RequestError('readOnly', restrictedText());
  }

  /** The record edits and their words (./edits.ts): a part of their own, loaded by the first edit or undo. */
  private edits(): typeof import('./edits') {
    return this.deps.loadChunk('plannerEdit') as typeof import('./edits');
  }

  private undoLabel(): string | undefined {
    const top = this.undoStack[this.undoStack.length - 1];
    return top && vscode.l10n.t('Undo: {0}', top.label);
  }

  private handlers(): Handlers<PlannerFromWebview, PlannerResults> {
    return {
      ready: async () => {
        const init = {
          today: this.service.today(),
          readOnly: !mayWrite({ quiet: true }),
          context: this.contextInfo(),
          folder: vscode.workspace.workspaceFolders?.[0]?.name ?? '',
        };
        void this.service.ensureLoaded().then(() => {
          this.changed();
          this.post({ type: 'undo', label: this.undoLabel() });
        });
        return init;
      },
      query: (m) => {
        const q = this.service.index.query({
          text: m.text,
          stage: m.stage === 'broken' ? undefined : m.stage,
          type: m.partnershipType,
          owner: m.owner,
          offset: m.stage === 'broken' ? 0 : m.offset,
          limit: m.stage === 'broken' ? Number.MAX_SAFE_INTEGER : m.limit,
        });
        let items = q.items;
        let total = q.total;
        if (m.stage === 'broken') {
          // Broken records have no stage to filter by: filter the matches instead (there are few).
          const broken = items.filter((s) => s.broken);
          total = broken.length;
          items = broken.slice(m.offset, m.offset + m.limit);
        }
        return { items: items.map((s) => this.row(s)), total };
      },
      select: (m) => {
        // An id the index does not hold is answered too: the page says the record is gone.
        if (!this.service.index.get(m.id)) this.deps.log.warn(`Planner: dropped a message about a record that is not in the workspace: ${preview(m)}`);
        else this.selected = m.id;
        return this.recordPayload(m.id);
      },
      open: async (m) => {
        this.known(m);
        const uri = this.service.uriOf(m.id);
        if (!uri) throw new RequestError('notFound', vscode.l10n.t('That partnership record is no longer in the workspace.'));
        // A link (or a device) is not opened either: the editor would show what it points to.
        const resolved = await resolvePath(uri);
        if (resolved.kind === 'refused') throw new RequestError('notFound', vscode.l10n.t('{0} {1}.', vscode.workspace.asRelativePath(uri), resolved.message));
        await vscode.window.showTextDocument(uri, { preview: false });
        return null;
      },
      edit: (m) => this.serial(async () => {
        this.known(m);
        this.writable();
        const edit = this.edits();
        const outcome = await this.service.write(m.id, (t) => edit.changeRecordText(t, m.change), { undoable: true });
        if (!outcome.ok) throw new RequestError('writeFailed', outcome.message);
        if (outcome.changed && outcome.before !== undefined && outcome.after !== undefined) {
          this.undoStack.push({ id: m.id, label: edit.describeChange(m.change), before: outcome.before, after: outcome.after });
          if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
        }
        const result = await this.result(m.id, outcome.changed, outcome.inEditor);
        const note = m.change.kind === 'types' && outcome.after !== undefined ? edit.keptPlaybookNote(outcome.after, m.change.value) : undefined;
        return note === undefined ? result : { ...result, note };
      }),
      undo: () => this.serial(async () => {
        this.writable();
        const step = this.undoStack.pop();
        if (!step) throw new RequestError('notFound', vscode.l10n.t('There is nothing to undo.'));
        const uri = this.service.uriOf(step.id);
        const read = uri ? await readText(uri) : undefined;
        if (!uri || !this.service.index.get(step.id) || read?.kind !== 'text') {
          this.undoStack.length = 0;
          throw new RequestError('notFound', vscode.l10n.t('The record of that change is no longer in the workspace: nothing was undone.'));
        }
        if (read.text !== step.after) {
          // Anything older was made on a text that is gone too.
          this.undoStack.length = 0;
          throw new RequestError('writeFailed', vscode.l10n.t("{0} changed since (“{1}”): nothing was undone. Its editor's Undo still has every change.", vscode.workspace.asRelativePath(uri), step.label));
        }
        const outcome = await this.service.write(
          step.id,
          (t) => {
            if (t !== step.after) throw new Error(vscode.l10n.t('{0} changed meanwhile: nothing was undone.', vscode.workspace.asRelativePath(uri)));
            return this.edits().revertEdit(t, step.before);
          },
          { undoable: true },
        );
        if (!outcome.ok) throw new RequestError('writeFailed', outcome.message);
        this.selected = step.id;
        return { ...(await this.result(step.id, outcome.changed, outcome.inEditor)), undone: step.label };
      }),
      readCount: (m) => parseCount(m.text) ?? null,
      forecast: () => pipelineForecast(this.service.index.all().flatMap(({ id, summary: s }) => (!s.broken && s.stage ? [{ id, partner: s.partner, stage: s.stage, types: s.types, partnerSize: s.partnerSize }] : []))),
      run: async (m) => {
        if (m.command === 'getStarted') await vscode.commands.executeCommand(COMMANDS.getStarted);
        else await this.commands.run(m.command, this.selected);
        return null;
      },
    };
  }

  private async result(id: string, changed: boolean, inEditor: boolean): Promise<EditResult> {
    const label = this.undoLabel();
    this.post({ type: 'undo', label });
    return { changed, inEditor, record: await this.recordPayload(id), ...(label ? { undo: label } : {}) };
  }
}
