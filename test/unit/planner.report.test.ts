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
function markdownIt(): Renderer | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as (opts: object) => Renderer;
    return MarkdownIt({ html: true, linkify: true });
  } catch {
    return undefined;
  }
}

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('planner: renderReport', () => {
  it('reports one partnership: stage, types, score, metrics against benchmarks and check-ins', () => {
    const md = renderReport([guild()], { today: '2026-04-20', communityName: 'Makers Hub' });
    const lines = md.split('\n');
    assert.strictEqual(lines[0], '# Partnership report: Design Systems Guild');
    assert.ok(lines.includes('Makers Hub, as of 2026-04-20.'));
    assert.ok(lines.includes('- **Stage:** active'));
    assert.ok(lines.includes('- **Types:** Newsletter cross-promotion; Co-hosted AMA, workshop or webinar'));
    assert.ok(lines.includes('- **Score:** 3.95 of 5: pursue'));
    assert.ok(lines.includes('- **Review:** 2026-07-15, in 86 days'));
    assert.ok(lines.includes('| Cross-community joins | 85 (2026-02-20) | 30-200 new members per unit | within |'));
    assert.ok(lines.includes('| Event attendance | 38% (2026-04-10) | 40-60% | below |'));
    assert.ok(lines.includes('- **Latest:** 2026-03-14; worth continuing: unsure; Planned the April workshop. They want a recording for their YouTube channel.'));
    assert.ok(lines.includes('- **Next due:** 2026-04-14, overdue by 6 days'));
    assert.ok(lines.includes('- **Is this worth continuing?** yes 1, no 0, unsure 1'));
  });

  it('reports several with a summary table, and none', () => {
    const a = guild();
    const b: PartnershipRecord = { ...guild(), partner: 'Second', stage: 'prospect', scores: { audienceOverlap: 3 }, metrics: [], checkIns: [] };
    const md = renderReport([a, b], { today: '2026-04-20' });
    assert.ok(md.startsWith('# Partnerships report\n'));
    assert.ok(md.includes('2 partnerships (1 prospect, 1 active); 1 with a check-in overdue.'));
    assert.ok(md.includes('| Second | prospect | Newsletter cross-promotion; Co-hosted AMA, workshop or webinar | 3.00 (1/6 scored) | none due (stage prospect) |'));
    assert.ok(md.includes('## Second\n'));
    assert.ok(md.includes('- **Score:** 3.00 of 5 from 1 of 6 criteria (no verdict until all six are scored)'));
    assert.ok(md.includes('No measurements recorded yet.'));
    assert.ok(md.includes('- **Latest:** none yet'));
    assert.strictEqual(renderReport([], { today: '2026-04-20', communityName: 'Hub' }), '# Partnerships report: Hub\n\nAs of 2026-04-20: no partnerships yet.\n');
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
    const md = renderReport([evil, guild()], { today: '2026-04-20', communityName: '<b>Hub</b>' });
    assert.ok(!md.includes('<img'), md);
    assert.ok(!md.includes('<script'));
    assert.ok(!md.includes('<b>'));
    assert.ok(md.includes('## &lt;img src=x onerror=alert(1)&gt;\n'));
    assert.ok(md.includes('| &lt;img src=x onerror=alert(1)&gt; | active |'));
    assert.ok(!/^# not a heading/m.test(md));

    const renderer = markdownIt();
    if (!renderer) return;
    const html = renderer.render(md);
    assert.ok(!/<img|<script|<b>|<a |<code>|<strong>b/i.test(html.replace(/<strong>[A-Za-z ?:]+<\/strong>/g, '')), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    // Every row of the summary table still has exactly five cells.
    const table = html.split('<tbody>')[1].split('</tbody>')[0];
    for (const row of table.split('<tr>').slice(1)) assert.strictEqual((row.match(/<td>/g) ?? []).length, 5, row);
  });

  it('renders any partner name as its own text, with nothing added', function () {
    const renderer = markdownIt();
    if (!renderer) this.skip();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'<>&[]()!`*_#|~$:./\\-+= "\'aZ1@') }), (name) => {
        const partner = name.replace(/\s+/g, ' ').trim();
        if (!partner) return;
        const html = renderer!.render(`## ${escapeMarkdown(partner)}`);
        assert.ok(!/<(?!\/?h2>)/.test(html), html);
        const text = html
          .replace(/<\/?h2>\n?/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        assert.strictEqual(text, partner);
      }),
      { numRuns: 1000 },
    );
  });
});
