import * as vscode from 'vscode';
import { createLog } from './features/log';
import { ContextService } from './features/contextService';
import { registerContextStatus } from './features/contextStatus';
import { registerContextCommands } from './features/contextCommands';
import { registerContextForm } from './features/contextFormShell';
import { registerContextRestructure } from './features/contextRestructure';
import { registerPartnerships } from './features/partnershipsShell';
import type { Deps } from './features/deps';
import { LiveWebviews } from './features/messages';
import { registerPlanner } from './features/plannerShell';
import { registerMeasure } from './features/measureShell';
import { registerBoard } from './features/boardShell';
import { registerWalkthrough } from './features/walkthrough';
import { registerAssistant } from './features/assistant/register';
import type { AssistantApi } from './features/assistant/lazy';
import type { PlannerApi } from './lazy/planner';
import type { MeasureApi } from './lazy/measure';
import type { BoardApi } from './lazy/board';
import { setTranslator } from './core/l10n';

/** Everything the extension does, one feature a line. */
const FEATURES: ((context: vscode.ExtensionContext, deps: Deps) => void)[] = [
  registerContextStatus, // status bar item and Problems for .claude/community-context.md
  registerContextCommands, // Open Community Context
  registerContextForm, // Create / Update Community Context
  registerContextRestructure, // Quick Fix: rewrite an unrecognised context file into the family's structure
  registerPartnerships, // Draft Outreach Pitch, agreement checklist, completions and checks in Markdown
  registerWalkthrough, // Get Started: the walkthrough
];

export interface ExtensionApi {
  /** For tests: the community context of each folder as the extension sees it. */
  readonly contexts: ContextService;
  /** For tests: the message routers of the open webviews. */
  readonly webviews: LiveWebviews;
  /** For tests: the sidebar planner (loads it, and its record index, on first call). */
  readonly planner: () => Promise<PlannerApi>;
  /** For tests: the measure commands (loads them on first call). */
  readonly measure: () => MeasureApi;
  /** For tests: the pipeline board (loads it on first call). */
  readonly board: () => BoardApi;
  /** For tests: the assistant's tools and commands (loads them on first call). */
  readonly assistant: () => AssistantApi;
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
  const log = createLog(context);
  const contexts = new ContextService(log);
  context.subscriptions.push(contexts);
  const webviews = new LiveWebviews(testing);
  const deps: Deps = { log, contexts, webviews };
  for (const feature of FEATURES) feature(context, deps);
  const planner = registerPlanner(context, deps); // sidebar planner, partnership records and their commands
  const measure = registerMeasure(context, deps, planner); // metrics from exports, tracker import, pipeline CSV, calendar
  const board = registerBoard(context, deps, planner); // the pipeline board in the editor area
  const assistant = registerAssistant(context, deps, planner); // language-model tools, the MCP server, Connect AI Assistant
  return testing ? { contexts, webviews, planner, measure, board, assistant } : undefined;
}

export function deactivate(): void {}
