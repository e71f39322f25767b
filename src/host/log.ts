import * as vscode from 'vscode';

/** The extension's output channel ("Community Partnerships" in the Output panel). */
export type Log = vscode.LogOutputChannel;

export function createLog(context: vscode.ExtensionContext): Log {
  const log = vscode.window.createOutputChannel('Community Partnerships', { log: true });
  context.subscriptions.push(log);
  return log;
}
