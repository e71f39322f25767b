// Entry point for the Restricted Mode run: the same extension, in a workspace that is not trusted.
import * as vscode from 'vscode';
import { runMochaFolder } from '../lib/runMocha';

export async function run(): Promise<void> {
  const result = await runMochaFolder(__dirname, 'restricted', vscode.version);
  if (result.failed > 0) throw new Error(`${result.failed} restricted-mode test(s) failed`);
}
