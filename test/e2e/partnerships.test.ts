import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { assertReadable, e2e, editorText, runCommand, screenshot, settle, webview, webviewInTheme } from './harness';
import { proseProblems } from '../lib/prose';

const ROOT = path.resolve(__dirname, '../../..');
const LIMITS = { Classic: 200, Cold: 150, Warm: 200 } as const;

/** Picks an option of a drop-down (the platform's <select>, found by its label) by the option's text. */
async function pick(form: FrameLocator, label: string, option: string): Promise<void> {
  await form.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
}

/** Each variant's prefilled preview, as the page shows it, against the mechanical checks. */
async function checkEveryVariant(form: FrameLocator, once: string[], names: string[], expect: RegExp): Promise<string[]> {
  const preview = form.getByRole('document', { name: 'Pitch preview' });
  const seen: string[] = [];
  for (const [variant, wordLimit] of Object.entries(LIMITS)) {
    await form.getByText(variant, { exact: true }).click();
    let text = '';
    for (let i = 0; i < 100 && !expect.test((text = (await preview.textContent()) ?? '')); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(text, expect, `${variant}: ${text}`);
    assert.deepStrictEqual(proseProblems(text, { wordLimit, once, names, placeholdersAllowed: true }), [], `${variant}:\n${text}`);
    seen.push(text);
  }
  return seen;
}

// The flows once, in the dark theme; the light theme is switched to in the same window at the end.
{
  const theme = 'dark';
  describe(`Draft Outreach Pitch and the agreement checklist (${theme} theme)`, () => {
    let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

    before(async () => {
      session = await e2e().open('workspace', { theme });
    });
    after(async () => session?.close());

    it('prefills the pitch from the context, previews as the user types, and opens it as a document', async () => {
      const { page } = session;
      await runCommand(page, 'Community Partnerships: Draft Outreach Pitch');
      const form = await webview(page, 'Draft Outreach Pitch');

      const name = form.getByLabel('Community name', { exact: true });
      await name.waitFor();
      assert.strictEqual(await name.inputValue(), 'Acme Devs');
      await form.getByText('From your context: Community Name').waitFor();
      const preview = form.getByRole('document', { name: 'Pitch preview' });
      assert.match((await preview.textContent()) ?? '', /^Hi \[partner's name\],/);

      await form.getByLabel('Contact name').fill('Sam');
      await form.getByText("Hi Sam,").waitFor();
      await form.getByLabel('Their community').fill('Design Systems Guild');
      await pick(form, 'Collaboration idea', 'Co-hosted AMA, workshop or webinar');
      await form.getByLabel('Topic', { exact: true }).fill('API design reviews');
      await form.getByLabel('What you contribute').fill('a speaker from our team and a feature in our newsletter');
      await form.getByLabel('What you hope to gain').fill('a slot in your newsletter');
      const text = (await preview.textContent()) ?? '';
      assert.ok(text.includes('I run Acme Devs, a community for developers building on the Acme API. Our 12,000 members are backend'), text);
      assert.ok(text.includes('Co-hosting a session on API design reviews'), text);
      await form.getByRole('heading', { name: 'Draft outreach pitch' }).scrollIntoViewIfNeeded();
      await screenshot(page, `pitch-panel-${theme}`);

      await form.getByRole('button', { name: 'Open as Document' }).click();
      await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 15_000 });
      await page.locator('.monaco-editor .view-lines', { hasText: 'Hi Sam,' }).first().waitFor({ timeout: 15_000 });
      const doc = await editorText(page);
      assert.match(doc, /partnership-doc: pitch/);
      assert.match(doc, /Hi Sam,/);
      await screenshot(page, `pitch-document-${theme}`);
    });

    it('the prefilled preview of each variant reads as written by hand, for this context and a drifted one', async () => {
      const { page, workspace } = session;
      await page.locator('.tab', { hasText: 'Draft Outreach Pitch' }).click();
      const form = await webview(page, 'Draft Outreach Pitch');
      // Back to the prefilled draft: the partner's side as the user found it.
      for (const label of ['Contact name', 'Their community', 'What you contribute', 'What you hope to gain']) await form.getByLabel(label).fill('');
      await form.getByLabel('Topic', { exact: true }).fill('');
      await pick(form, 'Collaboration idea', 'Choose a partnership type…');
      const names = ['Acme', 'Devs', 'API', 'AMA', 'Maya', 'Chen'];
      await checkEveryVariant(form, ['12,000'], names, /Acme Devs/);

      // A drifted context, written under the open form: the preview follows it.
      const context = path.join(workspace, '.claude', 'community-context.md');
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/pitch-contexts/graphql-berlin.md'), context);
      await checkEveryVariant(form, ['1,100'], ['GraphQL', 'Berlin', 'Brandenburg', 'Jonas', 'Weber'], /GraphQL Berlin/);
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/pitch-contexts/osm-drift.md'), context);
      await checkEveryVariant(form, ['5,000'], ['OpenStreetMap', 'Lisboa', 'Portugal'], /OpenStreetMap Lisboa/);
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/workspace/.claude/community-context.md'), context);
      await form.getByText('Classic', { exact: true }).click();
      // Leave the pitch document in front, as the next test expects.
      await page.locator('.tab', { hasText: 'Untitled' }).first().click();
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
    });

    it('fills the agreement checklist with its progress', async () => {
      const { page } = session;
      // The click in the webview kept the keyboard there: give it back to the editor first.
      await page.locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'Community Partnerships: Open Agreement Checklist');
      const form = await webview(page, 'Partnership Agreement');
      const yours = form.getByLabel('Your community', { exact: true });
      await yours.waitFor();
      assert.strictEqual(await yours.inputValue(), 'Acme Devs');
      await form.getByLabel('Partner community').fill('Design Systems Guild');
      await form.getByLabel('Design Systems Guild will').fill('Provide the speaker\nHost the recording');
      await form.getByLabel('Acme Devs will').fill('Promote the workshop to our members');
      await pick(form, 'Duration', '3 months');
      await form.getByText('2 of 10 agreed').waitFor();
      await screenshot(page, `agreement-checklist-${theme}`);
      await session.setTheme('light');
      await webviewInTheme(form, 'light');
      await assertReadable(form.getByText('2 of 10 agreed'), 'the progress in the light theme');
      await screenshot(page, 'agreement-checklist-light');
    });

    it("Insert Partnership Agreement: Tab starts at the partner, and the cp- completion's details show the text it inserts", async () => {
      const { page } = session;
      await runCommand(page, 'File: New Untitled Text File');
      await runCommand(page, 'Change Language Mode');
      await page.keyboard.type('Markdown');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: /^Markdown/ }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await runCommand(page, 'Community Partnerships: Insert Partnership Agreement');
      await page.locator('.monaco-editor .view-lines', { hasText: 'Community Partnership - Acme Devs x [partner community]' }).first().waitFor({ timeout: 15_000 });
      // What anyone types first: the partner's name. It fills every place the partner is named.
      await page.keyboard.type('Design Systems Guild');
      await page.locator('.monaco-editor .view-lines', { hasText: 'Community Partnership - Acme Devs x Design Systems Guild' }).first().waitFor({ timeout: 15_000 });
      const text = await editorText(page);
      assert.match(text, /\*\*Design Systems Guild will:\*\*/);
      assert.match(text, /\*\*Acme Devs will:\*\*/);
      assert.match(text, /Primary contact for Acme Devs:\*\* Maya Chen/);
      await screenshot(page, 'agreement-snippet-light');

      // The completion: its details are the agreement as it will read, never snippet syntax.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('cp-agr');
      await page.keyboard.press('Control+Space');
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'cp-agreement (Acme Devs)' });
      await row.first().waitFor({ timeout: 20_000 });
      const details = page.locator('.suggest-details');
      for (let i = 0; i < 3 && !(await details.isVisible()); i++) {
        await page.keyboard.press('Control+Space');
        await page.waitForTimeout(300);
      }
      await details.locator('h3', { hasText: 'Community Partnership - Acme Devs x [partner community]' }).waitFor({ timeout: 15_000 });
      const shown = (await details.textContent()) ?? '';
      assert.doesNotMatch(shown, /\$\{|\|\}/, shown.slice(0, 300));
      assert.match(shown, /Start date: \d{4}-\d{2}-\d{2}/);
      await screenshot(page, 'agreement-snippet-completion-light');
      await page.keyboard.press('Escape');
    });

    it('Export Partnership Report to share with the partner, in English and in German: no lateness, no scores', async () => {
      const { page } = session;
      // The guild's monthly check-in is long overdue and it is scored: the partner sees neither.
      const versions = [
        { language: 'English', heading: 'Partnerships report: Acme Devs', nextCheckIn: 'to be arranged in the coming days', hidden: /overdue|late\b|days ago|score|pursue|\d(\.\d)? of 5/i },
        { language: 'Deutsch', heading: 'Bericht zu den Partnerschaften: Acme Devs', nextCheckIn: 'wird in den nächsten Tagen vereinbart', hidden: /überfällig|verspätet|seit \d+ Tag|Bewertung|bewertet|Scorecard|\d(,\d)? von 5/i },
      ];
      for (const v of versions) {
        await runCommand(page, 'Community Partnerships: Export Partnership Report');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'All partnerships' }).first().click({ timeout: 15_000 });
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'To share with the partner' }).filter({ hasText: v.language }).first().click({ timeout: 15_000 });
        await page.locator('.monaco-editor .view-lines', { hasText: v.heading }).first().waitFor({ timeout: 20_000 });
        const text = await editorText(page);
        assert.ok(text.startsWith(`# ${v.heading}`), text.slice(0, 200));
        assert.ok(text.includes(v.nextCheckIn), `the overdue check-in reads "${v.nextCheckIn}": ${text.slice(0, 600)}`);
        assert.ok(text.includes('Design Systems Guild') && text.includes('Rust Berlin'), 'both partnerships');
        assert.doesNotMatch(text, v.hidden, `no lateness and no scores in the ${v.language} report`);
        await screenshot(page, `report-partner-${v.language === 'English' ? 'en' : 'de'}-${theme}`);
      }
    });
  });
}

describe('Draft Outreach Pitch with a hostile context', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('hostile-workspace', { theme: 'dark' });
  });
  after(async () => session?.close());

  it('shows markup from the context as text and runs none of it', async () => {
    const { page } = session;
    await runCommand(page, 'Community Partnerships: Draft Outreach Pitch');
    const form = await webview(page, 'Draft Outreach Pitch');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const name = form.getByLabel('Community name', { exact: true });
    await name.waitFor();
    // The context reaches the page after the form is drawn: the preview shows when it has.
    const preview = form.getByRole('document', { name: 'Pitch preview' });
    await preview.getByText(`I run ${hostile}`).waitFor();
    assert.strictEqual(await name.inputValue(), hostile);
    assert.ok(((await preview.textContent()) ?? '').includes('a community of 900 people who type <b>tags</b> into forms'));
    assert.strictEqual(await form.locator('#app img, #app script, #app b').count(), 0, 'no element made from the context');
    // The page has loaded and the workbench is still: a handler made from the context would have run.
    await settle(page);
    const inFrame = await form.locator('body').evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned);
    const inPage = await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned);
    assert.strictEqual(inFrame, undefined);
    assert.strictEqual(inPage, undefined);
    await screenshot(page, 'pitch-hostile-dark');
  });

  it('follows the context for prefilled fields only, and keeps the form when hidden and shown again', async () => {
    const { page, workspace } = session;
    let form = await webview(page, 'Draft Outreach Pitch');
    await form.getByLabel('Members', { exact: true }).fill('950');
    await form.getByLabel('Contact name').fill('Sam');
    const file = path.join(workspace, '.claude', 'community-context.md');
    const text = fs.readFileSync(file, 'utf8').replace(/Community Name:\*\* .*/, 'Community Name:** Renamed Guild').replace('900 members', '1,000 members');
    fs.writeFileSync(file, text);
    const name = form.getByLabel('Community name', { exact: true });
    for (let i = 0; i < 100 && (await name.inputValue()) !== 'Renamed Guild'; i++) await page.waitForTimeout(200);
    assert.strictEqual(await name.inputValue(), 'Renamed Guild', 'a prefilled field follows the context');
    assert.strictEqual(await form.getByLabel('Members', { exact: true }).inputValue(), '950', 'an overridden field keeps the user\'s value');

    // Hidden behind another editor, the webview is discarded; shown again, it restores its state.
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 15_000 });
    await page.locator('.tab', { hasText: 'Draft Outreach Pitch' }).click();
    form = await webview(page, 'Draft Outreach Pitch');
    await form.getByText('Hi Sam,').waitFor();
    assert.strictEqual(await form.getByLabel('Contact name').inputValue(), 'Sam');
    assert.strictEqual(await form.getByLabel('Members', { exact: true }).inputValue(), '950');
    assert.strictEqual(await form.getByLabel('Community name', { exact: true }).inputValue(), 'Renamed Guild');
  });
});
