// The web worker extension host has no local files: exports are read through workspace.fs
// (src/features/measure/impl.ts) and handed on in chunks.
export const CHUNK_BYTES = 1024 * 1024;

export type LocalExport = { ok: true; size: number; chunks: AsyncIterable<Uint8Array> } | { ok: false; message: string };

export function openLocalExport(_path: string, _chunkBytes = CHUNK_BYTES): LocalExport | undefined {
  return undefined;
}
