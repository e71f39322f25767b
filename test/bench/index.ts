/**
 * Runs inside the VS Code extension host for `npm run bench`: activates the empty baseline
 * extension and Community Partnerships the same way (an explicit activate(), no activation
 * event fired first) in the order the launcher asks, and writes the times to a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const OUT = path.resolve(__dirname, '../../../.test-output');

export async function run(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(path.join(OUT, 'bench-job.json'), 'utf8')) as { order: string[] };
  const result: Record<string, number> = {};
  try {
    for (const id of job.order) {
      const ext = vscode.extensions.getExtension(id);
      if (!ext) throw new Error(`${id} is not installed`);
      if (ext.isActive) throw new Error(`${id} was already active: the measurement would be empty`);
      const started = performance.now();
      const api = (await ext.activate()) as ExtensionApi | undefined;
      result[id] = performance.now() - started;
      if (api?.contexts) {
        await api.contexts.ready;
        result[`${id}#contextReady`] = performance.now() - started;
      }
    }
    fs.writeFileSync(path.join(OUT, 'bench-activation.json'), JSON.stringify({ ok: true, result }));
  } catch (err) {
    fs.writeFileSync(path.join(OUT, 'bench-activation.json'), JSON.stringify({ ok: false, error: String(err) }));
  }
}
