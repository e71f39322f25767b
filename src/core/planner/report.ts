import { PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS, benchmarkFor, partnershipType, playbookFor, type Range, type SuccessMetricId } from '../domain';
import { formatCount, formatNumber } from '../numbers';
import { STAGES, WORTH_CONTINUING, type PartnershipRecord } from '../records/schema';
import { lastCheckInDate, nextCheckIn, reviewStatus } from './checkins';
import { latestEntry, metricAgainstBenchmark, type MetricCheck } from './metrics';
import { VERDICT_LABELS, formatScore, scoreSummary, verdictText, weightedScore } from './scorecard';

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
}

/** The stage as the planner labels it: "Active". */
function stageText(record: PartnershipRecord): string {
  if (!(STAGES as readonly string[]).includes(record.stage)) return escapeMarkdown(String(record.stage), 'table');
  return record.stage.charAt(0).toUpperCase() + record.stage.slice(1);
}

function typeTitles(record: PartnershipRecord, where: 'inline' | 'table' = 'inline'): string {
  if (record.types.length === 0) return 'none yet';
  // Semicolons: some type titles have commas of their own ("Co-hosted AMA, workshop or webinar").
  return record.types.map((t) => escapeMarkdown(partnershipType(t)?.title ?? t, where)).join('; ');
}

function number(n: number): string {
  return Number.isInteger(n) ? formatCount(n, 'en') : formatNumber(n, 'en', 2);
}

/** The score for the summary table: "3.9, pursue" or "3.8, from 2 of 6 criteria". */
function shortScore(record: PartnershipRecord): string {
  const s = weightedScore(record.scores);
  if (s.total === undefined) return '-';
  return s.verdict ? `${formatScore(s.total, 'en')}, ${verdictText(s.verdict)}` : scoreSummary(s);
}

function dateText(date: string | undefined): string {
  return date === undefined ? '' : escapeMarkdown(date);
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

function checkInText(record: PartnershipRecord, today: string, team = true): string {
  const next = nextCheckIn(record, today);
  switch (next.status) {
    case 'not-running':
      return team ? `none due while the partnership is at the ${stageText(record)} stage` : 'none planned at this stage';
    case 'overdue':
      // The partner reads when to meet next, not how late you are.
      return team ? `${dateText(next.due)}, ${days(next.overdueDays)} overdue` : 'to be arranged in the coming days';
    case 'due-soon':
      return team ? `${dateText(next.due)}, due soon` : dateText(next.due);
    case 'ok':
      return dateText(next.due);
  }
}

/** "30-200 new members per swap or event": the unit of each benchmark the record's types have. */
function rangeText(range: Range, unit: MetricCheck['unit'], record: PartnershipRecord): string {
  const span = range.low === range.high ? number(range.low) : `${number(range.low)}-${number(range.high)}`;
  if (unit === 'percent') return `${span}%`;
  if (unit === 'multiplier') return `${span}x`;
  const units = [...new Set(record.types.map((t) => benchmarkFor(t)?.unit).filter((u): u is string => !!u))];
  const per = units.length > 1 ? `${units.slice(0, -1).join(', ')} or ${units[units.length - 1]}` : units[0] ?? 'swap, event or piece';
  return `${span} new members per ${per}`;
}

function valueText(value: number, unit: MetricCheck['unit']): string {
  if (unit === 'percent') return `${number(value)}%`;
  if (unit === 'multiplier') return `${number(value)}x`;
  return number(value);
}

/** The latest value with the figures and the file a measure counted it from: "38% (42 of 110; from luma.csv, 12 Mar 2026)". */
function latestText(record: PartnershipRecord, metric: SuccessMetricId, check: MetricCheck): string {
  const entry = latestEntry(record, metric) ?? latestEntry(record, metric, true);
  if (!entry) return '-';
  const facts: string[] = [];
  if (entry.count !== undefined && entry.of !== undefined) facts.push(`${number(entry.count)} of ${number(entry.of)}`);
  else if (entry.of !== undefined) facts.push(`of ${number(entry.of)}`);
  if (entry.cumulative) facts.push('total to date');
  if (entry.source?.trim()) facts.push(`from ${escapeMarkdown(entry.source.trim(), 'table')}`);
  facts.push(dateText(entry.date));
  return `${valueText(entry.value, check.unit)} (${facts.join('; ')})`;
}

const STATUS_TEXT: Record<MetricCheck['status'], string> = { below: 'below', within: 'within', above: 'above', 'no-benchmark': 'no benchmark', 'no-data': 'no data yet' };

function metricsSection(record: PartnershipRecord, team: boolean): string[] {
  const rows: string[] = [];
  for (const m of SUCCESS_METRICS) {
    if (!record.metrics.some((e) => e.metric === m.id)) continue;
    const check = metricAgainstBenchmark(record, m.id);
    const latest = latestText(record, m.id, check);
    const bench = check.benchmark ? rangeText(check.benchmark, check.unit, record) : '-';
    rows.push(team ? `| ${m.title} | ${latest} | ${bench} | ${STATUS_TEXT[check.status]} |` : `| ${m.title} | ${latest} | ${bench} |`);
  }
  if (rows.length === 0) return ['No measurements recorded yet.'];
  if (!team) return ['| Metric | Latest | Target |', '| --- | --- | --- |', ...rows];
  return ['| Metric | Latest | Playbook benchmark | Against the benchmark |', '| --- | --- | --- | --- |', ...rows];
}

function checkInsSection(record: PartnershipRecord, today: string, team: boolean): string[] {
  const lines: string[] = [];
  const lastDate = lastCheckInDate(record);
  if (lastDate === undefined) {
    lines.push('- **Latest:** none yet');
  } else if (!team) {
    lines.push(`- **Latest:** ${dateText(lastDate)} (${record.checkIns.length} so far)`);
  } else {
    // Of several check-ins on the latest day, the one written last.
    const latest = [...record.checkIns].reverse().find((c) => c.date === lastDate)!;
    const parts = [dateText(latest.date)];
    if (latest.worthContinuing) parts.push(`worth continuing: ${escapeMarkdown(latest.worthContinuing)}`);
    if (latest.notes) parts.push(escapeMarkdown(latest.notes));
    lines.push(`- **Latest:** ${parts.join('; ')}`);
  }
  lines.push(`- **Next:** ${checkInText(record, today)}`);
  const answers = WORTH_CONTINUING.map((a) => ({ a, n: record.checkIns.filter((c) => c.worthContinuing === a).length }));
  if (team && answers.some((x) => x.n > 0)) {
    lines.push(`- **Is this worth continuing?** ${answers.filter((x) => x.n > 0).map((x) => `${x.n} ${x.a}`).join(', ')}`);
  }
  return lines;
}

function reviewText(record: PartnershipRecord, today: string): string | undefined {
  const r = reviewStatus(record, today);
  switch (r.status) {
    case 'none':
      return undefined;
    case 'not-running':
      return dateText(r.review);
    case 'overdue':
      return `${dateText(r.review)}, ${days(-r.daysUntil)} ago`;
    case 'due-soon':
    case 'ok':
      return r.daysUntil === 0 ? `${dateText(r.review)}, today` : r.daysUntil === 1 ? `${dateText(r.review)}, tomorrow` : `${dateText(r.review)}, in ${days(r.daysUntil)}`;
  }
}

/** The scorecard: each criterion with its weight and score, the weighted total and the verdict. */
function scorecardSection(record: PartnershipRecord): string[] {
  const score = weightedScore(record.scores);
  const rows = SCORECARD_CRITERIA.map((c) => {
    const v = record.scores[c.id];
    return `| ${c.title} | ${Math.round(c.weight * 100)}% | ${typeof v === 'number' && Number.isFinite(v) ? number(v) : 'not scored'} |`;
  });
  const total = score.total === undefined ? 'not scored yet' : score.verdict ? `${formatScore(score.total, 'en')} of 5` : scoreSummary(score);
  return ['| Criterion | Weight | Score (1-5) |', '| --- | --- | --- |', ...rows, '', `- **Weighted total:** ${total}`, `- **Verdict:** ${score.verdict ? VERDICT_LABELS[score.verdict] : 'none until all six criteria are scored'}`];
}

/** The playbook steps of the record's types, done and still to do. */
function playbookSteps(record: PartnershipRecord): { done: string[]; todo: string[] } {
  const done: string[] = [];
  const todo: string[] = [];
  const ids = [...new Set(record.types.map((t) => playbookFor(t)).filter((p): p is keyof typeof PLAYBOOKS => !!p))];
  for (const id of ids) {
    const ticked = record.playbook[id] ?? [];
    PLAYBOOKS[id].steps.forEach((step, i) => (ticked.includes(i + 1) ? done : todo).push(`${PLAYBOOKS[id].title}: ${step}`));
  }
  return { done, todo };
}

/** For the partner: what was done together, and what comes next. */
function togetherSections(record: PartnershipRecord, today: string, heading: string): string[] {
  const steps = playbookSteps(record);
  const lines = [`${heading}# What we did together`, ''];
  const did: string[] = steps.done.map((s) => `- ${s}`);
  const n = record.checkIns.length;
  const last = lastCheckInDate(record);
  if (n > 0 && last) did.push(`- ${n === 1 ? 'One check-in' : `${n} check-ins`} together, the latest on ${dateText(last)}`);
  const measured = record.metrics.length;
  if (measured > 0) did.push(`- ${measured === 1 ? 'One measurement' : `${measured} measurements`} of the results, under Results`);
  lines.push(...(did.length ? did : ['- We are just getting started.']), '');
  lines.push(`${heading}# Next steps`, '');
  lines.push(...steps.todo.slice(0, 3).map((s) => `- ${s}`));
  lines.push(`- **Next check-in:** ${checkInText(record, today, false)}`);
  const r = reviewStatus(record, today);
  if ((r.status === 'ok' || r.status === 'due-soon') && r.review) lines.push(`- **Review of the partnership together:** ${dateText(r.review)}`);
  lines.push('');
  return lines;
}

function recordSection(record: PartnershipRecord, today: string, heading: string, team: boolean, ours: string | undefined): string[] {
  const lines = [`${heading} ${escapeMarkdown(record.partner, 'heading')}`, ''];
  const partner = escapeMarkdown(record.partner);
  if (record.community) lines.push(`- **${team ? 'Their community' : 'Community'}:** ${escapeMarkdown(record.community)}`);
  if (team && record.contact) lines.push(`- **Contact:** ${escapeMarkdown(record.contact)}`);
  lines.push(`- **Stage:** ${stageText(record)}`);
  lines.push(`- **Partnership types:** ${typeTitles(record)}`);
  const owners = [
    record.owners.ours && `${escapeMarkdown(record.owners.ours)} for ${ours ?? 'us'}`,
    record.owners.theirs && `${escapeMarkdown(record.owners.theirs)} for ${partner}`,
  ].filter(Boolean);
  if (owners.length) lines.push(`- **${team ? 'Owners' : 'Contacts'}:** ${owners.join(', ')}`);
  if (record.start) lines.push(`- **${team ? 'Started' : 'Working together since'}:** ${dateText(record.start)}`);
  if (!team) {
    lines.push('', ...togetherSections(record, today, heading), `${heading}# Results`, '', ...metricsSection(record, false), '');
    return lines;
  }
  const review = reviewText(record, today);
  if (review) lines.push(`- **Review:** ${review}`);
  if (record.partnerSize !== undefined && Number.isFinite(record.partnerSize)) lines.push(`- **Their size:** ${formatCount(record.partnerSize, 'en')} members`);
  lines.push(`- **Score:** ${scoreSummary(weightedScore(record.scores))}`);
  lines.push('', `${heading}# Scorecard`, '', ...scorecardSection(record));
  lines.push('', `${heading}# Metrics`, '', ...metricsSection(record, true), '', `${heading}# Check-ins`, '', ...checkInsSection(record, today, true), '');
  return lines;
}

/**
 * A Markdown report of one partnership or several: stage, types, metrics against the
 * playbook's benchmarks and check-ins, as of `today`, and for your team the scores and the
 * check-in notes too. Records appear in the order given. Everything taken from a record is
 * escaped where Markdown would read it as syntax (see escapeMarkdown).
 */
export function renderReport(records: readonly PartnershipRecord[], opts: ReportOptions): string {
  const today = opts.today;
  const team = opts.audience === 'team';
  const community = opts.communityName?.trim() ? escapeMarkdown(opts.communityName) : undefined;
  if (records.length === 1) {
    const r = records[0];
    const lines = [`# Partnership report: ${escapeMarkdown(r.partner, 'heading')}`, ''];
    lines.push(
      team
        ? `${community ? `${community} and ${escapeMarkdown(r.partner)}, as` : 'As'} of ${escapeMarkdown(today)}. This version is for your team: it has your scorecard and your check-in notes.`
        : `${community ? `${community} and ${escapeMarkdown(r.partner)}` : `Our partnership with ${escapeMarkdown(r.partner)}`}: where we stand together, as of ${escapeMarkdown(today)}.`,
      '',
    );
    lines.push(...recordSection(r, today, '##', team, community).slice(2));
    return lines.join('\n');
  }

  const lines = [`# Partnerships report${community ? `: ${community}` : ''}`, ''];
  if (records.length === 0) {
    lines.push(`As of ${escapeMarkdown(today)}: no partnerships yet.`, '');
    return lines.join('\n');
  }
  const byStage = STAGES.map((s) => ({ s, n: records.filter((r) => r.stage === s).length })).filter((x) => x.n > 0);
  const overdue = records.filter((r) => nextCheckIn(r, today).status === 'overdue').length;
  const overdueText = overdue === 0 ? 'no check-in overdue' : overdue === 1 ? 'one with a check-in overdue' : `${overdue} with a check-in overdue`;
  lines.push(
    `As of ${escapeMarkdown(today)}: ${records.length} partnerships (${byStage.map((x) => `${x.n} ${x.s}`).join(', ')})${team ? `, ${overdueText}` : ''}.`,
    '',
    team ? '| Partner | Stage | Types | Score | Next check-in |' : '| Partner | Stage | Types | Next check-in |',
    team ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |',
  );
  for (const r of records) {
    const cells = [escapeMarkdown(r.partner, 'table'), stageText(r), typeTitles(r, 'table'), ...(team ? [shortScore(r)] : []), checkInText(r, today, team)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  for (const r of records) lines.push(...recordSection(r, today, '##', team, community));
  return lines.join('\n');
}
