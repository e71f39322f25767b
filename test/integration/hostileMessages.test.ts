import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, folder, readFile, revertAndCloseAll, until } from './helpers';
import { hostileMessages } from '../lib/hostileMessages';
import { ContextFormFromWebview } from '../../src/webview/protocol';
import { CONTEXT_LABELS } from '../../src/core/context/labels';

describe('Hostile webview messages in the real extension host', () => {
  after(revertAndCloseAll);

  it('the context form drops 10,000 random and malformed messages: no crash, no write, each logged', async function () {
    this.timeout(120_000);
    const { webviews, contexts } = await api();
    const before = await readFile(file('.claude/community-context.md'));
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri);
    await until('the form to open', () => webviews.names().includes('contextForm'));
    // A valid "cancel" or "openFile" is a real request (it closes the form or opens the file):
    // those are left out. Valid "save" messages stay in: whatever their values, labels they do
    // not name must not change, and values the same as the file's write nothing.
    const messages = hostileMessages(['ready', 'save', 'openFile', 'cancel', 'state'], 10_000, 7).filter((m) => {
      const r = ContextFormFromWebview.safeParse(m);
      return !(r.success && (r.data.type === 'cancel' || r.data.type === 'openFile' || (r.data.type === 'save' && Object.keys(r.data.values).some((k) => isLabel(k)))));
    });
    const invalid = messages.filter((m) => !ContextFormFromWebview.safeParse(m).success).length;
    const stats = webviews.stats('contextForm');
    assert.ok(stats);
    const droppedBefore = stats.dropped;
    for (const m of messages) await webviews.deliver('contextForm', m);
    // The real page sends only valid messages (its own "ready"), so every drop is a fuzz message.
    assert.strictEqual(stats.dropped - droppedBefore, invalid, 'every malformed message dropped');
    assert.ok(invalid > 9_000, `malformed: ${invalid}`);
    assert.strictEqual(stats.failed, 0, 'no handler failed');
    assert.strictEqual(await readFile(file('.claude/community-context.md')), before, 'nothing written');
    // Still working: the context reads, and the form still answers a real message.
    const c = await contexts.refresh(folder());
    assert.ok(c.state === 'ok' && c.parsed.values['Community Name'] === 'Acme Devs');
    await webviews.deliver('contextForm', { type: 'ready' });
    assert.strictEqual(webviews.stats('contextForm')?.failed, 0);
  });
});

function isLabel(k: string): boolean {
  return (CONTEXT_LABELS as readonly string[]).includes(k);
}
