import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import type { Deps } from '../../host/deps';
import { answerText, callTool, type ToolCode } from '../../core/assistant/toolKit';
import { AssistantRefusal, type ContextStore } from '../../core/assistant/store';
import { LM_TOOL_PREFIX } from '../../core/assistant/catalog';

/** The language-model tools of one part (./readPart.ts, ./guidePart.ts, ./writePart.ts). */
export interface ToolPart {
  /** Runs the language-model tool of that name (`communityPartnerships_<name>`). */
  invoke(name: string, input: unknown): Promise<vscode.LanguageModelToolResult>;
}

/** Runs one of `tools` over the store `store` makes: its answer as text, a refusal as the error's message. */
export async function runTool<St extends ContextStore>(deps: Deps, tools: readonly ToolCode<z.ZodMiniObject, St>[], name: string, input: unknown, store: () => Promise<St>): Promise<vscode.LanguageModelToolResult> {
  const def = name.startsWith(LM_TOOL_PREFIX) ? tools.find((t) => t.name === name.slice(LM_TOOL_PREFIX.length)) : undefined;
  if (!def) throw new Error(`Unknown tool ${name}.`);
  const on = await store();
  try {
    const out = await callTool(def, on, input);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answerText(out))]);
  } catch (err) {
    if (err instanceof AssistantRefusal) throw new Error(err.message);
    deps.log.error(`Tool ${name} failed`, err);
    throw err;
  }
}
