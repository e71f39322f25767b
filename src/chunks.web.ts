// The web worker extension host (vscode.dev, github.dev) loads one file and has no Node `require`
// of paths: every feature's implementation is in the same bundle, each initialised on its first call.
import type { Chunks } from './implementations';

export function loadChunk<K extends keyof Chunks>(name: K): ReturnType<Chunks[K]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./implementations') as typeof import('./implementations')).chunks[name]() as ReturnType<Chunks[K]>;
}
