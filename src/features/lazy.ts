import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Deps } from './deps';

/**
 * Features that are not needed at activation live in their own bundles under dist/lazy/ and
 * are loaded on first use: the extension's entry bundle stays small (the 100 KB budget) and
 * activation stays fast. A lazy module exports `activate(context, deps)`, called once.
 */
export interface LazyModule<Api> {
  activate(context: vscode.ExtensionContext, deps: Deps): Api;
}

export function lazyFeature<Api>(name: string, context: vscode.ExtensionContext, deps: Deps): () => Api {
  let api: Api | undefined;
  return () => {
    if (api === undefined) {
      // A path esbuild cannot follow, so the module stays out of the entry bundle.
      const file = path.join(__dirname, 'lazy', `${name}.js`);
      const started = Date.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as LazyModule<Api>;
      api = mod.activate(context, deps);
      deps.log.info(`Loaded ${name} in ${Date.now() - started} ms`);
    }
    return api;
  };
}
