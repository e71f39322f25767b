// The tools that read the partnership records, a part of the assistant's chunk
// (src/implementations.ts): loaded by the first of them, with the planner's record index they
// read. Neither the pitch nor the record writers load with them.
import type { Deps } from '../../host/deps';
import { READ_TOOLS } from '../../core/assistant/readTools';
import { EditorStore } from './store';
import { runTool, type ToolPart } from './runTool';

export function languageModelTools(deps: Deps): ToolPart {
  return { invoke: (name, input) => runTool(deps, READ_TOOLS, name, input, async () => new EditorStore(await deps.apis.records().loaded(), deps)) };
}
