import * as assert from 'node:assert';
import * as path from 'node:path';
import { cutTexts, e2e, editorText, runCommand, screenshot, setSidebarWidth, settle, webview } from './harness';
import { openNarrowPlanner } from './narrow.test';

/**
 * The display language German (the test language pack in test/fixtures/language-pack-de leaves
 * VS Code's own strings in English): the extension's commands, its notification and its status
 * bar entry come from package.nls.de.json and l10n/bundle.l10n.de.json.
 */
describe('In German (display language de)', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('empty-workspace', { theme: 'light', locale: 'de' });
  });
  after(async () => session?.close());

  it('lists the commands in German in the Command Palette', async () => {
    const { page } = session;
    // The view container in German; opening it loads the Planner's webview, which takes the focus
    // once loaded: the palette is opened only after that (settle), or it would close under us.
    const container = page.locator('.activitybar .action-item a[aria-label^="Community-Partnerschaften"]').first();
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
    await page.locator('.sidebar .title-label', { hasText: /Planer/i }).first().waitFor({ timeout: 30_000 });
    await settle(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    // Each title as the palette finds it; VS Code shows the English title beside a translated one.
    for (const title of ['Community-Kontext anlegen', 'Community-Kontext öffnen', 'Neue Partnerschaft', 'Anfrage an eine Partner-Community entwerfen']) {
      await input.fill(`>Community-Partnerschaften: ${title}`);
      const row = rows.filter({ has: page.locator('.label-name', { hasText: `Community-Partnerschaften: ${title}` }) }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
    }
    await input.fill('>Community-Partnerschaften');
    await rows.first().waitFor({ state: 'visible' });
    // A row's first label is its title; the English original, if any, follows in a second one.
    const names: string[] = [];
    for (const row of await rows.all()) names.push(((await row.locator('.label-name').first().textContent()) ?? '').trim());
    const ours = names.filter((n) => /Community/.test(n));
    assert.ok(ours.length >= 5, names.join(' | '));
    assert.deepEqual(ours.filter((n) => !n.startsWith('Community-Partnerschaften: ')), [], 'every title of the extension in German');
    await screenshot(page, 'l10n-de-palette-light');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });

  it('says in German that the folder has no context yet, offers to create it, and shows it in the status bar', async () => {
    const { page } = session;
    await runCommand(page, 'Community-Partnerschaften: Community-Kontext öffnen');
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'hat noch keine Datei' }).first();
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
    assert.match(message, /^Der Ordner \S+ hat noch keine Datei \.claude\/community-context\.md\.$/);
    await toast.locator('.monaco-button', { hasText: 'Community-Kontext anlegen' }).first().waitFor({ state: 'visible' });

    const item = page.locator('.statusbar-item', { hasText: 'Community-Kontext einrichten' }).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const label = (await item.getAttribute('aria-label')) || (await item.locator('[aria-label]').first().getAttribute('aria-label')) || '';
    assert.match(label, /^Kein Community-Kontext in \S+\. Aktivieren, um einen anzulegen\.$/);
    await screenshot(page, 'l10n-de-notification-status-light');
  });

  it('shows the pitch panel in German: its fields, checks and buttons; the pitch in the language picked for the text', async () => {
    const { page } = session;
    await runCommand(page, 'Community-Partnerschaften: Anfrage an eine Partner-Community entwerfen');
    const pitch = await webview(page, 'Anfrage an eine Partner-Community entwerfen');
    await pitch.getByRole('heading', { name: 'Anfrage an eine Partner-Community entwerfen' }).waitFor({ timeout: 30_000 });
    await pitch.getByRole('heading', { name: /^Prüfungen: \d von 5 bestanden$/ }).waitFor();
    await pitch.locator('.check-title', { hasText: /^Eine konkrete Idee: noch offen$/ }).waitFor();
    await pitch.getByRole('button', { name: 'An der Cursorposition einfügen' }).waitFor();
    // No context in this folder: the page says so in German.
    await pitch.getByText(/hat noch keinen Community-Kontext/).waitFor();
    await pitch.getByLabel('Thema', { exact: true }).fill('Release-Partys');
    const preview = pitch.getByRole('document', { name: 'Vorschau der Anfrage' });
    assert.match((await preview.textContent()) ?? '', /^Hi \[partner's name\],/, 'the pitch is English until German is picked for it');
    await pitch.getByLabel('Mitglieder', { exact: true }).fill('12000');
    // German picked for the text: the pitch in German, its numbers in German format.
    await pitch.locator('label[for="language-de"]').click();
    await pitch.getByRole('document', { name: 'Vorschau der Anfrage', exact: true }).filter({ hasText: /^Hallo / }).waitFor({ timeout: 15_000 });
    const german = (await preview.textContent()) ?? '';
    assert.match(german, /^Hallo \[Name der Ansprechperson\],/);
    assert.match(german, /Wir sind 12\.000 Mitglieder\./);
    assert.doesNotMatch(german, /12,000|\bHi\b|\bmembers\b/);
    await screenshot(page, 'l10n-de-pitch-german-light');
    // And English again in the German UI, with English numbers.
    await pitch.locator('label[for="language-en"]').click();
    await pitch.getByRole('document', { name: 'Vorschau der Anfrage', exact: true }).filter({ hasText: /^Hi / }).waitFor({ timeout: 15_000 });
    assert.match((await preview.textContent()) ?? '', /12,000/);
    await pitch.getByRole('heading', { name: 'Anfrage an eine Partner-Community entwerfen' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'l10n-de-pitch-light');
  });

  it('offers Deutsch for the agreement too, and writes the agreement document in German with German dates', async () => {
    const { page } = session;
    await runCommand(page, 'Community-Partnerschaften: Checkliste der Vereinbarung öffnen');
    const agreement = await webview(page, 'Partnerschaftsvereinbarung');
    await agreement.locator('#generate').waitFor({ timeout: 30_000 });
    await agreement.getByRole('radiogroup', { name: 'Sprache des Textes' }).waitFor();
    // The language last picked (English, for the pitch above) until the checklist has its own.
    assert.ok(await agreement.locator('#language-en').isChecked(), 'the language last picked is offered first');
    await agreement.locator('label[for="language-de"]').click();
    assert.ok(await agreement.locator('#language-de').isChecked());
    // The default notice period follows the language of the text.
    assert.strictEqual(await agreement.getByLabel('Kündigungsfrist', { exact: true }).evaluate((el) => (el as unknown as { value: string }).value), 'zwei Wochen');
    await agreement.getByLabel('Partner-Community', { exact: true }).fill('Design Systems Guild');
    await agreement.getByLabel('Startdatum', { exact: true }).fill('2026-03-15');
    // The document opens in an editor in front of the checklist.
    await agreement.locator('#generate').click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Community-Partnerschaft' }).first().waitFor({ timeout: 15_000 });
    const text = await editorText(page);
    assert.match(text, /^# Community-Partnerschaft – \[deine Community\] × Design Systems Guild$/m);
    assert.match(text, /^- \*\*Startdatum:\*\* 15\.03\.2026$/m);
    assert.match(text, /^## Was jede Seite beiträgt$/m);
    assert.match(text, /mit einer Frist von zwei Wochen/);
    assert.doesNotMatch(text, /Community Partnership|Start date|2026-03-15/, 'nothing of it in English');
    await screenshot(page, 'l10n-de-agreement-german-light');
  });
});

/**
 * The planner in German: the page's own words, the domain's (stages, criteria, verdicts, metric
 * titles, playbook steps, the forecast) and the view's messages come from the same bundle as the
 * commands; the record's content stays as written. German words are longer: the narrow sidebar
 * check runs here too.
 */
describe('The planner in German (display language de), in a 300 px sidebar', () => {
  let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

  before(async () => {
    session = await e2e().open('narrow-workspace', { theme: 'dark', locale: 'de', viewport: { width: 1100, height: 1900 } });
  });
  after(async () => session?.close());

  it('shows every section in German, changes a score and says so in German, and cuts nothing without a tooltip', async () => {
    const { page } = session;
    const view = await openNarrowPlanner(page);
    const got = await setSidebarWidth(page, 300);
    assert.ok(Math.abs(got - 300) <= 2, `the sidebar is ${got} px wide`);
    const text = await view.locator('#app').innerText();
    for (const de of ['KONTEXT', 'PARTNERSCHAFTS-PIPELINE', 'PLAN UND PROGNOSE', 'Alle', 'Vereinbart', 'Kandidat', 'Angaben', 'Community der Partnerseite', 'Größe des Partners', 'Eignung des Partners', 'Überschneidung der Zielgruppen', 'Mit Vorsicht weiter', 'Kennzahlen', 'Beitritte über den Partner', 'Richtwert', 'Check-in-Termine', 'Überfällig', 'Co-Marketing-Leitfaden', 'Thema, Format und Termin vereinbaren', 'Neue Mitglieder', 'kein Versprechen', 'Felder', 'Mitglieder']) {
      assert.ok(text.includes(de), `"${de}" in the German planner:\n${text.slice(0, 3000)}`);
    }
    for (const en of ['Partner fit', 'Proceed cautiously', 'Check-ins\n', 'New members', 'Log metric', 'Agree on the topic', 'Prospect', 'benchmark']) assert.ok(!text.includes(en), `no English "${en}" left`);
    // What the record says stays as written.
    assert.ok(text.includes('after the joint threat-modelling workshop series') || (await view.locator('[title*="after the joint threat-modelling"]').count()) > 0, 'a measurement note as written');
    const cuts = await cutTexts(view);
    assert.deepStrictEqual(cuts.filter((c) => !c.title.replace(/\s+/g, ' ').includes(c.text)).map((c) => `${c.what}: "${c.text}"`), [], 'cut without a tooltip, in German at 300 px');
    await view.locator('#section-context').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('.part.sidebar').screenshot({ path: path.join(e2e().screenshots, 'l10n-de-planner-300-dark-top.png') });

    // A change, confirmed in German, with the view's Undo in German.
    await view.locator('#score-mutualBenefit-5').click();
    await view.locator('.status', { hasText: '„Beiderseitiger Nutzen“ mit 5 bewertet.' }).waitFor({ timeout: 15_000 });
    await view.locator('#undo[aria-label="Rückgängig: „Beiderseitiger Nutzen“ mit 5 bewertet"]').waitFor({ timeout: 15_000 });
    await view.locator('#section-record .sub').nth(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('.part.sidebar').screenshot({ path: path.join(e2e().screenshots, 'l10n-de-planner-300-dark-record.png') });
    await view.locator('#section-plan').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('.part.sidebar').screenshot({ path: path.join(e2e().screenshots, 'l10n-de-planner-300-dark-plan.png') });
  });
});
