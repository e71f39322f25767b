// The Node-only chunked reader for large exports (desktop VS Code, remote hosts, plain Node in the
// benchmark): a local file read 1 MB at a time on one handle opened without following a link,
// so memory stays flat whatever the file's size. scripts/build.mjs swaps this file for
// exportStream.web.ts in the web bundle, where exports are read through workspace.fs.
import * as fs from 'node:fs';

export const CHUNK_BYTES = 1024 * 1024;

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
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const buf = Buffer.alloc(chunkBytes);
    let position = 0;
    try {
      for (;;) {
        const n = await new Promise<number>((resolve, reject) => fs.read(fd, buf, 0, buf.length, position, (err, got) => (err ? reject(err) : resolve(got))));
        if (n === 0) return;
        position += n;
        // A copy: the consumer may keep the bytes (the decoder's pending part) while the buffer is reused.
        yield new Uint8Array(buf.subarray(0, n));
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return { ok: true, size: st.size, chunks: chunks() };
}
