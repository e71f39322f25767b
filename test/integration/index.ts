// Entry point that VS Code loads as `extensionTestsPath`: runs every *.test.js in this folder.
import * as vscode from 'vscode';
import { runMochaFolder } from '../lib/runMocha';

export async function run(): Promise<void> {
  const result = await runMochaFolder(__dirname, 'integration', vscode.version);
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
