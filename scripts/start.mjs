// `npm start`: builds the extension and opens it in the browser-hosted VS Code (the offline test
// host) on a demo workspace with a sample community context. Prints the URL; Ctrl+C stops it.
import { ensureNpmDeps } from './lib/deps.mjs';

ensureNpmDeps();
const { cpSync, existsSync, mkdirSync, writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { ROOT, ensureTestHost, startServer, workbenchUrl } = await import('./lib/host.mjs');
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
const server = await startServer({ dataDir: data });
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
