import { PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS, benchmarkFor, partnershipType, playbookFor, type Range, type SuccessMetricId } from '../domain';
import { term, textCount, textDate, textNumber, type TextLanguage } from '../textLanguage';
import { reportWords, type ReportWords } from './reportWords';
import { STAGES, WORTH_CONTINUING, type PartnershipRecord } from '../records/schema';
import { lastCheckInDate, nextCheckIn, reviewStatus } from './checkins';
import { latestEntry, metricAgainstBenchmark, type MetricCheck } from './metrics';
import { VERDICT_LABELS, formatScore, weightedScore, type WeightedScore } from './scorecard';

/**
 * Text from a record as Markdown that reads as the same text and adds no structure, escaping
 * only what Markdown would read as syntax, where it would: line breaks become spaces (no new
 * block), a `<` that would open a tag or an autolink, an `&` that would spell an entity, emphasis
 * and code marks, a `[` (no link or image), `~~`, `$` when a pair could make math, a `|` in a
 * table cell and closing `#`s in a heading. Everything else (`:`, `.`, an email address) is
 * written as it is.
 */
/** `<ana@example.org>` or `<https://example.org>`: CommonMark's autolinks (no spaces, no `<`). */
const AUTOLINK = /^<(?:[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*|[A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>]*)>/;

export function escapeMarkdown(text: string, where: 'inline' | 'table' | 'heading' = 'inline'): string {
  let t = String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    // Bidirectional controls can make text display in another order than it is stored.
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const math = (t.match(/\$/g) ?? []).length >= 2;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    const next = t[i + 1] ?? '';
    const prev = t[i - 1] ?? '';
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(next)) out += '\\\\';
    else if (c === '`' || c === '*' || c === '[' || c === ']') out += `\\${c}`;
    // `_` only makes emphasis at the edge of a word: snake_case stays as it is.
    else if (c === '_' && !(/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next))) out += '\\_';
    // An email address or URI in angle brackets is an autolink, not HTML: it stays as written.
    else if (c === '<' && /[A-Za-z/!?]/.test(next) && !AUTOLINK.test(t.slice(i, i + 300))) out += '\\<';
    else if (c === '&' && /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/.test(t.slice(i, i + 40))) out += '\\&';
    else if (c === '~' && (next === '~' || prev === '~')) out += '\\~';
    else if (c === '$' && math) out += '\\$';
    else if (c === '|' && where === 'table') out += '\\|';
    else out += c;
  }
  t = out;
  // A heading's closing sequence ("Guild #") would be dropped; a list or block marker cannot
  // start a line, because values never do.
  if (where === 'heading') {
    let end = t.length;
    while (end > 0 && t[end - 1] === '#') end--;
    if (end < t.length && (end === 0 || t[end - 1] === ' ')) t = t.slice(0, end) + '\\#'.repeat(t.length - end);
  }
  return t;
}

export interface ReportOptions {
  /** Your community's name, for the title. */
  communityName?: string;
  /** YYYY-MM-DD. */
  today: string;
  /**
   * `partner` (the default): the version to send to the partner, without your scorecard, their
   * size as you noted it, or the notes and answers of your check-ins. `team`: everything.
   */
  audience?: 'partner' | 'team';
  /** The language the report is written in (English by default): its words, dates and numbers. */
  language?: TextLanguage;
}

/** What every part of the report needs: its language, its words and the day it is written. */
interface Writing {
  language: TextLanguage;
  w: ReportWords;
  today: string;
}

/** The stage as the planner labels it: "Active" ("Aktiv"). */
function stageText(record: PartnershipRecord, x: Writing): string {
  if (!(STAGES as readonly string[]).includes(record.stage)) return escapeMarkdown(String(record.stage), 'table');
  return term(record.stage.charAt(0).toUpperCase() + record.stage.slice(1), x.language);
}

function typeTitles(record: PartnershipRecord, x: Writing, where: 'inline' | 'table' = 'inline'): string {
  if (record.types.length === 0) return x.w.noTypes;
  // Semicolons: some type titles have commas of their own ("Co-hosted AMA, workshop or webinar").
  return record.types.map((t) => escapeMarkdown(term(partnershipType(t)?.title ?? t, x.language), where)).join('; ');
}

function number(n: number, x: Writing): string {
  return textNumber(n, x.language);
}

/** "3.9 of 5: pursue", "3.8, from 2 of 6 criteria", "not scored yet": the score in words. */
function scoreText(score: WeightedScore, x: Writing): string {
  if (score.total === undefined) return x.w.notScoredYet;
  const total = formatScore(score.total, x.language);
  return score.verdict ? x.w.scoreOf5(total, verdictWord(score, x)) : x.w.partialScore(total, score.scored, SCORECARD_CRITERIA.length);
}

/** The verdict in mid-sentence: "pursue", "weiterverfolgen". */
function verdictWord(score: WeightedScore, x: Writing): string {
  return score.verdict ? term(VERDICT_LABELS[score.verdict], x.language).toLowerCase() : '';
}

/** The score for the summary table: "3.9, pursue" or "3.8, from 2 of 6 criteria". */
function shortScore(record: PartnershipRecord, x: Writing): string {
  const s = weightedScore(record.scores);
  if (s.total === undefined) return '-';
  return s.verdict ? x.w.shortScore(formatScore(s.total, x.language), verdictWord(s, x)) : scoreText(s, x);
}

function dateText(date: string | undefined, x: Writing): string {
  return date === undefined ? '' : escapeMarkdown(textDate(date, x.language));
}

function checkInText(record: PartnershipRecord, x: Writing, team = true): string {
  const next = nextCheckIn(record, x.today);
  switch (next.status) {
    case 'not-running':
      return team ? x.w.noCheckInAtStage(stageText(record, x)) : x.w.noCheckInPlanned;
    case 'overdue':
      // The partner reads when to meet next, not how late you are.
      return team ? x.w.overdue(dateText(next.due, x), next.overdueDays ?? 0) : x.w.toBeArranged;
    case 'due-soon':
      return team ? x.w.dueSoon(dateText(next.due, x)) : dateText(next.due, x);
    case 'ok':
      return dateText(next.due, x);
  }
}

/** "30-200 new members per swap or event": the unit of each benchmark the record's types have. */
function rangeText(range: Range, unit: MetricCheck['unit'], record: PartnershipRecord, x: Writing): string {
  const span = range.low === range.high ? number(range.low, x) : `${number(range.low, x)}${x.w.rangeDash}${number(range.high, x)}`;
  if (unit === 'percent') return x.w.percent(span);
  if (unit === 'multiplier') return x.w.times(span);
  const units = [...new Set(record.types.map((t) => benchmarkFor(t)?.unit).filter((u): u is string => !!u))].map((u) => x.w.unit(u));
  return x.w.newMembersPer(span, units);
}

function valueText(value: number, unit: MetricCheck['unit'], x: Writing): string {
  if (unit === 'percent') return x.w.percent(number(value, x));
  if (unit === 'multiplier') return x.w.times(number(value, x));
  return number(value, x);
}

/** The latest value with the figures and the file a measure counted it from: "38% (42 of 110; from luma.csv, 12 Mar 2026)". */
function latestText(record: PartnershipRecord, metric: SuccessMetricId, check: MetricCheck, x: Writing): string {
  const entry = latestEntry(record, metric) ?? latestEntry(record, metric, true);
  if (!entry) return '-';
  const facts: string[] = [];
  if (entry.count !== undefined && entry.of !== undefined) facts.push(x.w.countOf(number(entry.count, x), number(entry.of, x)));
  else if (entry.of !== undefined) facts.push(x.w.of(number(entry.of, x)));
  if (entry.cumulative) facts.push(x.w.totalToDate);
  if (entry.source?.trim()) facts.push(x.w.from(escapeMarkdown(entry.source.trim(), 'table')));
  facts.push(dateText(entry.date, x));
  return `${valueText(entry.value, check.unit, x)} (${facts.join('; ')})`;
}

function metricsSection(record: PartnershipRecord, team: boolean, x: Writing): string[] {
  const rows: string[] = [];
  for (const m of SUCCESS_METRICS) {
    if (!record.metrics.some((e) => e.metric === m.id)) continue;
    const check = metricAgainstBenchmark(record, m.id);
    const latest = latestText(record, m.id, check, x);
    const bench = check.benchmark ? rangeText(check.benchmark, check.unit, record, x) : '-';
    const title = term(m.title, x.language);
    rows.push(team ? `| ${title} | ${latest} | ${bench} | ${x.w.status[check.status]} |` : `| ${title} | ${latest} | ${bench} |`);
  }
  if (rows.length === 0) return [x.w.noMeasurements];
  const head = team ? x.w.teamMetricsHead : x.w.partnerMetricsHead;
  return [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(head.length)}`, ...rows];
}

function checkInsSection(record: PartnershipRecord, x: Writing): string[] {
  const lines: string[] = [];
  const lastDate = lastCheckInDate(record);
  if (lastDate === undefined) {
    lines.push(`- **${x.w.latest}:** ${x.w.noneYet}`);
  } else {
    // Of several check-ins on the latest day, the one written last.
    const latest = [...record.checkIns].reverse().find((c) => c.date === lastDate)!;
    const parts = [dateText(latest.date, x)];
    if (latest.worthContinuing) parts.push(x.w.worthContinuing(escapeMarkdown(x.w.answer(latest.worthContinuing))));
    if (latest.notes) parts.push(escapeMarkdown(latest.notes));
    lines.push(`- **${x.w.latest}:** ${parts.join('; ')}`);
  }
  lines.push(`- **${x.w.next}:** ${checkInText(record, x)}`);
  const answers = WORTH_CONTINUING.map((a) => ({ a, n: record.checkIns.filter((c) => c.worthContinuing === a).length })).filter((v) => v.n > 0);
  if (answers.length) lines.push(`- **${x.w.worthAsking}** ${answers.map((v) => x.w.answerCount(v.n, x.w.answer(v.a))).join(', ')}`);
  return lines;
}

function reviewText(record: PartnershipRecord, x: Writing): string | undefined {
  const r = reviewStatus(record, x.today);
  switch (r.status) {
    case 'none':
      return undefined;
    case 'not-running':
      return dateText(r.review, x);
    case 'overdue':
      return x.w.daysAgo(dateText(r.review, x), -r.daysUntil);
    case 'due-soon':
    case 'ok':
      return x.w.daysAhead(dateText(r.review, x), r.daysUntil);
  }
}

/** The scorecard: each criterion with its weight and score, the weighted total and the verdict. */
function scorecardSection(record: PartnershipRecord, x: Writing): string[] {
  const score = weightedScore(record.scores);
  const rows = SCORECARD_CRITERIA.map((c) => {
    const v = record.scores[c.id];
    return `| ${term(c.title, x.language)} | ${x.w.percent(String(Math.round(c.weight * 100)))} | ${typeof v === 'number' && Number.isFinite(v) ? number(v, x) : x.w.notScored} |`;
  });
  const total = score.total === undefined ? x.w.notScoredYet : score.verdict ? x.w.of5(formatScore(score.total, x.language)) : scoreText(score, x);
  return [
    `| ${x.w.scorecardHead.join(' | ')} |`,
    '| --- | --- | --- |',
    ...rows,
    '',
    `- **${x.w.weightedTotal}:** ${total}`,
    `- **${x.w.verdict}:** ${score.verdict ? term(VERDICT_LABELS[score.verdict], x.language) : x.w.noVerdict}`,
  ];
}

/** The playbook steps of the record's types, done and still to do. */
function playbookSteps(record: PartnershipRecord, x: Writing): { done: string[]; todo: string[] } {
  const done: string[] = [];
  const todo: string[] = [];
  const ids = [...new Set(record.types.map((t) => playbookFor(t)).filter((p): p is keyof typeof PLAYBOOKS => !!p))];
  for (const id of ids) {
    const ticked = record.playbook[id] ?? [];
    PLAYBOOKS[id].steps.forEach((step, i) => (ticked.includes(i + 1) ? done : todo).push(`${term(PLAYBOOKS[id].title, x.language)}: ${term(step, x.language)}`));
  }
  return { done, todo };
}

/** For the partner: what was done together, and what comes next. */
function togetherSections(record: PartnershipRecord, heading: string, x: Writing): string[] {
  const steps = playbookSteps(record, x);
  const lines = [`${heading}# ${x.w.didTogether}`, ''];
  const did: string[] = steps.done.map((s) => `- ${s}`);
  const n = record.checkIns.length;
  const last = lastCheckInDate(record);
  if (n > 0 && last) did.push(`- ${x.w.checkInsTogether(n, dateText(last, x))}`);
  const measured = record.metrics.length;
  if (measured > 0) did.push(`- ${x.w.measurements(measured)}`);
  lines.push(...(did.length ? did : [`- ${x.w.gettingStarted}`]), '');
  lines.push(`${heading}# ${x.w.nextSteps}`, '');
  lines.push(...steps.todo.slice(0, 3).map((s) => `- ${s}`));
  lines.push(`- **${x.w.nextCheckIn}:** ${checkInText(record, x, false)}`);
  const r = reviewStatus(record, x.today);
  if ((r.status === 'ok' || r.status === 'due-soon') && r.review) lines.push(`- **${x.w.reviewTogether}:** ${dateText(r.review, x)}`);
  lines.push('');
  return lines;
}

function recordSection(record: PartnershipRecord, heading: string, team: boolean, ours: string | undefined, x: Writing): string[] {
  const { w } = x;
  const lines = [`${heading} ${escapeMarkdown(record.partner, 'heading')}`, ''];
  const partner = escapeMarkdown(record.partner);
  if (record.community) lines.push(`- **${team ? w.theirCommunity : w.community}:** ${escapeMarkdown(record.community)}`);
  if (team && record.contact) lines.push(`- **${w.contact}:** ${escapeMarkdown(record.contact)}`);
  lines.push(`- **${w.stage}:** ${stageText(record, x)}`);
  lines.push(`- **${w.types}:** ${typeTitles(record, x)}`);
  const owners = [record.owners.ours && w.ownerFor(escapeMarkdown(record.owners.ours), ours ?? w.us), record.owners.theirs && w.ownerFor(escapeMarkdown(record.owners.theirs), partner)].filter(Boolean);
  if (owners.length) lines.push(`- **${team ? w.owners : w.contacts}:** ${owners.join(', ')}`);
  if (record.start) lines.push(`- **${team ? w.started : w.since}:** ${dateText(record.start, x)}`);
  if (!team) {
    lines.push('', ...togetherSections(record, heading, x), `${heading}# ${w.results}`, '', ...metricsSection(record, false, x), '');
    return lines;
  }
  const review = reviewText(record, x);
  if (review) lines.push(`- **${w.review}:** ${review}`);
  if (record.partnerSize !== undefined && Number.isFinite(record.partnerSize)) lines.push(`- **${w.theirSize}:** ${w.members(textCount(record.partnerSize, x.language))}`);
  lines.push(`- **${w.score}:** ${scoreText(weightedScore(record.scores), x)}`);
  lines.push('', `${heading}# ${w.scorecard}`, '', ...scorecardSection(record, x));
  lines.push('', `${heading}# ${w.metrics}`, '', ...metricsSection(record, true, x), '', `${heading}# ${w.checkIns}`, '', ...checkInsSection(record, x), '');
  return lines;
}

/**
 * A Markdown report of one partnership or several: stage, types, metrics against the
 * playbook's benchmarks and check-ins, as of `today`, and for your team the scores and the
 * check-in notes too; in English or German, with the language's dates and numbers. Records
 * appear in the order given. Everything taken from a record is escaped where Markdown would
 * read it as syntax (see escapeMarkdown).
 */
export function renderReport(records: readonly PartnershipRecord[], opts: ReportOptions): string {
  const language = opts.language ?? 'en';
  const x: Writing = { language, w: reportWords(language), today: opts.today };
  const { w } = x;
  const today = escapeMarkdown(textDate(opts.today, language));
  const team = opts.audience === 'team';
  const community = opts.communityName?.trim() ? escapeMarkdown(opts.communityName) : undefined;
  if (records.length === 1) {
    const r = records[0];
    const partner = escapeMarkdown(r.partner);
    const lines = [`# ${w.reportOne(escapeMarkdown(r.partner, 'heading'))}`, ''];
    lines.push(team ? w.teamIntro(community, partner, today) : w.partnerIntro(community, partner, today), '');
    lines.push(...recordSection(r, '##', team, community, x).slice(2));
    return lines.join('\n');
  }

  const lines = [`# ${w.reportAll(community)}`, ''];
  if (records.length === 0) {
    lines.push(w.noPartnerships(today), '');
    return lines.join('\n');
  }
  const byStage = STAGES.map((s) => ({ s, n: records.filter((r) => r.stage === s).length })).filter((v) => v.n > 0);
  const overdue = records.filter((r) => nextCheckIn(r, opts.today).status === 'overdue').length;
  const stages = byStage.map((v) => w.stageCount(v.n, v.s, term(v.s.charAt(0).toUpperCase() + v.s.slice(1), language)));
  lines.push(w.summary(today, records.length, stages, team ? overdue : undefined), '');
  const head = team ? w.allTeamHead : w.allPartnerHead;
  lines.push(`| ${head.join(' | ')} |`, `|${' --- |'.repeat(head.length)}`);
  for (const r of records) {
    const cells = [escapeMarkdown(r.partner, 'table'), stageText(r, x), typeTitles(r, x, 'table'), ...(team ? [shortScore(r, x)] : []), checkInText(r, x, team)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const r of records) lines.push(...recordSection(r, '##', team, community, x));
  return lines.join('\n');
}
