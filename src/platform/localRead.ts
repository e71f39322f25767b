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

const reader: LocalReader = {
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
