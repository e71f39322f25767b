import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { assertReadable, e2e, fileMatches, plannerView, screenshot, webviewInTheme } from './harness';

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
    });

    it('shows the pipeline and the selected record readably after switching to the light theme', async () => {
      const { page } = session;
      await session.setTheme('light');
      const view = await plannerView(page);
      await webviewInTheme(view, 'light');
      await assertReadable(view.locator('.row[aria-current="true"] .row-title'), 'the selected record in the light theme', { base: 'sideBar' });
      await screenshot(page, 'planner-pipeline-light');
    });
  });
}
