import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as vscode from 'vscode';
import { api, file, folder, readFile, revertAndCloseAll, until } from './helpers';
import { hostileMessages } from '../lib/hostileMessages';
import { AgreementFromWebview } from '../../src/features/agreement/protocol';
import { BoardFromWebview } from '../../src/features/board/protocol';
import { ContextFormFromWebview } from '../../src/features/contextForm/protocol';
import { PITCH_ACTIONS, PitchFromWebview } from '../../src/features/pitch/protocol';
import { PlannerFromWebview } from '../../src/features/planner/protocol';
import { CONTEXT_LABELS } from '../../src/core/context/labels';
import { emptyAgreement } from '../../src/core/agreement';
import type { PitchPanelHandle } from '../../src/features/pitch/impl';
import type { AgreementPanelHandle } from '../../src/features/agreement/impl';

describe('Hostile webview messages in the real extension host', () => {
  beforeEach(revertAndCloseAll);
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
    // A valid "draft" keeps what the user typed (in workspace storage, never a file): left out too.
    const messages = hostileMessages(['ready', 'save', 'openFile', 'cancel', 'state', 'draft'], 10_000, 7).filter((m) => {
      const r = ContextFormFromWebview.safeParse(m);
      return !(r.success && (r.data.type === 'cancel' || r.data.type === 'openFile' || r.data.type === 'draft' || (r.data.type === 'save' && Object.keys(r.data.values).some((k) => isLabel(k)))));
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
  const text = fc.oneof(fc.string(), fc.constantFrom('<img src=x onerror="globalThis.__pwned=1">', 'javascript:alert(1)', '</style>', ''));
  const date = fc.constantFrom('2026-03-01', '2026-13-45', '2026-3-1', '');

  it('the pitch panel drops 10,000 random and malformed messages: no crash, no write, nothing opened, each logged', async function () {
    this.timeout(180_000);
    const { webviews } = await api();
    const handle = await vscode.commands.executeCommand<PitchPanelHandle>('communityPartnerships.draftPitch');
    await until('the pitch panel to open', () => webviews.names().includes('pitch') && openThings().tabs.includes('Draft Outreach Pitch'));
    try {
      await fuzz({
        name: 'pitch',
        schema: PitchFromWebview,
        types: ['ready', 'openContext', 'action', 'draft'],
        fields: {
          action: fc.constantFrom(...PITCH_ACTIONS, 'runShell', 'open'),
          subject: text,
          body: text,
          markdown: text,
          to: text,
          requestId: fc.oneof(fc.integer(), fc.constant(undefined)),
          draft: fc.oneof(fc.constant(null), fc.anything(), fc.record({ variant: fc.constantFrom('classic', 'cold', 'sneaky'), values: fc.dictionary(fc.string(), text), overridden: fc.array(fc.string()) })),
        },
        // Every valid action places the pitch somewhere (an editor, the clipboard, a mail app); opening the context opens a file;
        // a valid draft is what the user typed, kept for them.
        isUserAction: (m) => m.type === 'action' || m.type === 'openContext' || m.type === 'draft',
        seed: 11,
      });
      // Still working: the panel answers a real message with the context.
      await webviews.deliver('pitch', { type: 'ready' });
      assert.strictEqual(webviews.stats('pitch')?.failed, 0);
    } finally {
      handle.panel.dispose();
    }
  });

  it('the agreement checklist drops 10,000 random and malformed messages: no crash, no write, nothing opened, the stored checklist unchanged', async function () {
    this.timeout(180_000);
    const { webviews } = await api();
    const handle = await vscode.commands.executeCommand<AgreementPanelHandle>('communityPartnerships.openAgreement');
    await until('the checklist to open', () => webviews.names().includes('agreement') && openThings().tabs.includes('Partnership Agreement'));
    const checklist = fc.record({
      state: fc.oneof(fc.constant(emptyAgreement()), fc.record({ duration: text, metrics: fc.anything(), practices: fc.dictionary(fc.string(), fc.boolean()) }, { requiredKeys: [] })),
      sides: fc.record({ yours: text, theirs: text }, { requiredKeys: [] }),
    });
    const stored = JSON.stringify(handle.stored());
    try {
      await fuzz({
        name: 'agreement',
        schema: AgreementFromWebview,
        types: ['ready', 'openContext', 'update', 'generate', 'reset'],
        fields: { checklist, target: fc.constantFrom('untitled', 'file', '../../etc/passwd') },
        // Saving the checklist, generating, clearing (a modal question) and opening the context are the user's to do.
        isUserAction: (m) => m.type !== 'ready',
        seed: 12,
      });
      await webviews.deliver('agreement', { type: 'ready' });
      assert.strictEqual(webviews.stats('agreement')?.failed, 0);
      assert.strictEqual(JSON.stringify(handle.stored()), stored, 'the stored checklist unchanged');
    } finally {
      handle.panel.dispose();
    }
  });

  it('the planner view drops 10,000 random and malformed messages: no crash, no write, nothing opened, the records still listed', async function () {
    this.timeout(180_000);
    const { webviews, planner } = await api();
    const p = await planner();
    await vscode.commands.executeCommand('communityPartnerships.openPlanner');
    await until('the planner view to open', () => webviews.names().includes('planner'), 30_000);
    const records = p.query({ limit: 100 }).items.map((s) => s.id);
    assert.strictEqual(records.length, 3);
    // Ids that name files but no record: the context file, a path outside the workspace.
    const id = fc.oneof(fc.string(), fc.constantFrom(file('.claude/community-context.md').toString(), file('partnerships').toString(), 'file:///etc/passwd', file('partnerships/../.claude/community-context.md').toString()));
    try {
      await fuzz({
        name: 'planner',
        schema: PlannerFromWebview,
        types: ['ready', 'query', 'select', 'open', 'edit', 'undo', 'run', 'readCount'],
        fields: {
          id,
          text: fc.oneof(text, fc.constantFrom('about 12.5k members', '3-5k', 'x'.repeat(201))),
          requestId: fc.oneof(fc.integer(), fc.constant(undefined), fc.string()),
          offset: fc.integer({ min: -1, max: 5 }),
          limit: fc.integer({ min: 0, max: 101 }),
          stage: fc.constantFrom('prospect', 'active', 'broken', 'deleted'),
          partnershipType: fc.oneof(text, fc.constantFrom('co-hosted-event', 'podcast-video')),
          owner: text,
          change: fc.oneof(
            fc.anything(),
            fc.record({ kind: fc.constantFrom('stage', 'score', 'review', 'editMetric', 'deleteCheckIn', 'types', 'explode'), value: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(null), text, date, fc.array(text)), criterion: fc.constantFrom('audienceOverlap', 'charm'), index: fc.integer({ min: -1, max: 3 }), was: fc.anything(), entry: fc.anything() }, { requiredKeys: ['kind'] }),
          ),
          command: fc.constantFrom('newPartnership', 'exportReport', 'openContext', 'getStarted', 'rm'),
        },
        // A valid message about a record the index holds changes or opens it; "run" starts a
        // command; "undo" takes back a change the user made.
        isUserAction: (m) => m.type === 'run' || m.type === 'undo' || ('id' in m && records.includes(m.id)),
        seed: 13,
      });
      // Still working: the same records, and the view answers a real query.
      assert.deepStrictEqual(p.query({ limit: 100 }).items.map((s) => s.id), records);
      await webviews.deliver('planner', { type: 'query', requestId: 1, offset: 0, limit: 10 });
      assert.strictEqual(webviews.stats('planner')?.failed, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });

  it('the pipeline board drops 10,000 random and malformed messages: no crash, no write, nothing opened, the records still listed', async function () {
    this.timeout(180_000);
    const { webviews, planner, board } = await api();
    const p = await planner();
    await vscode.commands.executeCommand('communityPartnerships.openPipelineBoard');
    await until('the board to open', () => webviews.names().includes('board') && openThings().tabs.includes('Pipeline Board'), 30_000);
    const records = p.query({ limit: 100 }).items.map((s) => s.id);
    assert.strictEqual(records.length, 3);
    const id = fc.oneof(fc.string(), fc.constantFrom(...records, file('.claude/community-context.md').toString(), file('partnerships').toString(), 'file:///etc/passwd', file('partnerships/../.claude/community-context.md').toString()));
    const stored = JSON.stringify(board().current()?.prefs());
    try {
      await fuzz({
        name: 'board',
        schema: BoardFromWebview,
        types: ['ready', 'edit', 'open', 'prefs', 'run'],
        fields: {
          id,
          requestId: fc.oneof(fc.integer(), fc.constant(undefined), fc.string()),
          change: fc.oneof(
            fc.anything(),
            fc.record({ kind: fc.constantFrom('stage', 'review', 'score', 'types', '__proto__'), value: fc.oneof(fc.constantFrom('prospect', 'ended', 'archived', 'ACTIVE'), fc.integer(), fc.constant(null), text, date) }, { requiredKeys: ['kind'] }),
          ),
          prefs: fc.oneof(fc.anything(), fc.record({ view: fc.constantFrom('board', 'table', 'gallery', ''), sort: fc.oneof(fc.anything(), fc.record({ key: fc.constantFrom('partner', 'score', 'constructor'), dir: fc.constantFrom('asc', 'desc', 'up') })) }, { requiredKeys: [] })),
          command: fc.constantFrom('newPartnership', 'openPlanner', 'exportReport', 'rm'),
        },
        // A valid move or open of a record the index holds changes or opens it; "run" starts a
        // command; a valid "prefs" is the user's choice of view, kept for them.
        isUserAction: (m) => m.type === 'run' || m.type === 'prefs' || ('id' in m && records.includes(m.id)),
        seed: 14,
      });
      // Still working: the same records, the stored choice unchanged, and a real request answered.
      assert.deepStrictEqual(p.query({ limit: 100 }).items.map((s) => s.id), records);
      assert.strictEqual(JSON.stringify(board().current()?.prefs()), stored);
      await webviews.deliver('board', { type: 'ready', requestId: 1 });
      assert.strictEqual(webviews.stats('board')?.failed, 0);
    } finally {
      board().current()?.panel.dispose();
    }
  });
});

function isLabel(k: string): boolean {
  return (CONTEXT_LABELS as readonly string[]).includes(k);
}

/** Every file under the workspace folder, path → bytes (hex), to show a fuzz wrote nothing. */
function workspaceBytes(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(path.relative(folder().uri.fsPath, p), fs.readFileSync(p).toString('hex'));
      else if (e.isSymbolicLink()) out.set(path.relative(folder().uri.fsPath, p), 'link:' + fs.readlinkSync(p));
    }
  };
  walk(folder().uri.fsPath);
  return out;
}

/** The documents and editor tabs that are open: a fuzz must not add any. */
function openThings(): { untitled: string[]; documents: string[]; tabs: string[] } {
  return {
    untitled: vscode.workspace.textDocuments.filter((d) => d.isUntitled && !d.isClosed).map((d) => d.uri.toString()),
    documents: vscode.workspace.textDocuments.filter((d) => !d.isClosed && d.uri.scheme === 'file').map((d) => d.uri.toString()).sort(),
    tabs: vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)),
  };
}

interface Fuzz<T> {
  /** The name the webview is registered under in the extension API. */
  name: string;
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } };
  types: readonly string[];
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** A valid message the user would only send on purpose (it writes, opens or asks): left out. */
  isUserAction(message: T): boolean;
  seed: number;
}

/** Delivers 10,000 hostile messages to an open webview's real handler; returns how many were malformed. */
async function fuzz<T>(f: Fuzz<T>): Promise<number> {
  const { webviews } = await api();
  const messages = hostileMessages(f.types, 10_000, f.seed, f.fields).filter((m) => {
    const r = f.schema.safeParse(m);
    return !(r.success && f.isUserAction(r.data));
  });
  const invalid = messages.filter((m) => !f.schema.safeParse(m).success).length;
  const stats = webviews.stats(f.name);
  assert.ok(stats, `${f.name} is registered`);
  const droppedBefore = stats.dropped;
  const failedBefore = stats.failed;
  const bytes = workspaceBytes();
  const open = openThings();
  for (const m of messages) await webviews.deliver(f.name, m);
  // Anything a handler started in the background gets a moment to show itself.
  await new Promise((r) => setTimeout(r, 500));
  // The real page sends only valid messages, so every drop is a fuzz message.
  assert.strictEqual(stats.dropped - droppedBefore, invalid, 'every malformed message dropped, and only those');
  assert.ok(invalid > 8_000, `malformed: ${invalid} of ${messages.length}`);
  assert.strictEqual(stats.failed - failedBefore, 0, 'no handler failed');
  assert.deepStrictEqual(workspaceBytes(), bytes, 'no file in the workspace changed');
  // Only what is new counts: a document the extension read earlier may be released meanwhile
  // (VS Code 1.139 releases one while the fuzz runs).
  const now = openThings();
  const added = (k: keyof typeof now) => now[k].filter((x) => !open[k].includes(x));
  assert.deepStrictEqual({ untitled: added('untitled'), documents: added('documents'), tabs: added('tabs') }, { untitled: [], documents: [], tabs: [] }, 'no document or editor opened');
  assert.ok(now.tabs.length <= open.tabs.length, `no editor tab opened: ${now.tabs.join(', ')}`);
  return invalid;
}
