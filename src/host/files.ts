import * as vscode from 'vscode';
import { mayWrite, restrictedText } from './trust';
import { applyTextEdits, type TextEdit } from '../core/textEdits';
import { localFiles, type LocalUpdate } from '../platform/localFile';
import { localReader, type LocalRead } from '../platform/localRead';

/**
 * Reading and writing workspace files: the one place that resolves and checks every path the
 * extension reads or writes. The workspace folder is the boundary:
 * - every segment from the workspace folder down is checked with `workspace.fs.stat`: a path
 *   that is a symbolic link, or passes through one, is refused and the reason given (a link
 *   can point anywhere: outside the workspace, at /etc/passwd, at /dev/zero);
 * - only regular files are read: a device, a pipe or a socket has no size to check and may
 *   never end, so it is refused before any byte is read;
 * - files over MAX_TEXT_FILE_BYTES, binary files and invalid UTF-8 are refused.
 * Reads go through `vscode.workspace.fs` (so the extension works on remote and virtual
 * workspaces) or the open document, so that an editor's unsaved changes are never overwritten;
 * a local file in an extension host with Node is read with its fs (src/platform/localRead.ts).
 * A change to a local file is made on one file handle, opened without following a link: the
 * text is read, the change computed from it, and right before writing the file is read again
 * and must still be exactly that text; nothing runs in between (see compareAndWrite).
 */

/** Files above this size are refused with a message instead of read. */
export const MAX_TEXT_FILE_BYTES = 10 * 1024 * 1024;

const noLinks = () => vscode.l10n.t('the extension reads and writes files only inside the workspace folder, never through a symbolic link');

export type TextRead =
  | { kind: 'text'; text: string; fromEditor: boolean; version?: number }
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string; code?: UnreadableCode };

/** Why a file that exists was not read, where the caller treats it differently: binary or not UTF-8 (still worth opening in an editor). */
export type UnreadableCode = 'binary' | 'encoding';

/**
 * What a path is, checked segment by segment from its workspace folder down:
 * - `file` / `folder`: it is one, and nothing on the way is a link;
 * - `missing`: it (or a folder on the way) does not exist, and nothing before that is a link;
 * - `refused`: it must not be read or written; `message` says why, written to follow the
 *   path (`partnerships/x.md is a symbolic link (...)`).
 */
export type Resolved = { kind: 'file' | 'folder'; stat: vscode.FileStat } | { kind: 'missing' } | { kind: 'refused'; message: string };

/** The open (possibly unsaved) document for a URI, if an editor has it. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return vscode.l10n.t('{0} bytes', n);
}

function overLimit(size: number, maxBytes: number): string {
  return vscode.l10n.t('is {0}, over the {1} limit for files this extension reads', formatBytes(size), formatBytes(maxBytes));
}

/** The path segments of `uri` below its workspace folder, or undefined when it is in none. */
function segmentsBelow(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; segments: string[] } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || folder.uri.scheme !== uri.scheme || folder.uri.authority !== uri.authority) return undefined;
  let base = folder.uri.path;
  while (base.endsWith('/')) base = base.slice(0, -1);
  if (uri.path !== base && !uri.path.startsWith(base + '/')) return undefined;
  const segments = uri.path.slice(base.length).split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return undefined;
  return { folder, segments };
}

function isNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

/**
 * Checks a path before it is read or written: every segment below the workspace folder must
 * not be a symbolic link, every folder on the way must be a folder, and the path itself must be
 * what is wanted (a regular file, or a folder). The segments are looked at in parallel; the
 * first one that fails decides.
 */
export async function resolvePath(uri: vscode.Uri, want: 'file' | 'folder' = 'file'): Promise<Resolved> {
  const below = segmentsBelow(uri);
  if (!below) return { kind: 'refused', message: vscode.l10n.t('is not inside a workspace folder (the extension reads and writes files only inside the workspace folder)') };
  const { folder, segments } = below;
  if (segments.length === 0) {
    if (want === 'file') return { kind: 'refused', message: vscode.l10n.t('is the workspace folder, not a file') };
    try {
      return { kind: 'folder', stat: await vscode.workspace.fs.stat(folder.uri) };
    } catch (err) {
      return isNotFound(err) ? { kind: 'missing' } : { kind: 'refused', message: vscode.l10n.t('could not be read ({0})', describeError(err)) };
    }
  }
  const stats = await Promise.all(
    segments.map((_, i) =>
      vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, ...segments.slice(0, i + 1))).then(
        (stat) => ({ stat }) as const,
        (error: unknown) => ({ error }) as const,
      ),
    ),
  );
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const where = segments.slice(0, i + 1).join('/');
    const s = stats[i];
    if ('error' in s) {
      if (isNotFound(s.error)) return { kind: 'missing' };
      return { kind: 'refused', message: last ? vscode.l10n.t('could not be read ({0})', describeError(s.error)) : vscode.l10n.t('is inside {0}, which could not be read ({1})', where, describeError(s.error)) };
    }
    const type = s.stat.type;
    if (type & vscode.FileType.SymbolicLink) {
      return { kind: 'refused', message: last ? vscode.l10n.t('is a symbolic link ({0})', noLinks()) : vscode.l10n.t('is inside {0}, a symbolic link ({1})', where, noLinks()) };
    }
    if (!last) {
      if (!(type & vscode.FileType.Directory)) return { kind: 'refused', message: vscode.l10n.t('is inside {0}, which is not a folder', where) };
      continue;
    }
    if (want === 'folder') {
      return type & vscode.FileType.Directory ? { kind: 'folder', stat: s.stat } : { kind: 'refused', message: vscode.l10n.t('is not a folder') };
    }
    if (type & vscode.FileType.Directory) return { kind: 'refused', message: vscode.l10n.t('is a folder, not a file') };
    if (!(type & vscode.FileType.File)) return { kind: 'refused', message: vscode.l10n.t('is not a regular file (a device, a pipe or a socket has no size to check, so it is not read)') };
    return { kind: 'file', stat: s.stat };
  }
  return { kind: 'missing' };
}

/**
 * Reads a text file as the user sees it: an editor's unsaved text if there is one, else the
 * disk. (A document without unsaved changes may lag behind the disk, so the disk wins then.)
 * The path is checked first (resolvePath) unless `checked` says the caller has just done so
 * (a listing that saw each entry's type): then one round trip reads it, and the size limit is
 * checked after reading.
 */
export async function readText(uri: vscode.Uri, maxBytes = MAX_TEXT_FILE_BYTES, options: { checked?: boolean } = {}): Promise<TextRead> {
  if (options.checked) {
    const doc = openDocument(uri);
    if (doc?.isDirty) return { kind: 'text', text: doc.getText(), fromEditor: true, version: doc.version };
    return readChecked(uri, maxBytes);
  }
  const local = await readLocalChecked(uri, maxBytes);
  if (local) {
    if (local.refused) return local.read;
    const doc = openDocument(uri);
    if (doc?.isDirty) return { kind: 'text', text: doc.getText(), fromEditor: true, version: doc.version };
    return local.read;
  }
  const resolved = await resolvePath(uri);
  if (resolved.kind === 'refused') return { kind: 'unreadable', message: resolved.message };
  const doc = openDocument(uri);
  if (doc?.isDirty) return { kind: 'text', text: doc.getText(), fromEditor: true, version: doc.version };
  if (resolved.kind === 'missing') return { kind: 'missing' };
  if (resolved.stat.size > maxBytes) return { kind: 'unreadable', message: overLimit(resolved.stat.size, maxBytes) };
  return readChecked(uri, maxBytes);
}

/**
 * A local file read with Node's fs alone, when the folders on its way are plain folders (each
 * looked at with lstat): the read itself never follows a link and refuses a folder, a device
 * or a file over the limit, with the same messages as resolvePath. Nothing waits for the
 * workbench (a workspace.fs call does, even for `file:`), so a busy workbench cannot hold up
 * reading the context. Undefined where there is no local fs (the web) or a folder on the way
 * is not plain: resolvePath's checks then say exactly what is wrong. `refused` marks what the
 * path itself rules out, before an editor's unsaved text is looked at.
 */
async function readLocalChecked(uri: vscode.Uri, maxBytes: number): Promise<{ read: TextRead; refused: boolean } | undefined> {
  const local = uri.scheme === 'file' ? localReader() : undefined;
  const below = local && segmentsBelow(uri);
  if (!local || !below || below.segments.length === 0) return undefined;
  const parents = below.segments.slice(0, -1);
  if (parents.length > 0 && !(await local.isPlainFolder(below.folder.uri.fsPath, parents))) return undefined;
  const read = await local.read(uri.fsPath, maxBytes);
  const refused = read.kind === 'link' || read.kind === 'folder' || read.kind === 'special' || read.kind === 'error';
  return { read: fromLocal(read, maxBytes), refused };
}

async function readChecked(uri: vscode.Uri, maxBytes: number): Promise<TextRead> {
  // A local file is read with the extension host's own fs where it has one (a workspace.fs call
  // waits for a round trip to the workbench first; src/platform/localRead.ts), never through a link.
  const local = uri.scheme === 'file' ? localReader() : undefined;
  if (local) return fromLocal(await local.read(uri.fsPath, maxBytes), maxBytes);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (isNotFound(err)) return { kind: 'missing' };
    if (err instanceof vscode.FileSystemError && err.code === 'FileIsADirectory') return { kind: 'unreadable', message: vscode.l10n.t('is a folder, not a file') };
    return { kind: 'unreadable', message: vscode.l10n.t('could not be read ({0})', describeError(err)) };
  }
  if (bytes.length > maxBytes) return { kind: 'unreadable', message: overLimit(bytes.length, maxBytes) };
  return decodeText(bytes);
}

/** What a read of a local file (src/platform/localRead.ts) is as text, as readText gives it. */
export function fromLocal(read: LocalRead, maxBytes: number): TextRead {
  switch (read.kind) {
    case 'bytes':
      return decodeText(read.bytes);
    case 'missing':
      return { kind: 'missing' };
    case 'link':
      return { kind: 'unreadable', message: vscode.l10n.t('is a symbolic link ({0})', noLinks()) };
    case 'folder':
      return { kind: 'unreadable', message: vscode.l10n.t('is a folder, not a file') };
    case 'special':
      return { kind: 'unreadable', message: vscode.l10n.t('is not a regular file (a device, a pipe or a socket has no size to check, so it is not read)') };
    case 'tooBig':
      return { kind: 'unreadable', message: overLimit(read.size, maxBytes) };
    case 'error':
      return { kind: 'unreadable', message: vscode.l10n.t('could not be read ({0})', read.code) };
  }
}

// ignoreBOM keeps a byte order mark in the text, so writing the text back keeps it too. One
// decoder for every read: a decode without `stream` starts afresh.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array): TextRead {
  if (bytes.length > MAX_TEXT_FILE_BYTES) return { kind: 'unreadable', message: overLimit(bytes.length, MAX_TEXT_FILE_BYTES) };
  if (bytes.includes(0)) return { kind: 'unreadable', message: vscode.l10n.t('is not a text file (it contains binary data)'), code: 'binary' };
  try {
    return { kind: 'text', text: UTF8.decode(bytes), fromEditor: false };
  } catch {
    return { kind: 'unreadable', message: vscode.l10n.t('is not valid UTF-8 text'), code: 'encoding' };
  }
}

export function describeError(err: unknown): string {
  if (err instanceof vscode.FileSystemError) return err.code || err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

// ---- Listing ------------------------------------------------------------------------------

export interface Listing {
  /** Regular files whose name matched, none of them through a link. */
  files: vscode.Uri[];
  /** Entries that would have been read but are refused: links, devices; a refused root. */
  refused: { uri: vscode.Uri; folder: boolean; message: string }[];
}

/**
 * Lists the files under `root` whose name matches, from `readDirectory`, which gives each
 * entry's type (a link included) at no extra cost. A link (to a file or a folder) whose name
 * matches or that is a folder, and any non-regular file whose name matches, is refused and
 * listed as such; nothing under a linked folder is read. Folders whose name starts with a dot
 * are skipped, as are folders deeper than `maxDepth`.
 */
export async function listFiles(root: vscode.Uri, matches: (name: string) => boolean, options: { maxDepth?: number; maxFiles?: number } = {}): Promise<Listing> {
  const maxDepth = options.maxDepth ?? 12;
  const maxFiles = options.maxFiles ?? 200_000;
  const out: Listing = { files: [], refused: [] };
  const resolved = await resolvePath(root, 'folder');
  if (resolved.kind === 'missing') return out;
  if (resolved.kind === 'refused') {
    out.refused.push({ uri: root, folder: true, message: resolved.message });
    return out;
  }
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return; // gone meanwhile, or not readable: nothing to list
    }
    const subfolders: vscode.Uri[] = [];
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.SymbolicLink) {
        if (type & vscode.FileType.Directory) out.refused.push({ uri, folder: true, message: vscode.l10n.t('is a symbolic link to a folder ({0}); nothing in it is read', noLinks()) });
        else if (matches(name)) out.refused.push({ uri, folder: false, message: vscode.l10n.t('is a symbolic link ({0})', noLinks()) });
      } else if (type & vscode.FileType.Directory) {
        if (!name.startsWith('.') && name !== 'node_modules' && depth < maxDepth) subfolders.push(uri);
      } else if (matches(name)) {
        if (type & vscode.FileType.File) {
          if (out.files.length < maxFiles) out.files.push(uri);
        } else {
          out.refused.push({ uri, folder: false, message: vscode.l10n.t('is not a regular file (a device, a pipe, a socket or a link that cannot be followed), so it is not read') });
        }
      }
    }
    await Promise.all(subfolders.map((f) => walk(f, depth + 1)));
  };
  await walk(root, 0);
  return out;
}

// ---- Writing ------------------------------------------------------------------------------

export type OffsetEdit = TextEdit;

/** The compare-and-write of a local file (src/platform/localFile.ts), with this file's rules. */
function compareAndWrite<T>(uri: vscode.Uri, compute: (text: string) => { edits: readonly TextEdit[]; value: T }, attempts: number, expected?: string): LocalUpdate<T> | undefined {
  const local = uri.scheme === 'file' ? localFiles() : undefined;
  if (!local) return undefined;
  return local.update(
    uri.fsPath,
    (bytes) => {
      const read = decodeText(bytes);
      return read.kind === 'text' ? { text: read.text } : { message: read.kind === 'unreadable' ? read.message : vscode.l10n.t('could not be read') };
    },
    compute,
    applyTextEdits,
    { attempts, maxBytes: MAX_TEXT_FILE_BYTES, expected, linkMessage: vscode.l10n.t('is a symbolic link ({0})', noLinks()), overLimit: (size) => overLimit(size, MAX_TEXT_FILE_BYTES) },
  );
}

export type FileUpdate<T> =
  | { ok: true; changed: boolean; inEditor: boolean; text: string; value: T }
  | { ok: false; message: string };

/**
 * Changes a text file: `compute` gets its current text and gives the edits (offsets in that
 * text). A document with unsaved changes gets them through a WorkspaceEdit, on top of the
 * user's edits, and stays unsaved; a local file is changed by compareAndWrite; a file of another
 * file system is read, and read again right before writing. A file that keeps changing under
 * the change is left alone with a message. `compute` may throw: its message is the outcome's.
 */
export async function updateTextFile<T>(uri: vscode.Uri, compute: (text: string) => { edits: readonly TextEdit[]; value: T }, attempts = 5): Promise<FileUpdate<T>> {
  if (!mayWrite({ quiet: true })) return { ok: false, message: restrictedText() };
  const rel = vscode.workspace.asRelativePath(uri);
  const run = (text: string) => {
    try {
      return compute(text);
    } catch (err) {
      throw new ComputeError(err instanceof Error ? err.message : String(err));
    }
  };
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const resolved = await resolvePath(uri);
      if (resolved.kind === 'refused') return { ok: false, message: notWritten(rel, resolved.message) };
      const doc = openDocument(uri);
      if (doc?.isDirty) {
        const text = doc.getText();
        const { edits, value } = run(text);
        if (edits.length === 0) return { ok: true, changed: false, inEditor: true, text, value };
        const we = new vscode.WorkspaceEdit();
        for (const e of edits) we.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        if (!(await vscode.workspace.applyEdit(we))) return { ok: false, message: vscode.l10n.t('{0} could not be changed in its editor.', rel) };
        return { ok: true, changed: true, inEditor: true, text: doc.getText(), value };
      }
      if (resolved.kind === 'missing') return { ok: false, message: vscode.l10n.t('{0} no longer exists.', rel) };
      const r = compareAndWrite(uri, run, attempts);
      if (r) {
        if (r.kind === 'written') return { ok: true, changed: true, inEditor: false, text: r.text, value: r.value };
        if (r.kind === 'unchanged') return { ok: true, changed: false, inEditor: false, text: r.text, value: r.value };
        if (r.kind === 'missing') return { ok: false, message: vscode.l10n.t('{0} no longer exists.', rel) };
        if (r.kind === 'refused') return { ok: false, message: notWritten(rel, r.message) };
        break;
      }
      const read = await readText(uri);
      if (read.kind === 'missing') return { ok: false, message: vscode.l10n.t('{0} no longer exists.', rel) };
      if (read.kind === 'unreadable') return { ok: false, message: notWritten(rel, read.message) };
      if (read.fromEditor) continue; // became dirty meanwhile: go through the editor
      const { edits, value } = run(read.text);
      if (edits.length === 0) return { ok: true, changed: false, inEditor: false, text: read.text, value };
      const text = applyTextEdits(read.text, edits);
      const again = await readText(uri);
      if (again.kind !== 'text' || again.fromEditor || again.text !== read.text) continue;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return { ok: true, changed: true, inEditor: false, text, value };
    }
  } catch (err) {
    if (err instanceof ComputeError) return { ok: false, message: err.message };
    return { ok: false, message: vscode.l10n.t('{0} could not be written ({1}).', rel, describeError(err)) };
  }
  return { ok: false, message: vscode.l10n.t('{0} kept changing while it was being written; nothing was changed. Try again.', rel) };
}

/** "<path> <why>; nothing was written." */
function notWritten(rel: string, why: string): string {
  return vscode.l10n.t('{0} {1}; nothing was written.', rel, why);
}

class ComputeError extends Error {}

/**
 * Changes a text file through its document, with a WorkspaceEdit, so that the change is on the
 * file's own undo stack (Undo in its editor takes it back) and the planner's Undo can revert it
 * the same way. The path is checked first (resolvePath), as for every write. A document with
 * unsaved changes gets the edit on top of them and stays unsaved; otherwise the document is
 * saved after the edit. When the document does not hold what the disk holds yet (the disk just
 * changed), it is read again, so a change another program made is never written over.
 */
export async function editTextDocument<T>(uri: vscode.Uri, compute: (text: string) => { edits: readonly TextEdit[]; value: T }, attempts = 5): Promise<FileUpdate<T> & { before?: string }> {
  if (!mayWrite({ quiet: true })) return { ok: false, message: restrictedText() };
  const rel = vscode.workspace.asRelativePath(uri);
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const read = await readText(uri);
      if (read.kind === 'missing') return { ok: false, message: `${rel} no longer exists.` };
      if (read.kind === 'unreadable') return { ok: false, message: `${rel} ${read.message}; nothing was written.` };
      const doc = openDocument(uri) ?? (await vscode.workspace.openTextDocument(uri));
      const dirty = doc.isDirty;
      const before = doc.getText();
      if (before !== read.text) {
        // The document lags behind the disk (or the editor changed meanwhile): let it catch up.
        // VS Code reloads it when its watcher reports the file changed, which on a busy machine
        // takes longer than any fixed pause: wait for the document's next change, or a while.
        await documentChange(doc, 250 * (attempt + 1));
        continue;
      }
      let computed: { edits: readonly TextEdit[]; value: T };
      try {
        computed = compute(before);
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
      if (computed.edits.length === 0) return { ok: true, changed: false, inEditor: dirty, text: before, value: computed.value, before };
      const we = new vscode.WorkspaceEdit();
      for (const e of computed.edits) we.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
      // The check right before the edit: nothing may have changed since the text was computed.
      if (doc.getText() !== before) continue;
      if (!(await vscode.workspace.applyEdit(we))) return { ok: false, message: `${rel} could not be changed.` };
      if (!dirty && !(await doc.save())) {
        return { ok: false, message: `${rel} was changed in its editor but could not be saved: the change is there, unsaved.` };
      }
      return { ok: true, changed: true, inEditor: dirty, text: doc.getText(), value: computed.value, before };
    }
  } catch (err) {
    return { ok: false, message: `${rel} could not be written (${describeError(err)}).` };
  }
  return { ok: false, message: `${rel} kept changing while it was being written; nothing was changed. Try again.` };
}

/** Resolves on the document's next change, or after `ms` (a document that changes no more). */
function documentChange(doc: vscode.TextDocument, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) done();
    });
  });
}

/**
 * Applies offset edits to a file. A document with unsaved changes gets them through a
 * WorkspaceEdit, on top of the user's edits, and stays unsaved; otherwise the file on disk is
 * changed. The offsets are for `expectedText`; if the file or document no longer holds exactly
 * that text, nothing is applied and `applied` is false, so the caller can read again. A path
 * that must not be written (a link, say) is not applied either, and `message` says why.
 */
export async function applyEditsToFile(uri: vscode.Uri, expectedText: string, edits: readonly OffsetEdit[]): Promise<{ applied: boolean; saved: boolean; message?: string }> {
  if (!mayWrite({ quiet: true })) return { applied: false, saved: false, message: restrictedText() };
  const resolved = await resolvePath(uri);
  if (resolved.kind === 'refused') return { applied: false, saved: false, message: pathAnd(uri, resolved.message) };
  const doc = openDocument(uri);
  if (doc?.isDirty) {
    if (doc.getText() !== expectedText) return { applied: false, saved: false };
    if (edits.length === 0) return { applied: true, saved: false };
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) we.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    return { applied: await vscode.workspace.applyEdit(we), saved: false };
  }
  if (resolved.kind === 'missing') return { applied: false, saved: false };
  const r = compareAndWrite(uri, () => ({ edits, value: undefined }), 1, expectedText);
  if (r) {
    if (r.kind === 'refused') return { applied: false, saved: false, message: pathAnd(uri, r.message) };
    return { applied: r.kind === 'written' || r.kind === 'unchanged', saved: r.kind === 'written' };
  }
  const read = await readText(uri);
  if (read.kind !== 'text' || read.text !== expectedText) return { applied: false, saved: false };
  if (edits.length === 0) return { applied: true, saved: false };
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(applyTextEdits(expectedText, edits)));
  return { applied: true, saved: true };
}

export type CreateOutcome = { ok: true } | { ok: false; exists: boolean; message: string };

/**
 * Writes a new file, never over anything: refused when the path exists (a file, an unsaved
 * editor) or passes through a link. Missing folders on the way are created.
 */
/** "<path> <why>": a refusal's reason follows the path. */
export function pathAnd(uri: vscode.Uri, why: string): string {
  return vscode.l10n.t('{0} {1}', vscode.workspace.asRelativePath(uri), why);
}

export async function createNewFile(uri: vscode.Uri, text: string): Promise<CreateOutcome> {
  if (!mayWrite({ quiet: true })) return { ok: false, exists: false, message: restrictedText() };
  const rel = vscode.workspace.asRelativePath(uri);
  const resolved = await resolvePath(uri);
  if (resolved.kind === 'refused') return { ok: false, exists: false, message: notWritten(rel, resolved.message) };
  if (resolved.kind !== 'missing' || openDocument(uri)?.isDirty) return { ok: false, exists: true, message: vscode.l10n.t('{0} exists already.', rel) };
  const parent = vscode.Uri.joinPath(uri, '..');
  const folder = await resolvePath(parent, 'folder');
  if (folder.kind === 'refused') return { ok: false, exists: false, message: notWritten(vscode.workspace.asRelativePath(parent), folder.message) };
  try {
    if (folder.kind === 'missing') await vscode.workspace.fs.createDirectory(parent);
    const local = uri.scheme === 'file' ? localFiles() : undefined;
    if (local) {
      // O_EXCL: never over a file that appeared meanwhile; O_NOFOLLOW: never through a link.
      return local.create(uri.fsPath, text) === 'created' ? { ok: true } : { ok: false, exists: true, message: vscode.l10n.t('{0} exists already.', rel) };
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return { ok: true };
  } catch (err) {
    return { ok: false, exists: false, message: vscode.l10n.t('{0} could not be created ({1}).', rel, describeError(err)) };
  }
}

/**
 * Writes a whole file the user chose to write over (an export saved again): a new file, or an
 * existing one's content replaced. The old content is not read, so no size limit applies to it:
 * limits are for what the extension reads. The path is checked as for every write (no link on
 * the way, a regular file); an editor with unsaved changes gets the new text as an edit (on its
 * undo stack, left unsaved), so unsaved work is never overwritten on disk.
 */
export async function replaceFile(uri: vscode.Uri, text: string): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!mayWrite({ quiet: true })) return { ok: false, message: restrictedText() };
  const created = await createNewFile(uri, text);
  if (created.ok || !created.exists) return created;
  const rel = vscode.workspace.asRelativePath(uri);
  const resolved = await resolvePath(uri);
  if (resolved.kind === 'refused') return { ok: false, message: notWritten(rel, resolved.message) };
  if (resolved.kind === 'missing') return { ok: false, message: vscode.l10n.t('{0} no longer exists.', rel) };
  if (openDocument(uri)?.isDirty) {
    const updated = await updateTextFile(uri, (old) => ({ edits: old === text ? [] : [{ start: 0, end: old.length, newText: text }], value: undefined }));
    return updated.ok ? { ok: true } : { ok: false, message: vscode.l10n.t('{0} was not written: {1}', rel, updated.message) };
  }
  try {
    const local = uri.scheme === 'file' ? localFiles() : undefined;
    const bytes = new TextEncoder().encode(text);
    const outcome = local ? local.replace(uri.fsPath, bytes, vscode.l10n.t('is a symbolic link ({0})', noLinks())) : (await vscode.workspace.fs.writeFile(uri, bytes), 'written');
    if (outcome === 'written') return { ok: true };
    if (outcome === 'missing') return { ok: false, message: vscode.l10n.t('{0} no longer exists.', rel) };
    return { ok: false, message: notWritten(rel, outcome.refused) };
  } catch (err) {
    return { ok: false, message: vscode.l10n.t('{0} could not be written ({1}).', rel, describeError(err)) };
  }
}

/** Writes a new file; refuses (returns false) when it exists already or the path is refused. */
export async function createFile(uri: vscode.Uri, text: string): Promise<boolean> {
  return (await createNewFile(uri, text)).ok;
}
