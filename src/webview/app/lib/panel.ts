import type { PanelContext } from '../../protocol';
import { clear, h, icon } from './dom';

/** A polite live region for the result of an action. */
export function statusLine(): { element: HTMLElement; show(kind: 'info' | 'error', text: string): void } {
  const element = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    show(kind, text) {
      clear(element);
      element.className = `status ${kind}`;
      element.append(icon(kind === 'error' ? 'error' : 'check'), ` ${text}`);
    },
  };
}

/** Shown when the folder has no readable context: the fields are then filled by hand. */
export function contextNote(ctx: PanelContext, open: () => void): HTMLElement {
  const link = h('button', { type: 'button', class: 'link inline' }, ctx.state === 'missing' ? 'Create it' : 'Open it');
  link.addEventListener('click', open);
  const text =
    ctx.state === 'missing'
      ? `${ctx.folderName || 'This workspace'} has no community context (${ctx.contextPath}) yet, so nothing is prefilled. `
      : `${ctx.contextPath} could not be read, so nothing is prefilled. `;
  return h('p', { class: 'notice' }, icon('info'), h('span', {}, text, link));
}
