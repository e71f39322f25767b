// Loaded on the first language-model tool call, Connect / Disconnect AI Assistant or the check of
// server entries: what each of them asks for, and no more. Connect's code (./connect.ts) and the
// tools' code with the planner's record index (./lmTools.ts) are parts of their own
// (src/implementations.ts), each loaded by the first use that needs it; the confirmation before a
// tool runs needs only the tools' names and titles (src/core/assistant/catalog.ts).
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

export function activate(context: vscode.ExtensionContext, deps: Deps): AssistantApi {
  let connection: ReturnType<typeof import('./connect').connectionCommands> | undefined;
  const connect = () => (connection ??= (deps.loadChunk('assistantConnect') as typeof import('./connect')).connectionCommands(context, deps));
  let tools: ReturnType<typeof import('./lmTools').languageModelTools> | undefined;
  const lmTools = () => (tools ??= (deps.loadChunk('assistantTools') as typeof import('./lmTools')).languageModelTools(deps));
  return {
    connect: (arg) => connect().connect(arg),
    disconnect: () => connect().disconnect(),
    checkServerEntries: (folder) => connect().checkServerEntries(folder),
    invokeTool: async (name, input) => {
      toolFor(name);
      return lmTools().invoke(name, input);
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
