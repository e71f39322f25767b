// The texts written for the partner in German (issue 22): the agreement document and the
// partnership report, with German dates and numbers, whatever the display language.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementSnippet, germanNoticePhrase, noticeInLanguage, renderAgreement, type AgreementState } from '../../src/core/agreement';
import { checkAgreement, diagnosePartnershipDoc, partnershipDocKind, parseAgreementTitle } from '../../src/core/partnershipDocs';
import { findPlaceholders } from '../../src/core/placeholders';
import { renderReport } from '../../src/core/planner/report';
import { parseRecord, type PartnershipRecord } from '../../src/core/records';
import { GERMAN_TERMS, term, textLanguage } from '../../src/core/textLanguage';
import { l10n, setDisplayLocale, setTranslator } from '../../src/core/l10n';

const ROOT = path.resolve(__dirname, '../../..');
const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace/partnerships');

const state: AgreementState = {
  collaboration: { type: 'co-hosted-event', topic: 'moving services from Go to Rust' },
  contributions: { yours: ['Two speakers for the workshop', 'A post to our 12,000 members'], theirs: ['A feature in their newsletter'] },
  duration: '3 months',
  startDate: '2026-03-15',
  reviewDate: '2026-06-15',
  metrics: [{ metric: 'Cross-community joins', target: '100 signups' }],
  contacts: { yours: 'Alex (alex@acme.dev)', theirs: 'Sam (sam@go.berlin)' },
  cadence: 'monthly call',
  noticePeriod: 'two weeks',
  practices: { startSmall: true, monthlyCheckIn: true },
  owners: { yours: 'Alex', theirs: 'Sam' },
};
const sides = { yours: 'Acme Devs', theirs: 'Go Berlin' };

function workspaceRecords(): PartnershipRecord[] {
  return fs
    .readdirSync(WORKSPACE)
    .sort()
    .flatMap((f) => {
      const r = parseRecord(fs.readFileSync(path.join(WORKSPACE, f), 'utf8'));
      return r.ok ? [r.record] : [];
    });
}

describe('German texts for the partner', () => {
  describe('the agreement in German', () => {
    const md = renderAgreement(state, sides, { language: 'de' });

    it('has the German title, headings and labels, German dates, and the values as written', () => {
      const lines = md.split('\n');
      assert.equal(lines[4], '# Community-Partnerschaft – Acme Devs × Go Berlin');
      assert.equal(lines[6], '- **Die Zusammenarbeit:** Gemeinsames AMA, Workshop oder Webinar zum Thema „moving services from Go to Rust“');
      assert.ok(lines.includes('- **Startdatum:** 15.03.2026'));
      assert.ok(lines.includes('- **Laufzeit:** 3 Monate'));
      assert.ok(lines.includes('- **Überprüfungstermin:** 15.06.2026'));
      for (const heading of ['## Was jede Seite beiträgt', '## Erfolgskennzahlen', '## Kommunikation', '## Ausstiegsklausel', '## Im laufenden Betrieb', '## Unterschriften']) {
        assert.ok(lines.includes(heading), heading);
      }
      assert.ok(lines.includes('**Acme Devs übernimmt:**'));
      assert.ok(lines.includes('- A post to our 12,000 members'), 'the user’s own words stay as written');
      assert.ok(lines.includes('- **Beitritte über den Partner:** 100 signups'));
      assert.ok(lines.includes('- **Check-ins:** monatlicher Call'));
      assert.ok(lines.includes('- [x] Eine verantwortliche Person auf jeder Seite: Alex für Acme Devs, Sam für Go Berlin'));
      assert.ok(lines.includes('- [ ] Daten in beide Richtungen teilen'));
      assert.ok(lines.includes('- Für Go Berlin: Sam (sam@go.berlin), Datum: ____________'));
      assert.match(md, /schriftlich mitteilt, mit einer Frist von zwei Wochen\./);
      assert.doesNotMatch(md, /Community Partnership|Start date|Review date|Exit clause|2026-03-15|"/, 'nothing left in English, no straight quotes');
    });

    it('says "du" and "ihr" in its placeholders, each one a placeholder the checker finds', () => {
      const empty = renderAgreement({}, { yours: '', theirs: '' }, { language: 'de' });
      const found = findPlaceholders(empty).map((p) => p.text);
      for (const p of ['[deine Community]', '[was ihr gemeinsam vorhabt]', '[was ihr beitragt]', '[Startdatum]', '[Name und E-Mail]']) assert.ok(found.includes(p), p);
      assert.doesNotMatch(empty, /\bIhr(e|en)?\b|\bSie\b/, 'not the formal "Sie"');
    });

    it('is recognised and checked as an agreement: all five items found, the Quick Fix sections in German', () => {
      assert.equal(partnershipDocKind(md), 'agreement');
      assert.deepEqual(parseAgreementTitle('Community-Partnerschaft – Acme Devs × Go Berlin'), sides);
      assert.deepEqual(checkAgreement(md).missing, []);
      const body = md.split('\n## Erfolgskennzahlen')[0];
      const missing = checkAgreement(body.replace(/^- \*\*Überprüfungstermin:.*$/m, '')).missing;
      assert.deepEqual(missing.map((m) => m.id), ['review-date', 'success', 'communication', 'exit']);
      assert.equal(missing[0].section, '- **Überprüfungstermin:** [Überprüfungstermin]');
      assert.match(missing[1].section, /^## Erfolgskennzahlen\n\n- \*\*\[Kennzahl\]:\*\* \[Ziel\]$/);
      // The editor's diagnostics agree: nothing is reported missing.
      assert.ok(diagnosePartnershipDoc(md).every((d) => d.code !== 'missing-success'));
    });

    it('shows the default notice period in the language of the text, and a written one as written', () => {
      assert.equal(noticeInLanguage(undefined, 'de'), 'zwei Wochen');
      assert.equal(noticeInLanguage('two weeks', 'de'), 'zwei Wochen');
      assert.equal(noticeInLanguage('zwei Wochen', 'en'), 'two weeks');
      assert.equal(noticeInLanguage(' two weeks ', 'en'), 'two weeks');
      assert.equal(noticeInLanguage('1 month', 'de'), '1 month');
      assert.equal(noticeInLanguage('4 Wochen', 'en'), '4 Wochen');
    });

    it('writes the notice period as German does, from English or German words', () => {
      assert.equal(germanNoticePhrase('two weeks'), 'mit einer Frist von zwei Wochen');
      assert.equal(germanNoticePhrase(noticeInLanguage('two weeks', 'de')), 'mit einer Frist von zwei Wochen');
      assert.equal(germanNoticePhrase('1 month'), 'mit einer Frist von einem Monat');
      assert.equal(germanNoticePhrase('30 days'), 'mit einer Frist von 30 Tagen');
      assert.equal(germanNoticePhrase('4 Wochen'), 'mit einer Frist von 4 Wochen');
      assert.equal(germanNoticePhrase('eine Woche'), 'mit einer Frist von einer Woche');
      assert.equal(germanNoticePhrase('bis zum Monatsende'), 'mit der vereinbarten Kündigungsfrist (bis zum Monatsende)');
    });

    it('is the same English document as before when no language is given', () => {
      assert.equal(renderAgreement(state, sides), renderAgreement(state, sides, { language: 'en' }));
      assert.match(renderAgreement(state, sides), /^# Community Partnership - Acme Devs x Go Berlin$/m);
      assert.match(renderAgreement(state, sides), /^- \*\*Start date:\*\* 2026-03-15$/m);
    });

    it('is German whatever the display language, and English in a German UI', () => {
      setDisplayLocale('en');
      const inEnglishUi = renderAgreement(state, sides, { language: 'de' });
      setDisplayLocale('de');
      try {
        assert.equal(renderAgreement(state, sides, { language: 'de' }), inEnglishUi);
        assert.match(renderAgreement(state, sides, { language: 'en' }), /^- \*\*Start date:\*\* 2026-03-15$/m);
      } finally {
        setDisplayLocale('en');
      }
    });
  });

  describe('Insert Partnership Agreement in German', () => {
    const snippet = agreementSnippet({ 'Community Name': 'Acme Devs', Team: 'Jane Doe (lead)' }, 'de');

    it('starts at the partner and offers the German choices; today in the German date order', () => {
      assert.match(snippet, /^# Community-Partnerschaft – Acme Devs × \$\{1:\[Partner-Community\]\}$/m);
      assert.ok(snippet.includes('${5|3 Monate,6 Monate,unbefristet|}'));
      assert.ok(snippet.includes('${13|monatlicher Call,alle zwei Wochen ein schriftliches Update|}'));
      assert.ok(snippet.includes('${2|[Art der Partnerschaft],Gemeinsam erstellte Inhalte,'));
      assert.ok(snippet.includes('Gemeinsames AMA\\, Workshop oder Webinar'), 'a comma in a choice is escaped');
      assert.ok(snippet.includes('- **Startdatum:** ${4:${CURRENT_DATE}.${CURRENT_MONTH}.${CURRENT_YEAR}}'));
      assert.ok(snippet.includes('schriftlich mitteilt, ${14:mit einer Frist von zwei Wochen}.'));
      assert.ok(snippet.includes('- [ ] Eine verantwortliche Person auf jeder Seite: ${11:Jane Doe} für Acme Devs'), 'nothing agreed yet');
      assert.ok(snippet.endsWith('$0'));
    });

    it('is the English snippet as before without a language', () => {
      assert.equal(agreementSnippet({ 'Community Name': 'Acme Devs' }), agreementSnippet({ 'Community Name': 'Acme Devs' }, 'en'));
      assert.ok(agreementSnippet({ 'Community Name': 'Acme Devs' }).includes('${5|3 months,6 months,ongoing|}'));
    });
  });

  describe('the partner report in German', () => {
    const records = workspaceRecords();
    const partner = renderReport(records, { today: '2026-04-20', communityName: 'Acme Devs', language: 'de' });
    const team = renderReport(records, { today: '2026-04-20', communityName: 'Acme Devs', language: 'de', audience: 'team' });

    it('writes the partner version in German: headings, stages, types, playbook steps, German dates and ranges', () => {
      const lines = partner.split('\n');
      assert.equal(lines[0], '# Bericht zu den Partnerschaften: Acme Devs');
      assert.equal(lines[2], 'Stand 20.04.2026: 2 Partnerschaften (Kandidat: 1, Aktiv: 1).');
      assert.ok(lines.includes('| Partner | Phase | Arten | Nächster Check-in |'));
      assert.ok(lines.includes('- **Zusammenarbeit seit:** 15.01.2026'));
      assert.ok(lines.includes('### Was wir gemeinsam gemacht haben'));
      assert.ok(lines.includes('- Ein gemeinsamer Check-in, zuletzt am 15.02.2026'));
      assert.ok(lines.includes('- Newsletter-Tausch: Beide in derselben Woche versenden'));
      assert.ok(lines.includes('| Beitritte über den Partner | 85 (20.02.2026) | 30–200 neue Mitglieder pro Tausch oder Event |'));
      assert.ok(lines.includes('- **Ansprechpersonen:** Sam für Acme Devs, Ana für Design Systems Guild'));
    });

    it('tells the partner nothing of your lateness, scores or notes, in German as in English', () => {
      assert.doesNotMatch(partner, /überfällig|Bewertung|Scorecard|weiterverfolgen|First swap went out/);
      assert.match(partner, /\*\*Nächster Check-in:\*\* wird in den nächsten Tagen vereinbart/);
    });

    it('writes the team version in German with German numbers: 9.500 members, 3,9 of 5, 25 %', () => {
      const lines = team.split('\n');
      assert.ok(lines.includes('- **Größe des Partners:** 9.500 Mitglieder'));
      assert.ok(lines.includes('- **Bewertung:** 3,9 von 5: weiterverfolgen'));
      assert.ok(lines.includes('| Überschneidung der Zielgruppen | 25\u00a0% | 4 |'));
      assert.ok(lines.includes('- **Nächster:** 15.03.2026, seit 36 Tagen überfällig'));
      assert.ok(lines.includes('- **Lohnt es sich weiterzumachen?** 1-mal ja'));
      assert.match(team, /\| Design Systems Guild \| Aktiv \| .* \| 3,9 \(weiterverfolgen\) \| 15\.03\.2026, seit 36 Tagen überfällig \|/);
    });

    it('leaves the English report as it was', () => {
      const english = renderReport(records, { today: '2026-04-20', communityName: 'Acme Devs' });
      assert.equal(english, renderReport(records, { today: '2026-04-20', communityName: 'Acme Devs', language: 'en' }));
      assert.match(english, /^As of 2026-04-20: 2 partnerships \(1 prospect, 1 active\)\.$/m);
      assert.match(english, /\| Cross-community joins \| 85 \(2026-02-20\) \| 30-200 new members per swap or event \|/);
    });
  });

  describe('the German names of the domain', () => {
    it('are the words the German UI uses for the same names (l10n/bundle.l10n.de.json)', () => {
      const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, unknown>;
      const translated = (english: string): string | undefined => {
        const key = Object.keys(bundle).find((k) => k === english || k.startsWith(`${english}/`));
        const v = key === undefined ? undefined : bundle[key];
        return typeof v === 'string' ? v : (v as { message?: string } | undefined)?.message;
      };
      let compared = 0;
      for (const [english, german] of Object.entries(GERMAN_TERMS)) {
        const ui = translated(english);
        if (ui === undefined) continue;
        compared++;
        assert.equal(german.toLowerCase(), ui.toLowerCase(), english);
      }
      assert.ok(compared >= 45, `compared ${compared}`);
    });

    it('are looked up regardless of case; other words stay as written; English stays English', () => {
      assert.equal(term('Monthly Call', 'de'), 'monatlicher Call');
      assert.equal(term('our own rhythm', 'de'), 'our own rhythm');
      assert.equal(term('Event attendance', 'en'), 'Event attendance');
      assert.equal(textLanguage('de'), 'de');
      assert.equal(textLanguage('fr'), undefined);
    });

    it('do not depend on the translator the extension sets for the UI', () => {
      setTranslator(() => 'übersetzt');
      try {
        assert.equal(l10n.t('Event attendance'), 'übersetzt');
        assert.match(renderAgreement(state, sides, { language: 'de' }), /Beitritte über den Partner/);
      } finally {
        setTranslator(undefined);
      }
    });
  });
});
