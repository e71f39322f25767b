import * as vscode from 'vscode';
import { COMMANDS } from '../../host/commandIds';
import type { Deps } from '../../host/deps';
import { lazyFeature } from '../../host/lazy';
import { readText } from '../../host/files';
import type { AssistantApi } from './impl';

declare module '../../host/deps' {
  interface FeatureApis {
    /** The assistant's language-model tools and Connect / Disconnect AI Assistant (loads them on first call). */
    assistant: () => AssistantApi;
    /**
     * The MCP server definitions offered to VS Code, as VS Code gets them; undefined where the
     * host has no MCP server definition provider API (before 1.101, the web worker host).
     */
    mcpServers: () => object[] | undefined;
  }
}

/**
 * Your AI assistant on the same partnerships: the language-model tools (VS Code 1.95 and later),
 * the MCP server offered to VS Code (1.101 and later, Node hosts) and the Connect / Disconnect AI
 * Assistant commands. Only the registrations live here; the tools and the commands are loaded on
 * first use (./impl.ts, which loads only the part the use needs). Each newer API is looked up at
 * run time: the extension still runs on hosts without it.
 */
export function registerAssistant(context: vscode.ExtensionContext, deps: Deps): void {
  // The tools on the records ask the planner for its index themselves (./readPart.ts,
  // ./writePart.ts): Connect, Disconnect and the check of server entries load neither the tools'
  // code nor the planner.
  const api = lazyFeature<AssistantApi>('assistant', context, deps);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.connectAssistant, (arg?: unknown) => api().connect(arg)),
    vscode.commands.registerCommand(COMMANDS.disconnectAssistant, () => api().disconnect()),
  );
  registerLanguageModelTools(context, api);
  const servers = registerServerDefinitions(context);
  deps.apis.assistant = api;
  deps.apis.mcpServers = () => servers?.();
  // Once the contexts are read (activation's own work done), the entries an earlier version wrote.
  void deps.contexts.ready.then(() => findServerEntries(api)).catch((err: unknown) => deps.log.warn(`Could not check the AI assistant's server entries: ${String(err)}`));
}

/**
 * The server entries Connect wrote name the extension's folder, which an update replaces. A quick
 * look at the two files of each local folder; the check itself (and its warning) is loaded only
 * where one names a server script.
 */
async function findServerEntries(api: () => AssistantApi): Promise<void> {
  if (!hasNodeHost() || !vscode.workspace.isTrusted) return;
  for (const folder of (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file')) {
    for (const rel of ['.mcp.json', '.vscode/mcp.json']) {
      const read = await readText(vscode.Uri.joinPath(folder.uri, rel), 1024 * 1024);
      if (read.kind === 'text' && /dist[\\/]+mcp[\\/]+server\.js/.test(read.text)) {
        await api().checkServerEntries(folder);
        break;
      }
    }
  }
}

/** The tools package.json declares, each registered with its code loaded on first call. */
function registerLanguageModelTools(context: vscode.ExtensionContext, api: () => AssistantApi): void {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerTool !== 'function') return;
  const declared = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name: string }[] } }).contributes?.languageModelTools ?? [];
  for (const { name } of declared) {
    context.subscriptions.push(
      lm.registerTool<object>(name, {
        invoke: (options, token) => api().invokeTool(name, options.input, token),
        prepareInvocation: (options) => api().prepareTool(name, options.input),
      }),
    );
  }
}

/** True where the extension host is Node: the MCP server (a Node program) can be started. */
export function hasNodeHost(): boolean {
  return typeof process === 'object' && typeof process.versions?.node === 'string';
}

export function serverScript(context: vscode.ExtensionContext): string {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'mcp', 'server.js').fsPath;
}

// The MCP server definition provider API (VS Code 1.101), declared here: the types the extension
// builds against are older, and the API is looked up at run time.
type StdioDefinition = new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => object;
interface McpLm {
  registerMcpServerDefinitionProvider(id: string, provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<object[]> }): vscode.Disposable;
}
export const MCP_PROVIDER_ID = 'communityPartnerships.mcpServers';

/**
 * Offers the MCP server to VS Code's own MCP support, one definition per local workspace folder
 * (read-only in Restricted Mode). VS Code asks the user before it starts any server.
 */
function registerServerDefinitions(context: vscode.ExtensionContext): (() => object[]) | undefined {
  const lm = vscode.lm as unknown as Partial<McpLm> | undefined;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinition }).McpStdioServerDefinition;
  if (!hasNodeHost() || typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function') return undefined;
  const changed = new vscode.EventEmitter<void>();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '');
  // The path of this version's server, worked out each time VS Code asks: after an update the
  // definitions follow the new folder (VS Code asks again when the extension is restarted).
  const definitions = () =>
    (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => new Definition(`Community Partnerships (${f.name})`, process.execPath, [serverScript(context), f.uri.fsPath, ...(vscode.workspace.isTrusted ? [] : ['--read-only'])], { ELECTRON_RUN_AS_NODE: '1' }, version));
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, { onDidChangeMcpServerDefinitions: changed.event, provideMcpServerDefinitions: definitions }),
  );
  return definitions;
}
