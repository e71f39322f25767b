/*
 * The pipeline board's display logic, without the DOM: the rows the page holds (with moves not
 * yet written on top), the columns by stage, the table's filter and sort, the keyboard's targets
 * and which part of a long list is on screen. The page (src/features/board/page.ts) only renders
 * what these give. Tested in plain Node (test/unit/board.model.test.ts).
 */
import { l10n } from '../../core/l10n';
import type { RecordChange } from '../../core/planner/changes';
import { reviewFlagText, stageLabel, typeTitle, verdictLabel } from '../../core/planner/labels';
import { reviewFlag } from '../../core/planner/checkins';
import { formatDate } from '../../core/dates';
import { formatScore } from '../../core/planner/scorecard';
import { STAGES, type Stage } from '../../core/records/stages';
import type { BoardRow, BoardSortKey, BoardToWebview } from './protocol';
import { Optimistic } from '../../webview/lib/optimistic';

export type BoardColumnId = Stage | 'broken';

/** Each stage as a column title: the planner's words for it (src/core/planner/labels.ts). */
export function stageTitle(stage: BoardColumnId): string {
  return stage === 'broken' ? l10n.t('Cannot be read') : stageLabel(stage);
}

export function verdictTitle(verdict: BoardRow['verdict']): string {
  return verdict ? verdictLabel(verdict) : '';
}

/** The score as a card and a cell show it: "3.9 · Pursue", "3.8 (2 of 6)", or "" when none. */
export function scoreText(row: BoardRow): string {
  if (row.score === undefined) return '';
  if (row.verdict) return `${formatScore(row.score)} · ${verdictTitle(row.verdict)}`;
  return l10n.t('{0} ({1} of 6)', formatScore(row.score), row.scored);
}

export function typeTitles(row: BoardRow): string[] {
  return row.types.map((t) => typeTitle(t));
}

export function ownersText(row: BoardRow): string {
  const { ours, theirs } = row.owners;
  if (ours && theirs) return `${ours} / ${theirs}`;
  return ours ?? theirs ?? '';
}

export function isOverdue(row: BoardRow, today: string): boolean {
  return row.nextCheckIn !== undefined && row.nextCheckIn < today;
}

// ---- The rows, and moves not yet written ---------------------------------------------------

/** Why a card cannot move, or undefined when it can. */
export function cannotMove(row: BoardRow | undefined, stage: Stage, readOnly: boolean): string | undefined {
  if (!row) return l10n.t('That partnership record is no longer in the workspace.');
  if (readOnly) return l10n.t('This workspace is in Restricted Mode: nothing is written.');
  if (row.broken) return l10n.t('{0} cannot be read: fix the file first (see the Problems panel).', row.fileName);
  if (row.stage === stage) return l10n.t('{0} is already at {1}.', row.partner, stageTitle(stage));
  return undefined;
}

/** The change a move writes: the planner's own stage change, the same value the file gets. */
export function moveChange(stage: Stage): Extract<RecordChange, { kind: 'stage' }> {
  return { kind: 'stage', value: stage };
}

/**
 * The records the page holds, from the extension's `rows` messages, and the moves shown before
 * the file answers: a move shows at once (`move`), the file's row replaces it when the write
 * answers (`settle`), and a failed write takes it back (`rollback`).
 */
export class BoardRows {
  /** The rows as the files gave them, each with the moves not yet written on top. */
  private readonly rows = new Optimistic<BoardRow, Stage>({ keyOf: (r) => r.id, applyChange: (r, stage) => (r.stage === stage ? r : { ...r, stage }) });
  /**
   * The ids by partner name. A move changes a stage, never a name, so the order is kept through
   * moves and their answers: only a row added, removed or renamed sorts the rows again (about
   * 10 ms for 1,000 on a loaded machine, which a key press would otherwise wait for).
   */
  private order: string[] | undefined;
  private cache: BoardRow[] | undefined;
  private version = 0;

  get size(): number {
    return this.rows.size;
  }

  /** Grows with every change to what `all` gives (the page re-renders when it grew). */
  get revision(): number {
    return this.version;
  }

  receive(m: Extract<BoardToWebview, { type: 'rows' }>): void {
    if (m.reset) this.rows.clear();
    if (m.reset || m.remove.length) this.order = undefined;
    for (const id of m.remove) this.rows.remove(id);
    for (const r of m.upsert) this.take(r);
    this.touch();
  }

  /** The row as the page shows it: a pending move on top of the file's row. */
  get(id: string): BoardRow | undefined {
    return this.rows.shown(id);
  }

  /** The row as the file last gave it. */
  confirmed(id: string): BoardRow | undefined {
    return this.rows.confirmed(id);
  }

  /** Every row as shown, in the index's order (by partner name). */
  all(): BoardRow[] {
    if (!this.cache) {
      this.order ??= this.rows
        .allShown()
        .sort(byPartner)
        .map((r) => r.id);
      const shown: BoardRow[] = [];
      for (const id of this.order) {
        const r = this.rows.shown(id);
        if (r) shown.push(r);
      }
      this.cache = shown;
    }
    return this.cache;
  }

  /** Shows a move at once; the token settles or rolls it back. Undefined when nothing moves. */
  move(id: string, stage: Stage): number | undefined {
    const shown = this.get(id);
    if (!shown || shown.broken || shown.stage === stage) return undefined;
    const token = this.rows.apply(id, stage);
    this.touch();
    return token;
  }

  settle(token: number, row: BoardRow | undefined): void {
    if (row) this.renamed(row);
    this.rows.settle(token, row);
    this.touch();
  }

  /** Takes the move back; the row as it shows again, for the message. */
  rollback(token: number): BoardRow | undefined {
    const p = this.rows.rollback(token);
    this.touch();
    return p && this.get(p.key);
  }

  /**
   * Writes a move already shown: settled with the row the answer gives, or taken back when the
   * write fails (the failure is thrown on for the page to show).
   */
  send<R>(token: number, request: () => Promise<R>, rowOf: (result: R) => BoardRow | undefined): Promise<R> {
    const confirmedBy = (result: R) => {
      const row = rowOf(result);
      if (row) this.renamed(row);
      return row;
    };
    return this.rows.send([token], request, confirmedBy).finally(() => this.touch());
  }

  /** A row from the extension: a new one, or one whose name changed, sorts the rows again. */
  private take(row: BoardRow): void {
    this.renamed(row);
    this.rows.receive(row);
  }

  private renamed(row: BoardRow): void {
    if (this.rows.confirmed(row.id)?.partner !== row.partner) this.order = undefined;
  }

  private touch(): void {
    this.cache = undefined;
    this.version++;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byPartner(a: BoardRow, b: BoardRow): number {
  return collator.compare(a.partner, b.partner) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// ---- Filter --------------------------------------------------------------------------------

export interface BoardFilter {
  text: string;
  stage: BoardColumnId | '';
  type: string;
}

export const NO_FILTER: BoardFilter = { text: '', stage: '', type: '' };

export function isFiltered(f: BoardFilter): boolean {
  return f.text.trim() !== '' || f.stage !== '' || f.type !== '';
}

const haystacks = new WeakMap<BoardRow, string>();

function haystack(r: BoardRow): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    h = [r.partner, r.community, r.owners.ours, r.owners.theirs, r.fileName, ...typeTitles(r)].filter(Boolean).join('\n').toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

/** The rows that match every filter given: all words of the text (any case), the stage, the type. */
export function filterRows(rows: readonly BoardRow[], f: BoardFilter): BoardRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length && !f.stage && !f.type) return rows.slice();
  return rows.filter((r) => {
    if (f.stage === 'broken' ? !r.broken : f.stage && (r.broken || r.stage !== f.stage)) return false;
    if (f.type && !r.types.includes(f.type)) return false;
    return words.every((w) => haystack(r).includes(w));
  });
}

// ---- Columns -------------------------------------------------------------------------------

export interface BoardColumn {
  id: BoardColumnId;
  title: string;
  rows: BoardRow[];
}

/**
 * One column per stage, in the pipeline's order, each by partner name; records that cannot be
 * read in a last column of their own, only when there are any (they have no stage to move).
 */
export function boardColumns(rows: readonly BoardRow[]): BoardColumn[] {
  const by = new Map<BoardColumnId, BoardRow[]>();
  for (const s of STAGES) by.set(s, []);
  const broken: BoardRow[] = [];
  for (const r of rows) {
    if (r.broken || !r.stage) broken.push(r);
    else by.get(r.stage)!.push(r);
  }
  const out: BoardColumn[] = STAGES.map((s) => ({ id: s, title: stageTitle(s), rows: by.get(s)! }));
  if (broken.length) out.push({ id: 'broken', title: stageTitle('broken'), rows: broken });
  return out;
}

// ---- Sort ----------------------------------------------------------------------------------

export interface BoardSort {
  key: BoardSortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_SORT: BoardSort = { key: 'partner', dir: 'asc' };

/** A click on a column header: the same column turns its direction, another sorts ascending. */
export function nextSort(current: BoardSort, key: BoardSortKey): BoardSort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** The value a column sorts by; undefined sorts last in either direction. */
function sortValue(r: BoardRow, key: BoardSortKey): string | number | undefined {
  switch (key) {
    case 'partner':
      return r.partner;
    case 'stage':
      return r.broken || !r.stage ? undefined : STAGES.indexOf(r.stage);
    case 'type':
      return typeTitles(r)[0];
    case 'score':
      return r.score;
    case 'nextCheckIn':
      return r.nextCheckIn;
    case 'review':
      return r.review;
    case 'owners':
      return ownersText(r) || undefined;
  }
}

/** The rows sorted by a column (a stable sort: ties keep the partner-name order they came in). */
export function sortRows(rows: readonly BoardRow[], sort: BoardSort): BoardRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((r, i) => ({ r, i, v: sortValue(r, sort.key) }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c !== 0 ? c * sign : a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

// ---- Keyboard ------------------------------------------------------------------------------

/**
 * The stage a key moves a card to: Alt (or Ctrl) with Left or Right, the previous or next stage;
 * with Home or End, the first or last. Undefined for any other key, and past either end.
 */
export function keyboardMoveTarget(key: string, mods: { alt: boolean; ctrl: boolean; shift?: boolean; meta?: boolean }, from: Stage | undefined): Stage | undefined {
  if (!from || !(mods.alt || mods.ctrl) || mods.shift) return undefined;
  const at = STAGES.indexOf(from);
  let to: number | undefined;
  if (key === 'ArrowLeft') to = at - 1;
  else if (key === 'ArrowRight') to = at + 1;
  else if (key === 'Home') to = 0;
  else if (key === 'End') to = STAGES.length - 1;
  if (to === undefined || to < 0 || to >= STAGES.length || to === at) return undefined;
  return STAGES[to];
}

/**
 * Where an arrow key takes the focus on the board (the board is one Tab stop): up and down in
 * the column, left and right to the nearest card of the next column that has cards, Home and
 * End to the column's ends. `sizes` is the number of cards in each column. Undefined: not a
 * key the board handles.
 */
export function focusTarget(key: string, at: { col: number; index: number }, sizes: readonly number[]): { col: number; index: number } | undefined {
  const n = sizes[at.col] ?? 0;
  switch (key) {
    case 'ArrowUp':
      return n ? { col: at.col, index: Math.max(0, at.index - 1) } : undefined;
    case 'ArrowDown':
      return n ? { col: at.col, index: Math.min(n - 1, at.index + 1) } : undefined;
    case 'Home':
      return n ? { col: at.col, index: 0 } : undefined;
    case 'End':
      return n ? { col: at.col, index: n - 1 } : undefined;
    case 'PageUp':
      return n ? { col: at.col, index: Math.max(0, at.index - 5) } : undefined;
    case 'PageDown':
      return n ? { col: at.col, index: Math.min(n - 1, at.index + 5) } : undefined;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let c = at.col + step; c >= 0 && c < sizes.length; c += step) {
        if (sizes[c] > 0) return { col: c, index: Math.min(sizes[c] - 1, at.index) };
      }
      return { ...at };
    }
  }
  return undefined;
}

// ---- Long lists ----------------------------------------------------------------------------

/**
 * Which items of a list of fixed-height items are on screen, with `overscan` more on each side:
 * the only ones the page puts in the DOM, so a column of 10,000 cards costs what 20 do.
 */
export function visibleRange(scrollTop: number, viewport: number, itemHeight: number, count: number, overscan = 4): { start: number; end: number } {
  if (count <= 0 || itemHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const first = Math.floor(top / itemHeight);
  const shown = Math.ceil(Math.max(0, viewport) / itemHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

// ---- Words ---------------------------------------------------------------------------------

export function countText(n: number): string {
  return n === 1 ? l10n.t('1 partnership') : l10n.t('{0} partnerships', n);
}

/** What a screen reader hears after a move, and the status line shows. */
export function movedText(row: BoardRow, stage: Stage, index: number, count: number): string {
  return l10n.t('Moved {0} to {1} ({2} of {3}).', row.partner, stageTitle(stage), index + 1, count);
}

/** What a card says to a screen reader, in one line. */
export function cardLabel(row: BoardRow, today: string): string {
  const parts = [row.partner];
  const types = typeTitles(row);
  if (types.length) parts.push(types.join(', '));
  const score = scoreText(row);
  if (score) parts.push(l10n.t('score {0}', score));
  if (row.nextCheckIn) parts.push(isOverdue(row, today) ? l10n.t('check-in overdue since {0}', formatDate(row.nextCheckIn)) : l10n.t('next check-in {0}', formatDate(row.nextCheckIn)));
  const review = row.broken ? undefined : reviewFlag(row, today);
  if (review) parts.push(l10n.t('{0} ({1})', reviewFlagText(review), formatDate(review.review)));
  const owners = ownersText(row);
  if (owners) parts.push(l10n.t('owners {0}', owners));
  if (row.broken) parts.push(l10n.t('cannot be read: {0}', row.problem ?? ''));
  return parts.join(', ');
}
