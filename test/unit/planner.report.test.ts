import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { escapeMarkdown, renderReport } from '../../src/core/planner/report';
import { parseRecord, type PartnershipRecord } from '../../src/core/records';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/records');

function guild(): PartnershipRecord {
  const r = parseRecord(fs.readFileSync(path.join(FIXTURES, 'design-systems-guild.md'), 'utf8'));
  if (!r.ok) throw new Error('fixture should read');
  return r.record;
}

type Renderer = { render(src: string): string };
/** markdown-it as the Markdown preview configures it, when it is installed (it comes with vsce). */
function markdownIt(linkify = true): Renderer | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as (opts: object) => Renderer;
    return MarkdownIt({ html: true, linkify });
  } catch {
    return undefined;
  }
}

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('planner: renderReport', () => {
  it('reports one partnership for your team: stage, types, score, metrics against benchmarks and check-ins', () => {
    const md = renderReport([guild()], { today: '2026-04-20', communityName: 'Makers Hub', audience: 'team' });
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '# Partnership report: Design Systems Guild');
    assert.ok(lines.includes('Makers Hub and Design Systems Guild, as of 2026-04-20. This version is for your team: it has your scorecard and your check-in notes.'));
    assert.ok(lines.includes('- **Contact:** Ana Ruiz <ana@example.org>'), 'an email address is written as it is');
    assert.ok(lines.includes('- **Stage:** Active'), 'the stage as the planner labels it');
    assert.ok(lines.includes('- **Partnership types:** Newsletter cross-promotion; Co-hosted AMA, workshop or webinar'));
    assert.ok(lines.includes('- **Owners:** Sam for Makers Hub, Ana for Design Systems Guild'));
    // 3.95, cut to one decimal as everywhere (see formatScore).
    assert.ok(lines.includes('- **Score:** 3.9 of 5: pursue'));
    assert.ok(lines.includes('- **Review:** 2026-07-15, in 86 days'));
    assert.ok(lines.includes('| Cross-community joins | 85 (2026-02-20) | 30-200 new members per swap or event | within |'));
    assert.ok(lines.includes('| Event attendance | 38% (2026-04-10) | 40-60% | below |'));
    assert.ok(lines.includes('- **Latest:** 2026-03-14; worth continuing: unsure; Planned the April workshop. They want a recording for their YouTube channel.'));
    assert.ok(lines.includes('- **Next:** 2026-04-14, 6 days overdue'));
    assert.ok(lines.includes('- **Is this worth continuing?** 1 yes, 1 unsure'));
    // The scorecard itself: each criterion with its weight and score, the total and the verdict.
    const card = md.slice(md.indexOf('### Scorecard'), md.indexOf('### Metrics'));
    for (const row of [
      '| Audience overlap | 25% | 4 |',
      '| Complementary | 20% | 5 |',
      '| Similar size and engagement | 15% | 3 |',
      '| Responsiveness and reliability | 15% | 4 |',
      '| Values alignment | 15% | 4 |',
      '| Mutual benefit | 10% | 3 |',
      '- **Weighted total:** 3.9 of 5',
      '- **Verdict:** Pursue',
    ])
      assert.ok(card.split('\n').includes(row), row);
  });

  it('marks the criteria not scored yet on the team\'s scorecard, and gives no verdict', () => {
    const md = renderReport([{ ...guild(), scores: { audienceOverlap: 3, complementary: 4 } }], { today: '2026-04-20', audience: 'team' });
    assert.ok(md.includes('| Mutual benefit | 10% | not scored |'));
    assert.ok(md.includes('- **Weighted total:** 3.4, from 2 of 6 criteria'));
    assert.ok(md.includes('- **Verdict:** none until all six criteria are scored'));
  });

  it('the version for the partner leaves out your lateness, scores, verdict, their size, contact line and notes', () => {
    const record = guild();
    // The next check-in was due 2026-04-14: 38 days before this day.
    const md = renderReport([record], { today: '2026-05-22', communityName: 'Makers Hub' });
    assert.strictEqual(md, renderReport([record], { today: '2026-05-22', communityName: 'Makers Hub', audience: 'partner' }), 'the partner version is the default');
    assert.doesNotMatch(md, /overdue|\blate\b|days ago|38 days|2026-04-14|Score|scorecard|verdict|pursue|cautious|3\.9|12,000|Their size|Contact:|worth continuing|unsure|April workshop|80 clicks|benchmark|below|within|above/i);
    const lines = md.split('\n');
    assert.ok(lines.includes('Makers Hub and Design Systems Guild: where we stand together, as of 2026-05-22.'));
    assert.ok(lines.includes('- **Community:** Design Systems Guild Slack'));
    assert.ok(lines.includes('- **Stage:** Active'));
    assert.ok(lines.includes('- **Working together since:** 2026-01-15'));
    // What was done together: the playbook steps ticked, the check-ins and measurements.
    const did = md.slice(md.indexOf('### What we did together'), md.indexOf('### Next steps'));
    assert.ok(did.includes('- Newsletter swap: Send both in the same week'));
    assert.ok(did.includes('- 2 check-ins together, the latest on 2026-03-14'));
    // Next steps: the steps still to do, and the next check-in without how late it is.
    const next = md.slice(md.indexOf('### Next steps'), md.indexOf('### Results'));
    assert.ok(next.includes('- Newsletter swap: Track clicks and attributed joins'));
    assert.ok(next.includes('- **Next check-in:** to be arranged in the coming days'));
    assert.ok(next.includes('- **Review of the partnership together:** 2026-07-15'));
    // Results against the targets, shared both ways, without your judgement of them.
    assert.ok(lines.includes('| Metric | Latest | Target |'));
    assert.ok(lines.includes('| Event attendance | 38% (2026-04-10) | 40-60% |'));
    const all = renderReport([record, { ...record, partner: 'Second' }], { today: '2026-05-22' });
    assert.ok(all.includes('| Partner | Stage | Types | Next check-in |'));
    assert.ok(all.includes('2 partnerships (2 active).'));
    assert.doesNotMatch(all, /Score|pursue|overdue/);
  });

  it('gives the partner the date of a check-in not yet due, and of the review ahead', () => {
    const md = renderReport([guild()], { today: '2026-04-10' });
    assert.ok(md.includes('- **Next check-in:** 2026-04-14\n'));
    const ended = renderReport([{ ...guild(), stage: 'ended' }], { today: '2026-08-01' });
    assert.ok(ended.includes('- **Next check-in:** none planned at this stage'));
    assert.ok(!ended.includes('Review of the partnership'), 'a review date that has passed is not shown');
  });

  it('shows what a measure counted and the file it read, in both versions', () => {
    const record = guild();
    record.metrics.push(
      { date: '2026-04-12', metric: 'event-attendance', value: 38.2, count: 42, of: 110, source: 'luma|guests.csv' },
      { date: '2026-04-30', metric: 'cross-community-joins', value: 140, cumulative: true, source: 'signups.csv' },
    );
    for (const audience of ['team', 'partner'] as const) {
      const lines = renderReport([record], { today: '2026-05-22', communityName: 'Makers Hub', audience }).split('\n');
      // A pipe in a file name stays inside its cell.
      assert.ok(lines.some((l) => l.startsWith('| Event attendance | 38.2% (42 of 110; from luma\\|guests.csv; 2026-04-12) |')), audience);
      // The running total is not the latest result of one swap: the per-swap row still shows the typed 85.
      assert.ok(lines.some((l) => l.startsWith('| Cross-community joins | 85 (2026-02-20) |')), audience);
    }
    const onlyTotal = { ...record, metrics: [{ date: '2026-04-30', metric: 'cross-community-joins' as const, value: 140, cumulative: true, source: 'signups.csv' }] };
    const lines = renderReport([onlyTotal], { today: '2026-05-22', audience: 'team' }).split('\n');
    assert.ok(lines.some((l) => l.startsWith('| Cross-community joins | 140 (total to date; from signups.csv; 2026-04-30) |')), 'a total when there is nothing else');
  });

  it('reports several with a summary table, and none', () => {
    const a = guild();
    const b: PartnershipRecord = { ...guild(), partner: 'Second', stage: 'prospect', scores: { audienceOverlap: 3, complementary: 4 }, metrics: [], checkIns: [] };
    const md = renderReport([a, b], { today: '2026-04-20', audience: 'team' });
    assert.ok(md.startsWith('# Partnerships report\n'));
    assert.ok(md.includes('2 partnerships (1 prospect, 1 active), one with a check-in overdue.'));
    assert.ok(md.includes('| Design Systems Guild | Active | Newsletter cross-promotion; Co-hosted AMA, workshop or webinar | 3.9, pursue | 2026-04-14, 6 days overdue |'));
    // A partial score says how much of the scorecard it rests on, and has no verdict.
    assert.ok(md.includes('| Second | Prospect | Newsletter cross-promotion; Co-hosted AMA, workshop or webinar | 3.4, from 2 of 6 criteria | none due while the partnership is at the Prospect stage |'), md);
    assert.ok(md.includes('## Second\n'));
    assert.ok(md.includes('- **Score:** 3.4, from 2 of 6 criteria'));
    assert.ok(md.includes('No measurements recorded yet.'));
    assert.ok(md.includes('- **Latest:** none yet'));
    assert.strictEqual(renderReport([], { today: '2026-04-20', communityName: 'Hub' }), '# Partnerships report: Hub\n\nAs of 2026-04-20: no partnerships yet.\n');
  });

  it('escapes only what Markdown would read as syntax', () => {
    assert.strictEqual(escapeMarkdown('Kick-off call: first swap on example.org, 3.5 stars'), 'Kick-off call: first swap on example.org, 3.5 stars');
    assert.strictEqual(escapeMarkdown('Ana Ruiz <ana@example.org> & Sam'), 'Ana Ruiz <ana@example.org> & Sam');
    assert.strictEqual(escapeMarkdown('snake_case and _emphasis_'), 'snake_case and \\_emphasis\\_');
    assert.strictEqual(escapeMarkdown('<b>x</b> &amp; [a](b) *c* `d` ~~e~~ ~400'), '\\<b>x\\</b> \\&amp; \\[a\\](b) \\*c\\* \\`d\\` \\~\\~e\\~\\~ ~400');
    assert.strictEqual(escapeMarkdown('$2,000 a quarter'), '$2,000 a quarter');
    assert.strictEqual(escapeMarkdown('$5 to $10'), '\\$5 to \\$10');
    assert.strictEqual(escapeMarkdown('a | b'), 'a | b');
    assert.strictEqual(escapeMarkdown('a | b', 'table'), 'a \\| b');
    assert.strictEqual(escapeMarkdown('Guild ##', 'heading'), 'Guild \\#\\#');
    assert.strictEqual(escapeMarkdown('C# Guild', 'heading'), 'C# Guild');
  });

  it('escapes every value from a record: no HTML, links or table cells can be injected', () => {
    const evil: PartnershipRecord = {
      ...guild(),
      partner: HOSTILE,
      community: '[click me](javascript:alert(1)) | extra cell',
      contact: '<script>alert(1)</script>',
      owners: { ours: '![img](https://evil.example/x.png)', theirs: '`code` **bold**' },
      checkIns: [{ date: '2026-04-01', notes: 'visit https://evil.example/phish or www.evil.example\n# not a heading\n| a | b |', worthContinuing: 'no' }],
    };
    for (const audience of ['team', 'partner'] as const) {
      const md = renderReport([evil, guild()], { today: '2026-04-20', communityName: '<b>Hub</b>', audience });
      assert.ok(!/(?<!\\)<(?:img|script|b>)/.test(md), md);
      assert.ok(md.includes('## \\<img src=x onerror=alert(1)>\n'));
      assert.ok(md.includes('| \\<img src=x onerror=alert(1)> | Active |'));
      assert.ok(!/^# not a heading/m.test(md));

      const renderer = markdownIt();
      if (!renderer) continue;
      const html = renderer.render(md);
      // Only the preview's own linkify may make a link, of a plain web address.
      const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      for (const href of links) assert.match(href, /^(?:https?:\/\/|mailto:)/, href);
      assert.ok(!/<img|<script|<b>|<code>|<strong>b/i.test(html.replace(/<strong>[A-Za-z ?:]+<\/strong>/g, '')), html);
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
      // Every row of the summary table still has exactly its cells.
      const table = html.split('<tbody>')[1].split('</tbody>')[0];
      for (const row of table.split('<tr>').slice(1)) assert.strictEqual((row.match(/<td>/g) ?? []).length, audience === 'team' ? 5 : 4, row);
    }
  });

  it('renders any partner name as its own text, with nothing added', function () {
    const renderer = markdownIt(false);
    if (!renderer) this.skip();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'<>&[]()!`*_#|~$:./\\-+= "\'aZ1@;') }), (name) => {
        const partner = name.replace(/\s+/g, ' ').trim();
        if (!partner) return;
        const html = renderer!.render(`## ${escapeMarkdown(partner, 'heading')}`);
        assert.ok(!/<(?!\/?h2>|\/?a[ >])/.test(html), html);
        const text = html
          .replace(/<\/?h2>\n?/g, '')
          .replace(/<a href="[^"]*">|<\/a>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        // An autolink <x:y> or <a@b.c> shows without its brackets; everything else as written.
        assert.strictEqual(text, /<[^<>]*[:@][^<>]*>/.test(partner) ? text : partner, partner);
      }),
      { numRuns: 1000 },
    );
  });
});
