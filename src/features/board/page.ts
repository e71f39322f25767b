import '../../webview/lib/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { BoardFromWebview, BoardResults, BoardSortKey, BoardToWebview, BoardView, BoardRow } from './protocol';
import { clear, h, icon, markRendered, vscodeApi, type VsCodeApi } from '../../webview/lib/dom';
import { Page } from '../../webview/lib/page';
import { client, failureText, initialMessages } from '../../webview/lib/rpc';
import { l10n } from '../../core/l10n';
import { PARTNERSHIP_TYPES } from '../../core/domain';
import { reviewFlag } from '../../core/planner/checkins';
import { reviewFlagText } from '../../core/planner/labels';
import { STAGES, STAGE_ICONS, type Stage } from '../../core/records/stages';
import { formatDate } from '../../core/dates';
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
const COLUMN_ICONS: Readonly<Record<BoardColumnId, string>> = { ...STAGE_ICONS, broken: 'warning' };

interface State {
  view: BoardView;
  filter: BoardFilter;
  sort: BoardSort;
  /** The card or row that had the focus (its record id). */
  focus?: string;
}

interface ValueElement extends HTMLElement {
  value: string;
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
  /**
   * The cards in the DOM by record id, each with the row it shows and its place: a render keeps
   * a card whose row is the same object and only moves it, so a move builds one card, not every
   * card on screen again.
   */
  cards: Map<string, ShownCard>;
  /** The column's scroll position as last read (a render reads it before it writes). */
  scrollTop: number;
}

interface ShownCard {
  row: BoardRow;
  el: HTMLElement;
  index: number;
  count: number;
}

/** Writes an attribute only when it changes: the same value written again still costs a style pass. */
function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** A card's place in its column: its offset, and its position for a screen reader. */
function placeCard(el: HTMLElement, index: number, count: number): void {
  el.style.top = `${index * CARD_STEP}px`;
  setAttr(el, 'aria-posinset', String(index + 1));
  setAttr(el, 'aria-setsize', String(count));
}

function cssId(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

class BoardPage extends Page<State> {
  private readonly saved = this.vscode.getState();
  private readonly state: State = {
    view: this.saved?.view ?? 'board',
    filter: { ...NO_FILTER, ...this.saved?.filter },
    sort: this.saved?.sort ?? DEFAULT_SORT,
    focus: this.saved?.focus,
  };
  private readonly save = () => this.vscode.setState(this.state);
  private readonly info = { today: new Date().toISOString().slice(0, 10), readOnly: false, loading: true, ready: false };
  private readonly rows = new BoardRows();
  private readonly first = initialMessages();
  private readonly rpc = client<BoardFromWebview, BoardResults>(this.vscode as never, (m) => this.onMessage(m as BoardToWebview), this.first);

  // ---- Frame: header, filters, status ----------------------------------------------------------
  private readonly status = h('div', { class: 'status board-status', role: 'status', 'aria-live': 'polite', id: 'board-status' });
  private readonly summary = h('span', { class: 'board-summary', id: 'board-summary' });
  private readonly viewSwitch = h('div', { class: 'view-switch', role: 'radiogroup', 'aria-label': l10n.t('View'), id: 'view-switch' });
  private readonly viewButtons: Record<BoardView, HTMLButtonElement> = {
    board: h('button', { type: 'button', role: 'radio', id: 'view-board', class: 'view-seg' }, icon('layout'), l10n.t('Board')),
    table: h('button', { type: 'button', role: 'radio', id: 'view-table', class: 'view-seg' }, icon('table'), l10n.t('Table')),
  };
  private readonly newButton = h('vscode-button', { id: 'board-new', secondary: true, title: l10n.t('New Partnership'), 'aria-label': l10n.t('New Partnership') }, icon('add'), h('span', { class: 'board-new-label' }, ' ', l10n.t('New Partnership')));
  private readonly filterText = h('vscode-textfield', { id: 'board-filter', placeholder: l10n.t('Filter by partner, community, owner or type'), label: l10n.t('Filter partnerships'), 'aria-label': l10n.t('Filter partnerships') }) as unknown as ValueElement;
  // The platform's <select> in VS Code's look (media/webview.css), not vscode-single-select (about 50 KB).
  private readonly stageSelect = h('select', { id: 'board-stage', 'aria-label': l10n.t('Filter by stage'), title: l10n.t('Filter by stage') });
  private readonly typeSelect = h('select', { id: 'board-type', 'aria-label': l10n.t('Filter by type'), title: l10n.t('Filter by type') });
  private readonly clearButton = h('vscode-button', { id: 'board-clear', secondary: true }, l10n.t('Clear filters'));
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly readOnlyNote = h('p', { class: 'notice board-readonly', id: 'board-readonly', hidden: true }, icon('lock'), h('span', {}, l10n.t('This workspace is in Restricted Mode: the board shows the records, and moves are not written.')));
  private readonly header = h(
    'header',
    { class: 'board-header' },
    h('div', { class: 'board-title' }, h('h1', {}, l10n.t('Pipeline Board')), this.summary),
    this.viewSwitch,
    h('span', { class: 'spacer' }),
    this.newButton,
  );
  private readonly filters = h('div', { class: 'board-filters', role: 'search', 'aria-label': l10n.t('Filters') }, this.filterText, this.stageSelect, this.typeSelect, this.clearButton);
  private readonly body = h('main', { class: 'board-body', id: 'board-body' });

  // ---- Rendering -------------------------------------------------------------------------------
  private frame = 0;
  private lastColumns: BoardColumn[] = [];
  private board: { container: HTMLElement; columns: ColumnView[]; height: number; day: string } | undefined;
  private drag: { id: string; from: BoardColumnId } | undefined;
  /** Cards that left the board while they held the focus: removed once it moved on (renderBoard). */
  private readonly leaving: HTMLElement[] = [];

  // ---- The card's menu: Move to…, Open --------------------------------------------------------
  private menuEl: HTMLElement | undefined;

  // ---- Table -----------------------------------------------------------------------------------
  private readonly tableColumns: { key: BoardSortKey; title: () => string; cell: (r: BoardRow) => HTMLElement | string }[] = [
    { key: 'partner', title: () => l10n.t('Partner'), cell: (r) => this.partnerCell(r) },
    { key: 'stage', title: () => l10n.t('Stage'), cell: (r) => h('span', { class: `stage-chip stage-${r.broken || !r.stage ? 'broken' : r.stage}` }, icon(COLUMN_ICONS[r.broken || !r.stage ? 'broken' : r.stage]), ' ', stageTitle(r.broken || !r.stage ? 'broken' : r.stage)) },
    { key: 'type', title: () => l10n.t('Type'), cell: (r) => typeTitles(r).join(', ') },
    { key: 'score', title: () => l10n.t('Score'), cell: (r) => h('span', { class: `fit verdict-${r.verdict ?? 'partial'}` }, scoreText(r)) },
    {
      key: 'nextCheckIn',
      title: () => l10n.t('Next check-in'),
      cell: (r) =>
        r.nextCheckIn
          ? isOverdue(r, this.info.today)
            ? h('span', { class: 'card-due overdue', title: l10n.t('Check-in overdue since {0}', formatDate(r.nextCheckIn)) }, icon('bell-dot'), ' ', formatDate(r.nextCheckIn), h('span', { class: 'visually-hidden' }, ` (${l10n.t('overdue')})`))
            : h('span', { class: 'card-due' }, formatDate(r.nextCheckIn))
          : '',
    },
    { key: 'review', title: () => l10n.t('Review date'), cell: (r) => (r.review ? formatDate(r.review) : '') },
    { key: 'owners', title: () => l10n.t('Owners'), cell: (r) => ownersText(r) },
  ];
  private table: { wrap: HTMLElement; tbody: HTMLElement; head: HTMLElement; top: HTMLElement; bottom: HTMLElement; rows: BoardRow[]; start: number; end: number; key?: BoardRow[]; height: number } | undefined;
  private readonly resizeObserver = new ResizeObserver(() => this.schedule());

  constructor(root: HTMLElement, vscode: VsCodeApi<State>) {
    super(root, vscode);
    document.body.classList.add('board-page');
    for (const v of ['board', 'table'] as const) {
      const b = this.viewButtons[v];
      b.addEventListener('click', () => this.setView(v));
      b.addEventListener('keydown', (e) => {
        if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) {
          e.preventDefault();
          const next: BoardView = e.key === 'Home' ? 'board' : e.key === 'End' ? 'table' : v === 'board' ? 'table' : 'board';
          this.setView(next);
          this.viewButtons[next].focus();
        }
      });
      this.viewSwitch.append(b);
    }
    this.newButton.addEventListener('click', () => void this.rpc.request({ type: 'run', command: 'newPartnership' }).catch((err) => this.showStatus('error', failureText(err))));
    this.filterText.append(h('span', { slot: 'content-before', class: 'codicon codicon-filter', 'aria-hidden': 'true' }));
    this.stageSelect.append(h('option', { value: '' }, l10n.t('All stages')), ...[...STAGES, 'broken' as const].map((s) => h('option', { value: s }, stageTitle(s))));
    this.typeSelect.append(h('option', { value: '' }, l10n.t('All types')), ...PARTNERSHIP_TYPES.map((t) => h('option', { value: t.id }, t.title)));
    this.filterText.addEventListener('input', () => {
      if (this.filterTimer) clearTimeout(this.filterTimer);
      // A short wait while typing, so 10,000 rows are filtered once per pause, not per key.
      this.filterTimer = setTimeout(() => {
        this.state.filter = { ...this.state.filter, text: this.filterText.value };
        this.save();
        this.clearStatus();
        this.render();
      }, this.rows.size > 2000 ? 120 : 0);
    });
    this.stageSelect.addEventListener('change', () => {
      this.state.filter = { ...this.state.filter, stage: this.stageSelect.value as BoardFilter['stage'] };
      this.save();
      this.render();
    });
    this.typeSelect.addEventListener('change', () => {
      this.state.filter = { ...this.state.filter, type: this.typeSelect.value };
      this.save();
      this.render();
    });
    this.clearButton.addEventListener('click', () => this.clearFilters());
    this.root.append(this.header, this.filters, this.readOnlyNote, this.status, this.body);
    void this.start().catch((err) => this.showStatus('error', failureText(err)));
  }

  /** What the live region says: a move done (a check), a note (why nothing moved), or an error. */
  private clearStatus(): void {
    clear(this.status);
    this.status.className = 'status board-status';
  }

  private showStatus(kind: 'done' | 'info' | 'error', text: string): void {
    clear(this.status);
    this.status.className = `status board-status ${kind}`;
    this.status.append(icon(kind === 'error' ? 'error' : kind === 'done' ? 'check' : 'info'), ' ', text);
  }

  private clearFilters(): void {
    this.state.filter = { ...NO_FILTER };
    this.filterText.value = '';
    this.stageSelect.value = '';
    this.typeSelect.value = '';
    this.save();
    this.render();
    this.filterText.focus();
  }

  private setView(v: BoardView): void {
    if (this.state.view !== v) {
      this.state.view = v;
      this.save();
      this.rpc.notify({ type: 'prefs', prefs: { view: this.state.view, sort: this.state.sort } });
    }
    this.render();
  }

  /** Renders in the next frame (news from the extension, scrolling); `render` renders now. */
  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    // The layout is read before anything is written: a read after a write makes the browser lay
    // the page out there and then, and a card's move would wait for it.
    this.readBoardLayout();
    for (const v of ['board', 'table'] as const) {
      setAttr(this.viewButtons[v], 'aria-checked', String(this.state.view === v));
      if (this.viewButtons[v].tabIndex !== (this.state.view === v ? 0 : -1)) this.viewButtons[v].tabIndex = this.state.view === v ? 0 : -1;
    }
    if (this.readOnlyNote.hidden !== !this.info.readOnly) this.readOnlyNote.hidden = !this.info.readOnly;
    if (this.stageSelect.hidden !== (this.state.view === 'board')) this.stageSelect.hidden = this.state.view === 'board';
    if (this.clearButton.hasAttribute('disabled') !== !isFiltered(this.state.filter)) this.clearButton.toggleAttribute('disabled', !isFiltered(this.state.filter));
    const all = this.rows.all();
    const shown = filterRows(all, this.state.view === 'board' ? { ...this.state.filter, stage: '' } : this.state.filter);
    setText(this.summary, this.info.loading && !all.length ? l10n.t('Loading…') : isFiltered(this.state.filter) ? l10n.t('{0} of {1}', shown.length, countText(all.length)) : countText(all.length));
    if (this.body.dataset.view !== this.state.view) this.body.dataset.view = this.state.view;
    if (!all.length) {
      this.renderEmpty(this.info.loading ? 'loading' : 'none');
      return;
    }
    if (!shown.length) {
      this.renderEmpty('noMatch');
      return;
    }
    if (this.state.view === 'board') this.renderBoard(shown);
    else this.renderTable(shown);
    if (this.info.ready && !this.info.loading) markRendered();
  }

  private renderEmpty(kind: 'loading' | 'none' | 'noMatch'): void {
    this.board = undefined;
    this.table = undefined;
    clear(this.body);
    if (kind === 'loading') {
      this.body.append(h('p', { class: 'empty', id: 'board-empty' }, icon('loading', 'codicon-modifier-spin'), ' ', l10n.t('Loading partnerships…')));
      return;
    }
    if (kind === 'none') {
      const start = h('vscode-button', { id: 'board-empty-new' }, icon('add'), ' ', l10n.t('New Partnership'));
      start.addEventListener('click', () => void this.rpc.request({ type: 'run', command: 'newPartnership' }).catch((err) => this.showStatus('error', failureText(err))));
      this.body.append(h('div', { class: 'empty', id: 'board-empty' }, h('p', {}, l10n.t('No partnerships yet. Each partnership is a Markdown file in your partnerships folder: plain files you share and review in git.')), start));
      return;
    }
    const again = h('vscode-button', { id: 'board-empty-clear', secondary: true }, l10n.t('Clear filters'));
    again.addEventListener('click', () => this.clearFilters());
    this.body.append(h('div', { class: 'empty', id: 'board-empty' }, h('p', {}, l10n.t('No partnership matches these filters.')), again));
  }

  private renderBoard(shown: BoardRow[]): void {
    this.table = undefined;
    const columns = boardColumns(shown);
    this.lastColumns = columns;
    if (!this.board || this.board.columns.map((c) => c.id).join() !== columns.map((c) => c.id).join()) {
      clear(this.body);
      const container = h('div', { class: 'columns', id: 'board-columns', role: 'list', 'aria-label': l10n.t('Pipeline by stage') });
      const views: ColumnView[] = columns.map((c) => this.makeColumn(c.id));
      container.append(...views.map((v) => v.section));
      this.body.append(container);
      this.board = { container, columns: views, height: 0, day: this.info.today };
      this.resizeObserver.observe(container);
    }
    // A card shows the check-in as due or overdue against today: a new day builds every card again.
    if (this.board.day !== this.info.today) {
      this.board.day = this.info.today;
      for (const c of this.board.columns) this.dropCards(c);
    }
    // A board just made is read here (its columns are new: nothing to keep); else render read it first.
    if (!this.board.height) this.readBoardLayout();
    const board = this.board;
    columns.forEach((c, i) => this.fillColumn(board.columns[i], c, board.columns[i].scrollTop));
    this.ensureTabStop();
    if (this.leaving.length) {
      // The focus follows its card (a moved card is a new one in its new column).
      this.cardOf(this.state.focus)?.focus({ preventScroll: true });
      for (const el of this.leaving.splice(0)) el.remove();
    }
  }

  /** The card of a record, when it is in the DOM. */
  private cardOf(id: string | undefined): HTMLElement | undefined {
    if (id === undefined || !this.board) return undefined;
    for (const c of this.board.columns) {
      const card = c.cards.get(id);
      if (card) return card.el;
    }
    return undefined;
  }

  /** The board's one read of the layout per render: the columns' height and scroll positions. */
  private readBoardLayout(): void {
    const board = this.board;
    if (!board) return;
    board.height = board.columns[0]?.scroller.clientHeight || board.height || window.innerHeight;
    for (const c of board.columns) c.scrollTop = c.scroller.scrollTop;
  }

  private makeColumn(id: BoardColumnId): ColumnView {
    const count = h('span', { class: 'column-count', id: `count-${id}` });
    const title = h('h2', { class: 'column-title', id: `title-${id}` }, icon(COLUMN_ICONS[id]), ' ', stageTitle(id), ' ', count);
    const spacer = h('div', { class: 'column-spacer' });
    const scroller = h('div', { class: 'column-body', id: `column-${id}`, role: 'list', 'aria-labelledby': `title-${id}`, 'data-stage': id }, spacer);
    const section = h('section', { class: `column stage-${id}`, role: 'listitem', 'data-stage': id }, title, scroller);
    const view: ColumnView = { id, section, count, scroller, spacer, rows: [], start: 0, end: 0, key: undefined, cards: new Map(), scrollTop: 0 };
    scroller.addEventListener('scroll', () => {
      view.scrollTop = scroller.scrollTop;
      const r = visibleRange(view.scrollTop, this.board?.height ?? scroller.clientHeight, CARD_STEP, view.rows.length);
      if (r.start !== view.start || r.end !== view.end) requestAnimationFrame(() => this.fillColumn(view, { id, title: '', rows: view.rows }, scroller.scrollTop));
    });
    if (id !== 'broken') {
      scroller.addEventListener('dragover', (e) => {
        if (!this.drag || this.drag.from === id) return;
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
        const id_ = this.drag?.id ?? e.dataTransfer?.getData('application/x-partnership-id');
        this.drag = undefined;
        if (id_) void this.move(id_, id as Stage, 'drag');
      });
    }
    return view;
  }

  /**
   * Puts the cards on screen of a column (and a few around them) into the DOM. A card whose row
   * is the same object as before stays and is only moved; a changed row gets a new card (in the
   * old one's place, keeping the focus); cards that left the window or the column go.
   */
  private fillColumn(view: ColumnView, column: BoardColumn, scrollTop: number): void {
    const n = column.rows.length;
    view.rows = column.rows;
    view.scrollTop = scrollTop;
    // Only what changed is written: an unchanged value still costs the browser a style pass.
    if (view.count.textContent !== String(n)) {
      setText(view.count, String(n));
      view.count.setAttribute('aria-label', countText(n));
      view.spacer.style.height = `${Math.max(0, n * CARD_STEP - CARD_GAP)}px`;
    }
    const r = visibleRange(scrollTop, this.board?.height ?? 600, CARD_STEP, n);
    if (view.key === column.rows && r.start === view.start && r.end === view.end) return;
    view.key = column.rows;
    view.start = r.start;
    view.end = r.end;
    const before = view.cards;
    const next = new Map<string, ShownCard>();
    const frag = document.createDocumentFragment();
    for (let i = r.start; i < r.end; i++) {
      const row = column.rows[i];
      const had = before.get(row.id);
      before.delete(row.id);
      if (had && had.row === row) {
        if (had.index !== i || had.count !== n) placeCard(had.el, i, n);
        next.set(row.id, { ...had, index: i, count: n });
        continue;
      }
      const el = this.card(row, view.id);
      placeCard(el, i, n);
      if (had) {
        const focused = had.el.contains(document.activeElement);
        had.el.replaceWith(el);
        if (focused) el.focus({ preventScroll: true });
      } else frag.append(el);
      next.set(row.id, { row, el, index: i, count: n });
    }
    view.scroller.append(frag);
    // A card that left the window or the column goes; one with the focus once the focus has
    // moved on (a focused element removed costs the browser a style pass there and then).
    for (const c of before.values()) {
      if (c.el.contains(document.activeElement)) this.leaving.push(c.el);
      else c.el.remove();
    }
    view.cards = next;
  }

  private dropCards(view: ColumnView): void {
    for (const c of view.cards.values()) c.el.remove();
    view.cards.clear();
    view.key = undefined;
  }

  private card(row: BoardRow, col: BoardColumnId): HTMLElement {
    const movable = !this.info.readOnly && !row.broken;
    const review = row.broken ? undefined : reviewFlag(row, this.info.today);
    const overdue = isOverdue(row, this.info.today) || review?.status === 'overdue';
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
        const late = isOverdue(row, this.info.today);
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
        class: `card${overdue ? ' is-overdue' : ''}${row.broken ? ' is-broken' : ''}${this.state.focus === row.id ? ' is-focus' : ''}`,
        role: 'listitem',
        tabindex: this.state.focus === row.id ? 0 : -1,
        id: `card-${cssId(row.id)}`,
        'data-id': row.id,
        'data-stage': col,
        'aria-label': cardLabel(row, this.info.today),
        'aria-roledescription': l10n.t('card'),
        'aria-keyshortcuts': movable ? 'Alt+ArrowLeft Alt+ArrowRight Enter Shift+F10' : 'Enter',
        draggable: movable ? 'true' : undefined,
      },
      ...lines,
      menu,
    );
    el.addEventListener('focus', () => {
      if (this.state.focus !== row.id) {
        this.state.focus = row.id;
        this.save();
        this.ensureTabStop();
      }
    });
    el.addEventListener('click', (e) => {
      if ((e.target as Element).closest('.card-menu')) return;
      el.focus();
    });
    el.addEventListener('dblclick', () => this.openRecord(row.id));
    el.addEventListener('keydown', (e) => this.onCardKey(e, row.id));
    el.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      this.openMenu(row.id, el);
    });
    menu.addEventListener('click', (e) => {
      e.stopPropagation();
      this.openMenu(row.id, el);
    });
    if (movable) {
      el.addEventListener('dragstart', (e) => {
        this.drag = { id: row.id, from: col };
        e.dataTransfer?.setData('application/x-partnership-id', row.id);
        e.dataTransfer?.setData('text/plain', row.partner);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        el.classList.add('dragging');
      });
      el.addEventListener('dragend', () => {
        this.drag = undefined;
        el.classList.remove('dragging');
        for (const s of document.querySelectorAll('.drop-target')) s.classList.remove('drop-target');
      });
    }
    return el;
  }

  /** Where the focus is on the board: its column and place, from the id of the focused card. */
  private focusedAt(id: string | undefined): { col: number; index: number } | undefined {
    if (!id) return undefined;
    for (let c = 0; c < this.lastColumns.length; c++) {
      const i = this.lastColumns[c].rows.findIndex((r) => r.id === id);
      if (i >= 0) return { col: c, index: i };
    }
    return undefined;
  }

  /** The board is one Tab stop: the focused card, or the first card of the first column with cards. */
  private ensureTabStop(): void {
    if (!this.board) return;
    let at = this.focusedAt(this.state.focus);
    if (!at) {
      const c = this.lastColumns.findIndex((col) => col.rows.length > 0);
      if (c < 0) return;
      at = { col: c, index: 0 };
      this.state.focus = this.lastColumns[c].rows[0].id;
    }
    for (const column of this.board.columns) {
      for (const { el, row } of column.cards.values()) {
        const mine = row.id === this.state.focus;
        if (el.tabIndex !== (mine ? 0 : -1)) el.tabIndex = mine ? 0 : -1;
        if (el.classList.contains('is-focus') !== mine) el.classList.toggle('is-focus', mine);
      }
    }
  }

  /** Puts the focus on a card, scrolling its column so that it is rendered first. */
  private focusCard(col: number, index: number): void {
    if (!this.board) return;
    const view = this.board.columns[col];
    const row = this.lastColumns[col]?.rows[index];
    if (!view || !row) return;
    this.state.focus = row.id;
    this.save();
    // The scroll position as the last render or scroll read it: reading it here, after the
    // render's writes, would make the browser lay the page out before the key's frame.
    const top = index * CARD_STEP;
    const h_ = this.board.height;
    const was = view.scrollTop;
    let scrollTop = was;
    if (top < scrollTop) scrollTop = top;
    else if (top + CARD_HEIGHT > scrollTop + h_) scrollTop = top + CARD_HEIGHT - h_;
    this.fillColumn(view, this.lastColumns[col], scrollTop);
    if (scrollTop !== was) view.scroller.scrollTop = scrollTop;
    this.ensureTabStop();
    const el = view.cards.get(row.id)?.el;
    if (!el) return;
    // The column is scrolled above; sideways (a narrow window) in the next frame, with the layout
    // the frame makes anyway, so the focus does not make the browser lay the page out now.
    el.focus({ preventScroll: true });
    requestAnimationFrame(() => el.isConnected && el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }

  private onCardKey(e: KeyboardEvent, id: string): void {
    const row = this.rows.get(id);
    const target = keyboardMoveTarget(e.key, { alt: e.altKey, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey }, row?.broken ? undefined : row?.stage);
    if (target) {
      e.preventDefault();
      e.stopPropagation();
      void this.move(id, target, 'keyboard');
      return;
    }
    if ((e.altKey || e.ctrlKey || e.metaKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      // At either end, or a card that cannot move: say why instead of moving the focus.
      e.preventDefault();
      const why = row && row.stage ? cannotMove(row, row.stage, this.info.readOnly) : cannotMove(row, 'prospect', this.info.readOnly);
      this.showStatus('info', row?.broken || this.info.readOnly ? why ?? '' : e.key === 'ArrowLeft' ? l10n.t('{0} is at the first stage already.', row?.partner ?? '') : l10n.t('{0} is at the last stage already.', row?.partner ?? ''));
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.openRecord(id);
      return;
    }
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      this.openMenu(id, e.currentTarget as HTMLElement);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const at = this.focusedAt(id);
    if (!at) return;
    const next = focusTarget(e.key, at, this.lastColumns.map((c) => c.rows.length));
    if (next) {
      e.preventDefault();
      this.focusCard(next.col, next.index);
    }
  }

  private closeMenu(refocus: boolean): void {
    const m = this.menuEl;
    this.menuEl = undefined;
    m?.remove();
    if (refocus && this.state.focus) {
      const at = this.focusedAt(this.state.focus);
      if (at) this.focusCard(at.col, at.index);
    }
  }

  private openMenu(id: string, anchor: HTMLElement): void {
    this.closeMenu(false);
    const row = this.rows.get(id);
    if (!row) return;
    const items: HTMLButtonElement[] = [];
    const open = h('button', { type: 'button', role: 'menuitem', class: 'menu-item', id: 'menu-open', tabindex: -1 }, icon('go-to-file'), ' ', l10n.t('Open Record'));
    open.addEventListener('click', () => {
      this.closeMenu(false);
      this.openRecord(id);
    });
    items.push(open);
    const list = h('div', { class: 'menu', role: 'menu', id: 'card-menu', 'aria-label': l10n.t('Actions for {0}', row.partner) }, open, h('div', { class: 'menu-separator', role: 'separator' }));
    list.append(h('div', { class: 'menu-heading', 'aria-hidden': 'true' }, l10n.t('Move to…')));
    for (const s of STAGES) {
      const here = row.stage === s && !row.broken;
      const disabled = !!cannotMove(row, s, this.info.readOnly);
      const b = h(
        'button',
        { type: 'button', role: 'menuitemradio', 'aria-checked': String(here), class: 'menu-item', id: `menu-move-${s}`, tabindex: -1, 'aria-disabled': disabled ? 'true' : undefined, 'aria-label': l10n.t('Move to {0}', stageTitle(s)) },
        icon(here ? 'check' : COLUMN_ICONS[s]),
        ' ',
        stageTitle(s),
      );
      b.addEventListener('click', () => {
        if (disabled) {
          this.showStatus('info', cannotMove(row, s, this.info.readOnly) ?? '');
          return;
        }
        this.closeMenu(false);
        void this.move(id, s, 'menu');
      });
      items.push(b);
      list.append(b);
    }
    list.addEventListener('keydown', (e) => {
      const i = items.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'Escape' || e.key === 'Tab') {
        e.preventDefault();
        this.closeMenu(true);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        const n = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
        items[n].focus();
      }
    });
    list.addEventListener('focusout', (e) => {
      if (!list.contains(e.relatedTarget as Node | null)) setTimeout(() => this.menuEl === list && this.closeMenu(false), 0);
    });
    document.body.append(list);
    this.menuEl = list;
    // Placed below the card, kept inside the window.
    const r = anchor.getBoundingClientRect();
    const w = list.offsetWidth;
    const hgt = list.offsetHeight;
    list.style.left = `${Math.max(4, Math.min(r.left + 8, window.innerWidth - w - 4))}px`;
    list.style.top = `${r.bottom + hgt + 4 > window.innerHeight ? Math.max(4, r.top - hgt - 2) : r.bottom + 2}px`;
    (items.find((b, k) => k > 0 && b.getAttribute('aria-checked') !== 'true' && !b.hasAttribute('aria-disabled')) ?? items[0]).focus();
  }


  // ---- Moves: shown at once, written, taken back if the write fails ------------------------------
  private async move(id: string, stage: Stage, how: 'drag' | 'keyboard' | 'menu'): Promise<void> {
    const before = this.rows.get(id);
    const why = cannotMove(before, stage, this.info.readOnly);
    if (why || !before) {
      if (before?.stage !== stage || before?.broken || this.info.readOnly) this.showStatus('info', why ?? '');
      return;
    }
    const token = this.rows.move(id, stage);
    if (token === undefined) return;
    this.state.focus = id;
    // In the same frame: the card is in its new column before the write starts.
    this.render();
    const at = this.focusedAt(id);
    if (at && how !== 'drag') this.focusCard(at.col, at.index);
    const moved = this.rows.get(id)!;
    this.showStatus('done', movedText(moved, stage, at?.index ?? 0, this.lastColumns[at?.col ?? 0]?.rows.length ?? 0));
    try {
      const result = await this.rows.send(token, () => this.rpc.request({ type: 'edit', id, change: moveChange(stage) }), (r) => r.row);
      if (result.inEditor) this.showStatus('done', l10n.t('Moved {0} to {1} in its editor, which has unsaved changes: save it there.', before.partner, stageTitle(stage)));
    } catch (err) {
      this.showStatus('error', l10n.t('{0} was not moved to {1}: {2}', before.partner, stageTitle(stage), failureText(err)));
    }
    this.render();
    if (how !== 'drag') {
      const back = this.focusedAt(id);
      if (back && document.activeElement?.closest('.card')) this.focusCard(back.col, back.index);
    }
  }

  private openRecord(id: string): void {
    void this.rpc.request({ type: 'open', id }).catch((err) => this.showStatus('error', failureText(err)));
  }

  private partnerCell(r: BoardRow): HTMLElement {
    const b = h('button', { type: 'button', class: 'link cell-link', 'data-id': r.id, title: l10n.t('Open {0}', r.fileName) }, r.broken ? icon('warning') : '', r.broken ? ' ' : '', r.partner);
    b.addEventListener('click', () => this.openRecord(r.id));
    return b;
  }

  private renderTable(shown: BoardRow[]): void {
    this.board = undefined;
    const sorted = sortRows(shown, this.state.sort);
    if (!this.table) {
      clear(this.body);
      const headRow = h('tr', { 'aria-rowindex': 1 });
      const head = h('thead', {}, headRow);
      const top = h('tr', { class: 'spacer-row', 'aria-hidden': 'true' }, h('td', { colspan: this.tableColumns.length }));
      const bottom = h('tr', { class: 'spacer-row', 'aria-hidden': 'true' }, h('td', { colspan: this.tableColumns.length }));
      const tbody = h('tbody', {}, top, bottom);
      const t = h('table', { class: 'board-table', id: 'board-table', 'aria-label': l10n.t('Partnerships') }, head, tbody);
      const wrap = h('div', { class: 'table-wrap', id: 'table-wrap' }, t);
      this.body.append(wrap);
      this.table = { wrap, tbody, head: headRow, top, bottom, rows: [], start: 0, end: 0, height: 0 };
      wrap.addEventListener('scroll', () => {
        const r = visibleRange(wrap.scrollTop, this.table?.height ?? wrap.clientHeight, ROW_HEIGHT, this.table?.rows.length ?? 0, 10);
        if (this.table && (r.start !== this.table.start || r.end !== this.table.end)) requestAnimationFrame(() => this.fillTable());
      });
      this.resizeObserver.observe(wrap);
    }
    // The header: a button per column, its sort said by aria-sort.
    clear(this.table.head);
    for (const c of this.tableColumns) {
      const sortedHere = this.state.sort.key === c.key;
      const b = h('button', { type: 'button', class: 'sort', id: `sort-${c.key}` }, c.title(), ' ', icon(sortedHere ? (this.state.sort.dir === 'asc' ? 'arrow-up' : 'arrow-down') : 'blank'));
      b.addEventListener('click', () => {
        this.state.sort = nextSort(this.state.sort, c.key);
        this.save();
        this.rpc.notify({ type: 'prefs', prefs: { view: this.state.view, sort: this.state.sort } });
        this.render();
        document.getElementById(`sort-${c.key}`)?.focus();
        this.showStatus('done', this.state.sort.dir === 'asc' ? l10n.t('Sorted by {0}, ascending.', c.title()) : l10n.t('Sorted by {0}, descending.', c.title()));
      });
      this.table.head.append(h('th', { scope: 'col', class: `col-${c.key}`, 'aria-sort': sortedHere ? (this.state.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' }, b));
    }
    this.table.rows = sorted;
    this.table.key = undefined;
    this.table.wrap.querySelector('table')!.setAttribute('aria-rowcount', String(sorted.length + 1));
    this.fillTable();
  }

  private fillTable(): void {
    if (!this.table) return;
    const t = this.table;
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
      for (const c of this.tableColumns) {
        const v = c.cell(row);
        tr.append(h('td', { class: `col-${c.key}`, title: typeof v === 'string' ? v : v.textContent ?? '' }, v));
      }
      frag.append(tr);
    }
    t.tbody.insertBefore(frag, t.bottom);
    if (focusedId) t.tbody.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(focusedId)}"] .cell-link`)?.focus();
  }


  // ---- News from the extension ----------------------------------------------------------------
  private onMessage(m: BoardToWebview): void {
    if (m.type === 'rows') {
      this.rows.receive(m);
      this.info.loading = m.loading;
      this.info.today = m.today;
      if (!this.info.ready) return;
      if (this.board) this.board.columns.forEach((c) => (c.key = undefined));
      this.schedule();
    } else if (m.type === 'readOnly') {
      this.info.readOnly = m.readOnly;
      this.board = undefined;
      this.schedule();
    }
  }

  /**
   * The page's settings from the host, and its first render: at once from the HTML's data (its
   * settings and, when the records were read, every row), then again with `ready`'s answer.
   */
  private async start(): Promise<void> {
    const had = this.first.find((m) => m.type === 'init') as (BoardResults['ready'] & { type: string }) | undefined;
    for (const m of this.first) if (m.type === 'rows') this.onMessage(m as BoardToWebview);
    if (had) this.begin(had);
    this.begin(await this.rpc.request({ type: 'ready' }));
  }

  private begin(init: BoardResults['ready']): void {
    this.info.today = init.today;
    this.info.readOnly = init.readOnly;
    // The workspace's choice wins over a page state from before (another window may have changed it).
    if (!this.saved) {
      this.state.view = init.prefs.view;
      if (init.prefs.sort) this.state.sort = init.prefs.sort;
    }
    this.filterText.value = this.state.filter.text;
    this.stageSelect.value = this.state.filter.stage;
    this.typeSelect.value = this.state.filter.type;
    this.info.ready = true;
    this.save();
    this.render();
  }
}

new BoardPage(document.getElementById('app') as HTMLElement, vscodeApi<State>());
