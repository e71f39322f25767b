// The Node-only file handle work (desktop VS Code and remote hosts): the compare-and-write of a
// local file on one handle, and creating a file that must not exist. scripts/build.mjs swaps
// this file for localFile.web.ts in the web bundle, where there is no local file system and
// src/host/files.ts goes through workspace.fs instead.
import * as fs from 'node:fs';
import { l10n } from '../core/l10n';

export type LocalUpdate<T> =
  | { kind: 'written'; text: string; value: T }
  | { kind: 'unchanged'; text: string; value: T }
  | { kind: 'changing' }
  | { kind: 'missing' }
  | { kind: 'refused'; message: string };

export interface LocalFiles {
  /**
   * Changes a local file on one handle, opened without following a link: reads it, computes the
   * change from its text, reads it again and, only if it is still exactly those bytes, writes the
   * result. Everything is synchronous: nothing in this extension host runs between the check and
   * the write, and another process has microseconds, not round trips, to slip a change in. When
   * the file changed, the change is computed again from the new text, up to `attempts` times;
   * with `expected`, the text must be that one (the caller computed the edits from it).
   */
  update<T>(
    path: string,
    decode: (bytes: Uint8Array) => { text: string } | { message: string },
    compute: (text: string) => { edits: readonly { start: number; end: number; newText: string }[]; value: T },
    apply: (text: string, edits: readonly { start: number; end: number; newText: string }[]) => string,
    options: { attempts: number; maxBytes: number; expected?: string; linkMessage: string; overLimit: (size: number) => string },
  ): LocalUpdate<T>;
  /** Creates a file that must not exist yet (O_EXCL), never through a link (O_NOFOLLOW). */
  create(path: string, text: string): 'created' | 'exists';
  /**
   * Replaces a regular file's whole content with `bytes`, never through a link (O_NOFOLLOW):
   * nothing of it is read, so its size does not matter.
   */
  replace(path: string, bytes: Uint8Array, linkMessage: string): 'written' | 'missing' | { refused: string };
}

function readAll(fd: number, limit: number): Buffer | undefined {
  const buf = Buffer.alloc(limit + 1);
  let n = 0;
  for (;;) {
    const got = fs.readSync(fd, buf, n, buf.length - n, n);
    if (got === 0) break;
    n += got;
    if (n >= buf.length) return undefined;
  }
  return buf.subarray(0, n);
}

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

function writeAll(fd: number, bytes: Uint8Array, position: number | null): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let n = 0;
  while (n < length) {
    const got = fs.readSync(fd, buf, n, length - n, position + n);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

/**
 * Replaces `before` (the file's bytes, checked a moment ago) with `after` so that a line another
 * process appends meanwhile is never lost. Such a line lands at the end of the file, after the
 * bytes that were checked; a write at position 0 of no more than those bytes cannot reach it.
 * - Growing: the bytes past the old length are appended first (O_APPEND: the kernel puts them
 *   at the end as it is then, after any outside line), then the checked part is overwritten in
 *   place. When an outside line came first, the file is `before + outside + ours (+ later)`; it
 *   becomes `after + outside (+ later)`, the same length, written at position 0.
 * - The same length: written in place.
 * - Shrinking: written in place, then whatever follows the old end is moved down and the file
 *   cut; only there is a window: a line appended between the last read and the cut is lost
 *   (a moment, but the process can be descheduled in it).
 * Returns the bytes written (`after`, or `after` with the outside lines) or undefined when the
 * file was rewritten by someone else meanwhile (nothing of ours is left in it).
 */
export function writeKeepingAppends(fd: number, path: string, before: Buffer, after: Buffer): Buffer | undefined {
  const n = before.length;
  if (after.length <= n) {
    writeAll(fd, after, 0);
    if (after.length === n) return after;
    const rest = readAt(fd, n, Math.max(0, fs.fstatSync(fd).size - n));
    if (rest.length > 0) writeAll(fd, rest, after.length);
    fs.ftruncateSync(fd, after.length + rest.length);
    return rest.length > 0 ? Buffer.concat([after, rest]) : after;
  }
  const tail = after.subarray(n);
  let appendFd: number | undefined;
  try {
    appendFd = fs.openSync(path, fs.constants.O_WRONLY | fs.constants.O_APPEND | NOFOLLOW);
    const a = fs.fstatSync(appendFd);
    const b = fs.fstatSync(fd);
    if (a.ino !== b.ino || a.dev !== b.dev) return undefined;
    writeAll(appendFd, tail, null);
  } catch {
    if (appendFd !== undefined) return undefined;
    // No second handle (a file system without O_APPEND, permissions): the plain write.
    writeAll(fd, after, 0);
    return after;
  } finally {
    if (appendFd !== undefined) fs.closeSync(appendFd);
  }
  if (readAt(fd, n, tail.length).equals(tail)) {
    writeAll(fd, after.subarray(0, n), 0);
    return after;
  }
  // An outside line came between the check and the append: ours is further on.
  const whole = readAt(fd, 0, fs.fstatSync(fd).size);
  const at = whole.indexOf(tail, n + 1);
  if (at < 0 || !whole.subarray(0, n).equals(before)) return undefined;
  const merged = Buffer.concat([after, whole.subarray(n, at), whole.subarray(at + tail.length)]);
  writeAll(fd, merged, 0);
  return merged;
}

const files: LocalFiles = {
  update(path, decode, compute, apply, options) {
    let fd: number;
    try {
      fd = fs.openSync(path, fs.constants.O_RDWR | NOFOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { kind: 'missing' };
      if (code === 'ELOOP') return { kind: 'refused', message: options.linkMessage };
      if (code === 'EISDIR') return { kind: 'refused', message: l10n.t('is a folder, not a file') };
      return { kind: 'refused', message: l10n.t('could not be opened for writing ({0})', code ?? String(err)) };
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { kind: 'refused', message: l10n.t('is not a regular file, so it is not written') };
      if (st.size > options.maxBytes) return { kind: 'refused', message: options.overLimit(st.size) };
      for (let attempt = 0; attempt < options.attempts; attempt++) {
        const before = readAll(fd, options.maxBytes);
        if (!before) return { kind: 'refused', message: options.overLimit(options.maxBytes + 1) };
        const read = decode(before);
        if ('message' in read) return { kind: 'refused', message: read.message };
        if (options.expected !== undefined && read.text !== options.expected) return { kind: 'changing' };
        const { edits, value } = compute(read.text);
        if (edits.length === 0) return { kind: 'unchanged', text: read.text, value };
        const text = apply(read.text, edits);
        const bytes = Buffer.from(text, 'utf8');
        // Right before writing: the file must still be exactly what the change was computed from.
        const now = readAll(fd, options.maxBytes);
        if (!now || !now.equals(before)) continue;
        const written = writeKeepingAppends(fd, path, before, bytes);
        if (written === undefined) return { kind: 'changing' };
        return { kind: 'written', text: written === bytes ? text : written.toString('utf8'), value };
      }
      return { kind: 'changing' };
    } finally {
      fs.closeSync(fd);
    }
  },
  create(path, text) {
    let fd: number;
    try {
      fd = fs.openSync(path, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw err;
    }
    try {
      const bytes = Buffer.from(text, 'utf8');
      fs.writeSync(fd, bytes, 0, bytes.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    return 'created';
  },
  replace(path, bytes, linkMessage) {
    let fd: number;
    try {
      fd = fs.openSync(path, fs.constants.O_WRONLY | NOFOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return 'missing';
      if (code === 'ELOOP') return { refused: linkMessage };
      if (code === 'EISDIR') return { refused: l10n.t('is a folder, not a file') };
      return { refused: l10n.t('could not be opened for writing ({0})', code ?? String(err)) };
    }
    try {
      if (!fs.fstatSync(fd).isFile()) return { refused: l10n.t('is not a regular file, so it is not written') };
      fs.ftruncateSync(fd, 0);
      writeAll(fd, bytes, 0);
      return 'written';
    } finally {
      fs.closeSync(fd);
    }
  },
};

/** The local file system's handles, where the extension host has one. */
export function localFiles(): LocalFiles | undefined {
  return files;
}
