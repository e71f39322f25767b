import type * as vscode from 'vscode';
import type { Deps } from './deps';
import { lazyModules } from '../chunks';
import type { LazyModules } from '../implementations';

/**
 * Features that are not needed at activation are loaded on first use (src/implementations.ts): the entry
 * bundle stays small (the 100 KB budget) and activation stays fast. A lazy module exports
 * `activate(context, deps)`, called once.
 */
export interface LazyModule<Api> {
  activate(context: vscode.ExtensionContext, deps: Deps): Api;
}

export type LazyFeatureName = Exclude<keyof LazyModules, 'contextParser'>;

export function lazyFeature<Api>(name: LazyFeatureName, context: vscode.ExtensionContext, deps: Deps): () => Api {
  let api: Api | undefined;
  return () => {
    if (api === undefined) {
      const started = Date.now();
      const mod = lazyModules()[name]() as unknown as LazyModule<Api>;
      api = mod.activate(context, deps);
      deps.log.info(`Loaded ${name} in ${Date.now() - started} ms`);
    }
    return api;
  };
}
