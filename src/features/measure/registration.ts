import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import type { MeasureApi, MeasureCommand } from './impl';
import type { PlannerAccess } from './common';

declare module '../../host/deps' {
  interface FeatureApis {
    /** The measure commands (loads them on first call). */
    measure: () => MeasureApi;
  }
}

/** Command ids and the measure command each runs (./impl.ts, each a part of its own loaded on first use). */
const MEASURE_COMMANDS: Readonly<Record<string, MeasureCommand>> = {
  [COMMANDS.exportHashedMemberList]: 'exportHashedList',
  [COMMANDS.compareMemberLists]: 'compareLists',
  [COMMANDS.measureEventAttendance]: 'measureAttendance',
  [COMMANDS.copyTrackedLink]: 'copyTrackedLink',
  [COMMANDS.countAttributedSignups]: 'countSignups',
  [COMMANDS.importTracker]: 'importTracker',
  [COMMANDS.exportPipelineCsv]: 'exportPipelineCsv',
  [COMMANDS.exportCalendar]: 'exportCalendar',
};

/** Metrics from exports, the tracker import, the pipeline CSV and the calendar: commands only, the code loaded on first use. */
export function registerMeasure(context: vscode.ExtensionContext, deps: Deps): void {
  const load = lazyFeature<MeasureApi & { bind(planner: PlannerAccess): void }>('measure', context, deps);
  let bound = false;
  const api = (): MeasureApi => {
    const m = load();
    if (!bound) {
      m.bind(() => deps.apis.records().loaded());
      bound = true;
    }
    return m;
  };
  for (const [id, name] of Object.entries(MEASURE_COMMANDS)) context.subscriptions.push(vscode.commands.registerCommand(id, (arg?: unknown, options?: unknown) => api()[name](arg, options)));
  deps.apis.measure = api;
}
