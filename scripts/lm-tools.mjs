// Writes package.json's contributes.languageModelTools from the tool definitions
// (src/core/assistant/tools.ts): the names, descriptions and input schemas the code registers.
// test/unit/assistant.manifest.test.ts fails when the two differ; run `node scripts/lm-tools.mjs`.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const TMP = mkdtempSync(join(tmpdir(), 'lm-tools-'));
const out = await esbuild.build({
  stdin: {
    contents: "export { ASSISTANT_TOOLS } from './src/core/assistant/tools'; export { toJSONSchema } from 'zod/mini'; export { lmToolEntry } from './src/core/assistant/manifest';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  outfile: join(TMP, 'tools.cjs'),
  format: 'cjs',
  platform: 'node',
  logLevel: 'warning',
});
void out;
const { ASSISTANT_TOOLS, lmToolEntry } = createRequire(import.meta.url)(join(TMP, 'tools.cjs'));
rmSync(TMP, { recursive: true, force: true });

const path = join(ROOT, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.contributes.languageModelTools = ASSISTANT_TOOLS.map(lmToolEntry);
writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${ASSISTANT_TOOLS.length} language-model tools`);
