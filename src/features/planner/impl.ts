// Loaded when the Planner view opens or a planner command runs: the view, on the record index
// the features share (src/features/records/); the commands load with their first use.
import { textLanguageStore } from '../../host/textLanguage';
import { COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { RecordService } from '../records/api';
import { PlannerViewProvider } from './view';
import type { plannerCommands } from './commands';
import type { RecordQuery, RecordSummary, StageCounts } from '../../core/planner/recordIndex';
import type { RecordParse, RecordProblem, Stage } from '../../core/records';

export interface PlannerApi {
  /** The record index and writer, shared with the board, the measures and the assistant (src/features/records/). */
  readonly service: RecordService;
  resolveView(view: vscode.WebviewView): void;
  /** Loads the index if it is not loaded yet. */
  ensureLoaded(): Promise<void>;
  newPartnership(arg?: unknown, options?: unknown): Promise<unknown>;
  logMetric(arg?: unknown, options?: unknown): Promise<unknown>;
  logCheckIn(arg?: unknown, options?: unknown): Promise<unknown>;
  exportReport(arg?: unknown, options?: unknown): Promise<unknown>;
  // For tests: what the planner shows, from the same index the view queries.
  query(q?: RecordQuery): { items: RecordSummary[]; total: number };
  get(id: string): { summary: RecordSummary; problems: readonly RecordProblem[] } | undefined;
  /** The whole record, as the view shows it (read when it is opened). */
  open(id: string): Promise<RecordParse | undefined>;
  counts(): StageCounts;
  overdue(): RecordSummary[];
  /** Record reads made so far (one per changed file). */
  reads(): number;
  setStage(id: string, stage: Stage): Promise<unknown>;
}

/** What the planner's chunk gives its registration: the planner, once it has the record index. */
export interface PlannerModule {
  start(service: RecordService): PlannerApi;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): PlannerModule {
  return { start: (service) => start(context, deps, service) };
}

function start(context: vscode.ExtensionContext, deps: Deps, service: RecordService): PlannerApi {
  // The commands select what they wrote in the view, which is made after them.
  const shown: { view?: PlannerViewProvider } = {};
  // New Partnership, Log Metric, Log Check-in and the report: a chunk of their own
  // (./commands.ts), loaded by the first of them, not when the view opens.
  let made: ReturnType<typeof plannerCommands> | undefined;
  const commands = () =>
    (made ??= (deps.loadChunk('plannerCommands') as typeof import('./commands')).plannerCommands(
      service,
      deps,
      (id) => shown.view?.select(id),
      () => shown.view?.selectedId,
      textLanguageStore(context),
    ));
  const run = (name: string, arg?: unknown): Promise<unknown> => {
    switch (name) {
      case 'newPartnership':
        return commands().newPartnership();
      case 'logMetric':
        return commands().logMetric(arg);
      case 'logCheckIn':
        return commands().logCheckIn(arg);
      case 'exportReport':
        return commands().exportReport(arg);
      case 'openContext':
        return Promise.resolve(vscode.commands.executeCommand(COMMANDS.openContext));
      case 'createContext':
        return Promise.resolve(vscode.commands.executeCommand(COMMANDS.createContext));
      case 'openPipelineBoard':
        return Promise.resolve(vscode.commands.executeCommand(COMMANDS.openPipelineBoard));
    }
    return Promise.resolve(undefined);
  };
  const view = new PlannerViewProvider(context.extensionUri, service, deps, { run });
  shown.view = view;
  context.subscriptions.push(view);
  return {
    service,
    resolveView: (v) => view.resolveWebviewView(v),
    ensureLoaded: () => service.ensureLoaded(),
    newPartnership: async (arg, options) => {
      await service.ensureLoaded();
      return commands().newPartnership(arg, options);
    },
    logMetric: (arg, options) => commands().logMetric(arg, options),
    logCheckIn: (arg, options) => commands().logCheckIn(arg, options),
    exportReport: (arg, options) => commands().exportReport(arg, options),
    query: (q) => service.index.query(q),
    get: (id) => service.index.get(id),
    open: (id) => service.open(id),
    counts: () => service.index.counts(),
    overdue: () => service.overdue(),
    reads: () => service.loader.reads,
    setStage: (id, stage) => {
      const { setStage } = deps.loadChunk('plannerEdit') as typeof import('./edits');
      return service.write(id, (t) => setStage(t, stage));
    },
  };
}
