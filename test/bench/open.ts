/**
 * `npm run bench` (BENCH_ONLY=open runs only this part): the time from the command (the click
 * on the activity bar, the Enter in the Command Palette) to each page's first full render,
 * against an empty webview view or panel opened the same way in the same session (the floor:
 * bench/fixtures/empty-webviews, an extension the benchmark installs into the test host only).
 *
 * The pages mark their first full render in the browser's performance timeline (`markRendered`
 * in src/webview/lib/dom.ts: `cp:rendered` after the frame that shows the host's data), and
 * the empty pages do the same; the benchmark reads the mark's wall-clock time from the new
 * webview frame, so how often it looks does not change the figure. From the same frame it reads
 * where the time went: until the webview's document started, the script's download, the
 * script's parse and run (to DOMContentLoaded), the wait for the host's data, layout and paint.
 *
 * Each session opens a warm-up panel first (the first webview of a window pays for the
 * webview's service worker), then each pair, the floor first in even runs and ours first in odd
 * ones. Views: the planner against the empty view; panels: the pitch (opened beside, as the
 * command does) against the empty panel beside, the board, the agreement and the context form
 * against the empty panel.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { BenchHelpers } from './board';
import type { BenchRow } from './regex';

const TARGET = 1.5;

interface Timing {
  /** From the command to the page's first full render, after its frame. */
  ms: number;
  /** The parts: to the webview's document, the script's download, its parse and run, the wait for data, layout and paint. */
  parts: { doc: number; script: number; run: number; data: number; paint: number };
}

interface PageSpec {
  key: string;
  label: string;
  records: number;
  /** Opens the page; the time the command was given (the click or the Enter). */
  open(page: Page): Promise<number>;
  floor(page: Page): Promise<number>;
  /** Closes what `open` opened, where it can be closed. */
  close?(page: Page): Promise<void>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Types the command's title into the Command Palette; the time of the Enter that runs it. */
async function command(page: Page, title: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt >= 3) throw err;
      continue;
    }
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    return t0;
  }
}

async function click(page: Page, label: string): Promise<number> {
  const icon = page.locator(`.activitybar .action-item a[aria-label^="${label}"]`).first();
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  const t0 = Date.now();
  await icon.click();
  return t0;
}

async function closeEditors(page: Page): Promise<void> {
  await command(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 20_000 });
}

/** What a webview frame's timeline says, or undefined while it has no `cp:rendered` mark. */
async function frameTiming(frame: Frame, t0: number): Promise<Timing | undefined> {
  const r = await frame
    .evaluate(() => {
      const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const rendered = mark('cp:rendered');
      if (rendered === undefined) return undefined;
      // Page code: the browser's timing entries (not in this project's Node lib), by the fields used.
      const entries = (type: string) => (performance.getEntriesByType as (t: string) => unknown[])(type) as { initiatorType?: string; startTime: number; responseEnd?: number; domContentLoadedEventEnd?: number }[];
      const nav = entries('navigation')[0];
      const script = entries('resource').find((e) => e.initiatorType === 'script');
      return { origin: performance.timeOrigin, rendered, dom: mark('cp:rendered:dom') ?? rendered, loaded: nav?.domContentLoadedEventEnd ?? 0, scriptEnd: script?.responseEnd, scriptStart: script?.startTime };
    })
    .catch(() => undefined);
  if (!r || r.origin < t0 - 5) return undefined;
  const scriptStart = r.scriptStart ?? 0;
  const scriptEnd = r.scriptEnd ?? 0;
  return {
    ms: r.origin + r.rendered - t0,
    parts: {
      doc: r.origin + scriptStart - t0,
      script: scriptEnd - scriptStart,
      run: r.loaded - scriptEnd,
      data: r.dom - r.loaded,
      paint: r.rendered - r.dom,
    },
  };
}

/** Waits for a webview frame made after `t0` to mark its first full render. */
async function rendered(page: Page, t0: number, what: string): Promise<Timing> {
  const started = Date.now();
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const t = await frameTiming(frame, t0);
      if (t) return t;
    }
    if (Date.now() - started > 120_000) throw new Error(`${what} did not render`);
    await page.waitForTimeout(50);
  }
}

async function session<T>(h: BenchHelpers, records: number, work: (page: Page) => Promise<T>): Promise<T> {
  const ws = h.tempDir('cp-bench-open-');
  fs.cpSync(path.join(h.ROOT, 'demo', '.claude'), path.join(ws.dir, '.claude'), { recursive: true });
  h.writeRecords(path.join(ws.dir, 'partnerships'), records);
  const data = h.tempDir('cp-bench-host-');
  fs.mkdirSync(path.join(data.dir, 'user', 'User'), { recursive: true });
  fs.writeFileSync(path.join(data.dir, 'user', 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'files.autoSave': 'off' }));
  fs.cpSync(path.join(h.ROOT, 'bench', 'fixtures', 'empty-webviews'), path.join(data.dir, 'extensions', 'bench.empty-webviews-1.0.0'), { recursive: true });
  const server = await h.startServer({ dataDir: data.dir });
  const browser = await h.openBrowser();
  try {
    const page = await h.openWorkbench(browser, h.workbenchUrl(server, { folder: ws.dir, extensionPath: h.ROOT }));
    // The records are read a few seconds after activation, as they are for a user.
    await page.locator('.statusbar-item', { hasText: 'Acme Devs' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(5_000);
    // The first webview of the window pays for the webview's service worker: not measured.
    await rendered(page, await command(page, 'Bench Floor: Open Empty Panel'), 'the warm-up panel');
    await closeEditors(page);
    return await work(page);
  } finally {
    await browser.close();
    server.stop();
    ws.remove();
    data.remove();
  }
}

const PAGES: PageSpec[] = [
  { key: 'planner3', label: 'Planner, 3 records', records: 3, open: (p) => click(p, 'Community Partnerships'), floor: (p) => click(p, 'Bench Floor') },
  { key: 'planner1000', label: 'Planner, 1,000 records', records: 1000, open: (p) => click(p, 'Community Partnerships'), floor: (p) => click(p, 'Bench Floor') },
  { key: 'board1000', label: 'Board, 1,000 records', records: 1000, open: (p) => command(p, 'Community Partnerships: Open Pipeline Board'), floor: (p) => command(p, 'Bench Floor: Open Empty Panel'), close: closeEditors },
  { key: 'pitch', label: 'Pitch', records: 3, open: (p) => command(p, 'Community Partnerships: Draft Outreach Pitch'), floor: (p) => command(p, 'Bench Floor: Open Empty Panel Beside'), close: closeEditors },
  { key: 'agreement', label: 'Agreement checklist', records: 3, open: (p) => command(p, 'Community Partnerships: Open Agreement Checklist'), floor: (p) => command(p, 'Bench Floor: Open Empty Panel'), close: closeEditors },
  { key: 'contextForm', label: 'Context form', records: 3, open: (p) => command(p, 'Community Partnerships: Update Community Context'), floor: (p) => command(p, 'Bench Floor: Open Empty Panel'), close: closeEditors },
];

type Raw = Record<string, { ours: Timing[]; floor: Timing[] }>;

/** One session: each page of `pages` and its floor, in the order the run's number gives. */
async function measureSession(h: BenchHelpers, records: number, pages: PageSpec[], run: number, raw: Raw): Promise<void> {
  await session(h, records, async (page) => {
    for (const spec of pages) {
      const order = run % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
      for (const which of order) {
        const t0 = which === 'ours' ? await spec.open(page) : await spec.floor(page);
        const t = await rendered(page, t0, `${spec.label} (${which})`);
        raw[spec.key][which].push(t);
        if (spec.close) await spec.close(page);
      }
      const last = raw[spec.key];
      process.stdout.write(`open ${spec.label} run ${run + 1}: ${last.ours.at(-1)!.ms.toFixed(0)} ms vs the empty one ${last.floor.at(-1)!.ms.toFixed(0)} ms\n`);
    }
  });
}

// The page's DOMContentLoaded comes before its script has run (VS Code writes the page into its
// frame), so parsing and running the script and the wait for the data are one part.
// The empty page has no script: its document, then its content written into it and run.
const fmtFloor = (t: Timing['parts']) => `its frame's document ${t.doc.toFixed(0)} ms after the command, its content in it and run ${(t.run + t.data).toFixed(0)} ms later, layout and paint ${t.paint.toFixed(0)} ms`;
const fmt = (t: Timing['parts']) => `to the script's request ${t.doc.toFixed(0)}, its download ${t.script.toFixed(0)}, its parse and run and the data ${(t.run + t.data).toFixed(0)}, layout and paint ${t.paint.toFixed(0)} ms`;

export async function openRows(h: BenchHelpers, runs = 5): Promise<{ rows: BenchRow[]; raw: Raw }> {
  const only = process.env.BENCH_OPEN ? new Set(process.env.BENCH_OPEN.split(',')) : undefined;
  const pages = PAGES.filter((p) => !only || only.has(p.key));
  const raw: Raw = Object.fromEntries(pages.map((p) => [p.key, { ours: [], floor: [] }]));
  for (let run = 0; run < runs; run++) {
    // A view opens once a session (the second click only shows it again): one session per view.
    for (const view of pages.filter((p) => p.key.startsWith('planner'))) await measureSession(h, view.records, [view], run, raw);
    for (const records of [1000, 3]) {
      const panels = pages.filter((p) => !p.key.startsWith('planner') && p.records === records);
      if (panels.length) await measureSession(h, records, panels, run, raw);
    }
  }
  const rows = pages.map((spec): BenchRow => {
    const r = raw[spec.key];
    const ratios = r.ours.map((t, i) => t.ms / r.floor[i].ms);
    const ratio = median(ratios);
    const part = (k: keyof Timing['parts'], xs: Timing[]) => median(xs.map((t) => t.parts[k]));
    const parts = (xs: Timing[]) => ({ doc: part('doc', xs), script: part('script', xs), run: part('run', xs), data: part('data', xs), paint: part('paint', xs) });
    return {
      name: `Open: ${spec.label}, command to first full render`,
      value: `${ratio.toFixed(2)}x (${median(r.ours.map((t) => t.ms)).toFixed(0)} ms vs ${median(r.floor.map((t) => t.ms)).toFixed(0)} ms empty)`,
      target: `<= ${TARGET}x`,
      ok: ratio <= TARGET,
      note: `median of ${ratios.length} sessions' ratios (${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')}); ours: ${fmt(parts(r.ours))}; the empty ${spec.key.startsWith('planner') ? 'view' : 'panel'}: ${fmtFloor(parts(r.floor))}`,
    };
  });
  return { rows, raw };
}
