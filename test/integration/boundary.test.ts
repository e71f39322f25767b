import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, file, folder, readFile, revertAndCloseAll, until, writeFile } from './helpers';
import { OUTSIDE_NAME, OUTSIDE_PARTNER, outsideContext, outsideDir, outsideRecord, snapshot } from '../lib/hostileCases';
import type { PlannerApi } from '../../src/features/planner/impl';

/*
 * The workspace folder is the boundary: a symbolic link (made here, at run time) anywhere on the
 * way to a file the extension reads or writes takes the path outside, so it is refused, and
 * each refusal says why. Files outside are snapshotted before and compared after.
 */

const CONTEXT = '.claude/community-context.md';
const FIXTURE_RECORDS = ['partnerships/broken-quotes.md', 'partnerships/design-systems-guild.md', 'partnerships/rust-berlin.md'];

async function planner(): Promise<PlannerApi> {
  const p = await (await api()).planner();
  await p.ensureLoaded();
  return p;
}

async function setSetting(key: string, value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('communityPartnerships', folder().uri).update(key, value, vscode.ConfigurationTarget.Workspace);
}

let relisted = 0;
/**
 * Lists the records again: a change of the setting makes the planner read its folder anew (the
 * setting is written another way each time, for the same folder).
 */
async function relist(_p: PlannerApi, rel: string, until_: () => boolean): Promise<void> {
  await setSetting('partnershipsFolder', relisted++ % 2 === 0 ? `${rel}/` : `./${rel}`);
  await until('the planner to list the folder again', until_, 30_000);
}

function rm(p: string): void {
  try {
    const st = fs.lstatSync(p);
    if (st.isDirectory()) fs.rmSync(p, { recursive: true, force: true });
    else fs.unlinkSync(p);
  } catch {
    // not there
  }
}

const errorsOn = (uri: vscode.Uri, re: RegExp) => vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error && re.test(d.message));

describe('The workspace folder is the boundary: symbolic links are refused and say why', () => {
  const made: string[] = [];
  let originalContext: string;

  before(async () => {
    originalContext = await readFile(file(CONTEXT));
  });

  after(async () => {
    await revertAndCloseAll();
    for (const p of made.reverse()) rm(p);
    await setSetting('contextFile', undefined);
    await setSetting('partnershipsFolder', undefined);
    if (!fs.existsSync(file(CONTEXT).fsPath) || fs.lstatSync(file(CONTEXT).fsPath).isSymbolicLink()) {
      rm(file(CONTEXT).fsPath);
      await writeFile(file(CONTEXT), originalContext);
    }
    const { contexts } = await api();
    await until('the original context', async () => {
      const c = await contexts.refresh(folder());
      return c.state === 'ok' && c.parsed.values['Community Name'] === 'Acme Devs';
    });
    const p = await planner();
    await until('only the fixture records', () => p.query({ limit: 100 }).total === FIXTURE_RECORDS.length, 30_000);
  });

  it('the context file as a link to an outside file: not read, not shown, not rewritten by Update or Create', async function () {
    this.timeout(60_000);
    const { contexts } = await api();
    const outside = outsideContext('boundary');
    const before = snapshot(outside);
    const target = file(CONTEXT).fsPath;
    rm(target);
    fs.symlinkSync(outside, target);
    try {
      const state = await contexts.refresh(folder());
      assert.strictEqual(state.state, 'unreadable');
      assert.match(state.state === 'unreadable' ? state.message : '', /community-context\.md is a symbolic link/);
      await until('the reason in Problems', () => errorsOn(file(CONTEXT), /symbolic link/));
      const result = (await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri, { values: { 'Community Name': 'Planted Name' } })) as { ok: boolean; message?: string } | undefined;
      assert.ok(result && !result.ok, 'Update refuses');
      assert.match(result?.message ?? '', /symbolic link/);
      const created = (await vscode.commands.executeCommand('communityPartnerships.createContext', folder().uri, { values: { 'Community Name': 'Planted Name' } })) as { ok: boolean; message?: string } | undefined;
      assert.ok(created && !created.ok, 'Create refuses');
      assert.match(created?.message ?? '', /symbolic link/);
      assert.strictEqual(snapshot(outside), before, 'the outside file is unchanged');
      assert.ok(!contexts.all().some((c) => c.state === 'ok' && c.parsed.values['Community Name'] === OUTSIDE_NAME));
    } finally {
      rm(target);
      await writeFile(file(CONTEXT), originalContext);
    }
    const again = await contexts.refresh(folder());
    assert.ok(again.state === 'ok' && again.parsed.values['Community Name'] === 'Acme Devs');
  });

  it('a dangling link as the context file: Create does not create the file it points to', async function () {
    this.timeout(60_000);
    const { contexts } = await api();
    const nowhere = path.join(outsideDir(), 'created-through-link.md');
    rm(nowhere);
    const target = file(CONTEXT).fsPath;
    rm(target);
    fs.symlinkSync(nowhere, target);
    try {
      const state = await contexts.refresh(folder());
      assert.strictEqual(state.state, 'unreadable');
      const created = (await vscode.commands.executeCommand('communityPartnerships.createContext', folder().uri, { values: { 'Community Name': 'Planted Name' } })) as { ok: boolean; message?: string } | undefined;
      assert.ok(created && !created.ok);
      assert.match(created?.message ?? '', /symbolic link/);
      assert.strictEqual(fs.existsSync(nowhere), false, 'nothing was created outside');
    } finally {
      rm(target);
      await writeFile(file(CONTEXT), originalContext);
    }
  });

  it('a context path through a linked folder (setting contextFile): refused, the outside file unchanged', async function () {
    this.timeout(60_000);
    const { contexts } = await api();
    const dir = path.join(outsideDir(), 'linked-folder');
    fs.mkdirSync(dir, { recursive: true });
    const outside = path.join(dir, 'community-context.md');
    fs.copyFileSync(outsideContext('folder'), outside);
    const before = snapshot(outside);
    const link = file('linked-docs').fsPath;
    rm(link);
    fs.symlinkSync(dir, link);
    made.push(link);
    await setSetting('contextFile', 'linked-docs/community-context.md');
    try {
      const state = await until('the setting to apply', async () => {
        const c = await contexts.refresh(folder());
        return c.uri.path.endsWith('linked-docs/community-context.md') && c;
      });
      assert.strictEqual(state.state, 'unreadable');
      assert.match(state.state === 'unreadable' ? state.message : '', /is inside linked-docs, a symbolic link/);
      await until('the reason in Problems', () => errorsOn(file('linked-docs/community-context.md'), /symbolic link/));
      const result = (await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri, { values: { 'Community Name': 'Planted Name' } })) as { ok: boolean; message?: string } | undefined;
      assert.ok(result && !result.ok);
      assert.strictEqual(snapshot(outside), before, 'the outside file is unchanged');
    } finally {
      await setSetting('contextFile', undefined);
    }
  });

  it('links inside partnerships/ (a file, /etc/passwd, a folder): listed as broken with the reason; never read, written or reported', async function () {
    this.timeout(120_000);
    const p = await planner();
    const outside = outsideRecord(path.join(outsideDir(), 'records'), 'record.md');
    const outsideFolder = path.join(outsideDir(), 'record-folder');
    const inFolder = outsideRecord(outsideFolder, 'inside.md', `${OUTSIDE_PARTNER} 2`);
    const before = [snapshot(outside), snapshot(inFolder)];
    const links = {
      file: file('partnerships/linked-record.md'),
      passwd: file('partnerships/passwd.md'),
      folder: file('partnerships/linked-folder'),
    };
    fs.symlinkSync(outside, links.file.fsPath);
    fs.symlinkSync('/etc/passwd', links.passwd.fsPath);
    fs.symlinkSync(outsideFolder, links.folder.fsPath);
    made.push(links.file.fsPath, links.passwd.fsPath, links.folder.fsPath);
    await relist(p, 'partnerships', () => !!p.get(links.folder.toString()) && !!p.get(links.file.toString()) && !!p.get(links.passwd.toString()));
    try {
      for (const uri of Object.values(links)) {
        const entry = p.get(uri.toString())!;
        assert.strictEqual(entry.summary.broken, true, `${uri.path} is broken`);
        assert.match(entry.problems[0]?.message ?? '', /symbolic link/);
        await until(`the reason in Problems for ${path.basename(uri.path)}`, () => errorsOn(uri, /symbolic link/), 15_000);
      }
      const listed = p.query({ limit: 1000 }).items;
      assert.ok(!listed.some((s) => s.partner.startsWith(OUTSIDE_PARTNER)), 'no outside record listed');
      assert.ok(!listed.some((s) => /root:/.test(s.partner)), 'nothing of /etc/passwd listed');
      for (const rel of FIXTURE_RECORDS) assert.ok(p.get(file(rel).toString()), `${rel} still listed`);

      // Log Check-in on a link: refused with the reason, nothing outside changes.
      for (const uri of [links.file, links.passwd]) {
        const outcome = (await p.logCheckIn(uri.toString(), { date: '2026-03-01', notes: 'through the link', worthContinuing: 'yes' })) as { ok: boolean; message?: string } | undefined;
        assert.ok(outcome && !outcome.ok, 'refused');
        assert.match(outcome && !outcome.ok ? (outcome.message ?? '') : '', /symbolic link/);
      }
      assert.deepStrictEqual([snapshot(outside), snapshot(inFolder)], before, 'the outside files are unchanged');
      const report = (await p.exportReport(undefined, { all: true })) as vscode.TextDocument;
      assert.ok(report.getText().includes('Design Systems Guild'));
      assert.ok(!report.getText().includes(OUTSIDE_PARTNER), 'the report holds nothing from outside');
      assert.ok(!report.getText().includes('root:'), 'the report holds nothing of /etc/passwd');
    } finally {
      for (const uri of Object.values(links)) rm(uri.fsPath);
      await revertAndCloseAll();
    }
    await relist(p, 'partnerships', () => p.query({ limit: 100 }).total === FIXTURE_RECORDS.length);
  });

  // A system folder (/etc: small, always there) stands for any folder the repository points at.
  for (const kind of ['an outside folder', '/etc'] as const) {
    it(`partnerships/ itself a link to ${kind}: nothing listed from there, New Partnership writes nothing there`, async function () {
      this.timeout(120_000);
      const p = await planner();
      const dir = path.join(outsideDir(), 'linked-partnerships');
      outsideRecord(dir, 'outside.md');
      const to = kind === '/etc' ? '/etc' : dir;
      const link = file('linked-partnerships');
      rm(link.fsPath);
      fs.symlinkSync(to, link.fsPath);
      made.push(link.fsPath);
      const entriesBefore = fs.readdirSync(to).sort();
      try {
        await relist(p, 'linked-partnerships', () => !!p.get(link.toString()));
        const entry = p.get(link.toString())!;
        assert.strictEqual(entry.summary.broken, true);
        assert.match(entry.problems[0]?.message ?? '', /linked-partnerships is a symbolic link/);
        await until('the reason in Problems', () => errorsOn(link, /symbolic link/), 15_000);
        assert.strictEqual(p.query({ limit: 1000 }).total, 1, 'only the refused folder, as broken');
        const created = await p.newPartnership(folder(), { partner: 'Planted Partner', community: '', types: [] });
        assert.strictEqual(created, undefined, 'no record created');
        assert.deepStrictEqual(fs.readdirSync(to).sort(), entriesBefore, 'nothing written outside');
      } finally {
        rm(link.fsPath);
        await revertAndCloseAll();
      }
      await setSetting('partnershipsFolder', undefined);
      await until('the fixture records again', () => p.query({ limit: 100 }).total === FIXTURE_RECORDS.length, 30_000);
    });
  }

  it('records named .MD are listed from the first read of the folder', async function () {
    this.timeout(60_000);
    const p = await planner();
    const upper = file('partnerships/sub/UPPER-CASE.MD');
    fs.mkdirSync(path.dirname(upper.fsPath), { recursive: true });
    fs.writeFileSync(upper.fsPath, '---\npartner: Upper Case Guild\nstage: prospect\n---\n');
    made.push(path.dirname(upper.fsPath));
    try {
      await relist(p, 'partnerships', () => p.get(upper.toString())?.summary.partner === 'Upper Case Guild');
      assert.ok(p.query({ limit: 1000 }).items.some((s) => s.partner === 'Upper Case Guild'));
    } finally {
      rm(path.dirname(upper.fsPath));
    }
    await until('the planner to drop it', () => !p.get(upper.toString()), 30_000);
    await setSetting('partnershipsFolder', undefined);
  });

  it('afterwards the planner still follows partnerships/ through its file watcher', async function () {
    this.timeout(60_000);
    const p = await planner();
    await setSetting('partnershipsFolder', undefined);
    await until('the fixture records', () => p.query({ limit: 100 }).total === FIXTURE_RECORDS.length, 30_000);
    const uri = file('partnerships/after-links.md');
    made.push(uri.fsPath);
    fs.writeFileSync(uri.fsPath, '---\npartner: After Links Guild\n---\n');
    await until('the watcher to report the new record', () => p.get(uri.toString())?.summary.partner === 'After Links Guild', 20_000);
    rm(uri.fsPath);
    await until('the watcher to report it gone', () => !p.get(uri.toString()), 20_000);
  });
});
