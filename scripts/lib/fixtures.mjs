import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

/** A fresh copy of a fixture workspace in a temporary folder (tests may change it). */
export function copyWorkspace(name = 'workspace') {
  const dir = mkdtempSync(join(tmpdir(), 'cp-ws-'));
  cpSync(join(ROOT, 'test', 'fixtures', name), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
