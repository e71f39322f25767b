import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ASSISTANT_TOOLS } from '../../src/core/assistant/tools';
import { communityName, parseContext } from '../../src/core/context';
import { localToday } from '../../src/core/dates';
import { checkPitch, pitchDefaultsFromContext, renderPitch, type PitchInput } from '../../src/core/pitch';
import { RecordIndex } from '../../src/core/planner/recordIndex';
import { formatScore, weightedScore } from '../../src/core/planner/scorecard';
import { forecast } from '../../src/core/planner/forecast';
import { appendCheckIn, appendMetric, parseRecord, recordFileName, setScores, setStage } from '../../src/core/records';
import { newRecordText } from '../../src/core/records/newRecord';

/*
 * The MCP server as an assistant runs it: the bundle (dist/mcp/server.js) started over stdio and
 * driven with the MCP SDK's own client, on a copy of the fixture workspace. What it writes is
 * compared byte for byte with what the extension's commands write (the same core writers, called
 * here as plannerCommands calls them), and its numbers with the planner's index.
 */

const ROOT = path.resolve(__dirname, '../../..');
const SERVER = path.join(ROOT, 'dist', 'mcp', 'server.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace');

function ensureBuilt(): void {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  if (fs.existsSync(SERVER) && fs.statSync(SERVER).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  assert.equal(built.status, 0, `build failed: ${built.stderr}`);
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

/** Every file under a folder (links as their target text), for "nothing was written". */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[`${rel}/`] = '';
        walk(p);
      } else out[rel] = fs.readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

type CallResult = { isError?: boolean; content: { type: string; text?: string }[] };

async function connect(workspace: string, extra: string[] = []): Promise<{ client: Client; close: () => Promise<void> }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER, workspace, ...extra], stderr: 'pipe' });
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(transport);
  return { client, close: () => client.close() };
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallResult> {
  return (await client.callTool({ name, arguments: args })) as CallResult;
}

async function json(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const r = await call(client, name, args);
  assert.ok(!r.isError, `${name} failed: ${r.content[0]?.text}`);
  return JSON.parse(r.content[0].text!) as Record<string, unknown>;
}

async function refused(client: Client, name: string, args: Record<string, unknown>, reason: RegExp): Promise<void> {
  const r = await call(client, name, args);
  assert.equal(r.isError, true, `${name} ${JSON.stringify(args).slice(0, 80)} was not refused`);
  assert.match(r.content[0].text!, reason);
}

function plannerIndex(workspace: string): RecordIndex {
  const index = new RecordIndex();
  const dir = path.join(workspace, 'partnerships');
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && fs.lstatSync(path.join(dir, f)).isFile()) index.set(`partnerships/${f}`, fs.readFileSync(path.join(dir, f), 'utf8'));
  return index;
}

describe('MCP server (dist/mcp/server.js over stdio, the SDK client)', function () {
  this.timeout(120_000);
  let tmp: string;
  let ws: string;
  let client: Client;
  let close: () => Promise<void>;

  before(async () => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-mcp-'));
    ws = path.join(tmp, 'workspace');
    copyDir(FIXTURE, ws);
    fs.writeFileSync(path.join(tmp, 'outside.md'), '---\npartner: Outside\n---\n');
    ({ client, close } = await connect(ws));
  });
  after(async () => {
    await close?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists exactly the shared tools, and the resources and prompts', async () => {
    const tools = await client.listTools();
    assert.deepEqual(tools.tools.map((t) => t.name).sort(), ASSISTANT_TOOLS.map((t) => t.name).sort());
    const logMetric = tools.tools.find((t) => t.name === 'log_metric')!;
    assert.deepEqual((logMetric.inputSchema as { required?: string[] }).required?.sort(), ['date', 'metric', 'name', 'value']);
    const prompts = await client.listPrompts();
    assert.deepEqual(prompts.prompts.map((p) => p.name).sort(), ['draft-an-outreach-pitch', 'plan-a-partnership']);
    const resources = await client.listResources();
    assert.ok(resources.resources.some((r) => r.uri === 'community-partnerships://records/design-systems-guild'), JSON.stringify(resources.resources));
    const record = await client.readResource({ uri: 'community-partnerships://records/design-systems-guild' });
    assert.equal((record.contents[0] as { text: string }).text, fs.readFileSync(path.join(ws, 'partnerships', 'design-systems-guild.md'), 'utf8'));
    const context = await client.readResource({ uri: 'community-partnerships://context' });
    assert.equal((context.contents[0] as { text: string }).text, fs.readFileSync(path.join(ws, '.claude', 'community-context.md'), 'utf8'));
    const prompt = await client.getPrompt({ name: 'plan-a-partnership', arguments: { partner: 'Rust Berlin' } });
    assert.match((prompt.messages[0].content as { text: string }).text, /Rust Berlin[\s\S]*fit_score/);
  });

  it('reads the pipeline, a record and its fit with the planner\'s numbers', async () => {
    const index = plannerIndex(ws);
    const pipeline = await json(client, 'pipeline');
    assert.deepEqual(pipeline.counts, index.counts());
    const list = await json(client, 'list_partnerships');
    assert.deepEqual(
      (list.items as { partner: string; score?: string; nextCheckIn?: string; verdict?: string }[]).map((r) => [r.partner, r.score, r.nextCheckIn, r.verdict]),
      index.all().map((r) => [r.summary.partner, r.summary.score === undefined ? undefined : formatScore(r.summary.score), r.summary.nextCheckIn, r.summary.verdict]),
    );
    const record = parseRecord(fs.readFileSync(path.join(ws, 'partnerships', 'design-systems-guild.md'), 'utf8'));
    assert.ok(record.ok);
    const fit = await json(client, 'fit_score', { name: 'design-systems-guild' });
    const expected = weightedScore(record.record.scores);
    assert.equal(fit.exact, expected.total);
    assert.equal(fit.verdict, expected.verdict);
    const plan = [{ type: 'newsletter-cross-promotion' as const, count: 2 }, { type: 'co-hosted-event' as const, count: 1 }];
    const f = await json(client, 'forecast', { plan });
    assert.deepEqual(f.newMembers, forecast(plan).newMembers);
    assert.deepEqual(f.cost, forecast(plan).cost);
    const due = await json(client, 'check_ins', { today: '2026-12-01' });
    assert.deepEqual((due.overdue as { partner: string }[]).map((r) => r.partner), index.overdue('2026-12-01').map((r) => r.partner));
  });

  it('drafts a pitch from the context, with the same text and checks as the pitch panel', async () => {
    const ctx = parseContext(fs.readFileSync(path.join(ws, '.claude', 'community-context.md'), 'utf8'));
    const given = { variant: 'cold' as const, partnerCommunity: 'Design Systems Guild', ideaType: 'co-hosted-event' as const, topic: 'design tokens', contribution: 'a speaker and promotion to our members', hope: 'a slot in your newsletter' };
    const input = { ...pitchDefaultsFromContext(ctx.values).input, ...given } as PitchInput;
    const rendered = renderPitch(input);
    const pitch = await json(client, 'draft_pitch', given);
    assert.equal(pitch.body, rendered.body);
    assert.equal(pitch.subject, rendered.subject);
    assert.deepEqual(pitch.checks, checkPitch(input, rendered));
    assert.match(String(pitch.body), new RegExp(communityName(ctx)!));
    const checked = await json(client, 'check_pitch', { variant: 'classic', body: 'Hi,\n\nCould we talk?\n\n[your name]' });
    assert.equal((checked.checks as { id: string; ok: boolean }[]).find((c) => c.id === 'no-placeholders')?.ok, false);
  });

  it('creates a partnership, logs a metric and a check-in, byte for byte as the commands write them', async () => {
    const ctx = parseContext(fs.readFileSync(path.join(ws, '.claude', 'community-context.md'), 'utf8'));
    const created = await json(client, 'create_partnership', { partner: 'Café Builders', community: 'Café Builders Discord', types: ['co-hosted-event', 'newsletter-cross-promotion'] });
    const file = path.join(ws, 'partnerships', recordFileName('Café Builders'));
    assert.equal(created.path, `partnerships/${recordFileName('Café Builders')}`);
    let expected = newRecordText({ partner: 'Café Builders', community: 'Café Builders Discord', types: ['co-hosted-event', 'newsletter-cross-promotion'], today: localToday(), ourName: communityName(ctx), context: ctx.values });
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    const again = await json(client, 'create_partnership', { partner: 'Café Builders', types: [] });
    assert.equal(again.name, 'cafe-builders-2', 'never over an existing record');

    expected = appendMetric(expected, { date: '2026-03-01', metric: 'cross-community-joins', value: 85, note: 'after the March swap' }).text;
    await json(client, 'log_metric', { name: 'cafe-builders', metric: 'cross-community-joins', value: 85, date: '2026-03-01', note: 'after the March swap' });
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    expected = appendCheckIn(expected, { date: '2026-03-02', notes: 'First swap went out.', worthContinuing: 'yes' }).text;
    await json(client, 'log_check_in', { name: 'cafe-builders', date: '2026-03-02', notes: 'First swap went out.', worthContinuing: 'yes' });
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    expected = setStage(expected, 'contacted').text;
    await json(client, 'set_stage', { name: 'cafe-builders', stage: 'contacted' });
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    expected = setScores(expected, { audienceOverlap: 4, complementary: 5 }).text;
    const scored = await json(client, 'set_scores', { name: 'cafe-builders', scores: { audienceOverlap: 4, complementary: 5 } });
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    assert.equal((scored.record as { score: string }).score, formatScore(weightedScore({ audienceOverlap: 4, complementary: 5 }).total!));
    const dsg = path.join(ws, 'partnerships', 'design-systems-guild.md');
    const before = fs.readFileSync(dsg, 'utf8');
    await json(client, 'log_metric', { name: 'design-systems-guild', metric: 'event-attendance', value: 45, date: '2026-03-05' });
    assert.equal(fs.readFileSync(dsg, 'utf8'), appendMetric(before, { date: '2026-03-05', metric: 'event-attendance', value: 45 }).text, 'an existing record: only its metrics grow');
  });

  it('refuses hostile inputs with a reason and writes nothing', async () => {
    fs.symlinkSync(path.join(tmp, 'outside.md'), path.join(ws, 'partnerships', 'linked.md'));
    const before = snapshot(tmp);
    await refused(client, 'set_stage', { name: '../outside', stage: 'active' }, /name must be a record's file name[\s\S]*\.\./);
    await refused(client, 'get_partnership', { name: 'a/b' }, /no path separators/);
    await refused(client, 'log_metric', { name: '..', metric: 'satisfaction', value: 1, date: '2026-01-01' }, /name/);
    await refused(client, 'set_stage', { name: 'linked', stage: 'active' }, /symbolic link/);
    await refused(client, 'get_partnership', { name: 'outside' }, /no partnership record named "outside"/);
    await refused(client, 'create_partnership', { partner: 'x'.repeat(1_000_000), types: [] }, /at most 200 characters/);
    await refused(client, 'log_check_in', { name: 'design-systems-guild', date: '2026-01-01', notes: 'n'.repeat(5000) }, /at most 4000 characters/);
    await refused(client, 'log_metric', { name: 'design-systems-guild', metric: 'cross-community-joins', value: 'eighty', date: '2026-03-01' }, /value must be a number/);
    await refused(client, 'log_metric', { name: 'design-systems-guild', metric: 'likes', value: 1, date: '2026-03-01' }, /metric must be one of/);
    await refused(client, 'log_check_in', { name: 'design-systems-guild', date: '2026-02-30' }, /real date/);
    await refused(client, 'set_stage', { name: 'design-systems-guild', stage: 'won' }, /stage must be one of/);
    await refused(client, 'set_scores', { name: 'design-systems-guild', scores: { audienceOverlap: 9 } }, /from 1 to 5/);
    await refused(client, 'set_stage', { name: 'design-systems-guild', stage: 'active', path: '/etc/passwd' }, /path/);
    await refused(client, 'set_stage', { name: 'broken-quotes', stage: 'active' }, /cannot be read/);
    await refused(client, 'create_partnership', { partner: 'Rust\nBerlin', types: [] }, /one line/);
    await assert.rejects(client.readResource({ uri: 'community-partnerships://records/..%2Foutside' }), /no path separators|\.\./);
    assert.deepEqual(snapshot(tmp), before);
  });

  it('refuses a partnerships folder that is a link, and writes nothing through it', async () => {
    const other = path.join(tmp, 'other');
    copyDir(FIXTURE, other);
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.rmSync(path.join(other, 'partnerships'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(other, 'partnerships'));
    const before = snapshot(tmp);
    const server = await connect(other);
    try {
      await refused(server.client, 'create_partnership', { partner: 'Anyone', types: [] }, /partnerships is a symbolic link/);
      const pipeline = await json(server.client, 'pipeline');
      assert.equal((pipeline.counts as { broken: number }).broken, 1, 'listed as broken, as the planner lists it');
    } finally {
      await server.close();
    }
    assert.deepEqual(snapshot(tmp), before);
  });

  it('starts read-only with the read tools only', async () => {
    const server = await connect(ws, ['--read-only']);
    try {
      const names = (await server.client.listTools()).tools.map((t) => t.name).sort();
      assert.deepEqual(names, ASSISTANT_TOOLS.filter((t) => !t.write).map((t) => t.name).sort());
    } finally {
      await server.close();
    }
  });

  it('refuses a workspace that is a link, or missing, with a clear message', () => {
    const link = path.join(tmp, 'link-to-workspace');
    fs.symlinkSync(ws, link);
    for (const [arg, reason] of [
      [link, /is a symbolic link/],
      [path.join(tmp, 'nope'), /does not exist/],
    ] as const) {
      const run = spawnSync(process.execPath, [SERVER, arg], { encoding: 'utf8', timeout: 30_000, input: '' });
      assert.equal(run.status, 2);
      assert.match(run.stderr, reason);
    }
    const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 30_000, input: '' });
    assert.match(none.stderr, /Give the workspace folder/);
  });
});
