import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, openAsOnDisk, readFile, revertAndCloseAll, typeInEditor, undoInEditor, until, whenEvent, writeFile } from './helpers';
import type { BoardPanel } from '../../src/features/board/panel';
import type { BoardRow, BoardToWebview } from '../../src/features/board/protocol';
import type { Reply } from '../../src/webview/protocol';
import type { PlannerApi } from '../../src/features/planner/impl';

// The board's own records, so that no fixture record is opened here (an opened record gets the
// Markdown checks' problems, which the planner's suite counts on the fixture records).
const GUILD = 'partnerships/board-test-guild.md';
const RUST = 'partnerships/board-test-meetup.md';
const BROKEN = 'partnerships/board-test-broken.md';
const TEXTS: Record<string, string> = {
  [GUILD]: '---\npartner: Board Test Guild\ncommunity: Board Test Guild Slack\nstage: active\ntypes:\n  - co-hosted-event\nowners:\n  ours: Sam\n  theirs: Ana\nstart: 2026-01-15\nreview: 2026-07-15\ncadence: monthly\n---\n\n# Community Partnership - Acme Devs x Board Test Guild\n\n## Notes\n\n- Kick-off in January.\n',
  [RUST]: '---\npartner: Board Test Meetup\nstage: prospect\ntypes: [meetup-cross-promotion]\nowners:\n  ours: Priya\n---\n\n## Notes\n\n- Met their organiser at a conference.\n',
  [BROKEN]: '---\npartner: Board Test Broken\nstage: "active\ntypes: [co-hosted-event\n---\n',
};
const ALL = ['Board Test Guild', 'Board Test Meetup', 'Design Systems Guild', 'Rust Berlin', 'board-test-broken', 'broken-quotes'];
const idOf = (rel: string) => file(rel).toString();

async function planner(): Promise<PlannerApi> {
  const p = await (await api()).planner();
  await p.ensureLoaded();
  return p;
}

/** What the extension posted to the board's page (the rows and the replies), recorded. */
/** Opens the board, once its page's router is registered. */
async function openBoard(): Promise<{ webviews: Awaited<ReturnType<typeof api>>['webviews']; p: PlannerApi; panel: BoardPanel }> {
  const { webviews, board } = await api();
  const p = await planner();
  await vscode.commands.executeCommand('communityPartnerships.openPipelineBoard');
  const panel = await until('the board', () => board().current());
  await until('the board to be registered', () => webviews.names().includes('board'));
  return { webviews, p, panel };
}

function record(board: BoardPanel): { messages: (BoardToWebview | Reply)[]; reply(requestId: number): Promise<Reply> } {
  const messages: (BoardToWebview | Reply)[] = [];
  const webview = board.panel.webview;
  const post = webview.postMessage.bind(webview);
  webview.postMessage = (m: unknown) => {
    messages.push(m as BoardToWebview | Reply);
    return post(m);
  };
  return {
    messages,
    reply: (requestId) => until(`the reply to ${requestId}`, () => messages.find((m): m is Reply => m.type === 'reply' && m.requestId === requestId)),
  };
}

/** The rows the page would hold after these messages. */
function held(messages: (BoardToWebview | Reply)[]): Map<string, BoardRow> {
  const rows = new Map<string, BoardRow>();
  for (const m of messages) {
    if (m.type !== 'rows') continue;
    if (m.reset) rows.clear();
    for (const id of m.remove) rows.delete(id);
    for (const r of m.upsert) rows.set(r.id, r);
  }
  return rows;
}

describe('Pipeline Board in VS Code', () => {
  const originals = new Map<string, string>(Object.entries(TEXTS));

  before(async () => {
    for (const [rel, text] of originals) await writeFile(file(rel), text);
    const p = await planner();
    await until('the board’s records', () => p.query({ limit: 100 }).total === ALL.length);
  });

  afterEach(async () => {
    const { board, webviews } = await api();
    board().current()?.panel.dispose();
    await until('the board to close', () => !board().current() && !webviews.names().includes('board'));
    await revertAndCloseAll();
    for (const [rel, text] of originals) if ((await readFile(file(rel))) !== text) await writeFile(file(rel), text);
    const p = await planner();
    await until('the original records', () => p.get(idOf(GUILD))?.summary.stage === 'active' && p.get(idOf(RUST))?.summary.stage === 'prospect');
  });

  after(async () => {
    for (const rel of originals.keys()) await vscode.workspace.fs.delete(file(rel)).then(undefined, () => undefined);
    const p = await planner();
    await until('the fixture’s records alone', () => p.query({ limit: 100 }).total === 3);
  });

  it('reads the one record index the planner shows: one instance, one set of watchers', async () => {
    const { records } = await api();
    const p = await planner();
    assert.strictEqual(records(), p.service);
    assert.strictEqual(records(), records());
    // What the board reads is that instance, its records already read (no second listing).
    const reads = p.reads();
    const service = await records().loaded();
    assert.strictEqual(service, p.service);
    assert.strictEqual(p.reads(), reads);
  });

  it('opens one board in the editor area, shows it again when opened again, and sends the page every record', async function () {
    this.timeout(60_000);
    const { webviews, board } = await api();
    await planner();
    await vscode.commands.executeCommand('communityPartnerships.openPipelineBoard');
    const panel = await until('the board', () => board().current());
    await until('the board to be registered', () => webviews.names().includes('board'));
    assert.strictEqual(panel.panel.title, 'Pipeline Board');
    assert.strictEqual(panel.panel.viewType, 'communityPartnerships.board');
    const log = record(panel);
    await webviews.deliver('board', { type: 'ready', requestId: 1 });
    const init = await log.reply(1);
    assert.ok(init.ok);
    assert.deepStrictEqual(Object.keys(init.result as object).sort(), ['folder', 'prefs', 'readOnly', 'today']);
    const rows = await until('every row', () => {
      const r = held(log.messages);
      return r.size === ALL.length && r;
    });
    assert.deepStrictEqual([...rows.values()].map((r) => r.partner).sort(), ALL);
    assert.strictEqual(rows.get(idOf(GUILD))?.review, '2026-07-15');
    assert.strictEqual(rows.get(idOf(BROKEN))?.broken, true);
    // Opened again: the same panel, shown.
    await vscode.commands.executeCommand('communityPartnerships.openPipelineBoard');
    assert.strictEqual(board().current(), panel);
    const boardTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('communityPartnerships.board'));
    // Shown again is what the user sees: the board's tab active; and it is the only one.
    await whenEvent('the board’s tab, active', [vscode.window.tabGroups.onDidChangeTabs], () => boardTabs().some((t) => t.isActive));
    assert.strictEqual(boardTabs().length, 1, 'one board, not two');
    assert.strictEqual(boardTabs()[0].label, 'Pipeline Board');
  });

  it('moves a card through the protocol: only the stage line changes on disk, the editor’s Undo restores the bytes, and the page hears of it', async function () {
    this.timeout(60_000);
    const { webviews, p, panel } = await openBoard();
    const log = record(panel);
    await webviews.deliver('board', { type: 'ready', requestId: 1 });
    await until('every row', () => held(log.messages).size === ALL.length);
    const id = idOf(GUILD);
    const original = originals.get(GUILD)!;

    await webviews.deliver('board', { type: 'edit', requestId: 2, id, change: { kind: 'stage', value: 'ended' } });
    const reply = await log.reply(2);
    assert.ok(reply.ok, JSON.stringify(reply));
    const result = reply.result as { changed: boolean; inEditor: boolean; row?: BoardRow };
    assert.strictEqual(result.changed, true);
    assert.strictEqual(result.inEditor, false);
    assert.strictEqual(result.row?.stage, 'ended');
    assert.strictEqual(await readFile(file(GUILD)), original.replace('stage: active\n', 'stage: ended\n'), 'only the stage line changed, on disk');
    assert.strictEqual(p.get(id)?.summary.stage, 'ended', 'the planner’s index has it: the sidebar shows the same');
    await until('the page to hear of it', () => held(log.messages).get(id)?.stage === 'ended');

    // The file's own Undo: the change was an edit of its document.
    await undoInEditor(GUILD, original);
    await until('the index to read it', () => p.get(id)?.summary.stage === 'active');
    // The board was hidden behind the editor (its page unloaded): shown again, the page asks for
    // every row, and gets the record as it now reads.
    panel.reveal();
    await until('the page to hear of the undo', () => held(log.messages).get(id)?.stage === 'active', 20_000);
  });

  it('edits unsaved text in its editor, never over it; a record that is gone, a broken one and a malformed move are answered with the reason, nothing written', async function () {
    this.timeout(60_000);
    const { webviews, p, panel } = await openBoard();
    let log = record(panel);

    // Unsaved text in the editor: the move goes into it, and the disk is left alone.
    const editor = await openAsOnDisk(file(RUST), originals.get(RUST)!);
    const doc = editor.document;
    await typeInEditor(editor, (b) => b.insert(doc.positionAt(doc.getText().length), '\n- Unsaved note: call them on Friday.\n'));
    await webviews.deliver('board', { type: 'edit', requestId: 3, id: idOf(RUST), change: { kind: 'stage', value: 'contacted' } });
    const inEditor = await log.reply(3);
    assert.ok(inEditor.ok);
    assert.strictEqual((inEditor.result as { inEditor: boolean }).inEditor, true);
    assert.match(doc.getText(), /\nstage: contacted\n[^]*Unsaved note: call them on Friday\./, 'both the unsaved note and the move');
    assert.strictEqual(await readFile(file(RUST)), originals.get(RUST), 'the file on disk untouched');
    // Reverting closes every editor, the board too: opened again.
    await revertAndCloseAll();
    const { board } = await api();
    await until('the board to close', () => !board().current() && !webviews.names().includes('board'));
    log = record((await openBoard()).panel);
    await webviews.deliver('board', { type: 'ready', requestId: 1 });
    await until('every row', () => held(log.messages).size === ALL.length);

    // A broken record is never rewritten.
    await webviews.deliver('board', { type: 'edit', requestId: 4, id: idOf(BROKEN), change: { kind: 'stage', value: 'active' } });
    const broken = await log.reply(4);
    assert.ok(!broken.ok && broken.error.code === 'writeFailed', JSON.stringify(broken));
    assert.strictEqual(await readFile(file(BROKEN)), originals.get(BROKEN));

    // An id that is no record of the index (another file of the workspace) is refused.
    await webviews.deliver('board', { type: 'edit', requestId: 5, id: file('.claude/community-context.md').toString(), change: { kind: 'stage', value: 'active' } });
    const unknown = await log.reply(5);
    assert.ok(!unknown.ok && unknown.error.code === 'notFound', JSON.stringify(unknown));

    // Only a stage change goes through the board.
    const stats = webviews.stats('board')!;
    const dropped = stats.dropped;
    await webviews.deliver('board', { type: 'edit', requestId: 6, id: idOf(GUILD), change: { kind: 'review', value: '2030-01-01' } });
    const other = await log.reply(6);
    assert.ok(!other.ok && other.error.code === 'invalid');
    assert.strictEqual(stats.dropped, dropped + 1);
    assert.strictEqual(await readFile(file(GUILD)), originals.get(GUILD));

    // A record deleted under the board: the move is answered "not found", and the page drops the row.
    const gone = file('partnerships/gone-soon.md');
    await writeFile(gone, '---\npartner: Gone Soon\nstage: prospect\n---\n');
    await until('the new record', () => p.get(gone.toString()));
    await until('its row', () => held(log.messages).has(gone.toString()));
    await vscode.workspace.fs.delete(gone);
    await until('the record to leave the index', () => !p.get(gone.toString()));
    await webviews.deliver('board', { type: 'edit', requestId: 7, id: gone.toString(), change: { kind: 'stage', value: 'contacted' } });
    const vanished = await log.reply(7);
    assert.ok(!vanished.ok && vanished.error.code === 'notFound');
    await until('the row to go', () => !held(log.messages).has(gone.toString()));
    assert.strictEqual(stats.failed, 0, 'no handler failed');
  });

  it('remembers the view and the sort per workspace, checked on arrival', async function () {
    this.timeout(30_000);
    const { webviews, board } = await api();
    await vscode.commands.executeCommand('communityPartnerships.openPipelineBoard');
    const panel = await until('the board', () => board().current());
    await until('the board to be registered', () => webviews.names().includes('board'));
    await webviews.deliver('board', { type: 'prefs', prefs: { view: 'table', sort: { key: 'score', dir: 'desc' } } });
    assert.deepStrictEqual(panel.prefs(), { view: 'table', sort: { key: 'score', dir: 'desc' } });
    await webviews.deliver('board', { type: 'prefs', prefs: { view: 'gallery' } });
    assert.deepStrictEqual(panel.prefs(), { view: 'table', sort: { key: 'score', dir: 'desc' } }, 'a view that does not exist is dropped');
    await webviews.deliver('board', { type: 'prefs', prefs: { view: 'board' } });
    assert.deepStrictEqual(panel.prefs(), { view: 'board' });
  });

  it('adopts a panel VS Code restores after a reload', async function () {
    this.timeout(30_000);
    const { webviews, board } = await api();
    const restored = vscode.window.createWebviewPanel('communityPartnerships.board', 'Old title', vscode.ViewColumn.One, { enableScripts: true });
    const panel = board().restore(restored);
    assert.strictEqual(panel.panel, restored);
    assert.strictEqual(restored.title, 'Pipeline Board');
    await until('the board to be registered', () => webviews.names().includes('board'));
    assert.strictEqual(board().current(), panel);
  });
});
