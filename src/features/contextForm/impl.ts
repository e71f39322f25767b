// Loaded on the first Create/Update Community Context: the form panel and the file writer.
import type * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { contextFormCommands } from './panel';

export function activate(context: vscode.ExtensionContext, deps: Deps) {
  return contextFormCommands(context, deps);
}
