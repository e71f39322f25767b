import * as assert from 'node:assert';
import * as vscode from 'vscode';

describe('Activation', () => {
  it('runs in the VS Code the launcher started, with the fixture workspace open', () => {
    // The launcher writes the test host's version (1.99.3 or 1.139.1) into the user settings:
    // they reach both the Node and the web worker extension host.
    const expected = vscode.workspace.getConfiguration('communityPartnershipsTests').get<string>('vscodeVersion');
    assert.ok(expected, 'the launcher sets communityPartnershipsTests.vscodeVersion');
    assert.strictEqual(vscode.version, expected);
    assert.ok(vscode.workspace.workspaceFolders?.length);
  });
});
