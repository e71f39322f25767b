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
  if (installedFromLock()) {
    // Installed by hand (`npm ci` or `npm install`) from this lock file: nothing to do again.
    writeFileSync(stamp, hash + '\n');
    return;
  }
  log('Installing npm dependencies (npm ci) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci failed: check the access to the npm registry.');
  writeFileSync(stamp, hash + '\n');
}

/**
 * True when node_modules holds exactly the packages package-lock.json names, at its versions:
 * npm writes what it installed to node_modules/.package-lock.json. An optional package left out
 * (another platform's binary) is not missing.
 */
function installedFromLock() {
  const hidden = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(hidden)) return false;
  try {
    const wanted = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {};
    for (const [path, pkg] of Object.entries(wanted)) {
      if (path === '') continue;
      const got = have[path];
      if (!got) {
        if (pkg.optional) continue;
        return false;
      }
      if (got.version !== pkg.version || (pkg.integrity && got.integrity !== pkg.integrity)) return false;
    }
    return true;
  } catch {
    return false;
  }
}
