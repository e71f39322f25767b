// The offline VS Code test host: the VS Code server and web workbench that the `code-server`
// npm package ships (VS Code 1.99.3), installed without its network-bound install scripts,
// cached in .vscode-test/ (ignored by git). See README "Testing".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, chmodSync, symlinkSync, rmSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CODE_SERVER_VERSION = '4.99.4'; // carries VS Code 1.99.3 and runs on Node 20
export const CACHE = join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const VSCODE_DIR = join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
const READY = join(CACHE, '.ready');

function run(cmd, args, cwd, label) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${label} failed (exit ${r.status}): ${cmd} ${args.join(' ')}`);
  }
}

/** Installs the test host once (about a minute); later runs reuse the cache. */
export function ensureTestHost({ log = console.log } = {}) {
  if (existsSync(READY)) return VSCODE_DIR;
  log(`Installing the VS Code test host (code-server ${CODE_SERVER_VERSION}, VS Code 1.99.3) into .vscode-test/ …`);
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'package.json'), JSON.stringify({ name: 'vscode-test-host', private: true }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // Its own postinstall builds kerberos and downloads ripgrep from the internet: skip scripts.
  run(npm, ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], CACHE, 'Installing code-server');
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], VSCODE_DIR, 'Installing the VS Code server dependencies');
  // Native modules the server logs errors without; they need only make and g++.
  run(npm, ['rebuild', ...quiet, '@vscode/spdlog', 'native-watchdog'], VSCODE_DIR, 'Building native modules');
  const asar = join(VSCODE_DIR, 'node_modules.asar');
  if (!existsSync(asar)) symlinkSync('node_modules', asar); // as code-server's postinstall.sh does
  // Search across files needs ripgrep: use the system's one when there is one.
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const rgDest = join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (rg && !existsSync(rgDest)) {
    mkdirSync(join(rgDest, '..'), { recursive: true });
    copyFileSync(rg, rgDest);
    chmodSync(rgDest, 0o755);
  }
  const version = JSON.parse(readFileSync(join(VSCODE_DIR, 'package.json'), 'utf8')).version;
  writeFileSync(READY, version + '\n');
  log(`Test host ready: VS Code ${version}.`);
  return VSCODE_DIR;
}

export function vscodeVersion() {
  return JSON.parse(readFileSync(join(VSCODE_DIR, 'package.json'), 'utf8')).version;
}

/** Finds Chromium; installs Debian's package when it is missing and we may (root + apt-get). */
export function ensureChromium({ log = console.log } = {}) {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    log('Installing Debian\'s chromium (apt-get install chromium) for the end-to-end tests …');
    run('apt-get', ['update', '-qq'], ROOT, 'apt-get update');
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) process.stderr.write(r.stderr);
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'Chromium is needed for the end-to-end tests and was not found. Install it with\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Starts the VS Code server on a free loopback port with fresh data folders.
 * Resolves to { port, url, stop() } once it listens.
 */
export function startServer({ dataDir, log = () => {} }) {
  mkdirSync(dataDir, { recursive: true });
  const args = [
    join(VSCODE_DIR, 'out', 'server-main.js'),
    '--host', '127.0.0.1', '--port', '0',
    '--without-connection-token', '--accept-server-license-terms', '--telemetry-level', 'off',
    '--user-data-dir', join(dataDir, 'user'), '--server-data-dir', join(dataDir, 'server'),
    '--extensions-dir', join(dataDir, 'extensions'),
  ];
  const child = spawn(process.execPath, args, { cwd: VSCODE_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => { stop(); reject(new Error('The VS Code server did not start within 60 s:\n' + out)); }, 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      out += text;
      log(text);
      const m = /Extension host agent listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        resolvePromise({ port, url: `http://127.0.0.1:${port}`, stop, child, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`The VS Code server exited (${code}) before listening:\n${out}`)); });
    function stop() {
      try {
        if (process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
        else child.kill();
      } catch { /* already gone */ }
    }
  });
}

/** The workbench URL for a folder, optionally with extension development/test payload. */
export function workbenchUrl(server, { folder, extensionPath, testsPath }) {
  const remote = `vscode-remote://127.0.0.1:${server.port}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote + extensionPath]);
  if (testsPath) payload.push(['extensionTestsPath', remote + testsPath]);
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
