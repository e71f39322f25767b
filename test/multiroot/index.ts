// Entry point for the multi-root run: the same extension, in a workspace of two folders, each with its own context.
import * as vscode from 'vscode';
import { runMochaFolder } from '../lib/runMocha';

export async function run(): Promise<void> {
  const result = await runMochaFolder(__dirname, 'multiroot', vscode.version);
  if (result.failed > 0) throw new Error(`${result.failed} multi-root test(s) failed`);
}
