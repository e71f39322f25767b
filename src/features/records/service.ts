import { INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { mayWrite, restrictedText } from '../../host/trust';
import { RecordIndex, type RecordSummary } from '../../core/planner/recordIndex';
import { RecordLoader } from '../../core/planner/loader';
import { digestRecord, parseRecord, type DigestParse, type RecordParse } from '../../core/records/parse';
import type { RecordUpdate } from '../../core/records/write';
import { createNewFile, editTextDocument, fromLocal, listFiles, MAX_TEXT_FILE_BYTES, readText, resolvePath, updateTextFile } from '../../host/files';
import { localReader, type LocalRead, type LocalReader } from '../../platform/localRead';
import { relativeSetting, SECTION } from '../../host/settings';
import { Coalescer, Debouncer } from '../../host/timers';
import { linesRange, toDiagnostic } from '../../host/diagnostics';
import { Disposable } from '../../host/dispose';
import type { Deps } from '../../host/deps';
import { formatDate, localToday } from '../../core/dates';
import { attentionText } from '../../core/planner/attention';

export const DEFAULT_PARTNERSHIPS_FOLDER = 'partnerships';

/** Marks a file that could not be read as text; real text never holds a NUL (binary files are refused). */
const UNREADABLE = '\u0000unreadable:';

function unreadable(text: string): { ok: false; problems: RecordParse['problems']; partial: Record<string, never> } | undefined {
  if (!text.startsWith(UNREADABLE)) return undefined;
  return { ok: false, problems: [{ line: 0, message: text.slice(UNREADABLE.length), severity: 'error' }], partial: {} };
}
/** A record read with Node's fs, as readRecord gives it: its text, undefined when gone, or why it is unreadable. */
function recordText(read: LocalRead): string | undefined {
  const r = fromLocal(read, MAX_TEXT_FILE_BYTES);
  if (r.kind === 'missing') return undefined;
  if (r.kind === 'unreadable') return UNREADABLE + vscode.l10n.t('This partnership record {0}.', r.message);
  return r.text;
}

/** A relative path whose characters a URI's string form keeps as they are. */
const PLAIN_PATH = /^[\w.-]+(?:\/[\w.-]+)*$/;

/** What the string form of a URI joined to `root` starts with: `root` joined to a plain name, without the name. */
function idPrefix(root: vscode.Uri): string {
  const probe = vscode.Uri.joinPath(root, 'x').toString();
  return probe.slice(0, -1);
}

/**
 * Each record's URI by its id. A listing of thousands of files gives each its id only; the URI
 * is made from its folder and relative path on first use.
 */
class RecordUris {
  private readonly map = new Map<string, vscode.Uri | { root: vscode.Uri; rel: string }>();

  get(id: string): vscode.Uri | undefined {
    const v = this.map.get(id);
    if (v === undefined || v instanceof vscode.Uri) return v;
    const uri = vscode.Uri.joinPath(v.root, v.rel);
    this.map.set(id, uri);
    return uri;
  }

  set(id: string, uri: vscode.Uri): void {
    this.map.set(id, uri);
  }

  setLater(id: string, root: vscode.Uri, rel: string): void {
    this.map.set(id, { root, rel });
  }

  delete(id: string): boolean {
    return this.map.delete(id);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

const parseOrUnreadable = (text: string): RecordParse => unreadable(text) ?? parseRecord(text);
const digestOrUnreadable = (text: string): DigestParse => unreadable(text) ?? digestRecord(text);

export type WriteOutcome = { ok: true; changed: boolean; inEditor: boolean; before?: string; after?: string } | { ok: false; message: string };

/**
 * The partnership records of every workspace folder (setting
 * `communityPartnerships.partnershipsFolder`): listed once with findFiles and read in parallel
 * with a bound, then kept current one file per file-watcher or editor event. An editor's
 * unsaved text counts, as it does for the community context. Problems go to the Problems panel;
 * a record that cannot be read stays in the index as broken.
 */
export class RecordService extends Disposable {
  readonly index = new RecordIndex(digestOrUnreadable, parseOrUnreadable);
  readonly loader: RecordLoader;
  private readonly uris = new RecordUris();
  /** Files the last listing saw as regular files, not links: their first read needs no check. */
  private readonly listedFiles = new Set<string>();
  /** The local path of each file a listing with Node's fs found (its first read uses it). */
  private readonly localPaths = new Map<string, string>();
  /** Folders the listing refused (a link, or a partnerships folder that is one): listed as broken. */
  private readonly refusedFolders = new Set<string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('partnership-records');
  private readonly withProblems = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Keyed by the URI's string form, as ResourceMap keys it. */
  private readonly pending = new Debouncer<string>();
  private readonly watchers: vscode.Disposable[] = [];
  private readonly status = vscode.window.createStatusBarItem('communityPartnerships.checkIns', vscode.StatusBarAlignment.Left, 49);
  private readonly fireSoon = new Coalescer(50, () => {
    this.updateStatus();
    this.emitter.fire();
  });
  private started = false;
  private loadingNow = false;
  /** Fires (at most every 50 ms) when records were added, changed or removed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly deps: Deps) {
    super();
    this.status.name = vscode.l10n.t('Partnership Check-ins');
    this.status.command = INTERNAL_COMMANDS.focusPlanner;
    this.loader = new RecordLoader(
      this.index,
      {
        list: () => this.listAll(),
        read: (id) => this.readRecord(id),
        readMany: (ids, onText) => this.readMany(ids, onText),
      },
      { concurrency: 16, onRecord: (id) => this.recordChanged(id) },
    );
    this._register(this.emitter);
    this._register(this.diagnostics);
    this._register(this.status);
  }

  get loading(): boolean {
    return this.loadingNow;
  }

  /** The service once the index is loaded (the first call loads it): what the board, the measures and the assistant work on. */
  async loaded(): Promise<this> {
    await this.ensureLoaded();
    return this;
  }

  /** Loads the index on first use and starts following changes; later calls wait for that load. */
  async ensureLoaded(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.watch();
      [
        vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reset()),
        vscode.workspace.onDidChangeConfiguration((e) => {
          if (e.affectsConfiguration(`${SECTION}.partnershipsFolder`)) void this.reset();
        }),
        vscode.workspace.onDidChangeTextDocument((e) => {
          if (this.isRecordUri(e.document.uri)) this.schedule(e.document.uri, 150);
        }),
        // Closing an editor drops its unsaved text: the disk counts again.
        vscode.workspace.onDidCloseTextDocument((d) => {
          if (this.isRecordUri(d.uri) && d.isDirty) this.schedule(d.uri, 0);
        }),
      ].forEach((d) => this._register(d));
    }
    if (!this.loader.loaded) {
      this.loadingNow = true;
      const started = Date.now();
      const done = this.loader.load().finally(() => {
        this.loadingNow = false;
        this.deps.log.info(`Read ${this.index.size} partnership record(s) in ${Date.now() - started} ms`);
        this.fire();
      });
      this.fire();
      return done;
    }
    return this.loader.load();
  }

  /** Each workspace folder and its partnerships folder. */
  roots(): { folder: vscode.WorkspaceFolder; rel: string; uri: vscode.Uri }[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const rel = relativeSetting(folder, 'partnershipsFolder', DEFAULT_PARTNERSHIPS_FOLDER, this.deps.log);
      return { folder, rel, uri: vscode.Uri.joinPath(folder.uri, rel) };
    });
  }

  isRecordUri(uri: vscode.Uri): boolean {
    if (!/\.md$/i.test(uri.path)) return false;
    const s = uri.toString();
    return this.roots().some((r) => s.startsWith(r.uri.toString().replace(/\/?$/, '/')));
  }

  uriOf(id: string): vscode.Uri | undefined {
    return this.uris.get(id);
  }

  idOf(uri: vscode.Uri): string | undefined {
    const id = uri.toString();
    return this.index.get(id) ? id : undefined;
  }

  /** The whole record (every check-in, measurement and step), read when it is opened. */
  open(id: string): Promise<RecordParse | undefined> {
    return this.loader.open(id);
  }

  today(): string {
    return localToday();
  }

  overdue(): RecordSummary[] {
    return this.index.overdue(this.today());
  }

  /** Running partnerships whose review date has passed. */
  reviewsOverdue(): RecordSummary[] {
    return this.index.reviewsOverdue(this.today());
  }

  /** The file name of a record, as the planner's list and the board show it. */
  fileName(id: string): string {
    const uri = this.uris.get(id);
    return uri ? uri.path.split('/').pop() ?? id : id;
  }

  /**
   * Changes a record through the record writer: the open editor's text when it has unsaved
   * changes (edited through the editor and left unsaved), else the file. Retries when the text
   * changed between reading and writing.
   */
  async write(id: string, change: (text: string) => RecordUpdate, options: { undoable?: boolean } = {}): Promise<WriteOutcome> {
    if (!mayWrite({ quiet: true })) return { ok: false, message: restrictedText() };
    const uri = this.uris.get(id);
    if (!uri || !this.index.get(id) || this.refusedFolders.has(id)) return { ok: false, message: vscode.l10n.t('That partnership record is no longer in the workspace.') };
    const compute = (text: string) => {
      const update = change(text);
      return { edits: update.edits, value: update.text };
    };
    // Computed from the text as it is right before the write, and again if it changed under it.
    // An undoable change goes through the file's document (a WorkspaceEdit): its editor's Undo
    // takes it back.
    const result = options.undoable ? await editTextDocument(uri, compute) : await updateTextFile(uri, compute);
    if (!result.ok) return { ok: false, message: result.message };
    // The new text is known: no need to read it back (the watcher's event then finds it unchanged).
    if (result.changed) this.loader.put(id, result.value);
    return { ok: true, changed: result.changed, inEditor: result.inEditor, before: 'before' in result ? (result.before as string | undefined) : undefined, after: result.text };
  }

  /**
   * Creates a new record `<base>.md` in a partnerships folder, never over an existing file: a
   * second partnership with the same partner gets `<base>-2.md`. Indexed at once.
   */
  async createRecord(root: { uri: vscode.Uri; rel: string }, base: string, text: string): Promise<{ ok: true; uri: vscode.Uri; id: string } | { ok: false; message: string }> {
    for (let n = 1; n < 100; n++) {
      const uri = vscode.Uri.joinPath(root.uri, `${base}${n === 1 ? '' : `-${n}`}.md`);
      const created = await createNewFile(uri, text);
      if (created.ok) {
        this.deps.log.info(`Created ${uri.toString()}`);
        // Ticks the walkthrough's "Create a first partnership", from whichever place it was made.
        void vscode.commands.executeCommand(INTERNAL_COMMANDS.walkthroughStep, 'partnershipCreated');
        return { ok: true, uri, id: this.created(uri, text) };
      }
      // A link, a device, a file system error: no other name would fare better.
      if (!created.exists) return { ok: false, message: vscode.l10n.t('The partnership record was not created: {0}', created.message) };
    }
    return { ok: false, message: vscode.l10n.t('Could not find a free file name for {0} in {1}.', `${base}.md`, root.rel) };
  }

  /** A record written by the extension itself: index it at once. */
  created(uri: vscode.Uri, text: string): string {
    const id = uri.toString();
    this.uris.set(id, uri);
    if (this.started) this.loader.put(id, text);
    return id;
  }

  private async listAll(): Promise<string[]> {
    const ids: string[] = [];
    this.listedFiles.clear();
    this.localPaths.clear();
    this.refusedFolders.clear();
    const local = localReader();
    for (const root of this.roots()) {
      // A walk of the folder rather than findFiles: it sees each entry's type, so links (which
      // findFiles follows) are listed as refused instead of read, and `.MD` counts as `.md`.
      // A local folder is walked with Node's fs where the host has it (one workspace.fs call
      // waits for a round trip to the workbench; src/platform/localRead.ts).
      if (local && root.uri.scheme === 'file') {
        ids.push(...(await this.listLocal(root.folder, root.uri, local)));
        continue;
      }
      const listing = await listFiles(root.uri, (name) => /\.md$/i.test(name));
      for (const uri of listing.files) {
        const id = uri.toString();
        this.uris.set(id, uri);
        this.listedFiles.add(id);
        ids.push(id);
      }
      for (const r of listing.refused) {
        const id = r.uri.toString();
        this.uris.set(id, r.uri);
        if (r.folder) this.refusedFolders.add(id);
        ids.push(id);
      }
    }
    return ids;
  }

  /**
   * A local partnerships folder listed with Node's fs: the same entries, refused or not, as
   * listFiles gives (the folder itself checked the same way first).
   */
  private async listLocal(folder: vscode.WorkspaceFolder, rootUri: vscode.Uri, local: LocalReader): Promise<string[]> {
    const ids: string[] = [];
    // The folders on the way, looked at with Node's fs (lstat); anything but plain folders is
    // worked out by resolvePath, which says what it is.
    let base = folder.uri.path;
    while (base.endsWith('/')) base = base.slice(0, -1);
    const below = rootUri.path.startsWith(base + '/') ? rootUri.path.slice(base.length + 1).split('/').filter((s) => s !== '') : [];
    const plainFolders = folder.uri.scheme === 'file' && rootUri.scheme === 'file' && (await local.isPlainFolder(folder.uri.fsPath, below));
    const resolved = plainFolders ? { kind: 'folder' as const } : await resolvePath(rootUri, 'folder');
    if (resolved.kind === 'missing') return ids;
    const refuse = (uri: vscode.Uri, folder: boolean) => {
      const id = uri.toString();
      this.uris.set(id, uri);
      if (folder) this.refusedFolders.add(id);
      ids.push(id);
    };
    if (resolved.kind === 'refused') {
      refuse(rootUri, true);
      return ids;
    }
    const listing = await local.list(rootUri.fsPath, (name) => /\.md$/i.test(name));
    const prefix = idPrefix(rootUri);
    // Checked on the first plain name against the URI made the long way; a mismatch makes every URI.
    const first = listing.files.find((f) => PLAIN_PATH.test(f.rel));
    const plain = first !== undefined && prefix + first.rel === vscode.Uri.joinPath(rootUri, first.rel).toString();
    for (const file of listing.files) {
      // The id is the URI's string form, worked out without making the URI where that is plain
      // (the URI itself is made when it is needed: a write, a problem, a row shown).
      const id = plain && PLAIN_PATH.test(file.rel) ? prefix + file.rel : vscode.Uri.joinPath(rootUri, file.rel).toString();
      this.uris.setLater(id, rootUri, file.rel);
      this.listedFiles.add(id);
      this.localPaths.set(id, file.path);
      ids.push(id);
    }
    for (const r of listing.refused) refuse(vscode.Uri.joinPath(rootUri, r.rel), r.kind === 'linkToFolder');
    return ids;
  }

  /**
   * Loading: the files a local listing just found are read together with Node's fs (no
   * promise per file); the rest (other schemes, refused entries, unsaved editors) one by one.
   */
  private async readMany(ids: readonly string[], onText: (index: number, text: string | undefined) => void): Promise<void> {
    const local = localReader();
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed).map((d) => d.uri.toString()));
    const paths: string[] = [];
    const at: number[] = [];
    const others: number[] = [];
    ids.forEach((id, i) => {
      const file = this.localPaths.get(id);
      if (local && file !== undefined && this.listedFiles.has(id) && !dirty.has(id)) {
        this.listedFiles.delete(id);
        paths.push(file);
        at.push(i);
      } else others.push(i);
    });
    this.localPaths.clear();
    const hand = (i: number, text: string | undefined) => {
      try {
        onText(i, text);
      } catch (err) {
        this.deps.log.error(`Could not index ${ids[i]}: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    let next = 0;
    const worker = async () => {
      while (next < others.length) {
        const i = others[next++];
        hand(i, await this.readRecord(ids[i]).catch(() => undefined));
      }
    };
    await Promise.all([
      local && paths.length ? local.readMany(paths, MAX_TEXT_FILE_BYTES, (k, read) => hand(at[k], recordText(read)), 16) : undefined,
      ...Array.from({ length: Math.min(16, others.length) }, worker),
    ]);
  }

  private async readRecord(id: string): Promise<string | undefined> {
    const uri = this.uris.get(id);
    if (!uri) return undefined;
    if (this.refusedFolders.has(id)) {
      const folder = await resolvePath(uri, 'folder');
      if (folder.kind === 'refused') return UNREADABLE + vscode.l10n.t('The folder {0} {1}: no partnership record in it is read.', vscode.workspace.asRelativePath(uri), folder.message);
      this.refusedFolders.delete(id);
      return undefined;
    }
    // A file the listing just saw is read at once; any later read (a watcher event) checks the path again.
    const checked = this.listedFiles.delete(id);
    const read = await readText(uri, undefined, { checked });
    if (read.kind === 'missing') return undefined;
    if (read.kind === 'unreadable') return UNREADABLE + vscode.l10n.t('This partnership record {0}.', read.message);
    return read.text;
  }

  private recordChanged(id: string): void {
    const kept = this.index.problemsOf(id);
    const problems = kept ?? [];
    // The URI only when the Problems panel changes: a record without problems, loaded from a
    // listing, has none made yet and needs none.
    const uri = problems.length || this.withProblems.has(id) ? this.uris.get(id) : undefined;
    if (!kept) this.uris.delete(id);
    if (uri) {
      if (problems.length) {
        this.diagnostics.set(
          uri,
          problems.map((p) => toDiagnostic({ message: p.message, severity: p.severity === 'error' ? 'error' : 'warning' }, linesRange(p.line))),
        );
        this.withProblems.add(id);
      } else if (this.withProblems.delete(id)) {
        this.diagnostics.delete(uri);
      }
    }
    this.fire();
  }

  private fire(): void {
    this.fireSoon.trigger();
  }

  private updateStatus(): void {
    // Worked out when the load is done, not over and over while it runs.
    if (!this.loader.loaded || this.loadingNow) return;
    const overdue = this.overdue();
    const reviews = this.reviewsOverdue();
    if (overdue.length === 0 && reviews.length === 0) {
      this.status.hide();
      return;
    }
    const n = overdue.length;
    this.status.text = `$(bell-dot) ${attentionText(n, reviews.length)}`;
    const tip = new vscode.MarkdownString();
    const lines: string[] = [];
    if (n > 0) {
      const list = overdue.slice(0, 5).map((s) => vscode.l10n.t('{0} (due {1})', s.partner, formatDate(s.nextCheckIn ?? ''))).join(', ') + (n > 5 ? ', …' : '');
      lines.push(vscode.l10n.t('Partnership check-ins past their due date: {0}.', list));
    }
    if (reviews.length > 0) {
      const list = reviews.slice(0, 5).map((s) => vscode.l10n.t('{0} (review {1})', s.partner, s.review ?? '')).join(', ') + (reviews.length > 5 ? ', …' : '');
      lines.push(vscode.l10n.t('Partnership reviews past their date: {0}.', list));
    }
    tip.appendText([...lines, vscode.l10n.t('Click to open the planner.')].join('\n\n'));
    this.status.tooltip = tip;
    this.status.accessibilityInformation = { label: reviews.length === 0 ? (n === 1 ? vscode.l10n.t('1 partnership check-in overdue. Open the planner.') : vscode.l10n.t('{0} partnership check-ins overdue. Open the planner.', n)) : vscode.l10n.t('{0}. Open the planner.', attentionText(n, reviews.length)) };
    this.status.show();
  }

  private schedule(uri: vscode.Uri, delay: number, deleted = false): void {
    const id = uri.toString();
    this.pending.schedule(id, delay, () => {
      if (deleted) {
        this.loader.remove(id);
        return;
      }
      this.uris.set(id, uri);
      void this.loader.update(id);
    });
  }

  private watch(): void {
    for (const w of this.watchers.splice(0)) w.dispose();
    for (const root of this.roots()) {
      // Watched from the workspace folder, so a partnerships folder created later is seen too.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.folder, `${root.rel}/**`));
      const onChange = (uri: vscode.Uri) => {
        if (this.isRecordUri(uri)) this.schedule(uri, 50);
      };
      watcher.onDidCreate(onChange, undefined, this.watchers);
      watcher.onDidChange(onChange, undefined, this.watchers);
      watcher.onDidDelete(
        (uri) => {
          // A deleted folder takes the records under it along.
          const prefix = uri.toString().replace(/\/?$/, '/');
          for (const id of [...this.uris.keys()]) if (id === uri.toString() || id.startsWith(prefix)) this.schedule(this.uris.get(id)!, 50, true);
        },
        undefined,
        this.watchers,
      );
      this.watchers.push(watcher);
    }
  }

  private async reset(): Promise<void> {
    this.watch();
    this.loadingNow = true;
    this.fire();
    try {
      await this.loader.reload();
    } finally {
      this.loadingNow = false;
      this.fire();
    }
  }

  override dispose(): void {
    this.pending.dispose();
    this.fireSoon.dispose();
    for (const d of this.watchers.splice(0)) d.dispose();
    super.dispose();
  }
}
