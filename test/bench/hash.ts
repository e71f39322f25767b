/**
 * `npm run bench` (BENCH_ONLY=hash): the web build's hashing against the Node host's, the same
 * list, each in its own extension host: this file is the `extensionTestsPath` of two sessions,
 * compiled by tsc for the Node host (src/platform/sha256 is the node:crypto one, with its worker
 * thread) and bundled by esbuild with the web platform for the web worker host
 * (src/platform/sha256.web.ts). It hashes the list the way the member lists are hashed (a salt
 * and an email per input, in batches, one batch after another), five times, and writes the
 * times into the workspace (the worker has no other way out).
 */
import * as vscode from 'vscode';
import { sha256Batch } from '../../src/platform/sha256';

const EMAILS = 200_000;
const BATCH = 4096;
const REPEATS = 5;

export async function run(): Promise<void> {
  const salt = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
  const inputs = Array.from({ length: EMAILS }, (_, i) => `${salt}:member.${i}.name${i % 97}@example${i % 13}.org`);
  const times: number[] = [];
  let check = 0;
  for (let r = 0; r < REPEATS; r++) {
    const started = performance.now();
    for (let i = 0; i < inputs.length; i += BATCH) {
      const out = await sha256Batch(inputs.slice(i, i + BATCH));
      check ^= out[0];
    }
    times.push(performance.now() - started);
  }
  const host = typeof (globalThis as { process?: unknown }).process === 'undefined' ? 'web worker' : 'node';
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const result = { host, emails: EMAILS, batch: BATCH, times, check };
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.bench-output', 'hash-result.json'), new TextEncoder().encode(JSON.stringify(result)));
}
