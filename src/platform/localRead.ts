// The Node-only read of a local file (desktop VS Code and remote hosts): Node's fs in the
// extension host, where it is. scripts/build.mjs swaps this file for localRead.web.ts in the web
// bundle, where there is no local file system and src/host/files.ts reads through
// workspace.fs instead.
//
// Why not workspace.fs: in the extension host every workspace.fs call first asks the workbench
// whether the file system is activated (one message there and back), even for `file:`, whose
// provider runs in the extension host itself. With the workbench in a browser (code-server,
// Codespaces, any remote window), each read waits for that round trip; 10,000 records cost
// about 9x what the same reads cost with fs in the same process.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';

export type LocalRead =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'missing' }
  /** The path itself is a symbolic link: it is never followed. */
  | { kind: 'link' }
  | { kind: 'folder' }
  /** A device, a pipe or a socket: it has no size to check and may never end. */
  | { kind: 'special' }
  | { kind: 'tooBig'; size: number }
  /** Anything else the file system said, as a VS Code file system error code where there is one. */
  | { kind: 'error'; code: string };

export interface LocalReader {
  /**
   * Reads a local file whole: opened without following a link and without blocking (a pipe
   * swapped in since the path was checked must not hang the read), checked on the open handle to
   * be a regular file of at most `maxBytes`, then read. Never throws.
   */
  read(path: string, maxBytes: number): Promise<LocalRead>;
  /**
   * Reads many files the same way, handing each result to `onRead` as it comes (in any order),
   * and resolves when every file is done; never rejects. Small regular files are read with
   * synchronous calls in short slices that give the event loop back between them (see
   * readSlices); once reads turn out slow (a network drive, a cold disk), the rest go through the
   * thread pool, `concurrency` at once, on callbacks (no promise per file).
   */
  readMany(paths: readonly string[], maxBytes: number, onRead: (index: number, read: LocalRead) => void, concurrency?: number): Promise<void>;
  /**
   * Lists a local folder and its subfolders (not those starting with `.`, nor node_modules) by
   * each entry's own type, never following a link: the files whose names match, and the links
   * and other entries that must not be read. Never throws: a folder that cannot be read lists
   * nothing.
   */
  list(root: string, matches: (name: string) => boolean, options?: { maxDepth?: number; maxFiles?: number }): Promise<LocalListing>;
  /**
   * True when each of `segments` below `base`, in turn, is a folder and not a link (each looked
   * at with lstat, which never follows one). False for anything else (a link, a file, missing,
   * unreadable): the caller then finds out what with its own checks.
   */
  isPlainFolder(base: string, segments: readonly string[]): Promise<boolean>;
}

/** Each entry's path relative to the listed folder, with `/` between segments (`rel`), and its full path. */
export interface LocalListing {
  files: { rel: string; path: string }[];
  /** Entries that match (or folders that would be walked) but must not be read. */
  refused: { rel: string; kind: 'linkToFolder' | 'link' | 'special' }[];
}

const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

const open = (path: string) => new Promise<number>((resolve, reject) => fs.open(path, FLAGS, (err, fd) => (err ? reject(err) : resolve(fd))));
const fstat = (fd: number) => new Promise<fs.Stats>((resolve, reject) => fs.fstat(fd, (err, st) => (err ? reject(err) : resolve(st))));
const readAt = (fd: number, buf: Buffer, at: number) => new Promise<number>((resolve, reject) => fs.read(fd, buf, at, buf.length - at, at, (err, n) => (err ? reject(err) : resolve(n))));
const close = (fd: number) => new Promise<void>((resolve) => fs.close(fd, () => resolve()));

function failure(err: unknown): LocalRead {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? String(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'ELOOP') return { kind: 'link' };
  if (code === 'EISDIR') return { kind: 'folder' };
  // The codes workspace.fs gives for the same failures, so messages read the same either way.
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'error', code: 'NoPermissions' };
  return { kind: 'error', code };
}

async function readWhole(fd: number, st: fs.Stats, maxBytes: number): Promise<LocalRead> {
  if (st.isDirectory()) return { kind: 'folder' };
  if (!st.isFile()) return { kind: 'special' };
  if (st.size > maxBytes) return { kind: 'tooBig', size: st.size };
  // The size the handle reports, in one read; a file that reports none (size 0) is read to
  // its end, up to the limit.
  const size = st.size;
  let buf = Buffer.allocUnsafe(size > 0 ? size : Math.min(16 * 1024, maxBytes + 1));
  let n = 0;
  while (size === 0 || n < size) {
    if (n === buf.length) {
      if (n > maxBytes) return { kind: 'tooBig', size: n };
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, n * 2));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const got = await readAt(fd, buf, n);
    if (got === 0) break;
    n += got;
  }
  if (n > maxBytes) return { kind: 'tooBig', size: n };
  return { kind: 'bytes', bytes: buf.subarray(0, n) };
}

/**
 * One file of readMany: open, check and read on callbacks, then `done` once with the result.
 * The handle is closed without waiting for it.
 */
function readOne(path: string, maxBytes: number, done: (read: LocalRead) => void): void {
  fs.open(path, FLAGS, (err, fd) => {
    if (err) return done(failure(err));
    const finish = (read: LocalRead) => {
      fs.close(fd, () => undefined);
      done(read);
    };
    fs.fstat(fd, (err2, st) => {
      if (err2) return finish(failure(err2));
      // Only a regular file that reports its size is read in one step; anything else (a size
      // of 0 may be a file that reports none) goes through the general reader's checks.
      if (!st.isFile() || st.size === 0 || st.size > maxBytes) {
        readWhole(fd, st, maxBytes).then(finish, (e: unknown) => finish(failure(e)));
        return;
      }
      const buf = Buffer.allocUnsafe(st.size);
      const more = (n: number) => {
        fs.read(fd, buf, n, st.size - n, n, (err3, got) => {
          if (err3) return finish(failure(err3));
          if (got === 0 || n + got === st.size) return finish({ kind: 'bytes', bytes: buf.subarray(0, n + got) });
          more(n + got);
        });
      };
      more(0);
    });
  });
}

type Dirent = fs.Dirent;

function readDir(dir: string): Promise<Dirent[]> {
  return new Promise((resolve) => fs.readdir(dir, { withFileTypes: true }, (err, entries) => resolve(err ? [] : entries)));
}

/** Reads of `indexes` of `paths` through the thread pool, `concurrency` at once. */
function readAsync(paths: readonly string[], indexes: readonly number[], maxBytes: number, onRead: (index: number, read: LocalRead) => void, concurrency: number): Promise<void> {
  return new Promise((resolve) => {
    if (indexes.length === 0) return resolve();
    let next = 0;
    let left = indexes.length;
    const start = () => {
      const i = indexes[next++];
      readOne(paths[i], maxBytes, (read) => {
        try {
          onRead(i, read);
        } finally {
          if (--left === 0) resolve();
          else if (next < indexes.length) start();
        }
      });
    };
    for (let k = 0; k < Math.min(Math.max(1, concurrency), indexes.length); k++) start();
  });
}

/** Files up to this size are read synchronously; larger ones (rare for text) through the thread pool. */
const SYNC_MAX_BYTES = 256 * 1024;
/** The longest run of synchronous reads (and the work `onRead` does on them) before the event loop gets a turn. */
const SLICE_MS = 8;
/** A read slower than this, or reads slower than SLOW_AVERAGE_MS each on average, end the synchronous reads. */
const SLOW_READ_MS = 20;
const SLOW_AVERAGE_MS = 1;

/**
 * One small file read with synchronous calls, with the same checks as readOne (opened without
 * following a link and without blocking, a regular file within the limit). Undefined when it is
 * not a regular file of a known size up to SYNC_MAX_BYTES: readOne then reads it and says what it is.
 */
function readSmallSync(path: string, maxBytes: number): LocalRead | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, FLAGS);
  } catch (err) {
    return failure(err);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size === 0 || st.size > maxBytes || st.size > SYNC_MAX_BYTES) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const got = fs.readSync(fd, buf, n, st.size - n, n);
      if (got === 0) break;
      n += got;
    }
    return { kind: 'bytes', bytes: buf.subarray(0, n) };
  } catch (err) {
    return failure(err);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Nothing more to do with a handle that will not close.
    }
  }
}

/**
 * Reads of many small local files: a read from the page cache takes a few microseconds with
 * synchronous calls, against several hops through the thread pool (open, stat, read, close),
 * each waiting for the event loop, with asynchronous ones (about seven times the processor time
 * for a folder of records). So the files are read synchronously, in slices of at most SLICE_MS
 * (the reads and what `onRead` does with them) with the event loop given back between slices.
 * A read that is slow (over SLOW_READ_MS, or SLOW_AVERAGE_MS on average: a network drive, a cold
 * disk) ends that: the files left, and any not read synchronously (large, empty, not a regular
 * file), go through the thread pool.
 */
function readSlices(paths: readonly string[], maxBytes: number, onRead: (index: number, read: LocalRead) => void, concurrency: number): Promise<void> {
  return new Promise((resolve) => {
    const later: number[] = [];
    let next = 0;
    let readMs = 0;
    let slow = false;
    const slice = () => {
      const started = performance.now();
      while (next < paths.length && !slow) {
        const i = next++;
        const before = performance.now();
        const read = readSmallSync(paths[i], maxBytes);
        const took = performance.now() - before;
        readMs += took;
        if (took > SLOW_READ_MS || (next >= 16 && readMs / next > SLOW_AVERAGE_MS)) slow = true;
        if (read === undefined) later.push(i);
        else {
          try {
            onRead(i, read);
          } catch (err) {
            // As from a callback of the thread pool's reads: reported, and the reads go on.
            setTimeout(() => {
              throw err;
            });
          }
        }
        if (performance.now() - started >= SLICE_MS) break;
      }
      if (next < paths.length && !slow) {
        setImmediate(slice);
        return;
      }
      while (next < paths.length) later.push(next++);
      void readAsync(paths, later, maxBytes, onRead, concurrency).then(resolve);
    };
    slice();
  });
}

const reader: LocalReader = {
  readMany(paths, maxBytes, onRead, concurrency = 32) {
    return readSlices(paths, maxBytes, onRead, concurrency);
  },
  async isPlainFolder(base, segments) {
    if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('/') || s.includes(nodePath.sep))) return false;
    const lstat = (p: string) => new Promise<fs.Stats | undefined>((resolve) => fs.lstat(p, (err, st) => resolve(err ? undefined : st)));
    const stats = await Promise.all(segments.map((_, i) => lstat(nodePath.join(base, ...segments.slice(0, i + 1)))));
    return stats.every((st) => st !== undefined && st.isDirectory() && !st.isSymbolicLink());
  },
  async list(root, matches, options = {}) {
    const maxDepth = options.maxDepth ?? 12;
    const maxFiles = options.maxFiles ?? 200_000;
    const out: LocalListing = { files: [], refused: [] };
    const walk = async (rel: string, depth: number): Promise<void> => {
      const subfolders: string[] = [];
      const dir = rel === '' ? root : nodePath.join(root, rel);
      for (const entry of await readDir(dir)) {
        const name = entry.name;
        const sub = rel === '' ? name : `${rel}/${name}`;
        if (entry.isSymbolicLink()) {
          // A link's target is not looked at: a link to a folder is told apart by a stat of it.
          const target = await new Promise<fs.Stats | undefined>((resolve) => fs.stat(nodePath.join(dir, name), (err, st) => resolve(err ? undefined : st)));
          if (target?.isDirectory()) out.refused.push({ rel: sub, kind: 'linkToFolder' });
          else if (matches(name)) out.refused.push({ rel: sub, kind: 'link' });
        } else if (entry.isDirectory()) {
          if (!name.startsWith('.') && name !== 'node_modules' && depth < maxDepth) subfolders.push(sub);
        } else if (matches(name)) {
          if (entry.isFile()) {
            if (out.files.length < maxFiles) out.files.push({ rel: sub, path: nodePath.join(dir, name) });
          } else out.refused.push({ rel: sub, kind: 'special' });
        }
      }
      await Promise.all(subfolders.map((f) => walk(f, depth + 1)));
    };
    await walk('', 0);
    return out;
  },
  async read(path, maxBytes) {
    let fd: number;
    try {
      fd = await open(path);
    } catch (err) {
      return failure(err);
    }
    try {
      return await readWhole(fd, await fstat(fd), maxBytes);
    } catch (err) {
      return failure(err);
    } finally {
      await close(fd);
    }
  },
};

/** Reads of the local file system with Node's fs, where the extension host has one. */
export function localReader(): LocalReader | undefined {
  return reader;
}
