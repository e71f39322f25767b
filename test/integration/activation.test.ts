import * as assert from 'node:assert';
import * as vscode from 'vscode';

describe('Activation', () => {
  it('runs in the VS Code the launcher started, with the fixture workspace open', () => {
    // TEST_VSCODE_VERSION: the version of the test host (1.99.3 or 1.139.1), set by the launcher.
    const expected = process.env.TEST_VSCODE_VERSION;
    assert.ok(expected, 'the launcher sets TEST_VSCODE_VERSION');
    assert.strictEqual(vscode.version, expected);
    assert.ok(vscode.workspace.workspaceFolders?.length);
  });
});
