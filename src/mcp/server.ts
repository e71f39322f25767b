// community-partnerships-mcp <workspace folder> [--read-only]
//
// A stdio MCP server over one workspace's community context and partnership records: the tools
// of src/core/assistant (the same as the editor's language-model tools), the context and the
// records as resources, and two prompts. Built to dist/mcp/server.js by scripts/build.mjs.
import * as z from 'zod/mini';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ASSISTANT_TOOLS, answerText, callTool, type AssistantTool } from '../core/assistant/tools';
import { AssistantRefusal, type AssistantStore } from '../core/assistant/store';
import { RECORD_NAME_PATTERN } from '../core/assistant/schemas';
import { SERVER_NAME, draftPitchPrompt, planPartnershipPrompt } from '../core/assistant/prompts';
import { NodeWorkspace, checkWorkspaceRoot } from './workspace';

declare const SERVER_VERSION: string;

type ToolResult = { content: { type: 'text'; text: string }[]; isError?: boolean };

async function answer(def: AssistantTool, store: AssistantStore, args: unknown): Promise<ToolResult> {
  try {
    return { content: [{ type: 'text', text: answerText(await callTool(def, store, args)) }] };
  } catch (err) {
    const message = err instanceof AssistantRefusal ? err.message : `${def.name} failed: ${err instanceof Error ? err.message : String(err)}. Nothing was written.`;
    return { content: [{ type: 'text', text: message }], isError: true };
  }
}

/** The server over one workspace; `readOnly` registers the read tools only. */
export function createServer(store: NodeWorkspace): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : '0.0.0' });
  for (const def of ASSISTANT_TOOLS as readonly AssistantTool[]) {
    if (def.write && !store.canWrite) continue;
    server.registerTool(
      def.name,
      { title: def.title, description: def.description, inputSchema: def.input, annotations: { readOnlyHint: !def.write, destructiveHint: false, openWorldHint: false } },
      (args: unknown) => answer(def, store, args),
    );
  }

  server.registerResource('community-context', 'community-partnerships://context', { title: 'Community context', description: "The workspace's community context file, as written.", mimeType: 'text/markdown' }, async (uri) => {
    const ctx = await store.context();
    if (ctx.state !== 'ok') throw new Error(ctx.state === 'missing' ? `There is no context file at ${ctx.path}.` : ctx.message);
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: ctx.text }] };
  });

  const recordsTemplate = new ResourceTemplate('community-partnerships://records/{name}', {
    list: async () => {
      const index = await store.records();
      return {
        resources: index
          .all()
          .filter((r) => !r.summary.broken)
          .slice(0, 1000)
          .map((r) => ({ uri: `community-partnerships://records/${encodeURIComponent(store.nameOf(r.id))}`, name: store.nameOf(r.id), title: r.summary.partner, mimeType: 'text/markdown' })),
      };
    },
  });
  server.registerResource('partnership-record', recordsTemplate, { title: 'Partnership record', description: 'One partnership record (Markdown with YAML front matter).', mimeType: 'text/markdown' }, async (uri, variables) => {
    const raw = Array.isArray(variables.name) ? variables.name[0] : variables.name;
    const name = decodeURIComponent(String(raw ?? ''));
    if (name.length > 120 || !RECORD_NAME_PATTERN.test(name)) throw new Error('A record name is a file name without .md: no path separators and no "..".');
    const index = await store.records();
    const hits = index.all().filter((r) => store.nameOf(r.id).toLowerCase() === name.toLowerCase());
    if (hits.length !== 1) throw new Error(hits.length ? `"${name}" names ${hits.length} records.` : `There is no partnership record named "${name}".`);
    const text = await store.text(hits[0].id);
    if (text === undefined) throw new Error(`${store.pathOf(hits[0].id)} cannot be read.`);
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
  });

  const short = (what: string) => z.optional(z.string().check(z.maxLength(200, { error: `${what} must be at most 200 characters` })));
  server.registerPrompt('plan-a-partnership', { title: 'Plan a partnership', description: 'Plan a partnership with the method: context, fit score, types, forecast, a small first step.', argsSchema: { partner: short('partner'), goal: short('goal') } }, (args) => ({
    messages: [{ role: 'user', content: { type: 'text', text: planPartnershipPrompt(args) } }],
  }));
  server.registerPrompt('draft-an-outreach-pitch', { title: 'Draft an outreach pitch', description: 'Draft a pitch from the context with the draft_pitch tool, check it and improve it.', argsSchema: { partner: short('partner'), idea: short('idea'), variant: short('variant') } }, (args) => ({
    messages: [{ role: 'user', content: { type: 'text', text: draftPitchPrompt(args) } }],
  }));
  return server;
}

async function main(argv: string[]): Promise<void> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--read-only');
  if (unknown.length) throw new AssistantRefusal(`Unknown option ${unknown[0]}. Usage: community-partnerships-mcp <workspace folder> [--read-only]`);
  const root = checkWorkspaceRoot(argv.find((a) => !a.startsWith('--')));
  const store = new NodeWorkspace(root, { readOnly: flags.includes('--read-only') });
  const server = createServer(store);
  await server.connect(new StdioServerTransport());
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`community-partnerships-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}
