import * as assert from 'node:assert';
import { BoardFromWebview, BoardPrefsSchema } from '../../src/features/board/protocol';
import { STAGES } from '../../src/core/records';

const ok = (m: unknown) => BoardFromWebview.safeParse(m).success;

describe('board protocol: what the page may send', () => {
  const id = 'file:///w/partnerships/guild.md';

  it('takes a move to any stage of the model, and nothing but a stage change', () => {
    for (const s of STAGES) assert.ok(ok({ type: 'edit', requestId: 1, id, change: { kind: 'stage', value: s } }), s);
    assert.ok(!ok({ type: 'edit', requestId: 1, id, change: { kind: 'stage', value: 'archived' } }));
    assert.ok(!ok({ type: 'edit', requestId: 1, id, change: { kind: 'stage', value: 'Active' } }), 'the vocabulary as written');
    assert.ok(!ok({ type: 'edit', requestId: 1, id, change: { kind: 'review', value: '2026-01-01' } }), 'the planner’s other changes are not the board’s');
    assert.ok(!ok({ type: 'edit', requestId: 1, change: { kind: 'stage', value: 'active' } }), 'an id is needed');
    assert.ok(!ok({ type: 'edit', requestId: 1, id: 'x'.repeat(4_001), change: { kind: 'stage', value: 'active' } }), 'an id of any length is not');
    assert.ok(!ok({ type: 'edit', requestId: -1, id, change: { kind: 'stage', value: 'active' } }));
  });

  it('keeps the view and sort only as the board knows them', () => {
    assert.ok(BoardPrefsSchema.safeParse({ view: 'table', sort: { key: 'nextCheckIn', dir: 'desc' } }).success);
    assert.ok(BoardPrefsSchema.safeParse({ view: 'board' }).success);
    assert.ok(!BoardPrefsSchema.safeParse({ view: 'gallery' }).success);
    assert.ok(!BoardPrefsSchema.safeParse({ view: 'table', sort: { key: 'constructor', dir: 'asc' } }).success);
    assert.ok(!BoardPrefsSchema.safeParse({ view: 'table', sort: { key: 'score', dir: 'sideways' } }).success);
    assert.ok(ok({ type: 'prefs', prefs: { view: 'table' } }), 'a notice without a request id');
    assert.ok(!ok({ type: 'run', requestId: 2, command: 'exportReport' }), 'only the board’s own commands');
    assert.ok(ok({ type: 'run', requestId: 2, command: 'newPartnership' }));
    assert.ok(!ok({ type: 'delete', requestId: 3, id }));
    assert.ok(!ok(null) && !ok('ready') && !ok({ type: 'ready', requestId: '1' }));
  });
});
