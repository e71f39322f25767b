import type * as vscode from 'vscode';
import type { Deps } from './deps';

/**
 * The lazy hook. A feature's registration (src/features/<name>/registration.ts) is the only file
 * loaded at activation; its implementation (src/features/<name>/impl.ts, listed in
 * src/implementations.ts) is loaded on first use, so the entry bundle stays small (the 100 KB
 * budget) and activation stays fast. An implementation exports `activate(context, deps)`, called
 * once.
 */
export interface LazyModule<Api> {
  activate(context: vscode.ExtensionContext, deps: Deps): Api;
}

/** Loads a feature's implementation by its name in src/implementations.ts (src/chunks.ts). */
export type ChunkLoader = (name: string) => unknown;

export function lazyFeature<Api>(name: string, context: vscode.ExtensionContext, deps: Deps): () => Api {
  let api: Api | undefined;
  return () => {
    if (api === undefined) {
      const started = Date.now();
      const mod = deps.loadChunk(name) as LazyModule<Api>;
      api = mod.activate(context, deps);
      deps.log.info(`Loaded ${name} in ${Date.now() - started} ms`);
    }
    return api;
  };
}
