import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, readFile, until } from '../integration/helpers';

// These run only in the web worker extension host (scripts/test-web.mjs): no Node, one bundle.
describe('VS Code for the Web (the web worker extension host)', () => {
  it('runs in the web worker host, not in Node', () => {
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    const ext = vscode.extensions.getExtension('community-partnerships.community-partnerships');
    assert.ok(ext, 'the extension is loaded');
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI, 'a web extension runs on the UI side');
  });

  it('reads the community context and shows it in the status bar', async () => {
    const { contexts } = await api();
    const ctx = await until('the context', () => contexts.all().find((c) => c.state === 'ok'));
    assert.strictEqual(ctx.state, 'ok');
    const text = await readFile(file('.claude/community-context.md'));
    assert.ok(text.includes('Acme'), 'the fixture context is the one read');
  });

  it('answers the language-model tools; Connect AI Assistant offers no local server here and writes nothing', async () => {
    const assistant = (await api()).assistant();
    const result = await assistant.invokeTool('communityPartnerships_pipeline', {});
    const part = result.content[0];
    assert.ok(part instanceof vscode.LanguageModelTextPart);
    assert.strictEqual((JSON.parse(part.value) as { counts: { active: number } }).counts.active, 1);
    assert.strictEqual(await vscode.commands.executeCommand('communityPartnerships.connectAssistant'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(file('.mcp.json'))), 'no .mcp.json');
  });
});
