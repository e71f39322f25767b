import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { PARTNERSHIP_TYPES, PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS } from '../../src/core/domain';
import { agreementSnippet, renderAgreement, type AgreementState } from '../../src/core/agreement';
import { checkAgreement, diagnosePartnershipDoc, partnershipDocKind } from '../../src/core/partnershipDocs';
import { pitchSnippet } from '../../src/core/pitch';
import { newRecordText } from '../../src/core/records/newRecord';
import { assertLinear } from './linearTime';

// ---------------------------------------------------------------------------------------------
// A strict reader of VS Code snippet syntax (tab stops, placeholders, choices, variables), to
// check that snippets are well-formed and to see the text they insert. Stricter than VS Code,
// which silently turns malformed syntax into text: here that is an error.

interface TabStop {
  index: number;
  placeholder?: string;
  choices?: string[];
}
interface Expanded {
  text: string;
  tabStops: TabStop[];
  variables: string[];
  errors: string[];
}

const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE',
  'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'UUID',
]);

function expandSnippet(src: string, vars: Record<string, string> = {}): Expanded {
  let i = 0;
  const tabStops: TabStop[] = [];
  const variables: string[] = [];
  const errors: string[] = [];

  const text = (inside: boolean): string => {
    let out = '';
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && '$}\\'.includes(src[i + 1] ?? '')) {
        out += src[i + 1];
        i += 2;
      } else if (c === '}') {
        if (inside) return out;
        errors.push(`unescaped } at ${i}`);
        out += c;
        i++;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    if (inside) errors.push('unclosed ${');
    return out;
  };

  const dollar = (): string => {
    const rest = src.slice(i);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      i += m[0].length;
      tabStops.push({ index: Number(m[1]) });
      return '';
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      i += m[0].length;
      variables.push(m[1]);
      return vars[m[1]] ?? '';
    }
    m = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))([:|}])/.exec(rest);
    if (!m) {
      errors.push(`unescaped $ at ${i}`);
      i++;
      return '$';
    }
    i += m[0].length;
    const [, index, name, kind] = m;
    if (name !== undefined) variables.push(name);
    if (kind === '}') {
      if (index !== undefined) tabStops.push({ index: Number(index) });
      return name !== undefined ? vars[name] ?? '' : '';
    }
    if (kind === ':') {
      const inner = text(true);
      i++; // the closing }
      if (index !== undefined) tabStops.push({ index: Number(index), placeholder: inner });
      return name !== undefined ? vars[name] ?? inner : inner;
    }
    if (index === undefined) {
      errors.push(`choice on variable ${name}`);
      return '';
    }
    const choices: string[] = [];
    let current = '';
    while (i < src.length && !src.startsWith('|}', i)) {
      const c = src[i];
      if (c === '\\' && ',|$}\\'.includes(src[i + 1] ?? '')) {
        current += src[i + 1];
        i += 2;
      } else if (c === ',') {
        choices.push(current);
        current = '';
        i++;
      } else if (c === '$' || c === '}' || c === '|') {
        errors.push(`unescaped ${c} in a choice at ${i}`);
        current += c;
        i++;
      } else {
        current += c;
        i++;
      }
    }
    if (!src.startsWith('|}', i)) errors.push('unclosed choice');
    i += 2;
    choices.push(current);
    tabStops.push({ index: Number(index), choices });
    return choices[0];
  };

  const out = text(false);
  return { text: out, tabStops, variables, errors };
}

/** Tab stops numbered 1..n without gaps ($0 aside); a mirrored stop always says the same. */
function assertWellFormed(name: string, body: string): Expanded {
  const e = expandSnippet(body);
  assert.deepEqual(e.errors, [], `${name}: syntax`);
  const byIndex = new Map<number, TabStop>();
  for (const t of e.tabStops) {
    const seen = byIndex.get(t.index);
    if (seen) assert.deepEqual({ p: t.placeholder, c: t.choices }, { p: seen.placeholder, c: seen.choices }, `${name}: mirrored $${t.index} differs`);
    else byIndex.set(t.index, t);
  }
  const indices = [...byIndex.keys()].filter((n) => n > 0).sort((a, b) => a - b);
  assert.deepEqual(indices, indices.map((_, k) => k + 1), `${name}: tab stops 1..n`);
  for (const t of byIndex.values()) if (t.choices) assert.ok(t.choices.length >= 2 && t.choices.every((c) => c.trim() !== ''), `${name}: choice $${t.index}`);
  for (const v of e.variables) assert.ok(KNOWN_VARIABLES.has(v), `${name}: unknown variable ${v}`);
  return e;
}

describe('the snippet reader used by these tests', () => {
  it('reads tab stops, placeholders, choices, variables and escapes', () => {
    const e = expandSnippet('a $1 ${2:two ${3:three}} ${4|x,y\\,z|} ${CURRENT_YEAR} \\$5 \\} \\\\', { CURRENT_YEAR: '2026' });
    assert.equal(e.text, 'a  two three x 2026 $5 } \\');
    assert.deepEqual(e.tabStops.map((t) => t.index), [1, 3, 2, 4]);
    assert.deepEqual(e.tabStops[3].choices, ['x', 'y,z']);
    assert.deepEqual(e.errors, []);
  });

  it('reports malformed syntax', () => {
    assert.notDeepEqual(expandSnippet('${1:open').errors, []);
    assert.notDeepEqual(expandSnippet('price $ 5').errors, []);
    assert.notDeepEqual(expandSnippet('${1|a,b}').errors, []);
  });
});

// ---------------------------------------------------------------------------------------------

describe('partnershipDocKind', () => {
  it('reads the kind from front matter', () => {
    for (const kind of ['agreement', 'pitch', 'check-in', 'scorecard', 'playbook'] as const) {
      assert.equal(partnershipDocKind(`---\npartnership-doc: ${kind}\n---\n\n# Notes\n`), kind);
    }
    assert.equal(partnershipDocKind('\ufeff---\r\npartnership-doc: " Check-In "\r\n---\r\nbody'), 'check-in');
  });

  it('recognises an agreement by its title when there is no front matter', () => {
    assert.equal(partnershipDocKind('# Community Partnership - Acme x Go Berlin\n\nText'), 'agreement');
    assert.equal(partnershipDocKind('Intro line\n\n#   Community Partnership – Acme × Beta  #\n'), 'agreement');
  });

  it('falls back to the title when the front matter kind is unknown', () => {
    assert.equal(partnershipDocKind('---\npartnership-doc: memo\n---\n# Community Partnership - A x B\n'), 'agreement');
    assert.equal(partnershipDocKind('---\npartnership-doc: memo\n---\n# Notes\n'), undefined);
  });

  it('ignores ordinary documents, titles in code and other headings', () => {
    assert.equal(partnershipDocKind('# Meeting notes\n\nCommunity Partnership - A x B'), undefined);
    assert.equal(partnershipDocKind('```\n# Community Partnership - A x B\n```\n'), undefined);
    assert.equal(partnershipDocKind('## Community Partnership - A x B\n'), undefined);
    assert.equal(partnershipDocKind('# Community Partnership\n'), undefined);
    assert.equal(partnershipDocKind(''), undefined);
  });

  it('never runs non-YAML front matter', () => {
    assert.equal(partnershipDocKind('---js\n{ "partnership-doc": "agreement" }\n---\n'), undefined);
  });
});

const complete: AgreementState = {
  contributions: { yours: ['Two speakers'], theirs: ['A newsletter feature'] },
  duration: '6 months',
  startDate: '2026-03-01',
  reviewDate: '2026-06-01',
  metrics: [{ metric: 'Cross-community joins', target: '100' }],
  contacts: { yours: 'Alex', theirs: 'Sam' },
  cadence: 'bi-weekly async update',
  practices: { startSmall: true, monthlyCheckIn: true, shareData: true, celebrate: true },
};
const fullDoc = renderAgreement({ ...complete, collaboration: { type: 'co-hosted-event', topic: 'design tokens' } }, { yours: 'Acme', theirs: 'Beta' });

/** The document without the section that starts with `heading` (up to the next `## `). */
function without(doc: string, heading: string): string {
  const start = doc.indexOf(heading);
  assert.ok(start >= 0, heading);
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(0, start) + (next < 0 ? '' : doc.slice(next + 1));
}

describe('checkAgreement', () => {
  it('finds nothing missing in a complete agreement', () => {
    assert.deepEqual(checkAgreement(fullDoc).missing, []);
  });

  const cases: [string, string, string][] = [
    ['contributions', '## What each side contributes', '## What each side contributes'],
    ['success', '## Success metrics', '## Success metrics'],
    ['communication', '## Communication', '## Communication'],
    ['exit', '## Exit clause', '## Exit clause'],
  ];
  for (const [id, heading, section] of cases) {
    it(`reports ${id} when its section is gone, with a section to insert`, () => {
      const { missing } = checkAgreement(without(fullDoc, heading));
      assert.deepEqual(missing.map((m) => m.id), [id]);
      assert.ok(missing[0].section.startsWith(section));
      assert.ok(missing[0].title.length > 0);
    });
  }

  it('reports the timeline when dates and duration are gone', () => {
    const doc = fullDoc.replace(/^- \*\*(Start date|Duration|Review date):\*\*.*\n/gm, '');
    const { missing } = checkAgreement(doc);
    assert.deepEqual(missing.map((m) => m.id), ['timeline']);
    assert.match(missing[0].section, /Start date.*\n.*Duration.*\n.*Review date/);
  });

  it('reports a missing review date on its own', () => {
    const doc = fullDoc.replace(/^- \*\*Review date:\*\*.*\n/m, '');
    const { missing } = checkAgreement(doc);
    assert.deepEqual(missing.map((m) => m.id), ['review-date']);
    assert.equal(missing[0].section, '- **Review date:** [review date]');
  });

  it('reports all five on a bare title', () => {
    const { missing } = checkAgreement('# Community Partnership - Acme x Beta\n');
    assert.deepEqual(missing.map((m) => m.id), ['contributions', 'timeline', 'success', 'communication', 'exit']);
  });

  it('fills the side names from the title into the sections to insert', () => {
    const { missing } = checkAgreement('# Community Partnership - Acme x Beta\n');
    const contributions = missing.find((m) => m.id === 'contributions');
    assert.match(contributions?.section ?? '', /\*\*Acme will:\*\*[\s\S]*\*\*Beta will:\*\*/);
  });

  it('accepts a hand-written agreement in other words', () => {
    const memo = [
      '# Community Partnership - Acme x Beta',
      '',
      'Term: 3 months from March 1. We review on May 20.',
      '',
      '### Responsibilities',
      'Acme runs the workshop; Beta promotes it.',
      '',
      '**KPIs**: 80 attendees',
      '',
      'Point of contact: Alex for Acme, Sam for Beta, weekly sync on Fridays.',
      '',
      'Either party may terminate with one month of notice.',
    ].join('\n');
    assert.deepEqual(checkAgreement(memo).missing, []);
  });

  it('is not fooled by a running-practices checklist or by words in code', () => {
    const doc = [
      '# Community Partnership - Acme x Beta',
      '',
      '- [ ] A monthly check-in between the owners',
      '',
      '```',
      'exit clause: 2 weeks notice; success metrics; contributions',
      '```',
      '<!-- primary contact: TBD -->',
    ].join('\n');
    assert.deepEqual(checkAgreement(doc).missing.map((m) => m.id), ['contributions', 'timeline', 'success', 'communication', 'exit']);
  });
});

describe('diagnosePartnershipDoc', () => {
  it('returns nothing for documents that are not partnership documents', () => {
    assert.deepEqual(diagnosePartnershipDoc('# Notes\n\nHi [name]'), []);
  });

  it('flags placeholders in any partnership document, at their exact range', () => {
    const text = '---\npartnership-doc: check-in\n---\n\n# Check-in with [partner]\n- [ ] done\n';
    const d = diagnosePartnershipDoc(text);
    assert.deepEqual(d.map((x) => [x.code, text.slice(x.start, x.end)]), [['placeholder', '[partner]']]);
    assert.match(d[0].message, /\[partner\]/);
  });

  it('combines placeholders and missing items, missing items located at the H1', () => {
    const text = '---\npartnership-doc: agreement\n---\n\n# Community Partnership - Acme x [partner]\n\nSome intro.\n';
    const d = diagnosePartnershipDoc(text);
    assert.deepEqual(d.map((x) => x.code), ['placeholder', 'missing-contributions', 'missing-timeline', 'missing-success', 'missing-communication', 'missing-exit']);
    for (const m of d.slice(1)) {
      assert.equal(text.slice(m.start, m.end), '# Community Partnership - Acme x [partner]');
      assert.ok(m.fix && m.fix.title.startsWith('Add '));
    }
  });

  it('locates missing items at the start of the body when there is no H1', () => {
    const text = '---\npartnership-doc: agreement\n---\n\nJust a note.\n';
    const d = diagnosePartnershipDoc(text);
    assert.ok(d.length === 5);
    for (const m of d) assert.equal(text.slice(m.start, m.end), 'Just a note.');
  });

  it('Quick Fixes insert sections that make the agreement complete', () => {
    let text = '---\npartnership-doc: agreement\n---\n\n# Community Partnership - Acme x Beta\n\n## Sign-off\n\n- For Acme: Alex, date: ____\n';
    // Apply the fixes one at a time, as a user would, re-checking after each.
    for (let guard = 0; guard < 10; guard++) {
      const fix = diagnosePartnershipDoc(text).find((x) => x.code.startsWith('missing-'))?.fix;
      if (!fix) break;
      text = text.slice(0, fix.insertAt) + fix.text + text.slice(fix.insertAt);
    }
    assert.deepEqual(checkAgreement(text).missing, []);
    // Timeline right under the title, the other sections before the sign-off.
    assert.match(text, /# Community Partnership - Acme x Beta\n\n- \*\*Start date:\*\*/);
    assert.ok(text.indexOf('## Exit clause') < text.indexOf('## Sign-off'));
    assert.doesNotMatch(text, /\n{3,}/);
  });

  it('inserts the review date right after the duration line', () => {
    const text = fullDoc.replace(/^- \*\*Review date:\*\*.*\n/m, '');
    const d = diagnosePartnershipDoc(text).filter((x) => x.code === 'missing-review-date');
    assert.equal(d.length, 1);
    const fixed = text.slice(0, d[0].fix!.insertAt) + d[0].fix!.text + text.slice(d[0].fix!.insertAt);
    assert.match(fixed, /\*\*Duration:\*\* 6 months\n- \*\*Review date:\*\* \[review date\]\n/);
  });

  it('appends at the end when there is no sign-off, and keeps CRLF line endings', () => {
    const text = '# Community Partnership - Acme x Beta\r\n\r\nIntro';
    const fix = diagnosePartnershipDoc(text).find((x) => x.code === 'missing-exit')?.fix;
    assert.ok(fix);
    assert.equal(fix.insertAt, text.length);
    assert.ok(fix.text.startsWith('\r\n\r\n## Exit clause\r\n\r\n'));
    assert.doesNotMatch(fix.text.replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('never throws, and every range and fix stays inside the text (property)', () => {
    const piece = fc.constantFrom('# Community Partnership - A x B', '---', 'partnership-doc: agreement', '## Exit clause', '[name]', '- [ ] x', '```', '`', '\r\n', '\n', ' ', 'notice', 'Duration: 3 months', '## Sign-off', '<!--', '\ufeff');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const d of diagnosePartnershipDoc(text)) {
          assert.ok(0 <= d.start && d.start <= d.end && d.end <= text.length);
          if (d.fix) assert.ok(0 <= d.fix.insertAt && d.fix.insertAt <= text.length);
        }
      }),
    );
  });

  it('a complete agreement has no diagnostics', () => {
    assert.deepEqual(diagnosePartnershipDoc(fullDoc), []);
  });
});

// ---------------------------------------------------------------------------------------------

describe('agreementSnippet', () => {
  const context = { 'Community Name': 'Acme Devs', Team: 'Jane Doe (lead), Sam (DevRel)' };

  it('is a well-formed snippet with a duration choice', () => {
    const snippet = agreementSnippet(context);
    const e = assertWellFormed('agreementSnippet', snippet);
    assert.ok(snippet.includes('${5|3 months,6 months,ongoing|}'));
    assert.ok(snippet.includes('${13|monthly call,bi-weekly async update|}'));
    assert.deepEqual(e.tabStops.find((t) => t.index === 9)?.choices, SUCCESS_METRICS.map((m) => m.title));
    // What the collaboration is: a type to pick (none preset) and a topic.
    assert.deepEqual(e.tabStops.find((t) => t.index === 2)?.choices, ['[partnership type]', ...PARTNERSHIP_TYPES.map((t) => t.title)]);
    assert.equal(e.tabStops.find((t) => t.index === 3)?.placeholder, '[topic]');
    assert.ok(snippet.endsWith('$0'));
  });

  it('starts at the partner, then goes down the document; your side is the context\'s text, not a tab stop', () => {
    const e = expandSnippet(agreementSnippet(context), { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '01' });
    // Tab stop 1 is the partner, mirrored in the title, "will" line, contact label, owners line and sign-off.
    assert.deepEqual(
      e.tabStops.filter((t) => t.index === 1).map((t) => t.placeholder),
      Array(5).fill('[partner community]'),
    );
    assert.ok(!e.tabStops.some((t) => t.placeholder === 'Acme Devs'), 'your community is not a tab stop');
    // Each stop in the order it is read: the numbers of the first mention of each go up.
    const order = [...new Map(e.tabStops.filter((t) => t.index > 0).map((t) => [t.index, t])).keys()];
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `reading order: ${order.join(', ')}`);
    assert.deepEqual(order, Array.from({ length: 14 }, (_, k) => k + 1));
  });

  it('without a community name, your side is a tab stop after the partner', () => {
    const e = assertWellFormed('no context', agreementSnippet({}));
    assert.deepEqual([...new Set(e.tabStops.filter((t) => t.index > 0 && t.index <= 2).map((t) => `${t.index} ${t.placeholder}`))], ['2 [your community]', '1 [partner community]']);
    assert.equal(e.tabStops.filter((t) => t.index === 2).length, 5);
  });

  it("words the exit clause as the checklist's agreement does", () => {
    const e = expandSnippet(agreementSnippet(context));
    const exit = (text: string) => /^Either side can end[^\n]*$/m.exec(text)?.[0];
    assert.ok(exit(e.text));
    assert.equal(exit(e.text), exit(renderAgreement({}, { yours: 'Acme Devs', theirs: 'Guild' })));
    assert.equal(e.tabStops.find((t) => t.placeholder === "two weeks' notice")?.index, 14);
  });

  it("fills the community's side from the context, mirrored everywhere", () => {
    const e = expandSnippet(agreementSnippet(context), { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '01' });
    assert.match(e.text, /^# Community Partnership - Acme Devs x \[partner community\]$/m);
    assert.match(e.text, /^\*\*Acme Devs will:\*\*$/m);
    assert.match(e.text, /Primary contact for Acme Devs:\*\* Jane Doe$/m);
    assert.match(e.text, /^- \*\*The collaboration:\*\* \[partnership type\] on \[topic\]$/m);
    assert.match(e.text, /^- \*\*Start date:\*\* 2026-03-01$/m);
    assert.match(e.text, /^- \*\*Duration:\*\* 3 months$/m);
    assert.match(e.text, /with two weeks' notice\./);
    assert.match(e.text, /^- For Acme Devs: Jane Doe, date: /m);
  });

  it('expands to an agreement the checker recognises as complete in structure', () => {
    const e = expandSnippet(agreementSnippet(context));
    assert.equal(partnershipDocKind(e.text), 'agreement');
    assert.deepEqual(checkAgreement(e.text).missing, []);
    // Nothing is agreed when the snippet is inserted: every practice box starts unticked.
    assert.doesNotMatch(e.text, /- \[x\]/);
  });

  it('without context, the community side is a placeholder', () => {
    const e = expandSnippet(agreementSnippet({ 'Community Name': 'TBD' }));
    assert.match(e.text, /^# Community Partnership - \[your community\] x \[partner community\]$/m);
    assert.match(e.text, /Primary contact for \[your community\]:\*\* \[name and email\]/);
  });

  it('inserts hostile context values as plain text', () => {
    for (const hostile of ['${1:x}', '$TM_FILENAME', 'a\\b}', '${1|a,b|}', '\\$0 }}}', '$$', '\uE0000\uE001 forged']) {
      const snippet = agreementSnippet({ 'Community Name': hostile, Team: hostile });
      const e = assertWellFormed(`hostile ${hostile}`, snippet);
      const expected = hostile.replace(/[\uE000\uE001]/g, '');
      assert.ok(e.text.includes(`# Community Partnership - ${expected} x [partner community]`), hostile);
      assert.ok(!e.variables.includes('TM_FILENAME'), hostile);
    }
  });

  it('any community name is inserted exactly as written, whitespace collapsed (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), (name, team) => {
        const e = assertWellFormed('property', agreementSnippet({ 'Community Name': name, Team: team }));
        const shown = name.replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ').trim();
        if (shown !== '' && !/^tbd\.?$/i.test(shown)) assert.ok(e.text.includes(`# Community Partnership - ${shown} x `));
      }),
    );
  });

  it('keeps a multi-line context value on one line', () => {
    const e = expandSnippet(agreementSnippet({ 'Community Name': 'Acme\n## Injected' }));
    assert.doesNotMatch(e.text, /^## Injected/m);
  });
});

// ---------------------------------------------------------------------------------------------

describe('snippets/partnerships.code-snippets', () => {
  const file = path.join(__dirname, '..', '..', '..', 'snippets', 'partnerships.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string | string[]; description: string; scope?: string }>;
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
  const body = (prefix: string) => {
    const s = byPrefix.get(prefix);
    assert.ok(s, prefix);
    return Array.isArray(s.body) ? s.body.join('\n') : s.body;
  };

  it('every snippet has a cp- prefix, a body, a description and the markdown scope', () => {
    assert.ok(Object.keys(snippets).length >= 8);
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.prefix, /^cp-[a-z-]+$/, name);
      assert.ok(Array.isArray(s.body) ? s.body.length > 0 && s.body.every((l) => typeof l === 'string') : typeof s.body === 'string', name);
      assert.ok(typeof s.description === 'string' && s.description.length > 10, name);
      assert.equal(s.scope, 'markdown', name);
    }
    assert.equal(new Set(Object.values(snippets).map((s) => s.prefix)).size, Object.keys(snippets).length, 'prefixes are unique');
  });

  it('every body is well-formed snippet syntax and declares its partnership-doc kind', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const e = assertWellFormed(name, Array.isArray(s.body) ? s.body.join('\n') : s.body);
      assert.ok(partnershipDocKind(e.text), `${name} is recognised as a partnership document`);
    }
  });

  it('has the expected prefixes', () => {
    for (const p of ['cp-agreement', 'cp-pitch-cold', 'cp-pitch-warm', 'cp-checkin', 'cp-scorecard', 'cp-playbook-event', 'cp-playbook-newsletter', 'cp-playbook-content']) assert.ok(byPrefix.has(p), p);
  });

  it('the agreement is the same as agreementSnippet without context', () => {
    assert.equal(body('cp-agreement'), agreementSnippet({}));
    assert.ok(body('cp-agreement').includes('${6|3 months,6 months,ongoing|}'));
    assert.match(body('cp-agreement'), /^# Community Partnership - \$\{2:\[your community\]\} x \$\{1:\[partner community\]\}$/m);
  });

  it('the pitches are the same as pitchSnippet', () => {
    assert.equal(body('cp-pitch-cold'), pitchSnippet({ variant: 'cold' }));
    assert.equal(body('cp-pitch-warm'), pitchSnippet({ variant: 'warm' }));
    if (byPrefix.has('cp-pitch')) assert.equal(body('cp-pitch'), pitchSnippet({ variant: 'classic' }));
    const cold = expandSnippet(body('cp-pitch-cold')).text;
    assert.match(cold, /\*\*Subject:\*\* Community collab idea: \[your community\] × \[their community\]/);
    assert.match(cold, /15 minutes/);
  });

  it('the check-in note has the metrics and asks whether it is worth continuing', () => {
    const text = expandSnippet(body('cp-checkin')).text;
    assert.equal(partnershipDocKind(text), 'check-in');
    for (const m of SUCCESS_METRICS.filter((x) => x.id !== 'satisfaction')) assert.ok(text.includes(`| ${m.title}`), m.title);
    assert.match(text, /^## Is this worth continuing\?$/m);
  });

  it('the scorecard has the six criteria with their weights and a weighted total line', () => {
    const text = expandSnippet(body('cp-scorecard')).text;
    const rows = text.split('\n').filter((l) => /^\| .* \| \d+% \|/.test(l));
    assert.equal(rows.length, SCORECARD_CRITERIA.length);
    SCORECARD_CRITERIA.forEach((c, k) => {
      assert.ok(rows[k].startsWith(`| ${c.title}`), c.title);
      assert.ok(rows[k].includes(`| ${Math.round(c.weight * 100)}% |`), c.title);
    });
    assert.deepEqual(rows.map((r) => Number(/\| (\d+)% \|/.exec(r)?.[1])), [25, 20, 15, 15, 15, 10]);
    assert.match(text, /^\*\*Weighted total:\*\* .*3\.5 or more: pursue.*2\.5 to 3\.4: proceed cautiously.*Under 2\.5: pass/m);
    // Nothing it cannot know: no score is preset, the decision is a choice with its rule.
    const stops = expandSnippet(body('cp-scorecard')).tabStops;
    assert.equal(stops.filter((t) => t.placeholder === '[1-5]').length, 6);
    const decision = stops.find((t) => t.choices);
    assert.deepEqual(decision?.choices, ['[decide once all six are scored]', 'Pursue (3.5 or more)', 'Proceed cautiously (2.5 to 3.4)', 'Pass (under 2.5)']);
    assert.doesNotMatch(text, /\[total\]/);
  });

  const playbooks: [string, keyof typeof PLAYBOOKS][] = [
    ['cp-playbook-event', 'co-hosted-event'],
    ['cp-playbook-newsletter', 'newsletter-swap'],
    ['cp-playbook-content', 'content-collab'],
  ];
  for (const [prefix, id] of playbooks) {
    it(`${prefix} lists the ${id} playbook steps as a task list`, () => {
      const text = expandSnippet(body(prefix)).text;
      assert.equal(partnershipDocKind(text), 'playbook');
      const tasks = text.split('\n').filter((l) => l.startsWith('- [ ] ')).map((l) => l.slice(6));
      assert.deepEqual(tasks, [...PLAYBOOKS[id].steps]);
      assert.match(text, new RegExp(`^# ${PLAYBOOKS[id].title} with `, 'm'));
    });
  }

  it('a freshly inserted snippet shows only placeholders, never a missing agreement item', () => {
    for (const s of Object.values(snippets)) {
      const text = expandSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body).text;
      for (const d of diagnosePartnershipDoc(text)) assert.equal(d.code, 'placeholder', `${s.prefix}: ${d.code}`);
    }
  });

  it('the README table lists every prefix', () => {
    const readme = fs.readFileSync(path.join(path.dirname(file), '..', 'README.md'), 'utf8');
    for (const s of Object.values(snippets)) assert.ok(readme.includes(`\`${s.prefix}\``), s.prefix);
  });
});

describe('diagnosePartnershipDoc on partnership records', () => {
  const DEMO = path.resolve(__dirname, '../../../demo/partnerships');
  const stageOf = (text: string) => /^stage:\s*(\S+)/m.exec(text)?.[1] ?? 'prospect';

  it('checks the agreement of no demo record before `agreed`, and reads dates and cadence from the front matter', () => {
    const files = fs.readdirSync(DEMO).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(DEMO, f), 'utf8');
      const missing = diagnosePartnershipDoc(text).filter((d) => d.code.startsWith('missing-'));
      if (!['agreed', 'active', 'ended'].includes(stageOf(text))) assert.deepEqual(missing, [], f);
      // The front matter's start, review and cadence (with owners) settle those items.
      if (/^start:/m.test(text)) assert.ok(!missing.some((d) => d.code === 'missing-timeline'), f);
      if (/^review:/m.test(text)) assert.ok(!missing.some((d) => d.code === 'missing-review-date'), f);
      if (/^cadence:/m.test(text) && /^owners:/m.test(text)) assert.ok(!missing.some((d) => d.code === 'missing-communication'), f);
    }
  });

  it('checks a record from `agreed` on, with what its front matter holds', () => {
    const record = (stage: string, extra = '') => `---\npartner: Beta\nstage: ${stage}\n${extra}---\n\n# Community Partnership - Acme x Beta\n\n## Notes\n`;
    assert.deepEqual(diagnosePartnershipDoc(record('prospect')), []);
    assert.deepEqual(diagnosePartnershipDoc(record('contacted')), []);
    assert.deepEqual(
      diagnosePartnershipDoc(record('agreed')).map((d) => d.code),
      ['missing-contributions', 'missing-timeline', 'missing-success', 'missing-communication', 'missing-exit'],
    );
    const settled = record('active', 'start: 2026-01-15\nreview: 2026-07-15\ncadence: monthly\nowners:\n  ours: Sam\n');
    assert.deepEqual(diagnosePartnershipDoc(settled).map((d) => d.code), ['missing-contributions', 'missing-success', 'missing-exit']);
    // Without a review date in the front matter, the review date is what is missing.
    const noReview = record('ended', 'start: 2026-01-15\ncadence: monthly\ncontact: Ana\n');
    assert.deepEqual(diagnosePartnershipDoc(noReview).map((d) => d.code), ['missing-contributions', 'missing-review-date', 'missing-success', 'missing-exit']);
  });

  it('gives a new record at most one Information per section, naming what is left', () => {
    const text = newRecordText({ partner: 'Rust Berlin', types: ['co-hosted-event'], today: '2026-03-01', ourName: 'Acme Devs' });
    const d = diagnosePartnershipDoc(text);
    assert.ok(d.every((x) => x.code === 'placeholder'), 'a prospect gets no agreement warnings');
    const headings = text.split('\n').filter((l) => /^#{1,6} /.test(l));
    assert.ok(d.length <= headings.length, `${d.length} diagnostics for ${headings.length} sections`);
    const starts = d.map((x) => text.lastIndexOf('\n#', x.start));
    assert.equal(new Set(starts).size, starts.length, 'one per section');
    const pitch = d.find((x) => x.start > text.indexOf('## Pitch') && x.start < text.indexOf('## Agreement'));
    assert.ok(pitch);
    assert.match(pitch.message, /^\d+ placeholders to fill in here: \[partner's name\], /);
    assert.equal(text.slice(pitch.start, pitch.end), "[partner's name]");
    assert.ok(pitch.placeholders && pitch.placeholders.length >= 4);
    for (const p of pitch.placeholders) assert.equal(text.slice(p.start, p.end), p.text);
    const one = diagnosePartnershipDoc('---\npartnership-doc: pitch\n---\n\nHi [name],\n');
    assert.deepEqual(one.map((x) => x.message), ['[name] is still to be filled in.']);
  });

  it('reads an agreement title of one word repeated thousands of times in linear time', function () {
    this.timeout(120_000);
    const text = (word: string, n: number) => `# Community Partnership - ${Array.from({ length: n }, () => word).join(' ')}\n\n## ${'x '.repeat(n)}\n`;
    const read = (t: string) => {
      partnershipDocKind(t);
      diagnosePartnershipDoc(t);
    };
    for (const word of ['x', 'a', 'Community Partnership -']) {
      assertLinear(read, text(word, 4_000), text(word, 40_000), `${word}: 40,000 words instead of 4,000`);
    }
    assert.deepEqual(partnershipDocKind('# Community Partnership - Acme Devs x Go Berlin'), 'agreement');
  });
});
