import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { assertReadable, e2e, fileIs, fileMatches, plannerView, runCommand, screenshot, webviewInTheme } from './harness';

async function quickInput(page: Page, title: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  const input = page.locator('.quick-input-widget input.input');
  await input.fill(value);
  await page.keyboard.press('Enter');
}

// The flow once; the theme then switches in the same window (the contrast of every webview's
// selected state in all four themes is checked in panels.test.ts).
{
  const theme = 'dark';
  describe(`Sidebar planner from the activity bar (${theme} theme)`, () => {
    let session: Awaited<ReturnType<ReturnType<typeof e2e>['open']>>;

    before(async () => {
      session = await e2e().open('workspace', { theme, viewport: { width: 1400, height: 1000 } });
    });
    after(async () => session?.close());

    it('creates a partnership, scores it, moves its stage, logs a metric and a check-in, and shows the chart and the badge', async () => {
      const { page, workspace } = session;
      const container = page.locator('.activitybar .action-item a[aria-label^="Community Partnerships"]').first();
      await container.waitFor({ state: 'visible', timeout: 60_000 });
      await container.click();
      const view = await plannerView(page);

      // The fixture's records, the broken one listed as such, and the overdue badge.
      await view.locator('.row', { hasText: 'Design Systems Guild' }).waitFor({ timeout: 30_000 });
      await view.locator('.row', { hasText: 'broken-quotes' }).locator('.stage-badge.broken').waitFor();
      await view.locator('.context-line', { hasText: 'Acme Devs' }).waitFor();
      const badge = page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Community Partnerships"]') }).locator('.badge-content');
      // The guild's check-in and its review (2026-07-15, long past) are both overdue: the badge
      // counts the two missed dates, the status bar names each kind, and the row flags the review.
      await badge.filter({ hasText: /^2$/ }).waitFor({ timeout: 30_000 });
      await page.locator('.statusbar-item', { hasText: '1 check-in overdue, 1 review overdue' }).waitFor({ timeout: 15_000 });
      await view.locator('.row', { hasText: 'Design Systems Guild' }).locator('.row-review.overdue', { hasText: 'review overdue' }).waitFor();
      assert.match((await view.locator('.row', { hasText: 'Design Systems Guild' }).getAttribute('aria-label')) ?? '', /review overdue \(2026-07-15\)/);

      // New Partnership from the view: the quick inputs, then the file opens and the view selects it.
      await view.locator('#new-partnership').click();
      await quickInput(page, 'New Partnership (1/3)', 'Night Owls Collective');
      await quickInput(page, 'New Partnership (2/3)', 'Night Owls Discord');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'New Partnership (3/3)' }).waitFor({ timeout: 15_000 });
      const input = page.locator('.quick-input-widget input.input');
      await input.fill('Co-hosted');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Co-hosted AMA' }).first().click();
      await input.fill('');
      await page.keyboard.press('Enter');
      const file = path.join(workspace, 'partnerships', 'night-owls-collective.md');
      await page.locator('.tab.active', { hasText: 'night-owls-collective.md' }).waitFor({ timeout: 20_000 });
      assert.match(fs.readFileSync(file, 'utf8'), /^---\npartner: Night Owls Collective\ncommunity: Night Owls Discord\nstage: prospect\ntypes:\n {2}- co-hosted-event\n/);
      const record = view.locator('#section-record');
      await record.locator('summary', { hasText: 'Night Owls Collective' }).waitFor({ timeout: 20_000 });

      // Score all six criteria: the weighted total and the verdict.
      const scores: [string, number][] = [['audienceOverlap', 4], ['complementary', 5], ['similarSize', 3], ['responsiveness', 4], ['valuesAlignment', 4], ['mutualBenefit', 3]];
      for (const [criterion, n] of scores) {
        await view.locator(`#score-${criterion}-${n}`).click();
        await view.locator(`#score-${criterion}-${n}[aria-checked="true"]`).waitFor({ timeout: 15_000 });
      }
      await view.locator('#fit-total', { hasText: '3.9 of 5' }).waitFor();
      await view.locator('#fit-total .verdict.pursue', { hasText: 'Pursue' }).waitFor();
      await fileMatches(file, /scores:\n {2}audienceOverlap: 4\n[^]*mutualBenefit: 3\n/);

      // Move it to active.
      await view.locator('#stage-set-active').click();
      await view.locator('.row[aria-current="true"] .stage-badge.active').waitFor({ timeout: 15_000 });
      await fileMatches(file, /\nstage: active\n/);

      // Two measurements of joins: a chart, and the result against the co-hosted event benchmark (30-100).
      await view.locator('#metric-name').selectOption('cross-community-joins');
      await view.locator('#metric-value').fill('45');
      await view.locator('#metric-date').fill('2026-10-01');
      await view.locator('#log-metric').click();
      await view.locator('.metric', { hasText: 'Cross-community joins' }).waitFor({ timeout: 15_000 });
      await view.locator('#metric-value').fill('120');
      await view.locator('#metric-date').fill('2026-11-01');
      await view.locator('#log-metric').click();
      const metric = view.locator('.metric', { hasText: 'Cross-community joins' });
      await metric.locator('.status-badge.above').waitFor({ timeout: 15_000 });
      // Two typed results of one event each: two markers, not joined by a line (they are not a running total).
      assert.strictEqual(await metric.locator('svg.sparkline .spark-series.unit.typed .spark-dot').count(), 2);
      assert.strictEqual(await metric.locator('svg.sparkline polyline').count(), 0);
      assert.match((await metric.locator('svg.sparkline').getAttribute('aria-label')) ?? '', /45 on 2026-10-01, 120 on 2026-11-01/);

      // A check-in.
      await view.locator('#check-in-notes').fill('Kick-off call: first event in January.');
      await view.locator('label[for="worth-yes"]').click();
      await view.locator('#log-check-in').click();
      await view.locator('.check-ins li', { hasText: 'Kick-off call' }).waitFor({ timeout: 15_000 });
      await view.locator('#next-check-in', { hasText: 'Next check-in' }).waitFor();
      const text = await fileMatches(file, /checkIns:\n/);
      assert.match(text, /metrics:\n {2}- date: 2026-10-01\n {4}metric: cross-community-joins\n {4}value: 45\n {2}- date: 2026-11-01\n/);
      assert.match(text, /checkIns:\n {2}- date: \d{4}-\d{2}-\d{2}\n {4}notes: 'Kick-off call: first event in January\.'\n {4}worthContinuing: yes\n/);

      // The playbook of a co-hosted event, as a checklist.
      // Each step is a checkbox with the step as its label: a click on it ticks it.
      assert.strictEqual(await view.locator('#step-co-hosted-event-1:checked').count(), 0);
      await view.locator('#step-co-hosted-event-1').click();
      await view.locator('#step-co-hosted-event-1:checked').waitFor({ timeout: 15_000 });
      await view.locator('.playbook .criterion-head', { hasText: '1/6' }).waitFor({ timeout: 15_000 });
      await fileMatches(file, /\nplaybook:\n {2}co-hosted-event: \[1\]\n/);

      const scrollTo = async (selector: string) => {
        await view.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      };
      await scrollTo('#section-context');
      await screenshot(page, `planner-pipeline-${theme}`);
      await scrollTo('#section-record .sub[aria-label="Partner fit"]');
      await screenshot(page, `planner-fit-${theme}`);
      await scrollTo('#section-record .sub[aria-label="Metrics"]');
      await screenshot(page, `planner-metrics-${theme}`);
      // The logged check-in emptied its form.
      assert.strictEqual(await view.locator('#check-in-notes').inputValue(), '');

      // The plan and forecast start from the pipeline: the two active partnerships (the guild's
      // swap and event, 50-200 + 30-100; the new one's event, 30-100), not the prospect.
      await view.locator('#section-plan summary').click();
      const pipeline = view.locator('#forecast-pipeline');
      await pipeline.locator('.fc-row', { hasText: 'Night Owls Collective' }).locator('.fc-range', { hasText: /^30–100$/ }).waitFor({ timeout: 15_000 });
      assert.strictEqual(await pipeline.locator('.fc-row', { hasText: 'Design Systems Guild' }).locator('.fc-range').textContent(), '80–300');
      assert.match((await pipeline.locator('.fc-row', { hasText: 'Design Systems Guild' }).textContent()) ?? '', /Newsletter cross-promotion, Co-hosted AMA/);
      assert.strictEqual(await pipeline.locator('.fc-row', { hasText: 'Rust Berlin' }).count(), 0, 'a prospect is not in the forecast');
      await view.locator('#forecast-members', { hasText: /^110–400$/ }).waitFor();
      assert.match((await view.locator('#forecast-assumptions').textContent()) ?? '', /one swap, event, piece or launch of each of its types/);
      // A what-if on top: one more newsletter swap adds its 50-200.
      await view.locator('#plan-add').selectOption('newsletter-cross-promotion');
      await view.locator('#forecast-members', { hasText: /^160–600pipeline 110–400, what-if 50–200$/ }).waitFor();
      await scrollTo('#section-plan');
      await screenshot(page, `planner-forecast-${theme}`);
      // Moving the new partnership back to a prospect takes it out of the forecast.
      await view.locator('#stage-set-prospect').click();
      await view.locator('#forecast-members', { hasText: /^130–500/ }).waitFor({ timeout: 15_000 });
      assert.strictEqual(await pipeline.locator('.fc-row', { hasText: 'Night Owls Collective' }).count(), 0);

      // The overdue badge still counts the guild; logging its check-in leaves only its review.
      await view.locator('.row', { hasText: 'Design Systems Guild' }).click();
      await record.locator('summary', { hasText: 'Design Systems Guild' }).waitFor({ timeout: 15_000 });
      await view.locator('#next-check-in.overdue').waitFor();
      await view.locator('#review-line.overdue', { hasText: 'Review was due 2026-07-15' }).waitFor();
      await view.locator('#log-check-in').click();
      await view.locator('#next-check-in', { hasText: 'Next check-in' }).waitFor({ timeout: 15_000 });
      await badge.filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
      await page.locator('.statusbar-item', { hasText: 'check-in overdue' }).waitFor({ state: 'hidden', timeout: 15_000 });
      await page.locator('.statusbar-item', { hasText: '1 review overdue' }).waitFor({ timeout: 15_000 });
      await screenshot(page, `planner-review-overdue-${theme}`);

      // A type added in the planner gets its playbook section in the text, as New Partnership writes it.
      const guild = path.join(workspace, 'partnerships', 'design-systems-guild.md');
      await view.locator('#type-add').selectOption('guest-contributions');
      const added = await fileMatches(guild, /\n## Playbook\n\n### Content collaboration\n\n- \[ \] [^\n]+\n[^]*\n## Notes\n/);
      assert.match(added, /types:\n {2}- newsletter-cross-promotion\n {2}- co-hosted-event\n {2}- guest-contributions\n/);
      // Removing it keeps that section (it may hold what was written) and says so.
      await view.locator('#type-remove-guest-contributions').click();
      await view.locator('.status', { hasText: 'The playbook section "Content collaboration" stays in the record\'s text' }).waitFor({ timeout: 15_000 });
      const removed = await fileMatches(guild, /types:\n {2}- newsletter-cross-promotion\n {2}- co-hosted-event\n(?! {2}-)/);
      assert.match(removed, /### Content collaboration\n/);

      // Deleting a check-in removes its own lines and nothing else, and the status line offers Undo.
      const styled = fs.readFileSync(guild, 'utf8').replace(
        /checkIns:\n[^]*?(?=scores:)/,
        [
          'checkIns:',
          '  # the first swap',
          '  - date: 2026-02-15',
          "    notes: 'First swap: 80 clicks'",
          '  - date: 2026-03-15',
          '    notes: "Second swap, \\"quoted\\""',
          '  - date: 2026-04-15',
          '    notes: |',
          '      A block of notes:',
          '        kept as written',
          '    worthContinuing: yes # still good',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(guild, styled);
      await view.locator('.check-ins li', { hasText: '2026-03-15' }).waitFor({ timeout: 15_000 });
      await view.locator('#delete-checkIn-1').click();
      await fileIs(guild, styled.replace('  - date: 2026-03-15\n    notes: "Second swap, \\"quoted\\""\n', ''), 'only the deleted check-in’s lines are gone');
      const undoLink = view.locator('.status #status-undo');
      await undoLink.waitFor({ timeout: 15_000 });
      await screenshot(page, `planner-deleted-check-in-${theme}`);
      await undoLink.click();
      await fileIs(guild, styled, 'Undo puts the check-in back as it was');
      await view.locator('.check-ins li', { hasText: '2026-03-15' }).waitFor({ timeout: 15_000 });

      // The dates have a calendar: a native date field, typed as YYYY-MM-DD.
      assert.strictEqual(await view.locator('#review').getAttribute('type'), 'date');
      assert.strictEqual(await view.locator('#check-in-date').getAttribute('type'), 'date');
      await view.locator('#review').fill('2027-01-15');
      await view.locator('#review').blur();
      await fileMatches(guild, /\nreview: 2027-01-15\n/);
      await view.locator('#review').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(page, `planner-date-field-${theme}`);

      // The walkthrough ticks what was done from the planner: a first partnership, the planner opened.
      await runCommand(page, 'Community Partnerships: Get Started');
      for (const step of ['Create a first partnership', 'Open the planner']) {
        await page.locator('button.getting-started-step[aria-checked="true"]', { hasText: step }).first().waitFor({ timeout: 20_000 });
      }
      await screenshot(page, `planner-walkthrough-ticked-${theme}`);
      await page.keyboard.press('Control+W');
    });

    it('shows the pipeline and the selected record readably after switching to the light theme', async () => {
      const { page } = session;
      await session.setTheme('light');
      const view = await plannerView(page);
      await webviewInTheme(view, 'light');
      await assertReadable(view.locator('.row[aria-current="true"] .row-title'), 'the selected record in the light theme', { base: 'sideBar' });
      await screenshot(page, 'planner-pipeline-light');
      // The date fields' calendar follows the theme, in light and in high contrast.
      for (const t of ['light', 'hc-black', 'hc-light'] as const) {
        if (t !== 'light') await session.setTheme(t);
        await webviewInTheme(view, t);
        await view.locator('#review').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await assertReadable(view.locator('#review'), `the review date in ${t}`, { base: 'sideBar' });
        await screenshot(page, `planner-date-field-${t}`);
      }
    });
  });
}
