// The bundles and their budgets, for `npm test` (which fails over budget) and `npm run bench`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

export const ENTRY_BUDGET = 100 * 1024;
/**
 * Everything the Node extension host may load: all its bundles together, no library twice. The
 * target of "Open as fast as an empty view" (400 KB); the budget is the target, never what was
 * reached (it was raised three times to the figure measured, 496 KB at the end). A build over
 * it is reported as missed, with the figure.
 */
export const NODE_HOST_BUDGET = 400 * 1024;
/** The most code one command or view may load in the Node host (its chunk and what it shares). */
export const COMMAND_BUDGET = 150 * 1024;
/** Each webview page's script. */
export const WEBVIEW_BUDGET = 80 * 1024;

const size = (rel) => (existsSync(join(ROOT, rel)) ? statSync(join(ROOT, rel)).size : 0);

export function bundleSizes() {
  const entry = size('dist/extension.js');
  const lazy = size('dist/lazy.js');
  const web = size('dist/web/extension.js');
  const webviews = readdirSync(join(ROOT, 'dist', 'webview')).filter((f) => f.endsWith('.js')).sort().map((f) => ({ file: `dist/webview/${f}`, bytes: size(`dist/webview/${f}`) }));
  return { entry, lazy, nodeHost: entry + lazy, web, webviews };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
