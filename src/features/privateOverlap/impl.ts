// Loaded on the first private overlap command: Start, Answer and Finish Private Overlap, the
// editor's side of the protocol in src/core/psi (the same code as the command-line entry point).
// The three steps load together, with the measures' helpers they call (reading a member list,
// logging the count: src/features/measure/api.ts), not the measure commands: each is over the
// code budget with what the others add or not, and every part is one more file to load.
import type * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { Measure, PlannerAccess } from '../measure/api';
import { answer, start } from './startAnswer';
import { finish } from './finish';

export interface PrivateOverlapApi {
  start(arg?: unknown, options?: unknown): Promise<unknown>;
  answer(arg?: unknown, options?: unknown): Promise<unknown>;
  finish(arg?: unknown, options?: unknown): Promise<unknown>;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): PrivateOverlapApi & { bind(planner: PlannerAccess): void } {
  // The extension's context, the deps and the planner's service (for the record each step is for), set by `bind`.
  const o: Measure = { context, deps };
  return {
    bind: (planner) => {
      o.planner = planner;
    },
    start: (arg, raw) => start(o, arg, raw),
    answer: (arg, raw) => answer(o, arg, raw),
    finish: (arg, raw) => finish(o, arg, raw),
  };
}
