import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

export type Theme = 'light' | 'dark' | 'hc-black' | 'hc-light';
export const THEMES: readonly Theme[] = ['light', 'dark', 'hc-black', 'hc-light'];

/** What scripts/test-e2e.mjs gives the suites: one browser, a fresh VS Code server per workbench. */
export interface E2E {
  screenshots: string;
  vscodeVersion: string;
  open(fixture: string, options?: { theme?: Theme; viewport?: { width: number; height: number }; host?: 'node' | 'web'; vsix?: string; locale?: string }): Promise<Session>;
  /** The extension packaged as a .vsix (`npm run package`), made once per run. */
  vsix(): string;
  /** Waits until every webview on screen has loaded and the focus has stayed put for half a second. */
  settle(page: Page, timeout: number): Promise<void>;
}

/** One VS Code window on a fresh copy of a fixture workspace. */
export interface Session {
  page: Page;
  workspace: string;
  close(): Promise<void>;
  /** Switches the colour theme in the running window, as a user does. */
  setTheme(theme: Theme): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
}

export function e2e(): E2E {
  const h = (globalThis as { __communityPartnershipsE2E?: E2E }).__communityPartnershipsE2E;
  if (!h) throw new Error('Run the end-to-end tests with `npm run test:e2e`.');
  return h;
}

/**
 * Waits until the workbench has settled: every webview on screen has loaded, and the focus has
 * stayed where it is for half a second (scripts/lib/workbench.mjs says why). The German suite's
 * palette closed under it about one run in three while the Planner view, opened just before,
 * was still loading; the board's theme picker closed when the board, revealed from the
 * planner, took the focus.
 */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  await e2e().settle(page, timeout);
}

/** Runs a command from the Command Palette by its title, as a user does. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await settle(page);
  // Right after start-up the palette may not list extension commands yet: try again.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
    } catch (err) {
      if (attempt >= 3) throw err;
      continue;
    }
    await input.fill('>' + title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click();
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * The content of the first visible webview (VS Code nests each in two iframes) in which `holds`
 * is found: the sidebar's planner and an editor's page may both be visible.
 */
async function visibleWebview(page: Page, what: string, holds: (frame: FrameLocator) => Promise<Locator | undefined>): Promise<FrameLocator> {
  const frames = page.locator('iframe.webview.ready').filter({ visible: true });
  const started = Date.now();
  for (;;) {
    const n = await frames.count();
    for (let i = 0; i < n; i++) {
      const frame = frames.nth(i).contentFrame().locator('#active-frame').contentFrame();
      const found = await holds(frame);
      if (found) {
        await found.waitFor({ state: 'visible', timeout: 30_000 });
        return frame;
      }
    }
    if (Date.now() - started > 30_000) throw new Error(`no visible ${what}`);
    await page.waitForTimeout(200);
  }
}

/** The content of the visible webview whose editor tab has this title. */
export async function webview(page: Page, title: string): Promise<FrameLocator> {
  await page.locator('.tab', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  // The sidebar's planner is a webview too: take the editor's.
  return visibleWebview(page, `webview for ${title}`, async (frame) =>
    (await frame.locator('#app *').count()) > 0 && (await frame.locator('#section-pipeline').count()) === 0 ? frame.locator('#app *').first() : undefined,
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(e2e().screenshots, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The text of the active editor's visible lines. */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.monaco-editor .view-lines').first().locator('.view-line');
  return (await lines.allTextContents()).join('\n').replace(/\u00a0/g, ' ');
}

/** Waits for the file to match: the view shows a change at once, the write follows. */
export async function fileMatches(file: string, re: RegExp, timeoutMs = 15_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (re.test(text)) return text;
    if (Date.now() - started > timeoutMs) assert.fail(`${path.basename(file)} did not come to match ${re}:\n${text.slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}


/** The content of the sidebar's Planner view (a webview view: no editor tab). */
export async function plannerView(page: Page): Promise<FrameLocator> {
  return visibleWebview(page, 'planner view', async (frame) => ((await frame.locator('#section-pipeline').count()) > 0 ? frame.locator('#section-pipeline') : undefined));
}

/** The id of the element that has the focus inside a webview. */
export async function focusedId(view: FrameLocator): Promise<string> {
  return view.locator('body').evaluate((body) => (body as unknown as { ownerDocument: { activeElement: { id?: string } | null } }).ownerDocument.activeElement?.id ?? '');
}

/** Presses Tab (or Shift+Tab) until the element with this id has the focus; how many presses it took. */
export async function tabTo(page: Page, view: FrameLocator, id: string, options: { max?: number; back?: boolean } = {}): Promise<number> {
  const max = options.max ?? 80;
  for (let i = 0; i <= max; i++) {
    if ((await focusedId(view)) === id) return i;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`#${id} was not reached in ${max} presses of ${options.back ? 'Shift+Tab' : 'Tab'} (focus on #${await focusedId(view)})`);
}

/** Waits for the file to hold exactly `expected` (a read in the middle of a write does not count). */
export async function fileIs(file: string, expected: string, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (text === expected) return;
    if (Date.now() - started > timeoutMs) assert.strictEqual(text, expected, what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the file to differ from `before` and be whole (not empty: caught in the middle of a write). */
export async function fileChanges(file: string, before: string, what: string, timeoutMs = 15_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (text !== before && text !== '') return text;
    if (Date.now() - started > timeoutMs) assert.fail(`${what}: ${path.basename(file)} did not change`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the file to no longer hold this text. */
export async function fileLacks(file: string, needle: string, timeoutMs = 15_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(needle)) return text;
    if (Date.now() - started > timeoutMs) assert.fail(`${path.basename(file)} still holds ${JSON.stringify(needle)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Sets the sidebar's width as a user does, by dragging the sash at its edge; returns the width
 * the sidebar got (VS Code may snap it by a pixel or two).
 */
export async function setSidebarWidth(page: Page, width: number): Promise<number> {
  const sidebar = page.locator('.part.sidebar').first();
  for (let attempt = 0; attempt < 4; attempt++) {
    const box = await sidebar.boundingBox();
    if (!box) throw new Error('no sidebar on screen');
    if (Math.abs(box.width - width) <= 1) return box.width;
    const edge = box.x + box.width;
    const sashes = page.locator('.monaco-sash.vertical');
    let picked: { x: number; y: number } | undefined;
    for (const sash of await sashes.all()) {
      const s = await sash.boundingBox();
      if (s && s.height > box.height / 2 && Math.abs(s.x + s.width / 2 - edge) <= 4) picked = { x: s.x + s.width / 2, y: s.y + s.height / 2 };
    }
    if (!picked) throw new Error(`no sash at the sidebar's edge (x ${edge})`);
    await page.mouse.move(picked.x, picked.y);
    await page.mouse.down();
    await page.mouse.move(picked.x + (width - box.width) / 2, picked.y, { steps: 4 });
    await page.mouse.move(picked.x + (width - box.width), picked.y, { steps: 4 });
    await page.mouse.up();
    // The workbench lays out as the sash moves: the next measure sees the new width.
  }
  const box = await sidebar.boundingBox();
  return box?.width ?? 0;
}

/** A piece of text the page cuts off (an ellipsis, a clipped box, a placeholder or a select's value too long for it). */
export interface CutText {
  what: string;
  text: string;
  /** The tooltip that shows it whole, if any. */
  title: string;
  width: number;
  needed: number;
}

/**
 * Every text in a webview that is not shown whole: an element whose content is wider than its
 * box (scrollWidth over clientWidth), anything reaching past the page's right edge, an input's
 * placeholder or value or a select's shown option wider than the room inside it. Each with the
 * nearest tooltip (`title`) on it or around it, so a caller can tell a cut with a tooltip from
 * one without.
 */
export async function cutTexts(view: FrameLocator): Promise<CutText[]> {
  // The page's DOM, as far as this check reads it (the tests compile without the DOM library).
  interface Style { display: string; visibility: string; overflowY: string; paddingLeft: string; paddingRight: string; fontStyle: string; fontWeight: string; fontSize: string; fontFamily: string }
  interface El {
    tagName: string;
    id: string;
    classList: Iterable<string> & { length: number };
    textContent: string | null;
    scrollWidth: number;
    clientWidth: number;
    scrollHeight: number;
    clientHeight: number;
    parentElement: El | null;
    getAttribute(name: string): string | null;
    getBoundingClientRect(): { width: number; height: number; right: number };
    closest(selector: string): El | null;
    type?: string;
    value?: string;
    placeholder?: string;
    selectedOptions?: ArrayLike<{ textContent: string | null }>;
  }
  interface Doc {
    documentElement: { clientWidth: number };
    defaultView: { getComputedStyle(el: El): Style };
    querySelectorAll(selector: string): Iterable<El>;
    createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } };
  }
  return view.locator('body').evaluate((bodyNode) => {
    const body = bodyNode as unknown as El & { ownerDocument: Doc };
    const doc = body.ownerDocument;
    const win = doc.defaultView;
    const out: { what: string; text: string; title: string; width: number; needed: number }[] = [];
    const ctx = doc.createElement('canvas').getContext('2d');
    const describe = (el: El) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}`;
    const titleOf = (el: El) => {
      for (let e: El | null = el; e && e !== body; e = e.parentElement) {
        const t = e.getAttribute('title');
        if (t) return t;
      }
      return '';
    };
    const textWidth = (cs: Style, text: string) => {
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(text).width;
    };
    const pageRight = doc.documentElement.clientWidth;
    for (const el of doc.querySelectorAll('#app *')) {
      const cs = win.getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || el.closest('svg')) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (r.right > pageRight + 1) out.push({ what: `${describe(el)} reaches past the page`, text, title: titleOf(el), width: pageRight, needed: r.right });
      if (cs.display !== 'inline' && text && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        out.push({ what: describe(el), text, title: titleOf(el), width: el.clientWidth, needed: el.scrollWidth });
      }
      // Lines clamped (or a box too low for its text): cut below.
      if (cs.display !== 'inline' && text && cs.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 2 && el.clientHeight > 0) {
        out.push({ what: `${describe(el)} (lines cut)`, text, title: titleOf(el), width: el.clientHeight, needed: el.scrollHeight });
      }
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const tag = el.tagName.toLowerCase();
      if (tag === 'input' && (el.type === 'text' || el.type === 'search')) {
        const shown = el.value || el.placeholder || '';
        const space = room - (el.type === 'search' && el.value ? 16 : 0);
        if (shown && textWidth(cs, shown) > space + 1) out.push({ what: `${describe(el)} ${el.value ? 'value' : 'placeholder'}`, text: shown, title: titleOf(el), width: space, needed: textWidth(cs, shown) });
      }
      if (tag === 'select') {
        const shown = el.selectedOptions?.[0]?.textContent ?? '';
        // The arrow takes about 20 px of the room.
        if (shown && textWidth(cs, shown) > room - 20 + 1) out.push({ what: `${describe(el)} option`, text: shown, title: titleOf(el), width: room - 20, needed: textWidth(cs, shown) });
      }
    }
    return out;
  });
}

/** The width of a webview's page, as its own layout sees it. */
export async function pageWidth(view: FrameLocator): Promise<number> {
  return view.locator('body').evaluate((body) => (body as unknown as { ownerDocument: { documentElement: { clientWidth: number } } }).ownerDocument.documentElement.clientWidth);
}

/**
 * Types a query into the Extensions view's search box. The box is a small editor: in VS Code
 * 1.99 its input is a textarea, from 1.1xx on an EditContext element (the textarea left there is
 * read-only), so it is clicked and typed into, as a user does.
 */
export async function searchExtensions(page: Page, query: string): Promise<void> {
  const box = page.locator('.extensions-viewlet .suggest-input-container .monaco-editor').first();
  await box.waitFor({ timeout: 30_000 });
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
}

/** The class VS Code puts on a webview's body for each theme kind. */
const THEME_CLASS: Record<Theme, string> = { light: 'vscode-light', dark: 'vscode-dark', 'hc-black': 'vscode-high-contrast', 'hc-light': 'vscode-high-contrast-light' };

/** Waits until a webview shows the theme (VS Code sends a theme switch to its webviews). */
export async function webviewInTheme(view: FrameLocator, theme: Theme): Promise<void> {
  // hc-light carries vscode-high-contrast too: the exact set is compared.
  await view.locator(`body.${THEME_CLASS[theme]}`).waitFor({ timeout: 15_000 });
  if (theme === 'hc-black') await view.locator('body:not(.vscode-high-contrast-light)').waitFor({ timeout: 15_000 });
}

/**
 * The contrast ratio (WCAG 2) of an element's text against what is painted behind it: its own
 * background and its ancestors', composited while they are translucent.
 */
export async function contrastOf(target: Locator, base: 'editor' | 'sideBar' = 'editor'): Promise<{ ratio: number; color: string; background: string }> {
  // The locator finds the element, then the function runs in a later task: a page that renders
  // again in between (data arriving, a theme switch) has replaced the element by then, and a
  // detached element has no computed style. What is on screen is the new element: the locator
  // finds it again. A page that never settles still fails, after 20 tries.
  for (let attempt = 1; ; attempt++) {
    const c = await contrastOnce(target, base);
    if (c) return c;
    if (attempt === 20) throw new Error('the element was replaced 20 times while its contrast was measured: the page does not settle');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function contrastOnce(target: Locator, base: 'editor' | 'sideBar'): Promise<{ ratio: number; color: string; background: string } | undefined> {
  return target.evaluate((node, baseColor) => {
    interface Style { color: string; backgroundColor: string; getPropertyValue(name: string): string }
    interface El { parentElement: El | null; isConnected: boolean; style: { color: string }; remove(): void; ownerDocument: { documentElement: El; body: El & { append(e: El): void }; createElement(tag: string): El; defaultView: { getComputedStyle(e: El): Style } } }
    const el = node as unknown as El;
    if (!el.isConnected) return undefined;
    const doc = el.ownerDocument;
    const win = doc.defaultView;
    // What VS Code paints behind the webview (a webview view's page is transparent over the side bar).
    const probe = doc.createElement('span');
    probe.style.color = win.getComputedStyle(doc.documentElement).getPropertyValue(`--vscode-${baseColor}-background`).trim() || 'rgb(255, 255, 255)';
    doc.body.append(probe);
    const baseRgb = win.getComputedStyle(probe).color;
    probe.remove();
    const parse = (c: string): [number, number, number, number] => {
      const m = /^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\)$/.exec(c.trim());
      if (!m) throw new Error(`not an rgb colour: ${c}`);
      return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    };
    const layers: [number, number, number, number][] = [];
    for (let e: El | null = el; e; e = e.parentElement) {
      const bg = parse(win.getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    const [br, bg, bb] = parse(baseRgb);
    let below: [number, number, number] = [br, bg, bb];
    for (const [r, g, b, a] of layers.reverse()) below = [r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a)];
    const [fr, fg, fb, fa] = parse(win.getComputedStyle(el).color);
    const text: [number, number, number] = [fr * fa + below[0] * (1 - fa), fg * fa + below[1] * (1 - fa), fb * fa + below[2] * (1 - fa)];
    const lum = ([r, g, b]: [number, number, number]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const [l1, l2] = [lum(text), lum(below)].sort((a, b) => b - a);
    const hex = (c: number[]) => `rgb(${c.map((v) => Math.round(v)).join(', ')})`;
    return { ratio: (l1 + 0.05) / (l2 + 0.05), color: hex(text), background: hex(below) };
  }, base);
}

/** Fails unless the element's text reads against its background at `min` to 1 or better (4.5: WCAG AA for text). */
export async function assertReadable(target: Locator, what: string, { min = 4.5, base = 'editor' }: { min?: number; base?: 'editor' | 'sideBar' } = {}): Promise<void> {
  const c = await contrastOf(target, base);
  assert.ok(c.ratio >= min, `${what}: contrast ${c.ratio.toFixed(2)} to 1 (${c.color} on ${c.background}), at least ${min} needed`);
}
