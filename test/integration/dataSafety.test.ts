import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, file, folder, readFile, revertAndCloseAll, until, writeFile } from './helpers';

const CONTEXT = '.claude/community-context.md';

/** Changes the file the way another program would: straight on disk, not through VS Code. */
function changeOnDisk(from: string, to: string): string {
  const p = file(CONTEXT).fsPath;
  const text = fs.readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `the file holds ${from}`);
  const next = text.replace(from, to);
  fs.writeFileSync(p, next);
  return next;
}

describe('Data safety: the context file changed on disk while Update Community Context is open', () => {
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

  async function openForm() {
    const { webviews } = await api();
    await vscode.commands.executeCommand('communityPartnerships.updateContext', folder().uri);
    await until('the form to open', () => webviews.names().includes('contextForm'));
    // The form's values are what "changed" is measured against: the file as it was when it opened.
    await webviews.deliver('contextForm', { type: 'ready' });
    return webviews;
  }

  it('asks before replacing a value someone else changed, and keeps theirs when the answer is no', async () => {
    const webviews = await openForm();
    const external = changeOnDisk('- **Community Name:** Acme Devs', '- **Community Name:** Acme Developers Guild');
    const asked = webviews.asked.length;
    webviews.answerNext('contextConflict', false);
    await webviews.deliver('contextForm', { type: 'save', values: { 'Community Name': 'Acme Form Value' } });
    assert.deepStrictEqual(webviews.asked.slice(asked), [{ question: 'contextConflict', detail: 'Community Name' }], 'the conflict was detected and offered');
    assert.strictEqual(fs.readFileSync(file(CONTEXT).fsPath, 'utf8'), external, 'the external value is kept, nothing written');
    assert.strictEqual(webviews.stats('contextForm')?.failed, 0);

    // Saying yes is the only way the form's value replaces theirs; every other byte stays.
    webviews.answerNext('contextConflict', true);
    await webviews.deliver('contextForm', { type: 'save', values: { 'Community Name': 'Acme Form Value' } });
    assert.strictEqual(webviews.asked.length, asked + 2, 'asked again');
    assert.strictEqual(fs.readFileSync(file(CONTEXT).fsPath, 'utf8'), external.replace('Acme Developers Guild', 'Acme Form Value'));
  });

  it('keeps an external change to a field the form did not change, with no question', async () => {
    const webviews = await openForm();
    const external = changeOnDisk('- **Founded:** 2022', '- **Founded:** 2021 (renamed 2022)');
    const asked = webviews.asked.length;
    await webviews.deliver('contextForm', { type: 'save', values: { 'Community Name': 'Acme Form Value' } });
    assert.strictEqual(webviews.asked.length, asked, 'no conflict: nothing to ask');
    const after = fs.readFileSync(file(CONTEXT).fsPath, 'utf8');
    assert.strictEqual(after, external.replace('- **Community Name:** Acme Devs', '- **Community Name:** Acme Form Value'), 'both changes kept, nothing else touched');
    assert.ok(after.includes('2021 (renamed 2022)'), 'the external value is not lost');
  });

  it('does not ask when the file changed to the value the form writes', async () => {
    const webviews = await openForm();
    const external = changeOnDisk('- **Community Name:** Acme Devs', '- **Community Name:** Same Value');
    const asked = webviews.asked.length;
    await webviews.deliver('contextForm', { type: 'save', values: { 'Community Name': 'Same Value' } });
    assert.strictEqual(webviews.asked.length, asked);
    assert.strictEqual(fs.readFileSync(file(CONTEXT).fsPath, 'utf8'), external);
  });
});
