import { SUCCESS_METRICS, partnershipType, type Range } from '../domain';
import { formatCount } from '../numbers';
import { STAGES, WORTH_CONTINUING, type PartnershipRecord } from '../records/schema';
import { lastCheckInDate, nextCheckIn, reviewStatus } from './checkins';
import { metricAgainstBenchmark, type MetricCheck } from './metrics';
import { weightedScore } from './scorecard';

/**
 * Makes text from a record safe to put in a line of Markdown: it reads as the same text and
 * can add no structure. Line breaks become spaces (no new block can start), `<`, `>` and `&`
 * become entities (no HTML), and Markdown punctuation is escaped: brackets (no links or images),
 * `|` (no new table cell), emphasis and code marks, `#`, `$`. `:` and a `.` inside a word are
 * escaped too, which stops bare links such as `https://...` or `example.com` from being made
 * into links by renderers that linkify text (the Markdown preview does).
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    // Bidirectional controls can make text display in another order than it is stored.
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]#|~$:]/g, (c) => `\\${c}`)
    .replace(/\.(?=[\p{L}\p{N}])/gu, '\\.')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export interface ReportOptions {
  /** Your community's name, for the title. */
  communityName?: string;
  /** YYYY-MM-DD. */
  today: string;
}

function stageText(record: PartnershipRecord): string {
  return (STAGES as readonly string[]).includes(record.stage) ? record.stage : escapeMarkdown(String(record.stage));
}

function typeTitles(record: PartnershipRecord): string {
  if (record.types.length === 0) return 'none yet';
  // Semicolons: some type titles have commas of their own ("Co-hosted AMA, workshop or webinar").
  return record.types.map((t) => escapeMarkdown(partnershipType(t)?.title ?? t)).join('; ');
}

function number(n: number): string {
  return Number.isInteger(n) ? formatCount(n) : String(Math.round(n * 100) / 100);
}

function scoreText(record: PartnershipRecord): string {
  const s = weightedScore(record.scores);
  if (s.total === undefined) return 'not scored';
  const total = s.total.toFixed(2);
  return s.verdict ? `${total} of 5: ${s.verdict === 'caution' ? 'proceed with caution' : s.verdict}` : `${total} of 5 from ${s.scored} of 6 criteria (no verdict until all six are scored)`;
}

function shortScore(record: PartnershipRecord): string {
  const s = weightedScore(record.scores);
  if (s.total === undefined) return '-';
  return s.verdict ? `${s.total.toFixed(2)} (${s.verdict})` : `${s.total.toFixed(2)} (${s.scored}/6 scored)`;
}

function dateText(date: string | undefined): string {
  return date === undefined ? '' : escapeMarkdown(date);
}

function checkInText(record: PartnershipRecord, today: string): string {
  const next = nextCheckIn(record, today);
  switch (next.status) {
    case 'not-running':
      return `none due (stage ${stageText(record)})`;
    case 'overdue':
      return `${dateText(next.due)}, overdue by ${next.overdueDays} day${next.overdueDays === 1 ? '' : 's'}`;
    case 'due-soon':
      return `${dateText(next.due)}, due soon`;
    case 'ok':
      return dateText(next.due);
  }
}

function rangeText(range: Range, unit: MetricCheck['unit']): string {
  const span = range.low === range.high ? number(range.low) : `${number(range.low)}-${number(range.high)}`;
  if (unit === 'percent') return `${span}%`;
  if (unit === 'multiplier') return `${span}x`;
  return `${span} new members per unit`;
}

function valueText(value: number, unit: MetricCheck['unit']): string {
  if (unit === 'percent') return `${number(value)}%`;
  if (unit === 'multiplier') return `${number(value)}x`;
  return number(value);
}

function metricsSection(record: PartnershipRecord): string[] {
  const rows: string[] = [];
  for (const m of SUCCESS_METRICS) {
    if (!record.metrics.some((e) => e.metric === m.id)) continue;
    const check = metricAgainstBenchmark(record, m.id);
    const latest = check.latest === undefined ? '-' : `${valueText(check.latest, check.unit)} (${dateText(check.latestDate)})`;
    const bench = check.benchmark ? rangeText(check.benchmark, check.unit) : '-';
    const status = check.status === 'no-benchmark' ? 'no benchmark' : check.status;
    rows.push(`| ${m.title} | ${latest} | ${bench} | ${status} |`);
  }
  if (rows.length === 0) return ['No measurements recorded yet.'];
  return ['| Metric | Latest | Benchmark | Status |', '| --- | --- | --- | --- |', ...rows];
}

function checkInsSection(record: PartnershipRecord, today: string): string[] {
  const lines: string[] = [];
  const lastDate = lastCheckInDate(record);
  if (lastDate === undefined) {
    lines.push('- **Latest:** none yet');
  } else {
    // Of several check-ins on the latest day, the one written last.
    const latest = [...record.checkIns].reverse().find((c) => c.date === lastDate)!;
    const parts = [dateText(latest.date)];
    if (latest.worthContinuing) parts.push(`worth continuing: ${escapeMarkdown(latest.worthContinuing)}`);
    if (latest.notes) parts.push(escapeMarkdown(latest.notes));
    lines.push(`- **Latest:** ${parts.join('; ')}`);
  }
  lines.push(`- **Next due:** ${checkInText(record, today)}`);
  const answers = WORTH_CONTINUING.map((a) => ({ a, n: record.checkIns.filter((c) => c.worthContinuing === a).length }));
  if (answers.some((x) => x.n > 0)) {
    lines.push(`- **Is this worth continuing?** ${answers.map((x) => `${x.a} ${x.n}`).join(', ')}`);
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
      return `${dateText(r.review)}, passed ${-r.daysUntil} day${r.daysUntil === -1 ? '' : 's'} ago`;
    case 'due-soon':
      return r.daysUntil === 0 ? `${dateText(r.review)}, today` : `${dateText(r.review)}, in ${r.daysUntil} day${r.daysUntil === 1 ? '' : 's'}`;
    case 'ok':
      return `${dateText(r.review)}, in ${r.daysUntil} days`;
  }
}

function recordSection(record: PartnershipRecord, today: string, heading: string): string[] {
  const lines = [`${heading} ${escapeMarkdown(record.partner)}`, ''];
  if (record.community) lines.push(`- **Their community:** ${escapeMarkdown(record.community)}`);
  if (record.contact) lines.push(`- **Contact:** ${escapeMarkdown(record.contact)}`);
  lines.push(`- **Stage:** ${stageText(record)}`);
  lines.push(`- **Types:** ${typeTitles(record)}`);
  const owners = [record.owners.ours && `${escapeMarkdown(record.owners.ours)} (ours)`, record.owners.theirs && `${escapeMarkdown(record.owners.theirs)} (theirs)`].filter(Boolean);
  if (owners.length) lines.push(`- **Owners:** ${owners.join(', ')}`);
  if (record.start) lines.push(`- **Started:** ${dateText(record.start)}`);
  const review = reviewText(record, today);
  if (review) lines.push(`- **Review:** ${review}`);
  if (record.partnerSize !== undefined && Number.isFinite(record.partnerSize)) lines.push(`- **Their size:** ${formatCount(record.partnerSize)} members`);
  lines.push(`- **Score:** ${scoreText(record)}`);
  lines.push('', `${heading}# Metrics`, '', ...metricsSection(record), '', `${heading}# Check-ins`, '', ...checkInsSection(record, today), '');
  return lines;
}

/**
 * A Markdown report of one partnership or several: stage, types, score and verdict, metrics
 * against the playbook's benchmarks and check-ins, as of `today`. Records appear in the order
 * given. Everything taken from a record is escaped (see escapeMarkdown).
 */
export function renderReport(records: readonly PartnershipRecord[], opts: ReportOptions): string {
  const today = opts.today;
  const community = opts.communityName?.trim() ? escapeMarkdown(opts.communityName) : undefined;
  if (records.length === 1) {
    const r = records[0];
    const lines = [`# Partnership report: ${escapeMarkdown(r.partner)}`, ''];
    lines.push(`${community ? `${community}, as` : 'As'} of ${escapeMarkdown(today)}.`, '');
    lines.push(...recordSection(r, today, '##').slice(2));
    return lines.join('\n');
  }

  const lines = [`# Partnerships report${community ? `: ${community}` : ''}`, ''];
  if (records.length === 0) {
    lines.push(`As of ${escapeMarkdown(today)}: no partnerships yet.`, '');
    return lines.join('\n');
  }
  const byStage = STAGES.map((s) => ({ s, n: records.filter((r) => r.stage === s).length })).filter((x) => x.n > 0);
  const overdue = records.filter((r) => nextCheckIn(r, today).status === 'overdue').length;
  lines.push(
    `As of ${escapeMarkdown(today)}: ${records.length} partnerships (${byStage.map((x) => `${x.n} ${x.s}`).join(', ')}); ${overdue} with a check-in overdue.`,
    '',
    '| Partner | Stage | Types | Score | Next check-in |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const r of records) {
    lines.push(`| ${escapeMarkdown(r.partner)} | ${stageText(r)} | ${typeTitles(r)} | ${shortScore(r)} | ${checkInText(r, today)} |`);
  }
  lines.push('');
  for (const r of records) lines.push(...recordSection(r, today, '##'));
  return lines.join('\n');
}
