import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, file, folder, revertAndCloseAll, until } from './helpers';
import { OUTSIDE_PARTNER, markerPath, recordCases, removeCase, snapshot, valueAt } from '../lib/hostileCases';
import type { PlannerApi } from '../../src/features/planner/impl';

const marker = markerPath('integration-records');
/** The cases that link to a device: they run in a session of their own (see scripts/test-integration.mjs). */
const DEVICE = /symlink-to-(zero|urandom)/;
const cases = recordCases(marker);

/** The fixture workspace's own records: they stay listed whatever lands beside them. */
const FIXTURE_RECORDS = ['partnerships/broken-quotes.md', 'partnerships/design-systems-guild.md', 'partnerships/rust-berlin.md'];

async function planner(): Promise<PlannerApi> {
  const p = await (await api()).planner();
  await p.ensureLoaded();
  return p;
}

describe(`Hostile partnership records in the real planner (${cases.length} cases)`, () => {
  const made: string[] = [];

  after(async () => {
    await revertAndCloseAll();
    for (const target of made) removeCase(target);
    const p = await planner();
    await until('only the fixture records', () => p.query({ limit: 100 }).total === FIXTURE_RECORDS.length, 30_000);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.expect}`, async function () {
      this.timeout(90_000);
      const p = await planner();
      const uri = file(`partnerships/${c.file}`);
      const id = uri.toString();
      const target = uri.fsPath;
      made.push(target);
      removeCase(target);
      c.make(target);
      const before = snapshot(target);
      const diags = () => vscode.languages.getDiagnostics(uri);
      const errors = () => diags().filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

      if (c.expect === 'missing') {
        // Nothing there: nothing listed, nothing reported.
        await new Promise((r) => setTimeout(r, 500));
        assert.strictEqual(p.get(id), undefined);
        assert.deepStrictEqual(diags(), []);
      } else {
        // The planner's file watcher picks the new file up; no reload is asked for.
        const entry = await until(`the planner to list ${c.file}`, () => p.get(id), 30_000);
        const listed = p.query({ limit: 1000 }).items.find((s) => s.id === id);
        assert.ok(listed, 'listed in the pipeline');
        const problems = entry.problems;
        // The index keeps a digest; the whole record is what opening it reads.
        const parse = await p.open(id);
        assert.ok(parse, 'the record opens');
        assert.deepStrictEqual(parse.problems, [...problems], 'opening it reports the problems the index has');
        if (c.expect === 'broken' || c.expect === 'unreadable') {
          assert.strictEqual(listed.broken, true, 'listed as broken');
          assert.strictEqual(parse.ok, false);
          await until('an error in Problems', () => errors().length > 0, 15_000);
        } else {
          assert.strictEqual(listed.broken, false, `read as a record: ${problems.map((x) => x.message).join(' | ')}`);
          assert.strictEqual(listed.partner, c.partner);
          assert.ok(parse.ok);
          if (c.expect === 'refused') await until('errors in Problems', () => errors().length > 0, 15_000);
          else assert.deepStrictEqual(problems.filter((x) => x.severity === 'error'), [], 'no error');
          for (const k of c.keeps ?? []) assert.strictEqual(valueAt(parse.record, k.path), k.value, `${k.path} kept as the exact text`);
        }
        for (const re of c.problems ?? []) assert.ok(problems.some((x) => re.test(x.message)), `a problem matching ${re}: ${problems.map((x) => x.message).join(' | ')}`);
        assert.ok(diags().length <= 200, 'the Problems panel is not flooded');
      }
      assert.ok(!p.query({ limit: 1000 }).items.some((x) => x.partner === OUTSIDE_PARTNER), 'nothing outside the workspace is listed');
      // The other records are still listed, as they were.
      for (const rel of FIXTURE_RECORDS) assert.ok(p.get(file(rel).toString()), `${rel} still listed`);
      assert.strictEqual(p.get(file('partnerships/design-systems-guild.md').toString())?.summary.partner, 'Design Systems Guild');
      assert.strictEqual(fs.existsSync(marker), false, 'no payload ran');
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      assert.strictEqual((globalThis as Record<string, unknown>).__pwned, undefined);
      assert.strictEqual(snapshot(target), before, 'nothing on disk changed');

      // The extension keeps working: the case goes away, the planner follows, the context still reads.
      removeCase(target);
      await until(`the planner to drop ${c.file}`, () => !p.get(id), 30_000);
      await until('its problems to go', () => diags().length === 0, 15_000);
      assert.strictEqual(p.query({ limit: 100 }).total, FIXTURE_RECORDS.length);
      const context = await (await api()).contexts.refresh(folder());
      assert.ok(context.state === 'ok' && context.parsed.values['Community Name'] === 'Acme Devs');
    });
  }

  it(`every case at once, read by a fresh listing of the folder (${cases.filter((c) => c.expect !== 'missing' && !DEVICE.test(c.name) && c.name !== 'generated/directory').length} files)`, async function () {
    this.timeout(180_000);
    // The cases are there before the folder is listed: each is read by the load itself (the first
    // read of a file the listing saw), not by a file watcher event. The device links run in a
    // session of their own (scripts/test-integration.mjs) and are left out here.
    const p = await planner();
    // A folder named like a record is a folder to the listing (the records in it are read).
    const present = cases.filter((c) => c.expect !== 'missing' && !DEVICE.test(c.name) && c.name !== 'generated/directory');
    const targets = present.map((c) => file(`partnerships/${c.file}`));
    try {
      for (const [i, c] of present.entries()) {
        made.push(targets[i].fsPath);
        removeCase(targets[i].fsPath);
        c.make(targets[i].fsPath);
      }
      await vscode.workspace.getConfiguration('communityPartnerships', folder().uri).update('partnershipsFolder', './partnerships', vscode.ConfigurationTarget.Workspace);
      await until('the planner to list every case', () => p.query({ limit: 1000 }).total === FIXTURE_RECORDS.length + present.length, 60_000, () => {
        const listed = p.query({ limit: 1000 });
        const absent = present.filter((_, i) => !p.get(targets[i].toString())).map((c) => c.name);
        return `${listed.total} listed of ${FIXTURE_RECORDS.length + present.length}; not listed: ${absent.join(', ') || 'none'}`;
      });
      for (const [i, c] of present.entries()) {
        const id = targets[i].toString();
        const entry = p.get(id);
        assert.ok(entry, `${c.name} listed`);
        const problems = entry.problems.map((x) => x.message).join(' | ');
        if (c.expect === 'broken' || c.expect === 'unreadable') assert.strictEqual(entry.summary.broken, true, `${c.name} listed as broken`);
        else {
          assert.strictEqual(entry.summary.broken, false, `${c.name} read as a record: ${problems}`);
          assert.strictEqual(entry.summary.partner, c.partner, `${c.name}: the partner`);
        }
        for (const re of c.problems ?? []) assert.ok(entry.problems.some((x) => re.test(x.message)), `${c.name}: a problem matching ${re}: ${problems}`);
      }
      assert.ok(!p.query({ limit: 1000 }).items.some((x) => x.partner === OUTSIDE_PARTNER), 'nothing outside the workspace is listed');
      assert.strictEqual(fs.existsSync(marker), false, 'no payload ran');
    } finally {
      for (const t of targets) removeCase(t.fsPath);
      await vscode.workspace.getConfiguration('communityPartnerships', folder().uri).update('partnershipsFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('only the fixture records', () => p.query({ limit: 1000 }).total === FIXTURE_RECORDS.length, 60_000);
  });
});
