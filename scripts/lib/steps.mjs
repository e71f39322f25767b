import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

export function sh(cmd, args, { label = cmd, env } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: env ? { ...process.env, ...env } : process.env });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status})`);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The release bundle (what users get) and the compiled tests. */
export function buildAll() {
  sh(process.execPath, ['scripts/build.mjs', '--production'], { label: 'Bundling the extension' });
  // From an empty out/: a test file deleted from test/ must not run from an old compile.
  rmSync(join(ROOT, 'out'), { recursive: true, force: true });
  sh(npx, ['tsc', '-p', '.', '--outDir', 'out'], { label: 'Compiling TypeScript' });
}
