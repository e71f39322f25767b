import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { api, file, until } from './helpers';
import type { PlannerApi } from '../../src/features/planner/impl';

/*
 * Lost updates: another process appends a line to a record every 10 ms while the planner logs
 * check-ins into the same file. Each write is computed from the text as it is right before the
 * write, and checked against it; no line either side wrote may go missing.
 */

const APPENDER = `
const fs = require('fs');
const target = process.argv[1];
let n = 0;
const timer = setInterval(() => { fs.appendFileSync(target, 'outside line ' + n + '\\n'); n++; }, 10);
process.stdin.on('data', () => {});
process.stdin.on('end', () => { clearInterval(timer); process.stdout.write(String(n)); });
`;

async function planner(): Promise<PlannerApi> {
  const p = await (await api()).planner();
  await p.ensureLoaded();
  return p;
}

describe('Lost updates: an outside process appends while the planner writes', () => {
  const uri = file('partnerships/race-guild.md');

  after(async () => {
    fs.rmSync(uri.fsPath, { force: true });
    const p = await planner();
    await until('the race record to go', () => !p.get(uri.toString()), 30_000);
  });

  it('15 check-ins logged while a line is appended every 10 ms: no line of either is lost', async function () {
    this.timeout(180_000);
    const p = await planner();
    fs.writeFileSync(uri.fsPath, '---\npartner: Race Guild\nstage: active\ncheckIns:\n  - date: 2026-01-01\n    notes: first\n---\n\n# Notes\n\n');
    const id = uri.toString();
    await until('the planner to list the record', () => p.get(id)?.summary.partner === 'Race Guild', 30_000);

    const child = spawn(process.execPath, ['-e', APPENDER, uri.fsPath], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // The appender is running before the first write.
    await until('the first outside line', () => fs.readFileSync(uri.fsPath, 'utf8').includes('outside line 0'), 10_000);

    const outsideLines = () => fs.readFileSync(uri.fsPath, 'utf8').split('outside line ').length - 1;
    const before = outsideLines();
    const outcomes: { ok: boolean; message?: string }[] = [];
    for (let i = 1; i <= 15; i++) {
      const outcome = (await p.logCheckIn(id, { date: `2026-02-${String(i).padStart(2, '0')}`, notes: `race check-in ${i}`, worthContinuing: 'yes' })) as { ok: boolean; message?: string };
      outcomes.push(outcome);
    }
    // The race is real only if outside lines came in while the planner wrote.
    const during = outsideLines() - before;
    child.stdin.end();
    await exited;
    const appended = Number(out);
    assert.ok(during >= 3, `the appender wrote while the planner did (${during} lines during the 15 writes, ${appended} in all)`);

    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const missingOutside = Array.from({ length: appended }, (_, k) => `outside line ${k}\n`).filter((line) => text.split(line).length !== 2);
    assert.deepStrictEqual(missingOutside, [], 'every outside line is there, once');
    const written = outcomes.map((o, i) => ({ o, i: i + 1 })).filter(({ o }) => o?.ok);
    for (const { i } of written) assert.ok(text.includes(`notes: race check-in ${i}\n`), `check-in ${i}, reported logged, is in the file`);
    for (const o of outcomes.filter((x) => !x?.ok)) assert.match(o?.message ?? '', /kept changing/, 'a write that did not go through says why');
    assert.ok(written.length >= 10, `most check-ins went through (${written.length} of 15): ${outcomes.map((o) => (o?.ok ? 'ok' : o?.message)).join(' | ')}`);
    assert.ok(text.includes('notes: first\n'), 'the first check-in is still there');

    // The planner's index follows the file: it holds every check-in that was written.
    await until('the index to hold every check-in', async () => {
      const whole = await p.open(id);
      return whole?.ok && whole.record.checkIns.length === written.length + 1;
    }, 15_000);
  });
});
