// Loaded on the first measure command: metrics from the exports communities already have (member
// lists, registrations, sign-ups), the tracker import, the pipeline CSV and the calendar.
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { pickPartnership, pickText, type PlannerService, type WriteOutcome } from '../planner/api';
import { createNewFile, describeError, openDocument, readText, replaceFile, resolvePath } from '../../host/files';
import { readFrontMatter } from '../../core/frontMatter';
import { appendMetric, isRecordDate, recordContextInput, setScores, updateRecordText, type RecordChanges } from '../../core/records';
import { dateProblem } from '../../core/dates';
import { communityName } from '../../core/context/name';
import {
  AttendanceCounter,
  DigestSet,
  HashedListReader,
  estimateRows,
  MemberHasher,
  roleTitle,
  eventDateColumn,
  SignupAttributor,
  calendarKeys,
  TRACKER_FIELDS,
  TRACKER_FIELD_TITLES,
  fileNamePattern,
  guessMapping,
  guessTrackerMapping,
  looksDayFirst,
  mappingFits,
  mappingIndexes,
  newSalt,
  overlapOf,
  pipelineCsv,
  pipelineEvents,
  planTrackerImport,
  readCsv,
  readTracker,
  renderCalendar,
  saltProblem,
  suggestedOverlapScore,
  trackedLink,
  trackerRecordText,
  trackerRowPreview,
  utmFor,
  type Attendance,
  type AttributionTarget,
  type BadRows,
  type ColumnMapping,
  type ColumnRole,
  type CsvRow,
  type Overlap,
  type ReadSummary,
  type TrackerMapping,
  type TrackerPlan,
} from '../../core/measure';
import { sha256Batch, randomBytes } from '../../platform/sha256';
import { mayWrite } from '../../host/trust';
import { CHUNK_BYTES, openLocalExport } from '../../platform/exportStream';
import { formatCount } from '../../core/numbers';

/** The planner's service, loaded (the index read) on the first call. */
export type PlannerAccess = () => Promise<PlannerService>;

export interface MeasureApi {
  exportHashedList(arg?: unknown, options?: unknown): Promise<unknown>;
  compareLists(arg?: unknown, options?: unknown): Promise<unknown>;
  measureAttendance(arg?: unknown, options?: unknown): Promise<unknown>;
  copyTrackedLink(arg?: unknown, options?: unknown): Promise<unknown>;
  countSignups(arg?: unknown, options?: unknown): Promise<unknown>;
  importTracker(arg?: unknown, options?: unknown): Promise<unknown>;
  exportPipelineCsv(arg?: unknown, options?: unknown): Promise<unknown>;
  exportCalendar(arg?: unknown, options?: unknown): Promise<unknown>;
  readonly tools: MeasureTools;
}

export type MeasureCommand = Exclude<keyof MeasureApi, 'tools'>;

/** What the measure commands share with the private overlap's commands (src/features/privateOverlap/). */
export interface MeasureTools {
  trusted(): boolean;
  service(): Promise<PlannerService>;
  pickRecord(s: PlannerService, arg: unknown, placeHolder: string): Promise<string | undefined>;
  pickFile(value: string | vscode.Uri | undefined, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined>;
  pickOutput(value: string | vscode.Uri | undefined, fileName: string, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined>;
  writeOutput(uri: vscode.Uri, text: string): Promise<boolean>;
  openExport(uri: vscode.Uri): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> } | { message: string }>;
  readExport<T>(
    uri: vscode.Uri,
    title: string,
    needs: { roles: readonly ColumnRole[]; required: readonly ColumnRole[]; given?: ColumnMapping },
    start: (header: string[], mapping: ColumnMapping, sample: CsvRow[], expectedRows: number) => { add(rows: CsvRow[]): void | Promise<void>; done(): T | Promise<T> },
  ): Promise<{ value: T; summary: ReadSummary } | undefined>;
  logBadRows(what: string, bad: BadRows, problems?: readonly { line: number; message: string }[]): number;
  showSkipped(message: string, skipped: number, actions?: { label: string; run: () => unknown }[]): void;
  skippedNote(n: number): string;
  logOverlap(s: PlannerService, id: string, o: Overlap, g: { date?: string; setScore?: boolean }, method: string, skipped: number, sources?: readonly vscode.Uri[]): Promise<(Overlap & { score: number; skipped: number }) | undefined>;
  run<T>(what: string, body: () => Promise<T>): Promise<T | undefined>;
  fileStem(s: PlannerService, id: string): string;
  toUri(v: string | vscode.Uri | undefined): vscode.Uri | undefined;
}

const MAPPINGS_KEY = 'communityPartnerships.measure.mappings';
const LINK_BASE_KEY = 'communityPartnerships.measure.linkBase';
/** Workspace state: a record's path → the page its last tracked link opened. */
const LINK_BASES_KEY = 'communityPartnerships.measure.linkBases';
const CSV_FILTERS = { 'CSV exports': ['csv', 'tsv', 'txt'], 'All files': ['*'] };
const HASHED_FILTERS = { 'Hashed member lists': ['sha256', 'txt', 'csv'], 'All files': ['*'] };

/** Options a test, a task or a keybinding passes to run a command without asking. */
interface Given {
  members?: string | vscode.Uri;
  hashed?: string | vscode.Uri;
  registrations?: string | vscode.Uri;
  signups?: string | vscode.Uri;
  tracker?: string | vscode.Uri;
  output?: string | vscode.Uri;
  mapping?: ColumnMapping;
  trackerMapping?: Partial<Record<string, string>>;
  date?: string;
  base?: string;
  confirm?: boolean;
  setScore?: boolean;
}

function given(raw: unknown): Given {
  return raw && typeof raw === 'object' && !(raw instanceof vscode.Uri) ? (raw as Given) : {};
}

class Cancelled extends Error {}

/** What the measure commands share: the extension's context, the deps and the planner's service. */
interface Measure {
  readonly context: vscode.ExtensionContext;
  readonly deps: Deps;
  /** The planner's service, loaded (the index read) on the first call; set by `bind`. */
  planner?: PlannerAccess;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): MeasureApi & { bind(planner: PlannerAccess): void } {
  const m: Measure = { context, deps };
  return {
    bind: (p) => {
      m.planner = p;
    },
    exportHashedList: (arg, raw) => exportHashedList(m, arg, raw),
    compareLists: (arg, raw) => compareLists(m, arg, raw),
    measureAttendance: (arg, raw) => measureAttendance(m, arg, raw),
    copyTrackedLink: (arg, raw) => copyTrackedLink(m, arg, raw),
    countSignups: (arg, raw) => countSignups(m, arg, raw),
    importTracker: (arg, raw) => importTracker(m, arg, raw),
    exportPipelineCsv: (arg, raw) => exportPipelineCsv(m, arg, raw),
    exportCalendar: (arg, raw) => exportCalendar(m, arg, raw),
    tools: toolsFor(m),
  };
}

/** The measure helpers the private overlap's commands use, bound to this activation. */
function toolsFor(m: Measure): MeasureTools {
  return {
    trusted,
    service: () => service(m),
    pickRecord,
    pickFile,
    pickOutput,
    writeOutput,
    openExport,
    readExport: (...a) => readExport(m, ...a),
    logBadRows: (...a) => logBadRows(m, ...a),
    showSkipped: (...a) => showSkipped(m, ...a),
    skippedNote,
    logOverlap: (...a) => logOverlap(m, ...a),
    run: (...a) => run(m, ...a),
    fileStem,
    toUri,
  };
}

async function service(m: Measure): Promise<PlannerService> {
  if (!m.planner) throw new Error('The planner is not registered.');
  return m.planner();
}

function toUri(v: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (v === undefined) return undefined;
  if (v instanceof vscode.Uri) return v;
  if (/^[a-z][\w+.-]*:/i.test(v) && !/^[a-z]:[\\/]/i.test(v)) return vscode.Uri.parse(v);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, v) : vscode.Uri.file(v);
}

function trusted(): boolean {
  return mayWrite();
}

// -------------------------------------------------------------------------------------------
// Records

function pickRecord(s: PlannerService, arg: unknown, placeHolder: string): Promise<string | undefined> {
  return pickPartnership(s, { arg, placeHolder });
}

/** The record's front matter as read (for `hashSalt` and `utm`, which the planner does not keep). */
async function frontMatterOf(s: PlannerService, id: string): Promise<Record<string, unknown>> {
  const uri = s.uriOf(id);
  if (!uri) return {};
  const read = await readText(uri);
  if (read.kind !== 'text') return {};
  const fm = readFrontMatter(read.text);
  return fm.kind === 'yaml' ? fm.data : {};
}

function reportWrite(outcome: WriteOutcome, done: string): boolean {
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(outcome.message);
    return false;
  }
  if (outcome.inEditor) void vscode.window.showInformationMessage(vscode.l10n.t('{0} The change is in the open editor, beside your unsaved edits: save the file when ready.', done));
  return true;
}

/** The partnership's salt: the record's, or (with `create`) a new one when it has none, not written yet. */
async function saltFor(s: PlannerService, id: string, create: boolean): Promise<{ salt: string; made: boolean } | undefined> {
  const data = await frontMatterOf(s, id);
  const existing = typeof data.hashSalt === 'string' || typeof data.hashSalt === 'number' ? String(data.hashSalt).trim() : undefined;
  if (existing !== undefined) {
    const problem = saltProblem(existing);
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t("The record's hashSalt cannot be used: {0}. Agree on a new one with the partner (or remove the line to have one made).", problem));
      return undefined;
    }
    return { salt: existing, made: false };
  }
  if (!create) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This partnership has no hashSalt yet: run "Export Hashed Member List" first, which makes one and keeps it in the record, and send it to the partner with your file.'));
    return undefined;
  }
  // Made here, written to the record only once the export is certain (keepSalt).
  return { salt: newSalt(randomBytes), made: true };
}

/** Writes a salt made for this export into the record (hashSalt is a key this extension keeps; the writer leaves every other line alone). */
async function keepSalt(m: Measure, s: PlannerService, id: string, salt: string): Promise<boolean> {
  const outcome = await s.write(id, (t) => updateRecordText(t, { hashSalt: salt } as unknown as RecordChanges));
  if (!reportWrite(outcome, vscode.l10n.t('The salt is in the record.'))) return false;
  m.deps.log.info(`Made a salt for ${vscode.workspace.asRelativePath(s.uriOf(id)!)} (hashSalt in its front matter)`);
  return true;
}

// -------------------------------------------------------------------------------------------
// Files

async function pickFile(value: string | vscode.Uri | undefined, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const uri = toUri(value);
  if (uri) return uri;
  const picked = await vscode.window.showOpenDialog({ title, openLabel: vscode.l10n.t('Use This File'), canSelectMany: false, filters, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
  return picked?.[0];
}

/**
 * An export's bytes in chunks. A file in the workspace is checked by the path resolver (no link
 * on the way, a regular file); one picked outside it (a Downloads folder) must be a regular
 * file, not a link. A local file is read 1 MB at a time; others (and the browser) through
 * workspace.fs. An editor's unsaved text wins, as everywhere.
 */
async function openExport(uri: vscode.Uri): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> } | { message: string }> {
  const rel = vscode.workspace.asRelativePath(uri);
  if (vscode.workspace.getWorkspaceFolder(uri)) {
    const resolved = await resolvePath(uri);
    if (resolved.kind === 'refused') return { message: vscode.l10n.t('{0} {1}.', rel, resolved.message) };
    if (resolved.kind === 'missing') return { message: vscode.l10n.t('{0} does not exist.', rel) };
  } else {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (err) {
      return { message: vscode.l10n.t('{0} could not be read ({1}).', rel, describeError(err)) };
    }
    if (stat.type & vscode.FileType.SymbolicLink) return { message: vscode.l10n.t('{0} is a symbolic link, which is not followed.', rel) };
    if (!(stat.type & vscode.FileType.File)) return { message: vscode.l10n.t('{0} is not a regular file.', rel) };
  }
  const doc = openDocument(uri);
  if (doc?.isDirty) {
    const bytes = new TextEncoder().encode(doc.getText());
    return { size: bytes.length, chunks: split(bytes) };
  }
  const local = uri.scheme === 'file' ? openLocalExport(uri.fsPath) : undefined;
  if (local) return local.ok ? local : { message: vscode.l10n.t('{0} {1}.', rel, local.message) };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { size: bytes.length, chunks: split(bytes) };
  } catch (err) {
    return { message: vscode.l10n.t('{0} could not be read ({1}).', rel, describeError(err)) };
  }
}

function* split(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

/** Reads a CSV with a progress notification (cancellable), the mapping asked once the header is known. */
async function readExport<T>(m: Measure, uri: vscode.Uri, title: string, needs: { roles: readonly ColumnRole[]; required: readonly ColumnRole[]; given?: ColumnMapping }, start: (header: string[], mapping: ColumnMapping, sample: CsvRow[], expectedRows: number) => { add(rows: CsvRow[]): void | Promise<void>; done(): T | Promise<T> }): Promise<{ value: T; summary: ReadSummary } | undefined> {
  const opened = await openExport(uri);
  if ('message' in opened) {
    void vscode.window.showErrorMessage(opened.message);
    return undefined;
  }
  // The header and first rows first (for the mapping), then the whole file with progress.
  const head = await readHead(uri);
  if (!head) return undefined;
  if (head.header.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no header row: nothing to read.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const mapping = await chooseMapping(m, uri, head.header, head.rows, needs);
  if (!mapping) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}: ${name}`, cancellable: true }, async (progress, token) => {
    const again = await openExport(uri);
    if ('message' in again) {
      void vscode.window.showErrorMessage(again.message);
      return undefined;
    }
    let consumer: ReturnType<typeof start> | undefined;
    let reported = 0;
    const summary = await readCsv(again.chunks, {
      onRows: async (rows, table) => {
        consumer ??= start(table.header, mapping, head.rows, estimateRows(again.size, head.rows));
        await consumer.add(rows);
      },
      onProgress: (bytes) => {
        const pct = again.size ? Math.min(100, (bytes / again.size) * 100) : 0;
        progress.report({ increment: pct - reported, message: `${Math.round(pct)}%` });
        reported = pct;
      },
      cancelled: () => token.isCancellationRequested,
    });
    if (summary.cancelled) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Cancelled: nothing was logged.'), 4000);
      return undefined;
    }
    consumer ??= start(summary.header, mapping, [], 0);
    return { value: await consumer.done(), summary };
  });
}

/** The header and up to 20 rows, for the mapping step. */
async function readHead(uri: vscode.Uri, quiet = false): Promise<{ header: string[]; rows: CsvRow[] } | undefined> {
  const opened = await openExport(uri);
  if ('message' in opened) {
    if (!quiet) void vscode.window.showErrorMessage(opened.message);
    return undefined;
  }
  const rows: CsvRow[] = [];
  let stop = false;
  const summary = await readCsv(opened.chunks, {
    onRows: (batch) => {
      rows.push(...batch.slice(0, 20 - rows.length));
      if (rows.length >= 20) stop = true;
    },
    cancelled: () => stop,
  });
  // The local reader closes its file when the iteration stops: drain nothing more.
  return { header: summary.header, rows };
}

function mappings(m: Measure): Record<string, ColumnMapping> {
  return m.context.workspaceState.get<Record<string, ColumnMapping>>(MAPPINGS_KEY) ?? {};
}

/**
 * The columns to use: the given mapping, else the one remembered for files named like this
 * one (when it fits the header), else the guesses; the user confirms or changes them in one
 * list, and the answer is remembered.
 */
async function chooseMapping(m: Measure, uri: vscode.Uri, header: string[], sample: CsvRow[], needs: { roles: readonly ColumnRole[]; required: readonly ColumnRole[]; given?: ColumnMapping }): Promise<ColumnMapping | undefined> {
  if (needs.given) {
    const missing = needs.required.filter((r) => !needs.given![r] || !header.includes(needs.given![r]!));
    if (missing.length) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The file has no column {0}.', missing.map((r) => needs.given![r] ?? r).join(', ')));
      return undefined;
    }
    return needs.given;
  }
  const pattern = fileNamePattern(uri.path);
  const remembered = mappings(m)[pattern];
  let mapping: ColumnMapping = remembered && mappingFits(header, remembered) ? { ...remembered } : guessMapping(header);
  for (const role of Object.keys(mapping) as ColumnRole[]) if (!needs.roles.includes(role)) delete mapping[role];
  const example = (column: string | undefined): string => {
    if (!column) return '';
    const at = header.indexOf(column);
    const values = sample.map((r) => r.fields[at] ?? '').filter((v) => v.trim() !== '').slice(0, 3);
    return values.map((v) => (v.length > 30 ? `${v.slice(0, 29)}…` : v)).join(', ');
  };
  for (;;) {
    const missing = needs.required.filter((r) => !mapping[r]);
    const items: (vscode.QuickPickItem & { role?: ColumnRole; go?: boolean })[] = [
      missing.length
        ? { label: `$(warning) ${vscode.l10n.t('Choose the column first: {0}', missing.map((r) => roleTitle(r)).join(', '))}`, alwaysShow: true }
        : { label: `$(check) ${vscode.l10n.t('Use these columns')}`, description: remembered ? vscode.l10n.t('remembered for files named like this one') : '', go: true, alwaysShow: true },
      { label: vscode.l10n.t('Columns'), kind: vscode.QuickPickItemKind.Separator },
      ...needs.roles.map((role) => ({
        label: needs.required.includes(role) ? roleTitle(role) : vscode.l10n.t('{0} (optional)', roleTitle(role)),
        description: mapping[role] ? `← ${pickText(mapping[role])}` : `← ${vscode.l10n.t('none')}`,
        detail: pickText(example(mapping[role])),
        role,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Columns of {0}', pickText(uri.path.split('/').pop())), placeHolder: vscode.l10n.t('Pick a line to change its column, or use these columns'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.go) break;
    if (!picked.role) continue;
    const role = picked.role;
    const column = await vscode.window.showQuickPick(
      [
        ...(needs.required.includes(role) ? [] : [{ label: `$(close) ${vscode.l10n.t('None')}`, column: undefined as string | undefined }]),
        ...header.map((h) => ({ label: pickText(h) || vscode.l10n.t('(no name)'), description: pickText(example(h)), column: h as string | undefined })),
      ],
      { title: vscode.l10n.t('Which column holds this: {0}?', roleTitle(role)), matchOnDescription: true, ignoreFocusOut: true },
    );
    if (!column) continue;
    mapping = { ...mapping, [role]: column.column };
    if (column.column === undefined) delete mapping[role];
  }
  await m.context.workspaceState.update(MAPPINGS_KEY, { ...mappings(m), [pattern]: mapping });
  return mapping;
}

/** Where to write an output file: given, or asked (in the workspace: files are written through the path resolver). */
async function pickOutput(value: string | vscode.Uri | undefined, fileName: string, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const uri = toUri(value);
  if (uri) return uri;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const picked = await vscode.window.showSaveDialog({ title, saveLabel: vscode.l10n.t('Save'), filters, defaultUri: folder ? vscode.Uri.joinPath(folder.uri, fileName) : undefined });
  // Refused as soon as it is picked, before anything else is asked or written.
  return picked && insideWorkspace(picked) ? picked : undefined;
}

/** True for a place in a workspace folder; else says so (the extension writes only there). */
function insideWorkspace(uri: vscode.Uri): boolean {
  if (vscode.workspace.getWorkspaceFolder(uri)) return true;
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} is outside the workspace: the extension writes files only inside the workspace folder. Save it there and move it where you like.', uri.fsPath || uri.toString()));
  return false;
}

/** Writes a file in the workspace: a new one, or, when it exists (the save dialog asked), its whole text replaced. */
async function writeOutput(uri: vscode.Uri, text: string): Promise<boolean> {
  if (!insideWorkspace(uri)) return false;
  const written = await replaceFile(uri, text);
  if (!written.ok) void vscode.window.showErrorMessage(written.message);
  return written.ok;
}

function logBadRows(m: Measure, what: string, bad: BadRows, problems: readonly { line: number; message: string }[] = []): number {
  const total = bad.count + problems.length;
  if (total === 0) return 0;
  m.deps.log.warn(`${what}: ${total} row(s) skipped`);
  for (const p of problems) m.deps.log.warn(`  line ${p.line}: ${p.message}`);
  for (const b of bad.list) m.deps.log.warn(`  line ${b.line}: ${b.reason}`);
  if (bad.count > bad.list.length) m.deps.log.warn(`  …and ${bad.count - bad.list.length} more`);
  return total;
}

function skippedNote(n: number) {
  return (n ? ` ${vscode.l10n.t('Rows skipped: {0} (see the output).', formatCount(n))}` : '');
}

/** The outcome, without waiting for it to be read (a notification stays until dismissed); a button runs its action. */
function showSkipped(m: Measure, message: string, skipped: number, actions: { label: string; run: () => unknown }[] = []): void {
  const show = vscode.l10n.t('Show Skipped Rows');
  const buttons = [...actions.map((a) => a.label), ...(skipped ? [show] : [])];
  void vscode.window.showInformationMessage(message, ...buttons).then((choice) => {
    if (choice === show) m.deps.log.show(true);
    else void actions.find((a) => a.label === choice)?.run();
  });
}

async function askDate(g: Given, s: PlannerService, title: string, value = s.today(), prompt = vscode.l10n.t('Date of the measurement, written YYYY-MM-DD')): Promise<string | undefined> {
  const date = g.date ?? (await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (v) => dateProblem(v.trim()) }));
  if (!date) return undefined;
  if (!isRecordDate(date.trim())) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was logged: {0}', dateProblem(date.trim()) ?? ''));
    return undefined;
  }
  return date.trim();
}

function pct(x: number) {
  return `${Math.round(x * 1000) / 10}%`;
}

/** A member list as a set of salted hashes: a CSV (hashed here) or a hashed file (read as it is). */
async function memberSet(m: Measure, uri: vscode.Uri, salt: string, title: string, mapping: ColumnMapping | undefined): Promise<{ set: DigestSet; members: number; skipped: number; hashed: boolean } | undefined> {
  if (await looksHashed(uri)) {
    const opened = await openExport(uri);
    if ('message' in opened) {
      void vscode.window.showErrorMessage(opened.message);
      return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}: ${vscode.workspace.asRelativePath(uri)}`, cancellable: true }, async (_progress, token) => {
      const reader = new HashedListReader(Math.ceil(opened.size / 65));
      for await (const chunk of opened.chunks) {
        reader.push(chunk);
        if (token.isCancellationRequested) return undefined;
      }
      const stats = reader.end();
      const skipped = logBadRows(m, `${vscode.workspace.asRelativePath(uri)} (hashed)`, stats.bad);
      if (stats.members === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no SHA-256 hash (64 hexadecimal characters a line): it is empty or not a hashed member list. Nothing was compared or logged.', vscode.workspace.asRelativePath(uri)));
        return undefined;
      }
      return { set: reader.set, members: stats.members, skipped, hashed: true };
    });
  }
  const read = await readExport(m, uri, title, { roles: ['email', 'name', 'date'], required: ['email'], given: mapping }, (header, m, _sample, expected) => {
    const at = mappingIndexes(header, m);
    const hasher = new MemberHasher(salt, sha256Batch, { email: at.email!, headerLength: header.length }, expected);
    return { add: (rows) => hasher.add(rows), done: () => hasher.finish() };
  });
  if (!read) return undefined;
  const skipped = logBadRows(m, vscode.workspace.asRelativePath(uri), read.value.stats.bad, read.summary.problems);
  if (read.value.stats.members === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no email address in the chosen column: nothing was compared or logged.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  return { set: read.value.set, members: read.value.stats.members, skipped, hashed: false };
}

/** A hashed file: its first line that is not blank, a comment or a header is 64 hexadecimal characters. */
async function looksHashed(uri: vscode.Uri): Promise<boolean> {
  if (/\.sha256$/i.test(uri.path)) return true;
  const head = await readHead(uri, true);
  if (!head) return false;
  const first = [head.header.join(','), ...head.rows.map((r) => r.fields.join(','))].find((l) => /^[0-9a-f]{64}$/i.test(l.trim()));
  return first !== undefined && head.header.length === 1;
}

async function run<T>(m: Measure, what: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof Cancelled) return undefined;
    m.deps.log.error(`${what} failed`, err);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', what, describeError(err)));
    return undefined;
  }
}

// -------------------------------------------------------------------------------------------
// Commands

function exportHashedList(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Export Hashed Member List', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('Export a hashed member list for which partnership? (its salt is kept in the record)'));
      if (!id) return undefined;
      // The record's salt checked and where to save asked first: nothing is written until the list is hashed.
      const salted = await saltFor(s, id, true);
      if (!salted) return undefined;
      const { salt, made } = salted;
      const out = await pickOutput(g.output, `${fileStem(s, id)}-members.sha256`, vscode.l10n.t('Save the hashed member list'), { 'Hashed member lists': ['sha256'] });
      if (!out) return undefined;
      const file = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export)'), CSV_FILTERS);
      if (!file) return undefined;
      const read = await readExport(m, file, vscode.l10n.t('Hashing the member list'), { roles: ['email', 'name', 'date'], required: ['email'], given: g.mapping }, (header, m, _sample, expected) => {
        const at = mappingIndexes(header, m);
        const hasher = new MemberHasher(salt, sha256Batch, { email: at.email!, headerLength: header.length }, expected);
        return { add: (rows) => hasher.add(rows), done: () => hasher.finish() };
      });
      if (!read) return undefined;
      const skipped = logBadRows(m, vscode.workspace.asRelativePath(file), read.value.stats.bad, read.summary.problems);
      const summary = s.index.get(id)!.summary;
      if (made && !(await keepSalt(m, s, id, salt))) return undefined;
      if (!(await writeOutput(out, new TextDecoder().decode(read.value.set.toHashedFile())))) return undefined;
      const members = read.value.stats.members;
      showSkipped(m, vscode.l10n.t('Hashed members written to {0}: {1} (no email, no name). Send the file to {2} with the salt {3}.', vscode.workspace.asRelativePath(out), formatCount(members), summary.partner, salt) + skippedNote(skipped), skipped, [
        { label: vscode.l10n.t('Copy Salt'), run: () => vscode.env.clipboard.writeText(salt) },
      ]);
      return { file: out, members, skipped, salt };
    });
}

function compareLists(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Compare Member Lists', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('Compare member lists for which partnership?'));
      if (!id) return undefined;
      const salt = (await saltFor(s, id, false))?.salt;
      if (!salt) return undefined;
      const mine = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or your hashed file)'), CSV_FILTERS);
      if (!mine) return undefined;
      const theirs = await pickFile(g.hashed, vscode.l10n.t("The partner's hashed member list"), HASHED_FILTERS);
      if (!theirs) return undefined;
      // The kind of the partner's file first: a CSV is refused before any column is asked.
      if (!(await looksHashed(theirs))) {
        void vscode.window.showErrorMessage(vscode.l10n.t("{0} is not a hashed member list (one SHA-256 hash a line): it looks like a member export, which is not compared as the partner's file. Ask the partner for theirs, made with the salt in the record.", vscode.workspace.asRelativePath(theirs)));
        return undefined;
      }
      const ours = await memberSet(m, mine, salt, vscode.l10n.t('Reading your member list'), g.mapping);
      if (!ours) return undefined;
      const other = await memberSet(m, theirs, salt, vscode.l10n.t("Reading the partner's hashed list"), undefined);
      if (!other) return undefined;
      return logOverlap(m, s, id, overlapOf(ours.set, other.set), g, 'salted hashes', ours.skipped + other.skipped, [mine, theirs]);
    });
}

/**
 * An overlap logged to the record as member-overlap, the method in its note, and the
 * audience-overlap score it suggests offered (or set, when `g.setScore`).
 */
async function logOverlap(m: Measure, s: PlannerService, id: string, o: Overlap, g: Given, method: string, skipped: number, sources: readonly vscode.Uri[] = []) {
  // Titled by the command the user ran, as the other measures are.
  const title = method === 'salted hashes' ? vscode.l10n.t('Compare Member Lists: date of the measurement') : vscode.l10n.t('Private Overlap: date of the measurement');
  const date = await askDate(g, s, title);
  if (!date) return undefined;
  const partner = s.index.get(id)!.summary.partner;
  const note = `${o.shared} of ${o.ours} of ours (${pct(o.ourShare)}) and of ${o.theirs} of theirs (${pct(o.theirShare)}), by ${method}`;
  const outcome = await s.write(id, (t) => appendMetric(t, { date, metric: 'member-overlap', value: o.shared, note, of: o.ours, ...sourceOf(...sources) }));
  if (!reportWrite(outcome, 'Member overlap logged.')) return undefined;
  const score = suggestedOverlapScore(o);
  const setScore = async () => reportWrite(await s.write(id, (t) => setScores(t, { audienceOverlap: score })), 'Score set.');
  if (g.setScore) await setScore();
  else if (g.setScore === undefined) {
    showSkipped(m, vscode.l10n.t("Members in both: {0}, {1} of yours and {2} of {3}'s. Logged as member-overlap. Suggested audience-overlap score: {4} of 5.", formatCount(o.shared), pct(o.ourShare), pct(o.theirShare), partner, score) + skippedNote(skipped), skipped, [
      { label: vscode.l10n.t('Set Audience Overlap to {0}', score), run: setScore },
    ]);
  }
  return { ...o, score, skipped };
}

function measureAttendance(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Measure Event Attendance', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('Which partnership was the event with?'));
      if (!id) return undefined;
      const partnerName = s.index.get(id)!.summary.partner;
      const registrations = await pickFile(g.registrations, vscode.l10n.t('The registration export (Luma, Eventbrite, Meetup...)'), CSV_FILTERS);
      if (!registrations) return undefined;
      const mine = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or your hashed file)'), { ...CSV_FILTERS, ...HASHED_FILTERS });
      if (!mine) return undefined;
      const theirs = await partnerListFor(g, partnerName);
      if (theirs === null) return undefined;
      // Hashed lists are compared with the record's salt; plain ones alone can use any salt, so no record needs one.
      const hashed = await looksHashed(mine);
      const salt = hashed || theirs ? (await saltFor(s, id, false))?.salt : newSalt(randomBytes);
      if (!salt) return undefined;
      const members = await memberSet(m, mine, salt, vscode.l10n.t('Reading your member list'), hashed ? undefined : g.mapping && { email: g.mapping.email });
      if (!members) return undefined;
      const partner = theirs ? await memberSet(m, theirs, salt, vscode.l10n.t("Reading the partner's hashed list"), undefined) : undefined;
      if (theirs && !partner) return undefined;
      if (partner && !partner.hashed) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a hashed member list (one SHA-256 hash a line). Ask the partner for theirs, made with the salt in the record.', vscode.workspace.asRelativePath(theirs!)));
        return undefined;
      }
      const read = await readExport(m, registrations, vscode.l10n.t('Reading the registrations'), { roles: ['email', 'name', 'status', 'checkIn', 'date'], required: ['email'], given: g.mapping }, (header, mapping, sample) => {
        const at = mappingIndexes(header, mapping);
        const eventDate = eventDateColumn(header);
        const dayFirst = looksDayFirst(sample.flatMap((r) => [at.checkIn, eventDate].map((k) => (k === undefined ? '' : (r.fields[k] ?? '')))));
        const counter = new AttendanceCounter(members.set, salt, sha256Batch, { email: at.email!, status: at.status, checkIn: at.checkIn, eventDate, headerLength: header.length, dayFirst }, partner?.set);
        return { add: (rows) => counter.add(rows), done: () => counter.result };
      });
      if (!read) return undefined;
      const a = read.value;
      const skipped = members.skipped + (partner?.skipped ?? 0) + logBadRows(m, vscode.workspace.asRelativePath(registrations), a.bad, read.summary.problems);
      if (a.attendees === 0) {
        showSkipped(m, (a.basis === 'checked-in' ? vscode.l10n.t('Nobody is checked in in the registrations: nothing was logged.') : vscode.l10n.t('No attendees found in the registrations: nothing was logged.')) + skippedNote(skipped), skipped);
        return { ...a, skipped };
      }
      const date = await askDate(g, s, vscode.l10n.t('Measure Event Attendance: date of the event'), a.eventDate, a.eventDate ? vscode.l10n.t("The event's date, from the export (YYYY-MM-DD)") : undefined);
      if (!date) return undefined;
      const sources = theirs ? [registrations, mine, theirs] : [registrations, mine];
      const outcome = await s.write(id, (t) => appendMetric(t, { date, metric: 'event-attendance', value: a.percent, note: attendanceNote(a, partnerName), count: a.fromOther, of: a.attendees, ...sourceOf(...sources) }));
      if (!reportWrite(outcome, 'Event attendance logged.')) return undefined;
      showSkipped(m, attendanceMessage(a, partnerName) + skippedNote(skipped), skipped);
      return { ...a, skipped };
    });
}

/**
 * The partner's hashed member list, when there is one: given, or picked after the user says
 * so. Without it the measure counts the attendees who are not in your list, and says that.
 * null when the user dismisses the question.
 */
async function partnerListFor(g: Given, partner: string): Promise<vscode.Uri | undefined | null> {
  if (g.hashed !== undefined) return toUri(g.hashed);
  // Run with its files given (a task, a test): no partner's list unless given too.
  if (g.members !== undefined || g.registrations !== undefined) return undefined;
  const choice = await vscode.window.showQuickPick(
    [
      { label: `$(file) ${vscode.l10n.t("Use {0}'s hashed member list", pickText(partner))}`, description: vscode.l10n.t("counts only their members, and the members you share"), use: true },
      { label: `$(dash) ${vscode.l10n.t('Without it')}`, description: vscode.l10n.t('counts the attendees who are not in your member list'), use: false },
    ],
    { title: vscode.l10n.t('Measure Event Attendance'), placeHolder: vscode.l10n.t("Do you have {0}'s hashed member list (made with the record's salt)?", pickText(partner)), ignoreFocusOut: true },
  );
  if (!choice) return null;
  if (!choice.use) return undefined;
  return (await pickFile(undefined, vscode.l10n.t("The partner's hashed member list"), HASHED_FILTERS)) ?? null;
}

/** The metric's note in the record: what was counted, against which list. */
function attendanceNote(a: Attendance, partner: string): string {
  const who = a.basis === 'checked-in' ? 'checked-in attendees' : 'registrations (the export has no check-in)';
  const measured = a.partnerList ? `${a.fromOther} of ${a.attendees} ${who} in ${partner}'s member list (${a.shared} of them in both lists)` : `${a.fromOther} of ${a.attendees} ${who} not in our member list (no partner list given)`;
  return a.basis === 'checked-in' ? `${measured}; ${a.registered.people} registered` : measured;
}

/** The outcome as the user reads it: the share, what it is a share of, and what was left out. */
function attendanceMessage(a: Attendance, partner: string): string {
  const share = a.partnerList
    ? vscode.l10n.t("{0}% of attendees are {1}'s members ({2} of {3}; {4} of them are members of both communities).", a.percent, partner, a.fromOther, a.attendees, a.shared)
    : vscode.l10n.t("{0}% of attendees are not in your member list ({1} of {2}): without {3}'s hashed member list, people of neither community count too.", a.percent, a.fromOther, a.attendees, partner);
  const basis =
    a.basis === 'checked-in'
      ? vscode.l10n.t('Only people checked in count: {0} registered, {1} checked in.', a.registered.people, a.checkedIn.people)
      : vscode.l10n.t('The export has no check-in column: these are registrations, not attendance.');
  const left = a.notAttending ? ` ${vscode.l10n.t('Registrations declined, cancelled or waitlisted, left out: {0}.', a.notAttending)}` : '';
  return `${share} ${basis}${left} ${vscode.l10n.t('Logged as event-attendance.')}`;
}

function copyTrackedLink(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Copy Tracked Link', async () => {
      const g = given(raw);
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('A tracked link for which partnership?'));
      if (!id) return undefined;
      const parsed = await s.open(id);
      if (!parsed?.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('That partnership record cannot be read: fix its problems first.'));
        return undefined;
      }
      const utm = utmFor({ ...parsed.record, fileName: s.uriOf(id)!.path.split('/').pop()! }, (await frontMatterOf(s, id)).utm);
      let base = g.base ?? utm.url;
      if (!base) {
        // The page last used for this record, else the last one in this workspace, is offered as it was.
        const key = vscode.workspace.asRelativePath(s.uriOf(id)!);
        const bases = m.context.workspaceState.get<Record<string, string>>(LINK_BASES_KEY) ?? {};
        const last = bases[key];
        base = await vscode.window.showInputBox({
          title: vscode.l10n.t('Copy Tracked Link'),
          prompt: last
            ? vscode.l10n.t('The page the link opens: the one you used last for this partnership, or another. To keep one in the record, set utm: url: there.')
            : vscode.l10n.t('The page the link opens (your sign-up or landing page). To keep one per partnership, set utm: url: in the record.'),
          value: last ?? m.context.workspaceState.get<string>(LINK_BASE_KEY) ?? 'https://',
          ignoreFocusOut: true,
          validateInput: (v) => {
            try {
              trackedLink(v, utm);
              return undefined;
            } catch {
              return vscode.l10n.t('An address starting with https:// or http://');
            }
          },
        });
        if (!base) return undefined;
        await m.context.workspaceState.update(LINK_BASE_KEY, base.trim());
        await m.context.workspaceState.update(LINK_BASES_KEY, { ...bases, [key]: base.trim() });
      }
      let link: string;
      try {
        link = trackedLink(base, utm);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t("The record's utm url cannot be used: {0}", describeError(err)));
        return undefined;
      }
      await vscode.env.clipboard.writeText(link);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied the tracked link for {0}: {1}', parsed.record.partner, link));
      return link;
    });
}

function countSignups(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Count Attributed Sign-ups', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const readable = s.index.all().filter((r) => !r.summary.broken);
      if (readable.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no partnership records to attribute sign-ups to.'));
        return undefined;
      }
      const file = await pickFile(g.signups, vscode.l10n.t('The sign-up export (with utm columns or a landing-page URL)'), CSV_FILTERS);
      if (!file) return undefined;
      const today = s.today();
      const records = await s.loader.openAll(readable.map((r) => r.id));
      const targets: AttributionTarget[] = [];
      const names = new Map<string, string>();
      for (let k = 0; k < readable.length; k++) {
        const p = records[k];
        if (!p?.ok) continue;
        const id = readable[k].id;
        const utm = utmFor({ ...p.record, fileName: s.uriOf(id)!.path.split('/').pop()! }, (await frontMatterOf(s, id)).utm);
        targets.push({ id, ...utm, ...(p.record.start ? { from: p.record.start } : {}), to: p.record.review && p.record.review < today ? p.record.review : today });
        names.set(id, p.record.partner);
      }
      const read = await readExport(m, file, vscode.l10n.t('Counting sign-ups'), { roles: ['email', 'date', 'source', 'medium', 'campaign', 'url'], required: ['email'], given: g.mapping }, (header, m, sample) => {
        const at = mappingIndexes(header, m);
        if (at.source === undefined && at.url === undefined) throw new Error('the file needs a utm_source column or a landing-page URL column holding utm parameters');
        const dayFirst = at.date === undefined ? false : looksDayFirst(sample.map((r) => r.fields[at.date!] ?? ''));
        const attributor = new SignupAttributor(targets, { email: at.email!, date: at.date, source: at.source, medium: at.medium, campaign: at.campaign, url: at.url, headerLength: header.length, dayFirst });
        return { add: (rows) => attributor.add(rows), done: () => attributor };
      });
      if (!read) return undefined;
      const a = read.value;
      const skipped = logBadRows(m, vscode.workspace.asRelativePath(file), a.result.bad, read.summary.problems);
      const counted = [...a.result.results.values()].filter((r) => r.joins > 0);
      for (const r of a.result.results.values()) if (r.joins || r.outsideDates) m.deps.log.info(`${names.get(r.id)}: ${r.joins} sign-up(s) in its dates, ${r.outsideDates} outside them, ${r.duplicates} repeated`);
      const others = a.topOtherSources(5);
      if (others.length) m.deps.log.info(`Sign-ups no partnership's utm_source and utm_campaign match: ${a.result.unattributed} (most common sources: ${others.map((o) => `${o.source} ${o.rows}`).join(', ')})`);
      if (counted.length === 0) {
        showSkipped(m, vscode.l10n.t("No sign-up carries a partnership's utm_source and utm_campaign within its dates ({0} rows read). Nothing was logged.", formatCount(a.result.rows)) + skippedNote(skipped), skipped);
        return { counted: [], skipped };
      }
      const date = await askDate(g, s, 'Count Attributed Sign-ups: date of the measurement');
      if (!date) return undefined;
      const list = counted.map((r) => `${names.get(r.id)} ${r.joins}`).join(', ');
      if (!g.confirm) {
        const go = counted.length === 1 ? vscode.l10n.t('Log 1 Metric') : vscode.l10n.t('Log {0} Metrics', counted.length);
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Attributed sign-ups: {0}. Log them as cross-community-joins ({1})?', list, date), { modal: true }, go);
        if (choice !== go) return undefined;
      }
      const from = (r: { id: string }) => targets.find((t) => t.id === r.id)!;
      let logged = 0;
      for (const r of counted) {
        const t = from(r);
        const note = `sign-ups with utm_source=${t.source} and utm_campaign=${t.campaign}, ${t.from ?? 'any date'} to ${t.to}`;
        // Sign-ups over the partnership's dates so far: a running total, not one swap's or event's.
        const entry = { date, metric: 'cross-community-joins' as const, value: r.joins, note, cumulative: true, ...sourceOf(file) };
        if (reportWrite(await s.write(r.id, (text) => appendMetric(text, entry)), 'Sign-ups logged.')) logged++;
      }
      showSkipped(m, vscode.l10n.t('Cross-community joins logged ({0}): {1}.', logged, list) + skippedNote(skipped), skipped);
      return { counted: counted.map((r) => ({ id: r.id, partner: names.get(r.id), joins: r.joins })), skipped };
    });
}

function importTracker(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Import Partnership Tracker', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const file = await pickFile(g.tracker, vscode.l10n.t('The tracker export (Notion, Airtable or a spreadsheet, as CSV)'), CSV_FILTERS);
      if (!file) return undefined;
      const root = s.roots()[0];
      if (!root) return undefined;
      const opened = await openExport(file);
      if ('message' in opened) {
        void vscode.window.showErrorMessage(opened.message);
        return undefined;
      }
      const read = await readTracker(opened.chunks);
      if (!read.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}.', vscode.workspace.asRelativePath(file), read.message));
        return undefined;
      }
      const { summary, rows } = read;
      if (summary.header.length === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no header row: nothing to import.', vscode.workspace.asRelativePath(file)));
        return undefined;
      }
      const mapping = g.trackerMapping ? fromNames(summary.header, g.trackerMapping) : await chooseTrackerMapping(m, summary.header, rows, file);
      if (!mapping) return undefined;
      if (mapping.partner === undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Choose the column that holds the partner name: a record needs one.'));
        return undefined;
      }
      const existing = s.index.all();
      const partners = existing.filter((r) => !r.summary.broken).map((r) => r.summary.partner);
      const fileNames = new Set(existing.map((r) => s.uriOf(r.id)?.path.split('/').pop() ?? '').filter(Boolean));
      const plan = planTrackerImport(summary.header, rows, mapping, { partners, fileNames });
      const skipped = logBadRows(m, vscode.workspace.asRelativePath(file), plan.bad, summary.problems);
      for (const r of plan.skipped) m.deps.log.info(`  line ${r.line}: ${r.partner} ${r.reason}: skipped`);
      for (const r of plan.rows) for (const w of r.warnings) m.deps.log.info(`  line ${r.line}: ${r.partner}: ${w}`);
      if (plan.rows.length === 0) {
        showSkipped(m, vscode.l10n.t('Nothing to import: every partner has a record already ({0} rows skipped).', plan.skipped.length) + skippedNote(skipped), skipped);
        return { created: [], skipped: plan.skipped.length, bad: plan.bad.count };
      }
      if (!g.confirm && !(await confirmImport(plan, root.rel, file))) return undefined;
      const ctx = m.deps.contexts.get(root.folder);
      const fromContext = recordContextInput(ctx?.state === 'ok' ? ctx.parsed : undefined);
      const created: vscode.Uri[] = [];
      const failed: string[] = [];
      for (const row of plan.rows) {
        const text = trackerRecordText(row, s.today(), fromContext);
        const base = row.fileName.replace(/\.md$/, '');
        let done: vscode.Uri | undefined;
        for (let n = 1; n < 100 && !done; n++) {
          const candidate = vscode.Uri.joinPath(root.uri, `${n === 1 ? base : `${base}-${n}`}.md`);
          const outcome = await createNewFile(candidate, text);
          if (outcome.ok) done = candidate;
          else if (!outcome.exists) {
            failed.push(`${row.partner}: ${outcome.message}`);
            break;
          }
        }
        if (done) {
          s.created(done, text);
          created.push(done);
        }
      }
      for (const f of failed) m.deps.log.error(`Not imported: ${f}`);
      const skip = plan.skipped.length ? ` ${vscode.l10n.t('Skipped (a record exists already, or the partner is listed twice): {0}.', plan.skipped.length)}` : '';
      showSkipped(m, vscode.l10n.t('Partnership records imported into {0}/: {1}.', root.rel, created.length) + skip + (failed.length ? ` ${vscode.l10n.t('Not written (see the output): {0}.', failed.length)}` : '') + skippedNote(skipped), skipped + failed.length);
      return { created, skipped: plan.skipped.length, bad: plan.bad.count };
    });
}

function fromNames(header: readonly string[], names: Partial<Record<string, string>>): TrackerMapping {
  const out: TrackerMapping = {};
  for (const f of TRACKER_FIELDS) {
    const at = names[f] === undefined ? -1 : header.indexOf(names[f]!);
    if (at >= 0) out[f] = at;
  }
  return out;
}

async function chooseTrackerMapping(m: Measure, header: string[], rows: CsvRow[], file: vscode.Uri): Promise<TrackerMapping | undefined> {
  const key = `tracker:${fileNamePattern(file.path)}`;
  const remembered = mappings(m)[key] as Partial<Record<string, string>> | undefined;
  let mapping: TrackerMapping = remembered ? fromNames(header, remembered) : guessTrackerMapping(header);
  const example = (at: number | undefined) =>
    at === undefined
      ? ''
      : rows
          .map((r) => r.fields[at] ?? '')
          .filter((v) => v.trim())
          .slice(0, 3)
          .map((v) => (v.length > 30 ? `${v.slice(0, 29)}…` : v.replace(/\s+/g, ' ')))
          .join(', ');
  for (;;) {
    const items: (vscode.QuickPickItem & { field?: (typeof TRACKER_FIELDS)[number]; go?: boolean })[] = [
      mapping.partner === undefined ? { label: `$(warning) ${vscode.l10n.t('Choose the Partner column first')}`, alwaysShow: true } : { label: `$(check) ${rows.length === 1 ? vscode.l10n.t('Preview the import of 1 row') : vscode.l10n.t('Preview the import of {0} rows', rows.length)}`, go: true, alwaysShow: true },
      { label: vscode.l10n.t('Record keys'), kind: vscode.QuickPickItemKind.Separator },
      ...TRACKER_FIELDS.map((f) => ({ label: TRACKER_FIELD_TITLES[f], description: mapping[f] === undefined ? `← ${vscode.l10n.t('none')}` : `← ${pickText(header[mapping[f]!])}`, detail: pickText(example(mapping[f])), field: f })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Import Partnership Tracker: {0}', pickText(file.path.split('/').pop())), placeHolder: vscode.l10n.t('Pick a record key to change its column, or preview the import'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.go) break;
    if (!picked.field) continue;
    const field = picked.field;
    const column = await vscode.window.showQuickPick([{ label: `$(close) ${vscode.l10n.t('None')}`, at: undefined as number | undefined }, ...header.map((h, at) => ({ label: pickText(h) || vscode.l10n.t('(no name)'), description: pickText(example(at)), at: at as number | undefined }))], {
      title: vscode.l10n.t('Which column holds this: {0}?', TRACKER_FIELD_TITLES[field]),
      ignoreFocusOut: true,
    });
    if (!column) continue;
    mapping = { ...mapping, [field]: column.at };
    if (column.at === undefined) delete mapping[field];
  }
  const names: Record<string, string> = {};
  for (const f of TRACKER_FIELDS) if (mapping[f] !== undefined) names[f] = header[mapping[f]!];
  await m.context.workspaceState.update(MAPPINGS_KEY, { ...mappings(m), [key]: names as ColumnMapping });
  return mapping;
}

function exportPipelineCsv(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Export Pipeline as CSV', async () => {
      if (!trusted()) return undefined;
      const g = given(raw);
      const s = await service(m);
      const readable = s.index.all().filter((r) => !r.summary.broken);
      if (readable.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no partnership records to export yet.'));
        return undefined;
      }
      const out = await pickOutput(g.output, `partnerships-${s.today()}.csv`, vscode.l10n.t('Save the pipeline as CSV'), { CSV: ['csv'] });
      if (!out) return undefined;
      const parsed = await s.loader.openAll(readable.map((r) => r.id));
      const rows = parsed.flatMap((p, k) => (p?.ok ? [{ record: p.record, file: vscode.workspace.asRelativePath(s.uriOf(readable[k].id)!) }] : []));
      rows.sort((a, b) => a.record.partner.localeCompare(b.record.partner));
      if (!(await writeOutput(out, pipelineCsv(rows, s.today())))) return undefined;
      void vscode.window.showInformationMessage(vscode.l10n.t('Partnerships written to {0}: {1}.', vscode.workspace.asRelativePath(out), rows.length));
      return { file: out, rows: rows.length };
    });
}

function exportCalendar(m: Measure, _arg?: unknown, raw?: unknown) {
  return run(m, 'Export Calendar', async () => {
      if (!trusted()) return undefined;
      const g = given(raw);
      const s = await service(m);
      const today = s.today();
      const readable = s.index.all().filter((r) => !r.summary.broken);
      const paths = readable.map((r) => vscode.workspace.asRelativePath(s.uriOf(r.id) ?? vscode.Uri.parse(r.id), false));
      const keys = await calendarKeys(paths, sha256Batch);
      const records = readable.map((r, k) => ({
        path: paths[k],
        key: keys[k],
        partner: r.summary.partner,
        stage: r.summary.stage,
        nextCheckIn: r.summary.nextCheckIn,
        review: r.summary.review,
        owners: r.summary.owners,
      }));
      const events = pipelineEvents(records, today);
      if (events.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No check-ins or review dates are coming: agreed and active partnerships with a start date or a check-in have them.'));
        return undefined;
      }
      const out = await pickOutput(g.output, 'partnerships.ics', vscode.l10n.t('Save the calendar'), { iCalendar: ['ics'] });
      if (!out) return undefined;
      const ctx = m.deps.contexts.active();
      const name = `${ctx?.state === 'ok' ? `${communityName(ctx.parsed)} ` : ''}partnerships`;
      if (!(await writeOutput(out, renderCalendar(events, { now: new Date(), name })))) return undefined;
      const checkIns = events.filter((e) => e.uid.startsWith('checkin-')).length;
      void vscode.window.showInformationMessage(vscode.l10n.t('Written to {0}: {1} check-ins and {2} review dates. Import the file into your calendar; importing a newer export updates the same events.', vscode.workspace.asRelativePath(out), checkIns, events.length - checkIns));
      return { file: out, events: events.length };
    });
}

/** The files a measurement was counted from, by name (a path would say where the user keeps them). */
function sourceOf(...files: vscode.Uri[]): { source?: string } {
  const names = files.map((f) => f.path.split('/').pop() ?? '').filter(Boolean);
  return names.length ? { source: names.join(', ') } : {};
}

function fileStem(s: PlannerService, id: string) {
  return (s.uriOf(id)?.path.split('/').pop() ?? 'partner').replace(/\.md$/i, '');
}


/**
 * The import, shown before anything is written: one line per new record with every value it
 * gets (stage, types, owners, dates, cadence, size, notes, warnings), then the rows skipped and
 * those that cannot be read, under "Create N Records" and "Cancel". Picking a record's line
 * changes nothing; Escape cancels.
 */
/** Text in lines of at most `width` characters, broken between words (a longer word stays whole). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

async function confirmImport(plan: TrackerPlan, folder: string, file: vscode.Uri): Promise<boolean> {
  type Item = vscode.QuickPickItem & { answer?: boolean };
  const n = plan.rows.length;
  const go = n === 1 ? vscode.l10n.t('Create 1 Record') : vscode.l10n.t('Create {0} Records', n);
  const items: Item[] = [
    { label: `$(check) ${go}`, description: vscode.l10n.t('in {0}/; existing records are never changed', folder), answer: true, alwaysShow: true },
    { label: `$(close) ${vscode.l10n.t('Cancel')}`, description: vscode.l10n.t('nothing is written'), answer: false, alwaysShow: true },
    { label: vscode.l10n.t('New records ({0})', n), kind: vscode.QuickPickItemKind.Separator },
    // A record's line, then a line for each of its values (a long one over several lines), so that none is cut off.
    ...plan.rows.flatMap((row): Item[] => {
      const p = trackerRowPreview(row);
      return [
        { label: `$(file) ${pickText(p.partner)}`, description: pickText(`${p.fileName} · ${vscode.l10n.t('line {0}', row.line)}`) },
        ...p.fields.flatMap(([title, value]) => wrapWords(`${title}: ${value}`, 90).map((text) => ({ label: `$(blank) ${pickText(text)}` }))),
      ];
    }),
  ];
  if (plan.skipped.length) {
    items.push({ label: vscode.l10n.t('Skipped ({0})', plan.skipped.length), kind: vscode.QuickPickItemKind.Separator });
    for (const r of plan.skipped) items.push({ label: `$(circle-slash) ${pickText(r.partner)}`, description: vscode.l10n.t('line {0}', r.line), detail: r.reason });
  }
  if (plan.bad.count) {
    items.push({ label: vscode.l10n.t('Rows that cannot be read ({0})', plan.bad.count), kind: vscode.QuickPickItemKind.Separator });
    for (const b of plan.bad.list) items.push({ label: `$(warning) ${vscode.l10n.t('line {0}', b.line)}`, detail: pickText(b.reason) });
  }
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Import preview: {0}', pickText(vscode.workspace.asRelativePath(file)));
  qp.placeholder = vscode.l10n.t('Check each record, then create them or cancel');
  qp.items = items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  return new Promise<boolean>((resolve) => {
    let answered = false;
    const finish = (answer: boolean) => {
      if (answered) return;
      answered = true;
      resolve(answer);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      const answer = qp.selectedItems[0]?.answer;
      if (answer !== undefined) finish(answer);
    });
    qp.onDidHide(() => finish(false));
    qp.show();
  });
}
