import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT_LABELS, parseContext, restructureContext } from '../../src/core/context';

const CORPUS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'context', 'corpus');
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');

describe('restructureContext (the Quick Fix for an unrecognised file)', () => {
  it('carries a translated template’s values to the labels in the same place', () => {
    const text = read('10-translated.md');
    // German is in the reader's table: read as it is, with no warning; the Quick Fix still gives the same values.
    assert.ok(!parseContext(text).problems.some((p) => p.code === 'unrecognised'));
    assert.equal(parseContext(text).values['Community Name'], 'Kölner Kotlin Kreis');
    const { text: out, carried } = restructureContext(text);
    const ctx = parseContext(out);
    assert.equal(ctx.values['Community Name'], 'Kölner Kotlin Kreis');
    assert.equal(ctx.values['Who is this for'], 'Android- und Backend-Entwickler, die Kotlin nutzen oder lernen');
    assert.equal(ctx.counts.currentSize, 1800);
    assert.equal(ctx.values.Values, 'Offenheit, Hilfsbereitschaft, Neugier');
    assert.equal(ctx.values['Positioning statement'], undefined, 'TBD stays TBD');
    assert.equal(carried.length, ctx.filled);
    assert.deepEqual(ctx.problems.filter((p) => p.code === 'unrecognised' || p.code === 'duplicate'), []);
    assert.equal(out.split('\n').filter((l) => l.startsWith('## ')).length, 7, 'the seven sections, nothing else');
  });

  it('keeps prose word for word under a notes section, the labels TBD', () => {
    const text = read('16-prose-only.md');
    const { text: out, carried } = restructureContext(text);
    assert.deepEqual(carried, []);
    assert.ok(out.startsWith('## Community Overview\n- **Community Name:** TBD\n'));
    assert.ok(out.includes('\n## Notes kept from the earlier file\n\n' + text.trim() + '\n'));
    const ctx = parseContext(out);
    assert.equal(ctx.filled, 0);
    assert.equal(ctx.entries.size, CONTEXT_LABELS.length);
    assert.ok(!ctx.problems.some((p) => p.code === 'unrecognised'));
  });

  it('keeps the front matter, the BOM and CRLF', () => {
    const text = '\ufeff---\r\nowner: sam\r\n---\r\nSome prose only.\r\n';
    const { text: out } = restructureContext(text);
    assert.ok(out.startsWith('\ufeff---\r\nowner: sam\r\n---\r\n## Community Overview\r\n'));
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false);
    assert.ok(out.endsWith('Some prose only.\r\n'));
  });
});

describe('parseContext problems for drift', () => {
  it('reports the template’s guidance and a TBD remark as Information on their lines', () => {
    const ctx = parseContext('## Current State\n- **Engagement level:** (high/medium/low, qualitative description)\n- **Active members:** TBD - too early to tell\n');
    assert.equal(ctx.values['Engagement level'], undefined);
    assert.equal(ctx.values['Active members'], undefined);
    assert.deepEqual(
      ctx.problems.filter((p) => p.code !== 'unrecognised').map((p) => [p.line, p.code, p.severity]),
      [
        [1, 'guidance', 'information'],
        [2, 'tbd', 'information'],
      ],
    );
    assert.match(ctx.problems.filter((p) => p.code !== 'unrecognised')[1].message, /too early to tell/);
  });

  it('uses a later dated update and says so on the stale line', () => {
    const text = '## Current State\n- **Active members:** 400\n\n## Update (March 2026)\n- **Active members:** 650\n';
    const ctx = parseContext(text);
    assert.equal(ctx.values['Active members'], '650');
    const stale = ctx.problems.find((p) => p.code === 'stale');
    assert.ok(stale);
    assert.equal(stale.line, 1);
    assert.match(stale.message, /line 5/);
    // The newer of two dated ones wins, wherever it stands.
    const older = parseContext('## Update 2026-04-02\n- **Team:** Ana, Bo\n\n## Update 2026-01-10\n- **Team:** Ana\n');
    assert.equal(older.values.Team, 'Ana, Bo');
    assert.equal(older.problems.find((p) => p.code === 'stale')?.line, 4);
  });

  it('warns when nothing is recognised, and says nothing of an empty file', () => {
    assert.equal(parseContext('Just some notes about our Discord.\n').problems[0]?.code, 'unrecognised');
    assert.deepEqual(parseContext('').problems, []);
    assert.deepEqual(parseContext('\n\n').problems, []);
  });

  it('keeps HTML that is not a comment as text, never as markup', () => {
    const ctx = parseContext('- **Community Name:** <img src=x onerror=alert(1)> <b>Bold</b><!-- hidden -->\n');
    assert.equal(ctx.values['Community Name'], '<img src=x onerror=alert(1)> <b>Bold</b>');
  });
});
