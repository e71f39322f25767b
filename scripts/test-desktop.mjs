// The same integration suites in desktop VS Code, through @vscode/test-electron. It downloads
// VS Code, so it needs internet access; CI and machines without it use `npm run test:integration`.
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { ROOT } from './lib/host.mjs';
import { copyWorkspace } from './lib/fixtures.mjs';
import { buildAll } from './lib/steps.mjs';

await buildAll();
const ws = copyWorkspace('workspace');
try {
  await runTests({
    version: '1.99.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [ws.dir, '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('desktop integration tests passed');
} catch (err) {
  console.error('desktop integration tests failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  ws.remove();
}
