import type { VsCodeApi } from './dom';

/**
 * The base of a page built as an instance: its root element and its VS Code API, set before
 * the page's own fields are initialised (so they may use them). A page keeps every piece of its
 * state in its instance, never at the top of its module, so that it can be built twice or
 * tested as a unit.
 */
export abstract class Page<S> {
  constructor(
    protected readonly root: HTMLElement,
    protected readonly vscode: VsCodeApi<S>,
  ) {}
}
