// The bundles and their budgets, for `npm test` (which fails over budget) and `npm run bench`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

export const ENTRY_BUDGET = 100 * 1024;
/**
 * Everything the Node extension host may load: the entry and the lazy bundle together. The
 * issue's target was 200 KB; what is measured (esbuild's metafile: `node scripts/build.mjs
 * --metafile`) is about 381 KB, of which the extension's own code is about 190 KB (src/core
 * alone 129 KB minified), markdown-it with mdurl, uc.micro and the HTML entity table 84 KB,
 * js-yaml's loader and dumper 38 KB, zod/mini 31 KB and gray-matter 10 KB: 200 KB is not
 * reachable without dropping the Markdown parser or the schemas. This budget holds the figure
 * reached, so that the bundles do not grow unnoticed. The measure commands (issue 15) added about
 * 75 KB: src/core/measure 28 KB, src/features/measure/impl.ts about 25 KB and papaparse 21 KB; the
 * rebuilt planner and panels (issue 12) about 14 KB: 471.5 KB in all, with both merged. The
 * planner's extension side in the display language (issue 13: the domain's labels as UI in
 * src/core/planner/labels.ts beside the English of src/core/domain.ts, which records and reports
 * keep) about 5.3 KB: 482.9 KB measured on 2026-12-01. The pipeline board (issue 15: its panel
 * 3.5 KB, its part of the protocol about 0.6 KB, the lazy module and the command's shell 0.9 KB)
 * brings it to 487.9 KB; the budget is 496 KB, so that a fix does not have to fight for bytes.
 */
export const NODE_HOST_BUDGET = 496 * 1024;

const size = (rel) => (existsSync(join(ROOT, rel)) ? statSync(join(ROOT, rel)).size : 0);

export function bundleSizes() {
  const entry = size('dist/extension.js');
  const lazy = size('dist/lazy.js');
  const web = size('dist/web/extension.js');
  const webviews = readdirSync(join(ROOT, 'dist', 'webview')).filter((f) => f.endsWith('.js')).sort().map((f) => ({ file: `dist/webview/${f}`, bytes: size(`dist/webview/${f}`) }));
  return { entry, lazy, nodeHost: entry + lazy, web, webviews };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
