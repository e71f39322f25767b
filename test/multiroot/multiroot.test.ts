import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, readFile, until } from '../integration/helpers';

const CONTEXT = '.claude/community-context.md';

function folderNamed(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((x) => x.name === name);
  if (!f) throw new Error(`no folder ${name} in ${vscode.workspace.workspaceFolders?.map((x) => x.name).join(', ')}`);
  return f;
}

const contextOf = (name: string) => vscode.Uri.joinPath(folderNamed(name).uri, CONTEXT);

describe('Community context in a multi-root workspace (two folders, two contexts)', () => {
  it('reads each folder’s own context', async () => {
    const { contexts } = await api();
    assert.deepStrictEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['alpha', 'beta'],
    );
    const all = contexts.all();
    assert.strictEqual(all.length, 2);
    const [alpha, beta] = all;
    assert.ok(alpha.state === 'ok' && beta.state === 'ok');
    assert.strictEqual(alpha.parsed.values['Community Name'], 'Alpha Builders');
    assert.strictEqual(alpha.parsed.counts.currentSize, 2400);
    assert.strictEqual(beta.parsed.values['Community Name'], 'Beta Guild', 'read from a table');
    assert.strictEqual(beta.parsed.counts.currentSize, 12000, '12.000 is twelve thousand');
    assert.strictEqual(beta.parsed.values.Team, 'Bo (founder)', 'a reworded label');
    assert.strictEqual(beta.parsed.values['Engagement level'], undefined, 'the template guidance is no value');
  });

  it('puts each file’s problems on that file only', async () => {
    const beta = await until('beta’s problems', () => {
      const d = vscode.languages.getDiagnostics(contextOf('beta'));
      return d.length > 0 && d;
    });
    assert.ok(beta.some((d) => d.code === 'guidance' && d.range.start.line === 10));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(contextOf('alpha')), []);
  });

  it('updates the context of the folder asked for, in place, and leaves the other alone', async () => {
    const { contexts } = await api();
    const alphaBefore = await readFile(contextOf('alpha'));
    const betaBefore = await readFile(contextOf('beta'));
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folderNamed('beta').uri, {
      values: { 'Current size': '12.500', 'Engagement level': 'Medium', 'Active members': '900' },
    });
    const betaAfter = await readFile(contextOf('beta'));
    assert.strictEqual(
      betaAfter,
      betaBefore
        .replace('| Community size | 12.000 |', '| Community size | 12.500 |')
        .replace('- **Engagement level:** (high/medium/low, qualitative description)', '- **Engagement level:** Medium')
        .replace('- **Team / roles:** Bo (founder)\n', '- **Team / roles:** Bo (founder)\n- **Active members:** 900\n'),
    );
    assert.strictEqual(await readFile(contextOf('alpha')), alphaBefore, 'the other folder’s file is untouched');
    const beta = await contexts.refresh(folderNamed('beta'));
    assert.ok(beta.state === 'ok' && beta.parsed.counts.currentSize === 12500 && beta.parsed.counts.activeMembers === 900);
    const alpha = contexts.get(folderNamed('alpha'));
    assert.ok(alpha?.state === 'ok' && alpha.parsed.values['Community Name'] === 'Alpha Builders');
  });

  it('follows the active editor: the context of the folder whose file is open', async () => {
    const { contexts } = await api();
    await vscode.window.showTextDocument(contextOf('beta'));
    await until('beta as the active context', () => contexts.active()?.folder.name === 'beta');
    await vscode.window.showTextDocument(contextOf('alpha'));
    await until('alpha as the active context', () => contexts.active()?.folder.name === 'alpha');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
