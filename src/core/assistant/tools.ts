import * as z from 'zod/mini';
import { READ_TOOLS } from './readTools';
import { GUIDE_TOOLS } from './guideTools';
import { WRITE_TOOLS } from './writeTools';
import type { AssistantTool } from './toolKit';

export { answerText, callTool, type AssistantTool } from './toolKit';

/**
 * The assistant's tools, all of them: one definition each (its name, title and description from
 * ./catalog.ts, its input schema, its handler over the core), used by the MCP server
 * (src/mcp/server.ts) and by the language-model tools (src/features/assistant), so both give the
 * same answers as the sidebar. They are in three modules, which the editor loads each on its own:
 * the reads of records (./readTools.ts), the tools that need no record (./guideTools.ts) and the
 * writes (./writeTools.ts); here in the order of ./catalog.ts.
 */
export const ASSISTANT_TOOLS = [...READ_TOOLS, ...GUIDE_TOOLS, ...WRITE_TOOLS] as const satisfies readonly AssistantTool<z.ZodMiniObject>[];

export type AssistantToolName = (typeof ASSISTANT_TOOLS)[number]['name'];

export function findTool(name: string): AssistantTool | undefined {
  return (ASSISTANT_TOOLS as readonly AssistantTool[]).find((t) => t.name === name);
}
