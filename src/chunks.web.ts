// The web worker extension host (vscode.dev, github.dev) loads one file and has no Node `require`
// of paths: the lazy modules are in the same bundle, each initialised on its first call.
import type { LazyModules } from './implementations';

export function lazyModules(): LazyModules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./implementations') as typeof import('./implementations')).lazyModules;
}
