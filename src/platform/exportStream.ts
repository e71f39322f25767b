// The Node-only chunked reader for large exports (desktop VS Code, remote hosts, plain Node in the
// benchmark): a local file read 64 KB at a time on one handle opened without following a link,
// so memory stays flat whatever the file's size. scripts/build.mjs swaps this file for
// exportStream.web.ts in the web bundle, where exports are read through workspace.fs.
import * as fs from 'node:fs';

/**
 * 64 KB: the text of a chunk and the rows made of it are gone before the next young-generation
 * collection. 1 MB chunks read a million-row export in about twice the time, most of it in the
 * collector (`node out/test/bench/measure.js`).
 */
export const CHUNK_BYTES = 64 * 1024;

export type LocalExport = { ok: true; size: number; chunks: AsyncIterable<Uint8Array> } | { ok: false; message: string };

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** Opens a local file for reading in chunks; undefined where the host has no local files. */
export function openLocalExport(path: string, chunkBytes = CHUNK_BYTES): LocalExport | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, message: 'is a symbolic link, which is not followed' };
    return { ok: false, message: `could not be opened (${code ?? String(err)})` };
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    fs.closeSync(fd);
    return { ok: false, message: 'is not a regular file' };
  }
  const read = (position: number): Promise<Uint8Array> =>
    new Promise((resolve, reject) => {
      const buf = Buffer.allocUnsafe(chunkBytes);
      fs.read(fd, buf, 0, buf.length, position, (err, got) => (err ? reject(err) : resolve(new Uint8Array(buf.buffer, buf.byteOffset, got))));
    });
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let position = 0;
    // The next chunk is read while the consumer works on this one.
    let next: Promise<Uint8Array> | undefined = read(0);
    try {
      for (;;) {
        const bytes: Uint8Array = await next!;
        next = undefined;
        if (bytes.length === 0) return;
        position += bytes.length;
        next = read(position);
        next.catch(() => undefined); // its error, if any, is thrown where it is awaited
        // Each chunk its own buffer: the consumer may keep the bytes (the decoder's pending part).
        yield bytes;
      }
    } finally {
      // A read still under way finishes before the handle is closed.
      if (next) await next.catch(() => undefined);
      fs.closeSync(fd);
    }
  }
  return { ok: true, size: st.size, chunks: chunks() };
}
