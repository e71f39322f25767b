import * as assert from 'node:assert';
import { formatCount, formatNumber } from '../../src/core/numbers';
import { formatDate } from '../../src/core/dates';
import { formatScore } from '../../src/core/planner/scorecard';
import { displayLocale, setDisplayLocale } from '../../src/core/l10n';
import { checkPitch, renderPitch, type PitchInput, type PitchVariant } from '../../src/core/pitch';

describe('Numbers and dates in the display language', () => {
  afterEach(() => setDisplayLocale('en'));

  it('writes counts, scores and dates the German way once the display language is German', () => {
    assert.equal(formatCount(12000), '12,000');
    assert.equal(formatScore(3.46), '3.4');
    assert.equal(formatDate('2026-03-15'), '2026-03-15');
    setDisplayLocale('de');
    assert.equal(displayLocale(), 'de');
    assert.equal(formatCount(12000), '12.000');
    assert.equal(formatCount(1234567.6), '1.234.568');
    assert.equal(formatScore(3.46), '3,4', 'cut, not rounded, with a decimal comma');
    assert.equal(formatScore(4), '4,0');
    assert.equal(formatNumber(2.345, undefined, 2), '2,35');
    assert.equal(formatDate('2026-03-15'), '15.03.2026');
  });

  it('keeps a locale given by the caller, and falls back to English for what is not a locale', () => {
    setDisplayLocale('de');
    assert.equal(formatCount(12000, 'en'), '12,000');
    assert.equal(formatScore(3.46, 'en'), '3.4');
    setDisplayLocale('not a locale!');
    assert.equal(displayLocale(), 'en');
    assert.equal(formatDate('2026-02-30'), '2026-02-30', 'not a real date: as written');
  });
});

const INPUT: Omit<PitchInput, 'variant'> = {
  yourName: 'Maya Chen',
  communityName: 'Acme Devs',
  memberCount: 12000,
  activeMembers: 1800,
  audience: 'backend developers',
  engagement: '400 messages a week',
  partnerName: 'Ana',
  partnerCommunity: 'Rust Berlin',
  ideaType: 'co-hosted-event',
  topic: 'Release-Partys',
  contribution: 'zwei Speaker und ein Platz in unserem Newsletter',
  hope: 'ein Beitrag in eurem Discord',
};

describe('The pitch written in German', () => {
  afterEach(() => setDisplayLocale('en'));
  const variants: PitchVariant[] = ['classic', 'cold', 'warm'];

  for (const variant of variants) {
    it(`writes the ${variant} pitch in German, with German numbers, and passes the playbook's checks`, () => {
      const input: PitchInput = { ...INPUT, variant, language: 'de' };
      const r = renderPitch(input);
      assert.match(r.body, /^Hallo Ana,\n\n/);
      assert.match(r.body, /12\.000/);
      assert.doesNotMatch(r.body, /12,000|\bHi\b|\bWe'd\b|\bmembers\b|\bFor context\b/);
      assert.match(r.body, /zwei Speaker und ein Platz in unserem Newsletter/, 'the offer as written, its capitals kept');
      assert.match(r.body, /\n\nViele Grüße\nMaya Chen$/);
      assert.ok(r.subject && /Acme Devs × Rust Berlin/.test(r.subject));
      // "du" to the person, never "Sie".
      assert.doesNotMatch(`${r.subject}\n${r.body}`, /\b(Sie|Ihnen|Ihr)\b/);
      const failed = checkPitch(input, r).filter((c) => !c.ok).map((c) => `${c.id}: ${c.hint}`);
      assert.deepEqual(failed, []);
    });
  }

  it('says the German idea of the type and its placeholders in German', () => {
    const r = renderPitch({ variant: 'classic', language: 'de', ideaType: 'newsletter-cross-promotion' });
    assert.match(r.body, /^Hallo \[Name der Ansprechperson\],/);
    assert.match(r.body, /- Ein Newsletter-Tausch: ein kurzes Porträt der jeweils anderen Community, mit Blick auf \[Thema\]\./);
    assert.match(r.body, /Wir sind \[Mitgliederzahl\] Mitglieder\./);
    const checks = checkPitch({ variant: 'classic', language: 'de' }, r);
    assert.equal(checks.find((c) => c.id === 'no-placeholders')?.ok, false, 'German placeholders are found as placeholders');
  });

  it('stays English, with English numbers, when English is picked in a German UI', () => {
    setDisplayLocale('de');
    const r = renderPitch({ ...INPUT, variant: 'cold', language: 'en' });
    assert.match(r.body, /^Hi Ana,/);
    assert.match(r.body, /12,000 members, 1,800 of them active/);
    assert.equal(checkPitch({ ...INPUT, variant: 'cold' }, r).find((c) => c.id === 'proof')?.ok, true);
  });

  it('finds the proof in a German pitch whether its numbers are German or English', () => {
    const input: PitchInput = { ...INPUT, engagement: undefined, variant: 'classic', language: 'de' };
    const r = renderPitch(input);
    const proof = (body: string) => checkPitch(input, { body }).find((c) => c.id === 'proof')?.ok;
    assert.equal(proof(r.body), true);
    assert.equal(proof(r.body.replace(/12\.000/g, '12,000').replace(/1\.800/g, 'einige')), true, 'edited to the English format');
    assert.equal(proof(r.body.replace(/12\.000/g, 'viele').replace(/1\.800/g, 'einige')), false);
  });
});
