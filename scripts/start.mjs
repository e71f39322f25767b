// `npm start`: builds the extension and opens it in the browser-hosted VS Code (the offline test
// host) on a demo workspace with a sample community context. Prints the URL; Ctrl+C stops it.
// The display language is VS Code's own: German is installed, so "Configure Display Language"
// offers it; `--locale de` (or `en`) starts directly in that language.
import { ensureNpmDeps } from './lib/deps.mjs';

ensureNpmDeps();
const { cpSync, existsSync, mkdirSync, writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { ROOT, ensureTestHost, startServer, testHost, workbenchUrl } = await import('./lib/host.mjs');
const { LANGUAGE_PACKS, installLanguagePack } = await import('./lib/languagePack.mjs');
const { sh } = await import('./lib/steps.mjs');

sh(process.execPath, ['scripts/build.mjs'], { label: 'Building the extension' });
ensureTestHost();
// A copy of the demo, so trying things out never changes the repository's files.
const demo = join(ROOT, '.vscode-test', 'demo-workspace');
if (!existsSync(demo) || process.argv.includes('--reset')) cpSync(join(ROOT, 'demo'), demo, { recursive: true, force: true });
const data = join(ROOT, '.vscode-test', 'start-data');
const settings = join(data, 'user', 'User', 'settings.json');
if (!existsSync(settings)) {
  mkdirSync(join(settings, '..'), { recursive: true });
  writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'git.openRepositoryInParentFolders': 'never' }, null, 2));
}
// The language packs, installed once: "Configure Display Language" lists them, and picking one
// writes argv.json's locale, which the server takes after the reload it asks for.
const host = testHost();
for (const locale of LANGUAGE_PACKS) {
  if (!existsSync(join(data, 'extensions', `community-partnerships-tests.test-language-pack-${locale}-1.0.0`))) installLanguagePack(data, locale, host, { display: false });
}
const at = process.argv.indexOf('--locale');
const locale = at > 0 ? process.argv[at + 1] : process.env.VSCODE_LOCALE;
if (locale) {
  if (locale !== 'en' && !LANGUAGE_PACKS.includes(locale)) throw new Error(`No language pack for "${locale}": en or ${LANGUAGE_PACKS.join(', ')}.`);
  writeFileSync(join(data, 'user', 'User', 'argv.json'), JSON.stringify({ locale }));
}
const server = await startServer({ dataDir: data, host });
const url = workbenchUrl(server, { folder: demo, extensionPath: ROOT });
console.log('\nCommunity Partnerships is running in VS Code at:\n');
console.log(`  ${url}\n`);
console.log(`Demo workspace: ${demo} (npm start -- --reset restores it). Press Ctrl+C to stop.`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', () => process.exit(0));
