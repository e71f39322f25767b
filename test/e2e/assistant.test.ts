import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { e2e, runCommand, screenshot, settle } from './harness';

/** Every file and folder under the workspace with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out[`${rel}/`] = '';
        walk(p);
      } else out[rel] = e.isFile() ? fs.readFileSync(p, 'latin1') : '(not a file)';
    }
  };
  walk(dir);
  return out;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Connect and Disconnect AI Assistant (dark theme)', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('workspace', { theme: 'dark' });
  });
  after(async () => session?.close());

  it('shows the diff, writes only after yes, and Disconnect leaves the workspace as it was', async () => {
    const { page, workspace } = session;
    // A Claude Code configuration with a server of its own: Connect adds beside it.
    const claudeConfig = path.join(workspace, '.mcp.json');
    const other = '{\n  // the team\'s own server\n  "mcpServers": {\n    "docs": { "command": "docs-server", "args": [] }\n  }\n}\n';
    fs.writeFileSync(claudeConfig, other);
    const before = snapshot(workspace);

    // No: the diff is shown, nothing is written.
    await runCommand(page, 'Community Partnerships: Connect AI Assistant');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tab', { hasText: 'Connect AI Assistant: what it adds' }).first().waitFor({ timeout: 20_000 });
    assert.ok(await page.locator('.monaco-diff-editor').first().isVisible(), 'a diff editor');
    await screenshot(page, 'assistant-connect-diff-dark');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await settle(page);
    assert.deepStrictEqual(snapshot(workspace), before, 'nothing written without a yes');

    // Yes: the three files.
    await runCommand(page, 'Community Partnerships: Connect AI Assistant');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const diffText = (await page.locator('.monaco-diff-editor').first().textContent()) ?? '';
    assert.match(diffText, /community-partnerships/);
    await dialog.locator('.monaco-button', { hasText: /^Connect$/ }).click();
    const skill = path.join(workspace, '.claude', 'skills', 'community-partnerships', 'SKILL.md');
    const vscodeConfig = path.join(workspace, '.vscode', 'mcp.json');
    // Each file whole: a file can be there but not yet written to its end (seen on a loaded machine).
    const written = (file: string, whole: RegExp) => fs.existsSync(file) && whole.test(fs.readFileSync(file, 'utf8'));
    await waitFor('the three files', () => written(skill, /^---\n[\s\S]*\n---\n[\s\S]+\n$/) && written(vscodeConfig, /"community-partnerships"[\s\S]*\}\s*$/) && written(claudeConfig, /"community-partnerships"[\s\S]*\}\s*$/));
    assert.match(fs.readFileSync(skill, 'utf8'), /^---\nname: community-partnerships\ndescription: /);
    const claude = fs.readFileSync(claudeConfig, 'utf8');
    assert.match(claude, /the team's own server/, 'comments kept');
    assert.match(claude, /"docs": \{ "command": "docs-server", "args": \[\] \}/, 'the other server kept as written');
    assert.match(claude, /"community-partnerships": \{[\s\S]*"command": "node"[\s\S]*dist\/mcp\/server\.js/);
    const servers = JSON.parse(fs.readFileSync(vscodeConfig, 'utf8')) as { servers: Record<string, { type: string; args: string[] }> };
    assert.strictEqual(servers.servers['community-partnerships'].type, 'stdio');
    assert.deepStrictEqual(servers.servers['community-partnerships'].args.slice(1), ['${workspaceFolder}']);
    await screenshot(page, 'assistant-connected-dark');

    // Disconnect: back to exactly what was there.
    await runCommand(page, 'Community Partnerships: Disconnect AI Assistant');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.locator('.monaco-button', { hasText: /^Disconnect$/ }).click();
    await waitFor('the workspace as it was', () => JSON.stringify(snapshot(workspace)) === JSON.stringify(before));
    assert.deepStrictEqual(snapshot(workspace), before);
  });
});
