import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { CONTEXT_LABELS, type ContextLabel, type ContextProblem, communityName, normalizeContextValue, parseContext } from '../../src/core/context';
import { analyseContext } from '../../src/core/context/parse';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'context');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** All 39 labels unset, with the given ones filled: the shape `values` always has. */
function valuesWith(filled: Partial<Record<ContextLabel, string>>): Record<ContextLabel, string | undefined> {
  const out = {} as Record<ContextLabel, string | undefined>;
  for (const l of CONTEXT_LABELS) out[l] = filled[l];
  return out;
}

const FULL_VALUES = valuesWith({
  'Community Name': 'Edge Functions Collective',
  'One-line description': 'A practitioner community for developers who build and run code at the network edge.',
  'Community type': 'Developer community (product-adjacent, vendor-neutral)',
  'Primary platform': 'Discord',
  'Secondary platforms': 'GitHub Discussions, YouTube, a monthly newsletter on Buttondown',
  'Community URL': 'https://edgefunctions.community',
  Founded: '2021',
  'Current size': '12,400 members',
  Mission: 'Help developers ship fast, reliable edge applications by learning from each other in the open.',
  'Who is this for': 'Backend and full-stack developers, platform engineers and indie hackers deploying to edge runtimes.',
  'Who is this NOT for': 'People looking for vendor support tickets or job recruiters.',
  'Core value proposition': 'Real production war stories and benchmarks you cannot get from vendor docs.',
  'Positioning statement': 'The neutral place where edge developers compare notes across every runtime.',
  'Relationship to business': 'Sponsored by Lumen Cloud, but run independently by volunteer moderators.',
  'Company/brand': 'Lumen Cloud',
  'Product/service': 'Lumen Workers (serverless edge runtime)',
  'Primary business goal': 'Developer awareness and credibility for Lumen Workers',
  Demographics: '25-40, mostly Europe and North America, 70% professional developers',
  Psychographics: 'Pragmatic, performance-obsessed, skeptical of marketing',
  'Where they hang out online': 'Hacker News, r/webdev, Lobsters, the Deno and Cloudflare Discords',
  'What they talk about': 'Cold starts, caching strategies, WebAssembly, pricing surprises',
  'Language/jargon': '"cold start", "isolate", "KV", "egress", "p99"',
  Stage: 'Growth',
  'Active members': '~3.5K members',
  'Engagement level': 'Medium: about 900 messages a week, spikes around launches',
  Team: 'One community manager, two DevRel engineers, six volunteer moderators',
  Budget: '$2,000 per quarter',
  'Tools in use': 'Discord, Orbit, Luma, Buttondown',
  'Existing programs':
    'Monthly "Edge Office Hours" AMA\nAmbassador programme (14 ambassadors)\nNewsletter swap with the Serverless Weekly newsletter',
  'Primary goal (next 90 days)': 'Grow to 15,000 members through two co-hosted events',
  'Secondary goals': 'Launch a benchmark repository; recruit ten new ambassadors',
  'Biggest challenge right now': 'Newcomers lurk and rarely post in their first month',
  "What's working well": 'Office hours and the #show-your-edge channel',
  'Community personality': 'The friendly senior engineer who shows their work',
  Tone: 'Direct, warm, a little nerdy; no hype',
  Values: 'Openness, vendor neutrality, kindness to beginners, show the numbers',
  'Taboo topics': 'Crypto shilling, recruiting DMs, vendor bashing',
});

const FULL_SECTIONS = [
  { title: 'Community Overview', line: 5, known: true },
  { title: 'Purpose and Positioning', line: 15, known: true },
  { title: 'Business Context', line: 22, known: true },
  { title: 'Member Profile', line: 29, known: true },
  { title: 'Current State', line: 36, known: true },
  { title: 'Goals and Challenges', line: 48, known: true },
  { title: 'Culture and Voice', line: 55, known: true },
  { title: 'Notes for partners', line: 61, known: false },
];

/** The text of a line, 0-based, split the way editors do. */
const lineOf = (text: string, n: number) => text.split(/\r\n|\r|\n/)[n];


/** The problems other than the few-fields warning, which small fixtures also get. */
const own = (ctx: { problems: readonly ContextProblem[] }) => ctx.problems.filter((p) => p.code !== 'unrecognised');
describe('parseContext', () => {
  describe('a realistic full file', () => {
    const text = fixture('full.md');

    it('reads every value exactly', () => {
      const ctx = parseContext(text);
      assert.deepEqual(ctx.values, FULL_VALUES);
      assert.equal(ctx.filled, 37);
      assert.equal(ctx.total, 39);
      assert.deepEqual(ctx.counts, { currentSize: 12400, activeMembers: 3500 });
      assert.equal(communityName(ctx), 'Edge Functions Collective');
      assert.deepEqual(ctx.problems, []);
      assert.equal(ctx.eol, '\n');
      assert.equal(ctx.bom, false);
      assert.equal(ctx.frontMatter, 'none');
    });

    it('lists the sections, the extra one as unknown', () => {
      assert.deepEqual(parseContext(text).sections, FULL_SECTIONS);
    });

    it('gives each entry its line and the exact span of its value', () => {
      const ctx = parseContext(text);
      const name = ctx.entries.get('Community Name')!;
      assert.equal(name.source, 'body');
      assert.equal(name.line, 6);
      assert.equal(text.slice(name.valueStart, name.valueEnd), 'Edge Functions Collective');
      const programs = ctx.entries.get('Existing programs')!;
      assert.equal(programs.line, 43);
      assert.equal(
        text.slice(programs.valueStart, programs.valueEnd),
        'Monthly "Edge Office Hours" AMA\n  - Ambassador programme (14 ambassadors)\n  - Newsletter swap with the Serverless Weekly newsletter',
      );
      const revenue = ctx.bodyEntries.get('Revenue model')!;
      assert.equal(revenue.value, undefined);
      assert.equal(text.slice(revenue.valueStart, revenue.valueEnd), 'TBD');
      for (const entry of ctx.entries.values()) {
        assert.ok(lineOf(text, entry.line).includes(entry.label), entry.label);
        if (entry.label !== 'Existing programs') assert.equal(normalizeContextValue(text.slice(entry.valueStart, entry.valueEnd)), entry.value, entry.label);
      }
      assert.equal(ctx.entries.size, 39);
    });

    it('reads the same with CRLF line endings and a BOM, offsets into the original text', () => {
      const crlf = '\ufeff' + text.replace(/\n/g, '\r\n');
      const ctx = parseContext(crlf);
      assert.deepEqual(ctx.values, FULL_VALUES);
      assert.deepEqual(ctx.sections, FULL_SECTIONS);
      assert.equal(ctx.eol, '\r\n');
      assert.equal(ctx.bom, true);
      const name = ctx.entries.get('Community Name')!;
      assert.equal(name.line, 6);
      assert.equal(crlf.slice(name.valueStart, name.valueEnd), 'Edge Functions Collective');
      const programs = ctx.entries.get('Existing programs')!;
      assert.ok(crlf.slice(programs.valueStart, programs.valueEnd).endsWith('Serverless Weekly newsletter'));
      assert.ok(!crlf.slice(programs.valueStart, programs.valueEnd).endsWith('\r'));
    });

    it('reads a BOM on the first line without losing the title', () => {
      const ctx = parseContext('\ufeff## Community Overview\n- **Community Name:** Bommed\n');
      assert.equal(ctx.values['Community Name'], 'Bommed');
      assert.deepEqual(ctx.sections, [{ title: 'Community Overview', line: 0, known: true }]);
    });
  });

  describe('drift', () => {
    it('reads the colon outside the bold', () => {
      const ctx = parseContext(fixture('drift-colon-outside.md'));
      assert.equal(ctx.values['Community Name'], 'Rust Embedded Circle');
      assert.equal(ctx.values['Community type'], 'Developer community');
      assert.equal(ctx.values['Current size'], '12k');
      assert.equal(ctx.counts.currentSize, 12000);
      assert.equal(ctx.values.Founded, undefined);
      assert.ok(ctx.bodyEntries.has('Founded'));
      assert.deepEqual(ctx.problems, []);
    });

    it('reads labels without bold, keeping colons inside the value', () => {
      const ctx = parseContext(fixture('drift-no-bold.md'));
      assert.equal(ctx.values['Community Name'], 'Pixel Pushers Guild');
      assert.equal(ctx.values['Community URL'], 'https://pixelpushers.dev/join?ref=ctx');
      assert.equal(ctx.values['Primary platform'], 'Slack');
      assert.equal(ctx.values['One-line description'], 'Designers who code: a place for UI engineers');
    });

    it('reads * and + bullets', () => {
      const ctx = parseContext(fixture('drift-bullets.md'));
      assert.equal(ctx.values.Tone, 'Calm and precise');
      assert.equal(ctx.values.Values, 'Curiosity, rigour');
      assert.equal(ctx.values['Taboo topics'], 'Flame wars');
      assert.equal(ctx.values['Community personality'], 'The patient mentor');
    });

    it('reads values on several lines, indented or not, and stops at a blank line or a heading', () => {
      const text = fixture('drift-multiline.md');
      const ctx = parseContext(text);
      assert.equal(ctx.values.Mission, 'Help data engineers\nbuild reliable pipelines\ntogether.');
      assert.equal(ctx.values['Who is this for'], 'Data engineers\nand analytics engineers who own production pipelines');
      // A value written as a list is kept as its items, without their markers.
      assert.equal(ctx.values['Core value proposition'], 'Peer review of pipeline designs\nA library of incident write-ups');
      assert.equal(ctx.values['Positioning statement'], 'The on-call buddy\nfor data teams');
      assert.equal(ctx.values['Who is this NOT for'], 'Vendors');
      assert.equal(ctx.values['Company/brand'], 'Streamline Labs');
      const mission = ctx.entries.get('Mission')!;
      assert.equal(text.slice(mission.valueStart, mission.valueEnd), 'Help data engineers\n  build reliable pipelines\n  together.');
      assert.deepEqual(
        ctx.sections.map((s) => s.title),
        ['Purpose and Positioning', 'Business Context'],
      );
    });

    it('reads labels written in another case', () => {
      const ctx = parseContext(fixture('drift-case.md'));
      assert.equal(ctx.values['Community Name'], 'Shout Case Society');
      assert.equal(ctx.values['Community type'], 'Hobbyist community');
      assert.equal(ctx.values['Primary platform'], 'Forum');
      assert.equal(ctx.values['Who is this NOT for'], 'Spammers');
      assert.equal(ctx.values['Who is this for'], 'Everyone who likes capital letters');
      assert.deepEqual(
        ctx.sections.map((s) => s.known),
        [true, true],
      );
    });

    it('reads labels wherever they stand, ignores prose, unknown labels and code blocks', () => {
      const ctx = parseContext(fixture('drift-sections.md'));
      assert.deepEqual(
        ctx.values,
        valuesWith({ 'Community Name': 'Orphan Label Club', Founded: '2019', Stage: 'Early', Tone: 'Playful', Values: 'Inclusion' }),
      );
      assert.deepEqual(ctx.sections, [
        { title: 'Our story', line: 4, known: false },
        { title: 'Culture and Voice', line: 10, known: true },
      ]);
      assert.deepEqual(ctx.problems, []);
    });

    it('uses the first of a label given twice and warns on the second', () => {
      const ctx = parseContext(fixture('drift-duplicates.md'));
      assert.equal(ctx.values['Community Name'], 'First Name Wins');
      assert.equal(ctx.bodyEntries.get('Community Name')!.line, 1);
      assert.equal(own(ctx).length, 1);
      const [problem] = own(ctx);
      assert.equal(problem.severity, 'warning');
      assert.equal(problem.line, 3);
      assert.equal(problem.endLine, 4);
      assert.equal(problem.label, 'Community Name');
      assert.match(problem.message, /line 2/);
    });

    it('reads a known label nested under another as its own field, and other sub-items as items of the value', () => {
      const ctx = parseContext('- **Team:** Two people\n  - Sam (lead)\n  - **Budget:** $500 a month\n- Stage: Early\n');
      assert.equal(ctx.values.Team, 'Two people\nSam (lead)');
      assert.equal(ctx.values.Budget, '$500 a month');
      assert.equal(ctx.values.Stage, 'Early');
    });
  });

  describe('TBD and empty values', () => {
    const cases: [string, string | undefined][] = [
      ['TBD', undefined],
      ['tbd', undefined],
      ['Tbd.', undefined],
      ['TBD!', undefined],
      ['TBD…', undefined],
      ['TBD?!', undefined],
      ['', undefined],
      ['    ', undefined],
      ['TBD - ask Sam', undefined],
      ['TBD (too early to tell)', undefined],
      ['TBDX', 'TBDX'],
      ['  padded value  ', 'padded value'],
    ];
    for (const [written, expected] of cases) {
      it(`reads ${JSON.stringify(written)} as ${JSON.stringify(expected)}`, () => {
        const ctx = parseContext(`## Current State\n- **Budget:** ${written}\n`);
        assert.equal(ctx.values.Budget, expected);
        assert.equal(ctx.filled, expected === undefined ? 0 : 1);
      });
    }
  });

  describe('numbers', () => {
    const cases: [string, number | undefined][] = [
      ['12,000', 12000],
      ['12k', 12000],
      ['~3.5K members', 3500],
      ['about 800 people', 800],
      ['1.2M', 1200000],
      ['5,000+', 5000],
      ['TBD', undefined],
      ['a lot', undefined],
    ];
    for (const [written, expected] of cases) {
      it(`reads ${JSON.stringify(written)} as ${expected}`, () => {
        const ctx = parseContext(`- **Current size:** ${written}\n- **Active members:** ${written}\n`);
        assert.equal(ctx.counts.currentSize, expected);
        assert.equal(ctx.counts.activeMembers, expected);
        assert.equal('currentSize' in ctx.counts, expected !== undefined);
      });
    }
  });

  describe('front matter', () => {
    it('wins over the body, which stays in bodyEntries', () => {
      const text = fixture('frontmatter-precedence.md');
      const ctx = parseContext(text);
      assert.equal(ctx.frontMatter, 'yaml');
      assert.equal(ctx.values['Community Name'], 'Front Matter Name');
      const fromFrontMatter = ctx.entries.get('Community Name')!;
      assert.equal(fromFrontMatter.source, 'frontMatter');
      assert.equal(fromFrontMatter.line, 1);
      assert.equal(text.slice(fromFrontMatter.valueStart, fromFrontMatter.valueEnd), 'Front Matter Name');
      const fromBody = ctx.bodyEntries.get('Community Name')!;
      assert.equal(fromBody.value, 'Body Name');
      assert.equal(fromBody.line, 14);
      assert.equal(fromBody.source, 'body');
      // An unset front matter value leaves the body's in place.
      assert.equal(ctx.values.Mission, 'Body mission');
      assert.equal(ctx.entries.get('Mission')!.source, 'body');
      assert.equal(ctx.values.Budget, undefined);
    });

    it('turns numbers, booleans and lists into text and matches loosely written keys', () => {
      const ctx = parseContext(fixture('frontmatter-precedence.md'));
      assert.equal(ctx.values['Community type'], 'Open-source project community');
      assert.equal(ctx.values['Current size'], '5,000');
      assert.equal(ctx.counts.currentSize, 5000);
      assert.equal(ctx.values['Secondary platforms'], 'GitHub, Matrix, 42');
      assert.equal(ctx.values.Founded, '2016');
      assert.equal(ctx.values.Team, 'true');
      assert.equal(ctx.filled, 7);
    });

    it('notes where a body value is hidden by the front matter, and says nothing of unknown keys', () => {
      const ctx = parseContext(fixture('frontmatter-precedence.md'));
      assert.deepEqual(
        own(ctx).map((p) => [p.severity, p.line, p.label]),
        [
          ['information', 14, 'Community Name'],
          ['information', 16, 'Founded'],
        ],
      );
    });

    for (const key of ['Community Name', 'community_name', 'communityName', 'COMMUNITY-NAME', '"Community Name"']) {
      it(`matches the key ${key}`, () => {
        const ctx = parseContext(`---\n${key}: Keyed\n---\n`);
        assert.equal(ctx.values['Community Name'], 'Keyed');
        assert.equal(ctx.entries.get('Community Name')!.line, 1);
      });
    }

    it('gives the scalar span on its line, quotes included, comment excluded', () => {
      const text = '---\nMission: "Build: together" # why\nTone: plain words   # note\n---\n';
      const ctx = parseContext(text);
      const mission = ctx.entries.get('Mission')!;
      assert.equal(text.slice(mission.valueStart, mission.valueEnd), '"Build: together"');
      assert.equal(ctx.values.Mission, 'Build: together');
      const tone = ctx.entries.get('Tone')!;
      assert.equal(text.slice(tone.valueStart, tone.valueEnd), 'plain words');
      assert.equal(tone.line, 2);
    });

    it('warns about values of the wrong type at their line and uses the rest', () => {
      const ctx = parseContext(fixture('frontmatter-wrong-types.md'));
      assert.equal(ctx.values['Community Name'], 'Typed Matter');
      assert.equal(ctx.values.Founded, '2020');
      assert.equal(ctx.values.Tone, 'Friendly');
      assert.equal(ctx.values.Values, 'Openness');
      assert.equal(ctx.entries.get('Tone')!.source, 'body');
      const warnings = own(ctx).filter((p) => p.severity === 'warning');
      assert.deepEqual(
        warnings.map((p) => [p.line, p.label]),
        [
          [2, 'Tone'],
          [5, 'Values'],
        ],
      );
      for (const w of warnings) {
        assert.ok(w.message.includes(w.label!), w.message);
        assert.match(w.message, /text, a number/);
      }
      assert.match(warnings[0].message, /set of keys/);
      assert.match(warnings[1].message, /list that holds lists/);
    });

    it('warns when two keys name the same label, and uses the first', () => {
      const ctx = parseContext('---\ncommunity_name: One\nCommunity Name: Two\n---\n');
      assert.equal(ctx.values['Community Name'], 'One');
      assert.deepEqual(
        own(ctx).map((p) => [p.severity, p.line]),
        [['warning', 2]],
      );
    });

    it('reports invalid YAML as an error at its line and still reads the body', () => {
      const ctx = parseContext('---\nMission: ok\n  Tone: bad indentation\n---\n## Community Overview\n- **Community Name:** Body Wins\n');
      assert.equal(ctx.frontMatter, 'error');
      assert.deepEqual(
        own(ctx).map((p) => [p.severity, p.line]),
        [['error', 2]],
      );
      assert.equal(ctx.values['Community Name'], 'Body Wins');
      assert.equal(ctx.entries.get('Community Name')!.line, 5);
      assert.equal(ctx.values.Mission, undefined);
    });

    const HOSTILE: [string, string][] = [
      ['---js', 'hostile-js.md'],
      ['---javascript', 'hostile-javascript.md'],
      ['--- js', 'hostile-space-js.md'],
      ['---JS', 'hostile-JS-upper.md'],
      ['---Javascript', 'hostile-Javascript-title.md'],
      ['---coffee', 'hostile-coffee.md'],
      ['---toml', 'hostile-toml.md'],
      ['---json', 'hostile-json.md'],
    ];
    for (const [opening, file] of HOSTILE) {
      it(`refuses ${JSON.stringify(opening)} front matter with an error on line 0, runs nothing, reads the body`, () => {
        const marker = path.join(os.tmpdir(), `community-context-marker-parse-${file}-${process.pid}-${Date.now()}`);
        assert.equal(fs.existsSync(marker), false);
        const text = fixture(file).replace(/__MARKER__/g, JSON.stringify(marker));
        assert.ok(text.startsWith(opening + '\n') && text.includes(marker));
        for (const variant of [text, '\ufeff' + text.replace(/\n/g, '\r\n')]) {
          const ctx = parseContext(variant);
          assert.equal(ctx.frontMatter, 'error');
          assert.equal(own(ctx).length, 1);
          assert.equal(own(ctx)[0].severity, 'error');
          assert.equal(own(ctx)[0].line, 0);
          assert.equal(ctx.values['Community Name'], 'Safe Harbour');
          assert.equal(ctx.counts.currentSize, 800);
          assert.equal(ctx.entries.get('Community Name')!.line, 6);
        }
        assert.equal(fs.existsSync(marker), false);
      });
    }

    describe('YAML traps', () => {
      it('pollutes no prototype and still reads the safe keys', () => {
        const ctx = parseContext(fixture('yaml-proto.md'));
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.equal(Object.getPrototypeOf(ctx.values), Object.prototype);
        assert.equal(ctx.values['Community Name'], 'Prototype Proof');
        assert.equal(ctx.values.Tone, 'Careful');
        assert.equal(ctx.frontMatter, 'yaml');
      });

      it('returns quickly from a billion-laughs alias bomb with a problem', () => {
        const started = Date.now();
        const ctx = parseContext(fixture('yaml-laughs.md'));
        assert.ok(Date.now() - started < 2000, 'took too long');
        assert.equal(ctx.frontMatter, 'error');
        assert.equal(ctx.problems[0].severity, 'error');
        assert.equal(ctx.values['Community Name'], 'Still Standing');
      });

      it('returns a problem for 5,000-deep nesting and reads the body', () => {
        const text = '---\nTone: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n---\n- **Tone:** Level\n';
        const ctx = parseContext(text);
        assert.equal(ctx.frontMatter, 'error');
        assert.equal(ctx.problems[0].severity, 'error');
        assert.equal(ctx.values.Tone, 'Level');
        assert.equal(ctx.entries.get('Tone')!.line, 3);
      });

      it('reports duplicate keys as an error at the duplicate and reads the body', () => {
        const ctx = parseContext(fixture('yaml-duplicate-keys.md'));
        assert.equal(ctx.frontMatter, 'error');
        assert.deepEqual(
          own(ctx).map((p) => [p.severity, p.line]),
          [['error', 3]],
        );
        assert.equal(ctx.values['Community Name'], 'Body After Duplicates');
        assert.equal(ctx.values.Founded, undefined);
      });
    });
  });

  describe('never throws', () => {
    const check = (text: string) => {
      // analyseContext has no safety net, so a defect would surface here rather than be hidden.
      const { ctx } = analyseContext(text);
      assert.deepEqual(Object.keys(ctx.values).sort(), [...CONTEXT_LABELS].sort());
      assert.equal(ctx.filled, CONTEXT_LABELS.filter((l) => ctx.values[l] !== undefined).length);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const e of [...ctx.entries.values(), ...ctx.bodyEntries.values()]) {
        assert.ok(e.valueStart >= 0 && e.valueStart <= e.valueEnd && e.valueEnd <= text.length);
        assert.ok(e.line >= 0 && e.line < lineCount);
      }
      for (const p of ctx.problems) assert.ok(p.line >= 0 && p.line < lineCount);
      assert.doesNotThrow(() => parseContext(text));
    };

    it('on random strings', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check),
        { numRuns: 1000 },
      );
    });

    it('on random arrangements of the file’s own syntax', () => {
      const piece = fc.constantFrom(
        '---', '---js', '---yaml', '\n', '\r\n', '\r', '\ufeff', '## ', '# ', '### ', '- ', '* ', '+ ', '  ', '\t', '**', '__', ':', ': ',
        'Community Name', 'current_size', 'Tone', 'Active members', 'TBD', '12k', '```', '~~~', '[', ']', '{', '}', '&a ', '*a', '<<: ',
        '__proto__: ', '"', "'", '|', '#', 'x', '1,000', ' # c',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 60 }), (parts) => check(parts.join(''))),
        { numRuns: 1000 },
      );
    });
  });
});
