import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, readFile, revertAndCloseAll, until, writeFile } from './helpers';
import { ASSISTANT_TOOLS, type AssistantTool } from '../../src/core/assistant/tools';
import { LM_TOOL_PREFIX } from '../../src/core/assistant/manifest';
import { formatScore, weightedScore } from '../../src/core/planner/scorecard';
import { appendCheckIn, appendMetric, newRecordText, parseRecord, setScores, setStage } from '../../src/core/records';
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
