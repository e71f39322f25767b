import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { lazyFeature } from '../lazy';
import type { MeasureApi } from '../../lazy/measure';
import type { PrivateOverlapApi } from './commands';

/** Command ids and the step each runs (./commands.ts, loaded on first use). */
const COMMANDS: Readonly<Record<string, keyof PrivateOverlapApi>> = {
  'communityPartnerships.startPrivateOverlap': 'start',
  'communityPartnerships.answerPrivateOverlap': 'answer',
  'communityPartnerships.finishPrivateOverlap': 'finish',
};

/** Start, Answer and Finish Private Overlap: commands only, the code (and the group maths) loaded on first use. */
export function registerPrivateOverlap(context: vscode.ExtensionContext, deps: Deps, measure: () => MeasureApi): void {
  const load = lazyFeature<PrivateOverlapApi & { bind(tools: MeasureApi['tools']): void }>('privateOverlap', context, deps);
  let bound = false;
  const api = (): PrivateOverlapApi => {
    const m = load();
    if (!bound) {
      m.bind(measure().tools);
      bound = true;
    }
    return m;
  };
  for (const [id, step] of Object.entries(COMMANDS)) context.subscriptions.push(vscode.commands.registerCommand(id, (arg?: unknown, options?: unknown) => api()[step](arg, options)));
}
