/**
 * The words of the partnership report (src/core/planner/report.ts) in English and in German.
 * Values taken from records arrive escaped and formatted (dates, numbers) in the report's
 * language; these only place them. The German one says "du" to the reader of the team version
 * (the user), as the German pitch does, and "wir" for the two partners in the partner version.
 */
import type { TextLanguage } from '../textLanguage';
import type { MetricCheck } from './metrics';

export interface ReportWords {
  reportOne: (partner: string) => string;
  reportAll: (community: string | undefined) => string;
  teamIntro: (community: string | undefined, partner: string, today: string) => string;
  partnerIntro: (community: string | undefined, partner: string, today: string) => string;
  noPartnerships: (today: string) => string;
  /** "2 active" ("Aktiv: 2"): `id` the stage's id, `title` its name. */
  stageCount: (n: number, id: string, title: string) => string;
  summary: (today: string, n: number, stages: string[], overdue: number | undefined) => string;
  allTeamHead: string[];
  allPartnerHead: string[];
  noTypes: string;
  notScoredYet: string;
  notScored: string;
  scoreOf5: (total: string, verdict: string) => string;
  /** The score in the summary table: "3.9, pursue". */
  shortScore: (total: string, verdict: string) => string;
  of5: (total: string) => string;
  partialScore: (total: string, scored: number, of: number) => string;
  noCheckInAtStage: (stage: string) => string;
  noCheckInPlanned: string;
  overdue: (date: string, days: number) => string;
  toBeArranged: string;
  dueSoon: (date: string) => string;
  rangeDash: string;
  percent: (n: string) => string;
  times: (n: string) => string;
  unit: (unit: string) => string;
  newMembersPer: (span: string, units: string[]) => string;
  countOf: (count: string, of: string) => string;
  of: (of: string) => string;
  totalToDate: string;
  from: (source: string) => string;
  status: Readonly<Record<MetricCheck['status'], string>>;
  noMeasurements: string;
  partnerMetricsHead: string[];
  teamMetricsHead: string[];
  latest: string;
  noneYet: string;
  next: string;
  worthContinuing: (answer: string) => string;
  worthAsking: string;
  answer: (answer: string) => string;
  answerCount: (n: number, answer: string) => string;
  daysAgo: (date: string, days: number) => string;
  daysAhead: (date: string, days: number) => string;
  scorecardHead: string[];
  weightedTotal: string;
  verdict: string;
  noVerdict: string;
  didTogether: string;
  checkInsTogether: (n: number, last: string) => string;
  measurements: (n: number) => string;
  gettingStarted: string;
  nextSteps: string;
  nextCheckIn: string;
  reviewTogether: string;
  results: string;
  theirCommunity: string;
  community: string;
  contact: string;
  stage: string;
  types: string;
  ownerFor: (person: string, side: string) => string;
  us: string;
  owners: string;
  contacts: string;
  started: string;
  since: string;
  review: string;
  theirSize: string;
  members: (count: string) => string;
  score: string;
  scorecard: string;
  metrics: string;
  checkIns: string;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const or = (items: string[], word: string) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}` : items[0]);

const ENGLISH: ReportWords = {
  reportOne: (partner) => `Partnership report: ${partner}`,
  reportAll: (community) => `Partnerships report${community ? `: ${community}` : ''}`,
  teamIntro: (community, partner, today) =>
    `${community ? `${community} and ${partner}, as` : 'As'} of ${today}. This version is for your team: it has your scorecard and your check-in notes.`,
  partnerIntro: (community, partner, today) => `${community ? `${community} and ${partner}` : `Our partnership with ${partner}`}: where we stand together, as of ${today}.`,
  noPartnerships: (today) => `As of ${today}: no partnerships yet.`,
  stageCount: (n, id) => `${n} ${id}`,
  summary: (today, n, stages, overdue) =>
    `As of ${today}: ${n} partnerships (${stages.join(', ')})${
      overdue === undefined ? '' : `, ${overdue === 0 ? 'no check-in overdue' : overdue === 1 ? 'one with a check-in overdue' : `${overdue} with a check-in overdue`}`
    }.`,
  allTeamHead: ['Partner', 'Stage', 'Types', 'Score', 'Next check-in'],
  allPartnerHead: ['Partner', 'Stage', 'Types', 'Next check-in'],
  noTypes: 'none yet',
  notScoredYet: 'not scored yet',
  notScored: 'not scored',
  scoreOf5: (total, verdict) => `${total} of 5: ${verdict}`,
  shortScore: (total, verdict) => `${total}, ${verdict}`,
  of5: (total) => `${total} of 5`,
  partialScore: (total, scored, of) => `${total}, from ${scored} of ${of} criteria`,
  noCheckInAtStage: (stage) => `none due while the partnership is at the ${stage} stage`,
  noCheckInPlanned: 'none planned at this stage',
  overdue: (date, n) => `${date}, ${days(n)} overdue`,
  toBeArranged: 'to be arranged in the coming days',
  dueSoon: (date) => `${date}, due soon`,
  rangeDash: '-',
  percent: (n) => `${n}%`,
  times: (n) => `${n}x`,
  unit: (unit) => unit,
  newMembersPer: (span, units) => `${span} new members per ${units.length ? or(units, 'or') : 'swap, event or piece'}`,
  countOf: (count, of) => `${count} of ${of}`,
  of: (of) => `of ${of}`,
  totalToDate: 'total to date',
  from: (source) => `from ${source}`,
  status: { below: 'below', within: 'within', above: 'above', 'no-benchmark': 'no benchmark', 'no-data': 'no data yet' },
  noMeasurements: 'No measurements recorded yet.',
  partnerMetricsHead: ['Metric', 'Latest', 'Target'],
  teamMetricsHead: ['Metric', 'Latest', 'Playbook benchmark', 'Against the benchmark'],
  latest: 'Latest',
  noneYet: 'none yet',
  next: 'Next',
  worthContinuing: (answer) => `worth continuing: ${answer}`,
  worthAsking: 'Is this worth continuing?',
  answer: (answer) => answer,
  answerCount: (n, answer) => `${n} ${answer}`,
  daysAgo: (date, n) => `${date}, ${days(n)} ago`,
  daysAhead: (date, n) => (n === 0 ? `${date}, today` : n === 1 ? `${date}, tomorrow` : `${date}, in ${days(n)}`),
  scorecardHead: ['Criterion', 'Weight', 'Score (1-5)'],
  weightedTotal: 'Weighted total',
  verdict: 'Verdict',
  noVerdict: 'none until all six criteria are scored',
  didTogether: 'What we did together',
  checkInsTogether: (n, last) => `${n === 1 ? 'One check-in' : `${n} check-ins`} together, the latest on ${last}`,
  measurements: (n) => `${n === 1 ? 'One measurement' : `${n} measurements`} of the results, under Results`,
  gettingStarted: 'We are just getting started.',
  nextSteps: 'Next steps',
  nextCheckIn: 'Next check-in',
  reviewTogether: 'Review of the partnership together',
  results: 'Results',
  theirCommunity: 'Their community',
  community: 'Community',
  contact: 'Contact',
  stage: 'Stage',
  types: 'Partnership types',
  ownerFor: (person, side) => `${person} for ${side}`,
  us: 'us',
  owners: 'Owners',
  contacts: 'Contacts',
  started: 'Started',
  since: 'Working together since',
  review: 'Review',
  theirSize: 'Their size',
  members: (count) => `${count} members`,
  score: 'Score',
  scorecard: 'Scorecard',
  metrics: 'Metrics',
  checkIns: 'Check-ins',
};

/** "1 Tag", "38 Tagen" (the dative: "seit 38 Tagen", "vor 3 Tagen", "in 5 Tagen"). */
const tagen = (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tagen'}`;
const GERMAN_UNITS: Readonly<Record<string, string>> = { swap: 'Tausch', event: 'Event', piece: 'Beitrag', launch: 'Launch' };
const GERMAN_ANSWERS: Readonly<Record<string, string>> = { yes: 'ja', no: 'nein', unsure: 'unsicher' };

const GERMAN: ReportWords = {
  reportOne: (partner) => `Bericht zur Partnerschaft: ${partner}`,
  reportAll: (community) => `Bericht zu den Partnerschaften${community ? `: ${community}` : ''}`,
  teamIntro: (community, partner, today) =>
    `${community ? `${community} und ${partner}, Stand` : 'Stand'}: ${today}. Diese Fassung ist für dein Team: mit deiner Scorecard und deinen Notizen aus den Check-ins.`,
  partnerIntro: (community, partner, today) => `${community ? `${community} und ${partner}` : `Unsere Partnerschaft mit ${partner}`}: wo wir gemeinsam stehen, Stand ${today}.`,
  noPartnerships: (today) => `Stand ${today}: noch keine Partnerschaften.`,
  stageCount: (n, _id, title) => `${title}: ${n}`,
  summary: (today, n, stages, overdue) =>
    `Stand ${today}: ${n === 1 ? 'eine Partnerschaft' : `${n} Partnerschaften`} (${stages.join(', ')})${
      overdue === undefined ? '' : `, ${overdue === 0 ? 'kein Check-in überfällig' : overdue === 1 ? 'bei einer ist ein Check-in überfällig' : `bei ${overdue} ist ein Check-in überfällig`}`
    }.`,
  allTeamHead: ['Partner', 'Phase', 'Arten', 'Bewertung', 'Nächster Check-in'],
  allPartnerHead: ['Partner', 'Phase', 'Arten', 'Nächster Check-in'],
  noTypes: 'noch keine',
  notScoredYet: 'noch nicht bewertet',
  notScored: 'nicht bewertet',
  scoreOf5: (total, verdict) => `${total} von 5: ${verdict}`,
  // "3,9, weiterverfolgen" would read as a list: the verdict goes in parentheses.
  shortScore: (total, verdict) => `${total} (${verdict})`,
  of5: (total) => `${total} von 5`,
  partialScore: (total, scored, of) => `${total}, aus ${scored} von ${of} Kriterien`,
  noCheckInAtStage: (stage) => `keiner fällig, solange die Partnerschaft in der Phase „${stage}“ ist`,
  noCheckInPlanned: 'in dieser Phase keiner geplant',
  overdue: (date, n) => `${date}, seit ${tagen(n)} überfällig`,
  toBeArranged: 'wird in den nächsten Tagen vereinbart',
  dueSoon: (date) => `${date}, bald fällig`,
  rangeDash: '–',
  // German sets a (no-break) space between a number and its percent sign.
  percent: (n) => `${n}\u00a0%`,
  times: (n) => `${n}-fach`,
  unit: (unit) => GERMAN_UNITS[unit] ?? unit,
  newMembersPer: (span, units) => `${span} neue Mitglieder pro ${units.length ? or(units, 'oder') : 'Tausch, Event oder Beitrag'}`,
  countOf: (count, of) => `${count} von ${of}`,
  of: (of) => `von ${of}`,
  totalToDate: 'Summe bis heute',
  from: (source) => `aus ${source}`,
  status: { below: 'darunter', within: 'im Rahmen', above: 'darüber', 'no-benchmark': 'kein Richtwert', 'no-data': 'noch keine Daten' },
  noMeasurements: 'Noch keine Messungen erfasst.',
  partnerMetricsHead: ['Kennzahl', 'Zuletzt', 'Ziel'],
  teamMetricsHead: ['Kennzahl', 'Zuletzt', 'Richtwert aus dem Playbook', 'Im Vergleich zum Richtwert'],
  latest: 'Zuletzt',
  noneYet: 'noch keiner',
  next: 'Nächster',
  worthContinuing: (answer) => `lohnt sich weiterzumachen: ${answer}`,
  worthAsking: 'Lohnt es sich weiterzumachen?',
  answer: (answer) => GERMAN_ANSWERS[answer] ?? answer,
  answerCount: (n, answer) => `${n}-mal ${answer}`,
  daysAgo: (date, n) => `${date}, vor ${tagen(n)}`,
  daysAhead: (date, n) => (n === 0 ? `${date}, heute` : n === 1 ? `${date}, morgen` : `${date}, in ${tagen(n)}`),
  scorecardHead: ['Kriterium', 'Gewichtung', 'Bewertung (1–5)'],
  weightedTotal: 'Gewichtete Summe',
  verdict: 'Empfehlung',
  noVerdict: 'erst, wenn alle sechs Kriterien bewertet sind',
  didTogether: 'Was wir gemeinsam gemacht haben',
  checkInsTogether: (n, last) => `${n === 1 ? 'Ein gemeinsamer Check-in' : `${n} gemeinsame Check-ins`}, zuletzt am ${last}`,
  measurements: (n) => `${n === 1 ? 'Eine Messung' : `${n} Messungen`} der Ergebnisse, unter „Ergebnisse“`,
  gettingStarted: 'Wir fangen gerade erst an.',
  nextSteps: 'Nächste Schritte',
  nextCheckIn: 'Nächster Check-in',
  reviewTogether: 'Gemeinsamer Rückblick auf die Partnerschaft',
  results: 'Ergebnisse',
  theirCommunity: 'Community des Partners',
  community: 'Community',
  contact: 'Kontakt',
  stage: 'Phase',
  types: 'Arten der Partnerschaft',
  ownerFor: (person, side) => `${person} für ${side}`,
  us: 'uns',
  owners: 'Verantwortlich',
  contacts: 'Ansprechpersonen',
  started: 'Gestartet',
  since: 'Zusammenarbeit seit',
  review: 'Überprüfung',
  theirSize: 'Größe des Partners',
  members: (count) => `${count} Mitglieder`,
  score: 'Bewertung',
  scorecard: 'Scorecard',
  metrics: 'Kennzahlen',
  checkIns: 'Check-ins',
};

export function reportWords(language: TextLanguage): ReportWords {
  return language === 'de' ? GERMAN : ENGLISH;
}
