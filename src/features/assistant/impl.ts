// Loaded on the first language-model tool call or Connect / Disconnect AI Assistant: the shared
// tool definitions (src/core/assistant) over the planner's index, and the connection commands.
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { PlannerService } from '../planner/api';
import { answerText, callTool, findTool } from '../../core/assistant/tools';
import { AssistantRefusal } from '../../core/assistant/store';
import { EditorStore } from './store';
import { assistantConnection, PREVIEW_SCHEME, PreviewDocuments } from './connect';

export { LM_TOOL_PREFIX } from '../../core/assistant/manifest';
import { LM_TOOL_PREFIX } from '../../core/assistant/manifest';

export interface AssistantApi {
  bind(planner: () => Promise<PlannerService>): void;
  connect(arg?: unknown): Promise<boolean>;
  disconnect(): Promise<boolean>;
  /** Warns when the folder's server entries start a script an update removed; returns their files. */
  checkServerEntries(folder: vscode.WorkspaceFolder): Promise<string[]>;
  invokeTool(name: string, input: unknown, token?: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult>;
  prepareTool(name: string, input: unknown): vscode.PreparedToolInvocation | undefined;
}

function toolFor(lmName: string) {
  const def = lmName.startsWith(LM_TOOL_PREFIX) ? findTool(lmName.slice(LM_TOOL_PREFIX.length)) : undefined;
  if (!def) throw new Error(`Unknown tool ${lmName}.`);
  return def;
}

/** A short, safe line of what a write will do, for the confirmation. */
function describeInput(input: unknown): string {
  const text = JSON.stringify(input ?? {}, null, 2) ?? '{}';
  return text.length > 1500 ? `${text.slice(0, 1500)}\n…` : text;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): AssistantApi {
  let planner: (() => Promise<PlannerService>) | undefined;
  const previews = new PreviewDocuments();
  context.subscriptions.push(previews, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews));
  const connection = assistantConnection(context, deps, previews);
  return {
    bind: (p) => (planner = p),
    connect: connection.connect,
    disconnect: connection.disconnect,
    checkServerEntries: connection.checkServerEntries,
    async invokeTool(name, input) {
      const def = toolFor(name);
      if (!planner) throw new Error('The planner is not ready.');
      const store = new EditorStore(await planner(), deps);
      try {
        const out = await callTool(def, store, input);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answerText(out))]);
      } catch (err) {
        if (err instanceof AssistantRefusal) throw new Error(err.message);
        deps.log.error(`Tool ${name} failed`, err);
        throw err;
      }
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
