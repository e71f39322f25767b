import '../../webview/lib/l10n';
// VS Code's own controls (@vscode-elements/elements), each component imported on its own.
import type { EditResult, PlannerContextInfo, PlannerFromWebview, PlannerPage, PlannerRecord, PlannerResults, PlannerRow, PlannerToWebview } from './protocol';
import { clear, h, icon, markRendered, vscodeApi, type VsCodeApi } from '../../webview/lib/dom';
import { Page } from '../../webview/lib/page';
import { client, failureText } from '../../webview/lib/rpc';
import { bar, seriesSwatch, sparkline } from '../../webview/lib/svg';
// Display math runs here, from the same pure domain the extension uses.
import { PARTNERSHIP_TYPES, PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS, playbookFor, type PartnershipTypeId, type SuccessMetricId } from '../../core/domain';
import { formatScore, weightedScore, suggestSimilarSize } from '../../core/planner/scorecard';
import { forecast, forecastDisclaimer, type PipelineForecast } from '../../core/planner/forecast';
import { l10n } from '../../core/l10n';
import { cadenceLabel, criterionHint, criterionTitle, metricTitle, playbookSteps, playbookTitle, reviewFlagText, stageLabel, typeCategories, typeTitle, verdictLabel, worthLabel } from '../../core/planner/labels';
import { reviewFlag } from '../../core/planner/checkins';
import { describeChange, type RecordChange } from '../../core/planner/changes';
import { formatCount, parseNumber, parsePlainCount } from '../../core/numbers';
import { dateProblem, formatDate } from '../../core/dates';
import type { CheckIn, MetricEntry, PartnershipRecord, Stage } from '../../core/records/schema';
import { STAGES, STAGE_ICONS } from '../../core/records/stages';
import { CADENCES, WORTH_SCALE, type Cadence, type WorthContinuing } from '../../core/records/vocabulary';
import { PLANNER_TEXT, ShownRecord, checkInItems, metricGroups, nextCheckInLine, reviewLine, rovingTarget, tabStop, type DueLine } from './model';

const PAGE = 25;
/** A run of changes to one field within this time is written once (arrow keys through a radio group). */
const COALESCE_MS = 350;
/** How long a date field's typing may pause before the date is written. */
const DATE_PAUSE_MS = 900;
type Section = 'context' | 'pipeline' | 'record' | 'plan';
/** What a field's text gives: the change to make, a problem to show, or nothing to do. */
type FieldReading = RecordChange | string | undefined;

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

function fieldKey(change: RecordChange): string | undefined {
  switch (change.kind) {
    case 'stage':
    case 'cadence':
      return change.kind;
    case 'score':
      return `score:${change.criterion}`;
    default:
      return undefined;
  }
}

const ORDER: Section[] = ['context', 'pipeline', 'record', 'plan'];

/** The focused text field's selection, or undefined for other elements and field kinds without one. */
function selectionOf(el: Element | null): { value: string; start: number; end: number; direction: 'forward' | 'backward' | 'none' } | undefined {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return undefined;
  try {
    const { selectionStart: start, selectionEnd: end } = el;
    if (start === null || end === null) return undefined;
    return { value: el.value, start, end, direction: el.selectionDirection ?? 'none' };
  } catch {
    return undefined;
  }
}

/**
 * A group of buttons that acts as one control: one Tab stop (the checked one, else the first),
 * arrows move and pick, Home and End go to the ends; `aria-checked` says which is picked, and
 * the style adds a glyph so that the pick never shows by colour alone.
 */
function radioGroup(group: HTMLElement, buttons: HTMLButtonElement[], checked: number, pick: (i: number) => void, options: { pickOnArrow?: boolean } = {}): void {
  const stop = tabStop(checked, buttons.length);
  buttons.forEach((b, i) => {
    b.setAttribute('role', 'radio');
    b.setAttribute('aria-checked', String(i === checked));
    b.tabIndex = i === stop ? 0 : -1;
    b.addEventListener('click', () => pick(i));
    b.addEventListener('keydown', (e) => {
      const to = rovingTarget(e.key, i, buttons.length);
      if (to === undefined) return;
      e.preventDefault();
      buttons[i].tabIndex = -1;
      buttons[to].tabIndex = 0;
      buttons[to].focus();
      if (options.pickOnArrow !== false) pick(to);
    });
    group.appendChild(b);
  });
}

function subsection(title: string, iconName: string, ...children: (Node | null | undefined)[]): HTMLElement {
  return h('section', { class: 'sub', 'aria-label': title }, h('h3', {}, icon(iconName), title), ...children.filter((c): c is Node => !!c));
}

/** A field's problem, shown under it and said by screen readers with it. */
function invalid(input: HTMLInputElement, message: string | undefined): boolean {
  const hintId = `${input.id}-problem`;
  document.getElementById(hintId)?.remove();
  if (!message) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    return false;
  }
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', hintId);
  input.insertAdjacentElement('afterend', h('div', { class: 'field-problem', id: hintId }, icon('error'), ` ${message}`));
  return true;
}

function dateChange(kind: 'start' | 'review', text: string): RecordChange | string {
  const t = text.trim();
  if (t === '') return { kind, value: null };
  return dateProblem(t) ?? { kind, value: t };
}

function readMetricForm(valueInput: HTMLInputElement, dateInput: HTMLInputElement): { value: number; date: string } | undefined {
  const v = parseNumber(valueInput.value);
  const badValue = invalid(valueInput, v === undefined ? l10n.t('Write the value as a number, such as 85, 45%, 2.5x or 1.2k.') : undefined);
  const date = dateInput.value.trim();
  const badDate = invalid(dateInput, date ? dateProblem(date) : l10n.t('Write the date it was measured, as YYYY-MM-DD.'));
  if (badValue) valueInput.focus();
  else if (badDate) dateInput.focus();
  return badValue || badDate || v === undefined ? undefined : { value: v, date };
}

/** A field of an entry editor, filled with the entry's value (what typing is measured against). */
function editorInput(id: string, label: string, value: string, extra: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { type: 'text', id, 'aria-label': label, 'data-draft': true, title: value || undefined, ...extra });
  input.value = value;
  input.dataset.initial = value;
  return input;
}

function metricStatusLabel(status: 'below' | 'within' | 'above'): string {
  return status === 'below' ? l10n.t({ message: 'below', comment: 'a metric against its benchmark' }) : status === 'within' ? l10n.t({ message: 'within', comment: 'a metric against its benchmark' }) : l10n.t({ message: 'above', comment: 'a metric against its benchmark' });
}

function dueLine(line: DueLine, id?: string): HTMLElement {
  if (line.status === 'none') return h('p', { class: 'muted', id }, line.text);
  return h('p', { class: `due ${line.status === 'scheduled' ? '' : line.status}`.trim(), id }, icon(line.icon), line.text);
}

function checkInDateProblem(text: string): string | undefined {
  return text ? dateProblem(text) : l10n.t('Write the date of the check-in, as YYYY-MM-DD.');
}

function rangeText(low: number, high: number, fmt: (n: number) => string = formatCount): string {
  return low === high ? fmt(low) : `${fmt(low)}–${fmt(high)}`;
}

// ---- Helpers ----------------------------------------------------------------------------------

/** A select's tooltip is the option it shows, whole (a long metric name is cut in a narrow sidebar). */
function showsPick(select: HTMLSelectElement): void {
  const update = () => (select.title = select.selectedOptions[0]?.textContent ?? '');
  update();
  select.addEventListener('change', update);
  // Drafts put back after a render set the value without a change event.
  queueMicrotask(update);
}

class PlannerSidebar extends Page<State> {
  private readonly saved = this.vscode.getState();
  private readonly state: State = {
    open: { context: true, pipeline: true, record: true, plan: false, ...this.saved?.open },
    text: this.saved?.text ?? '',
    stage: this.saved?.stage ?? '',
    type: this.saved?.type ?? '',
    owner: this.saved?.owner ?? '',
    offset: this.saved?.offset ?? 0,
    selected: this.saved?.selected,
    plan: this.saved?.plan ?? [],
  };
  private readonly save = () => this.vscode.setState(this.state);
  /** What the extension last told the page. */
  private readonly view = {
    today: new Date().toISOString().slice(0, 10),
    readOnly: false,
    context: undefined as PlannerContextInfo | undefined,
    counts: { prospect: 0, contacted: 0, agreed: 0, active: 0, ended: 0, broken: 0 } as Record<Stage | 'broken', number>,
    total: 0,
    overdue: 0,
    owners: [] as string[],
    loading: true,
    page: { items: [], total: 0 } as PlannerPage,
    undo: undefined as string | undefined,
    forecast: undefined as PipelineForecast | undefined,
  };
  private readonly shown = new ShownRecord();
  private queryNo = 0;
  private readonly status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly rpc = client<PlannerFromWebview, PlannerResults>(this.vscode as never, (m) => this.onMessage(m as PlannerToWebview));

  // ---- Changes: shown at once, written, reconciled --------------------------------------------
  private readonly coalescing = new Map<string, { timer: ReturnType<typeof setTimeout>; tokens: number[]; change: RecordChange }>();
  /** What the user has typed in the forms, kept across re-renders (the data changes under them). */
  private readonly drafts = new Map<string, string | boolean>();
  /** A render is running: a render asked for meanwhile is queued and follows it. */
  private rendering = false;
  private readonly queued = new Set<Section>();
  /** Sections whose news waits until the field being typed in is left, or the pointer is let go. */
  private readonly deferred = new Set<Section>();
  /**
   * A pointer button is down in the page: news drawn now would replace the control under it, and
   * the click (the press on the old control, the release on the new) would be lost.
   */
  private pressing = false;
  private lastPipeline = '';
  private shownRecord: string | undefined;
  /** Which entry is being edited in place, if any ("metric:3", "checkIn:0"). */
  private editing: string | undefined;

  constructor(root: HTMLElement, vscode: VsCodeApi<State>) {
    super(root, vscode);
    document.body.classList.add('sidebar', 'planner');
    document.addEventListener('pointerdown', () => (this.pressing = true), true);
    const release = () => {
      this.pressing = false;
      // After the click the release makes (dispatched in this same task): then the news waiting.
      setTimeout(() => !this.pressing && this.deferred.size && this.renderNews([...this.deferred]), 0);
    };
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    void this.start();
  }

  private async query(): Promise<void> {
    const mine = ++this.queryNo;
    try {
      const page = await this.rpc.request({
        type: 'query',
        offset: this.state.offset,
        limit: PAGE,
        ...(this.state.text.trim() ? { text: this.state.text.trim() } : {}),
        ...(this.state.stage ? { stage: this.state.stage } : {}),
        ...(this.state.type ? { partnershipType: this.state.type as PartnershipTypeId } : {}),
        ...(this.state.owner ? { owner: this.state.owner } : {}),
      });
      if (mine !== this.queryNo) return; // a later query is on its way
      this.view.page = page;
      if (this.state.offset > 0 && this.state.offset >= page.total) {
        this.state.offset = Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE);
        this.save();
        void this.query();
        return;
      }
      if (this.pipelineKey() !== this.lastPipeline) this.renderNews(['pipeline']);
      if (!this.view.loading) markRendered();
    } catch (err) {
      this.showStatus('error', failureText(err));
    }
  }

  private showStatus(kind: 'info' | 'error', text: string, undo?: boolean): void {
    clear(this.status);
    this.status.className = `status ${kind}`;
    this.status.append(icon(kind === 'error' ? 'error' : 'check'), ' ' + text);
    if (undo && this.view.undo && !this.view.readOnly) {
      const b = h('button', { type: 'button', class: 'link inline', id: 'status-undo' }, l10n.t('Undo'));
      b.addEventListener('click', () => void this.undoLast());
      this.status.append(' ', b);
    }
  }

  private clearStatus(): void {
    clear(this.status);
    this.status.className = 'status';
  }

  /**
   * Makes a change: the view shows it in this frame; the write follows (a run of changes to one
   * radio group is written once, the last); the file's answer replaces it, or a failure takes it
   * back and says why.
   */
  private commit(change: RecordChange, done?: () => void): void {
    const id = this.shown.id;
    if (!id || this.view.readOnly) return;
    const token = this.shown.apply(change);
    if (token === undefined) return;
    this.clearStatus();
    this.render(['record']);
    this.patchRow(id);
    const key = fieldKey(change);
    if (!key) {
      void this.write(id, change, [token], done);
      return;
    }
    const waiting = this.coalescing.get(key);
    if (waiting) clearTimeout(waiting.timer);
    const tokens = [...(waiting?.tokens ?? []), token];
    this.coalescing.set(key, {
      tokens,
      change,
      timer: setTimeout(() => {
        this.coalescing.delete(key);
        void this.write(id, change, tokens, done);
      }, COALESCE_MS),
    });
  }

  private async write(id: string, change: RecordChange, tokens: number[], done?: () => void): Promise<void> {
    let result: EditResult;
    try {
      result = await this.shown.send(tokens, () => this.rpc.request({ type: 'edit', id, change }), (r) => r.record);
    } catch (err) {
      this.render(['record']);
      this.patchRow(id);
      this.showStatus('error', l10n.t('{0}: not saved. {1}', describeChange(change), failureText(err)));
      return;
    }
    this.view.undo = result.undo;
    if (!this.shown.hasPending) this.renderNews(['record']);
    done?.();
    if (result.changed) {
      const said = result.inEditor ? l10n.t('{0}. The change is in the open editor, beside your unsaved edits: save the file when ready.', describeChange(change)) : l10n.t('{0}.', describeChange(change));
      this.showStatus('info', result.note ? `${said} ${result.note}` : said, true);
    }
  }

  private async undoLast(): Promise<void> {
    try {
      const result = await this.rpc.request({ type: 'undo' });
      this.view.undo = result.undo;
      if (result.record) {
        if (result.record.id !== this.state.selected) {
          this.state.selected = result.record.id;
          this.save();
        }
        this.shown.receive(result.record);
      }
      this.render(['record']);
      this.showStatus('info', result.undone ? l10n.t('Undone: {0}.', result.undone) : l10n.t('Undone: the last change.'), true);
    } catch (err) {
      this.render(['record']);
      this.showStatus('error', failureText(err));
    }
  }

  /** The selected row follows a shown change (its stage badge, its score) before the page is asked again. */
  private patchRow(id: string): void {
    const r = this.shown.value;
    const row = this.view.page.items.find((x) => x.id === id);
    if (!r?.record || !row) return;
    const badge = this.root.querySelector<HTMLElement>(`.rows .row[aria-current="true"] .stage-badge`);
    if (badge && !row.broken) {
      badge.textContent = stageLabel(r.record.stage);
      badge.className = `stage-badge ${r.record.stage}`;
    }
  }


  // ---- Layout -------------------------------------------------------------------------------
  private section(id: Section, title: string, body: Node[], extra?: Node): HTMLElement {
    const details = h('details', { class: 'section', id: `section-${id}` });
    details.open = this.state.open[id];
    details.addEventListener('toggle', () => {
      this.state.open[id] = details.open;
      this.save();
    });
    const summary = h('summary', { title }, icon('chevron-right', 'twisty'), h('span', { class: 'section-title' }, title));
    if (extra) summary.appendChild(extra);
    details.append(summary, h('div', { class: 'section-body' }, ...body));
    return details;
  }

  private build(id: Section): HTMLElement | undefined {
    switch (id) {
      case 'context':
        return this.section('context', l10n.t({ message: 'Context', comment: 'the planner section about your community context' }), this.contextBody());
      case 'pipeline':
        this.lastPipeline = this.pipelineKey();
        return this.section('pipeline', l10n.t('Pipeline'), this.pipelineBody(), this.view.total > 0 ? h('span', { class: 'count-badge', 'aria-label': this.view.total === 1 ? l10n.t('1 partnership') : l10n.t('{0} partnerships', formatCount(this.view.total)) }, String(this.view.total)) : undefined);
      case 'record': {
        this.shownRecord = this.shown.id;
        const r = this.shown.value;
        return this.state.selected ? this.section('record', r?.row ? r.row.partner : l10n.t('Partnership'), this.recordBody()) : undefined;
      }
      case 'plan':
        return this.section('plan', l10n.t('Plan and forecast'), this.planBody());
    }
  }

  /**
   * Renders news (an answer, a change of the file) without taking away a field the user is
   * typing in: its section is built again once the field is left.
   */
  private renderNews(only: readonly Section[]): void {
    if (this.pressing) {
      for (const s of only) this.deferred.add(s);
      return;
    }
    const active = document.activeElement;
    const typing = (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.dataset.initial !== undefined && active.value !== active.dataset.initial;
    const held = typing ? (active.closest('details.section')?.id.replace(/^section-/, '') as Section | undefined) : undefined;
    const now = only.filter((s) => s !== held);
    if (held && now.length !== only.length && active instanceof HTMLElement) {
      this.deferred.add(held);
      if (!active.dataset.deferring) {
        active.dataset.deferring = 'true';
        active.addEventListener('blur', () => setTimeout(() => this.deferred.size && this.render([...this.deferred])), { once: true });
      }
    }
    if (now.length) this.render(now);
  }

  private render(only: readonly Section[] = ORDER): void {
    // Taking a focused field out of the page fires its change (and blur) handlers, which may ask
    // for a render in turn: that one runs after this one.
    if (this.rendering) {
      for (const s of only) this.queued.add(s);
      return;
    }
    this.rendering = true;
    for (const d of only) this.deferred.delete(d);
    try {
      this.renderNow(only);
    } finally {
      this.rendering = false;
    }
    if (this.queued.size) {
      const next = [...this.queued];
      this.queued.clear();
      this.render(next);
    }
  }

  private renderNow(only: readonly Section[]): void {
    const focusId = document.activeElement?.id;
    // A field being typed in keeps what was typed when the data changes under it (the answer to
    // the previous change, say): its value differs from the one it was built with.
    const active = document.activeElement;
    const typing =
      (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.dataset.initial !== undefined && active.value !== active.dataset.initial
        ? { id: active.id, value: active.value, start: active.selectionStart, end: active.selectionEnd }
        : undefined;
    const selection = selectionOf(active);
    // Drafts belong to the record whose forms they were typed in.
    if (this.shownRecord === this.shown.id) {
      for (const el of this.root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-draft]')) {
        this.drafts.set(el.id, el instanceof HTMLInputElement && el.type === 'radio' ? el.checked : el.value);
      }
    }
    if (!this.root.contains(this.status)) this.root.append(this.status);
    for (const id of ORDER) {
      if (!only.includes(id)) continue;
      const old = document.getElementById(`section-${id}`);
      const next = this.build(id);
      if (old && next) old.replaceWith(next);
      else if (old) old.remove();
      else if (next) {
        const after = ORDER.slice(ORDER.indexOf(id) + 1)
          .map((s) => document.getElementById(`section-${s}`))
          .find((e): e is HTMLElement => !!e);
        this.root.insertBefore(next, after ?? this.status);
      }
    }
    for (const el of this.root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-draft]')) {
      const v = this.drafts.get(el.id);
      if (v === undefined) continue;
      if (typeof v === 'boolean') (el as HTMLInputElement).checked = v;
      else el.value = v;
    }
    if (focusId && document.activeElement?.id !== focusId) document.getElementById(focusId)?.focus();
    const again = typing && document.getElementById(typing.id);
    if (typing && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again !== active) {
      again.value = typing.value;
      again.setSelectionRange(typing.start, typing.end);
    } else if (selection && focusId) {
      // A field selected but not yet changed (End, Shift+Home, about to type over it) keeps its
      // selection when the news of another change builds it again: else the next key lands on a
      // cursor at the end and types beside the old text.
      const field = document.getElementById(focusId);
      if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field !== active && field.value === selection.value) {
        try {
          field.setSelectionRange(selection.start, selection.end, selection.direction);
        } catch {
          // A field kind without a text selection (a date field): nothing to keep.
        }
      }
    }
  }

  private pipelineKey(): string {
    return JSON.stringify([this.view.page, this.view.counts, this.view.total, this.view.owners, this.view.loading, this.state.selected, this.state.stage, this.state.offset, this.state.type, this.state.owner]);
  }

  private contextBody(): Node[] {
    const context = this.view.context;
    if (!context) return [h('p', { class: 'description' }, l10n.t('Open a folder to plan partnerships.'))];
    if (context.state === 'missing') {
      const create = h('button', { type: 'button', class: 'secondary', id: 'create-context' }, icon('new-file'), l10n.t('Create Community Context'));
      create.addEventListener('click', () => void this.run('createContext'));
      return [h('p', { class: 'description' }, l10n.t('No community context yet: it fills your name and size into pitches and the scorecard.')), create];
    }
    if (context.state === 'unreadable') {
      const open = h('button', { type: 'button', class: 'link', id: 'open-context', title: l10n.t('Open {0}', context.filePath) }, icon('go-to-file'), context.filePath);
      open.addEventListener('click', () => void this.run('openContext'));
      return [h('p', { class: 'notice error', id: 'context-problem' }, icon('warning'), h('span', {}, context.reason ?? l10n.t('{0} could not be read.', context.filePath))), open];
    }
    const link = h('button', { type: 'button', class: 'link', id: 'open-context', title: l10n.t('Open {0}', context.filePath) }, icon('go-to-file'), h('span', { class: 'ellipsis' }, context.filePath));
    link.addEventListener('click', () => void this.run('openContext'));
    const filled = context.filled ?? 0;
    const of = context.total ?? 0;
    const meter = bar(filled / Math.max(1, of), l10n.t('Context completeness: {0} of {1} fields filled', filled, of));
    const name = context.name ?? l10n.t('Unnamed community');
    return [
      h('div', { class: 'context-line', title: l10n.t('{0}: {1} of {2} fields filled', name, filled, of) }, icon('organization'), h('strong', { class: 'ellipsis' }, name), h('span', { class: 'muted nowrap' }, l10n.t('{0}/{1} fields', filled, of))),
      meter as unknown as HTMLElement,
      context.size !== undefined ? h('p', { class: 'muted' }, l10n.t('{0} members', formatCount(context.size))) : null,
      link,
    ].filter((n): n is HTMLElement => !!n);
  }

  private async run(command: Extract<PlannerFromWebview, { type: 'run' }>['command']): Promise<void> {
    try {
      await this.rpc.request({ type: 'run', command });
    } catch (err) {
      this.showStatus('error', failureText(err));
    }
  }

  private filtered(): boolean {
    return !!(this.state.text.trim() || this.state.stage || this.state.type || this.state.owner);
  }

  private pipelineBody(): Node[] {
    const body: Node[] = [];
    if (this.view.readOnly) body.push(h('p', { class: 'notice' }, icon('shield'), l10n.t('Restricted Mode: this workspace is not trusted, so the planner only reads the records.')));
    if (this.view.loading && this.view.total === 0) {
      // A spinning codicon: the progress ring component brought Lit (about 20 KB) into the page.
      body.push(h('p', { class: 'muted loading', id: 'loading' }, icon('loading', 'codicon-modifier-spin loading-ring'), h('span', {}, l10n.t('Reading partnership records…'))));
      return body;
    }
    if (this.view.total === 0) {
      // Nothing to filter yet: no chips of zeros, no search; the first step and where to learn more.
      const create = h('button', { type: 'button', class: 'primary', id: 'new-partnership-empty' }, icon('add'), l10n.t('New Partnership'));
      create.addEventListener('click', () => void this.run('newPartnership'));
      const learn = h('button', { type: 'button', class: 'link', id: 'get-started' }, icon('book'), l10n.t('Get started: a walkthrough'));
      learn.addEventListener('click', () => void this.run('getStarted'));
      body.push(h('p', { class: 'description' }, PLANNER_TEXT.emptyPipeline), h('div', { class: 'actions tight' }, create, learn));
      return body;
    }

    const chips = h('div', { class: 'chips', role: 'radiogroup', 'aria-label': l10n.t('Filter by stage'), id: 'stage-filter' });
    const options: { value: State['stage']; label: string; n: number; icon?: string }[] = [{ value: '', label: l10n.t({ message: 'All', comment: 'every stage' }), n: this.view.total }];
    for (const s of STAGES) options.push({ value: s, label: stageLabel(s), n: this.view.counts[s], icon: STAGE_ICONS[s] });
    if (this.view.counts.broken > 0) options.push({ value: 'broken', label: l10n.t('Broken'), n: this.view.counts.broken, icon: 'warning' });
    const pickStage = (value: State['stage']) => {
      this.state.stage = value;
      this.state.offset = 0;
      this.save();
      this.render(['pipeline']);
      document.getElementById(`stage-${value || 'all'}`)?.focus();
      void this.query();
    };
    radioGroup(
      chips,
      options.map((o) => h('button', { type: 'button', class: 'chip', id: `stage-${o.value || 'all'}`, title: l10n.t('{0}: {1}', o.label, formatCount(o.n)) }, o.icon ? icon(o.icon) : null, o.label, h('span', { class: 'chip-count' }, String(o.n)))),
      options.findIndex((o) => o.value === this.state.stage),
      (i) => pickStage(options[i].value),
    );

    const search = h('input', { type: 'search', id: 'search', placeholder: l10n.t('Search'), title: l10n.t('Search partners, communities, owners'), 'aria-label': l10n.t('Search partners, communities, owners') });
    search.value = this.state.text;
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      this.state.text = search.value;
      this.state.offset = 0;
      this.save();
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void this.query(), 150);
    });

    // The type and owner filters: a list to pick from, and the filter picked as a chip that shows
    // it whole (a long type or owner name wraps there; a select would cut it) and takes it away.
    const setFilter = (key: 'type' | 'owner', value: string, focus?: string) => {
      this.state[key] = value;
      this.state.offset = 0;
      this.save();
      this.render(['pipeline']);
      if (focus) document.getElementById(focus)?.focus();
      void this.query();
    };
    const typeSelect = h('select', { id: 'filter-type', 'aria-label': l10n.t('Filter by partnership type'), title: l10n.t('Filter by partnership type') }, h('option', { value: '' }, this.state.type ? l10n.t('Another type…') : l10n.t('All types')));
    for (const c of typeCategories()) {
      const group = h('optgroup', { label: c.title });
      for (const t of c.types) if (t.id !== this.state.type) group.appendChild(h('option', { value: t.id }, t.title));
      typeSelect.appendChild(group);
    }
    typeSelect.value = '';
    typeSelect.addEventListener('change', () => setFilter('type', typeSelect.value, 'filter-type'));
    const owner = this.view.owners.includes(this.state.owner) ? this.state.owner : '';
    const ownerSelect = h(
      'select',
      { id: 'filter-owner', 'aria-label': l10n.t('Filter by owner'), title: l10n.t('Filter by owner') },
      h('option', { value: '' }, owner ? l10n.t('Another owner…') : l10n.t('All owners')),
      ...this.view.owners.filter((o) => o !== owner).map((o) => h('option', { value: o }, o)),
    );
    ownerSelect.value = '';
    ownerSelect.addEventListener('change', () => setFilter('owner', ownerSelect.value, 'filter-owner'));
    const picked = h('ul', { class: 'type-chips filter-chips', id: 'active-filters', 'aria-label': l10n.t('Filters') });
    const pill = (key: 'type' | 'owner', text: string, label: string) => {
      const remove = h('button', { type: 'button', class: 'icon', id: `filter-${key}-remove`, 'aria-label': l10n.t('Remove the filter {0}', label), title: l10n.t('Remove the filter {0}', label) }, icon('close'));
      remove.addEventListener('click', () => setFilter(key, '', `filter-${key}`));
      picked.appendChild(h('li', { class: 'type-chip filter-chip', id: `filter-${key}-chip` }, h('span', {}, text), remove));
    };
    if (this.state.type) pill('type', l10n.t('Type: {0}', typeTitle(this.state.type)), typeTitle(this.state.type));
    if (owner) pill('owner', l10n.t('Owner: {0}', owner), owner);
    body.push(chips, search, h('div', { class: 'filters' }, typeSelect, ownerSelect));
    if (picked.childElementCount) body.push(picked);
    if (this.filtered()) {
      const reset = h('button', { type: 'button', class: 'link', id: 'clear-filters' }, icon('clear-all'), l10n.t('Clear filters'));
      reset.addEventListener('click', () => {
        this.state.text = '';
        this.state.stage = '';
        this.state.type = '';
        this.state.owner = '';
        this.state.offset = 0;
        this.save();
        this.render(['pipeline']);
        void this.query();
      });
      body.push(reset);
    }

    if (this.view.page.total === 0) body.push(h('p', { class: 'muted' }, PLANNER_TEXT.noMatch));
    else body.push(this.rowList(this.view.page.items));

    if (this.view.page.total > PAGE) {
      const prev = h('button', { type: 'button', class: 'icon', id: 'page-prev', 'aria-label': l10n.t('Previous page'), title: l10n.t('Previous page'), disabled: this.state.offset === 0 }, icon('chevron-left'));
      const next = h('button', { type: 'button', class: 'icon', id: 'page-next', 'aria-label': l10n.t('Next page'), title: l10n.t('Next page'), disabled: this.state.offset + PAGE >= this.view.page.total }, icon('chevron-right'));
      prev.addEventListener('click', () => this.turn(-PAGE));
      next.addEventListener('click', () => this.turn(PAGE));
      body.push(h('div', { class: 'pager' }, prev, h('span', { class: 'muted' }, l10n.t('{0}–{1} of {2}', formatCount(this.state.offset + 1), formatCount(Math.min(this.state.offset + PAGE, this.view.page.total)), formatCount(this.view.page.total))), next));
    }
    const add = h('button', { type: 'button', class: 'secondary', id: 'new-partnership' }, icon('add'), l10n.t('New Partnership'));
    add.addEventListener('click', () => void this.run('newPartnership'));
    // The same pipeline wider than the sidebar: columns by stage, and a table.
    const board = h('button', { type: 'button', class: 'link', id: 'open-board', title: l10n.t('The pipeline as a board in the editor area, with a table view') }, icon('project'), l10n.t('Open Pipeline Board'));
    board.addEventListener('click', () => void this.run('openPipelineBoard'));
    body.push(h('div', { class: 'actions' }, add, board));
    return body;
  }

  private turn(by: number): void {
    this.state.offset = Math.max(0, this.state.offset + by);
    this.save();
    void this.query();
  }

  /** The pipeline: one Tab stop; arrows move between rows, Enter or Space opens one. */
  private rowList(items: readonly PlannerRow[]): HTMLElement {
    const list = h('ul', { class: 'rows', id: 'rows', 'aria-label': l10n.t('Partnerships') });
    const buttons = items.map((r, i) => this.rowItem(r, i));
    const current = items.findIndex((r) => r.id === this.state.selected);
    const stop = tabStop(current, buttons.length);
    buttons.forEach((b, i) => {
      b.tabIndex = i === stop ? 0 : -1;
      b.addEventListener('keydown', (e) => {
        const to = rovingTarget(e.key, i, buttons.length, 'vertical');
        if (to === undefined) return;
        e.preventDefault();
        buttons.forEach((x) => (x.tabIndex = -1));
        buttons[to].tabIndex = 0;
        buttons[to].focus();
      });
      list.appendChild(h('li', {}, b));
    });
    return list;
  }

  private rowItem(r: PlannerRow, i: number): HTMLButtonElement {
    const due = r.nextCheckIn && r.nextCheckIn < this.view.today;
    const review = r.broken ? undefined : reviewFlag(r, this.view.today);
    const reviewText = review ? reviewFlagText(review) : '';
    const meta: string[] = [];
    if (r.community) meta.push(r.community);
    if (r.score !== undefined) meta.push(r.verdict ? l10n.t('{0} {1}', formatScore(r.score), verdictLabel(r.verdict)) : formatScore(r.score));
    const metaText = r.broken ? (r.problem ?? l10n.t('Could not be read')) : meta.join(' · ') || (r.types.map((t) => typeTitle(t)).join(', ') || r.fileName);
    const b = h(
      'button',
      { type: 'button', class: 'row', id: `row-${i}`, 'aria-current': r.id === this.state.selected ? 'true' : undefined, 'aria-label': this.rowLabel(r), title: `${r.partner}\n${[reviewText, metaText].filter(Boolean).join(' · ')}${review ? ` (${review.review})` : ''}` },
      icon(r.broken ? 'warning' : STAGE_ICONS[r.stage ?? 'prospect'], r.broken ? 'error-icon' : 'stage-icon'),
      h(
        'span',
        { class: 'row-main' },
        h('span', { class: 'row-title' }, r.partner),
        h('span', { class: 'row-meta' }, review ? h('span', { class: `row-review ${review.status}` }, reviewText) : null, review && metaText ? ' · ' : '', metaText),
      ),
      due || review?.status === 'overdue' ? icon('bell-dot', 'due-icon') : null,
      h('span', { class: `stage-badge ${r.broken ? 'broken' : (r.stage ?? '')}` }, r.broken ? l10n.t({ message: 'broken', comment: 'a record that cannot be read' }) : r.stage ? stageLabel(r.stage) : ''),
    );
    b.addEventListener('click', () => this.selectRecord(r.id));
    return b;
  }

  private rowLabel(r: PlannerRow): string {
    const parts = [r.partner, r.broken ? l10n.t('broken record') : l10n.t('stage {0}', stageLabel(r.stage ?? 'prospect'))];
    if (r.score !== undefined) parts.push(r.verdict ? l10n.t('score {0}, {1}', formatScore(r.score), verdictLabel(r.verdict)) : l10n.t('score {0}', formatScore(r.score)));
    if (r.nextCheckIn && r.nextCheckIn < this.view.today) parts.push(l10n.t('check-in overdue since {0}', formatDate(r.nextCheckIn)));
    const review = r.broken ? undefined : reviewFlag(r, this.view.today);
    if (review) parts.push(l10n.t('{0} ({1})', reviewFlagText(review), review.review));
    return parts.join(', ');
  }

  private selectRecord(id: string): void {
    if (this.state.selected !== id) this.clearStatus();
    this.state.selected = id;
    this.state.open.record = true;
    this.save();
    this.render(['pipeline']);
    document.querySelector<HTMLElement>('.rows .row[aria-current="true"]')?.focus();
    void this.loadRecord(id);
  }

  private async loadRecord(id: string): Promise<void> {
    try {
      const r = await this.rpc.request({ type: 'select', id });
      if (this.state.selected !== id) return;
      if (this.shown.id !== id) this.drafts.clear();
      this.shown.receive(r);
      this.render(['record']);
    } catch (err) {
      this.showStatus('error', failureText(err));
    }
  }


  // ---- The selected record -------------------------------------------------------------------
  private recordBody(): Node[] {
    const current = this.shown.value;
    if (!current || current.id !== this.state.selected) return [h('p', { class: 'muted' }, l10n.t('Loading…'))];
    const openFile = h('button', { type: 'button', class: 'link', id: 'open-record', title: l10n.t('Open {0}', current.filePath) }, icon('go-to-file'), h('span', { class: 'ellipsis' }, current.filePath || l10n.t('Open file')));
    openFile.addEventListener('click', () => {
      this.rpc.request({ type: 'open', id: current.id }).catch((err: unknown) => this.showStatus('error', failureText(err)));
    });
    if (!current.row) return [h('p', { class: 'muted' }, l10n.t('This partnership record is no longer in the workspace.'))];
    const record = current.record;
    if (!record) {
      return [
        h('p', { class: 'notice error' }, icon('error'), l10n.t('This record could not be read as a partnership. Fix it in the file; the Problems panel shows where.')),
        h('ul', { class: 'problems' }, ...current.problems.map((p) => h('li', {}, l10n.t('Line {0}: {1}', p.line + 1, p.message)))),
        openFile,
      ];
    }
    const tools = h('div', { class: 'record-tools' }, openFile);
    if (this.view.undo && !this.view.readOnly) {
      const undo = h('button', { type: 'button', class: 'secondary compact', id: 'undo', title: this.view.undo }, icon('discard'), l10n.t('Undo'));
      undo.setAttribute('aria-label', this.view.undo);
      undo.addEventListener('click', () => void this.undoLast());
      tools.appendChild(undo);
    }
    const nodes: Node[] = [tools];
    if (current.problems.length) nodes.push(h('p', { class: 'notice' }, icon('warning'), current.problems.length === 1 ? l10n.t('1 problem in this file: see the Problems panel.') : l10n.t('{0} problems in this file: see the Problems panel.', current.problems.length)));
    nodes.push(this.detailsBlock(record), this.fitBlock(record), this.metricsBlock(record), this.checkInsBlock(record));
    const playbook = this.playbookBlock(record);
    if (playbook) nodes.push(playbook);
    return nodes;
  }

  /**
   * A text field that changes the record when the user is done with it (Enter, or leaving it);
   * `read` turns the text into the change, or a problem to show, or asks the extension for it
   * (then the change is made when it answers, unless the text or the record changed meanwhile).
   */
  private textField(id: string, label: string, value: string, placeholder: string, read: (text: string) => FieldReading | Promise<FieldReading>, type: 'text' | 'date' = 'text'): HTMLElement {
    const input = h('input', { type, id, placeholder, disabled: this.view.readOnly, autocomplete: 'off', spellcheck: 'false', title: value || placeholder, 'data-initial': value });
    input.value = value;
    let committed = false;
    let asking = false;
    const apply = (r: FieldReading) => {
      if (typeof r === 'string') {
        invalid(input, r);
        return;
      }
      invalid(input, undefined);
      if (r) {
        committed = true;
        input.dataset.initial = input.value;
        this.commit(r);
      }
    };
    // final: Enter, or the focus leaving; else a pause in the typing.
    const done = (final = true) => {
      if (committed || asking) return;
      // A date field half typed (or an impossible date, 02/30) reads as empty: never written as a
      // cleared date. Said when the user is done with it; a pause only waits.
      if (type === 'date' && input.validity.badInput) {
        if (final) invalid(input, l10n.t('Pick or type a real date: this one is not complete or does not exist.'));
        return;
      }
      if (input.value.trim() === value.trim()) {
        invalid(input, undefined);
        return;
      }
      const r = read(input.value);
      if (!(r instanceof Promise)) {
        apply(r);
        return;
      }
      asking = true;
      const typed = input.value;
      const record = this.shown.id;
      void r.then(
        (answer) => {
          asking = false;
          if (input.value === typed && this.shown.id === record) apply(answer);
        },
        (err: unknown) => {
          asking = false;
          invalid(input, failureText(err));
        },
      );
    };
    // A field taken out of the page by a render fires "change" on its way out: that is no choice
    // of the user's (the render carries what was typed over to the new field).
    // A date field changes with every digit typed into its year: it is written once the typing
    // pauses (a pick in its calendar, a whole date typed), or when the focus leaves it.
    let pause: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('change', () => {
      if (this.rendering) return;
      if (type !== 'date') {
        done();
        return;
      }
      clearTimeout(pause);
      pause = setTimeout(() => done(false), DATE_PAUSE_MS);
    });
    if (type === 'date') {
      input.addEventListener('blur', () => {
        clearTimeout(pause);
        if (!this.rendering) done();
      });
    }
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        done();
      } else if (e.key === 'Escape' && input.value !== value) {
        e.preventDefault();
        input.value = value;
        invalid(input, undefined);
      }
    });
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  }

  private detailsBlock(record: PartnershipRecord): HTMLElement {
    const stages = h('div', { class: 'segmented-group stage-picker', role: 'radiogroup', id: 'stage', 'aria-label': l10n.t('Stage') });
    radioGroup(
      stages,
      STAGES.map((s) => h('button', { type: 'button', class: 'seg', id: `stage-set-${s}`, disabled: this.view.readOnly, title: stageLabel(s) }, icon(STAGE_ICONS[s]), h('span', {}, stageLabel(s)))),
      STAGES.indexOf(record.stage),
      (i) => {
        if (STAGES[i] !== this.shown.value?.record?.stage) this.commit({ kind: 'stage', value: STAGES[i] });
      },
    );
    const cadence = h('select', { id: 'cadence', disabled: this.view.readOnly, 'aria-label': l10n.t('Check-in cadence') }, ...CADENCES.map((c) => h('option', { value: c }, cadenceLabel(c))));
    cadence.value = record.cadence;
    showsPick(cadence);
    cadence.addEventListener('change', () => this.commit({ kind: 'cadence', value: cadence.value as Cadence }));

    // Types: the chosen ones as chips to remove, and a list to add one.
    const chosen = h('ul', { class: 'type-chips', 'aria-label': l10n.t('Partnership types') });
    for (const t of record.types) {
      const title = typeTitle(t);
      const remove = h('button', { type: 'button', class: 'icon', id: `type-remove-${t}`, 'aria-label': l10n.t('Remove {0}', title), title: l10n.t('Remove {0}', title), disabled: this.view.readOnly }, icon('close'));
      remove.addEventListener('click', () => {
        this.commit({ kind: 'types', value: record.types.filter((x) => x !== t) });
        document.getElementById('type-add')?.focus();
      });
      chosen.appendChild(h('li', { class: 'type-chip', title }, h('span', { class: 'ellipsis' }, title), remove));
    }
    const add = h('select', { id: 'type-add', 'aria-label': l10n.t('Add a partnership type'), title: l10n.t('Add a partnership type'), disabled: this.view.readOnly }, h('option', { value: '' }, record.types.length ? l10n.t('Add a type…') : l10n.t('Pick a type…')));
    for (const c of typeCategories()) {
      const group = h('optgroup', { label: c.title });
      for (const t of c.types) if (!record.types.includes(t.id)) group.appendChild(h('option', { value: t.id }, t.title));
      add.appendChild(group);
    }
    add.addEventListener('change', () => {
      if (add.value) this.commit({ kind: 'types', value: [...record.types, add.value as PartnershipTypeId] });
    });

    const owners = (side: 'ours' | 'theirs', text: string): RecordChange => ({ kind: 'owners', value: { ...record.owners, [side]: text.trim() } });
    return subsection(
      l10n.t('Details'),
      'info',
      h('div', { class: 'field' }, h('span', { class: 'label', id: 'stage-label' }, l10n.t('Stage')), stages),
      h(
        'div',
        { class: 'field-grid' },
        this.textField('community', l10n.t('Their community'), record.community ?? '', l10n.t('Where their members gather'), (t) => ({ kind: 'community', value: t.trim() || null })),
        this.textField('contact', l10n.t('Contact'), record.contact ?? '', l10n.t('Name <email>'), (t) => ({ kind: 'contact', value: t.trim() || null })),
        this.textField('partner-size', l10n.t('Partner size'), record.partnerSize === undefined ? '' : formatCount(record.partnerSize), l10n.t('such as 12,000 or 12k'), (t) => {
          if (!t.trim()) return { kind: 'partnerSize', value: null };
          const size = (n: number | null | undefined): FieldReading => (n === undefined || n === null ? l10n.t('Write the number of members, such as 12000, 12,000 or 12k.') : { kind: 'partnerSize', value: n });
          // A plain number is read here, at once; anything else ("about 3k members") by the
          // extension's count reader, which is too large to carry in this page (src/core/numbers.ts).
          const plain = parsePlainCount(t);
          return plain !== undefined ? size(plain) : this.rpc.request({ type: 'readCount', text: t.slice(0, 200) }).then(size);
        }),
        this.textField('owner-ours', l10n.t('Our owner'), record.owners.ours ?? '', l10n.t('Who runs it on your side'), (t) => owners('ours', t)),
        this.textField('owner-theirs', l10n.t('Their owner'), record.owners.theirs ?? '', l10n.t('Who runs it on their side'), (t) => owners('theirs', t)),
        this.textField('start', l10n.t('Start date'), record.start ?? '', 'YYYY-MM-DD', (t) => dateChange('start', t), 'date'),
        this.textField('review', l10n.t('Review date'), record.review ?? '', 'YYYY-MM-DD', (t) => dateChange('review', t), 'date'),
        h('div', { class: 'field' }, h('label', { for: 'cadence' }, l10n.t('Cadence')), cadence),
      ),
      h('div', { class: 'field' }, h('span', { class: 'label' }, l10n.t('Types')), record.types.length ? chosen : h('p', { class: 'muted' }, l10n.t('No partnership types yet.')), add),
    );
  }

  private fitBlock(record: PartnershipRecord): HTMLElement {
    const score = weightedScore(record.scores);
    const suggested = suggestSimilarSize(this.view.context?.size, record.partnerSize);
    const rows = SCORECARD_CRITERIA.map((c) => {
      const value = record.scores[c.id];
      const title = criterionTitle(c.id);
      const group = h('div', { class: 'scores', role: 'radiogroup', id: `scores-${c.id}`, 'aria-label': l10n.t('{0}, weight {1}%', title, Math.round(c.weight * 100)) });
      const buttons = [1, 2, 3, 4, 5].map((n) => h('button', { type: 'button', class: 'score', id: `score-${c.id}-${n}`, 'aria-label': l10n.t('{0} of 5', n), title: l10n.t('{0}: {1} of 5', title, n), disabled: this.view.readOnly }, String(n)));
      radioGroup(group, buttons, value === undefined ? -1 : value - 1, (i) => {
        // Picking the score it has already changes nothing (Clear takes a score away).
        if (this.shown.value?.record?.scores[c.id] !== i + 1) this.commit({ kind: 'score', criterion: c.id, value: i + 1 });
      });
      const head = h('div', { class: 'criterion-head' }, h('span', { class: 'criterion-title' }, title), h('span', { class: 'muted' }, `${Math.round(c.weight * 100)}%`));
      if (value !== undefined && !this.view.readOnly) {
        const clearButton = h('button', { type: 'button', class: 'link inline clear-score', id: `score-clear-${c.id}`, 'aria-label': l10n.t('Clear the {0} score', title) }, l10n.t('Clear'));
        clearButton.addEventListener('click', () => this.commit({ kind: 'score', criterion: c.id, value: null }));
        head.appendChild(clearButton);
      }
      const hint = h('div', { class: 'hint' }, criterionHint(c.id));
      if (c.id === 'similarSize') {
        if (suggested !== undefined) {
          const use = h('button', { type: 'button', class: 'link inline', id: 'use-suggested-size', disabled: this.view.readOnly || value === suggested }, l10n.t('Suggested: {0}', suggested));
          use.addEventListener('click', () => this.commit({ kind: 'score', criterion: 'similarSize', value: suggested }));
          hint.append(' ', use, h('span', { class: 'muted' }, ' ' + l10n.t('(you {0}, them {1} members)', formatCount(this.view.context!.size!), formatCount(record.partnerSize!))));
        } else {
          hint.append(h('span', { class: 'muted' }, ' ' + (record.partnerSize === undefined ? l10n.t('Fill in Partner size above for a suggestion.') : l10n.t('Add your size to the context for a suggestion.'))));
        }
      }
      return h('div', { class: 'criterion' }, head, group, hint);
    });
    const totalLine =
      score.total === undefined
        ? h('p', { class: 'muted', id: 'fit-total' }, l10n.t('Score each criterion from 1 (poor) to 5 (excellent).'))
        : h(
            'p',
            { class: 'total', id: 'fit-total' },
            h('strong', {}, l10n.t('{0} of 5', formatScore(score.total))),
            score.verdict ? h('span', { class: `verdict ${score.verdict}` }, verdictLabel(score.verdict)) : h('span', { class: 'muted' }, l10n.t(', from {0} of 6 criteria: score all six for a verdict', score.scored)),
          );
    return subsection(l10n.t('Partner fit'), 'checklist', totalLine, ...rows, h('p', { class: 'hint' }, l10n.t('3.5 or more: pursue. 2.5 to 3.4: proceed cautiously. Under 2.5: pass.')));
  }

  /** Closes the entry editor: what was typed in it is dropped with it. */
  private stopEditing(): void {
    this.editing = undefined;
    for (const id of [...this.drafts.keys()]) if (id.startsWith('metric-edit-') || id.startsWith('check-in-edit-')) this.drafts.delete(id);
  }

  private entryActions(key: string, label: string, onDelete: () => void): HTMLElement {
    const edit = h('button', { type: 'button', class: 'icon', id: `edit-${key.replace(':', '-')}`, 'aria-label': l10n.t('Edit {0}', label), title: l10n.t('Edit'), disabled: this.view.readOnly }, icon('edit'));
    edit.addEventListener('click', () => {
      this.stopEditing();
      this.editing = key;
      this.render(['record']);
      document.querySelector<HTMLElement>(`[data-entry="${key}"] input, [data-entry="${key}"] textarea`)?.focus();
    });
    const del = h('button', { type: 'button', class: 'icon', id: `delete-${key.replace(':', '-')}`, 'aria-label': l10n.t('Delete {0}', label), title: l10n.t('Delete (Undo brings it back)'), disabled: this.view.readOnly }, icon('trash'));
    del.addEventListener('click', () => {
      onDelete();
      document.getElementById('undo')?.focus();
    });
    return h('span', { class: 'entry-actions' }, edit, del);
  }

  /**
   * The form that edits one entry (a measurement, a check-in) in place: Save, Cancel and Escape
   * the same for each. Cancel and Escape close it and put the focus back on the entry's Edit
   * button; `save` gives the change, or undefined when a field says what is wrong.
   */
  private entryEditor(key: string, idPrefix: string, label: string, fields: Node[], save: () => RecordChange | undefined): HTMLElement {
    const slug = key.replace(':', '-');
    const index = key.slice(key.indexOf(':') + 1);
    const form = h('form', { class: 'entry-editor', 'data-entry': key, 'aria-label': label });
    const back = () => document.getElementById(`edit-${slug}`)?.focus();
    const close = () => {
      this.stopEditing();
      this.render(['record']);
      back();
    };
    const cancel = h('button', { type: 'button', class: 'secondary compact', id: `${idPrefix}-cancel-${index}` }, l10n.t('Cancel'));
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const change = save();
      if (!change) return;
      this.stopEditing();
      this.commit(change);
      back();
    });
    form.append(...fields, h('div', { class: 'actions tight' }, h('button', { type: 'submit', class: 'primary compact', id: `${idPrefix}-save-${index}` }, l10n.t('Save')), cancel));
    return form;
  }

  private metricEditor(index: number, entry: MetricEntry): HTMLElement {
    const value = editorInput(`metric-edit-value-${index}`, l10n.t('Value'), String(entry.value), { inputmode: 'decimal' });
    const date = editorInput(`metric-edit-date-${index}`, l10n.t('Date'), entry.date, { placeholder: 'YYYY-MM-DD', type: 'date' });
    const note = editorInput(`metric-edit-note-${index}`, l10n.t('Note'), entry.note ?? '', { placeholder: l10n.t('Note (optional)') });
    return this.entryEditor(`metric:${index}`, 'metric-edit', l10n.t('Edit the measurement'), [h('div', { class: 'two' }, value, date), note], () => {
      const read = readMetricForm(value, date);
      if (!read) return undefined;
      // What a measure counted stays with its value; a value typed over it is a typed value.
      const measured = { count: entry.count, of: entry.of, source: entry.source, cumulative: entry.cumulative };
      const kept = Object.fromEntries(Object.entries(read.value === entry.value ? measured : { cumulative: entry.cumulative }).filter(([, v]) => v !== undefined)) as Partial<MetricEntry>;
      return { kind: 'editMetric', index, was: entry, entry: { ...kept, ...read, metric: entry.metric, ...(note.value.trim() ? { note: note.value.trim() } : {}) } };
    });
  }

  private metricsBlock(record: PartnershipRecord): HTMLElement {
    const items: Node[] = [];
    for (const g of metricGroups(record)) {
      const entries = h('ul', { class: 'entries', 'aria-label': l10n.t('{0} measurements', g.title) });
      for (const e of g.entries) {
        const key = `metric:${e.index}`;
        if (this.editing === key) {
          entries.appendChild(h('li', {}, this.metricEditor(e.index, e.entry)));
          continue;
        }
        entries.appendChild(
          h('li', { class: 'entry' }, h('span', { class: 'entry-text', title: e.detail ? `${e.text}\n${e.detail}` : e.text }, e.text), this.entryActions(key, l10n.t('{0} {1}', g.title, e.text), () => this.commit({ kind: 'deleteMetric', index: e.index, was: e.entry }))),
        );
        if (e.detail) entries.appendChild(h('li', { class: 'entry-detail muted' }, e.detail));
      }
      items.push(
        h(
          'div',
          { class: 'metric', 'data-metric': g.id },
          h('div', { class: 'metric-head' }, h('span', { class: 'metric-title' }, g.title), g.status ? h('span', { class: `status-badge ${g.status}` }, metricStatusLabel(g.status)) : null),
          h('div', { class: 'metric-body' }, h('span', { class: 'metric-value', title: g.latest }, g.latest), sparkline(g.series, g.chartLabel), h('span', { class: 'muted metric-benchmark' }, g.benchmark)),
          g.series.length > 1 ? h('ul', { class: 'chart-legend', 'aria-label': l10n.t('What the chart shows') }, ...g.series.map((s) => h('li', {}, seriesSwatch(s.joined, s.className), h('span', {}, s.label)))) : null,
          entries,
        ),
      );
    }
    if (items.length === 0) items.push(h('p', { class: 'muted' }, PLANNER_TEXT.noMeasurements));

    const metric = h('select', { id: 'metric-name', 'data-draft': true, disabled: this.view.readOnly }, ...SUCCESS_METRICS.map((m) => h('option', { value: m.id }, metricTitle(m.id))));
    showsPick(metric);
    const value = h('input', { type: 'text', id: 'metric-value', 'data-draft': true, inputmode: 'decimal', placeholder: l10n.t('such as 85 or 45%'), disabled: this.view.readOnly });
    const date = h('input', { type: 'date', id: 'metric-date', 'data-draft': true, placeholder: 'YYYY-MM-DD', value: this.view.today, disabled: this.view.readOnly });
    const note = h('input', { type: 'text', id: 'metric-note', 'data-draft': true, placeholder: l10n.t('Note (optional)'), disabled: this.view.readOnly });
    const form = h(
      'form',
      { class: 'mini-form', 'aria-label': l10n.t('Log a metric') },
      h('div', { class: 'field' }, h('label', { for: 'metric-name' }, l10n.t('Metric')), metric),
      h('div', { class: 'two' }, h('div', { class: 'field' }, h('label', { for: 'metric-value' }, l10n.t('Value')), value), h('div', { class: 'field' }, h('label', { for: 'metric-date' }, l10n.t('Date')), date)),
      h('div', { class: 'field' }, h('label', { for: 'metric-note' }, l10n.t('Note')), note),
      h('button', { type: 'submit', class: 'secondary', id: 'log-metric', disabled: this.view.readOnly }, icon('graph-line'), l10n.t('Log metric')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const read = readMetricForm(value, date);
      if (!read) return;
      const entry: MetricEntry = { ...read, metric: metric.value as SuccessMetricId, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
      // The form empties at once; a failed write says so and the entry goes again.
      this.resetFields(['metric-value', 'metric-note']);
      this.commit({ kind: 'addMetric', entry });
    });
    return subsection(l10n.t('Metrics'), 'graph-line', ...items, form);
  }

  private checkInEditor(index: number, entry: CheckIn): HTMLElement {
    const date = editorInput(`check-in-edit-date-${index}`, l10n.t('Date'), entry.date, { placeholder: 'YYYY-MM-DD', type: 'date' });
    const notes = h('textarea', { id: `check-in-edit-notes-${index}`, rows: 3, 'aria-label': l10n.t('Notes'), 'data-draft': true });
    notes.value = entry.notes ?? '';
    notes.dataset.initial = notes.value;
    const worth = h(
      'select',
      { id: `check-in-edit-worth-${index}`, 'aria-label': l10n.t('Is this worth continuing?'), 'data-draft': true },
      h('option', { value: '' }, l10n.t('Worth continuing: not said')),
      ...WORTH_SCALE.map((w) => h('option', { value: w }, l10n.t('Worth continuing: {0}', worthLabel(w)))),
    );
    worth.value = entry.worthContinuing ?? '';
    showsPick(worth);
    return this.entryEditor(`checkIn:${index}`, 'check-in-edit', l10n.t('Edit the check-in'), [date, notes, worth], () => {
      const d = date.value.trim();
      if (invalid(date, checkInDateProblem(d))) {
        date.focus();
        return undefined;
      }
      return { kind: 'editCheckIn', index, was: entry, entry: { date: d, ...(notes.value.trim() ? { notes: notes.value.trim() } : {}), ...(worth.value ? { worthContinuing: worth.value as WorthContinuing } : {}) } };
    });
  }

  private checkInsBlock(record: PartnershipRecord): HTMLElement {
    const items = checkInItems(record);
    const list = items.length
      ? h(
          'ul',
          { class: 'check-ins' },
          ...items.map(({ entry: c, index }) => {
            const key = `checkIn:${index}`;
            if (this.editing === key) return h('li', {}, this.checkInEditor(index, c));
            return h(
              'li',
              {},
              h(
                'div',
                { class: 'entry' },
                h('span', { class: 'check-in-date' }, formatDate(c.date)),
                c.worthContinuing ? h('span', { class: `worth ${c.worthContinuing}` }, l10n.t('worth continuing: {0}', worthLabel(c.worthContinuing))) : null,
                h('span', { class: 'spacer' }),
                this.entryActions(key, l10n.t('the check-in of {0}', formatDate(c.date)), () => this.commit({ kind: 'deleteCheckIn', index, was: c })),
              ),
              c.notes ? h('div', { class: 'check-in-notes' }, c.notes) : null,
            );
          }),
        )
      : h('p', { class: 'muted' }, PLANNER_TEXT.noCheckIns);

    const date = h('input', { type: 'date', id: 'check-in-date', 'data-draft': true, placeholder: 'YYYY-MM-DD', value: this.view.today, disabled: this.view.readOnly });
    const notes = h('textarea', { id: 'check-in-notes', 'data-draft': true, rows: 3, placeholder: l10n.t('Numbers against targets, what worked, what did not, next steps'), disabled: this.view.readOnly });
    const worth = h('fieldset', { class: 'worth-group' }, h('legend', {}, l10n.t('Is this worth continuing?')));
    for (const w of WORTH_SCALE) {
      const input = h('input', { type: 'radio', name: 'worth', id: `worth-${w}`, value: w, disabled: this.view.readOnly, 'data-draft': true });
      worth.appendChild(h('label', { class: 'radio', for: `worth-${w}` }, input, worthLabel(w)));
    }
    const form = h(
      'form',
      { class: 'mini-form', 'aria-label': l10n.t('Log a check-in') },
      h('div', { class: 'field' }, h('label', { for: 'check-in-date' }, l10n.t('Date')), date),
      h('div', { class: 'field' }, h('label', { for: 'check-in-notes' }, l10n.t('Notes')), notes),
      worth,
      h('button', { type: 'submit', class: 'secondary', id: 'log-check-in', disabled: this.view.readOnly }, icon('comment-discussion'), l10n.t('Log check-in')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const d = date.value.trim();
      if (invalid(date, checkInDateProblem(d))) {
        date.focus();
        return;
      }
      const picked = worth.querySelector<HTMLInputElement>('input:checked')?.value as WorthContinuing | undefined;
      const entry: CheckIn = { date: d, ...(notes.value.trim() ? { notes: notes.value.trim() } : {}), ...(picked ? { worthContinuing: picked } : {}) };
      this.resetFields(['check-in-notes', 'worth-yes', 'worth-no', 'worth-unsure']);
      this.commit({ kind: 'addCheckIn', entry });
    });
    return subsection(l10n.t('Check-ins'), 'calendar', dueLine(nextCheckInLine(record, this.view.today), 'next-check-in'), dueLine(reviewLine(record, this.view.today), 'review-line'), list, form);
  }

  private playbookBlock(record: PartnershipRecord): HTMLElement | undefined {
    const ids = [...new Set(record.types.map((t) => playbookFor(t)).filter((p): p is keyof typeof PLAYBOOKS => p !== undefined))];
    if (ids.length === 0) return undefined;
    const blocks = ids.map((pid) => {
      const done = new Set(record.playbook[pid] ?? []);
      const steps = playbookSteps(pid);
      return h(
        'div',
        { class: 'playbook' },
        h('div', { class: 'criterion-head' }, h('span', { class: 'criterion-title' }, playbookTitle(pid)), h('span', { class: 'muted' }, l10n.t('{0}/{1}', steps.filter((_, i) => done.has(i + 1)).length, steps.length))),
        h(
          'ul',
          { class: 'checklist' },
          ...steps.map((step, i) => {
            // The platform's checkbox in VS Code's colours (media/webview.css); the step is its label.
            const box = h('input', { type: 'checkbox', id: `step-${pid}-${i + 1}`, class: 'step', disabled: this.view.readOnly });
            box.checked = done.has(i + 1);
            box.addEventListener('change', () => this.commit({ kind: 'playbookStep', playbook: pid, step: i + 1, done: box.checked }));
            return h('li', {}, h('label', { class: 'check' }, box, h('span', {}, step)));
          }),
        ),
      );
    });
    return subsection(l10n.t('Co-marketing playbook'), 'tasklist', ...blocks);
  }


  // ---- Plan and forecast ----------------------------------------------------------------------
  private planBody(): Node[] {
    const pipeline = this.view.forecast;
    const whatIf = forecast(this.state.plan.map((p) => ({ type: p.type as PartnershipTypeId, count: p.count })));
    // Engagement and cost notes of everything planned, each type once: rates are never added up.
    const all = forecast([...new Set([...(pipeline?.types ?? []), ...this.state.plan.filter((p) => p.count > 0).map((p) => p.type as PartnershipTypeId)])].map((type) => ({ type, count: 1 })));
    const add = (a: { low: number; high: number }, b: { low: number; high: number } | undefined) => (b ? { low: a.low + b.low, high: a.high + b.high } : a);
    const members = add(whatIf.newMembers, pipeline?.newMembers);
    const cost = add(whatIf.cost, pipeline?.cost);
    const result = h(
      'dl',
      { class: 'forecast', id: 'forecast' },
      h('dt', {}, l10n.t('New members')),
      h('dd', { id: 'forecast-members' }, rangeText(members.low, members.high), pipeline && this.state.plan.some((p) => p.count > 0) ? h('div', { class: 'muted' }, l10n.t('pipeline {0}, what-if {1}', rangeText(pipeline.newMembers.low, pipeline.newMembers.high), rangeText(whatIf.newMembers.low, whatIf.newMembers.high))) : null),
      h('dt', {}, l10n.t('Engagement')),
      h('dd', {}, all.engagement.length ? h('ul', {}, ...all.engagement.map((e) => h('li', {}, l10n.t('{0}: {1} {2}', e.benchmark, e.kind === 'percent' ? `${e.range.low}–${e.range.high}%` : `${e.range.low}–${e.range.high}x`, e.what)))) : '-'),
      h('dt', {}, l10n.t('Cost')),
      h('dd', {}, rangeText(cost.low, cost.high, (n) => `$${formatCount(n)}`), ...all.costNotes.map((n) => h('div', { class: 'muted' }, `+ ${n}`))),
    );
    const nodes: Node[] = [subsection(l10n.t('From your pipeline'), 'list-unordered', ...this.pipelineForecastNodes()), subsection(l10n.t('What if'), 'lightbulb', ...this.whatIfNodes()), result];
    if (all.unbenchmarked.length) nodes.push(h('p', { class: 'muted' }, l10n.t('No benchmark for {0}: not counted.', all.unbenchmarked.map((t) => typeTitle(t)).join(', '))));
    nodes.push(
      h('p', { class: 'notice info', id: 'forecast-assumptions' }, icon('info'), h('span', {}, l10n.t('Assumed: each agreed or active partnership runs one swap, event, piece or launch of each of its types this quarter, and brings no more new members than its community has (where the record gives its size). Prospects and contacted partners are not counted.'), ' ', forecastDisclaimer())),
    );
    return nodes;
  }

  /** The agreed and active partnerships, each with what the benchmarks expect of it. */
  private pipelineForecastNodes(): Node[] {
    const f = this.view.forecast;
    if (!f) return [h('p', { class: 'muted' }, l10n.t('Reading the pipeline…'))];
    if (f.count === 0) return [h('p', { class: 'muted', id: 'forecast-pipeline' }, l10n.t('No agreed or active partnerships yet: the forecast is only your what-if below.'))];
    const rows = f.rows.map((r) => {
      const types = r.types.length ? r.types.map((t) => typeTitle(t)).join(', ') : l10n.t('no type yet');
      const detail = r.capped && r.partnerSize !== undefined ? l10n.t('{0} · at most their {1} members', types, formatCount(r.partnerSize)) : types;
      const range = rangeText(r.newMembers.low, r.newMembers.high);
      return h(
        'li',
        { class: 'fc-row', 'aria-label': l10n.t('{0} ({1}): {2} new members; {3}', r.partner, stageLabel(r.stage), range, detail) },
        h('span', { class: 'fc-partner', title: `${r.partner} (${stageLabel(r.stage)})` }, r.partner),
        h('span', { class: 'fc-range' }, range),
        h('span', { class: 'fc-detail muted' }, detail),
      );
    });
    const nodes: Node[] = [h('ul', { class: 'fc-rows', id: 'forecast-pipeline', 'aria-label': l10n.t('New members per partnership') }, ...rows)];
    if (f.count > f.rows.length) nodes.push(h('p', { class: 'muted' }, l10n.t('{0} more partnerships are counted in the total.', formatCount(f.count - f.rows.length))));
    if (f.untyped) nodes.push(h('p', { class: 'muted' }, f.untyped === 1 ? l10n.t('1 partnership has no type yet: nothing is expected of it.') : l10n.t('{0} partnerships have no type yet: nothing is expected of them.', formatCount(f.untyped))));
    return nodes;
  }

  /** Partnership types to try on top of the pipeline, with how many of each. */
  private whatIfNodes(): Node[] {
    // Each planned type as a line of its own (its name wraps: the longest names do not fit a select
    // in a narrow sidebar), and a list to add one that is not in the plan yet.
    const rows = this.state.plan.map((p, i) => {
      const title = typeTitle(p.type);
      const name = h('span', { class: 'plan-type', id: `plan-type-${i}` }, title);
      const count = h('input', { type: 'number', id: `plan-count-${i}`, min: 0, max: 99, step: 1, 'aria-label': l10n.t('How many this quarter ({0})', title) });
      count.value = String(p.count);
      count.addEventListener('change', () => {
        p.count = Math.max(0, Math.min(99, Math.floor(Number(count.value) || 0)));
        this.save();
        this.render(['plan']);
      });
      const remove = h('button', { type: 'button', class: 'icon', id: `plan-remove-${i}`, 'aria-label': l10n.t('Remove {0} from the plan', title), title: l10n.t('Remove from the plan') }, icon('close'));
      remove.addEventListener('click', () => {
        this.state.plan.splice(i, 1);
        this.save();
        this.render(['plan']);
        document.getElementById(this.state.plan.length ? `plan-count-${Math.min(i, this.state.plan.length - 1)}` : 'plan-add')?.focus();
      });
      return h('div', { class: 'plan-row' }, name, count, remove);
    });
    const used = new Set(this.state.plan.map((p) => p.type));
    const add = h('select', { id: 'plan-add', 'aria-label': l10n.t('Add a partnership type to the plan'), title: l10n.t('Add a partnership type to the plan') }, h('option', { value: '' }, l10n.t('Add a partnership type…')));
    for (const c of typeCategories()) {
      const group = h('optgroup', { label: c.title });
      for (const t of c.types) if (!used.has(t.id)) group.appendChild(h('option', { value: t.id }, t.title));
      if (group.childElementCount) add.appendChild(group);
    }
    add.addEventListener('change', () => {
      if (!add.value) return;
      this.state.plan.push({ type: add.value, count: 1 });
      this.save();
      this.render(['plan']);
      document.getElementById(`plan-count-${this.state.plan.length - 1}`)?.focus();
    });
    const nodes: Node[] = [h('p', { class: 'description' }, l10n.t('Partnerships you might add this quarter, and how many of each:')), ...rows];
    if (used.size < PARTNERSHIP_TYPES.length) nodes.push(add);
    return nodes;
  }

  /** Asks for the pipeline's forecast again; the plan shows it when it changed. */
  private async loadForecast(): Promise<void> {
    try {
      const f = await this.rpc.request({ type: 'forecast' });
      if (JSON.stringify(f) === JSON.stringify(this.view.forecast)) return;
      this.view.forecast = f;
      this.renderNews(['plan']);
    } catch (err) {
      this.showStatus('error', failureText(err));
    }
  }

  private resetFields(ids: string[]): void {
    for (const id of ids) {
      this.drafts.delete(id);
      const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
      if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = false;
      else if (el) el.value = '';
    }
  }

  private onMessage(m: PlannerToWebview): void {
    switch (m.type) {
      case 'changed': {
        this.view.counts = m.counts;
        this.view.total = m.total;
        this.view.overdue = m.overdue;
        this.view.owners = m.owners;
        this.view.loading = m.loading;
        if (JSON.stringify(m.context) !== JSON.stringify(this.view.context)) {
          this.view.context = m.context;
          this.renderNews(['context', 'record']);
        }
        if (this.pipelineKey() !== this.lastPipeline) this.renderNews(['pipeline']);
        void this.query();
        void this.loadForecast();
        break;
      }
      case 'record': {
        if (m.id !== this.state.selected) return;
        const { type: _type, ...record } = m;
        void _type;
        if (this.shown.id !== m.id) this.drafts.clear();
        // Read before the record shown (two reads finished out of order): nothing new.
        else if (this.shown.isOlder(record as PlannerRecord)) return;
        else if (!this.shown.hasPending && this.shown.sameAsConfirmed(record as PlannerRecord)) return;
        // The file changed otherwise (its editor, git, another tool): the last confirmation, and
        // its Undo, no longer speak of what is shown.
        else if (!this.shown.hasPending) this.clearStatus();
        // While a change of this record is on its way, the file's record is taken and shown with
        // the change's answer: the news of that very write would else show an added entry (a
        // check-in, a metric) twice, once from the file and once as the change on top.
        const held = this.shown.id === m.id && this.shown.hasPending;
        this.shown.receive(record as PlannerRecord);
        const news: Section[] = held ? [] : ['record'];
        if (this.pipelineKey() !== this.lastPipeline) news.push('pipeline');
        if (news.length) this.renderNews(news);
        break;
      }
      case 'select':
        this.selectRecord(m.id);
        break;
      case 'undo':
        if (m.label !== this.view.undo) {
          this.view.undo = m.label;
          if (!this.shown.hasPending) this.renderNews(['record']);
        }
        break;
    }
    document.body.dataset.overdue = String(this.view.overdue);
  }

  private async start(): Promise<void> {
    this.render();
    try {
      const init = await this.rpc.request({ type: 'ready' });
      this.view.today = init.today;
      this.view.readOnly = init.readOnly;
      this.view.context = init.context;
      this.render();
      void this.query();
      void this.loadForecast();
      if (this.state.selected) void this.loadRecord(this.state.selected);
    } catch (err) {
      this.showStatus('error', failureText(err));
    }
  }
}

new PlannerSidebar(document.getElementById('app') as HTMLElement, vscodeApi<State>());
