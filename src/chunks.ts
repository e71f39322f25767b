// The Node-only adapter (desktop VS Code and remote hosts): dist/lazy.js is its own bundle
// beside dist/extension.js, required on first use so activation stays small and fast.
// scripts/build.mjs swaps this file for lazy.web.ts in the web bundle.
import * as path from 'node:path';
import type { LazyModules } from './implementations';

let modules: LazyModules | undefined;

export function lazyModules(): LazyModules {
  // A path esbuild cannot follow, so the lazy bundle stays out of the entry bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  modules ??= (require(path.join(__dirname, 'lazy.js')) as typeof import('./implementations')).lazyModules;
  return modules;
}
