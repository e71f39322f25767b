import { READ_TOOLS } from './readTools';
import { GUIDE_TOOLS } from './guideTools';
import { WRITE_TOOLS } from './writeTools';
import { TOOL_DESCRIPTIONS } from './descriptions';
import type { ToolName } from './catalog';
import type { AssistantTool } from './toolKit';

export { answerText, callTool, type AssistantTool, type ToolCode } from './toolKit';

/**
 * The assistant's tools, all of them, each with its description: one definition each (its name
 * and title from ./catalog.ts, its description from ./descriptions.ts, its input schema, its
 * handler over the core), used by the MCP server (src/mcp/server.ts) and by the language-model
 * tools (src/features/assistant), so both give the same answers as the sidebar. Their code is in
 * three modules, which the editor loads each on its own: the reads of records (./readTools.ts),
 * the tools that need no record (./guideTools.ts) and the writes (./writeTools.ts); here in the
 * order of ./catalog.ts.
 */
export const ASSISTANT_TOOLS: readonly AssistantTool[] = [...READ_TOOLS, ...GUIDE_TOOLS, ...WRITE_TOOLS].map((t) => ({ ...t, description: TOOL_DESCRIPTIONS[t.name as ToolName] }));

export type AssistantToolName = ToolName;

export function findTool(name: string): AssistantTool | undefined {
  return ASSISTANT_TOOLS.find((t) => t.name === name);
}
