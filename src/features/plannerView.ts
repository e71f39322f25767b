import * as vscode from 'vscode';
import { appendCheckIn, appendMetric, setPlaybookStep, setScores, setStage, updateRecordText } from '../core/records';
import { PlannerFromWebview, type PlannerToWebview } from '../webview/protocol';
import { messageRouter, preview } from './messages';
import { resolvePath } from './files';
import { webviewHtml, webviewOptions } from './webviewHtml';
import type { PlannerService, WriteOutcome } from './plannerService';
import type { Deps } from './deps';

export const PLANNER_VIEW_ID = 'communityPartnerships.planner';

/**
 * The Planner view in the sidebar. The page asks for what it shows (a page of the pipeline, one
 * record) and the display math runs there; this side answers queries from the index and makes
 * every change through the record writer.
 */
export class PlannerViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private selected: string | undefined;
  private readonly viewDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: PlannerService,
    private readonly deps: Deps,
    private readonly commands: { run(name: string, arg?: unknown): Promise<unknown> },
  ) {
    this.disposables.push(
      service.onDidChange(() => this.changed()),
      deps.contexts.onDidChange(() => this.changed()),
    );
  }

  get visible(): boolean {
    return !!this.view?.visible;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.viewDisposables.splice(0).forEach((d) => d.dispose());
    this.view = view;
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'planner', 'Planner');
    const stats = { handled: 0, dropped: 0, failed: 0 };
    const router = messageRouter(PlannerFromWebview, 'Planner', this.deps.log, (m) => this.onMessage(m), stats);
    view.webview.onDidReceiveMessage((m: unknown) => void router(m), undefined, this.viewDisposables);
    this.viewDisposables.push(this.deps.webviews.add('planner', router, stats));
    view.onDidDispose(
      () => {
        if (this.view === view) this.view = undefined;
        this.viewDisposables.splice(0).forEach((d) => d.dispose());
      },
      undefined,
      this.viewDisposables,
    );
    this.updateBadge();
    void this.service.ensureLoaded();
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
    // A badge of 0 is hidden. Setting `undefined` would be the obvious way, but VS Code's webview
    // views leave the last badge on the activity bar then (fixed upstream in microsoft/vscode#331019).
    this.view.badge = n > 0 ? { value: n, tooltip: `${n} partnership check-in${n === 1 ? '' : 's'} overdue` } : { value: 0, tooltip: '' };
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
      owners: this.service.owners(),
      context: this.service.contextInfo(),
    });
    if (this.selected) void this.sendRecord(this.selected);
  }

  private async sendRecord(id: string): Promise<void> {
    // The index keeps a digest of each record; the whole record is read when it is shown.
    const parse = this.service.index.get(id) ? await this.service.open(id).catch(() => undefined) : undefined;
    // Another record was selected while this one was read: its own message follows.
    if (this.selected !== undefined && this.selected !== id) return;
    const entry = this.service.index.get(id);
    const uri = this.service.uriOf(id);
    this.post({
      type: 'record',
      id,
      row: entry && this.service.row(entry.summary),
      record: entry && parse?.ok ? parse.record : undefined,
      problems: entry ? [...entry.problems] : [],
      filePath: uri ? vscode.workspace.asRelativePath(uri) : '',
    });
  }

  private async onMessage(message: PlannerFromWebview): Promise<void> {
    // Every id the page sends must be a record the index holds: the page never names other files.
    if ('id' in message && !this.service.index.get(message.id)) {
      this.deps.log.warn(`Planner: dropped a message about a record that is not in the workspace: ${preview(message)}`);
      if (message.type === 'select') void this.sendRecord(message.id);
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          this.post({
            type: 'init',
            today: this.service.today(),
            readOnly: !vscode.workspace.isTrusted,
            context: this.service.contextInfo(),
            folder: vscode.workspace.workspaceFolders?.[0]?.name ?? '',
          });
          await this.service.ensureLoaded();
          this.changed();
          break;
        case 'query': {
          const q = this.service.index.query({
            text: message.text,
            stage: message.stage === 'broken' ? undefined : message.stage,
            type: message.partnershipType as never,
            owner: message.owner,
            offset: message.stage === 'broken' ? 0 : message.offset,
            limit: message.stage === 'broken' ? Number.MAX_SAFE_INTEGER : message.limit,
          });
          let items = q.items;
          let total = q.total;
          if (message.stage === 'broken') {
            // Broken records have no stage to filter by: filter the matches instead (there are few).
            const broken = items.filter((s) => s.broken);
            total = broken.length;
            items = broken.slice(message.offset, message.offset + message.limit);
          }
          this.post({ type: 'page', requestId: message.requestId, items: items.map((s) => this.service.row(s)), total });
          break;
        }
        case 'select':
          this.selected = message.id;
          await this.sendRecord(message.id);
          break;
        case 'open': {
          const uri = this.service.uriOf(message.id);
          if (!uri) break;
          // A link (or a device) is not opened either: the editor would show what it points to.
          const resolved = await resolvePath(uri);
          if (resolved.kind === 'refused') this.post({ type: 'notice', kind: 'error', message: `${vscode.workspace.asRelativePath(uri)} ${resolved.message}.` });
          else await vscode.window.showTextDocument(uri, { preview: false });
          break;
        }
        case 'setStage':
          this.report(await this.service.write(message.id, (t) => setStage(t, message.stage)), `Stage set to ${message.stage}.`);
          break;
        case 'setScore':
          this.report(await this.service.write(message.id, (t) => setScores(t, { [message.criterion]: message.score ?? undefined })));
          break;
        case 'setCadence':
          this.report(await this.service.write(message.id, (t) => updateRecordText(t, { cadence: message.cadence })), `Check-ins every ${message.cadence === 'bi-weekly' ? 'two weeks' : message.cadence.replace(/ly$/, '')}.`);
          break;
        case 'logMetric':
          this.report(
            await this.service.write(message.id, (t) => appendMetric(t, { date: message.date, metric: message.metric, value: message.value, ...(message.note?.trim() ? { note: message.note.trim() } : {}) })),
            'Metric logged.',
          );
          break;
        case 'logCheckIn':
          this.report(
            await this.service.write(message.id, (t) =>
              appendCheckIn(t, { date: message.date, ...(message.notes?.trim() ? { notes: message.notes.trim() } : {}), ...(message.worthContinuing ? { worthContinuing: message.worthContinuing } : {}) }),
            ),
            'Check-in logged.',
          );
          break;
        case 'setPlaybookStep':
          this.report(await this.service.write(message.id, (t) => setPlaybookStep(t, message.playbook, message.step, message.done)));
          break;
        case 'run':
          await this.commands.run(message.command, this.selected);
          break;
      }
    } catch (err) {
      // The router logs and counts the failure; the view says what happened.
      this.post({ type: 'notice', kind: 'error', message: `Something went wrong: ${err instanceof Error ? err.message : String(err)}` });
      throw err;
    }
  }

  private report(outcome: WriteOutcome, done?: string): void {
    if (!outcome.ok) {
      this.post({ type: 'notice', kind: 'error', message: outcome.message });
      return;
    }
    if (outcome.changed && outcome.inEditor) {
      this.post({ type: 'notice', kind: 'info', message: `${done ? done + ' ' : ''}The change is in the open editor, beside your unsaved edits: save the file when ready.` });
    } else if (done && outcome.changed) {
      this.post({ type: 'notice', kind: 'info', message: done });
    }
  }

  dispose(): void {
    this.viewDisposables.splice(0).forEach((d) => d.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
