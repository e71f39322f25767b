import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, folder, readFile, until, writeFile } from '../integration/helpers';

describe('Restricted Mode (an untrusted workspace)', () => {
  it('runs untrusted, as the manifest declares (untrustedWorkspaces: limited)', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension('community-partnerships.community-partnerships');
    assert.ok(ext);
    assert.strictEqual(ext.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
    await until('activation', () => ext.isActive);
  });

  it('still reads and checks the community context', async () => {
    const { contexts } = await api();
    const c = await contexts.refresh(folder());
    assert.ok(c.state === 'ok');
    assert.strictEqual(c.parsed.values['Community Name'], 'Acme Devs');
    const original = await readFile(file('.claude/community-context.md'));
    try {
      await writeFile(file('.claude/community-context.md'), '---javascript\nthrow 1\n---\n' + original);
      await until('the refusal in Problems', () => vscode.languages.getDiagnostics(file('.claude/community-context.md')).some((d) => /only YAML/.test(d.message)));
    } finally {
      await writeFile(file('.claude/community-context.md'), original);
    }
  });

  it('writes nothing: Update Community Context leaves the file as it is', async () => {
    const before = await readFile(file('.claude/community-context.md'));
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri, { values: { 'Community Name': 'Changed In Restricted Mode' } });
    assert.strictEqual(await readFile(file('.claude/community-context.md')), before);
  });

  it('writes nothing: Create Community Context creates no file', async () => {
    const target = file('.claude/community-context.md');
    const before = await readFile(target);
    await vscode.workspace.fs.delete(target);
    try {
      await vscode.commands.executeCommand('communityPartnerships.createContext', folder().uri, { values: { 'Community Name': 'Created In Restricted Mode' } });
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file was created');
    } finally {
      await writeFile(target, before);
    }
  });
});

describe('The assistant in Restricted Mode', () => {
  it('answers the read tools; refuses the writes, and Connect AI Assistant, writing nothing', async () => {
    const guild = file('partnerships/design-systems-guild.md');
    const before = await readFile(guild);
    const assistant = (await api()).assistant();
    const read = await assistant.invokeTool('communityPartnerships_pipeline', {});
    const part = read.content[0];
    assert.ok(part instanceof vscode.LanguageModelTextPart);
    assert.strictEqual((JSON.parse(part.value) as { counts: { active: number } }).counts.active, 1);
    await assert.rejects(assistant.invokeTool('communityPartnerships_set_stage', { name: 'design-systems-guild', stage: 'ended' }), /Restricted Mode[\s\S]*Nothing was written/);
    assert.strictEqual(await readFile(guild), before);
    assert.strictEqual(await vscode.commands.executeCommand('communityPartnerships.connectAssistant', folder().uri), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(file('.mcp.json'))), 'no .mcp.json');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(file('.claude/skills'))), 'no skill');
  });
});
