/**
 * Building the webviews' DOM. Every value is set as text (a text node, `textContent` or an
 * attribute), never parsed as HTML, so workspace content such as `<img src=x onerror=...>`
 * shows as those characters and runs nothing.
 */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | number | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    // Handlers are attached with addEventListener only; the CSP forbids inline ones anyway.
    if (/^on/i.test(k)) throw new Error(`inline handler ${k} refused`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** A codicon: `<span class="codicon codicon-NAME" aria-hidden="true">`. */
export function icon(name: string, extra = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name.replace(/[^a-z0-9-]/g, '')} ${extra}`.trim(), 'aria-hidden': 'true' });
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export function vscodeApi<S>(): VsCodeApi<S> {
  return acquireVsCodeApi<S>();
}

/**
 * Marks the page's first full render (the host's data on screen) for the open-time benchmark
 * (test/bench/open.ts): `cp:rendered:dom` when the DOM holds it, `cp:rendered` after the next
 * frame (its layout and paint). Only the first call counts; the marks are the browser's
 * performance timeline, read by the benchmark and by nothing else.
 */
export function markRendered(): void {
  if (performance.getEntriesByName('cp:rendered:dom').length > 0) return;
  performance.mark('cp:rendered:dom');
  requestAnimationFrame(() => setTimeout(() => performance.mark('cp:rendered')));
}
