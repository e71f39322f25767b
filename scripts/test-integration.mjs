// Runs test/integration inside the real VS Code extension host (the offline test host, VS Code
// 1.99.3): the web workbench is opened in headless Chromium with the extension under
// development and the tests passed in its `payload`, and the result is read from the file the
// in-host runner writes (the extension host exits 0 even when tests fail).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureTestHost, testHost, workbenchUrl } from './lib/host.mjs';
import { runSession } from './lib/session.mjs';
import { buildAll } from './lib/steps.mjs';

/**
 * Runs one session: `suite` is the folder under out/test/ (integration; restricted for the
 * Restricted Mode run, where the workspace is not trusted; multiroot for the multi-root run,
 * a workspace of two folders with a context each).
 */
export async function runIntegration({ build = true, suite = 'integration', grep, invert = false, host = testHost() } = {}) {
  if (build) await buildAll();
  ensureTestHost({ host });
  const out = join(ROOT, '.test-output');
  const resultFile = join(out, `${suite}-results.json`);
  const logFile = join(out, `${suite}.log`);
  rmSync(resultFile, { force: true });
  rmSync(logFile, { force: true });

  const multiroot = suite === 'multiroot';
  // Trust the test workspace, as a user who opened their own repo would; the restricted suite
  // leaves it untrusted, without the trust prompt. VS Code for the web saves after a delay by
  // default: off, so the tests control what is saved.
  const trust = suite === 'restricted'
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false }
    : { 'security.workspace.trust.enabled': false };
  let printed = 0;
  return runSession({
    host,
    fixture: multiroot ? 'multiroot' : 'workspace',
    settings: { ...trust, 'files.autoSave': 'off' },
    env: grep ? { INTEGRATION_GREP: grep, INTEGRATION_GREP_INVERT: invert ? '1' : '0' } : undefined,
    url: (server, wsDir) => workbenchUrl(server, {
      folder: wsDir,
      workspace: multiroot ? join(wsDir, 'multiroot.code-workspace') : undefined,
      extensionPath: ROOT,
      testsPath: join(ROOT, 'out', 'test', suite, 'index.js'),
    }),
    resultFile: () => resultFile,
    tick: () => {
      if (!existsSync(logFile)) return;
      const text = readFileSync(logFile, 'utf8');
      if (text.length > printed) {
        process.stdout.write(text.slice(printed).replace(/^/gm, '  '));
        printed = text.length;
      }
    },
  });
}

/**
 * The hostile cases that link a file to a device (/dev/zero, /dev/urandom). The extension refuses
 * them at once, but VS Code's built-in Markdown support, once any Markdown document has been
 * opened in the session, reads a Markdown file linked to /dev/zero without end, in the server
 * (20 GB in a minute, seen here): so they run in a session of their own, before any is opened.
 */
export const DEVICE_CASES = 'symlink-to-(zero|urandom)';

/** The integration suites: the device-file cases in their own session, then all the others. */
export async function runIntegrationSessions({ build = true, host = testHost() } = {}) {
  const devices = await runIntegration({ build, grep: DEVICE_CASES, host });
  const rest = await runIntegration({ build: false, grep: DEVICE_CASES, invert: true, host });
  return {
    devices,
    rest,
    passed: devices.passed + rest.passed,
    failed: devices.failed + rest.failed,
    pending: (devices.pending ?? 0) + (rest.pending ?? 0),
    vscodeVersion: rest.vscodeVersion,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--grep <pattern>`: only the tests of the main session whose full title matches (the
  // device cases, Restricted Mode and multi-root sessions are then left out).
  const grepIndex = process.argv.indexOf('--grep');
  if (grepIndex > 0) {
    const r = await runIntegration({ grep: process.argv[grepIndex + 1] });
    console.log(`integration (VS Code ${r.vscodeVersion ?? '?'}), tests matching the grep: ${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
  }
  const r = await runIntegrationSessions();
  console.log(`device-file cases: ${r.devices.passed} passed, ${r.devices.failed} failed`);
  console.log(`integration (VS Code ${r.vscodeVersion ?? '?'}): ${r.passed} passed, ${r.failed} failed`);
  const restricted = await runIntegration({ build: false, suite: 'restricted' });
  console.log(`integration, Restricted Mode: ${restricted.passed} passed, ${restricted.failed} failed`);
  const multi = await runIntegration({ build: false, suite: 'multiroot' });
  console.log(`integration, multi-root workspace: ${multi.passed} passed, ${multi.failed} failed`);
  process.exit(r.failed + restricted.failed + multi.failed > 0 || r.passed === 0 || restricted.passed === 0 || multi.passed === 0 ? 1 : 0);
}
