import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { e2e, editorText, runCommand, screenshot, webview } from './harness';

// Once: what it checks does not depend on the theme (each webview's theme is checked in panels.test.ts).
{
  const theme = 'dark';
  describe(`Create Community Context from the Command Palette (${theme} theme)`, () => {
    let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

    before(async () => {
      session = await e2e().open('empty-workspace', { theme });
    });
    after(async () => session?.close());

    it('fills the form section by section and shows the new file in the editor', async () => {
      const { page, workspace } = session;
      await runCommand(page, 'Community Partnerships: Create Community Context');
      const form = await webview(page, 'Create Community Context');

      await form.getByLabel('Community Name', { exact: true }).fill('Night Owls');
      await form.getByLabel('Current size').fill('2.5k members');
      await form.getByLabel('One-line description').fill('Developers who ship after dark');
      await screenshot(page, `context-form-${theme}`);

      // Skip to "Current State" through the step list, fill one field there.
      await form.getByRole('button', { name: /Current State/ }).click();
      await form.getByLabel('Active members').fill('600');
      await form.getByRole('button', { name: 'Create file' }).click();

      const file = path.join(workspace, '.claude', 'community-context.md');
      const started = Date.now();
      while (!fs.existsSync(file) && Date.now() - started < 15_000) await page.waitForTimeout(100);
      const text = fs.readFileSync(file, 'utf8');
      // The family's template exactly: no title before the first section.
      assert.match(text, /^## Community Overview\n/);
      assert.ok(text.includes('- **Community Name:** Night Owls\n'));
      assert.ok(text.includes('- **Current size:** 2.5k members\n'));
      assert.ok(text.includes('- **Active members:** 600\n'));
      assert.ok(text.includes('- **Mission:** TBD\n'));

      // The file opens in the editor, and the status bar shows the community and its completeness.
      await page.locator('.tab.active', { hasText: 'community-context.md' }).waitFor({ timeout: 15_000 });
      await page.locator('.monaco-editor .view-lines', { hasText: 'Night Owls' }).first().waitFor({ timeout: 15_000 });
      assert.match(await editorText(page), /Community Name:\*\* Night Owls/);
      const status = page.locator('.statusbar-item', { hasText: 'Night Owls' });
      await status.waitFor({ timeout: 15_000 });
      assert.match((await status.textContent()) ?? '', /Night Owls · 4\/39 fields/);
      await screenshot(page, `context-created-${theme}`);
    });
  });
}
