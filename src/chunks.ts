// The Node-only adapter (desktop VS Code and remote hosts): each chunk of src/implementations.ts
// is a file of its own, dist/lazy/<name>.js, beside the files it shares with other chunks
// (dist/lazy/chunk-*.js), required on first use so activation stays small and fast and a command
// loads only its own code (scripts/build.mjs). scripts/build.mjs swaps this file for
// chunks.web.ts in the web bundle.
import * as path from 'node:path';
import type { Chunks } from './implementations';

/** dist/lazy/, whether this code is in dist/extension.js or in a shared file beside the chunks. */
const LAZY_DIR = path.basename(__dirname) === 'lazy' ? __dirname : path.join(__dirname, 'lazy');

export function loadChunk<K extends keyof Chunks>(name: K): ReturnType<Chunks[K]> {
  // A path esbuild cannot follow: each chunk is an entry of the build, not part of this file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(LAZY_DIR, `${name}.js`)) as ReturnType<Chunks[K]>;
}
