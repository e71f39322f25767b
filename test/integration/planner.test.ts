import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file, folder, openAsOnDisk, readFile, revertAndCloseAll, typeInEditor, undoInEditor, until, writeFile } from './helpers';
import { newRecordText } from '../../src/core/records/newRecord';
import { parseContext } from '../../src/core/context';
import { localToday } from '../../src/core/dates';
import type { PlannerApi } from '../../src/features/planner/impl';

const GUILD = 'partnerships/design-systems-guild.md';
const BROKEN = 'partnerships/broken-quotes.md';

async function planner(): Promise<PlannerApi> {
  const p = await (await api()).planner();
  await p.ensureLoaded();
  return p;
}

const idOf = (rel: string) => file(rel).toString();

/** The planner's index and its view, opened as the user opens it. */
async function plannerView() {
  const p = await planner();
  const { webviews } = await api();
  await vscode.commands.executeCommand('communityPartnerships.openPlanner');
  await until('the planner view to open', () => webviews.names().includes('planner'), 30_000);
  return { p, webviews };
}

describe('Sidebar planner in VS Code', () => {
  const originals = new Map<string, string>();
  const created: vscode.Uri[] = [];

  before(async () => {
    for (const rel of [GUILD, BROKEN]) originals.set(rel, await readFile(file(rel)));
  });

  afterEach(async () => {
    await revertAndCloseAll();
    for (const [rel, text] of originals) if ((await readFile(file(rel))) !== text) await writeFile(file(rel), text);
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    const p = await planner();
    await until('the original records', () => p.get(idOf(GUILD))?.summary.stage === 'active' && p.query().total === 3);
  });

  it('lists the records of the partnerships folder, a malformed one as broken with a diagnostic on its line', async () => {
    const p = await planner();
    const all = p.query({ limit: 100 });
    assert.deepStrictEqual(all.items.map((s) => s.partner), ['broken-quotes', 'Design Systems Guild', 'Rust Berlin']);
    const broken = all.items.find((s) => s.id === idOf(BROKEN));
    assert.ok(broken?.broken, 'listed as broken');
    assert.match(broken.problem ?? '', /not valid YAML/);
    assert.deepStrictEqual(p.counts(), { prospect: 1, contacted: 0, agreed: 0, active: 1, ended: 0, broken: 1 });
    const diags = await until('the diagnostic', () => {
      const d = vscode.languages.getDiagnostics(file(BROKEN));
      return d.length > 0 && d;
    });
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diags[0].range.start.line, 4, 'on the line where the YAML breaks');
    assert.strictEqual(vscode.languages.getDiagnostics(file(GUILD)).length, 0);
    // The guild's last check-in was 2026-02-15, monthly: overdue.
    assert.deepStrictEqual(p.overdue().map((s) => s.partner), ['Design Systems Guild']);
    assert.strictEqual(p.query({ owner: 'priya' }).items[0]?.partner, 'Rust Berlin');
    assert.strictEqual(p.query({ type: 'co-hosted-event' }).total, 1);
  });

  it('New Partnership writes the record from the template and never overwrites one', async () => {
    const p = await planner();
    const options = { partner: 'Night Owls Collective', community: 'Night Owls Discord', types: ['co-hosted-event', 'newsletter-cross-promotion'] };
    const uri = (await vscode.commands.executeCommand('communityPartnerships.newPartnership', folder().uri, options)) as vscode.Uri;
    created.push(file('partnerships/night-owls-collective.md'));
    assert.strictEqual(uri.toString(), file('partnerships/night-owls-collective.md').toString());
    const context = parseContext(await readFile(file('.claude/community-context.md'))).values;
    const expected = newRecordText({ partner: options.partner, community: options.community, types: ['co-hosted-event', 'newsletter-cross-promotion'], today: localToday(), ourName: 'Acme Devs', context });
    assert.strictEqual(await readFile(uri), expected);
    assert.ok(expected.includes('## Pitch') && expected.includes('## Agreement') && expected.includes('### Co-hosted event'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'opened in the editor');
    await until('the new record in the index', () => p.get(uri.toString())?.summary.stage === 'prospect');

    const second = (await vscode.commands.executeCommand('communityPartnerships.newPartnership', folder().uri, options)) as vscode.Uri;
    created.push(file('partnerships/night-owls-collective-2.md'));
    assert.strictEqual(second.toString(), file('partnerships/night-owls-collective-2.md').toString());
    assert.strictEqual(await readFile(uri), expected, 'the first record untouched');
  });

  it('follows an edit on disk: one changed file costs one read, no rescan', async () => {
    const p = await planner();
    await new Promise((r) => setTimeout(r, 300)); // let events of earlier tests settle
    const before = p.reads();
    await writeFile(file(GUILD), originals.get(GUILD)!.replace('stage: active', 'stage: ended').replace('partner: Design Systems Guild', 'partner: Design Systems Guild Renamed'));
    await until('the changed record', () => p.get(idOf(GUILD))?.summary.stage === 'ended');
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(p.reads() - before, 1, 'one read');
    assert.strictEqual(p.query({ text: 'renamed' }).total, 1);
    assert.deepStrictEqual(p.overdue(), [], 'an ended partnership has no check-in due');
  });

  it('counts an open editor’s unsaved text, and the disk again once it is reverted', async () => {
    const p = await planner();
    const editor = await openAsOnDisk(file(GUILD), originals.get(GUILD)!);
    const doc = editor.document;
    const line = doc.getText().split('\n').indexOf('stage: active');
    await typeInEditor(editor, (e) => e.replace(doc.lineAt(line).range, 'stage: agreed'));
    await until('the unsaved stage', () => p.get(idOf(GUILD))?.summary.stage === 'agreed');
    await revertAndCloseAll();
    await until('the saved stage', () => p.get(idOf(GUILD))?.summary.stage === 'active');
  });

  it('Log Metric, Log Check-in and a stage change edit a dirty editor through the editor, never the disk', async () => {
    const p = await planner();
    const editor = await openAsOnDisk(file(GUILD), originals.get(GUILD)!);
    const doc = editor.document;
    await typeInEditor(editor, (e) => e.insert(doc.positionAt(doc.getText().length), '\n- Unsaved thought about the next swap.\n'));

    const metric = (await vscode.commands.executeCommand('communityPartnerships.logMetric', idOf(GUILD), { metric: 'event-attendance', value: '45%', date: '2026-04-20' })) as { ok: boolean };
    assert.ok(metric?.ok, 'metric written');
    const checkIn = (await vscode.commands.executeCommand('communityPartnerships.logCheckIn', idOf(GUILD), { date: '2026-04-21', notes: 'Workshop went well.', worthContinuing: 'yes' })) as { ok: boolean };
    assert.ok(checkIn?.ok, 'check-in written');
    const stage = (await p.setStage(idOf(GUILD), 'ended')) as { ok: boolean };
    assert.ok(stage.ok);

    const text = doc.getText();
    assert.ok(doc.isDirty, 'still unsaved: the user saves');
    assert.ok(text.includes('- Unsaved thought about the next swap.'), 'the unsaved edit is kept');
    assert.ok(text.includes('  - date: 2026-04-20\n    metric: event-attendance\n    value: 45\n'), 'metric appended after the last entry');
    assert.match(text, /\n  - date: 2026-04-21\n    notes: Workshop went well\.\n    worthContinuing: '?yes'?\n/, 'check-in appended');
    assert.ok(text.includes('stage: ended\n'));
    assert.strictEqual(await readFile(file(GUILD)), originals.get(GUILD), 'the disk is untouched');
    // What the editor holds is what the planner shows.
    assert.strictEqual(p.get(idOf(GUILD))?.summary.stage, 'ended');
    const record = await p.open(idOf(GUILD));
    assert.ok(record?.ok);
    assert.strictEqual(record.record.stage, 'ended');
    assert.strictEqual(record.record.metrics.length, 2);
    assert.strictEqual(record.record.checkIns.length, 2);
  });

  it('writes to the file when no editor has unsaved changes, keeping every other byte', async () => {
    const p = await planner();
    const result = (await p.setStage(idOf(GUILD), 'agreed')) as { ok: boolean };
    assert.ok(result.ok);
    assert.strictEqual(await readFile(file(GUILD)), originals.get(GUILD)!.replace('stage: active\n', 'stage: agreed\n'));
    assert.strictEqual(p.get(idOf(GUILD))?.summary.stage, 'agreed');
    // A broken record is never rewritten.
    const broken = (await p.setStage(idOf(BROKEN), 'active')) as { ok: boolean; message?: string };
    assert.strictEqual(broken.ok, false);
    assert.strictEqual(await readFile(file(BROKEN)), originals.get(BROKEN));
  });

  it('the view edits in place through the file’s document: its editor’s Undo and the view’s Undo both take a change back', async function () {
    this.timeout(60_000);
    const { p, webviews } = await plannerView();
    const id = idOf(GUILD);
    const original = originals.get(GUILD)!;
    const send = (m: object) => webviews.deliver('planner', { requestId: 1, ...m });
    try {
      await send({ type: 'edit', id, change: { kind: 'stage', value: 'ended' } });
      assert.strictEqual(await readFile(file(GUILD)), original.replace('stage: active\n', 'stage: ended\n'), 'only the stage line changed, on disk');
      // The editor's own Undo takes it back.
      await undoInEditor(GUILD, original);
      await until('the saved stage', () => p.get(id)?.summary.stage === 'active');
      await revertAndCloseAll();

      // The view's Undo: three changes, taken back latest first.
      await send({ type: 'edit', id, change: { kind: 'review', value: '2026-08-01' } });
      await send({ type: 'edit', id, change: { kind: 'partnerSize', value: 15000 } });
      const parsed = await p.open(id);
      assert.ok(parsed?.ok);
      await send({ type: 'edit', id, change: { kind: 'deleteCheckIn', index: 0, was: parsed.record.checkIns[0] } });
      let text = await readFile(file(GUILD));
      assert.match(text, /\nreview: 2026-08-01\n/);
      assert.match(text, /\npartnerSize: 15000\n/);
      assert.ok(!text.includes('First swap went out'), 'the check-in is deleted');
      await send({ type: 'undo' });
      text = await readFile(file(GUILD));
      assert.ok(text.includes('First swap went out'), 'the check-in is back');
      assert.match(text, /\npartnerSize: 15000\n/, 'the earlier changes stay');
      await send({ type: 'undo' });
      await send({ type: 'undo' });
      assert.strictEqual(await readFile(file(GUILD)), original, 'every byte as it was');

      // A stale entry (the file changed under the view) is never edited: the file stays.
      await send({ type: 'edit', id, change: { kind: 'editMetric', index: 0, was: { date: '2026-02-20', metric: 'cross-community-joins', value: 84 }, entry: { date: '2026-02-20', metric: 'cross-community-joins', value: 1 } } });
      assert.strictEqual(await readFile(file(GUILD)), original);
      // An edit of a measurement as shown is written in place.
      await send({ type: 'edit', id, change: { kind: 'editMetric', index: 0, was: parsed.record.metrics[0], entry: { ...parsed.record.metrics[0], value: 90 } } });
      assert.strictEqual(await readFile(file(GUILD)), original.replace('    value: 85\n', '    value: 90\n'));
      assert.strictEqual(webviews.stats('planner')?.failed, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });

  it('measurements logged in quick succession, the record open in an editor, are all written and saved', async function () {
    this.timeout(60_000);
    const { p, webviews } = await plannerView();
    const id = idOf(GUILD);
    const failedBefore = webviews.stats('planner')?.failed ?? 0;
    // As after New Partnership: the record's editor is open, and each change is saved through it.
    await vscode.window.showTextDocument(file(GUILD), { preview: false });
    const send = (m: object) => webviews.deliver('planner', { requestId: 1, ...m });
    const entry = (n: number) => ({ date: `2026-11-${String(n + 1).padStart(2, '0')}`, metric: 'cross-community-joins', value: 100 + n });
    try {
      // Two at a time, the second sent before the first is answered, as a quick user does.
      for (let n = 0; n < 8; n += 2) await Promise.all([send({ type: 'edit', id, change: { kind: 'addMetric', entry: entry(n) } }), send({ type: 'edit', id, change: { kind: 'addMetric', entry: entry(n + 1) } })]);
      const text = await readFile(file(GUILD));
      for (let n = 0; n < 8; n++) assert.ok(text.includes(`- date: ${entry(n).date}\n    metric: cross-community-joins\n    value: ${100 + n}\n`), `measurement ${n} is in the file`);
      assert.strictEqual(vscode.workspace.textDocuments.find((d) => d.uri.toString() === id)?.isDirty, false, 'saved');
      assert.strictEqual(webviews.stats('planner')?.failed, failedBefore, 'no write failed');
      const record = await p.open(id);
      assert.ok(record?.ok);
      // The fixture's one measurement and the eight new ones, in the order they were sent.
      assert.deepStrictEqual(record.record.metrics.map((m) => m.value), [85, ...Array.from({ length: 8 }, (_, n) => 100 + n)]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });

  it('Export Partnership Report opens an untitled Markdown report of all partnerships', async () => {
    const doc = (await vscode.commands.executeCommand('communityPartnerships.exportReport', undefined, { all: true })) as vscode.TextDocument;
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(doc.isUntitled);
    const text = doc.getText();
    assert.match(text, /^# Partnerships report: Acme Devs/);
    assert.ok(text.includes('| Design Systems Guild | Active |'), 'the stage as the planner says it');
    assert.ok(text.includes('## Rust Berlin'));
    assert.ok(!text.includes('Broken Quotes'), 'a broken record is not reported on');
  });
  it('exports the partner report without the overdue check-in, the scores or notes, and the team report with its scorecard', async () => {
    const p = await planner();
    // The guild's check-in was due a month after 2026-02-15: long overdue today.
    const partner = ((await p.exportReport(idOf(GUILD), { audience: 'partner' })) as vscode.TextDocument).getText();
    assert.match(partner, /^- \*\*Stage:\*\* Active$/m);
    assert.match(partner, /^### What we did together$/m);
    assert.match(partner, /^### Next steps$/m);
    assert.match(partner, /^- \*\*Next check-in:\*\* to be arranged in the coming days$/m);
    assert.match(partner, /^\| Metric \| Latest \| Target \|$/m);
    assert.doesNotMatch(partner, /overdue|days ago|Score|Scorecard|Verdict|pursue|Their size|worth continuing|80 clicks/i);
    const team = ((await p.exportReport(idOf(GUILD), { audience: 'team' })) as vscode.TextDocument).getText();
    assert.match(team, /^- \*\*Next:\*\* 2026-03-15, \d+ days overdue$/m);
    assert.match(team, /^\| Audience overlap \| 25% \| 4 \|$/m);
    assert.match(team, /^- \*\*Weighted total:\*\* 3\.9 of 5$/m);
    assert.match(team, /^- \*\*Verdict:\*\* Pursue$/m);
    assert.match(team, /80 clicks/);
  });
  it('exports the report in German when German is given for it: German words, dates and numbers, the record as written', async () => {
    const p = await planner();
    const partner = ((await p.exportReport(idOf(GUILD), { audience: 'partner', language: 'de' })) as vscode.TextDocument).getText();
    assert.match(partner, /^# Bericht zur Partnerschaft: Design Systems Guild$/m);
    assert.match(partner, /^- \*\*Phase:\*\* Aktiv$/m);
    assert.match(partner, /^- \*\*Zusammenarbeit seit:\*\* 15\.01\.2026$/m);
    assert.match(partner, /^- \*\*Nächster Check-in:\*\* wird in den nächsten Tagen vereinbart$/m);
    assert.doesNotMatch(partner, /überfällig|Bewertung|Stage|Next steps|2026-01-15/);
    const team = ((await p.exportReport(idOf(GUILD), { audience: 'team', language: 'de' })) as vscode.TextDocument).getText();
    assert.match(team, /^- \*\*Größe des Partners:\*\* 9\.500 Mitglieder$/m);
    assert.match(team, /^- \*\*Gewichtete Summe:\*\* 3,9 von 5$/m);
    assert.match(team, /80 clicks from their list/, 'the check-in notes as written');
  });
});
