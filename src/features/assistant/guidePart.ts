// The tools that need no partnership record (the forecast, the playbook, the community context,
// the pitch), a part of the assistant's chunk (src/implementations.ts): they work on the context
// the extension has read, so neither the planner nor its index loads with them.
import type { Deps } from '../../host/deps';
import { GUIDE_TOOLS } from '../../core/assistant/guideTools';
import { EditorContext } from './store';
import { runTool, type ToolPart } from './runTool';

export function languageModelTools(deps: Deps): ToolPart {
  return { invoke: (name, input) => runTool(deps, GUIDE_TOOLS, name, input, () => Promise.resolve(new EditorContext(deps))) };
}
