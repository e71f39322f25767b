import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, file } from '../integration/helpers';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('Restricted Mode: the exports write nothing (issue 23, point 3)', () => {
  it('Export Pipeline as CSV refuses and creates no file', async function () {
    this.timeout(60_000);
    const { planner, measure } = await api();
    const p = await planner();
    await p.ensureLoaded();
    assert.ok(p.query().total > 0, 'there are records to export');
    const out = file('exports/restricted-pipeline.csv');
    const result = await measure().exportPipelineCsv(undefined, { output: 'exports/restricted-pipeline.csv' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(await exists(out), false, 'no file written');
  });

  it('Export Calendar refuses and creates no file', async function () {
    this.timeout(60_000);
    const { planner, measure } = await api();
    const p = await planner();
    await p.ensureLoaded();
    // The guild is active with a cadence: a trusted workspace gets its check-ins in the calendar.
    const guild = p.get(file('partnerships/design-systems-guild.md').toString());
    assert.ok(guild?.summary.nextCheckIn, 'a record has a check-in to export');
    const out = file('exports/restricted-partnerships.ics');
    const result = await measure().exportCalendar(undefined, { output: 'exports/restricted-partnerships.ics' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(await exists(out), false, 'no file written');
  });
});
