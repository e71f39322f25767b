import { COMMANDS, INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { mayWrite, restrictedText } from '../../host/trust';
import type { RecordSummary } from '../../core/planner/recordIndex';
import { BoardFromWebview, BoardPrefsSchema, type BoardPrefs, type BoardResults, type BoardRow, type BoardToWebview } from './protocol';
import { openPanel } from '../../host/panels';
import { Disposable } from '../../host/dispose';
import { RequestError } from '../../host/webviewIpc';
import { resolvePath } from '../../host/files';
import { preview, type Router } from '../../host/messages';
import { localToday } from '../../core/dates';
import { recordRow } from '../records/protocol';
import type { RecordService } from '../records/api';
import type { Deps } from '../../host/deps';
import { BOARD_VIEW_TYPE } from './viewType';

/** Where the board's view and sort are kept: per workspace. */
export const BOARD_PREFS_KEY = 'communityPartnerships.boardPrefs';
const DEFAULT_PREFS: BoardPrefs = { view: 'board' };

/**
 * The pipeline board in the editor area: the partnership records (the index and writer the
 * planner uses too, src/features/records/service.ts) by stage and as a table. The page gets every row once and
 * then only the rows that changed (a record's summary is the same object while its text is
 * the same, so a change is found by identity); a move is the planner's own stage change, an
 * edit of the file's document, so the file's Undo takes it back and unsaved text in an editor
 * is edited there, never overwritten.
 */
export class BoardPanel extends Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly router: Router;
  /** The summary of each row the page holds, as it was sent. */
  private readonly sent = new Map<string, RecordSummary>();
  private pageReady = false;
  private lastLoading: boolean | undefined;
  private service: RecordService | undefined;
  /** Moves are written one after the other: each one's edit and save before the next one reads the file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    extensionUri: vscode.Uri,
    private readonly deps: Deps,
    private readonly services: Promise<RecordService>,
    private readonly state: vscode.Memento,
    onDispose: () => void,
    existing?: vscode.WebviewPanel,
    /** The record index when it was at hand as the board opened: its rows go into the page. */
    known?: RecordService,
  ) {
    super();
    const opened = openPanel<BoardFromWebview, BoardResults>(extensionUri, deps, {
      viewType: BOARD_VIEW_TYPE,
      title: vscode.l10n.t('Pipeline Board'),
      script: 'board',
      column: { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      name: 'board',
      logLabel: 'Board',
      schema: BoardFromWebview,
      // What `ready` brings, in the page: its settings and, with the records read, every row.
      initial: () => {
        const init = { type: 'init', ...this.readyResult(known) };
        return known && !known.loading ? [init, this.rowsMessage(known, true)] : [init];
      },
      handlers: {
        ready: () => this.ready(),
        edit: (m) => this.serial(() => this.edit(m)),
        open: (m) => this.open(m),
        prefs: async (m) => {
          await this.state.update(BOARD_PREFS_KEY, m.prefs);
          return null;
        },
        run: async (m) => {
          await vscode.commands.executeCommand(m.command === 'newPartnership' ? COMMANDS.newPartnership : INTERNAL_COMMANDS.openPlanner);
          return null;
        },
      },
      onDispose: () => {
        this.dispose();
        onDispose();
      },
      existing,
    });
    this.panel = opened.panel;
    this.router = opened.router;
    opened.disposables.forEach((d) => this._register(d));
    // A hidden page is unloaded (no retained context): it asks for every row again when shown.
    this._register(this.panel.onDidChangeViewState(() => (this.pageReady &&= this.panel.visible)));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.post({ type: 'readOnly', readOnly: false })));
    void services.then(
      (s) => {
        if (this.isDisposed) return;
        this.service = s;
        this._register(s.onDidChange(() => this.sync(false)));
        this.sync(true);
      },
      (err) => deps.log.error('Board: loading the partnership records failed', err),
    );
  }

  /** Handles a message as if the page had sent it (the same zod check). */
  receive(raw: unknown): Promise<void> {
    return this.router(raw);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private post(message: BoardToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  prefs(): BoardPrefs {
    const parsed = BoardPrefsSchema.safeParse(this.state.get<unknown>(BOARD_PREFS_KEY));
    return parsed.success ? parsed.data : DEFAULT_PREFS;
  }

  private ready(): BoardResults['ready'] {
    this.pageReady = true;
    // A (re)loaded page holds nothing: every row again.
    this.sent.clear();
    this.lastLoading = undefined;
    queueMicrotask(() => this.sync(true));
    return this.readyResult(this.service);
  }

  private readyResult(service: RecordService | undefined): BoardResults['ready'] {
    return {
      today: service?.today() ?? localToday(),
      readOnly: !mayWrite({ quiet: true }),
      prefs: this.prefs(),
      folder: vscode.workspace.workspaceFolders?.[0]?.name ?? '',
    };
  }

  /** Every row, as a reset would send it (the page's first rows, in its HTML); nothing is marked sent. */
  private rowsMessage(service: RecordService, reset: boolean): BoardToWebview {
    const rows = service.index.all().map((e) => this.row(e.summary, service));
    return { type: 'rows', reset, upsert: rows, remove: [], loading: service.loading, today: service.today() };
  }

  private row(s: RecordSummary, service = this.service!): BoardRow {
    const row: BoardRow = recordRow(s, service.fileName(s.id));
    if (s.review) row.review = s.review;
    return row;
  }

  /** Sends the rows that changed since the last message (all of them on a reset). */
  private sync(reset: boolean): void {
    const service = this.service;
    if (!service || !this.pageReady) return;
    if (reset) this.sent.clear();
    const upsert: BoardRow[] = [];
    const seen = new Set<string>();
    for (const e of service.index.all()) {
      seen.add(e.id);
      if (this.sent.get(e.id) !== e.summary) {
        this.sent.set(e.id, e.summary);
        upsert.push(this.row(e.summary));
      }
    }
    const remove: string[] = [];
    for (const id of this.sent.keys()) if (!seen.has(id)) remove.push(id);
    for (const id of remove) this.sent.delete(id);
    const loading = service.loading;
    if (!reset && upsert.length === 0 && remove.length === 0 && loading === this.lastLoading) return;
    this.lastLoading = loading;
    this.post({ type: 'rows', reset, upsert, remove, loading, today: service.today() });
  }

  private async loaded(): Promise<RecordService> {
    const s = await this.services;
    await s.ensureLoaded();
    return s;
  }

  /** Every id the page sends must be a record the index holds: the page never names other files. */
  private known(service: RecordService, id: string, m: unknown): void {
    if (service.index.get(id)) return;
    this.deps.log.warn(`Board: dropped a message about a record that is not in the workspace: ${preview(m)}`);
    throw new RequestError('notFound', vscode.l10n.t('That partnership record is no longer in the workspace.'));
  }

  private async edit(m: Extract<BoardFromWebview, { type: 'edit' }>): Promise<BoardResults['edit']> {
    const service = await this.loaded();
    this.known(service, m.id, m);
    if (!mayWrite({ quiet: true })) throw new RequestError('readOnly', restrictedText());
    // The planner's own path: the same change, the same writer, an edit of the file's document.
    // The record edits are a chunk of their own (src/core/records/edit.ts), loaded by the first move.
    const { changeRecordText } = this.deps.loadChunk('recordEdit') as typeof import('../../core/records/edit');
    const outcome = await service.write(m.id, (t) => changeRecordText(t, m.change), { undoable: true });
    if (!outcome.ok) throw new RequestError('writeFailed', outcome.message);
    const entry = service.index.get(m.id);
    return { changed: outcome.changed, inEditor: outcome.inEditor, ...(entry ? { row: this.row(entry.summary) } : {}) };
  }

  private async open(m: Extract<BoardFromWebview, { type: 'open' }>): Promise<null> {
    const service = await this.loaded();
    this.known(service, m.id, m);
    const uri = service.uriOf(m.id);
    if (!uri) throw new RequestError('notFound', vscode.l10n.t('That partnership record is no longer in the workspace.'));
    // A link (or a device) is not opened either: the editor would show what it points to.
    const resolved = await resolvePath(uri);
    if (resolved.kind === 'refused') throw new RequestError('notFound', `${vscode.workspace.asRelativePath(uri)} ${resolved.message}.`);
    // Beside the board, so the board stays in sight.
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return null;
  }
}

