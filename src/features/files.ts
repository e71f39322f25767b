import * as vscode from 'vscode';
import { applyTextEdits, type TextEdit } from '../core/textEdits';

/**
 * Reading and writing workspace files. Everything goes through `vscode.workspace.fs` (so the
 * extension works on remote and virtual workspaces) or through the open document, so that an
 * editor's unsaved changes are never overwritten on disk.
 */

/** Files above this size are refused with a message instead of read. */
export const MAX_TEXT_FILE_BYTES = 10 * 1024 * 1024;

export type TextRead =
  | { kind: 'text'; text: string; fromEditor: boolean; version?: number }
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string };

/** The open (possibly unsaved) document for a URI, if an editor has it. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * Reads a text file as the user sees it: an editor's unsaved text if there is one, else the
 * disk. (A document without unsaved changes may lag behind the disk, so the disk wins then.)
 */
export async function readText(uri: vscode.Uri, maxBytes = MAX_TEXT_FILE_BYTES, options: { listed?: boolean } = {}): Promise<TextRead> {
  const doc = openDocument(uri);
  if (doc?.isDirty) return { kind: 'text', text: doc.getText(), fromEditor: true, version: doc.version };
  // A file that findFiles just listed needs no stat first: one round trip instead of two (it
  // halves the time to read thousands of records); the size limit is checked after reading.
  if (options.listed) return readListed(uri, maxBytes);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'unreadable', message: `could not be read (${describeError(err)})` };
  }
  if (stat.type & vscode.FileType.Directory) return { kind: 'unreadable', message: 'is a folder, not a file' };
  if (stat.size > maxBytes) {
    return { kind: 'unreadable', message: `is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for files this extension reads` };
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'unreadable', message: `could not be read (${describeError(err)})` };
  }
  return decodeText(bytes);
}

async function readListed(uri: vscode.Uri, maxBytes: number): Promise<TextRead> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return { kind: 'missing' };
    if (err instanceof vscode.FileSystemError && err.code === 'FileIsADirectory') return { kind: 'unreadable', message: 'is a folder, not a file' };
    return { kind: 'unreadable', message: `could not be read (${describeError(err)})` };
  }
  if (bytes.length > maxBytes) {
    return { kind: 'unreadable', message: `is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit for files this extension reads` };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): TextRead {
  if (bytes.length > MAX_TEXT_FILE_BYTES) {
    return { kind: 'unreadable', message: `is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_TEXT_FILE_BYTES)} limit for files this extension reads` };
  }
  if (bytes.includes(0)) return { kind: 'unreadable', message: 'is not a text file (it contains binary data)' };
  try {
    // ignoreBOM keeps a byte order mark in the text, so writing the text back keeps it too.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), fromEditor: false };
  } catch {
    return { kind: 'unreadable', message: 'is not valid UTF-8 text' };
  }
}

export function describeError(err: unknown): string {
  if (err instanceof vscode.FileSystemError) return err.code || err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export type OffsetEdit = TextEdit;

/**
 * Applies offset edits to a file. A document with unsaved changes gets them through a
 * WorkspaceEdit, on top of the user's edits, and stays unsaved; otherwise the file on disk is
 * changed. The offsets are for `expectedText`; if the file or document no longer holds exactly
 * that text, nothing is applied and `applied` is false, so the caller can read again.
 */
export async function applyEditsToFile(uri: vscode.Uri, expectedText: string, edits: readonly OffsetEdit[]): Promise<{ applied: boolean; saved: boolean }> {
  const doc = openDocument(uri);
  if (doc?.isDirty) {
    if (doc.getText() !== expectedText) return { applied: false, saved: false };
    if (edits.length === 0) return { applied: true, saved: false };
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) we.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    return { applied: await vscode.workspace.applyEdit(we), saved: false };
  }
  const read = await readText(uri);
  if (read.kind !== 'text' || read.text !== expectedText) return { applied: false, saved: false };
  if (edits.length === 0) return { applied: true, saved: false };
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(applyTextEdits(expectedText, edits)));
  return { applied: true, saved: true };
}


/** Writes a new file; refuses (returns false) when it exists already. */
export async function createFile(uri: vscode.Uri, text: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return false;
  } catch {
    // does not exist: go on
  }
  if (openDocument(uri)?.isDirty) return false;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return true;
}
