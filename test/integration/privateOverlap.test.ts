import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, readFile, revertAndCloseAll, writeFile } from './helpers';
import { parseRecord } from '../../src/core/records';

// Runs in the Node extension host (the maths on worker threads) and in the web worker host (on
// its own thread in batches): the same commands, the same counts.
const GUILD = 'partnerships/design-systems-guild.md';
const RUST = 'partnerships/rust-berlin.md';
const idOf = (rel: string) => file(rel).toString();

async function lastMetric(rel: string) {
  const parsed = parseRecord(await readFile(file(rel)));
  assert.ok(parsed.ok, `${rel} reads`);
  return parsed.record.metrics[parsed.record.metrics.length - 1];
}

async function exists(rel: string): Promise<boolean> {
  return vscode.workspace.fs.stat(file(rel)).then(
    () => true,
    () => false,
  );
}

describe('Private overlap in VS Code', function () {
  this.timeout(300_000);
  const originals = new Map<string, string>();
  // Ours: 60 members (and a repeat, and a bad row); the partner: 45, one email a line; 17 in both.
  const ours = Array.from({ length: 60 }, (_, i) => `member${i}@ours.example`);
  const theirs = [...Array.from({ length: 28 }, (_, i) => `someone${i}@theirs.example`), ...Array.from({ length: 17 }, (_, i) => `MEMBER${i * 3}@ours.example`)];

  before(async () => {
    for (const rel of [GUILD, RUST]) originals.set(rel, await readFile(file(rel)));
    await writeFile(file('exports/psi-ours.csv'), `Name,Email\n${ours.map((e, i) => `Person ${i},${e}`).join('\n')}\nAgain,${ours[0]}\nBroken,not-an-email\n`);
    await writeFile(file('exports/psi-theirs.txt'), `${theirs.join('\n')}\n`);
    await (await api()).planner().then((p) => p.ensureLoaded());
  });

  after(async () => {
    await revertAndCloseAll();
    for (const [rel, text] of originals) if ((await readFile(file(rel))) !== text) await writeFile(file(rel), text);
    await vscode.workspace.fs.delete(file('exports'), { recursive: true }).then(undefined, () => undefined);
  });

  it('Start, Answer and Finish Private Overlap: both partnerships end with exactly the members in both, logged as member-overlap by private set intersection', async () => {
    const run = vscode.commands.executeCommand;
    const started = (await run('communityPartnerships.startPrivateOverlap', idOf(GUILD), { members: 'exports/psi-ours.csv', mapping: { email: 'Email' }, output: 'exports/psi-start.json' })) as { run: string; members: number; skipped: number };
    assert.deepStrictEqual([started.members, started.skipped], [60, 1]);
    const answered = (await run('communityPartnerships.answerPrivateOverlap', idOf(RUST), { received: 'exports/psi-start.json', members: 'exports/psi-theirs.txt', mapping: { email: theirs[0] }, output: 'exports/psi-answer.json' })) as { run: string; members: number };
    assert.deepStrictEqual([answered.run, answered.members], [started.run, 45]);

    const mine = (await run('communityPartnerships.finishPrivateOverlap', idOf(GUILD), { received: 'exports/psi-answer.json', output: 'exports/psi-result.json', date: '2026-12-01', setScore: true })) as { shared: number; ours: number; theirs: number; score: number; role: string };
    assert.deepStrictEqual([mine.role, mine.shared, mine.ours, mine.theirs, mine.score], ['start', 17, 60, 45, 5]);
    const partner = (await run('communityPartnerships.finishPrivateOverlap', idOf(RUST), { received: 'exports/psi-result.json', date: '2026-12-01', setScore: false })) as { shared: number; ours: number; theirs: number; agreed: boolean; role: string };
    assert.deepStrictEqual([partner.role, partner.shared, partner.ours, partner.theirs, partner.agreed], ['answer', 17, 45, 60, true]);

    // Each record names the files its count came from, as the other measures do.
    for (const [rel, source] of [[GUILD, 'psi-answer.json'], [RUST, 'psi-answer.json, psi-result.json']]) {
      const m = await lastMetric(rel);
      assert.deepStrictEqual({ date: m.date, metric: m.metric, value: m.value, source: m.source }, { date: '2026-12-01', metric: 'member-overlap', value: 17, source });
      assert.match(m.note ?? '', /by private set intersection$/);
    }
    for (const rel of ['exports/psi-start.json', 'exports/psi-answer.json', 'exports/psi-result.json']) {
      const text = await readFile(file(rel));
      assert.ok(!text.includes('@') && !/member\d|someone/i.test(text), `${rel} holds no email`);
    }
    // The secret is gone once the run is finished: the same answer cannot be finished twice.
    const again = await run('communityPartnerships.finishPrivateOverlap', idOf(GUILD), { received: 'exports/psi-answer.json', output: 'exports/psi-result-2.json', date: '2026-12-01', setScore: false });
    assert.strictEqual(again, undefined);
    assert.ok(!(await exists('exports/psi-result-2.json')));
  });

  it('refuses a start file of another protocol version, with the reason, and writes nothing', async () => {
    const start = JSON.parse(await readFile(file('exports/psi-start.json'))) as Record<string, unknown>;
    await writeFile(file('exports/psi-start-v9.json'), JSON.stringify({ ...start, format: 9 }));
    const answered = await vscode.commands.executeCommand('communityPartnerships.answerPrivateOverlap', idOf(RUST), { received: 'exports/psi-start-v9.json', members: 'exports/psi-theirs.txt', mapping: { email: theirs[0] }, output: 'exports/psi-answer-v9.json' });
    assert.strictEqual(answered, undefined);
    assert.ok(!(await exists('exports/psi-answer-v9.json')));
  });
});
