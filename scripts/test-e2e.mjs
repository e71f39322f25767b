// End-to-end tests: playwright-core drives Debian's Chromium against the real VS Code (the
// offline test host's web workbench) with the extension loaded, as a user would. The suites in
// test/e2e get a harness (one server and one browser) through a global; screenshots are saved
// under .test-output/screenshots/.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureTestHost, installVsix, startServer, testHost, workbenchUrl, vscodeVersion } from './lib/host.mjs';
import { openBrowser, openWorkbench, settleWorkbench } from './lib/workbench.mjs';
import { copyWorkspace, tempDir } from './lib/fixtures.mjs';
import { buildAll } from './lib/steps.mjs';
import { linkDevExtension } from './lib/host139.mjs';
import { WEB_HOST_SETTINGS } from './lib/webHost.mjs';
import { installLanguagePack } from './lib/languagePack.mjs';

/**
 * Runs the end-to-end suites: every file in out/test/e2e, or only `files` (names such as
 * `board.test.js`, for one of two lanes run side by side; the caller then clears the
 * screenshots once, with `clean: false` here).
 */
export async function runE2E({ build = true, grep, host: vscodeHost = testHost(), files, clean = true } = {}) {
  if (build) await buildAll();
  ensureTestHost({ host: vscodeHost });
  const screenshots = e2eScreenshots();
  if (clean) rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const browser = await openBrowser();
  const cleanups = [];
  let packaged;
  let sessions = 0;
  const builtInThemes = colorThemes(vscodeHost);
  globalThis.__communityPartnershipsE2E = {
    screenshots,
    vscodeVersion: vscodeVersion(vscodeHost),
    settle: settleWorkbench,
    vsix() {
      packaged ??= packageVsix();
      return packaged;
    },
    /** A fresh server, a fresh copy of a fixture workspace, and a page on the workbench. */
    async open(fixture, { theme = 'dark', viewport, host = 'node', vsix, locale } = {}) {
      const opening = Date.now();
      const ws = copyWorkspace(fixture);
      const data = tempDir('cp-e2e-');
      // vsix: the packaged extension installed into the server, as a user installs it, in place of
      // the extension under development.
      if (vsix) installVsix(data.dir, vsix, vscodeHost);
      // locale: the display language. The server takes it only with a language pack installed: a
      // test pack (test/fixtures/language-pack-de) that leaves VS Code's own strings in English,
      // linked into the extensions folder (only the display language is under test here).
      if (locale) installLanguagePack(data.dir, locale, vscodeHost, { link: true });
      // The extension under development: in the URL's payload where the host takes it there
      // without test flags (1.99), else installed as a link (1.139, see linkDevExtension).
      const byPayload = !vsix && vscodeHost.devExtensionByPayload;
      if (!vsix && !byPayload) linkDevExtension(data.dir, ROOT);
      const prepared = Date.now();
      const server = await startServer({ dataDir: data.dir, host: vscodeHost });
      const serverUp = Date.now();
      // A fresh profile: no walkthrough, the test folder trusted (Restricted Mode has its own tests).
      mkdirSync(join(data.dir, 'user', 'User'), { recursive: true });
      writeFileSync(
        join(data.dir, 'user', 'User', 'settings.json'),
        JSON.stringify({
          'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'files.autoSave': 'off',
          // Nothing of VS Code's own that could open or take the focus in the middle of a test.
          'update.showReleaseNotes': false, 'workbench.tips.enabled': false, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
          'extensions.ignoreRecommendations': true, 'workbench.enableExperiments': false,
          // VS Code 1.139 opens the Chat view in the secondary side bar by default (1.99 ignores it).
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'workbench.colorTheme': builtInThemes[THEMES[theme] ?? 'Dark Modern'].id,
          // host 'web': the extension runs in the web worker extension host, as on vscode.dev.
          ...(host === 'web' ? WEB_HOST_SETTINGS : {}),
        }),
      );
      const url = workbenchUrl(server, { folder: ws.dir, extensionPath: byPayload ? ROOT : undefined });
      const page = await openWorkbench(browser, url, { colorScheme: colorScheme(theme), viewport });
      const workbenchUp = Date.now();
      // The window opens in its theme (the user setting above); switching it later picks the
      // theme as a user does, in Preferences: Color Theme.
      const setTheme = async (name) => {
        await page.emulateMedia({ colorScheme: colorScheme(name) });
        await setColorTheme(page, THEMES[name] ?? 'Dark Modern');
      };
      await page.locator(`.monaco-workbench.${builtInThemes[THEMES[theme] ?? 'Dark Modern'].className}`).waitFor({ timeout: 30_000 });
      await settleWorkbench(page);
      sessions++;
      console.log(`      (window ${sessions}: ${fixture}${host === 'web' ? ', web worker host' : ''}${vsix ? ', from the .vsix' : ''}${locale ? `, ${locale}` : ''}; ready in ${s(Date.now() - opening)} s: files ${s(prepared - opening)}, server ${s(serverUp - prepared)}, workbench ${s(workbenchUp - serverUp)}, settled ${s(Date.now() - workbenchUp)})`);
      const close = async () => {
        await page.context().close().catch(() => {});
        server.stop();
        ws.remove();
        data.remove();
      };
      cleanups.push(close);
      // The same window in another theme or size, as a user switches them: no new session.
      const setViewport = (size) => page.setViewportSize(size);
      return { page, workspace: ws.dir, close, setTheme, setViewport };
    },
  };
  try {
    const { default: Mocha } = await import('mocha');
    const mocha = new Mocha({ timeout: 120_000, reporter: 'spec', grep });
    // A failed test leaves what its windows showed: a screenshot of each, and the words of every
    // status line, notification and dialog, so that a failure seen once can be read afterwards.
    mocha.rootHooks({
      async afterEach() {
        if (this.currentTest?.state !== 'failed') return;
        const name = this.currentTest.fullTitle().replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80);
        let n = 0;
        for (const context of browser.contexts()) {
          for (const page of context.pages()) {
            n++;
            await page.screenshot({ path: join(screenshots, `failure-${name}-${n}.png`) }).catch(() => {});
            const lines = [];
            for (const frame of page.frames()) {
              const texts = await frame
                .locator('[role="status"], [role="alert"], [role="dialog"], .notification-toast, .monaco-dialog-box')
                .allInnerTexts()
                .catch(() => []);
              for (const t of texts) if (t.trim()) lines.push(t.trim().replace(/\s+/g, ' '));
            }
            console.log(`      (after the failure, window ${n} showed: ${lines.length ? lines.map((l) => `“${l.slice(0, 300)}”`).join('; ') : 'no status line, notification or dialog'}; screenshot failure-${name}-${n}.png)`);
          }
        }
      },
    });
    for (const f of files ?? e2eFiles()) mocha.addFile(join(E2E_DIR, f));
    const stats = await new Promise((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats));
    });
    return { passed: stats.passes, failed: stats.failures, pending: stats.pending, sessions };
  } finally {
    for (const c of cleanups) await c();
    for (const c of cleanupsAtExit.splice(0)) c();
    await browser.close().catch(() => {});
  }
}

const E2E_DIR = join(ROOT, 'out', 'test', 'e2e');
/** The compiled end-to-end suites, by name. */
export const e2eFiles = () => readdirSync(E2E_DIR).filter((f) => f.endsWith('.test.js')).sort();
export const e2eScreenshots = () => join(ROOT, '.test-output', 'screenshots');

/**
 * `npm run package` of the release build in dist/ (built once, before the suites), into a
 * temporary folder; its output is kept for the tests to read (vsce's warnings).
 */
function packageVsix() {
  const dir = tempDir('cp-vsix-');
  cleanupsAtExit.push(() => dir.remove());
  const file = join(dir.dir, 'community-partnerships.vsix');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), file, '--prebuilt'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
  writeFileSync(join(dir.dir, 'package.log'), r.stdout + r.stderr);
  return file;
}
const cleanupsAtExit = [];

const s = (ms) => (ms / 1000).toFixed(1);
const colorScheme = (theme) => (theme === 'light' || theme === 'hc-light' ? 'light' : 'dark');

/** The harness's theme names and VS Code's. */
const THEMES = { light: 'Light Modern', dark: 'Dark Modern', 'hc-black': 'Dark High Contrast', 'hc-light': 'Light High Contrast' };

/**
 * VS Code's built-in colour themes by name: the id the setting takes (the ids changed between
 * 1.99 and 1.139) and the class the workbench carries while the theme is on.
 */
function colorThemes(vscodeHost) {
  const dir = join(vscodeHost.vscodeDir, 'extensions', 'theme-defaults');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(join(dir, 'package.nls.json'), 'utf8'));
  return Object.fromEntries(manifest.contributes.themes.map((t) => [
    nls[t.label.replace(/^%|%$/g, '')] ?? t.label,
    { id: t.id ?? t.label, className: `vscode-theme-defaults-${t.path.replace(/^\.\//, '').replace(/[^\w-]/g, '-')}` },
  ]));
}

async function setColorTheme(page, name) {
  const input = page.locator('.quick-input-widget input.input');
  // A panel revealed just before (the board from the planner, say) takes the focus a moment
  // later, which would close the theme picker under the typing.
  await settleWorkbench(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    // "Preferences: Color Theme" has its own keybinding; the palette's first match is the marketplace.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      await settleWorkbench(page); // the workbench is still restoring: try again once it has
      continue;
    }
    // The picker can still close under the typing: a webview revealed earlier (the board from
    // the planner) takes the focus when its page is ready, later than any settling shows (CI,
    // twice in hc-black). Open it again then, as a user would.
    try {
      await input.fill(name, { timeout: 5_000 });
    } catch {
      await settleWorkbench(page);
      continue;
    }
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      await page.keyboard.press('Escape');
      continue;
    }
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    return;
  }
  throw new Error(`could not switch the colour theme to ${name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const grepIndex = process.argv.indexOf('--grep');
  const r = await runE2E({ grep: grepIndex > 0 ? process.argv[grepIndex + 1] : undefined });
  console.log(`end-to-end: ${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
}
