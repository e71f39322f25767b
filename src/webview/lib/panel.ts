import type { PanelContext } from '../protocol';
import { clear, h, icon } from './dom';
import { l10n } from '../../core/l10n';

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
  const link = h('button', { type: 'button', class: 'link inline' }, ctx.state === 'missing' ? l10n.t('Create it') : l10n.t('Open it'));
  link.addEventListener('click', open);
  const text =
    ctx.state === 'missing'
      ? ctx.folderName
        ? l10n.t('{0} has no community context ({1}) yet, so nothing is prefilled.', ctx.folderName, ctx.contextPath)
        : l10n.t('This workspace has no community context ({0}) yet, so nothing is prefilled.', ctx.contextPath)
      : l10n.t('{0} could not be read, so nothing is prefilled.', ctx.contextPath);
  return h('p', { class: 'notice' }, icon('info'), h('span', {}, `${text} `, link));
}
