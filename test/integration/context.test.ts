import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, file, folder, openAsOnDisk, readFile, revertAndCloseAll, typeInEditor, until, whenEvent, writeFile } from './helpers';

const CONTEXT = '.claude/community-context.md';

describe('Community context in VS Code', () => {
  let original: string;

  before(async () => {
    original = await readFile(file(CONTEXT));
  });

  afterEach(async () => {
    await revertAndCloseAll();
    await writeFile(file(CONTEXT), original);
    const { contexts } = await api();
    await until('the original context', async () => {
      const c = await contexts.refresh(folder());
      return c.state === 'ok' && c.parsed.values['Community Name'] === 'Acme Devs';
    });
  });

  it('activates on the workspace that holds a context file and reads it', async () => {
    const ext = vscode.extensions.getExtension('community-partnerships.community-partnerships');
    assert.ok(ext, 'extension present');
    // workspaceContains:.claude/community-context.md activates it without any command.
    await until('activation', () => ext.isActive);
    const { contexts } = await api();
    const c = contexts.get(folder());
    assert.ok(c && c.state === 'ok', 'context read');
    assert.strictEqual(c.parsed.values['Community Name'], 'Acme Devs');
    assert.strictEqual(c.parsed.counts.currentSize, 12000);
    assert.strictEqual(c.parsed.counts.activeMembers, 1800);
    assert.strictEqual(c.parsed.values['Positioning statement'], undefined, 'TBD is empty');
    assert.strictEqual(c.parsed.total, 39);
    assert.strictEqual(c.parsed.filled, 36, '39 labels, 3 of them TBD');
  });

  it('reads a drifted file as its reader does: reworded labels, tables, guidance left in, a dated update', async () => {
    const { contexts } = await api();
    const drifted = [
      '## 📊 Community Overview',
      '| Field | Value |',
      '| --- | --- |',
      '| Community Name | **Table Talk** |',
      '| Community size | 12.000 |',
      '',
      '## Current State',
      '- **Active members (MAU):** 15% (≈1,400 MAU)',
      '- **Engagement level:** (high/medium/low, qualitative description)',
      '- **Team / roles:**',
      '  - Sam (lead)',
      '  - Ana (moderator)',
      '',
      '## Update (2026-03-01)',
      '- **Active members:** 1,600 monthly',
      '',
    ].join('\n');
    await writeFile(file(CONTEXT), drifted);
    const c = await until('the drifted file', () => {
      const x = contexts.get(folder());
      return x?.state === 'ok' && x.parsed.values['Community Name'] === 'Table Talk' && x;
    });
    assert.strictEqual(c.parsed.counts.currentSize, 12000);
    assert.strictEqual(c.parsed.counts.activeMembers, 1600, 'the dated update wins');
    assert.strictEqual(c.parsed.values['Engagement level'], undefined, 'guidance is not a value');
    assert.strictEqual(c.parsed.values.Team, 'Sam (lead)\nAna (moderator)');
    const diags = await until('the problems', () => {
      const d = vscode.languages.getDiagnostics(file(CONTEXT));
      return d.length >= 2 && d;
    });
    const guidance = diags.find((d) => d.code === 'guidance');
    assert.ok(guidance && guidance.severity === vscode.DiagnosticSeverity.Information && guidance.range.start.line === 8, 'guidance reported on its line');
    const stale = diags.find((d) => d.code === 'stale');
    assert.ok(stale && stale.range.start.line === 7, 'the stale line says so');

    // Updating a table cell and a nested list changes those and nothing else.
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri, { values: { 'Community Name': 'Table Talk Club', Team: 'Sam (lead)\nAna (moderator)\nLee (events)' } });
    assert.strictEqual(
      await readFile(file(CONTEXT)),
      drifted.replace('| Community Name | **Table Talk** |', '| Community Name | Table Talk Club |').replace('  - Ana (moderator)\n', '  - Ana (moderator)\n  - Lee (events)\n'),
    );
  });

  it('warns about a file with no recognised label, and the Quick Fix rewrites it after a confirmation', async () => {
    const { contexts, webviews } = await api();
    const prose = '# About us\n\nWild Ferments is a Discord community of about 7,500 home fermenters.\n';
    await writeFile(file(CONTEXT), prose);
    const warning = await until('the warning', () => vscode.languages.getDiagnostics(file(CONTEXT)).find((d) => d.code === 'unrecognised'));
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    const doc = await vscode.workspace.openTextDocument(file(CONTEXT));
    await vscode.window.showTextDocument(doc);
    // The request is cancelled when the document changes under it (the editor opening): ask again.
    let titles: string[] = [];
    const fix = await until(
      'the Quick Fix',
      async () => {
        try {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
          titles = actions.map((a) => a.title);
          return actions.find((a) => a.title.startsWith('Rewrite into the community context structure') && a.command);
        } catch {
          return undefined;
        }
      },
      10_000,
      () => `got ${titles.join(', ')}`,
    );
    assert.ok(fix.command);

    // Declined: the diff is shown, nothing is written.
    webviews.answerNext('contextRestructure', false);
    assert.strictEqual(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), false);
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'community-context-proposal')), 'the diff was shown');
    assert.strictEqual(await readFile(file(CONTEXT)), prose);

    // Confirmed: the family's structure, the prose kept under a notes section.
    webviews.answerNext('contextRestructure', true);
    assert.strictEqual(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    const after = await readFile(file(CONTEXT));
    assert.ok(after.startsWith('## Community Overview\n- **Community Name:** TBD\n'), after.slice(0, 80));
    assert.ok(after.includes('Wild Ferments is a Discord community of about 7,500 home fermenters.'), 'the prose is kept');
    await until('the warning to go', () => !vscode.languages.getDiagnostics(file(CONTEXT)).some((d) => d.code === 'unrecognised'));
    const c = contexts.get(folder());
    assert.ok(c?.state === 'ok' && c.parsed.sections.length >= 7);
  });

  it('follows an edit on disk through the file watcher', async () => {
    const { contexts } = await api();
    await writeFile(file(CONTEXT), original.replace('Acme Devs', 'Acme Builders'));
    await until('the watcher to pick up the change', () => {
      const c = contexts.get(folder());
      return c?.state === 'ok' && c.parsed.values['Community Name'] === 'Acme Builders';
    });
  });

  it('follows unsaved edits in an open editor, and the disk again when it is closed', async () => {
    const { contexts } = await api();
    // The previous test rewrote the file: the edit is made on the document as it is on disk.
    const editor = await openAsOnDisk(file(CONTEXT), original);
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Community Name'));
    await typeInEditor(editor, (e) => e.replace(doc.lineAt(line).range, '- **Community Name:** Typed Not Saved'));
    const named = (name: string) => () => {
      const c = contexts.get(folder());
      return c?.state === 'ok' && c.parsed.values['Community Name'] === name;
    };
    await whenEvent('the live edit', [contexts.onDidChange], named('Typed Not Saved'));
    await revertAndCloseAll();
    await whenEvent(
      'the saved value again',
      [contexts.onDidChange],
      named('Acme Devs'),
      20_000,
      () => {
        const c = contexts.get(folder());
        return `document dirty ${doc.isDirty}, closed ${doc.isClosed}; context ${c?.state === 'ok' ? c.parsed.values['Community Name'] : c?.state}; open docs ${vscode.workspace.textDocuments.filter((d) => d.uri.toString() === doc.uri.toString()).map((d) => `${d.isDirty}/${d.isClosed}/${d.getText().includes('Typed')}`).join(',')}`;
      },
    );
  });

  it('shows a broken front matter in the Problems panel with its line, and still reads the rest', async () => {
    const { contexts } = await api();
    const broken = '---\nCommunity Name: Front Name\nCurrent size: [unclosed\n---\n' + original;
    await writeFile(file(CONTEXT), broken);
    const diags = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(file(CONTEXT));
      return d.length > 0 && d;
    });
    const err = diags.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(err, 'an error diagnostic');
    assert.match(err.message, /YAML/);
    assert.ok(err.range.start.line >= 1 && err.range.start.line <= 3, `error on the front matter lines, got ${err.range.start.line}`);
    const c = contexts.get(folder());
    assert.ok(c?.state === 'ok');
    assert.strictEqual(c.parsed.values['Community Name'], 'Acme Devs', 'body still used');
  });

  it('refuses ---javascript front matter with an error and runs nothing', async () => {
    const marker = path.join(os.tmpdir(), `cp-js-marker-${process.pid}-${Date.now()}`);
    const payload = `---javascript\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n---\n`;
    await writeFile(file(CONTEXT), payload + original);
    const diags = await until('the refusal', () => {
      const d = vscode.languages.getDiagnostics(file(CONTEXT)).filter((x) => /only YAML/.test(x.message));
      return d.length > 0 && d;
    });
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diags[0].range.start.line, 0);
    assert.strictEqual(fs.existsSync(marker), false, 'the payload never ran');
    const { contexts } = await api();
    const c = contexts.get(folder());
    assert.ok(c?.state === 'ok' && c.parsed.values['Community Name'] === 'Acme Devs');
  });

  it('reports a file that is not text instead of reading it', async () => {
    const { contexts } = await api();
    await vscode.workspace.fs.writeFile(file(CONTEXT), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const c = await until('the unreadable state', () => {
      const x = contexts.get(folder());
      return x?.state === 'unreadable' && x;
    });
    assert.match(c.message, /not a text file/);
    const d = vscode.languages.getDiagnostics(file(CONTEXT));
    assert.ok(d.some((x) => /not a text file/.test(x.message)));
  });

  it('Update Community Context changes only the changed value and keeps every other byte', async () => {
    const withCrlf = original.replace(/\n/g, '\r\n') + '\r\nA closing note the skills never wrote.\r\n';
    await writeFile(file(CONTEXT), withCrlf);
    const { contexts } = await api();
    await until('the CRLF file', async () => (await contexts.refresh(folder())).state === 'ok');
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri, {
      values: { 'Current size': '13,500 members', 'Positioning statement': 'The place to learn the Acme API from peers' },
    });
    const after = await readFile(file(CONTEXT));
    const expected = withCrlf
      .replace('- **Current size:** 12,000 members', '- **Current size:** 13,500 members')
      .replace('- **Positioning statement:** TBD', '- **Positioning statement:** The place to learn the Acme API from peers');
    assert.strictEqual(after, expected);
    const c = contexts.get(folder());
    assert.ok(c?.state === 'ok');
    assert.strictEqual(c.parsed.counts.currentSize, 13500);
  });

  it('Update Community Context edits an editor with unsaved changes through the editor, never the disk', async () => {
    // The previous test rewrote the file: VS Code may still be reloading the open document.
    const editor = await openAsOnDisk(file(CONTEXT), original);
    const doc = editor.document;
    await typeInEditor(editor, (e) => e.insert(doc.positionAt(doc.getText().length), '\nUnsaved thought.\n'));
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri, { values: { Tone: 'Warm and precise' } });
    assert.ok(doc.isDirty, 'still dirty: the user saves');
    assert.ok(doc.getText().includes('Unsaved thought.'), 'unsaved edit kept');
    assert.ok(doc.getText().includes('- **Tone:** Warm and precise'), 'new value in the editor');
    assert.strictEqual(await readFile(file(CONTEXT)), original, 'disk untouched');
  });

  it('Create Community Context writes the exact structure with TBD for unknowns', async () => {
    await vscode.workspace.fs.delete(file(CONTEXT));
    const { contexts } = await api();
    await until('the missing state', async () => (await contexts.refresh(folder())).state === 'missing');
    await vscode.commands.executeCommand('communityPartnerships.createContext', folder().uri, {
      values: { 'Community Name': 'Night Owls', 'Current size': '800', Values: 'Kindness' },
    });
    const text = await readFile(file(CONTEXT));
    const lines = text.split('\n');
    // The family's template exactly: no title, seven sections.
    assert.strictEqual(lines[0], '## Community Overview');
    assert.ok(!lines.some((l) => /^# /.test(l)), 'no H1');
    assert.ok(lines.includes('- **Community Name:** Night Owls'));
    assert.ok(lines.includes('- **Current size:** 800'));
    assert.ok(lines.includes('- **Mission:** TBD'));
    assert.ok(lines.includes('- **Values:** Kindness'));
    assert.strictEqual(lines.filter((l) => l.startsWith('## ')).length, 7);
    assert.strictEqual(lines.filter((l) => /^- \*\*[^*]+:\*\* /.test(l)).length, 39);
    const c = await contexts.refresh(folder());
    assert.ok(c.state === 'ok' && c.parsed.filled === 3);
  });

  it('Create Community Context never replaces an existing file', async () => {
    const before = await readFile(file(CONTEXT));
    await vscode.commands.executeCommand('communityPartnerships.createContext', folder().uri, { values: { 'Community Name': 'Overwriter' } });
    assert.strictEqual(await readFile(file(CONTEXT)), before);
  });
});
