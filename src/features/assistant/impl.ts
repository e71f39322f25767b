// Loaded on the first language-model tool call, Connect / Disconnect AI Assistant or the check of
// server entries: what each of them asks for, and no more. Connect's code (./connect.ts) and the
// tools' code (./readPart.ts and ./writePart.ts with the planner's record index, ./guidePart.ts
// without it) are parts of their own (src/implementations.ts), each loaded by the first use that
// needs it; the confirmation before a tool runs needs only the tools' names and titles
// (src/core/assistant/catalog.ts).
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { aboutLmTool, type ToolAbout } from '../../core/assistant/catalog';

export interface AssistantApi {
  connect(arg?: unknown): Promise<boolean>;
  disconnect(): Promise<boolean>;
  /** Warns when the folder's server entries start a script an update removed; returns their files. */
  checkServerEntries(folder: vscode.WorkspaceFolder): Promise<string[]>;
  invokeTool(name: string, input: unknown, token?: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult>;
  prepareTool(name: string, input: unknown): vscode.PreparedToolInvocation | undefined;
}

function toolFor(lmName: string): ToolAbout {
  const def = aboutLmTool(lmName);
  if (!def) throw new Error(`Unknown tool ${lmName}.`);
  return def;
}

/** A short, safe line of what a write will do, for the confirmation. */
function describeInput(input: unknown): string {
  const text = JSON.stringify(input ?? {}, null, 2) ?? '{}';
  return text.length > 1500 ? `${text.slice(0, 1500)}\n…` : text;
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function activate(context: vscode.ExtensionContext, deps: Deps): AssistantApi {
  const connect = once(() => (deps.loadChunk('assistantConnect') as typeof import('./connect')).connectionCommands(context, deps));
  // Each tool's code with what it works on: the reads of records and the writes with the
  // planner's index, the others (playbook, forecast, context, pitch) without it.
  const reads = once(() => (deps.loadChunk('assistantReads') as typeof import('./readPart')).languageModelTools(deps));
  const writes = once(() => (deps.loadChunk('assistantWrites') as typeof import('./writePart')).languageModelTools(deps));
  const guide = once(() => (deps.loadChunk('assistantGuide') as typeof import('./guidePart')).languageModelTools(deps));
  return {
    connect: (arg) => connect().connect(arg),
    disconnect: () => connect().disconnect(),
    checkServerEntries: (folder) => connect().checkServerEntries(folder),
    invokeTool: async (name, input) => {
      const def = toolFor(name);
      return (def.write ? writes() : def.records ? reads() : guide()).invoke(name, input);
    },
    prepareTool(name, input) {
      const def = toolFor(name);
      if (!def.write) return { invocationMessage: vscode.l10n.t('Community Partnerships: {0}', def.title) };
      const message = new vscode.MarkdownString();
      message.appendText(vscode.l10n.t('{0} writes to a partnership record in this workspace (through the same writer as the planner):', def.title));
      message.appendCodeblock(describeInput(input), 'json');
      return {
        invocationMessage: vscode.l10n.t('Community Partnerships: {0}', def.title),
        confirmationMessages: { title: vscode.l10n.t('Community Partnerships: {0}?', def.title), message },
      };
    },
  };
}
