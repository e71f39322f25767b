import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, file, folder, readFile, revertAndCloseAll, until, writeFile } from './helpers';
import { ASSISTANT_TOOLS, type AssistantTool } from '../../src/core/assistant/tools';
import { LM_TOOL_PREFIX } from '../../src/core/assistant/manifest';
import { formatScore, weightedScore } from '../../src/core/planner/scorecard';
import { appendCheckIn, appendMetric, parseRecord, setScores, setStage } from '../../src/core/records';
import { newRecordText } from '../../src/core/records/newRecord';
import { parseContext } from '../../src/core/context';
import { localToday } from '../../src/core/dates';

const GUILD = 'partnerships/design-systems-guild.md';
const tools = ASSISTANT_TOOLS as readonly AssistantTool[];

async function invoke(name: string, input: object): Promise<Record<string, unknown>> {
  const result = await vscode.lm.invokeTool(`${LM_TOOL_PREFIX}${name}`, { input, toolInvocationToken: undefined });
  const part = result.content[0];
  assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} answers with text`);
  return JSON.parse(part.value) as Record<string, unknown>;
}

describe('Language-model tools (vscode.lm.invokeTool)', function () {
  const originals = new Map<string, string>();
  const created: vscode.Uri[] = [];

  before(async function () {
    if (typeof vscode.lm?.invokeTool !== 'function' || typeof vscode.lm?.registerTool !== 'function') {
      console.log(`      skipped: this host (VS Code ${vscode.version}) has no vscode.lm.registerTool / invokeTool`);
      this.skip();
    }
    await (await api()).planner().then((p) => p.ensureLoaded());
    originals.set(GUILD, await readFile(file(GUILD)));
  });

  afterEach(async () => {
    await revertAndCloseAll();
    for (const [rel, text] of originals) if ((await readFile(file(rel))) !== text) await writeFile(file(rel), text);
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    const p = await (await api()).planner();
    await until('the original records', () => p.query().total === 3 && p.get(file(GUILD).toString())?.summary.stage === 'active');
  });

  it('registers every declared tool', () => {
    const names = vscode.lm.tools.filter((t) => t.name.startsWith(LM_TOOL_PREFIX)).map((t) => t.name).sort();
    assert.deepStrictEqual(names, tools.map((t) => `${LM_TOOL_PREFIX}${t.name}`).sort());
  });

  it('every read tool answers with the planner\'s numbers', async () => {
    const p = await (await api()).planner();
    for (const def of tools.filter((t) => !t.write)) assert.ok(await invoke(def.name, def.example), def.name);
    const pipeline = await invoke('pipeline', {});
    assert.deepStrictEqual(pipeline.counts, p.counts());
    const list = await invoke('list_partnerships', {});
    assert.deepStrictEqual(
      (list.items as { partner: string; score?: string; nextCheckIn?: string }[]).map((r) => [r.partner, r.score, r.nextCheckIn]),
      p.query().items.map((s) => [s.partner, s.score === undefined ? undefined : formatScore(s.score), s.nextCheckIn]),
    );
    const checkIns = await invoke('check_ins', {});
    assert.deepStrictEqual((checkIns.overdue as { partner: string }[]).map((r) => r.partner), p.overdue().map((s) => s.partner));
    const fit = await invoke('fit_score', { name: 'design-systems-guild' });
    const parsed = parseRecord(originals.get(GUILD)!);
    assert.ok(parsed.ok);
    assert.strictEqual(fit.exact, weightedScore(parsed.record.scores).total);
    const ctx = await invoke('community_context', {});
    assert.strictEqual(ctx.communityName, 'Acme Devs');
  });

  it('every write tool writes what the planner\'s commands write, byte for byte', async () => {
    const context = parseContext(await readFile(file('.claude/community-context.md'))).values;
    const made = await invoke('create_partnership', { partner: 'Night Owls Collective', types: ['co-hosted-event'] });
    const uri = file(`${made.path}`);
    created.push(uri);
    assert.strictEqual(made.path, 'partnerships/night-owls-collective.md');
    assert.strictEqual(await readFile(uri), newRecordText({ partner: 'Night Owls Collective', types: ['co-hosted-event'], today: localToday(), ourName: 'Acme Devs', context }));
    let expected = originals.get(GUILD)!;
    expected = appendMetric(expected, { date: '2026-03-01', metric: 'cross-community-joins', value: 85, note: 'after the March swap' }).text;
    await invoke('log_metric', { name: 'design-systems-guild', metric: 'cross-community-joins', value: 85, date: '2026-03-01', note: 'after the March swap' });
    assert.strictEqual(await readFile(file(GUILD)), expected);
    expected = appendCheckIn(expected, { date: '2026-03-02', notes: 'First swap went out; 80 clicks.', worthContinuing: 'yes' }).text;
    await invoke('log_check_in', { name: 'design-systems-guild', date: '2026-03-02', notes: 'First swap went out; 80 clicks.', worthContinuing: 'yes' });
    assert.strictEqual(await readFile(file(GUILD)), expected);
    expected = setScores(expected, { audienceOverlap: 4, complementary: 5 }).text;
    await invoke('set_scores', { name: 'design-systems-guild', scores: { audienceOverlap: 4, complementary: 5 } });
    assert.strictEqual(await readFile(file(GUILD)), expected);
    expected = setStage(expected, 'contacted').text;
    const staged = await invoke('set_stage', { name: 'design-systems-guild', stage: 'contacted' });
    assert.strictEqual(await readFile(file(GUILD)), expected);
    assert.strictEqual((staged.record as { stage: string }).stage, 'contacted');
    const p = await (await api()).planner();
    assert.strictEqual(p.get(file(GUILD).toString())?.summary.stage, 'contacted', 'the planner sees it at once');
  });

  it('refuses bad input with the reason, and writes nothing', async () => {
    await assert.rejects(invoke('set_stage', { name: '../secrets', stage: 'active' }), /no path separators/);
    await assert.rejects(invoke('log_metric', { name: 'design-systems-guild', metric: 'cross-community-joins', value: 'lots', date: '2026-03-01' }), /value must be a number/);
    assert.strictEqual(await readFile(file(GUILD)), originals.get(GUILD));
  });

  it('asks before a write, not before a read', async () => {
    const assistant = (await api()).assistant();
    const write = assistant.prepareTool(`${LM_TOOL_PREFIX}set_stage`, { name: 'design-systems-guild', stage: 'ended' });
    assert.ok(write?.confirmationMessages, 'a confirmation for a write');
    assert.match(String((write.confirmationMessages.message as vscode.MarkdownString).value), /design-systems-guild/);
    assert.strictEqual(assistant.prepareTool(`${LM_TOOL_PREFIX}pipeline`, {})?.confirmationMessages, undefined);
  });
});

describe('The MCP server offered to VS Code (MCP server definition provider, VS Code 1.101 and later)', function () {
  it('offers one definition for the folder, whose server starts as VS Code starts it and answers for this folder', async function () {
    this.timeout(60_000);
    const offered = (await api()).mcpServers();
    const has = typeof (vscode.lm as unknown as { registerMcpServerDefinitionProvider?: unknown }).registerMcpServerDefinitionProvider === 'function';
    if (!has) {
      // Before 1.101: nothing is offered, and the rest of the extension runs as before.
      assert.strictEqual(offered, undefined);
      console.log(`      (VS Code ${vscode.version} has no MCP server definition provider API: nothing offered, as expected)`);
      return;
    }
    assert.ok(offered, 'definitions offered where the API exists');
    assert.strictEqual(offered.length, 1, 'one per local folder');
    const def = offered[0] as { label: string; command: string; args: string[]; env: Record<string, string | number | null>; version?: string };
    assert.strictEqual(def.label, `Community Partnerships (${folder().name})`);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is found');
    assert.strictEqual(def.args[0], vscode.Uri.joinPath(ext.extensionUri, 'dist', 'mcp', 'server.js').fsPath, "this version's server, in the extension's own folder");
    assert.ok(fs.existsSync(def.args[0]), 'the server script exists');
    assert.deepStrictEqual(def.args.slice(1), [folder().uri.fsPath], 'the folder, and no --read-only in a trusted workspace');
    assert.strictEqual(def.version, String(ext.packageJSON.version));

    // Started as VS Code starts it: the command, its arguments and its environment.
    const env = Object.fromEntries(Object.entries({ ...process.env, ...def.env }).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const client = new Client({ name: 'integration-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: def.command, args: def.args, env, stderr: 'pipe' }));
    try {
      const names = (await client.listTools()).tools.map((t) => t.name).sort();
      assert.deepStrictEqual(names, tools.map((t) => t.name).sort());
      const result = (await client.callTool({ name: 'list_partnerships', arguments: {} })) as { content: { type: string; text: string }[]; isError?: boolean };
      assert.ok(!result.isError, result.content[0]?.text);
      const listed = JSON.stringify(JSON.parse(result.content[0].text));
      const planner = await (await api()).planner();
      await planner.ensureLoaded();
      const shown = planner.query().items;
      assert.ok(shown.length > 0);
      for (const s of shown) assert.ok(listed.includes(JSON.stringify(s.partner)), `${s.partner} in the server's answer: ${listed.slice(0, 300)}`);
    } finally {
      await client.close();
    }
  });

  it("says when the entries Connect wrote start a server an update removed, and leaves entries whose server is there", async () => {
    const assistant = (await api()).assistant();
    const claude = file('.mcp.json');
    const code = file('.vscode/mcp.json');
    const gone = '/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.0.1/dist/mcp/server.js';
    const entry = (script: string) => ({ command: 'node', args: [script, folder().uri.fsPath] });
    try {
      await writeFile(claude, JSON.stringify({ mcpServers: { 'community-partnerships': entry(gone), docs: { command: 'docs' } } }, null, 2));
      await writeFile(code, '{\n  // a comment\n  "servers": { "community-partnerships": { "type": "stdio", "command": "node", "args": ["' + gone + '", "${workspaceFolder}"] } }\n}\n');
      assert.deepStrictEqual(await assistant.checkServerEntries(folder()), ['.mcp.json', '.vscode/mcp.json']);
      // A server that is there (another checkout, this very version) is not called stale.
      const here = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'dist', 'mcp', 'server.js').fsPath;
      await writeFile(claude, JSON.stringify({ mcpServers: { 'community-partnerships': entry(here) } }));
      await writeFile(code, '{ "servers": ');
      assert.deepStrictEqual(await assistant.checkServerEntries(folder()), []);
    } finally {
      await vscode.workspace.fs.delete(claude).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder().uri, '.vscode'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
