// Loaded on the first measure command: metrics from the exports communities already have (member
// lists, registrations, sign-ups), the tracker import, the pipeline CSV and the calendar. The
// commands are parts (src/implementations.ts), loaded on their first use with what they need:
// the commands that read a CSV export together (the CSV reader, the hashing, the record
// writer), and Copy Tracked Link, Export Pipeline as CSV and Export Calendar each on its own.
import type * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { Measure, PlannerAccess } from './common';

export interface MeasureApi {
  exportHashedList(arg?: unknown, options?: unknown): Promise<unknown>;
  compareLists(arg?: unknown, options?: unknown): Promise<unknown>;
  measureAttendance(arg?: unknown, options?: unknown): Promise<unknown>;
  copyTrackedLink(arg?: unknown, options?: unknown): Promise<unknown>;
  countSignups(arg?: unknown, options?: unknown): Promise<unknown>;
  importTracker(arg?: unknown, options?: unknown): Promise<unknown>;
  exportPipelineCsv(arg?: unknown, options?: unknown): Promise<unknown>;
  exportCalendar(arg?: unknown, options?: unknown): Promise<unknown>;
}

export type MeasureCommand = keyof MeasureApi;

// Each part by its name, written out in full: scripts/lib/bundles.mjs finds the parts a feature
// loads by the `loadChunk("name")` in its code, and measures each with it.
export function activate(context: vscode.ExtensionContext, deps: Deps): MeasureApi & { bind(planner: PlannerAccess): void } {
  const m: Measure = { context, deps };
  return {
    bind: (p) => {
      m.planner = p;
    },
    exportHashedList: (arg, raw) => (deps.loadChunk('measureLists') as typeof import('./listCommands')).exportHashedList(m, arg, raw),
    compareLists: (arg, raw) => (deps.loadChunk('measureLists') as typeof import('./listCommands')).compareLists(m, arg, raw),
    measureAttendance: (arg, raw) => (deps.loadChunk('measureLists') as typeof import('./listCommands')).measureAttendance(m, arg, raw),
    copyTrackedLink: (arg, raw) => (deps.loadChunk('measureLink') as typeof import('./trackedLink')).copyTrackedLink(m, arg, raw),
    countSignups: (arg, raw) => (deps.loadChunk('measureLists') as typeof import('./listCommands')).countSignups(m, arg, raw),
    importTracker: (arg, raw) => (deps.loadChunk('measureLists') as typeof import('./listCommands')).importTracker(m, arg, raw),
    exportPipelineCsv: (arg, raw) => (deps.loadChunk('measurePipelineCsv') as typeof import('./pipelineCsv')).exportPipelineCsv(m, arg, raw),
    exportCalendar: (arg, raw) => (deps.loadChunk('measureCalendar') as typeof import('./calendar')).exportCalendar(m, arg, raw),
  };
}
