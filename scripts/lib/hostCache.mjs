// The installed VS Code test hosts, kept once per machine outside any clone: under
// $COMMUNITY_PARTNERSHIPS_CACHE, else $XDG_CACHE_HOME/community-partnerships/test-hosts, else
// ~/.cache/community-partnerships/test-hosts. A clone's `.vscode-test/code-server-<version>` is
// a link to the cached copy, so a second clone (or a `git clean -fdx`) does not install and
// compile the host again. The cached copy is used only when its VS Code version, the install
// recipe and the checksums of the files that run it match what was recorded when it was made;
// otherwise it is installed again, into a folder of its own that is renamed into place when
// complete (two runs installing at once each finish whole, and one copy wins).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Raised when what the install does changes, so that copies made the old way are not used. */
const RECIPE = 1;
const CHECKSUMS = '.checksums.json';

export function hostCacheRoot(env = process.env) {
  if (env.COMMUNITY_PARTNERSHIPS_CACHE) return env.COMMUNITY_PARTNERSHIPS_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'community-partnerships', 'test-hosts');
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The problem with an installed copy, or '' when it is whole: version, recipe, checksums. */
export function checkInstalled(dir, { version, files }) {
  const file = join(dir, CHECKSUMS);
  if (!existsSync(join(dir, '.ready')) || !existsSync(file)) return 'not installed';
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return `${CHECKSUMS} unreadable`;
  }
  if (recorded.version !== version) return `VS Code ${recorded.version}, not ${version}`;
  if (recorded.recipe !== RECIPE) return 'installed by an older recipe';
  for (const f of files) {
    const path = join(dir, f);
    if (!existsSync(path)) return `${f} missing`;
    if (recorded.sha256?.[f] !== sha256(path)) return `${f} changed`;
  }
  return '';
}

/**
 * Makes `local` (the clone's `.vscode-test/code-server-<version>`) a ready test host:
 * - as it is when it is a folder installed in place (a clone made before the cache, or a
 *   `.vscode-test` linked to another clone's) and marked ready;
 * - else a link to the machine cache's copy, installed there first when it is missing or
 *   fails its check (`install(dir)` installs into `dir`; `files` are the paths, relative to
 *   the host's folder, whose checksums are recorded and checked);
 * - where the cache cannot be written, installed into `local` itself.
 */
export function provideHost({ local, name, version, files, install, log = console.log }) {
  const isLink = lstatSafe(local)?.isSymbolicLink() ?? false;
  if (!isLink && existsSync(join(local, '.ready'))) return;
  const cached = join(hostCacheRoot(), name);
  const problem = checkInstalled(cached, { version, files });
  if (problem) {
    if (!tryMkdir(dirname(cached))) {
      log(`The machine cache (${dirname(cached)}) cannot be written: installing into ${local}.`);
      rmSync(local, { recursive: true, force: true });
      install(local);
      return;
    }
    if (problem !== 'not installed') log(`The cached test host in ${cached} is not used (${problem}): installing it again.`);
    const partial = `${cached}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    try {
      install(partial);
      record(partial, { files });
      rmSync(cached, { recursive: true, force: true });
      try {
        renameSync(partial, cached);
      } catch (err) {
        // Another run put its copy there first: use it if it is whole.
        if (checkInstalled(cached, { version, files })) throw err;
      }
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  if (isLink || existsSync(local)) rmSync(local, { recursive: true, force: true });
  mkdirSync(dirname(local), { recursive: true });
  symlinkSync(cached, local, 'dir');
  if (!problem) log(`Test host ${name}: the machine's cached copy (${cached}).`);
}

function record(dir, { files }) {
  // The version the install found in the package (its `.ready`), not the one asked for.
  const version = readFileSync(join(dir, '.ready'), 'utf8').trim();
  const sums = Object.fromEntries(files.map((f) => [f, sha256(join(dir, f))]));
  writeFileSync(join(dir, CHECKSUMS), JSON.stringify({ version, recipe: RECIPE, sha256: sums }, null, 1));
}

function lstatSafe(path) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function tryMkdir(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}
