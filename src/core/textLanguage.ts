/**
 * The language a text for the partner is written in (the pitch, the agreement, the partner
 * report): the user's pick, apart from the display language. English or German.
 *
 * The German documents use the same words for the domain's names (partnership types, metrics,
 * stages, playbook steps) as the German UI does (l10n/bundle.l10n.de.json; a unit test keeps the
 * two the same), but they do not go through `l10n.t`: that follows the display language, and a
 * German text is German whatever the UI speaks.
 */
import { formatDate } from './dates';
import { formatCount, formatNumber } from './numbers';
import type { TextLanguage } from './textLanguageNames';

// The languages themselves are a module of their own: a webview's messages name them without the German terms.
export { TEXT_LANGUAGES, TEXT_LANGUAGE_NAMES, textLanguage, type TextLanguage } from './textLanguageNames';

/**
 * The domain's English names (src/core/domain.ts, the stages, the agreement's durations and
 * cadences) as a German text writes them.
 */
export const GERMAN_TERMS: Readonly<Record<string, string>> = {
  // Partnership types.
  'Co-created content': 'Gemeinsam erstellte Inhalte',
  'Guest contributions': 'Gastbeiträge',
  'Newsletter cross-promotion': 'Gegenseitige Newsletter-Werbung',
  'Podcast or video collaboration': 'Gemeinsamer Podcast oder gemeinsames Video',
  'Co-hosted AMA, workshop or webinar': 'Gemeinsames AMA, Workshop oder Webinar',
  'Joint hackathon or challenge': 'Gemeinsamer Hackathon oder gemeinsame Challenge',
  'Conference sponsorship or booth sharing': 'Konferenz-Sponsoring oder geteilter Stand',
  'Meetup cross-promotion': 'Gegenseitige Werbung für Meetups',
  'Mutual promotion': 'Gegenseitige Werbung',
  'Shared referral programme': 'Gemeinsames Empfehlungsprogramm',
  'Bundle offering': 'Gebündeltes Angebot',
  'Cross-platform presence': 'Präsenz auf den Plattformen der anderen',
  'Integration partnership': 'Integrationspartnerschaft',
  'Joint resource library': 'Gemeinsame Ressourcensammlung',
  'Shared ambassador network': 'Gemeinsames Botschafter-Netzwerk',
  'Industry coalition': 'Branchenbündnis',
  // Success metrics.
  'Cross-community joins': 'Beitritte über den Partner',
  'Co-created content engagement': 'Interaktion mit gemeinsamen Inhalten',
  'Event attendance': 'Event-Teilnahme',
  'Member overlap growth': 'Wachstum der gemeinsamen Mitglieder',
  'Partnership satisfaction': 'Zufriedenheit mit der Partnerschaft',
  'Newsletter open rate on partner content': 'Öffnungsrate des Newsletters mit Partnerinhalt',
  'Activation on integrated features': 'Aktivierung integrierter Funktionen',
  // Running practices.
  'An owner on each side': 'Eine verantwortliche Person auf jeder Seite',
  'Start small: one event or piece before anything ongoing': 'Klein anfangen: erst ein Event oder ein Beitrag, dann etwas Dauerhaftes',
  'A monthly check-in between the owners': 'Ein monatlicher Check-in der Verantwortlichen',
  'Share data both ways': 'Daten in beide Richtungen teilen',
  'Celebrate wins together, in public': 'Erfolge gemeinsam und öffentlich feiern',
  // Playbooks and their steps.
  'Co-hosted event': 'Gemeinsames Event',
  'Newsletter swap': 'Newsletter-Tausch',
  'Content collaboration': 'Content-Kooperation',
  'Agree on the topic, format and date': 'Thema, Format und Termin vereinbaren',
  'Both sides promote it to their members': 'Beide Seiten bewerben es bei ihren Mitgliedern',
  'One shared registration page, with consent to share sign-ups': 'Eine gemeinsame Anmeldeseite, mit Einwilligung zum Teilen der Anmeldungen',
  'A moderator from each side': 'Eine Moderation von jeder Seite',
  'Share the recording and tag both communities': 'Die Aufzeichnung teilen und beide Communitys markieren',
  'Each side invites the attendees to join': 'Jede Seite lädt die Teilnehmenden zum Beitritt ein',
  'Each side writes a 100-150 word feature for the other: name, value proposition, one testimonial, link':
    'Jede Seite schreibt für die andere einen Beitrag mit 100–150 Wörtern: Name, Nutzenversprechen, eine Stimme aus der Community, Link',
  'Send both in the same week': 'Beide in derselben Woche versenden',
  'Track clicks and attributed joins': 'Klicks und zugeordnete Beitritte messen',
  'Pick a topic where both sides are experts': 'Ein Thema wählen, in dem beide Seiten Fachleute sind',
  'Create the piece together': 'Den Beitrag gemeinsam erstellen',
  'Publish on both sides with links to each other': 'Auf beiden Seiten veröffentlichen, mit Links zueinander',
  "Promote it on both sides' social channels": 'Auf den Social-Media-Kanälen beider Seiten bewerben',
  // Scorecard.
  'Audience overlap': 'Überschneidung der Zielgruppen',
  Complementary: 'Ergänzend',
  'Similar size and engagement': 'Ähnliche Größe und Aktivität',
  'Responsiveness and reliability': 'Reaktionsschnelligkeit und Verlässlichkeit',
  'Values alignment': 'Gemeinsame Werte',
  'Mutual benefit': 'Beiderseitiger Nutzen',
  Pursue: 'Weiterverfolgen',
  'Proceed cautiously': 'Mit Vorsicht weiter',
  Pass: 'Absagen',
  // Stages (as the planner names them).
  Prospect: 'Kandidat',
  Contacted: 'Kontaktiert',
  Agreed: 'Vereinbart',
  Active: 'Aktiv',
  Ended: 'Beendet',
  // The agreement's durations and check-in rhythms.
  '3 months': '3 Monate',
  '6 months': '6 Monate',
  ongoing: 'unbefristet',
  'monthly call': 'monatlicher Call',
  'bi-weekly async update': 'alle zwei Wochen ein schriftliches Update',
};

/**
 * A name of the domain in the text's language: the German term for one of the English names
 * above (matched without regard to case), anything else (the user's own words) as written.
 */
export function term(english: string, language: TextLanguage): string {
  if (language === 'en') return english;
  const exact = GERMAN_TERMS[english];
  if (exact !== undefined) return exact;
  const lower = english.toLowerCase();
  const found = Object.keys(GERMAN_TERMS).find((k) => k.toLowerCase() === lower);
  return found === undefined ? english : GERMAN_TERMS[found];
}

/** The locale of a text language, for Intl. */
const LOCALES: Readonly<Record<TextLanguage, string>> = { en: 'en', de: 'de-DE' };

/** A YYYY-MM-DD date as the text writes it: as it is in English, `15.03.2026` in German. */
export function textDate(iso: string, language: TextLanguage): string {
  return formatDate(iso, LOCALES[language]);
}

/** A count as the text writes it: `12,000`, `12.000`. */
export function textCount(n: number, language: TextLanguage): string {
  return formatCount(n, LOCALES[language]);
}

/** A number with up to `digits` decimals: `3.75`, `3,75`. */
export function textNumber(n: number, language: TextLanguage, digits = 2): string {
  return Number.isInteger(n) ? textCount(n, language) : formatNumber(n, LOCALES[language], digits);
}
