// The Node-only adapter (desktop VS Code and remote hosts): every feature's implementation is in
// dist/lazy.js, its own bundle beside dist/extension.js, required on first use so activation stays
// small and fast. A chunk is asked for by name, so that a build which writes each feature to a
// file of its own changes only this function. scripts/build.mjs swaps this file for chunks.web.ts
// in the web bundle.
import * as path from 'node:path';
import type { Chunks } from './implementations';

let chunks: Chunks | undefined;

export function loadChunk<K extends keyof Chunks>(name: K): ReturnType<Chunks[K]> {
  // A path esbuild cannot follow, so the lazy bundle stays out of the entry bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  chunks ??= (require(path.join(__dirname, 'lazy.js')) as typeof import('./implementations')).chunks;
  return chunks[name]() as ReturnType<Chunks[K]>;
}
