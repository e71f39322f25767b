import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, readFile, until } from '../integration/helpers';
import type { Reply } from '../../src/webview/protocol';

describe('Restricted Mode: the Pipeline Board', () => {
  it('shows the records, says moves are not written, and answers a move with the reason, the file unchanged', async function () {
    this.timeout(60_000);
    const { webviews, board, planner } = await api();
    const p = await planner();
    await p.ensureLoaded();
    await vscode.commands.executeCommand('communityPartnerships.openPipelineBoard');
    const panel = await until('the board', () => board().current());
    await until('the board to be registered', () => webviews.names().includes('board'));
    const replies: Reply[] = [];
    const webview = panel.panel.webview;
    const post = webview.postMessage.bind(webview);
    webview.postMessage = (m: unknown) => {
      if ((m as Reply).type === 'reply') replies.push(m as Reply);
      return post(m);
    };
    const reply = (id: number) => until(`the reply to ${id}`, () => replies.find((r) => r.requestId === id));
    try {
      await webviews.deliver('board', { type: 'ready', requestId: 1 });
      const init = await reply(1);
      assert.ok(init.ok && (init.result as { readOnly: boolean }).readOnly === true, 'the page is told it is read-only');
      const guild = file('partnerships/design-systems-guild.md');
      const before = await readFile(guild);
      assert.ok(p.get(guild.toString()), 'the record is listed');
      await webviews.deliver('board', { type: 'edit', requestId: 2, id: guild.toString(), change: { kind: 'stage', value: 'ended' } });
      const move = await reply(2);
      assert.ok(!move.ok && move.error.code === 'readOnly', JSON.stringify(move));
      assert.match(move.error.message, /Restricted Mode/);
      assert.strictEqual(await readFile(guild), before, 'nothing written');
    } finally {
      panel.panel.dispose();
    }
  });
});
