import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './host.mjs';

/**
 * Installs the npm dependencies (npm ci) when they are missing or were installed from another
 * package-lock.json. Compares the lock file's content, not times: a checkout changes times.
 */
export function ensureNpmDeps({ log = console.log } = {}) {
  const lock = readFileSync(join(ROOT, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = join(ROOT, 'node_modules', '.community-partnerships-deps');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return;
  log('Installing npm dependencies (npm ci) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci failed: check the access to the npm registry.');
  writeFileSync(stamp, hash + '\n');
}
