// What the measure commands share (and the private overlap's, through ./api.ts): the options a
// command is given, the planner's service, the record picker, the files asked, read and written,
// the outcome shown. Each command is a part of its own (./impl.ts), loading this with it.
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { pickPartnership, type PlannerService, type WriteOutcome } from '../planner/api';
import { describeError, openDocument, readText, replaceFile, resolvePath } from '../../host/files';
import { CHUNK_BYTES, openLocalExport } from '../../platform/exportStream';
import { readFrontMatter } from '../../core/frontMatter';
import { dateProblem, isRecordDate } from '../../core/dates';
import type { ColumnMapping } from '../../core/measure/mapping';
import type { BadRows } from '../../core/measure/lists';
import { mayWrite } from '../../host/trust';
import { formatCount } from '../../core/numbers';

/** The planner's service, loaded (the index read) on the first call. */
export type PlannerAccess = () => Promise<PlannerService>;

export const CSV_FILTERS = { 'CSV exports': ['csv', 'tsv', 'txt'], 'All files': ['*'] };
export const HASHED_FILTERS = { 'Hashed member lists': ['sha256', 'txt', 'csv'], 'All files': ['*'] };

/** Options a test, a task or a keybinding passes to run a command without asking. */
export interface Given {
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

export function given(raw: unknown): Given {
  return raw && typeof raw === 'object' && !(raw instanceof vscode.Uri) ? (raw as Given) : {};
}

/** What the measure commands share: the extension's context, the deps and the planner's service. */
export interface Measure {
  readonly context: vscode.ExtensionContext;
  readonly deps: Deps;
  /** The planner's service, loaded (the index read) on the first call; set by `bind`. */
  planner?: PlannerAccess;
}

export async function service(m: Measure): Promise<PlannerService> {
  if (!m.planner) throw new Error('The planner is not registered.');
  return m.planner();
}

export function toUri(v: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (v === undefined) return undefined;
  if (v instanceof vscode.Uri) return v;
  if (/^[a-z][\w+.-]*:/i.test(v) && !/^[a-z]:[\\/]/i.test(v)) return vscode.Uri.parse(v);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, v) : vscode.Uri.file(v);
}

export function trusted(): boolean {
  return mayWrite();
}

export function pickRecord(s: PlannerService, arg: unknown, placeHolder: string): Promise<string | undefined> {
  return pickPartnership(s, { arg, placeHolder });
}

/** The record's front matter as read (for `hashSalt` and `utm`, which the planner does not keep). */
export async function frontMatterOf(s: PlannerService, id: string): Promise<Record<string, unknown>> {
  const uri = s.uriOf(id);
  if (!uri) return {};
  const read = await readText(uri);
  if (read.kind !== 'text') return {};
  const fm = readFrontMatter(read.text);
  return fm.kind === 'yaml' ? fm.data : {};
}

export function reportWrite(outcome: WriteOutcome, done: string): boolean {
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(outcome.message);
    return false;
  }
  if (outcome.inEditor) void vscode.window.showInformationMessage(vscode.l10n.t('{0} The change is in the open editor, beside your unsaved edits: save the file when ready.', done));
  return true;
}

export async function pickFile(value: string | vscode.Uri | undefined, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
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
export async function openExport(uri: vscode.Uri): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> } | { message: string }> {
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

/** Where to write an output file: given, or asked (in the workspace: files are written through the path resolver). */
export async function pickOutput(value: string | vscode.Uri | undefined, fileName: string, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
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
export async function writeOutput(uri: vscode.Uri, text: string): Promise<boolean> {
  if (!insideWorkspace(uri)) return false;
  const written = await replaceFile(uri, text);
  if (!written.ok) void vscode.window.showErrorMessage(written.message);
  return written.ok;
}

export function logBadRows(m: Measure, what: string, bad: BadRows, problems: readonly { line: number; message: string }[] = []): number {
  const total = bad.count + problems.length;
  if (total === 0) return 0;
  m.deps.log.warn(`${what}: ${total} row(s) skipped`);
  for (const p of problems) m.deps.log.warn(`  line ${p.line}: ${p.message}`);
  for (const b of bad.list) m.deps.log.warn(`  line ${b.line}: ${b.reason}`);
  if (bad.count > bad.list.length) m.deps.log.warn(`  …and ${bad.count - bad.list.length} more`);
  return total;
}

export function skippedNote(n: number) {
  return (n ? ` ${vscode.l10n.t('Rows skipped: {0} (see the output).', formatCount(n))}` : '');
}

/** The outcome, without waiting for it to be read (a notification stays until dismissed); a button runs its action. */
export function showSkipped(m: Measure, message: string, skipped: number, actions: { label: string; run: () => unknown }[] = []): void {
  const show = vscode.l10n.t('Show Skipped Rows');
  const buttons = [...actions.map((a) => a.label), ...(skipped ? [show] : [])];
  void vscode.window.showInformationMessage(message, ...buttons).then((choice) => {
    if (choice === show) m.deps.log.show(true);
    else void actions.find((a) => a.label === choice)?.run();
  });
}

export async function askDate(g: Given, s: PlannerService, title: string, value = s.today(), prompt = vscode.l10n.t('Date of the measurement, written YYYY-MM-DD')): Promise<string | undefined> {
  const date = g.date ?? (await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (v) => dateProblem(v.trim()) }));
  if (!date) return undefined;
  if (!isRecordDate(date.trim())) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was logged: {0}', dateProblem(date.trim()) ?? ''));
    return undefined;
  }
  return date.trim();
}

export function pct(x: number) {
  return `${Math.round(x * 1000) / 10}%`;
}

export async function run<T>(m: Measure, what: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (err) {
    m.deps.log.error(`${what} failed`, err);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', what, describeError(err)));
    return undefined;
  }
}

/** The files a measurement was counted from, by name (a path would say where the user keeps them). */
export function sourceOf(...files: vscode.Uri[]): { source?: string } {
  const names = files.map((f) => f.path.split('/').pop() ?? '').filter(Boolean);
  return names.length ? { source: names.join(', ') } : {};
}

export function fileStem(s: PlannerService, id: string) {
  return (s.uriOf(id)?.path.split('/').pop() ?? 'partner').replace(/\.md$/i, '');
}
