// The tools that write the partnership records, a part of the assistant's chunk
// (src/implementations.ts): loaded by the first of them, with the planner's record index and
// writer they go through, and the core's record writers.
import type { Deps } from '../../host/deps';
import { WRITE_TOOLS } from '../../core/assistant/writeTools';
import { EditorStore } from './store';
import { runTool, type ToolPart } from './runTool';

export function languageModelTools(deps: Deps): ToolPart {
  return { invoke: (name, input) => runTool(deps, WRITE_TOOLS, name, input, async () => new EditorStore(await deps.apis.records().loaded(), deps)) };
}
