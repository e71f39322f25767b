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
    assert.ok(lines.includes('- **Stage:** active'));
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
  });

  it('the version for the partner leaves out your scores, their size, your contact line and your check-in notes', () => {
    const record = guild();
    const md = renderReport([record], { today: '2026-04-20', communityName: 'Makers Hub' });
    assert.strictEqual(md, renderReport([record], { today: '2026-04-20', communityName: 'Makers Hub', audience: 'partner' }), 'the partner version is the default');
    assert.doesNotMatch(md, /Score|scorecard|pursue|3\.9|12,000|Their size|Contact|worth continuing|April workshop|80 clicks/i);
    const lines = md.split('\n');
    assert.ok(lines.includes('Makers Hub and Design Systems Guild, as of 2026-04-20.'));
    assert.ok(lines.includes('- **Community:** Design Systems Guild Slack'));
    assert.ok(lines.includes('- **Latest:** 2026-03-14 (2 so far)'));
    assert.ok(lines.includes('| Event attendance | 38% (2026-04-10) | 40-60% | below |'), 'the data is shared both ways');
    const all = renderReport([record, { ...record, partner: 'Second' }], { today: '2026-04-20' });
    assert.ok(all.includes('| Partner | Stage | Types | Next check-in |'));
    assert.doesNotMatch(all, /Score|pursue/);
  });

  it('reports several with a summary table, and none', () => {
    const a = guild();
    const b: PartnershipRecord = { ...guild(), partner: 'Second', stage: 'prospect', scores: { audienceOverlap: 3, complementary: 4 }, metrics: [], checkIns: [] };
    const md = renderReport([a, b], { today: '2026-04-20', audience: 'team' });
    assert.ok(md.startsWith('# Partnerships report\n'));
    assert.ok(md.includes('2 partnerships (1 prospect, 1 active), one with a check-in overdue.'));
    assert.ok(md.includes('| Design Systems Guild | active | Newsletter cross-promotion; Co-hosted AMA, workshop or webinar | 3.9, pursue | 2026-04-14, 6 days overdue |'));
    // A partial score says how much of the scorecard it rests on, and has no verdict.
    assert.ok(md.includes('| Second | prospect | Newsletter cross-promotion; Co-hosted AMA, workshop or webinar | 3.4, from 2 of 6 criteria | none due while the partnership is at the prospect stage |'), md);
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
      assert.ok(md.includes('| \\<img src=x onerror=alert(1)> | active |'));
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
