// The language-model tools' code, a part of the assistant's chunk (src/implementations.ts):
// loaded by the first tool call, with the shared tool definitions (src/core/assistant) and the
// planner's record index and writers they work on; Connect and Disconnect never load it.
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { answerText, callTool, findTool } from '../../core/assistant/tools';
import { AssistantRefusal } from '../../core/assistant/store';
import { LM_TOOL_PREFIX } from '../../core/assistant/catalog';
import { EditorStore } from './store';

export function languageModelTools(deps: Deps) {
  return {
    /** Runs the language-model tool of that name (`communityPartnerships_<name>`) over the planner's index. */
    async invoke(name: string, input: unknown): Promise<vscode.LanguageModelToolResult> {
      const def = name.startsWith(LM_TOOL_PREFIX) ? findTool(name.slice(LM_TOOL_PREFIX.length)) : undefined;
      if (!def) throw new Error(`Unknown tool ${name}.`);
      const store = new EditorStore((await deps.apis.planner()).service, deps);
      try {
        const out = await callTool(def, store, input);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answerText(out))]);
      } catch (err) {
        if (err instanceof AssistantRefusal) throw new Error(err.message);
        deps.log.error(`Tool ${name} failed`, err);
        throw err;
      }
    },
  };
}
