// Loaded on the first private overlap command: Start, Answer and Finish Private Overlap, the
// editor's side of the protocol in src/core/psi (the same code as the command-line entry point).
// Start and Answer (which read your member list) and Finish (which logs the count to the record)
// are parts of their own (src/implementations.ts), each loaded on its first use with the
// measures' helpers it calls (src/features/measure/api.ts), not the measure commands.
import type * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { Measure, PlannerAccess } from '../measure/api';

export interface PrivateOverlapApi {
  start(arg?: unknown, options?: unknown): Promise<unknown>;
  answer(arg?: unknown, options?: unknown): Promise<unknown>;
  finish(arg?: unknown, options?: unknown): Promise<unknown>;
}

// Each part by its name, written out in full: scripts/lib/bundles.mjs finds the parts a feature
// loads by the `loadChunk("name")` in its code, and measures each with it.
export function activate(context: vscode.ExtensionContext, deps: Deps): PrivateOverlapApi & { bind(planner: PlannerAccess): void } {
  // The extension's context, the deps and the planner's service (for the record each step is for), set by `bind`.
  const o: Measure = { context, deps };
  return {
    bind: (planner) => {
      o.planner = planner;
    },
    start: (arg, raw) => (deps.loadChunk('overlapStartAnswer') as typeof import('./startAnswer')).start(o, arg, raw),
    answer: (arg, raw) => (deps.loadChunk('overlapStartAnswer') as typeof import('./startAnswer')).answer(o, arg, raw),
    finish: (arg, raw) => (deps.loadChunk('overlapFinish') as typeof import('./finish')).finish(o, arg, raw),
  };
}
