import * as z from 'zod/mini';
import type { AssistantTool } from './tools';
import { LM_TOOL_PREFIX } from './catalog';

export { LM_TOOL_PREFIX };

/** A tool's JSON schema, as package.json declares it and the MCP server lists it. */
export function inputJsonSchema(def: AssistantTool): Record<string, unknown> {
  const schema = z.toJSONSchema(def.input, { io: 'input' }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

/** A tool's entry in package.json's contributes.languageModelTools. */
export function lmToolEntry(def: AssistantTool): Record<string, unknown> {
  return {
    name: `${LM_TOOL_PREFIX}${def.name}`,
    displayName: `%lmTool.${def.name}%`,
    toolReferenceName: `cp_${def.name}`,
    canBeReferencedInPrompt: true,
    icon: def.write ? '$(edit)' : '$(organization)',
    tags: ['community-partnerships', def.write ? 'write' : 'read'],
    modelDescription: def.description,
    inputSchema: inputJsonSchema(def),
    ...(def.write ? { when: 'isWorkspaceTrusted' } : {}),
  };
}
