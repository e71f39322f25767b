import type { PlannerContextInfo, PlannerFromWebview, PlannerRow, PlannerToWebview } from '../protocol';
import { clear, h, icon, vscodeApi } from './lib/dom';
import { bar, sparkline } from './lib/svg';
// Display math runs here, from the same pure domain the extension uses.
import { PARTNERSHIP_CATEGORIES, PARTNERSHIP_TYPES, PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS, partnershipType, playbookFor, type PartnershipTypeId, type ScorecardCriterionId, type SuccessMetricId } from '../../core/domain';
import { VERDICT_LABELS, formatScore, verdictText, weightedScore, suggestSimilarSize } from '../../core/planner/scorecard';
import { forecast, FORECAST_DISCLAIMER } from '../../core/planner/forecast';
import { metricAgainstBenchmark, metricSeries } from '../../core/planner/metrics';
import { nextCheckIn, reviewStatus } from '../../core/planner/checkins';
import { formatCount, parseNumber } from '../../core/numbers';
import { dateProblem } from '../../core/dates';
import type { PartnershipRecord, Stage } from '../../core/records/schema';

const STAGES: Stage[] = ['prospect', 'contacted', 'agreed', 'active', 'ended'];
const STAGE_ICONS: Record<Stage, string> = { prospect: 'search', contacted: 'mail', agreed: 'pass', active: 'pulse', ended: 'circle-slash' };
const PAGE = 25;
type Section = 'context' | 'pipeline' | 'record' | 'plan';

interface State {
  open: Record<Section, boolean>;
  text: string;
  stage: Stage | 'broken' | '';
  type: string;
  owner: string;
  offset: number;
  selected?: string;
  plan: { type: string; count: number }[];
}

const vscode = vscodeApi<State>();
const saved = vscode.getState();
const state: State = {
  open: { context: true, pipeline: true, record: true, plan: false, ...saved?.open },
  text: saved?.text ?? '',
  stage: saved?.stage ?? '',
  type: saved?.type ?? '',
  owner: saved?.owner ?? '',
  offset: saved?.offset ?? 0,
  selected: saved?.selected,
  plan: saved?.plan ?? [{ type: 'newsletter-cross-promotion', count: 1 }],
};
const save = () => vscode.setState(state);

let today = new Date().toISOString().slice(0, 10);
let readOnly = false;
let context: PlannerContextInfo | undefined;
let counts: Record<Stage | 'broken', number> = { prospect: 0, contacted: 0, agreed: 0, active: 0, ended: 0, broken: 0 };
let total = 0;
let overdue = 0;
let owners: string[] = [];
let loading = true;
let page: { items: PlannerRow[]; total: number } = { items: [], total: 0 };
let requestId = 0;
let current: Extract<PlannerToWebview, { type: 'record' }> | undefined;

document.body.classList.add('sidebar', 'planner');
const root = document.getElementById('app') as HTMLElement;
const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });

function send(m: PlannerFromWebview): void {
  vscode.postMessage(m);
}

function query(): void {
  send({
    type: 'query',
    requestId: ++requestId,
    offset: state.offset,
    limit: PAGE,
    ...(state.text.trim() ? { text: state.text.trim() } : {}),
    ...(state.stage ? { stage: state.stage } : {}),
    ...(state.type ? { partnershipType: state.type } : {}),
    ...(state.owner ? { owner: state.owner } : {}),
  });
}

function showStatus(kind: 'info' | 'error', text: string): void {
  clear(status);
  status.className = `status ${kind}`;
  status.append(icon(kind === 'error' ? 'error' : 'check'), ' ' + text);
}

// ---- Layout -------------------------------------------------------------------------------

function section(id: Section, title: string, body: Node[], extra?: Node): HTMLElement {
  const details = h('details', { class: 'section', id: `section-${id}` });
  details.open = state.open[id];
  details.addEventListener('toggle', () => {
    state.open[id] = details.open;
    save();
  });
  const summary = h('summary', {}, icon('chevron-right', 'twisty'), h('span', { class: 'section-title' }, title));
  if (extra) summary.appendChild(extra);
  details.append(summary, h('div', { class: 'section-body' }, ...body));
  return details;
}

/** What the user has typed in the forms, kept across re-renders (the data changes under them). */
const drafts = new Map<string, string | boolean>();

const ORDER: Section[] = ['context', 'pipeline', 'record', 'plan'];

function build(id: Section): HTMLElement | undefined {
  switch (id) {
    case 'context':
      return section('context', 'Context', contextBody());
    case 'pipeline':
      lastPipeline = pipelineKey();
      return section('pipeline', 'Pipeline', pipelineBody(), h('span', { class: 'count-badge', 'aria-label': `${total} partnerships` }, String(total)));
    case 'record':
      shownRecord = current?.id;
      return state.selected ? section('record', current?.row ? current.row.partner : 'Partnership', recordBody()) : undefined;
    case 'plan':
      return section('plan', 'Plan and forecast', planBody());
  }
}

/**
 * Builds the given sections again in place; the others stay as they are, so that a click or
 * typing in one section is never lost to an update of another.
 */
function render(only: readonly Section[] = ORDER): void {
  const focusId = document.activeElement?.id;
  // Drafts belong to the record whose forms they were typed in.
  if (shownRecord === current?.id) for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-draft]')) {
    drafts.set(el.id, el instanceof HTMLInputElement && el.type === 'radio' ? el.checked : el.value);
  }
  if (!root.contains(status)) root.append(status);
  for (const id of ORDER) {
    if (!only.includes(id)) continue;
    const old = document.getElementById(`section-${id}`);
    const next = build(id);
    if (old && next) old.replaceWith(next);
    else if (old) old.remove();
    else if (next) {
      const after = ORDER.slice(ORDER.indexOf(id) + 1)
        .map((s) => document.getElementById(`section-${s}`))
        .find((e): e is HTMLElement => !!e);
      root.insertBefore(next, after ?? status);
    }
  }
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-draft]')) {
    const v = drafts.get(el.id);
    if (v === undefined) continue;
    if (typeof v === 'boolean') (el as HTMLInputElement).checked = v;
    else el.value = v;
  }
  if (focusId && document.activeElement?.id !== focusId) document.getElementById(focusId)?.focus();
}

let lastPipeline = '';
let shownRecord: string | undefined;
function pipelineKey(): string {
  return JSON.stringify([page, counts, total, owners, loading, state.selected, state.stage, state.offset]);
}

function contextBody(): Node[] {
  if (!context) return [h('p', { class: 'description' }, 'Open a folder to plan partnerships.')];
  if (context.state === 'missing') {
    const create = h('button', { type: 'button', class: 'secondary', id: 'create-context' }, icon('new-file'), 'Create Community Context');
    create.addEventListener('click', () => send({ type: 'run', command: 'createContext' }));
    return [h('p', { class: 'description' }, 'No community context yet: it fills your name and size into pitches and the scorecard.'), create];
  }
  if (context.state === 'unreadable') {
    return [h('p', { class: 'notice error' }, icon('warning'), `${context.filePath} could not be read.`)];
  }
  const link = h('button', { type: 'button', class: 'link', id: 'open-context', title: `Open ${context.filePath}` }, icon('go-to-file'), context.filePath);
  link.addEventListener('click', () => send({ type: 'run', command: 'openContext' }));
  const filled = context.filled ?? 0;
  const of = context.total ?? 0;
  const meter = bar(filled / Math.max(1, of), `Context completeness: ${filled} of ${of} fields filled`);
  return [
    h('div', { class: 'context-line' }, icon('organization'), h('strong', {}, context.name ?? 'Unnamed community'), h('span', { class: 'muted' }, `${filled}/${of} fields`)),
    meter as unknown as HTMLElement,
    context.size !== undefined ? h('p', { class: 'muted' }, `${formatCount(context.size)} members`) : null,
    link,
  ].filter((n): n is HTMLElement => !!n);
}

function pipelineBody(): Node[] {
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Filter by stage' });
  const chip = (value: State['stage'], label: string, n: number, iconName?: string) => {
    const b = h('button', { type: 'button', class: 'chip', id: `stage-${value || 'all'}`, 'aria-pressed': state.stage === value ? 'true' : 'false' }, iconName ? icon(iconName) : null, label, h('span', { class: 'chip-count' }, String(n)));
    b.addEventListener('click', () => {
      state.stage = value;
      state.offset = 0;
      save();
      render(['pipeline']);
      query();
    });
    chips.appendChild(b);
  };
  chip('', 'All', total);
  for (const s of STAGES) chip(s, cap(s), counts[s], STAGE_ICONS[s]);
  if (counts.broken > 0) chip('broken', 'Broken', counts.broken, 'warning');

  const search = h('input', { type: 'search', id: 'search', placeholder: 'Search partners, communities, owners', 'aria-label': 'Search partnerships' });
  search.value = state.text;
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    state.text = search.value;
    state.offset = 0;
    save();
    if (timer) clearTimeout(timer);
    timer = setTimeout(query, 150);
  });

  const typeSelect = h('select', { id: 'filter-type', 'aria-label': 'Filter by partnership type' }, h('option', { value: '' }, 'All types'));
  for (const c of PARTNERSHIP_CATEGORIES) {
    const group = h('optgroup', { label: c.title });
    for (const t of c.types) group.appendChild(h('option', { value: t.id }, t.title));
    typeSelect.appendChild(group);
  }
  typeSelect.value = state.type;
  typeSelect.addEventListener('change', () => {
    state.type = typeSelect.value;
    state.offset = 0;
    save();
    query();
  });
  const ownerSelect = h('select', { id: 'filter-owner', 'aria-label': 'Filter by owner' }, h('option', { value: '' }, 'All owners'), ...owners.map((o) => h('option', { value: o }, o)));
  ownerSelect.value = owners.includes(state.owner) ? state.owner : '';
  ownerSelect.addEventListener('change', () => {
    state.owner = ownerSelect.value;
    state.offset = 0;
    save();
    query();
  });

  const list = h('ul', { class: 'rows', id: 'rows', 'aria-label': 'Partnerships' });
  page.items.forEach((r, i) => list.appendChild(rowItem(r, i)));
  const body: Node[] = [chips, search, h('div', { class: 'filters' }, typeSelect, ownerSelect)];
  if (readOnly) body.unshift(h('p', { class: 'notice' }, icon('shield'), 'Restricted Mode: this workspace is not trusted, so the planner only reads the records.'));
  if (loading && total === 0) body.push(h('p', { class: 'muted' }, icon('loading', 'codicon-modifier-spin'), ' Reading partnership records…'));
  else if (page.total === 0) {
    if (total === 0) {
      const create = h('button', { type: 'button', class: 'primary', id: 'new-partnership-empty' }, icon('add'), 'New Partnership');
      create.addEventListener('click', () => send({ type: 'run', command: 'newPartnership' }));
      body.push(h('p', { class: 'description' }, 'No partnerships yet. Each partnership is a Markdown file in your partnerships folder: plain files you share and review in git.'), create);
    } else body.push(h('p', { class: 'muted' }, 'No partnership matches these filters.'));
  } else body.push(list);

  if (page.total > PAGE) {
    const prev = h('button', { type: 'button', class: 'icon', id: 'page-prev', 'aria-label': 'Previous page', title: 'Previous page', disabled: state.offset === 0 }, icon('chevron-left'));
    const next = h('button', { type: 'button', class: 'icon', id: 'page-next', 'aria-label': 'Next page', title: 'Next page', disabled: state.offset + PAGE >= page.total }, icon('chevron-right'));
    prev.addEventListener('click', () => turn(-PAGE));
    next.addEventListener('click', () => turn(PAGE));
    body.push(h('div', { class: 'pager' }, prev, h('span', { class: 'muted' }, `${formatCount(state.offset + 1)}–${formatCount(Math.min(state.offset + PAGE, page.total))} of ${formatCount(page.total)}`), next));
  }
  const add = h('button', { type: 'button', class: 'secondary', id: 'new-partnership' }, icon('add'), 'New Partnership');
  add.addEventListener('click', () => send({ type: 'run', command: 'newPartnership' }));
  if (total > 0) body.push(h('div', { class: 'actions' }, add));
  return body;
}

function turn(by: number): void {
  state.offset = Math.max(0, state.offset + by);
  save();
  query();
}

function rowItem(r: PlannerRow, i: number): HTMLElement {
  const due = r.nextCheckIn && r.nextCheckIn < today;
  const meta: string[] = [];
  if (r.community) meta.push(r.community);
  if (r.score !== undefined) meta.push(`${formatScore(r.score)}${r.verdict ? ' ' + verdictLabel(r.verdict) : ''}`);
  const b = h(
    'button',
    { type: 'button', class: 'row', id: `row-${i}`, 'aria-current': r.id === state.selected ? 'true' : undefined, 'aria-label': rowLabel(r) },
    icon(r.broken ? 'warning' : STAGE_ICONS[r.stage ?? 'prospect'], r.broken ? 'error-icon' : 'stage-icon'),
    h(
      'span',
      { class: 'row-main' },
      h('span', { class: 'row-title' }, r.partner),
      h('span', { class: 'row-meta' }, r.broken ? (r.problem ?? 'Could not be read') : meta.join(' · ') || (r.types.map((t) => partnershipType(t)?.title ?? t).join(', ') || r.fileName)),
    ),
    due ? icon('bell-dot', 'due-icon') : null,
    h('span', { class: `stage-badge ${r.broken ? 'broken' : (r.stage ?? '')}` }, r.broken ? 'broken' : (r.stage ?? '')),
  );
  b.addEventListener('click', () => selectRecord(r.id));
  b.addEventListener('keydown', (e) => {
    const rows = [...root.querySelectorAll<HTMLButtonElement>('.rows .row')];
    const at = rows.indexOf(b);
    const go = (n: number) => rows[Math.max(0, Math.min(rows.length - 1, n))]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(rows.length - 1);
    else return;
    e.preventDefault();
  });
  return h('li', {}, b);
}

function rowLabel(r: PlannerRow): string {
  const parts = [r.partner, r.broken ? 'broken record' : `stage ${r.stage}`];
  if (r.score !== undefined) parts.push(`score ${formatScore(r.score)}${r.verdict ? ', ' + verdictText(r.verdict) : ''}`);
  if (r.nextCheckIn && r.nextCheckIn < today) parts.push(`check-in overdue since ${r.nextCheckIn}`);
  return parts.join(', ');
}

function selectRecord(id: string): void {
  state.selected = id;
  state.open.record = true;
  save();
  send({ type: 'select', id });
}

// ---- The selected record -------------------------------------------------------------------

function recordBody(): Node[] {
  if (!current || current.id !== state.selected) return [h('p', { class: 'muted' }, 'Loading…')];
  const openFile = h('button', { type: 'button', class: 'link', id: 'open-record', title: `Open ${current.filePath}` }, icon('go-to-file'), current.filePath || 'Open file');
  openFile.addEventListener('click', () => send({ type: 'open', id: current!.id }));
  if (!current.row) return [h('p', { class: 'muted' }, 'This partnership record is no longer in the workspace.')];
  const record = current.record;
  if (!record) {
    return [
      h('p', { class: 'notice error' }, icon('error'), 'This record could not be read as a partnership. Fix it in the file; the Problems panel shows where.'),
      h('ul', { class: 'problems' }, ...current.problems.map((p) => h('li', {}, `Line ${p.line + 1}: ${p.message}`))),
      openFile,
    ];
  }
  const id = current.id;
  const stageSelect = h('select', { id: 'stage', disabled: readOnly }, ...STAGES.map((s) => h('option', { value: s }, cap(s))));
  stageSelect.value = record.stage;
  stageSelect.addEventListener('change', () => send({ type: 'setStage', id, stage: stageSelect.value as Stage }));
  const head = h(
    'div',
    { class: 'record-head' },
    record.community ? h('p', { class: 'muted' }, record.community) : null,
    h('p', { class: 'muted' }, record.types.length ? record.types.map((t) => partnershipType(t)?.title ?? t).join(' · ') : 'No partnership types yet'),
    h('div', { class: 'field inline' }, h('label', { for: 'stage' }, 'Stage'), stageSelect),
    openFile,
  );
  const warnings = current.problems.length
    ? h('p', { class: 'notice' }, icon('warning'), `${current.problems.length} problem${current.problems.length === 1 ? '' : 's'} in this file: see the Problems panel.`)
    : null;
  const nodes: Node[] = [head];
  if (warnings) nodes.push(warnings);
  nodes.push(fitBlock(id, record), metricsBlock(id, record), checkInsBlock(id, record));
  const playbook = playbookBlock(id, record);
  if (playbook) nodes.push(playbook);
  return nodes;
}

function subsection(title: string, iconName: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'sub', 'aria-label': title }, h('h3', {}, icon(iconName), title), ...children.filter((c): c is Node => !!c));
}

function fitBlock(id: string, record: PartnershipRecord): HTMLElement {
  const score = weightedScore(record.scores);
  const suggested = suggestSimilarSize(context?.size, record.partnerSize);
  const rows = SCORECARD_CRITERIA.map((c) => {
    const value = record.scores[c.id as ScorecardCriterionId];
    const group = h('div', { class: 'scores', role: 'group', 'aria-label': `${c.title}, weight ${Math.round(c.weight * 100)}%` });
    for (let n = 1; n <= 5; n++) {
      const b = h('button', { type: 'button', class: 'score', id: `score-${c.id}-${n}`, 'aria-pressed': value === n ? 'true' : 'false', 'aria-label': `${c.title}: ${n} of 5`, disabled: readOnly }, String(n));
      b.addEventListener('click', () => send({ type: 'setScore', id, criterion: c.id, score: value === n ? null : n }));
      group.appendChild(b);
    }
    const hint = h('div', { class: 'hint' }, c.hint);
    if (c.id === 'similarSize') {
      if (suggested !== undefined) {
        const use = h('button', { type: 'button', class: 'link', id: 'use-suggested-size', disabled: readOnly || value === suggested }, `Suggested: ${suggested}`);
        use.addEventListener('click', () => send({ type: 'setScore', id, criterion: 'similarSize', score: suggested }));
        hint.append(' ', use, h('span', { class: 'muted' }, ` (you ${formatCount(context!.size!)}, them ${formatCount(record.partnerSize!)} members)`));
      } else {
        hint.append(h('span', { class: 'muted' }, record.partnerSize === undefined ? ' Add partnerSize to the record for a suggestion.' : ' Add your size to the context for a suggestion.'));
      }
    }
    return h('div', { class: 'criterion' }, h('div', { class: 'criterion-head' }, h('span', {}, c.title), h('span', { class: 'muted' }, `${Math.round(c.weight * 100)}%`)), group, hint);
  });
  const totalLine =
    score.total === undefined
      ? h('p', { class: 'muted' }, 'Score each criterion from 1 (poor) to 5 (excellent).')
      : h(
          'p',
          { class: 'total', id: 'fit-total' },
          h('strong', {}, `${formatScore(score.total)} of 5`),
          score.verdict
            ? h('span', { class: `verdict ${score.verdict}` }, verdictLabel(score.verdict))
            : h('span', { class: 'muted' }, `, from ${score.scored} of 6 criteria: score all six for a verdict`),
        );
  return subsection('Partner fit', 'checklist', totalLine, ...rows, h('p', { class: 'hint' }, '3.5 or more: pursue. 2.5 to 3.4: proceed cautiously. Under 2.5: pass.'));
}

function unitText(value: number, unit: string | undefined): string {
  const n = Number.isInteger(value) ? formatCount(value) : String(Math.round(value * 100) / 100);
  return unit === 'percent' ? `${n}%` : unit === 'multiplier' ? `${n}x` : n;
}

function metricsBlock(id: string, record: PartnershipRecord): HTMLElement {
  const items: Node[] = [];
  for (const m of SUCCESS_METRICS) {
    const series = metricSeries(record, m.id);
    if (series.length === 0) continue;
    const check = metricAgainstBenchmark(record, m.id);
    const latest = check.latest !== undefined ? unitText(check.latest, check.unit) : '-';
    const bench = check.benchmark ? `benchmark ${unitText(check.benchmark.low, check.unit)}–${unitText(check.benchmark.high, check.unit)}` : 'no benchmark';
    const label = `${m.title}: ${series.map((p) => `${unitText(p.value, check.unit)} on ${p.date}`).join(', ')}`;
    items.push(
      h(
        'div',
        { class: 'metric' },
        h('div', { class: 'metric-head' }, h('span', {}, m.title), check.status === 'below' || check.status === 'within' || check.status === 'above' ? h('span', { class: `status-badge ${check.status}` }, check.status) : null),
        h('div', { class: 'metric-body' }, h('span', { class: 'metric-value' }, latest), sparkline(series, label), h('span', { class: 'muted' }, bench)),
      ),
    );
  }
  if (items.length === 0) items.push(h('p', { class: 'muted' }, 'No measurements yet.'));

  const metric = h('select', { id: 'metric-name', 'data-draft': true, disabled: readOnly }, ...SUCCESS_METRICS.map((m) => h('option', { value: m.id }, m.title)));
  const value = h('input', { type: 'text', id: 'metric-value', 'data-draft': true, inputmode: 'decimal', placeholder: 'such as 85 or 45%', disabled: readOnly });
  const date = h('input', { type: 'date', id: 'metric-date', 'data-draft': true, value: today, disabled: readOnly });
  const note = h('input', { type: 'text', id: 'metric-note', 'data-draft': true, placeholder: 'Note (optional)', disabled: readOnly });
  const form = h(
    'form',
    { class: 'mini-form', 'aria-label': 'Log a metric' },
    h('div', { class: 'field' }, h('label', { for: 'metric-name' }, 'Metric'), metric),
    h('div', { class: 'two' }, h('div', { class: 'field' }, h('label', { for: 'metric-value' }, 'Value'), value), h('div', { class: 'field' }, h('label', { for: 'metric-date' }, 'Date'), date)),
    h('div', { class: 'field' }, h('label', { for: 'metric-note' }, 'Note'), note),
    h('button', { type: 'submit', class: 'secondary', id: 'log-metric', disabled: readOnly }, icon('graph-line'), 'Log metric'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = parseNumber(value.value);
    if (v === undefined) {
      showStatus('error', 'Write the value as a number, such as 85, 45% or 2.5x.');
      value.focus();
      return;
    }
    const badDate = date.value ? dateProblem(date.value) : 'Pick the date it was measured.';
    if (badDate) {
      showStatus('error', badDate);
      return;
    }
    send({ type: 'logMetric', id, metric: metric.value as SuccessMetricId, value: v, date: date.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
  });
  return subsection('Metrics', 'graph-line', ...items, form);
}

function checkInsBlock(id: string, record: PartnershipRecord): HTMLElement {
  const next = nextCheckIn(record, today);
  const review = reviewStatus(record, today);
  const cadence = h('select', { id: 'cadence', disabled: readOnly }, ...(['weekly', 'bi-weekly', 'monthly', 'quarterly'] as const).map((c) => h('option', { value: c }, cap(c))));
  cadence.value = record.cadence;
  cadence.addEventListener('change', () => send({ type: 'setCadence', id, cadence: cadence.value as PartnershipRecord['cadence'] }));
  const nextLine =
    next.status === 'not-running'
      ? h('p', { class: 'muted' }, `No check-ins are due at the ${record.stage} stage.`)
      : h(
          'p',
          { class: `due ${next.status}`, id: 'next-check-in' },
          icon(next.status === 'overdue' ? 'bell-dot' : 'calendar'),
          next.status === 'overdue' ? `Overdue: was due ${next.due} (${next.overdueDays} day${next.overdueDays === 1 ? '' : 's'} ago)` : next.status === 'due-soon' ? `Due soon: ${next.due}` : `Next check-in: ${next.due}`,
        );
  const reviewLine =
    review.status === 'none'
      ? h('p', { class: 'muted' }, 'No review date yet: add "review: YYYY-MM-DD" to the front matter.')
      : h(
          'p',
          { class: `due ${review.status === 'overdue' ? 'overdue' : review.status === 'due-soon' ? 'due-soon' : ''}` },
          icon('milestone'),
          review.status === 'overdue' ? `Review was due ${review.review}` : `Review: ${review.review}${review.daysUntil !== undefined ? (review.daysUntil === 0 ? ' (today)' : review.daysUntil === 1 ? ' (tomorrow)' : ` (in ${review.daysUntil} days)`) : ''}`,
        );
  const recent = [...record.checkIns].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, 3);
  const list = recent.length
    ? h(
        'ul',
        { class: 'check-ins' },
        ...recent.map((c) =>
          h('li', {}, h('span', { class: 'check-in-date' }, c.date), c.worthContinuing ? h('span', { class: `worth ${c.worthContinuing}` }, `worth continuing: ${c.worthContinuing}`) : null, c.notes ? h('div', { class: 'check-in-notes' }, c.notes) : null),
        ),
      )
    : h('p', { class: 'muted' }, 'No check-ins logged yet.');

  const date = h('input', { type: 'date', id: 'check-in-date', 'data-draft': true, value: today, disabled: readOnly });
  const notes = h('textarea', { id: 'check-in-notes', 'data-draft': true, rows: 3, placeholder: 'Numbers against targets, what worked, what did not, next steps', disabled: readOnly });
  const worth = h('fieldset', { class: 'worth-group' }, h('legend', {}, 'Is this worth continuing?'));
  for (const w of ['yes', 'unsure', 'no'] as const) {
    const input = h('input', { type: 'radio', name: 'worth', id: `worth-${w}`, value: w, disabled: readOnly, 'data-draft': true });
    worth.appendChild(h('label', { class: 'radio', for: `worth-${w}` }, input, cap(w)));
  }
  const form = h(
    'form',
    { class: 'mini-form', 'aria-label': 'Log a check-in' },
    h('div', { class: 'field' }, h('label', { for: 'check-in-date' }, 'Date'), date),
    h('div', { class: 'field' }, h('label', { for: 'check-in-notes' }, 'Notes'), notes),
    worth,
    h('button', { type: 'submit', class: 'secondary', id: 'log-check-in', disabled: readOnly }, icon('comment-discussion'), 'Log check-in'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const badDate = date.value ? dateProblem(date.value) : 'Pick the date of the check-in.';
    if (badDate) {
      showStatus('error', badDate);
      return;
    }
    const picked = worth.querySelector<HTMLInputElement>('input:checked')?.value as 'yes' | 'no' | 'unsure' | undefined;
    send({ type: 'logCheckIn', id, date: date.value, ...(notes.value.trim() ? { notes: notes.value.trim() } : {}), ...(picked ? { worthContinuing: picked } : {}) });
  });
  return subsection('Check-ins', 'calendar', h('div', { class: 'field inline' }, h('label', { for: 'cadence' }, 'Cadence'), cadence), nextLine, reviewLine, list, form);
}

function playbookBlock(id: string, record: PartnershipRecord): HTMLElement | undefined {
  const ids = [...new Set(record.types.map((t) => playbookFor(t)).filter((p): p is keyof typeof PLAYBOOKS => p !== undefined))];
  if (ids.length === 0) return undefined;
  const blocks = ids.map((pid) => {
    const done = new Set(record.playbook[pid] ?? []);
    const pb = PLAYBOOKS[pid];
    return h(
      'div',
      { class: 'playbook' },
      h('div', { class: 'criterion-head' }, h('span', {}, pb.title), h('span', { class: 'muted' }, `${pb.steps.filter((_, i) => done.has(i + 1)).length}/${pb.steps.length}`)),
      h(
        'ul',
        { class: 'checklist' },
        ...pb.steps.map((step, i) => {
          const box = h('input', { type: 'checkbox', id: `step-${pid}-${i + 1}`, disabled: readOnly });
          box.checked = done.has(i + 1);
          box.addEventListener('change', () => send({ type: 'setPlaybookStep', id, playbook: pid, step: i + 1, done: box.checked }));
          return h('li', {}, h('label', { class: 'check', for: `step-${pid}-${i + 1}` }, box, h('span', {}, step)));
        }),
      ),
    );
  });
  return subsection('Co-marketing playbook', 'tasklist', ...blocks);
}

// ---- Plan and forecast ----------------------------------------------------------------------

function planBody(): Node[] {
  const rows = state.plan.map((p, i) => {
    const type = h('select', { id: `plan-type-${i}`, 'aria-label': `Planned type ${i + 1}` });
    for (const c of PARTNERSHIP_CATEGORIES) {
      const group = h('optgroup', { label: c.title });
      for (const t of c.types) group.appendChild(h('option', { value: t.id }, t.title));
      type.appendChild(group);
    }
    type.value = p.type;
    type.addEventListener('change', () => {
      p.type = type.value;
      save();
      render(['plan']);
    });
    const count = h('input', { type: 'number', id: `plan-count-${i}`, min: 0, max: 99, step: 1, 'aria-label': `How many this quarter (${partnershipType(p.type)?.title ?? p.type})` });
    count.value = String(p.count);
    count.addEventListener('change', () => {
      p.count = Math.max(0, Math.min(99, Math.floor(Number(count.value) || 0)));
      save();
      render(['plan']);
    });
    const remove = h('button', { type: 'button', class: 'icon', 'aria-label': 'Remove from the plan', title: 'Remove' }, icon('close'));
    remove.addEventListener('click', () => {
      state.plan.splice(i, 1);
      save();
      render(['plan']);
    });
    return h('div', { class: 'plan-row' }, type, count, remove);
  });
  const add = h('button', { type: 'button', class: 'link', id: 'plan-add' }, icon('add'), 'Add a partnership type');
  add.addEventListener('click', () => {
    const used = new Set(state.plan.map((p) => p.type));
    state.plan.push({ type: PARTNERSHIP_TYPES.find((t) => !used.has(t.id))?.id ?? 'co-hosted-event', count: 1 });
    save();
    render(['plan']);
  });
  const f = forecast(state.plan.map((p) => ({ type: p.type as PartnershipTypeId, count: p.count })));
  const money = (n: number) => `$${formatCount(n)}`;
  const range = (low: number, high: number, fmt: (n: number) => string = formatCount) => (low === high ? fmt(low) : `${fmt(low)}–${fmt(high)}`);
  const result = h(
    'dl',
    { class: 'forecast', id: 'forecast' },
    h('dt', {}, 'New members'),
    h('dd', {}, range(f.newMembers.low, f.newMembers.high)),
    h('dt', {}, 'Engagement'),
    h('dd', {}, f.engagement.length ? h('ul', {}, ...f.engagement.map((e) => h('li', {}, `${e.benchmark}: ${e.kind === 'percent' ? `${e.range.low}–${e.range.high}%` : `${e.range.low}–${e.range.high}x`} ${e.what}`))) : '-'),
    h('dt', {}, 'Cost'),
    h('dd', {}, range(f.cost.low, f.cost.high, money), ...f.costNotes.map((n) => h('div', { class: 'muted' }, `+ ${n}`))),
  );
  const nodes: Node[] = [h('p', { class: 'description' }, 'What you plan for this quarter, and how many of each:'), ...rows, add, result];
  if (f.unbenchmarked.length) nodes.push(h('p', { class: 'muted' }, `No benchmark for ${f.unbenchmarked.map((t) => partnershipType(t)?.title ?? t).join(', ')}: not counted.`));
  nodes.push(h('p', { class: 'notice info' }, icon('info'), FORECAST_DISCLAIMER));
  return nodes;
}

// ---- Helpers ----------------------------------------------------------------------------------

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function verdictLabel(v: 'pursue' | 'caution' | 'pass'): string {
  return VERDICT_LABELS[v];
}

function resetFields(ids: string[]): void {
  for (const id of ids) {
    drafts.delete(id);
    const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
    if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = false;
    else if (el) el.value = '';
  }
}

window.addEventListener('message', (event: MessageEvent<PlannerToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      today = m.today;
      readOnly = m.readOnly;
      context = m.context;
      render();
      query();
      if (state.selected) send({ type: 'select', id: state.selected });
      break;
    case 'changed':
      counts = m.counts;
      total = m.total;
      overdue = m.overdue;
      owners = m.owners;
      loading = m.loading;
      if (JSON.stringify(m.context) !== JSON.stringify(context)) {
        context = m.context;
        render(['context', 'record']);
      }
      query();
      break;
    case 'page':
      if (m.requestId !== requestId) return; // an older answer
      page = { items: m.items, total: m.total };
      if (state.offset > 0 && state.offset >= m.total) {
        state.offset = Math.max(0, Math.floor((m.total - 1) / PAGE) * PAGE);
        save();
        query();
        return;
      }
      if (pipelineKey() !== lastPipeline) render(['pipeline']);
      break;
    case 'record':
      if (m.id !== state.selected) return;
      if (current?.id !== m.id) drafts.clear();
      else if (JSON.stringify(current) === JSON.stringify(m)) return;
      current = m;
      render(pipelineKey() !== lastPipeline ? ['record', 'pipeline'] : ['record']);
      break;
    case 'select':
      selectRecord(m.id);
      break;
    case 'notice':
      // A logged entry empties its form.
      if (m.kind === 'info' && /^Metric logged/.test(m.message)) resetFields(['metric-value', 'metric-note']);
      if (m.kind === 'info' && /^Check-in logged/.test(m.message)) resetFields(['check-in-notes', 'worth-yes', 'worth-no', 'worth-unsure']);
      showStatus(m.kind, m.message);
      break;
  }
  document.body.dataset.overdue = String(overdue);
});

render();
send({ type: 'ready' });
