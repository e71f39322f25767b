import * as path from 'node:path';

type ContextParser = typeof import('../lazy/contextParser');

let loaded: ContextParser | undefined;

/**
 * The context file reader, loaded on first use from its own bundle (dist/lazy/contextParser.js):
 * markdown-it and the YAML reader would not fit the entry bundle's budget, and activation does
 * not need them.
 */
export function contextParser(): ContextParser {
  // A path esbuild cannot follow, so the module stays out of the entry bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'lazy', 'contextParser.js')) as ContextParser;
  return loaded;
}
