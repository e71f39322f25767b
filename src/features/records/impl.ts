// Loaded on the first `deps.apis.records()`: the planner's view, the board, a measure command or
// the assistant, or shortly after activation in a workspace with partnership records (the
// overdue check-ins badge). The record index with its loading, watching and writing; no view.
import type * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { RecordService } from './service';

export type { RecordService };

export function activate(context: vscode.ExtensionContext, deps: Deps): RecordService {
  const service = new RecordService(deps);
  context.subscriptions.push(service);
  return service;
}
