import * as assert from 'node:assert';
import * as vscode from 'vscode';

describe('Activation', () => {
  it('runs in VS Code 1.99 with the fixture workspace open', () => {
    assert.match(vscode.version, /^1\.99\./);
    assert.ok(vscode.workspace.workspaceFolders?.length);
  });
});
