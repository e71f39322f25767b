import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, file, readFile, revertAndCloseAll, until } from './helpers';
import type { PitchPanelHandle } from '../../src/features/pitch/impl';
import type { AgreementPanelHandle } from '../../src/features/agreement/impl';
import { emptyAgreement, renderAgreement } from '../../src/core/agreement';

const DRAFT = 'docs/agreement-draft.md';

async function draft(): Promise<PitchPanelHandle> {
  const handle = await vscode.commands.executeCommand<PitchPanelHandle>('communityPartnerships.draftPitch');
  assert.ok(handle?.panel, 'the command returns the panel');
  return handle;
}

function action(action: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'action',
    action,
    subject: 'Acme Devs x Design Systems Guild: a collaboration idea',
    body: 'Hi Sam,\n\nI run Acme Devs, a community of 12,000 developers.',
    markdown: '---\npartnership-doc: pitch\nvariant: classic\n---\n\nHi Sam,\n',
    ...extra,
  };
}

describe('Draft Outreach Pitch: actions', () => {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await revertAndCloseAll();
  });

  it('opens the pitch as a new untitled Markdown document', async () => {
    const handle = await draft();
    await handle.receive(action('newDocument'));
    const editor = await until('the new document', () => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.strictEqual(editor.document.getText(), action('newDocument').markdown);
  });

  it('inserts at the cursor of the editor that was active before the panel took focus', async () => {
    // A name of its own: a new Untitled-1 may get the text of the previous test's Untitled-1,
    // whose backup VS Code discards only a moment after it was closed.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `insert-target-${Date.now()}.txt` }));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'BEFORE|AFTER')));
    assert.strictEqual(doc.getText(), 'BEFORE|AFTER');
    editor.selection = new vscode.Selection(0, 7, 0, 7);
    const handle = await draft();
    handle.panel.reveal();
    await until('the panel to take focus', () => vscode.window.activeTextEditor === undefined || handle.panel.active);
    await handle.receive(action('insert'));
    await until('the insertion', () => doc.getText() !== 'BEFORE|AFTER');
    assert.strictEqual(doc.getText(), 'BEFORE|Subject: Acme Devs x Design Systems Guild: a collaboration idea\n\nHi Sam,\n\nI run Acme Devs, a community of 12,000 developers.AFTER');
  });

  it('copies the subject and the pitch to the clipboard', async () => {
    const handle = await draft();
    await handle.receive(action('copy'));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'Subject: Acme Devs x Design Systems Guild: a collaboration idea\n\nHi Sam,\n\nI run Acme Devs, a community of 12,000 developers.');
  });

  it('hands openExternal a mailto: link encoded exactly once, with no header smuggled through the address', async () => {
    const handle = await draft();
    const opened: unknown[] = [];
    const original = handle.opener;
    handle.opener = async (target) => {
      opened.push(target);
      return true;
    };
    try {
      const body = 'Q&A = fun #1?\nLine 2: 100% ü\n';
      await handle.receive(action('mail', { subject: 'Acme Devs x DSG: Q&A #1', body, to: 'sam@example.org?bcc=eve@example.org' }));
    } finally {
      handle.opener = original;
    }
    assert.strictEqual(opened.length, 1);
    // A string, not a Uri: the extension host opens a string as given, while a Uri would be
    // decoded and loosely re-encoded (cutting the body at the first `&`).
    assert.strictEqual(typeof opened[0], 'string');
    const link = opened[0] as string;
    assert.match(link, /^mailto:sam@example\.orgbcc%3Deve@example\.org\?subject=/);
    const params = new URL(link).searchParams;
    assert.deepStrictEqual([...params.keys()], ['subject', 'body'], 'only subject and body');
    assert.strictEqual(params.get('subject'), 'Acme Devs x DSG: Q&A #1');
    assert.strictEqual(params.get('body'), 'Q&A = fun #1?\r\nLine 2: 100% ü\r\n');
    assert.ok(!link.includes('%2525') && !link.includes('%2520'), 'nothing encoded twice');
    assert.ok(link.includes('100%25%20'), 'the percent sign encoded once');
  });

  it('drops a message that does not match the protocol', async () => {
    const handle = await draft();
    const stats = (await api()).webviews.stats('pitch');
    assert.ok(stats, 'the pitch panel is registered');
    const counted = { ...stats };
    const before = vscode.workspace.textDocuments.length;
    await handle.receive({ type: 'action', action: 'runShell', subject: '', body: 'rm -rf /', markdown: '' });
    await handle.receive({ type: 'action', action: 'newDocument', subject: 1, body: 'x', markdown: 'x' });
    await handle.receive('not even an object');
    // Each was refused on arrival, before any handler ran: nothing was started that could act later.
    assert.deepStrictEqual({ dropped: stats.dropped - counted.dropped, handled: stats.handled - counted.handled }, { dropped: 3, handled: 0 });
    assert.strictEqual(vscode.workspace.textDocuments.length, before);
  });
});

describe('Partnership agreement: insert, checklist, generate', () => {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await revertAndCloseAll();
  });

  it('Insert Partnership Agreement inserts a snippet with the community from the context and the partner as the first tab stop', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('communityPartnerships.insertAgreement');
    const text = await until('the snippet', () => doc.getText().includes('# Community Partnership') && doc.getText());
    assert.ok(text.startsWith('---\npartnership-doc: agreement\n---\n'), text.slice(0, 80));
    assert.ok(text.includes('# Community Partnership - Acme Devs x [partner community]'), 'own side from the context');
    assert.ok(text.includes('- **Primary contact for Acme Devs:** Maya Chen'), 'contact from the Team line');
    assert.ok(text.includes('- **The collaboration:** [partnership type] on [topic]'), 'what the collaboration is, to pick');
    assert.ok(/- \*\*Start date:\*\* \d{4}-\d{2}-\d{2}/.test(text), 'the date variables resolved');
    assert.ok(!text.includes('${'), 'no snippet syntax left');
    assert.strictEqual(doc.getText(editor.selection), '[partner community]', 'tab stop 1, the partner, is selected');
    // Typing the partner's name fills every place the partner is named; your side stays.
    await vscode.commands.executeCommand('type', { text: 'Design Systems Guild' });
    const typed = await until('the partner mirrored', () => doc.getText().includes('**Design Systems Guild will:**') && doc.getText());
    assert.ok(typed.includes('# Community Partnership - Acme Devs x Design Systems Guild'), typed.slice(0, 200));
    assert.ok(typed.includes('- For Design Systems Guild: [name and email], date:'));
    assert.ok(typed.includes("with two weeks' notice."), 'worded as the checklist');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.strictEqual(doc.getText(editor.selection), '[partnership type]', 'then the collaboration');
  });

  it('Insert Partnership Agreement opens a new Markdown document when no editor is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('communityPartnerships.insertAgreement');
    const editor = await until('an editor', () => vscode.window.activeTextEditor);
    assert.ok(editor.document.isUntitled);
    assert.strictEqual(editor.document.languageId, 'markdown');
    await until('the snippet', () => editor.document.getText().includes('Community Partnership - Acme Devs x'));
  });

  it('keeps the checklist per workspace (schema-checked) and generates the agreement from it', async () => {
    const handle = await vscode.commands.executeCommand<AgreementPanelHandle>('communityPartnerships.openAgreement');
    const state = emptyAgreement();
    state.contributions = { yours: ['Promote the workshop to 12,000 members'], theirs: ['Provide the speaker'] };
    state.duration = '3 months';
    state.startDate = '2026-03-01';
    state.reviewDate = '2026-06-01';
    state.metrics = [{ metric: 'Cross-community joins', target: '50' }];
    state.noticePeriod = '30 days';
    const checklist = { state, sides: { yours: 'Acme Devs', theirs: 'Design Systems Guild' } };
    await handle.receive({ type: 'update', checklist });
    // Not a checklist: dropped, the stored one stays.
    await handle.receive({ type: 'update', checklist: { state: { metrics: 'lots' }, sides: { yours: 'x', theirs: 'y' } } });
    await handle.receive({ type: 'update', checklist: { state: {}, sides: { yours: 'x'.repeat(5000), theirs: '' } } });

    const uri = await vscode.commands.executeCommand<vscode.Uri>('communityPartnerships.generateAgreement', { target: 'untitled' });
    assert.ok(uri);
    const doc = await until('the generated document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(doc.getText(), renderAgreement(state, checklist.sides));
    assert.ok(doc.getText().includes("with 30 days' notice."));

    // Into a file the user picks (here given, as a keybinding could): written, then shown.
    const target = file('docs/generated-agreement.md');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('communityPartnerships.generateAgreement', { target: 'file', uri: target });
      assert.strictEqual(written?.toString(), target.toString());
      assert.strictEqual(await readFile(target), renderAgreement(state, checklist.sides));
    } finally {
      await revertAndCloseAll();
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      await handle.receive({ type: 'update', checklist: { state: emptyAgreement(), sides: { yours: 'Acme Devs', theirs: '' } } });
      handle.panel.dispose();
    }
  });
});

describe('Partnership documents in Markdown: completions, diagnostics, Quick Fixes', () => {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await revertAndCloseAll();
  });

  it('offers the snippets with the context values filled in', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'cp-' });
    await vscode.window.showTextDocument(doc);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 3));
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const ours = list.items.filter((i) => / \(Acme Devs\)$/.test(label(i)));
    const byPrefix = (p: string) => ours.find((i) => label(i) === `${p} (Acme Devs)`);
    const agreement = byPrefix('cp-agreement');
    assert.ok(agreement, `got ${ours.map(label).join(', ')}`);
    assert.match((agreement.insertText as vscode.SnippetString).value, /Community Partnership - Acme Devs x \$\{1:\[partner community\]\}/);
    // Its details: the text it inserts, rendered, never snippet syntax.
    const docs = agreement.documentation as vscode.MarkdownString;
    assert.match(docs.value, /^### Community Partnership - Acme Devs x \[partner community\]$/m);
    assert.match(docs.value, /^- \*\*Start date:\*\* \d{4}-\d{2}-\d{2}$/m);
    for (const item of ours) assert.doesNotMatch((item.documentation as vscode.MarkdownString).value, /\$\{|\|\}/, label(item));
    const pitch = byPrefix('cp-pitch');
    assert.ok(pitch);
    const body = (pitch.insertText as vscode.SnippetString).value;
    // The same composer as the pitch panel: the context's values woven into sentences.
    assert.ok(body.includes('Our 12,000 members are backend and full-stack developers integrating payments and identity.'), body);
    assert.ok(body.includes('For context, 1,800 of our members are active (about 400 messages a week; newsletter open rate 46%).'), body);
    assert.ok(/\n\nMaya Chen\n$/.test(body), 'sign-off from the Team line');
    assert.ok(/\$\{\d+:\[partner's name\]\}/.test(body), 'the partner side stays a tab stop');
    assert.ok(byPrefix('cp-pitch-cold') && byPrefix('cp-pitch-warm') && byPrefix('cp-checkin'));
    assert.ok(!byPrefix('cp-scorecard'), 'nothing of the context to add: the static snippet is enough');
  });

  it('offers the agreement and the pitch snippets in the language last picked for the text', async () => {
    const handle = await draft();
    const completions = async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'cp-' });
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 3));
      const text = (prefix: string) => (list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === `${prefix} (Acme Devs)`)?.insertText as vscode.SnippetString | undefined)?.value ?? '';
      return { agreement: text('cp-agreement'), pitch: text('cp-pitch') };
    };
    try {
      await handle.receive({ type: 'textLanguage', requestId: 1, language: 'de' });
      const de = await completions();
      assert.match(de.agreement, /^# Community-Partnerschaft – Acme Devs × /m, de.agreement.slice(0, 200));
      assert.match(de.agreement, /mit einer Frist von/);
      assert.match(de.pitch, /^Hallo /m, de.pitch.slice(0, 200));
      assert.match(de.pitch, /^\*\*Betreff:\*\* /m, 'the subject line labelled in German');
      assert.match(de.pitch, /12\.000/, 'the member count as German writes it');
    } finally {
      await handle.receive({ type: 'textLanguage', requestId: 2, language: 'en' });
    }
    const en = await completions();
    assert.match(en.agreement, /Community Partnership - Acme Devs x /);
  });

  it('flags unfilled placeholders and the missing exit clause; the Quick Fix inserts it', async () => {
    const uri = file(DRAFT);
    const original = await readFile(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Community Partnerships');
      return d.length >= 4 && d;
    });
    const codes = diags.map((d) => String(d.code)).sort();
    assert.deepStrictEqual(codes, ['missing-exit', 'placeholder', 'placeholder', 'placeholder']);
    const placeholders = diags.filter((d) => d.code === 'placeholder').map((d) => doc.getText(d.range));
    assert.deepStrictEqual(placeholders.sort(), ['[name and email]', '[review date]', '[what they contribute]'], 'never the link or the task box');

    const exit = diags.find((d) => d.code === 'missing-exit')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, exit.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Add an exit clause');
    assert.ok(fix?.edit, `got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(
      doc.getText(),
      original +
        "\n## Exit clause\n\nEither side can end this partnership at any time by telling the other side in writing, with two weeks' notice. " +
        'Anything already promised to members (an announced event, a piece in progress) is either finished or called off together, and both sides agree on how to tell their members.\n',
    );
    await until('the exit diagnostic to go', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'missing-exit'));
    assert.strictEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'placeholder').length, 3);
    assert.strictEqual(await readFile(uri), original, 'nothing written to disk');
  });

  it('offers to select a placeholder, and to fill it from the context when the context knows it', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\npartnership-doc: pitch\n---\n\nI run [your community], see [review date].\n' });
    const editor = await vscode.window.showTextDocument(doc);
    // Both placeholders are in one section: one Information for the section, on the first.
    const diags = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length === 1 && d;
    });
    const community = diags.find((d) => doc.getText(d.range) === '[your community]');
    assert.ok(community, `got ${diags.map((d) => `${d.source}: ${d.message} ${JSON.stringify(d.range)}`).join('; ')}`);
    assert.strictEqual(community.message, '2 placeholders to fill in here: [your community], [review date].');
    assert.strictEqual(community.severity, vscode.DiagnosticSeverity.Information);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, community.range, vscode.CodeActionKind.QuickFix.value);
    const fill = actions.find((a) => a.title.startsWith('Replace [your community] with'));
    assert.ok(fill?.edit, `got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fill.edit));
    assert.ok(doc.getText().includes('I run Acme Devs, see [review date].'));

    const review = await until('the diagnostics of the edited text', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length === 1 && doc.getText(d[0].range) === '[review date]' && d[0];
    });
    assert.strictEqual(review.message, '[review date] is still to be filled in.');
    const more = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, review.range, vscode.CodeActionKind.QuickFix.value);
    const select = more.find((a) => a.title === 'Select [review date] to fill it in');
    assert.ok(select?.command);
    await vscode.commands.executeCommand(select.command.command, ...(select.command.arguments ?? []));
    await until('the selection', () => editor.document.getText(vscode.window.activeTextEditor?.selection) === '[review date]');
  });

  it('opening every demo record shows no agreement warning before `agreed`, and a new record at most one Information per section', async () => {
    // The demo workspace's records, opened from the repository (outside this test workspace,
    // so that no other test sees their problems).
    const demo = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'demo', 'partnerships');
    const records = (await vscode.workspace.fs.readDirectory(demo)).filter(([f]) => f.endsWith('.md')).map(([f]) => vscode.Uri.joinPath(demo, f));
    const basename = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
    assert.ok(records.length >= 5);
    const stages = new Map<vscode.Uri, string>();
    for (const uri of records) {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      stages.set(uri, /^stage:\s*(\S+)/m.exec(doc.getText())?.[1] ?? 'prospect');
    }
    // The checker has seen every record once the active ones show their missing items.
    for (const [uri, stage] of stages) {
      if (stage === 'active') await until(`the check of ${basename(uri)}`, () => vscode.languages.getDiagnostics(uri).some((d) => String(d.code).startsWith('missing-')));
    }
    for (const [uri, stage] of stages) {
      const warnings = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Community Partnerships' && d.severity === vscode.DiagnosticSeverity.Warning);
      if (!['agreed', 'active', 'ended'].includes(stage)) assert.deepStrictEqual(warnings.map((d) => d.message), [], `${basename(uri)} (${stage})`);
    }
    await revertAndCloseAll();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('communityPartnerships.newPartnership', undefined, { partner: 'Prose Check Guild', community: '', types: ['co-hosted-event', 'newsletter-cross-promotion'] });
    assert.ok(uri);
    try {
      const doc = await until('the new record', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
      const text = doc.getText();
      assert.ok(text.includes('Our 12,000 members are backend and full-stack developers'), 'the pitch is prefilled from the context');
      const diags = await until('the new record checked', () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Community Partnerships');
        return d.length > 0 && d;
      });
      assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Information), diags.map((d) => d.message).join('; '));
      const sections = text.split('\n').filter((l) => /^#{1,6} /.test(l)).length;
      const sectionOf = (d: vscode.Diagnostic) => text.lastIndexOf('\n#', doc.offsetAt(d.range.start));
      assert.strictEqual(new Set(diags.map(sectionOf)).size, diags.length, 'one per section');
      assert.ok(diags.length <= sections);
      assert.ok(diags.some((d) => /^\d+ placeholders to fill in here: /.test(d.message)), diags.map((d) => d.message).join('; '));
    } finally {
      await revertAndCloseAll();
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      // The next suites count the planner's records: the deletion reaches the index through a
      // file watcher event, a moment later.
      const p = await (await api()).planner();
      await p.ensureLoaded();
      await until('the planner to drop the new record', () => !p.get(uri.toString()));
    }
  });

  it('leaves other Markdown alone and clears the problems when a document stops being checked', async () => {
    const notes = await vscode.workspace.openTextDocument(file('docs/notes.md'));
    await vscode.window.showTextDocument(notes);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\npartnership-doc: check-in\n---\n\n[number] joins\n' });
    await vscode.window.showTextDocument(doc);
    await until('diagnostics on the check-in', () => vscode.languages.getDiagnostics(doc.uri).length === 1);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(notes.uri), [], 'not a partnership document');
    // A language change closes the document for its old language: its problems go.
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await until('the problems to clear', () => vscode.languages.getDiagnostics(doc.uri).length === 0);
  });
});
