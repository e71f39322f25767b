import * as vscode from 'vscode';
import { COMMANDS } from '../../host/commandIds';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { PlannerAccess } from '../measure/api';
import type { PrivateOverlapApi } from './impl';

/** Command ids and the step each runs (./impl.ts, loaded on first use). */
const OVERLAP_COMMANDS: Readonly<Record<string, keyof PrivateOverlapApi>> = {
  [COMMANDS.startPrivateOverlap]: 'start',
  [COMMANDS.answerPrivateOverlap]: 'answer',
  [COMMANDS.finishPrivateOverlap]: 'finish',
};

/** Start, Answer and Finish Private Overlap: commands only, the code (and the group maths) loaded on first use. */
export function registerPrivateOverlap(context: vscode.ExtensionContext, deps: Deps): void {
  const load = lazyFeature<PrivateOverlapApi & { bind(planner: PlannerAccess): void }>('privateOverlap', context, deps);
  let bound = false;
  const api = (): PrivateOverlapApi => {
    const m = load();
    if (!bound) {
      // The planner's service for the record each step is for; the measures' helpers come with
      // the steps' own code (src/features/measure/api.ts), not with the measure commands.
      m.bind(() => deps.apis.records().loaded());
      bound = true;
    }
    return m;
  };
  for (const [id, step] of Object.entries(OVERLAP_COMMANDS)) context.subscriptions.push(vscode.commands.registerCommand(id, (arg?: unknown, options?: unknown) => api()[step](arg, options)));
}
