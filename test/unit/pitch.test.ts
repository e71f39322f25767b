import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PARTNERSHIP_TYPES } from '../../src/core/domain';
import {
  PITCH_CONTEXT_LABELS,
  PITCH_VARIANTS,
  PITCH_WORD_LIMITS,
  checkPitch,
  countWords,
  mailtoUrl,
  pitchDefaultsFromContext,
  pitchIdea,
  pitchMarkdown,
  renderPitch,
  type PitchCheck,
  type PitchInput,
  type PitchVariant,
} from '../../src/core/pitch';
import { findPlaceholders } from '../../src/core/placeholders';
import { partnershipDocKind } from '../../src/core/partnershipDocs';

/** What the URL should carry for text with a lone surrogate (see mailtoUrl). */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const full = (variant: PitchVariant): PitchInput => ({
  variant,
  yourName: 'Alex',
  communityName: 'Rustaceans Berlin',
  memberCount: 12000,
  description: 'Monthly meetups and a busy Discord',
  audience: 'Rust developers in Berlin',
  activeMembers: 3400,
  engagement: '40+ posts a week',
  valueProp: 'Members get code review from people who ship Rust',
  partnerName: 'Sam',
  partnerCommunity: 'Go Berlin',
  ideaType: 'co-hosted-event',
  topic: 'moving services from Go to Rust',
  contribution: 'two speakers and a post to all our members',
  hope: 'a mention in your newsletter',
});

const check = (input: PitchInput, id: PitchCheck['id']): PitchCheck => {
  const found = checkPitch(input, renderPitch(input)).find((c) => c.id === id);
  assert.ok(found, `check ${id} exists`);
  return found;
};

describe('pitchDefaultsFromContext', () => {
  it('prefills the pitch from the context, with sources', () => {
    const { input, sources, missing } = pitchDefaultsFromContext({
      'Community Name': 'Rustaceans Berlin',
      'One-line description': 'Monthly meetups and a busy Discord',
      'Who is this for': 'Rust developers in Berlin',
      'Current size': '~12k members',
      'Active members': '3,400',
      'Engagement level': 'High: 40+ posts a week',
      'Core value proposition': 'Code review from people who ship',
      Mission: 'not used by the pitch',
    });
    assert.deepEqual(input, {
      communityName: 'Rustaceans Berlin',
      description: 'Monthly meetups and a busy Discord',
      audience: 'Rust developers in Berlin',
      memberCount: 12000,
      activeMembers: 3400,
      engagement: 'High: 40+ posts a week',
      valueProp: 'Code review from people who ship',
    });
    assert.deepEqual(sources, {
      communityName: 'Community Name',
      description: 'One-line description',
      audience: 'Who is this for',
      memberCount: 'Current size',
      activeMembers: 'Active members',
      engagement: 'Engagement level',
      valueProp: 'Core value proposition',
    });
    assert.deepEqual(missing, []);
  });

  it('lists what the context lacks; TBD, blanks and counts without a number are missing', () => {
    const { input, missing } = pitchDefaultsFromContext({ 'Community Name': 'Acme', 'Current size': 'TBD', 'Active members': 'a handful', 'Engagement level': '  ', 'Who is this for': 'tbd' });
    assert.deepEqual(input, { communityName: 'Acme' });
    assert.deepEqual(missing, ['One-line description', 'Who is this for', 'Current size', 'Active members', 'Engagement level', 'Core value proposition']);
  });

  it('with an empty context, every pitch label is missing', () => {
    assert.deepEqual(pitchDefaultsFromContext({}).missing, [...PITCH_CONTEXT_LABELS]);
  });

  it('collapses a value written over several lines', () => {
    assert.equal(pitchDefaultsFromContext({ 'Community Name': 'Acme\r\n  Devs' }).input.communityName, 'Acme Devs');
  });
});

describe('renderPitch', () => {
  it('classic: carries the prefilled name, count, audience, partner, idea, offer, ask and proof', () => {
    const { subject, body } = renderPitch(full('classic'));
    assert.ok(body.startsWith('Hi Sam,\n'));
    assert.match(body, /^I run Rustaceans Berlin: monthly meetups and a busy Discord\. Our 12,000 members are Rust developers in Berlin\. Members get code review from people who ship Rust\./m);
    assert.match(body, /overlap with Go Berlin/);
    assert.match(body, /- Co-hosting a session on moving services from Go to Rust\.\n/);
    assert.match(body, /^- We'd contribute two speakers and a post to all our members\.$/m);
    assert.match(body, /^- In return, we'd hope for a mention in your newsletter\.$/m);
    assert.match(body, /^For context, 3,400 of our members are active \(40\+ posts a week\)\.$/m);
    assert.ok(body.trimEnd().endsWith('Alex'));
    assert.equal(subject, 'Rustaceans Berlin x Go Berlin: a collaboration idea');
    assert.deepEqual(findPlaceholders(body), []);
  });

  it('cold: subject line, proof lines, why it is a win, a 15-minute call', () => {
    const { subject, body } = renderPitch(full('cold'));
    assert.equal(subject, 'Community collab idea: Rustaceans Berlin × Go Berlin');
    assert.match(body, /^I run Rustaceans Berlin, a community of Rust developers in Berlin\. Members get code review from people who ship Rust\.$/m);
    assert.match(body, /Why it's a win for you: we'd bring two speakers and a post to all our members\./);
    assert.match(body, /In return, we'd love a mention in your newsletter\./);
    assert.match(body, /^- 12,000 members, 3,400 of them active$/m);
    assert.match(body, /^- 40\+ posts a week$/m);
    assert.match(body, /15 minutes for a call/);
  });

  it('cold: the return ask is a paragraph of its own', () => {
    assert.match(renderPitch(full('cold')).body, /two speakers and a post to all our members\.\n\nIn return, we'd love/);
  });

  it('a co-hosted event says the format the user wrote, never the type title', () => {
    const idea = (topic: string) => pitchIdea({ ideaType: 'co-hosted-event', topic });
    assert.equal(idea('a workshop on onboarding'), 'co-hosting a workshop on onboarding');
    assert.equal(idea('onboarding workshop'), 'co-hosting an onboarding workshop');
    assert.equal(idea('AMA about Rust'), 'co-hosting an AMA on Rust');
    assert.equal(idea('testing'), 'co-hosting a session on testing');
    // The warm pitch has said the topic: the idea refers back to it, in the user's word.
    assert.equal(pitchIdea({ ideaType: 'co-hosted-event', topic: 'a webinar on testing' }, true), 'co-hosting a webinar on it');
    for (const variant of PITCH_VARIANTS) assert.doesNotMatch(renderPitch({ ...full(variant), topic: 'a workshop on onboarding' }).body, /AMA or workshop|AMA, workshop/, variant);
  });

  it('says the size once when the audience states it too', () => {
    for (const variant of ['classic', 'cold'] as const) {
      const body = renderPitch({ ...full(variant), audience: '12,000 Rust developers in Berlin' }).body;
      assert.equal(body.match(/12,000/g)?.length, 1, body);
      assert.match(body, /\b12,000 Rust developers in Berlin\./, variant);
    }
    // The active count still has its line in the cold pitch's numbers.
    assert.match(renderPitch({ ...full('cold'), audience: '12,000 Rust developers in Berlin' }).body, /^- 3,400 active members$/m);
  });

  it('cold: leaves out the return ask when none is given', () => {
    const input = { ...full('cold'), hope: '' };
    assert.doesNotMatch(renderPitch(input).body, /In return/);
  });

  it('warm: shared topic, one idea, what you bring and would like, a small test first', () => {
    const { body } = renderPitch(full('warm'));
    assert.match(body, /same conversations about moving services from Go to Rust/);
    // The topic is said once: the idea refers back to it.
    assert.match(body, /One idea: co-hosting a session on it\./);
    assert.match(body, /We'd bring two speakers and a post to all our members\. From you, we'd love a mention in your newsletter\./);
    assert.match(body, /^For context, we have 12,000 members, 3,400 of them active \(40\+ posts a week\)\.$/m);
    assert.match(body, /start with one event and see how it goes before planning anything ongoing/);
  });

  it('warm: the small test follows the idea type', () => {
    const test = (ideaType: PitchInput['ideaType']) => renderPitch({ ...full('warm'), ideaType }).body;
    assert.match(test('newsletter-cross-promotion'), /start with one swap/);
    assert.match(test('co-created-content'), /start with one piece/);
    assert.match(test('bundle-offering'), /start with one small trial/);
  });

  it('shows a bracket placeholder for every missing value', () => {
    for (const variant of PITCH_VARIANTS) {
      const { subject, body } = renderPitch({ variant });
      const all = `${subject ?? ''}\n${body}`;
      for (const slot of ["[partner's name]", '[your community]', '[their community]', '[a specific collaboration idea]', '[what you would contribute]', '[your name]']) {
        assert.ok(all.includes(slot), `${variant} shows ${slot}`);
      }
      // The warm pitch has no "a community of N" intro; its proof line stands for the count.
      assert.ok(all.includes(variant === 'warm' ? '[numbers that show your community is active]' : '[member count]'), variant);
      assert.ok(findPlaceholders(body).length >= 6);
    }
  });

  it('uses the description in place of a missing audience', () => {
    for (const variant of ['classic', 'cold'] as const) {
      const { body } = renderPitch({ variant, communityName: 'Acme', memberCount: 800, description: 'A place for indie game makers' });
      assert.match(body, variant === 'classic' ? /I run Acme, a place for indie game makers, with 800 members\./ : /I run Acme, a place for indie game makers\./, variant);
      assert.doesNotMatch(body, /\[who your members are\]/, variant);
    }
  });

  it('cold keeps the description out when the audience already says it', () => {
    assert.doesNotMatch(renderPitch(full('cold')).body, /Monthly meetups/);
    assert.match(renderPitch(full('classic')).body, /Rustaceans Berlin: monthly meetups and a busy Discord\./);
  });

  it('names the topic slot when a type is picked without a topic', () => {
    assert.equal(pitchIdea({ ideaType: 'co-hosted-event' }), 'co-hosting a session on [topic]');
    assert.equal(pitchIdea({ ideaType: 'co-hosted-event', ideaText: 'A live teardown of two onboarding flows.' }), 'A live teardown of two onboarding flows');
  });

  it('has a phrase for every partnership type', () => {
    for (const t of PARTNERSHIP_TYPES) assert.match(pitchIdea({ ideaType: t.id, topic: 'TOPIC' }), /TOPIC/, t.id);
  });

  it('formats counts with thousands separators and skips zero', () => {
    assert.match(renderPitch({ variant: 'classic', memberCount: 1234567 }).body, /1,234,567/);
    assert.match(renderPitch({ variant: 'classic', memberCount: 0 }).body, /\[member count\]/);
  });

  it('passes hostile values through as plain text', () => {
    const hostile = '<script>alert(1)</script> ${1:x} $TM_FILENAME %0D%0A \\n';
    const { body } = renderPitch({ ...full('classic'), partnerName: hostile, communityName: hostile });
    assert.ok(body.includes(`Hi ${hostile},`));
    assert.ok(body.includes(`I run ${hostile}:`));
  });

  it('keeps a value with line breaks on one line', () => {
    const { subject, body } = renderPitch({ ...full('cold'), partnerCommunity: 'Go\nBerlin\r\nSubject: spam' });
    assert.equal(subject, 'Community collab idea: Rustaceans Berlin × Go Berlin Subject: spam');
    assert.match(body, /One idea for Go Berlin Subject: spam and us/);
  });

  it('never throws and always returns the five checks, whatever the input (property)', () => {
    const text = fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined });
    const num = fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({ variant: fc.constantFrom(...PITCH_VARIANTS), yourName: text, communityName: text, memberCount: num, description: text, audience: text, activeMembers: num, engagement: text, valueProp: text, partnerName: text, partnerCommunity: text, ideaType: fc.constantFrom(undefined, '' as const, ...PARTNERSHIP_TYPES.map((t) => t.id)), ideaText: text, topic: text, contribution: text, hope: text }),
        (input) => {
          const rendered = renderPitch(input);
          assert.equal(checkPitch(input, rendered).length, 5);
          assert.ok(!/[\r\n\u2028\u2029]/.test(rendered.subject ?? ''), 'the subject is one line');
          assert.ok(mailtoUrl(undefined, rendered.subject ?? '', rendered.body).startsWith('mailto:'));
        },
      ),
    );
  });

  it('a full pitch passes every check in every variant', () => {
    for (const variant of PITCH_VARIANTS) {
      const input = full(variant);
      const failed = checkPitch(input, renderPitch(input)).filter((c) => !c.ok);
      assert.deepEqual(failed, [], variant);
    }
  });

  it('pitchMarkdown is recognised as a pitch document', () => {
    const md = pitchMarkdown(full('cold'));
    assert.equal(partnershipDocKind(md), 'pitch');
    assert.match(md, /\*\*Subject:\*\* Community collab idea: Rustaceans Berlin × Go Berlin/);
    // In German, the subject line is labelled in German too; the checker still recognises it.
    const de = pitchMarkdown({ ...full('cold'), language: 'de' });
    assert.equal(partnershipDocKind(de), 'pitch');
    assert.match(de, /^\*\*Betreff:\*\* \S/m);
    assert.doesNotMatch(de, /Subject/);
  });
});

describe('checkPitch', () => {
  it('returns the five checks in order, each with a title and a hint', () => {
    const checks = checkPitch({ variant: 'cold' }, renderPitch({ variant: 'cold' }));
    assert.deepEqual(checks.map((c) => c.id), ['offer-first', 'specific-idea', 'proof', 'short', 'no-placeholders']);
    for (const c of checks) {
      assert.ok(c.title.length > 0);
      assert.ok(c.hint.length > 10);
    }
  });

  describe('offer-first', () => {
    it('fails without a contribution', () => {
      const c = check({ ...full('classic'), contribution: '' }, 'offer-first');
      assert.equal(c.ok, false);
      assert.match(c.hint, /bring/);
    });

    it('fails when the ask comes before the offer in edited text', () => {
      const input = full('classic');
      const body = 'Hi Sam,\n\nCould we get a mention in your newsletter? In exchange, two speakers and a post to all our members.';
      const c = checkPitch(input, { body }).find((x) => x.id === 'offer-first');
      assert.equal(c?.ok, false);
      assert.match(c?.hint ?? '', /above/);
    });

    it('fails when the offer was edited out', () => {
      const c = checkPitch(full('classic'), { body: 'Hi Sam, would you like a call?' }).find((x) => x.id === 'offer-first');
      assert.equal(c?.ok, false);
    });

    it('passes when the offer precedes the hope and the call', () => {
      for (const variant of PITCH_VARIANTS) assert.equal(check(full(variant), 'offer-first').ok, true, variant);
    });
  });

  describe('specific-idea', () => {
    it('fails with no idea at all', () => {
      assert.equal(check({ ...full('cold'), ideaType: '', ideaText: '', topic: '' }, 'specific-idea').ok, false);
    });

    it('fails with only a type and no topic', () => {
      const c = check({ ...full('cold'), topic: '' }, 'specific-idea');
      assert.equal(c.ok, false);
      assert.match(c.hint, /topic/);
    });

    it("fails when the free text is only a type's title", () => {
      for (const ideaText of ['Newsletter swap', 'co-hosted AMA, workshop or webinar', 'Integration partnership', 'joint hackathon or challenge']) {
        const c = check({ ...full('cold'), ideaType: '', topic: '', ideaText }, 'specific-idea');
        assert.equal(c.ok, false, ideaText);
        assert.ok(c.hint.includes(ideaText));
      }
    });

    it('fails with free text that is too short to say anything', () => {
      assert.equal(check({ ...full('cold'), ideaType: '', topic: '', ideaText: 'collab' }, 'specific-idea').ok, false);
    });

    it('passes with a type and a topic, or with free text of substance', () => {
      assert.equal(check(full('cold'), 'specific-idea').ok, true);
      assert.equal(check({ ...full('cold'), ideaType: '', topic: '', ideaText: 'A live teardown of our onboarding flows' }, 'specific-idea').ok, true);
    });
  });

  describe('proof', () => {
    it('fails without any number about the community', () => {
      const c = check({ ...full('classic'), memberCount: undefined, activeMembers: undefined, engagement: 'high' }, 'proof');
      assert.equal(c.ok, false);
      assert.match(c.hint, /number/);
    });

    it('is not fooled by the "15 minutes" of the cold ask', () => {
      const input: PitchInput = { ...full('cold'), memberCount: undefined, activeMembers: undefined, engagement: '' };
      assert.match(renderPitch(input).body, /15 minutes/);
      assert.equal(check(input, 'proof').ok, false);
    });

    it('passes with a member count, an active count, or an engagement figure', () => {
      const base: PitchInput = { ...full('classic'), memberCount: undefined, activeMembers: undefined, engagement: '' };
      assert.equal(check({ ...base, memberCount: 900 }, 'proof').ok, true);
      assert.equal(check({ ...base, activeMembers: 120 }, 'proof').ok, true);
      assert.equal(check({ ...base, engagement: '300 messages a day' }, 'proof').ok, true);
    });

    it('fails when the number was edited out of the text', () => {
      const c = checkPitch(full('classic'), { body: 'Hi Sam, we are a lovely bunch with two speakers and a post to all our members.' }).find((x) => x.id === 'proof');
      assert.equal(c?.ok, false);
    });

    it('does not take 112,000 for 12,000', () => {
      const c = checkPitch({ variant: 'classic', memberCount: 12000 }, { body: 'We have 112,000 fans.' }).find((x) => x.id === 'proof');
      assert.equal(c?.ok, false);
    });
  });

  describe('short', () => {
    it('cold pitches are held to fewer words than the others', () => {
      assert.ok(PITCH_WORD_LIMITS.cold < PITCH_WORD_LIMITS.classic);
      assert.equal(PITCH_WORD_LIMITS.cold, 150);
      assert.equal(PITCH_WORD_LIMITS.warm, 200);
    });

    for (const variant of PITCH_VARIANTS) {
      it(`${variant}: passes at exactly the limit and fails one word over`, () => {
        const limit = PITCH_WORD_LIMITS[variant];
        const at = checkPitch({ variant }, { body: Array(limit).fill('word').join(' ') }).find((c) => c.id === 'short');
        const over = checkPitch({ variant }, { body: Array(limit + 1).fill('word').join(' ') }).find((c) => c.id === 'short');
        assert.equal(at?.ok, true);
        assert.equal(over?.ok, false);
        assert.match(over?.hint ?? '', /phone/);
        assert.ok(over?.hint.includes(String(limit + 1)));
      });
    }

    it('fails a rendered pitch that grew too long', () => {
      const input = { ...full('cold'), contribution: Array(150).fill('more').join(' ') };
      assert.equal(check(input, 'short').ok, false);
    });
  });

  describe('no-placeholders', () => {
    it('fails and names the slots left', () => {
      const input = { ...full('classic'), partnerName: '' };
      const c = check(input, 'no-placeholders');
      assert.equal(c.ok, false);
      assert.match(c.hint, /\[partner's name\]/);
    });

    it('looks at the subject too', () => {
      const c = checkPitch(full('cold'), { subject: 'collab idea - [your community]', body: 'Hi Sam' }).find((x) => x.id === 'no-placeholders');
      assert.equal(c?.ok, false);
    });

    it('does not count a link as a placeholder', () => {
      const c = checkPitch(full('cold'), { body: 'See [our site](https://example.com).' }).find((x) => x.id === 'no-placeholders');
      assert.equal(c?.ok, true);
    });
  });
});

describe('countWords', () => {
  it('counts words, not punctuation or bullets', () => {
    assert.equal(countWords('Hi Sam,\n\n- one idea — really!\n12,000 members'), 7);
    assert.equal(countWords('   '), 0);
  });
});

describe('mailtoUrl', () => {
  it('encodes spaces as %20 and line breaks as %0D%0A', () => {
    const url = mailtoUrl('sam@example.com', 'Hi there', 'line one\nline two');
    assert.equal(url, 'mailto:sam@example.com?subject=Hi%20there&body=line%20one%0D%0Aline%20two');
    assert.ok(!url.includes('+'));
  });

  it('normalises CRLF and CR line breaks to one %0D%0A each', () => {
    assert.equal(mailtoUrl(undefined, '', 'a\r\nb\rc\nd'), 'mailto:?body=a%0D%0Ab%0D%0Ac%0D%0Ad');
  });

  it('encodes & ? = # % in subject and body so they cannot start a new field', () => {
    const url = mailtoUrl('sam@example.com', 'A & B?', 'x=1&cc=evil@example.com#frag 100%');
    const query = url.slice(url.indexOf('?') + 1);
    assert.deepEqual(query.split('&').map((p) => p.split('=')[0]), ['subject', 'body']);
  });

  it('strips line breaks, ? and & from the address (no header injection)', () => {
    const url = mailtoUrl('sam@example.com?bcc=evil@example.com&subject=x\r\nCc: evil@example.com', 'S', 'B');
    const [to, query] = url.slice('mailto:'.length).split('?');
    assert.ok(!/[?&\r\n]/.test(decodeURIComponent(to)));
    assert.deepEqual(query.split('&').map((p) => p.split('=')[0]), ['subject', 'body']);
  });

  it('round-trips any subject and body through decodeURIComponent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (to, subject, body) => {
        const url = mailtoUrl(to, subject, body);
        assert.ok(url.startsWith('mailto:'));
        const q = url.indexOf('?');
        const address = decodeURIComponent(q < 0 ? url.slice(7) : url.slice(7, q));
        assert.ok(!/[\r\n?&]/.test(address));
        const fields = new Map((q < 0 ? [] : url.slice(q + 1).split('&')).map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))]));
        assert.equal(fields.get('subject') ?? '', wellFormed(subject).replace(/[\r\n]+/g, ' '));
        assert.equal(fields.get('body') ?? '', wellFormed(body).replace(/\r\n|\r|\n/g, '\r\n'));
        assert.ok(!/[\s]/.test(url), 'no raw whitespace in the URL');
      }),
    );
  });

  it('replaces a lone surrogate instead of throwing', () => {
    assert.equal(mailtoUrl(undefined, 'a\uD800b', ''), 'mailto:?subject=a%EF%BF%BDb');
  });

  it('round-trips a rendered pitch', () => {
    const { subject, body } = renderPitch(full('cold'));
    const url = mailtoUrl('sam@example.com', subject ?? '', body);
    const params = url.split('?')[1].split('&');
    assert.equal(decodeURIComponent(params[0].slice('subject='.length)), subject);
    assert.equal(decodeURIComponent(params[1].slice('body='.length)), body.replace(/\n/g, '\r\n'));
  });
});
