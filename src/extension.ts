import * as vscode from 'vscode';
import { createLog } from './host/log';
import { ContextService } from './host/contextService';
import type { Deps, FeatureApis } from './host/deps';
import { LiveWebviews } from './host/messages';
import { loadChunk } from './chunks';
import { registerContextStatus } from './features/contextStatus/registration';
import { registerOpenContext } from './features/openContext/registration';
import { registerContextForm } from './features/contextForm/registration';
import { registerContextRestructure } from './features/contextRestructure/registration';
import { registerPitch } from './features/pitch/registration';
import { registerAgreement } from './features/agreement/registration';
import { registerMarkdownDocs } from './features/markdownDocs/registration';
import { registerWalkthrough } from './features/walkthrough/registration';
import { registerRecords } from './features/records/registration';
import { registerPlanner } from './features/planner/registration';
import { registerMeasure } from './features/measure/registration';
import { registerBoard } from './features/board/registration';
import { registerPrivateOverlap } from './features/privateOverlap/registration';
import { registerAssistant } from './features/assistant/registration';
import type { RecordService } from './features/records/impl';
import type { PlannerApi } from './features/planner/impl';
import type { MeasureApi } from './features/measure/api';
import type { BoardApi } from './features/board/impl';
import type { AssistantApi } from './features/assistant/impl';
import { setDisplayLocale, setTranslator } from './core/l10n';

/**
 * Everything the extension does, one feature a line; each is a folder in src/features/ whose
 * registration.ts is all that loads at activation.
 */
const FEATURES: ((context: vscode.ExtensionContext, deps: Deps) => void)[] = [
  registerContextStatus, // status bar item and Problems for .claude/community-context.md
  registerOpenContext, // Open Community Context
  registerContextForm, // Create / Update Community Context
  registerContextRestructure, // Quick Fix: rewrite an unrecognised context file into the family's structure
  registerPitch, // Draft Outreach Pitch
  registerAgreement, // the agreement checklist, Generate / Insert Partnership Agreement
  registerMarkdownDocs, // completions and checks in partnership Markdown documents
  registerWalkthrough, // Get Started: the walkthrough
  registerRecords, // the partnership records' index, shared by the planner, the board, the measures and the assistant
  registerPlanner, // sidebar planner and the partnership commands (on the record index)
  registerMeasure, // metrics from exports, tracker import, pipeline CSV, calendar (on the record index)
  registerBoard, // the pipeline board in the editor area (on the record index)
  registerPrivateOverlap, // Start, Answer and Finish Private Overlap (on the measure commands' tools)
  registerAssistant, // language-model tools, the MCP server offered to VS Code, Connect / Disconnect AI Assistant (on the record index)
];

export interface ExtensionApi {
  /** For tests: the community context of each folder as the extension sees it. */
  readonly contexts: ContextService;
  /** For tests: the message routers of the open webviews. */
  readonly webviews: LiveWebviews;
  /** For tests: the record index the features share (loads its code on first call, reads no record). */
  readonly records: () => RecordService;
  /** For tests: the sidebar planner (loads it, and its record index, on first call). */
  readonly planner: () => Promise<PlannerApi>;
  /** For tests: the measure commands (loads them on first call). */
  readonly measure: () => MeasureApi;
  /** For tests: the pipeline board (loads it on first call). */
  readonly board: () => BoardApi;
  /** For tests: the assistant's tools and commands (loads them on first call). */
  readonly assistant: () => AssistantApi;
  /** For tests: the MCP server definitions offered to VS Code (undefined where the API is missing). */
  readonly mcpServers: () => object[] | undefined;
}

/**
 * The API exists only under tests (`extensionMode` Test: the integration suites and the
 * benchmark's runner). Installed normally, the extension exports nothing, so no other extension
 * can drive its webviews' handlers or preset the answers to its confirmation dialogs.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  // The domain's messages (src/core) in the display language, from the same bundle (l10n/).
  setTranslator(vscode.l10n.t);
  setDisplayLocale(vscode.env.language);
  const log = createLog(context);
  const contexts = new ContextService(log, () => loadChunk('contextParser'));
  context.subscriptions.push(contexts);
  const webviews = new LiveWebviews(testing);
  // Each feature that offers something to the others sets its member in its registration.
  const apis = {} as FeatureApis;
  const deps: Deps = { log, contexts, webviews, loadChunk: (name) => loadChunk(name as Parameters<typeof loadChunk>[0]), apis };
  for (const feature of FEATURES) feature(context, deps);
  return testing ? { contexts, webviews, records: apis.records, planner: apis.planner, measure: apis.measure, board: apis.board, assistant: apis.assistant, mcpServers: apis.mcpServers } : undefined;
}

export function deactivate(): void {}
