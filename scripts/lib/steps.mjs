import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

export function sh(cmd, args, { label = cmd, env } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: env ? { ...process.env, ...env } : process.env });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status})`);
}

/** Like sh, without blocking: the output is printed when the command ends (so parallel ones do not interleave). */
export function shAsync(cmd, args, label = cmd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(out));
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code})`));
    });
  });
}

/** The release bundle (what users get) and the compiled tests. */
export async function buildAll() {
  await shAsync(process.execPath, ['scripts/build.mjs', '--production'], 'Bundling the extension');
  // From an empty out/: a test file deleted from test/ must not run from an old compile.
  rmSync(join(ROOT, 'out'), { recursive: true, force: true });
  await shAsync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--outDir', 'out'], 'Compiling TypeScript');
}
