import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseContext } from '../../src/core/context';
import { formatCount } from '../../src/core/numbers';
import { PITCH_VARIANTS, PITCH_WORD_LIMITS, checkPitch, pitchDefaultsFromContext, renderPitch, type PitchInput } from '../../src/core/pitch';
import { proseProblems } from '../lib/prose';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.join(ROOT, 'test/fixtures/pitch-contexts');

/** Each context of the corpus, and the names in it that must keep their capitals. */
const CONTEXTS: { file: string; names: string[] }[] = [
  { file: path.join(ROOT, 'demo/.claude/community-context.md'), names: ['Acme', 'Devs', 'API'] },
  { file: path.join(CORPUS, 'coastal-mappers.md'), names: ['Coastal', 'Mappers', 'GIS'] },
  { file: path.join(CORPUS, 'swift-circle.md'), names: ['Swift', 'Circle', 'SwiftUI'] },
  { file: path.join(CORPUS, 'graphql-berlin.md'), names: ['GraphQL', 'Berlin', 'Brandenburg'] },
  { file: path.join(CORPUS, 'osm-drift.md'), names: ['OpenStreetMap', 'Lisboa', 'Portugal'] },
  { file: path.join(CORPUS, 'sparse.md'), names: ['Indie', 'Hackers', 'EU'] },
  { file: path.join(CORPUS, 'long.md'), names: ['Acme', 'Devs', 'API', 'Berlin', 'London', 'Amsterdam', 'Europe', 'North', 'America', 'Discord'] },
  { file: path.join(CORPUS, 'rust-beginners.md'), names: ['Rust', 'Berlin', 'Beginners', "Berlin's"] },
  { file: path.join(CORPUS, 'markdown-values.md'), names: ['Design', 'Systems', 'Guild'] },
];

/** What a user types into the partner's side of the form, in a few different ways. */
const PARTNERS: Partial<PitchInput>[] = [
  { partnerName: 'Sam', partnerCommunity: 'Design Systems Guild', ideaType: 'co-hosted-event', topic: 'API design reviews', contribution: 'a speaker from our team and a feature in our newsletter', hope: 'a slot in your newsletter' },
  { partnerName: 'Ana', partnerCommunity: 'r/webdev', ideaType: 'newsletter-cross-promotion', topic: 'testing webhooks', contribution: 'promote the swap to all our members', hope: 'get a feature in your weekly digest' },
  { partnerName: 'Jo', partnerCommunity: 'iOS Dev Weekly', ideaText: 'A live teardown of two onboarding flows, streamed to both communities', topic: 'onboarding', contribution: 'We will host the stream and edit the recording', hope: 'two of your members as guests' },
];

const EXTRA_NAMES = ['Design', 'Systems', 'Guild', 'API', 'AMA', 'Sam', 'Ana', 'Jo', 'Alex', 'iOS', 'Dev', 'Weekly', 'A'];

function load(file: string) {
  const parsed = parseContext(fs.readFileSync(file, 'utf8'));
  return pitchDefaultsFromContext(parsed.values);
}

describe('the pitch composer writes sentences (a corpus of real and drifted contexts)', () => {
  for (const { file, names } of CONTEXTS) {
    const defaults = load(file);
    const once = defaults.input.memberCount ? [formatCount(defaults.input.memberCount)] : [];
    for (const variant of PITCH_VARIANTS) {
      it(`${path.basename(file)}, ${variant}: the prefilled draft`, () => {
        const { body } = renderPitch({ variant, ...defaults.input });
        assert.deepEqual(proseProblems(body, { wordLimit: PITCH_WORD_LIMITS[variant], once, placeholdersAllowed: true, names: [...names, ...EXTRA_NAMES] }), [], body);
      });
      PARTNERS.forEach((partner, i) => {
        it(`${path.basename(file)}, ${variant}: filled in, partner ${i + 1}`, () => {
          // The user fills in what the context lacks.
          const { subject, body } = renderPitch({ yourName: 'Alex', audience: 'founders who build in public', ...defaults.input, ...partner, variant });
          assert.deepEqual(proseProblems(body, { wordLimit: PITCH_WORD_LIMITS[variant], once, names: [...names, ...EXTRA_NAMES] }), [], body);
          assert.deepEqual(proseProblems(subject ?? '', { names: [...names, ...EXTRA_NAMES] }).filter((p) => !p.includes('lower case')), [], subject);
        });
      });
    }
  }

  it('keeps the capitals of names and lower-cases the rest in mid-sentence', () => {
    const input = (audience: string): PitchInput => ({ variant: 'classic', communityName: 'Acme Devs', memberCount: 100, audience });
    assert.match(renderPitch(input('Backend developers')).body, /a community of 100 backend developers\./);
    assert.match(renderPitch(input('iOS developers')).body, /a community of 100 iOS developers\./);
    assert.match(renderPitch(input('GraphQL developers')).body, /100 GraphQL developers\./);
    assert.match(renderPitch(input('OpenStreetMap mappers')).body, /100 OpenStreetMap mappers\./);
    assert.match(renderPitch(input('Python developers in Berlin')).body, /100 Python developers in Berlin\./);
    assert.match(renderPitch(input('Acme Devs regulars')).body, /100 Acme Devs regulars\./);
    assert.match(renderPitch(input('Open Source Fridays regulars')).body, /100 Open Source Fridays regulars\./);
  });

  it('weaves the description and the value proposition into sentences (the demo)', () => {
    const { body } = renderPitch({ variant: 'classic', ...load(CONTEXTS[0].file).input });
    assert.match(body, /^I run Acme Devs, a community for developers building on the Acme API\. Our 12,000 members are backend and full-stack developers integrating payments and identity\. They come to us for answers from people who have shipped the same integration, within hours\./m);
    assert.match(body, /^For context, 1,800 of our members are active \(about 400 messages a week; newsletter open rate 46%\)\.$/m);
  });

  it('states the size once even when the description or engagement repeats it', () => {
    const { input } = load(path.join(CORPUS, 'osm-drift.md'));
    for (const variant of PITCH_VARIANTS) {
      const { body } = renderPitch({ ...input, variant });
      assert.equal(body.match(/5,000/g)?.length, 1, body);
    }
  });

  it('shortens a long context to the word limit and keeps the sentences whole', () => {
    const { input } = load(path.join(CORPUS, 'long.md'));
    for (const variant of PITCH_VARIANTS) {
      const { body } = renderPitch({ ...input, ...PARTNERS[0], yourName: 'Maya', variant });
      assert.ok(body.split(/\s+/).length <= PITCH_WORD_LIMITS[variant], body);
      assert.doesNotMatch(body, /\b(?:and|the|of|with)\.$/m, body);
    }
  });

  it('the warm pitch names its topic once', () => {
    const { body } = renderPitch({ ...load(CONTEXTS[0].file).input, ...PARTNERS[0], variant: 'warm' });
    assert.equal(body.match(/API design reviews/g)?.length, 1, body);
  });

  it('shows a size written as a range as it is written, once', () => {
    const { input } = pitchDefaultsFromContext({ 'Community Name': 'Makers', 'Current size': '3-5k members', 'Who is this for': 'Hardware makers', 'Active members': 'about 400' });
    assert.equal(input.memberCount, 3000);
    assert.equal(input.memberCountText, '3-5k');
    for (const variant of PITCH_VARIANTS) {
      const { body } = renderPitch({ ...input, variant });
      assert.equal(body.match(/3-5k/g)?.length, 1, body);
      assert.doesNotMatch(body, /3,000/);
      assert.ok(checkPitch({ ...input, variant }, renderPitch({ ...input, variant })).find((c) => c.id === 'proof')?.ok, variant);
    }
  });

  it('prefills the sender from the Team line', () => {
    assert.equal(load(CONTEXTS[0].file).input.yourName, 'Maya Chen');
    assert.equal(load(path.join(CORPUS, 'graphql-berlin.md')).input.yourName, 'Jonas Weber');
  });
});
