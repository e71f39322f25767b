/**
 * `npm run bench` (BENCH_ONLY=board runs only this part), the pipeline board in the real
 * workbench, in the browser:
 * - Open Pipeline Board with 1,000 records to its first full render (every column's count and
 *   the first cards on screen), against the same board with 3 records in the same run (the
 *   command is run from the Command Palette; the timer starts at the Enter that runs it);
 * - a card's move: a real key press (Alt+Right, then Alt+Left back, on the focused card of the
 *   1,000) to the end of the first frame painted with the card in its new column and on screen,
 *   timed in the page from the key event's own time stamp (when the browser took the key, so a
 *   busy page's wait counts too), against the write's own time (from the key press until the
 *   record file on disk holds the new stage).
 * scripts/bench.mjs passes its helpers (the test host, the browser, the record generator).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { BenchRow } from './regex';
import type { Stage } from '../../src/core/records/stages';
import { setStage } from '../../src/core/records/write';

export interface BenchHelpers {
  ROOT: string;
  tempDir(prefix: string): { dir: string; remove(): void };
  writeRecords(dir: string, count: number): void;
  startServer(options: { dataDir: string }): Promise<{ stop(): void }>;
  workbenchUrl(server: unknown, options: { folder: string; extensionPath: string }): string;
  openBrowser(): Promise<Browser>;
  openWorkbench(browser: Browser, url: string): Promise<Page>;
}

/** The DOM the page-side functions use (the project's Node lib has no DOM types). */
interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface PageElement {
  dataset: Record<string, string | undefined>;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  querySelectorAll(selector: string): Iterable<PageElement>;
  ownerDocument: PageDocument;
}
interface PageDocument {
  activeElement: PageElement | null;
  addEventListener(type: string, listener: (e: { key: string; timeStamp: number }) => void, capture: boolean): void;
  removeEventListener(type: string, listener: (e: { key: string; timeStamp: number }) => void, capture: boolean): void;
  defaultView: PageWindow;
}
interface PageWindow {
  requestAnimationFrame(callback: () => void): number;
  performance: { now(): number };
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(m: unknown): void } };
  innerWidth: number;
  /** The move being timed (set by `watchMove`, awaited after the key press). */
  cpMove?: Promise<MoveTiming>;
}
interface MoveTiming {
  ms?: number;
  visible?: boolean;
  error?: string;
}

/**
 * In the page, before the key press: waits for the key's event (its time stamp is when the
 * browser took the key), then for the first frame whose rendering shows the card in column `to`,
 * and takes the time once that frame is painted (a message posted from the frame's callback runs
 * after its paint). Whether the card is on screen (inside its column's visible part and the
 * window) is read then, with the layout the paint made.
 */
function watchMove(node: unknown, args: { id: string; to: string; key: string }): void {
  const el = node as PageElement;
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  const find = () => [...el.querySelectorAll('.card')].find((c) => c.dataset.id === args.id);
  win.cpMove = new Promise<MoveTiming>((resolve) => {
    let keyAt: number | undefined;
    const onKey = (e: { key: string; timeStamp: number }) => {
      if (e.key === args.key && keyAt === undefined) keyAt = e.timeStamp;
    };
    doc.addEventListener('keydown', onKey, true);
    const since = win.performance.now();
    const frame = () => {
      const card = find();
      if (keyAt !== undefined && card?.closest('section.column')?.getAttribute('data-stage') === args.to) {
        const channel = new win.MessageChannel();
        channel.port1.onmessage = () => {
          const ms = win.performance.now() - keyAt!;
          doc.removeEventListener('keydown', onKey, true);
          const r = card.getBoundingClientRect();
          const body = card.closest('.column-body')?.getBoundingClientRect();
          const visible = !!body && r.top >= body.top - 1 && r.bottom <= body.bottom + 1 && r.left >= 0 && r.right <= win.innerWidth + 1;
          resolve({ ms, visible });
        };
        channel.port2.postMessage(0);
        return;
      }
      if (win.performance.now() - since > 30_000) {
        doc.removeEventListener('keydown', onKey, true);
        resolve({ error: keyAt === undefined ? 'no key event reached the page' : `the card did not show in ${args.to}` });
        return;
      }
      win.requestAnimationFrame(frame);
    };
    win.requestAnimationFrame(frame);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function session<T>(h: BenchHelpers, count: number, work: (page: Page, workspace: string) => Promise<T>): Promise<T> {
  const ws = h.tempDir('cp-bench-board-');
  fs.cpSync(path.join(h.ROOT, 'demo', '.claude'), path.join(ws.dir, '.claude'), { recursive: true });
  h.writeRecords(path.join(ws.dir, 'partnerships'), count);
  const data = h.tempDir('cp-bench-host-');
  fs.mkdirSync(path.join(data.dir, 'user', 'User'), { recursive: true });
  fs.writeFileSync(path.join(data.dir, 'user', 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }));
  const server = await h.startServer({ dataDir: data.dir });
  const browser = await h.openBrowser();
  try {
    const page = await h.openWorkbench(browser, h.workbenchUrl(server, { folder: ws.dir, extensionPath: h.ROOT }));
    // The records are read a few seconds after activation, as they are for a user.
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(5_000);
    return await work(page, ws.dir);
  } finally {
    await browser.close();
    server.stop();
    ws.remove();
    data.remove();
  }
}

/** Opens the board from the Command Palette; the time from the Enter to the first full render. */
async function openBoard(page: Page, count: number): Promise<{ ms: number; frame: FrameLocator; cards: number }> {
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Community Partnerships: Open Pipeline Board');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Pipeline Board' }).first().waitFor({ timeout: 10_000 });
  const started = Date.now();
  await page.keyboard.press('Enter');
  const frame = page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('#active-frame').contentFrame();
  await frame.locator('#board-summary', { hasText: `${count.toLocaleString('en').replace(/,/g, '')} partnership` }).waitFor({ timeout: 120_000 });
  await frame.locator('.card').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  return { ms, frame, cards: await frame.locator('.card').count() };
}

export async function boardRows(h: BenchHelpers, runs = 3): Promise<{ rows: BenchRow[]; raw: unknown }> {
  const open = { few: [] as number[], many: [] as number[], cards: 0 };
  for (let i = 0; i < runs; i++) {
    const few = await session(h, 3, async (page) => (await openBoard(page, 3)).ms);
    const many = await session(h, 1000, async (page) => {
      const r = await openBoard(page, 1000);
      open.cards = r.cards;
      return r.ms;
    });
    open.few.push(few);
    open.many.push(many);
    process.stdout.write(`board open: 3 records ${few} ms, 1,000 records ${many} ms (${open.cards} cards in the DOM)\n`);
  }

  const move = { visible: [] as number[], write: [] as number[] };
  await session(h, 1000, async (page) => {
    const { frame } = await openBoard(page, 1000);
    const first = frame.locator('section.column[data-stage="prospect"] .card').first();
    const id = (await first.getAttribute('data-id'))!;
    const file = fileURLToPath(id);
    const columns = frame.locator('#board-columns');
    for (let i = 0; i < 8; i++) {
      const to = i % 2 === 0 ? 'contacted' : 'prospect';
      const key = to === 'prospect' ? 'ArrowLeft' : 'ArrowRight';
      const before = fs.readFileSync(file, 'utf8');
      // The focus stays on a moved card; the first time, a click puts it there (as a user does).
      const focused = await columns.evaluate((node, card) => (node as unknown as PageElement).ownerDocument.activeElement?.dataset.id === card, id);
      if (!focused) await frame.locator(`.card[data-id="${id}"]`).click();
      await columns.evaluate(watchMove, { id, to, key });
      const started = Date.now();
      await page.keyboard.press(`Alt+${key}`);
      const r = await columns.evaluate((node) => (node as unknown as PageElement).ownerDocument.defaultView.cpMove!);
      if (r.error !== undefined || r.ms === undefined) throw new Error(`the move to ${to}: ${r.error}`);
      if (!r.visible) throw new Error(`the card showed in ${to} but not on screen`);
      // The write is done when the file holds the whole moved record: the save truncates the file
      // and writes it again (a read in between sees it empty or in part), so "it differs from
      // before" is not "it is written".
      const wanted = setStage(before, to as Stage).text;
      let now = before;
      while ((now = fs.readFileSync(file, 'utf8')) !== wanted) {
        if (Date.now() - started > 30_000) throw new Error(`the move to ${to} was not written: the file holds ${now.length} characters${now.includes(`\nstage: ${to}\n`) ? ` with stage ${to}` : `, not stage ${to}`}`);
        await new Promise((res) => setTimeout(res, 2));
      }
      move.visible.push(r.ms);
      move.write.push(Date.now() - started);
      await page.waitForTimeout(300);
    }
  });

  const few = median(open.few);
  const many = median(open.many);
  const visible = median(move.visible);
  const write = median(move.write);
  return {
    rows: [
      {
        name: 'Board: open to first full render, 1,000 records',
        value: `${(many / few).toFixed(2)}x (${many} ms vs ${few} ms with 3 records)`,
        target: '<= 2x',
        ok: many / few <= 2,
        note: `median of ${runs}; from the Enter in the Command Palette to every column's count and the first cards; ${open.cards} cards in the DOM (only those on screen)`,
      },
      {
        name: 'Board: a card move, key to visible',
        value: `${visible.toFixed(1)} ms (the write: ${write} ms)`,
        target: '<= 50 ms',
        ok: visible <= 50,
        note: `median of ${move.visible.length} moves on a board of 1,000 (moves: ${move.visible.map((x) => x.toFixed(0)).join(', ')} ms); a real Alt+Right or Alt+Left on the focused card, from the key event's time stamp to the end of the first frame painted with the card in its new column, on screen; the write from the key to the file on disk`,
      },
    ],
    raw: { open, move },
  };
}
