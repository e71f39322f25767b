import '../../webview/lib/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { BoardFromWebview, BoardResults, BoardSortKey, BoardToWebview, BoardView, BoardRow } from './protocol';
import { clear, h, icon, markRendered, vscodeApi } from '../../webview/lib/dom';
import { client, failureText, initialMessages } from '../../webview/lib/rpc';
import { l10n } from '../../core/l10n';
import { PARTNERSHIP_TYPES } from '../../core/domain';
import { reviewFlag } from '../../core/planner/checkins';
import { reviewFlagText } from '../../core/planner/labels';
import { formatDate } from '../../core/dates';
import { STAGES, type Stage } from '../../core/records/stages';
import {
  BoardRows,
  DEFAULT_SORT,
  NO_FILTER,
  boardColumns,
  cannotMove,
  cardLabel,
  countText,
  filterRows,
  focusTarget,
  isFiltered,
  isOverdue,
  keyboardMoveTarget,
  moveChange,
  movedText,
  nextSort,
  ownersText,
  scoreText,
  sortRows,
  stageTitle,
  typeTitles,
  visibleRange,
  type BoardColumn,
  type BoardColumnId,
  type BoardFilter,
  type BoardSort,
} from './model';

/** Every card and table row has one height, so a long list renders only what is on screen. */
const CARD_HEIGHT = 112;
const CARD_GAP = 6;
const CARD_STEP = CARD_HEIGHT + CARD_GAP;
const ROW_HEIGHT = 28;
const STAGE_ICONS: Record<BoardColumnId, string> = { prospect: 'search', contacted: 'mail', agreed: 'pass', active: 'pulse', ended: 'circle-slash', broken: 'warning' };

interface State {
  view: BoardView;
  filter: BoardFilter;
  sort: BoardSort;
  /** The card or row that had the focus (its record id). */
  focus?: string;
}

const api = vscodeApi<State>();
const saved = api.getState();
const state: State = {
  view: saved?.view ?? 'board',
  filter: { ...NO_FILTER, ...saved?.filter },
  sort: saved?.sort ?? DEFAULT_SORT,
  focus: saved?.focus,
};
const save = () => api.setState(state);

const info = { today: new Date().toISOString().slice(0, 10), readOnly: false, loading: true, ready: false };
const rows = new BoardRows();

const first = initialMessages();
const rpc = client<BoardFromWebview, BoardResults>(api as never, (m) => onMessage(m as BoardToWebview), first);

document.body.classList.add('board-page');
const root = document.getElementById('app') as HTMLElement;

// ---- Frame: header, filters, status ----------------------------------------------------------

const status = h('div', { class: 'status board-status', role: 'status', 'aria-live': 'polite', id: 'board-status' });
/** What the live region says: a move done (a check), a note (why nothing moved), or an error. */
function clearStatus(): void {
  clear(status);
  status.className = 'status board-status';
}

function showStatus(kind: 'done' | 'info' | 'error', text: string): void {
  clear(status);
  status.className = `status board-status ${kind}`;
  status.append(icon(kind === 'error' ? 'error' : kind === 'done' ? 'check' : 'info'), ' ', text);
}

const summary = h('span', { class: 'board-summary', id: 'board-summary' });

const viewSwitch = h('div', { class: 'view-switch', role: 'radiogroup', 'aria-label': l10n.t('View'), id: 'view-switch' });
const viewButtons: Record<BoardView, HTMLButtonElement> = {
  board: h('button', { type: 'button', role: 'radio', id: 'view-board', class: 'view-seg' }, icon('layout'), l10n.t('Board')),
  table: h('button', { type: 'button', role: 'radio', id: 'view-table', class: 'view-seg' }, icon('table'), l10n.t('Table')),
};
for (const v of ['board', 'table'] as const) {
  const b = viewButtons[v];
  b.addEventListener('click', () => setView(v));
  b.addEventListener('keydown', (e) => {
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      const next: BoardView = e.key === 'Home' ? 'board' : e.key === 'End' ? 'table' : v === 'board' ? 'table' : 'board';
      setView(next);
      viewButtons[next].focus();
    }
  });
  viewSwitch.append(b);
}

const newButton = h('vscode-button', { id: 'board-new', secondary: true, title: l10n.t('New Partnership'), 'aria-label': l10n.t('New Partnership') }, icon('add'), h('span', { class: 'board-new-label' }, ' ', l10n.t('New Partnership')));
newButton.addEventListener('click', () => void rpc.request({ type: 'run', command: 'newPartnership' }).catch((err) => showStatus('error', failureText(err))));

interface ValueElement extends HTMLElement {
  value: string;
}
const filterText = h('vscode-textfield', { id: 'board-filter', placeholder: l10n.t('Filter by partner, community, owner or type'), label: l10n.t('Filter partnerships'), 'aria-label': l10n.t('Filter partnerships') }) as unknown as ValueElement;
filterText.append(h('span', { slot: 'content-before', class: 'codicon codicon-filter', 'aria-hidden': 'true' }));
// The platform's <select> in VS Code's look (media/webview.css), not vscode-single-select (about 50 KB).
const stageSelect = h('select', { id: 'board-stage', 'aria-label': l10n.t('Filter by stage'), title: l10n.t('Filter by stage') });
stageSelect.append(h('option', { value: '' }, l10n.t('All stages')), ...[...STAGES, 'broken' as const].map((s) => h('option', { value: s }, stageTitle(s))));
const typeSelect = h('select', { id: 'board-type', 'aria-label': l10n.t('Filter by type'), title: l10n.t('Filter by type') });
typeSelect.append(h('option', { value: '' }, l10n.t('All types')), ...PARTNERSHIP_TYPES.map((t) => h('option', { value: t.id }, t.title)));
const clearButton = h('vscode-button', { id: 'board-clear', secondary: true }, l10n.t('Clear filters'));

let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterText.addEventListener('input', () => {
  if (filterTimer) clearTimeout(filterTimer);
  // A short wait while typing, so 10,000 rows are filtered once per pause, not per key.
  filterTimer = setTimeout(() => {
    state.filter = { ...state.filter, text: filterText.value };
    save();
    clearStatus();
    render();
  }, rows.size > 2000 ? 120 : 0);
});
stageSelect.addEventListener('change', () => {
  state.filter = { ...state.filter, stage: stageSelect.value as BoardFilter['stage'] };
  save();
  render();
});
typeSelect.addEventListener('change', () => {
  state.filter = { ...state.filter, type: typeSelect.value };
  save();
  render();
});
clearButton.addEventListener('click', () => clearFilters());

function clearFilters(): void {
  state.filter = { ...NO_FILTER };
  filterText.value = '';
  stageSelect.value = '';
  typeSelect.value = '';
  save();
  render();
  filterText.focus();
}

const readOnlyNote = h('p', { class: 'notice board-readonly', id: 'board-readonly', hidden: true }, icon('lock'), h('span', {}, l10n.t('This workspace is in Restricted Mode: the board shows the records, and moves are not written.')));

const header = h(
  'header',
  { class: 'board-header' },
  h('div', { class: 'board-title' }, h('h1', {}, l10n.t('Pipeline Board')), summary),
  viewSwitch,
  h('span', { class: 'spacer' }),
  newButton,
);
const filters = h('div', { class: 'board-filters', role: 'search', 'aria-label': l10n.t('Filters') }, filterText, stageSelect, typeSelect, clearButton);
const body = h('main', { class: 'board-body', id: 'board-body' });
root.append(header, filters, readOnlyNote, status, body);

function setView(v: BoardView): void {
  if (state.view !== v) {
    state.view = v;
    save();
    rpc.notify({ type: 'prefs', prefs: { view: state.view, sort: state.sort } });
  }
  render();
}

// ---- Rendering -------------------------------------------------------------------------------

let frame = 0;
/** Renders in the next frame (news from the extension, scrolling); `render` renders now. */
function schedule(): void {
  if (!frame) frame = requestAnimationFrame(() => render());
}

let lastColumns: BoardColumn[] = [];

function render(): void {
  if (frame) cancelAnimationFrame(frame);
  frame = 0;
  for (const v of ['board', 'table'] as const) {
    viewButtons[v].setAttribute('aria-checked', String(state.view === v));
    viewButtons[v].tabIndex = state.view === v ? 0 : -1;
  }
  readOnlyNote.hidden = !info.readOnly;
  stageSelect.hidden = state.view === 'board';
  clearButton.toggleAttribute('disabled', !isFiltered(state.filter));
  const all = rows.all();
  const shown = filterRows(all, state.view === 'board' ? { ...state.filter, stage: '' } : state.filter);
  summary.textContent = info.loading && !all.length ? l10n.t('Loading…') : isFiltered(state.filter) ? l10n.t('{0} of {1}', shown.length, countText(all.length)) : countText(all.length);
  body.dataset.view = state.view;
  if (!all.length) {
    renderEmpty(info.loading ? 'loading' : 'none');
    return;
  }
  if (!shown.length) {
    renderEmpty('noMatch');
    return;
  }
  if (state.view === 'board') renderBoard(shown);
  else renderTable(shown);
  if (info.ready && !info.loading) markRendered();
}

function renderEmpty(kind: 'loading' | 'none' | 'noMatch'): void {
  board = undefined;
  table = undefined;
  clear(body);
  if (kind === 'loading') {
    body.append(h('p', { class: 'empty', id: 'board-empty' }, icon('loading', 'codicon-modifier-spin'), ' ', l10n.t('Loading partnerships…')));
    return;
  }
  if (kind === 'none') {
    const start = h('vscode-button', { id: 'board-empty-new' }, icon('add'), ' ', l10n.t('New Partnership'));
    start.addEventListener('click', () => void rpc.request({ type: 'run', command: 'newPartnership' }).catch((err) => showStatus('error', failureText(err))));
    body.append(h('div', { class: 'empty', id: 'board-empty' }, h('p', {}, l10n.t('No partnerships yet. Each partnership is a Markdown file in your partnerships folder: plain files you share and review in git.')), start));
    return;
  }
  const again = h('vscode-button', { id: 'board-empty-clear', secondary: true }, l10n.t('Clear filters'));
  again.addEventListener('click', () => clearFilters());
  body.append(h('div', { class: 'empty', id: 'board-empty' }, h('p', {}, l10n.t('No partnership matches these filters.')), again));
}

// ---- Board -----------------------------------------------------------------------------------

interface ColumnView {
  id: BoardColumnId;
  section: HTMLElement;
  count: HTMLElement;
  scroller: HTMLElement;
  spacer: HTMLElement;
  rows: BoardRow[];
  /** The rendered window, and the cards in it by record id. */
  start: number;
  end: number;
  key: BoardRow[] | undefined;
}

let board: { container: HTMLElement; columns: ColumnView[]; height: number } | undefined;
let drag: { id: string; from: BoardColumnId } | undefined;

function renderBoard(shown: BoardRow[]): void {
  table = undefined;
  const columns = boardColumns(shown);
  lastColumns = columns;
  if (!board || board.columns.map((c) => c.id).join() !== columns.map((c) => c.id).join()) {
    clear(body);
    const container = h('div', { class: 'columns', id: 'board-columns', role: 'list', 'aria-label': l10n.t('Pipeline by stage') });
    const views: ColumnView[] = columns.map((c) => makeColumn(c.id));
    container.append(...views.map((v) => v.section));
    body.append(container);
    board = { container, columns: views, height: 0 };
    resizeObserver.observe(container);
  }
  // One read of the layout per render, before any write.
  board.height = board.columns[0]?.scroller.clientHeight || board.height || window.innerHeight;
  const scrolls = board.columns.map((c) => c.scroller.scrollTop);
  columns.forEach((c, i) => fillColumn(board!.columns[i], c, scrolls[i]));
  ensureTabStop();
}

function makeColumn(id: BoardColumnId): ColumnView {
  const count = h('span', { class: 'column-count', id: `count-${id}` });
  const title = h('h2', { class: 'column-title', id: `title-${id}` }, icon(STAGE_ICONS[id]), ' ', stageTitle(id), ' ', count);
  const spacer = h('div', { class: 'column-spacer' });
  const scroller = h('div', { class: 'column-body', id: `column-${id}`, role: 'list', 'aria-labelledby': `title-${id}`, 'data-stage': id }, spacer);
  const section = h('section', { class: `column stage-${id}`, role: 'listitem', 'data-stage': id }, title, scroller);
  const view: ColumnView = { id, section, count, scroller, spacer, rows: [], start: 0, end: 0, key: undefined };
  scroller.addEventListener('scroll', () => {
    const r = visibleRange(scroller.scrollTop, board?.height ?? scroller.clientHeight, CARD_STEP, view.rows.length);
    if (r.start !== view.start || r.end !== view.end) requestAnimationFrame(() => fillColumn(view, { id, title: '', rows: view.rows }, scroller.scrollTop));
  });
  if (id !== 'broken') {
    scroller.addEventListener('dragover', (e) => {
      if (!drag || drag.from === id) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      section.classList.add('drop-target');
    });
    scroller.addEventListener('dragleave', (e) => {
      if (!scroller.contains(e.relatedTarget as Node | null)) section.classList.remove('drop-target');
    });
    scroller.addEventListener('drop', (e) => {
      e.preventDefault();
      section.classList.remove('drop-target');
      const id_ = drag?.id ?? e.dataTransfer?.getData('application/x-partnership-id');
      drag = undefined;
      if (id_) void move(id_, id as Stage, 'drag');
    });
  }
  return view;
}

function fillColumn(view: ColumnView, column: BoardColumn, scrollTop: number): void {
  view.rows = column.rows;
  view.count.textContent = String(column.rows.length);
  view.count.setAttribute('aria-label', countText(column.rows.length));
  view.spacer.style.height = `${Math.max(0, column.rows.length * CARD_STEP - CARD_GAP)}px`;
  // The focused card stays in the DOM even when scrolled away, so the focus is never lost.
  const r = visibleRange(scrollTop, board?.height ?? 600, CARD_STEP, column.rows.length);
  if (view.key === column.rows && r.start === view.start && r.end === view.end) return;
  view.key = column.rows;
  view.start = r.start;
  view.end = r.end;
  const keep = new Map<string, HTMLElement>();
  for (const el of [...view.scroller.querySelectorAll<HTMLElement>('.card')]) {
    if (el.contains(document.activeElement)) keep.set(el.dataset.id!, el);
    else el.remove();
  }
  const frag = document.createDocumentFragment();
  for (let i = r.start; i < r.end; i++) {
    const row = column.rows[i];
    const kept = keep.get(row.id);
    if (kept) keep.delete(row.id);
    const el = card(row, view.id, i, column.rows.length);
    el.style.top = `${i * CARD_STEP}px`;
    if (kept) {
      kept.replaceWith(el);
      el.focus();
    } else frag.append(el);
  }
  view.scroller.append(frag);
  // A focused card that left the window (its row moved away) goes; the focus follows below.
  for (const el of keep.values()) el.remove();
}

function card(row: BoardRow, col: BoardColumnId, index: number, count: number): HTMLElement {
  const movable = !info.readOnly && !row.broken;
  const review = row.broken ? undefined : reviewFlag(row, info.today);
  const overdue = isOverdue(row, info.today) || review?.status === 'overdue';
  const types = typeTitles(row);
  const score = scoreText(row);
  const owners = ownersText(row);
  const lines: HTMLElement[] = [h('div', { class: 'card-title', title: row.partner }, row.partner)];
  if (row.broken) {
    lines.push(h('div', { class: 'card-line problem', title: row.problem ?? '' }, icon('warning'), ' ', row.problem ?? l10n.t('Cannot be read')));
    lines.push(h('div', { class: 'card-line muted' }, row.fileName));
  } else {
    lines.push(h('div', { class: 'card-line muted', title: types.join(', ') }, types.length ? types.join(', ') : l10n.t('No type yet')));
    if (score) lines.push(h('div', { class: `card-line fit verdict-${row.verdict ?? 'partial'}`, title: l10n.t('Partner fit') }, icon('star-empty'), ' ', score));
    // The review shares the check-in's line (a card has room for five lines, CARD_HEIGHT), and
    // comes first: it is flagged only when due soon or overdue, and a narrow card cuts the end of
    // the line. The line's tooltip says both whole.
    const reviewText = review ? reviewFlagText(review) : undefined;
    const reviewPart = review ? h('span', { class: `card-review ${review.status}` }, icon('milestone'), ' ', reviewText ?? '') : null;
    if (row.nextCheckIn) {
      const late = isOverdue(row, info.today);
      const dueTitle = late ? l10n.t('Check-in overdue since {0}', formatDate(row.nextCheckIn)) : l10n.t('Next check-in {0}', formatDate(row.nextCheckIn));
      const reviewTitle = review ? l10n.t('Review date {0}', formatDate(review.review)) : undefined;
      lines.push(
        h(
          'div',
          { class: `card-line card-due${late ? ' overdue' : ''}`, title: reviewTitle ? `${reviewTitle} (${reviewText}) · ${dueTitle}` : dueTitle },
          reviewPart,
          reviewPart ? ' · ' : null,
          h('span', { class: 'card-checkin' }, icon(late ? 'bell-dot' : 'calendar'), ' ', late ? l10n.t('Overdue {0}', formatDate(row.nextCheckIn)) : l10n.t('Next check-in {0}', formatDate(row.nextCheckIn))),
        ),
      );
    } else if (review && reviewPart) lines.push(h('div', { class: 'card-line', title: `${l10n.t('Review date {0}', formatDate(review.review))} (${reviewText})` }, reviewPart));
    if (owners) lines.push(h('div', { class: 'card-line muted', title: owners }, icon('person'), ` ${owners}`));
  }
  const menu = h('button', { type: 'button', class: 'icon card-menu', tabindex: -1, title: l10n.t('Move to…'), 'aria-label': l10n.t('Actions for {0}', row.partner), 'aria-haspopup': 'menu' }, icon('kebab-vertical'));
  const el = h(
    'div',
    {
      class: `card${overdue ? ' is-overdue' : ''}${row.broken ? ' is-broken' : ''}${state.focus === row.id ? ' is-focus' : ''}`,
      role: 'listitem',
      tabindex: state.focus === row.id ? 0 : -1,
      id: `card-${cssId(row.id)}`,
      'data-id': row.id,
      'data-stage': col,
      'aria-label': cardLabel(row, info.today),
      'aria-setsize': count,
      'aria-posinset': index + 1,
      'aria-roledescription': l10n.t('card'),
      'aria-keyshortcuts': movable ? 'Alt+ArrowLeft Alt+ArrowRight Enter Shift+F10' : 'Enter',
      draggable: movable ? 'true' : undefined,
    },
    ...lines,
    menu,
  );
  el.addEventListener('focus', () => {
    if (state.focus !== row.id) {
      state.focus = row.id;
      save();
      ensureTabStop();
    }
  });
  el.addEventListener('click', (e) => {
    if ((e.target as Element).closest('.card-menu')) return;
    el.focus();
  });
  el.addEventListener('dblclick', () => openRecord(row.id));
  el.addEventListener('keydown', (e) => onCardKey(e, row.id));
  el.addEventListener('contextmenu', (e) => {
    e.preventDefault();
    openMenu(row.id, el);
  });
  menu.addEventListener('click', (e) => {
    e.stopPropagation();
    openMenu(row.id, el);
  });
  if (movable) {
    el.addEventListener('dragstart', (e) => {
      drag = { id: row.id, from: col };
      e.dataTransfer?.setData('application/x-partnership-id', row.id);
      e.dataTransfer?.setData('text/plain', row.partner);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      el.classList.add('dragging');
    });
    el.addEventListener('dragend', () => {
      drag = undefined;
      el.classList.remove('dragging');
      for (const s of document.querySelectorAll('.drop-target')) s.classList.remove('drop-target');
    });
  }
  return el;
}

function cssId(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

/** Where the focus is on the board: its column and place, from the id of the focused card. */
function focusedAt(id: string | undefined): { col: number; index: number } | undefined {
  if (!id) return undefined;
  for (let c = 0; c < lastColumns.length; c++) {
    const i = lastColumns[c].rows.findIndex((r) => r.id === id);
    if (i >= 0) return { col: c, index: i };
  }
  return undefined;
}

/** The board is one Tab stop: the focused card, or the first card of the first column with cards. */
function ensureTabStop(): void {
  if (!board) return;
  let at = focusedAt(state.focus);
  if (!at) {
    const c = lastColumns.findIndex((col) => col.rows.length > 0);
    if (c < 0) return;
    at = { col: c, index: 0 };
    state.focus = lastColumns[c].rows[0].id;
  }
  for (const el of board.container.querySelectorAll<HTMLElement>('.card')) {
    const mine = el.dataset.id === state.focus;
    el.tabIndex = mine ? 0 : -1;
    el.classList.toggle('is-focus', mine);
  }
}

/** Puts the focus on a card, scrolling its column so that it is rendered first. */
function focusCard(col: number, index: number): void {
  if (!board) return;
  const view = board.columns[col];
  const row = lastColumns[col]?.rows[index];
  if (!view || !row) return;
  state.focus = row.id;
  save();
  const top = index * CARD_STEP;
  const h_ = board.height;
  if (top < view.scroller.scrollTop) view.scroller.scrollTop = top;
  else if (top + CARD_HEIGHT > view.scroller.scrollTop + h_) view.scroller.scrollTop = top + CARD_HEIGHT - h_;
  fillColumn(view, lastColumns[col], view.scroller.scrollTop);
  ensureTabStop();
  view.scroller.querySelector<HTMLElement>(`.card[data-id="${CSS.escape(row.id)}"]`)?.focus();
}

function onCardKey(e: KeyboardEvent, id: string): void {
  const row = rows.get(id);
  const target = keyboardMoveTarget(e.key, { alt: e.altKey, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey }, row?.broken ? undefined : row?.stage);
  if (target) {
    e.preventDefault();
    e.stopPropagation();
    void move(id, target, 'keyboard');
    return;
  }
  if ((e.altKey || e.ctrlKey || e.metaKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
    // At either end, or a card that cannot move: say why instead of moving the focus.
    e.preventDefault();
    const why = row && row.stage ? cannotMove(row, row.stage, info.readOnly) : cannotMove(row, 'prospect', info.readOnly);
    showStatus('info', row?.broken || info.readOnly ? why ?? '' : e.key === 'ArrowLeft' ? l10n.t('{0} is at the first stage already.', row?.partner ?? '') : l10n.t('{0} is at the last stage already.', row?.partner ?? ''));
    return;
  }
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    openRecord(id);
    return;
  }
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
    e.preventDefault();
    openMenu(id, e.currentTarget as HTMLElement);
    return;
  }
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const at = focusedAt(id);
  if (!at) return;
  const next = focusTarget(e.key, at, lastColumns.map((c) => c.rows.length));
  if (next) {
    e.preventDefault();
    focusCard(next.col, next.index);
  }
}

// ---- The card's menu: Move to…, Open --------------------------------------------------------

let menuEl: HTMLElement | undefined;

function closeMenu(refocus: boolean): void {
  const m = menuEl;
  menuEl = undefined;
  m?.remove();
  if (refocus && state.focus) {
    const at = focusedAt(state.focus);
    if (at) focusCard(at.col, at.index);
  }
}

function openMenu(id: string, anchor: HTMLElement): void {
  closeMenu(false);
  const row = rows.get(id);
  if (!row) return;
  const items: HTMLButtonElement[] = [];
  const open = h('button', { type: 'button', role: 'menuitem', class: 'menu-item', id: 'menu-open', tabindex: -1 }, icon('go-to-file'), ' ', l10n.t('Open Record'));
  open.addEventListener('click', () => {
    closeMenu(false);
    openRecord(id);
  });
  items.push(open);
  const list = h('div', { class: 'menu', role: 'menu', id: 'card-menu', 'aria-label': l10n.t('Actions for {0}', row.partner) }, open, h('div', { class: 'menu-separator', role: 'separator' }));
  list.append(h('div', { class: 'menu-heading', 'aria-hidden': 'true' }, l10n.t('Move to…')));
  for (const s of STAGES) {
    const here = row.stage === s && !row.broken;
    const disabled = !!cannotMove(row, s, info.readOnly);
    const b = h(
      'button',
      { type: 'button', role: 'menuitemradio', 'aria-checked': String(here), class: 'menu-item', id: `menu-move-${s}`, tabindex: -1, 'aria-disabled': disabled ? 'true' : undefined, 'aria-label': l10n.t('Move to {0}', stageTitle(s)) },
      icon(here ? 'check' : STAGE_ICONS[s]),
      ' ',
      stageTitle(s),
    );
    b.addEventListener('click', () => {
      if (disabled) {
        showStatus('info', cannotMove(row, s, info.readOnly) ?? '');
        return;
      }
      closeMenu(false);
      void move(id, s, 'menu');
    });
    items.push(b);
    list.append(b);
  }
  list.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      closeMenu(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const n = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[n].focus();
    }
  });
  list.addEventListener('focusout', (e) => {
    if (!list.contains(e.relatedTarget as Node | null)) setTimeout(() => menuEl === list && closeMenu(false), 0);
  });
  document.body.append(list);
  menuEl = list;
  // Placed below the card, kept inside the window.
  const r = anchor.getBoundingClientRect();
  const w = list.offsetWidth;
  const hgt = list.offsetHeight;
  list.style.left = `${Math.max(4, Math.min(r.left + 8, window.innerWidth - w - 4))}px`;
  list.style.top = `${r.bottom + hgt + 4 > window.innerHeight ? Math.max(4, r.top - hgt - 2) : r.bottom + 2}px`;
  (items.find((b, k) => k > 0 && b.getAttribute('aria-checked') !== 'true' && !b.hasAttribute('aria-disabled')) ?? items[0]).focus();
}

// ---- Moves: shown at once, written, taken back if the write fails ------------------------------

async function move(id: string, stage: Stage, how: 'drag' | 'keyboard' | 'menu'): Promise<void> {
  const before = rows.get(id);
  const why = cannotMove(before, stage, info.readOnly);
  if (why || !before) {
    if (before?.stage !== stage || before?.broken || info.readOnly) showStatus('info', why ?? '');
    return;
  }
  const token = rows.move(id, stage);
  if (token === undefined) return;
  state.focus = id;
  // In the same frame: the card is in its new column before the write starts.
  render();
  const at = focusedAt(id);
  if (at && how !== 'drag') focusCard(at.col, at.index);
  const moved = rows.get(id)!;
  showStatus('done', movedText(moved, stage, at?.index ?? 0, lastColumns[at?.col ?? 0]?.rows.length ?? 0));
  try {
    const result = await rpc.request({ type: 'edit', id, change: moveChange(stage) });
    rows.settle(token, result.row);
    if (result.inEditor) showStatus('done', l10n.t('Moved {0} to {1} in its editor, which has unsaved changes: save it there.', before.partner, stageTitle(stage)));
  } catch (err) {
    rows.rollback(token);
    showStatus('error', l10n.t('{0} was not moved to {1}: {2}', before.partner, stageTitle(stage), failureText(err)));
  }
  render();
  if (how !== 'drag') {
    const back = focusedAt(id);
    if (back && document.activeElement?.closest('.card')) focusCard(back.col, back.index);
  }
}

function openRecord(id: string): void {
  void rpc.request({ type: 'open', id }).catch((err) => showStatus('error', failureText(err)));
}

// ---- Table -----------------------------------------------------------------------------------

const COLUMNS: { key: BoardSortKey; title: () => string; cell: (r: BoardRow) => HTMLElement | string }[] = [
  { key: 'partner', title: () => l10n.t('Partner'), cell: (r) => partnerCell(r) },
  { key: 'stage', title: () => l10n.t('Stage'), cell: (r) => h('span', { class: `stage-chip stage-${r.broken || !r.stage ? 'broken' : r.stage}` }, icon(STAGE_ICONS[r.broken || !r.stage ? 'broken' : r.stage]), ' ', stageTitle(r.broken || !r.stage ? 'broken' : r.stage)) },
  { key: 'type', title: () => l10n.t('Type'), cell: (r) => typeTitles(r).join(', ') },
  { key: 'score', title: () => l10n.t('Score'), cell: (r) => h('span', { class: `fit verdict-${r.verdict ?? 'partial'}` }, scoreText(r)) },
  {
    key: 'nextCheckIn',
    title: () => l10n.t('Next check-in'),
    cell: (r) =>
      r.nextCheckIn
        ? isOverdue(r, info.today)
          ? h('span', { class: 'card-due overdue', title: l10n.t('Check-in overdue since {0}', formatDate(r.nextCheckIn)) }, icon('bell-dot'), ' ', formatDate(r.nextCheckIn), h('span', { class: 'visually-hidden' }, ` (${l10n.t('overdue')})`))
          : h('span', { class: 'card-due' }, formatDate(r.nextCheckIn))
        : '',
  },
  { key: 'review', title: () => l10n.t('Review date'), cell: (r) => (r.review ? formatDate(r.review) : '') },
  { key: 'owners', title: () => l10n.t('Owners'), cell: (r) => ownersText(r) },
];

function partnerCell(r: BoardRow): HTMLElement {
  const b = h('button', { type: 'button', class: 'link cell-link', 'data-id': r.id, title: l10n.t('Open {0}', r.fileName) }, r.broken ? icon('warning') : '', r.broken ? ' ' : '', r.partner);
  b.addEventListener('click', () => openRecord(r.id));
  return b;
}

let table: { wrap: HTMLElement; tbody: HTMLElement; head: HTMLElement; top: HTMLElement; bottom: HTMLElement; rows: BoardRow[]; start: number; end: number; key?: BoardRow[]; height: number } | undefined;

function renderTable(shown: BoardRow[]): void {
  board = undefined;
  const sorted = sortRows(shown, state.sort);
  if (!table) {
    clear(body);
    const headRow = h('tr', { 'aria-rowindex': 1 });
    const head = h('thead', {}, headRow);
    const top = h('tr', { class: 'spacer-row', 'aria-hidden': 'true' }, h('td', { colspan: COLUMNS.length }));
    const bottom = h('tr', { class: 'spacer-row', 'aria-hidden': 'true' }, h('td', { colspan: COLUMNS.length }));
    const tbody = h('tbody', {}, top, bottom);
    const t = h('table', { class: 'board-table', id: 'board-table', 'aria-label': l10n.t('Partnerships') }, head, tbody);
    const wrap = h('div', { class: 'table-wrap', id: 'table-wrap' }, t);
    body.append(wrap);
    table = { wrap, tbody, head: headRow, top, bottom, rows: [], start: 0, end: 0, height: 0 };
    wrap.addEventListener('scroll', () => {
      const r = visibleRange(wrap.scrollTop, table?.height ?? wrap.clientHeight, ROW_HEIGHT, table?.rows.length ?? 0, 10);
      if (table && (r.start !== table.start || r.end !== table.end)) requestAnimationFrame(() => fillTable());
    });
    resizeObserver.observe(wrap);
  }
  // The header: a button per column, its sort said by aria-sort.
  clear(table.head);
  for (const c of COLUMNS) {
    const sortedHere = state.sort.key === c.key;
    const b = h('button', { type: 'button', class: 'sort', id: `sort-${c.key}` }, c.title(), ' ', icon(sortedHere ? (state.sort.dir === 'asc' ? 'arrow-up' : 'arrow-down') : 'blank'));
    b.addEventListener('click', () => {
      state.sort = nextSort(state.sort, c.key);
      save();
      rpc.notify({ type: 'prefs', prefs: { view: state.view, sort: state.sort } });
      render();
      document.getElementById(`sort-${c.key}`)?.focus();
      showStatus('done', state.sort.dir === 'asc' ? l10n.t('Sorted by {0}, ascending.', c.title()) : l10n.t('Sorted by {0}, descending.', c.title()));
    });
    table.head.append(h('th', { scope: 'col', class: `col-${c.key}`, 'aria-sort': sortedHere ? (state.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' }, b));
  }
  table.rows = sorted;
  table.key = undefined;
  table.wrap.querySelector('table')!.setAttribute('aria-rowcount', String(sorted.length + 1));
  fillTable();
}

function fillTable(): void {
  if (!table) return;
  const t = table;
  t.height = t.wrap.clientHeight || t.height || window.innerHeight;
  const r = visibleRange(t.wrap.scrollTop, t.height, ROW_HEIGHT, t.rows.length, 10);
  if (t.key === t.rows && r.start === t.start && r.end === t.end) return;
  t.key = t.rows;
  t.start = r.start;
  t.end = r.end;
  const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('tr')?.dataset.id;
  for (const tr of [...t.tbody.querySelectorAll('tr.data-row')]) tr.remove();
  (t.top.firstChild as HTMLElement).style.height = `${r.start * ROW_HEIGHT}px`;
  (t.bottom.firstChild as HTMLElement).style.height = `${(t.rows.length - r.end) * ROW_HEIGHT}px`;
  const frag = document.createDocumentFragment();
  for (let i = r.start; i < r.end; i++) {
    const row = t.rows[i];
    const tr = h('tr', { class: `data-row${row.broken ? ' is-broken' : ''}`, 'data-id': row.id, 'aria-rowindex': i + 2 });
    for (const c of COLUMNS) {
      const v = c.cell(row);
      tr.append(h('td', { class: `col-${c.key}`, title: typeof v === 'string' ? v : v.textContent ?? '' }, v));
    }
    frag.append(tr);
  }
  t.tbody.insertBefore(frag, t.bottom);
  if (focusedId) t.tbody.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(focusedId)}"] .cell-link`)?.focus();
}

const resizeObserver = new ResizeObserver(() => schedule());

// ---- News from the extension ----------------------------------------------------------------

function onMessage(m: BoardToWebview): void {
  if (m.type === 'rows') {
    rows.receive(m);
    info.loading = m.loading;
    info.today = m.today;
    if (!info.ready) return;
    if (board) board.columns.forEach((c) => (c.key = undefined));
    schedule();
  } else if (m.type === 'readOnly') {
    info.readOnly = m.readOnly;
    board = undefined;
    schedule();
  }
}

/**
 * The page's settings from the host, and its first render: at once from the HTML's data (its
 * settings and, when the records were read, every row), then again with `ready`'s answer.
 */
async function start(): Promise<void> {
  const had = first.find((m) => m.type === 'init') as (BoardResults['ready'] & { type: string }) | undefined;
  for (const m of first) if (m.type === 'rows') onMessage(m as BoardToWebview);
  if (had) begin(had);
  begin(await rpc.request({ type: 'ready' }));
}

function begin(init: BoardResults['ready']): void {
  info.today = init.today;
  info.readOnly = init.readOnly;
  // The workspace's choice wins over a page state from before (another window may have changed it).
  if (!saved) {
    state.view = init.prefs.view;
    if (init.prefs.sort) state.sort = init.prefs.sort;
  }
  filterText.value = state.filter.text;
  stageSelect.value = state.filter.stage;
  typeSelect.value = state.filter.type;
  info.ready = true;
  save();
  render();
}

void start().catch((err) => showStatus('error', failureText(err)));
