// The offline VS Code test host: the VS Code server and web workbench that the `code-server`
// npm package ships (VS Code 1.99.3), installed without its network-bound install scripts,
// cached in .vscode-test/ (ignored by git). See README "Testing".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, chmodSync, symlinkSync, rmSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { host139, selectedHostName } from './host139.mjs';
import { provideHost } from './hostCache.mjs';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CODE_SERVER_VERSION = '4.99.4'; // carries VS Code 1.99.3 and runs on Node 20
export const CACHE = join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const VSCODE_DIR = join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
const READY = join(CACHE, '.ready');

/**
 * The VS Code a run tests in: VS Code 1.99.3 (the oldest supported, the default) or 1.139
 * (`--vscode 1.139` or VSCODE_HOST=1.139; see host139.mjs). Every function below takes one.
 */
export function testHost(name = selectedHostName()) {
  if (name === '1.139') return host139(ROOT);
  return {
    name: '1.99', vscodeDir: VSCODE_DIR, node: process.execPath, serverArgs: [], testServerArgs: [], devExtensionByPayload: true, ready: READY,
    install: (log) => provideHost({ local: CACHE, name: `code-server-${CODE_SERVER_VERSION}`, version: '1.99.3', files: HOST_FILES, install: (dir) => installTestHost(dir, log), log }),
  };
}

function run(cmd, args, cwd, label) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${label} failed (exit ${r.status}): ${cmd} ${args.join(' ')}`);
  }
}

const rgOf = (vscodeDir) => join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');

// The files of the 1.99.3 host whose checksums the machine cache checks (hostCache.mjs).
const IN_VSCODE = 'node_modules/code-server/lib/vscode';
const HOST_FILES = ['package.json', 'out/server-main.js', 'node_modules/@vscode/spdlog/build/Release/spdlog.node', 'node_modules/native-watchdog/build/Release/watchdog.node'].map((f) => `${IN_VSCODE}/${f}`);

// The hosts this process has checked already (the check reads a few hundred MB the first time).
const provided = new Set();

/**
 * Installs the test host once (about a minute; into the machine cache, linked from .vscode-test/,
 * see hostCache.mjs); later runs and other clones reuse it, repaired if need be.
 */
export function ensureTestHost({ log = console.log, host = testHost() } = {}) {
  if (!provided.has(host.name)) {
    host.install(log);
    provided.add(host.name);
  }
  const RG_DEST = rgOf(host.vscodeDir);
  // Search across files (workspace.findFiles) needs ripgrep. The host is installed without its
  // download script, so its rg is the system's one, copied in; a cache without it is repaired.
  if (!runs(RG_DEST)) {
    const rg = ensureSystemCommand({ command: 'rg', pkg: 'ripgrep', why: 'the VS Code test host searches files with it', log });
    mkdirSync(join(RG_DEST, '..'), { recursive: true });
    rmSync(RG_DEST, { force: true });
    copyFileSync(rg, RG_DEST);
    chmodSync(RG_DEST, 0o755);
    if (!runs(RG_DEST)) throw new Error(`The test host's ripgrep (${RG_DEST}) does not run: delete .vscode-test/ and run again.`);
  }
  return host.vscodeDir;
}

/** Installs the 1.99.3 host into `dir` (the machine cache's copy, or .vscode-test/ itself). */
function installTestHost(dir, log) {
  const vscodeDir = join(dir, IN_VSCODE);
  log(`Installing the VS Code test host (code-server ${CODE_SERVER_VERSION}, VS Code 1.99.3) into ${dir} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'vscode-test-host', private: true }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // Its own postinstall builds kerberos and downloads ripgrep from the internet: skip scripts.
  run(npm, ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], dir, 'Installing code-server');
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], vscodeDir, 'Installing the VS Code server dependencies');
  // Native modules the server logs errors without; they need only make and g++.
  run(npm, ['rebuild', ...quiet, '@vscode/spdlog', 'native-watchdog'], vscodeDir, 'Building native modules');
  const asar = join(vscodeDir, 'node_modules.asar');
  if (!existsSync(asar)) symlinkSync('node_modules', asar); // as code-server's postinstall.sh does
  const version = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')).version;
  writeFileSync(join(dir, '.ready'), version + '\n');
  log(`Test host ready: VS Code ${version}.`);
}

export function vscodeVersion(host = testHost()) {
  return JSON.parse(readFileSync(join(host.vscodeDir, 'package.json'), 'utf8')).version;
}

/** True when the binary exists and answers `--version`. */
function runs(binary) {
  if (!existsSync(binary)) return false;
  const r = spawnSync(binary, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  return r.status === 0;
}

function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

// The system packages the tests need, installed with apt-get when missing: ripgrep, chromium.
let aptUpdated = false;

/**
 * The path of a system command, installing its Debian package (apt-get, as root) when it is
 * missing; where that cannot be done, one line says exactly what to install.
 */
export function ensureSystemCommand({ command, pkg, why, candidates = [], log = console.log }) {
  const find = () => [...candidates, which(command)].filter(Boolean).find((c) => existsSync(c) && runs(c));
  const found = find();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    log(`Installing Debian's ${pkg} (apt-get install ${pkg}): ${why} …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!aptUpdated) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'pipe', 'inherit'], env });
      aptUpdated = true;
    }
    const r = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env });
    if (r.status !== 0) process.stderr.write(r.stderr);
    const installed = find();
    if (installed) return installed;
  }
  throw new Error(`Missing system package: ${command} (${why}). Install it with: sudo apt-get update && sudo apt-get install -y ${pkg}`);
}

/** Finds Chromium; installs Debian's package when it is missing and we may (root + apt-get). */
export function ensureChromium({ log = console.log } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (runs(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not run (\`--version\` failed).`);
  }
  return ensureSystemCommand({
    command: 'chromium', pkg: 'chromium', why: 'the tests drive VS Code in it',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], log,
  });
}

/**
 * Checks the whole test host before any suite runs, so that a missing piece is one clear line
 * rather than dozens of failing tests: ripgrep runs, and Chromium starts and opens a page.
 */
export async function checkTestHost(host = testHost()) {
  ensureTestHost({ host });
  if (!runs(rgOf(host.vscodeDir))) throw new Error(`The test host's ripgrep does not run: ${rgOf(host.vscodeDir)}`);
  const executablePath = ensureChromium();
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await browser.newPage();
    await page.setContent('<p id="ok">ok</p>');
    if ((await page.textContent('#ok')) !== 'ok') throw new Error('the page did not render');
  } catch (err) {
    throw new Error(`Chromium (${executablePath}) does not start headless: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
  } finally {
    await browser?.close().catch(() => {});
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Starts the VS Code server on a free loopback port with fresh data folders (`env`: added to
 * the environment of the server and so of its extension host; `tests`: the session runs an
 * `extensionTestsPath`).
 * Resolves to { port, url, stop() } once it listens.
 */
export function startServer({ dataDir, log = () => {}, env, host = testHost(), tests = false }) {
  mkdirSync(dataDir, { recursive: true });
  const args = [
    join(host.vscodeDir, 'out', 'server-main.js'), ...host.serverArgs, ...(tests ? host.testServerArgs : []),
    '--host', '127.0.0.1', '--port', '0',
    '--without-connection-token', '--accept-server-license-terms', '--telemetry-level', 'off',
    '--user-data-dir', join(dataDir, 'user'), '--server-data-dir', join(dataDir, 'server'),
    '--extensions-dir', join(dataDir, 'extensions'),
  ];
  const child = spawn(host.node, args, { cwd: host.vscodeDir, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', env: env ? { ...process.env, ...env } : process.env });
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

/** Installs a .vsix into the extensions folder of a server data folder (see startServer). */
export function installVsix(dataDir, vsix, host = testHost()) {
  run(host.node, [
    join(host.vscodeDir, 'out', 'server-main.js'), '--accept-server-license-terms',
    '--user-data-dir', join(dataDir, 'user'), '--server-data-dir', join(dataDir, 'server'), '--extensions-dir', join(dataDir, 'extensions'),
    '--install-extension', vsix, '--force',
  ], host.vscodeDir, `Installing ${vsix}`);
}

/** The workbench URL for a folder or a workspace file, optionally with extension development/test payload. */
export function workbenchUrl(server, { folder, workspace, extensionPath, testsPath }) {
  const remote = `vscode-remote://127.0.0.1:${server.port}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote + extensionPath]);
  if (testsPath) payload.push(['extensionTestsPath', remote + testsPath]);
  // A `.code-workspace` file opens a multi-root workspace; a folder, a single-folder one.
  let url = workspace ? `${server.url}/?workspace=${encodeURIComponent(workspace)}` : `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
