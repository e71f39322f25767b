import '../../webview/lib/l10n';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { ContextFormFromWebview, ContextFormResults, ContextFormToWebview } from './protocol';
import { clear, h, icon, markRendered, vscodeApi } from '../../webview/lib/dom';
import { client, failureText } from '../../webview/lib/rpc';
import { statusLine } from '../../webview/lib/panel';
import { button, textControl } from '../../webview/lib/formControls';
// What the page shows is worked out by its view-model; this file only renders it and wires events.
import { contextFormView, discardedText, freshValues, savedText, stateForInit, type ContextFormInit, type ContextFormState } from './model';

const vscode = vscodeApi<ContextFormState>();
const root = document.getElementById('app') as HTMLElement;
let state: ContextFormState | undefined = vscode.getState();
let init: ContextFormInit | undefined;
let busy = false;
const status = statusLine();

const rpc = client<ContextFormFromWebview, ContextFormResults>(vscode as never, (m) => onMessage(m as ContextFormToWebview));
/** The values the form was filled with: a draft is what differs. */
let fresh: Record<string, string> = {};
let draftTimer: ReturnType<typeof setTimeout> | undefined;

function save(): void {
  if (!state || busy) return;
  if (draftTimer) clearTimeout(draftTimer);
  rpc
    .request({ type: 'save', values: state.values })
    .then((r) => {
      if (!r) return; // the form closed: the new file is open
      fresh = { ...state!.values };
      state!.restored = false;
      vscode.setState(state!);
      render();
      status.show('info', savedText(r));
    })
    .catch((err: unknown) => status.show('error', failureText(err)));
}

/** What the user typed, kept by the extension until it is saved or discarded: closing the tab loses nothing. */
function keepDraft(): void {
  if (draftTimer) clearTimeout(draftTimer);
  draftTimer = setTimeout(sendDraft, 250);
}

function sendDraft(): void {
  if (draftTimer) clearTimeout(draftTimer);
  draftTimer = undefined;
  if (state) rpc.notify({ type: 'draft', values: state.values });
}

// The tab may be closed right after a keystroke: the pending draft goes at once.
window.addEventListener('pagehide', () => draftTimer && sendDraft());

function discard(): void {
  if (!state) return;
  state.values = { ...fresh };
  state.restored = false;
  vscode.setState(state);
  rpc.notify({ type: 'draft', values: state.values });
  render();
  status.show('info', discardedText());
}

function setStep(step: number): void {
  if (!state || !init) return;
  state.step = Math.max(0, Math.min(init.sections.length - 1, step));
  vscode.setState(state);
  render();
  root.querySelector<HTMLElement>('.field vscode-textfield, .field vscode-textarea')?.focus();
}

function render(): void {
  if (!state || !init) return;
  clear(root);
  const view = contextFormView(init, state, fresh, busy);

  const header = h(
    'header',
    { class: 'page-header' },
    h('h1', {}, view.title),
    h('p', { class: 'description' }, `${view.description[0]} `, h('code', {}, view.description[1]), `: ${view.description[2]}`),
  );
  if (view.unsaved) {
    const drop = h('button', { type: 'button', class: 'link inline', id: 'discard-draft' }, view.unsaved.discard);
    drop.addEventListener('click', discard);
    header.appendChild(
      h('p', { class: `notice${view.unsaved.restored ? ' info' : ''}`, id: 'unsaved' }, icon(view.unsaved.restored ? 'history' : 'circle-filled'), h('span', {}, `${view.unsaved.text} · `, drop)),
    );
  }

  const nav = h('nav', { class: 'steps', 'aria-label': view.sectionsLabel });
  const list = h('ol', {});
  for (const step of view.steps) {
    const b = h(
      'button',
      { type: 'button', class: `step ${step.state}${step.current ? ' current' : ''}`, 'aria-current': step.current ? 'step' : undefined, 'aria-label': step.ariaLabel },
      icon(step.icon, 'step-icon'),
      h('span', { class: 'step-title' }, step.title),
      h('span', { class: 'step-count', 'aria-hidden': 'true' }, step.countText),
    );
    b.addEventListener('click', () => setStep(step.index));
    list.appendChild(h('li', {}, b));
  }
  nav.append(list, h('p', { class: 'progress' }, view.progressText));

  const form = h('form', { class: 'section-form', 'aria-labelledby': 'section-title' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (state!.step < init!.sections.length - 1) setStep(state!.step + 1);
    else save();
  });
  form.appendChild(h('h2', { id: 'section-title' }, view.sectionTitle));
  for (const f of view.fields) {
    const hintId = `${f.id}-hint`;
    const control = textControl({
      id: f.id,
      name: f.label,
      label: f.label,
      value: f.value,
      multiline: f.multiline,
      placeholder: f.placeholder,
      disabled: f.disabled,
      describedBy: f.guidance ? hintId : undefined,
      onInput: (value) => {
        state!.values[f.label] = value;
        vscode.setState(state!);
        updateCounts();
        keepDraft();
      },
    });
    control.addEventListener('keydown', (e) => {
      const ke = e as KeyboardEvent;
      if (ke.key === 'Enter' && (ke.ctrlKey || ke.metaKey)) {
        ke.preventDefault();
        save();
      }
    });
    // The family's guidance sits between the label and the field, as the template words it.
    const label = h('label', { for: f.id }, f.label);
    label.addEventListener('click', () => control.focus());
    const block = h('div', { class: 'field' }, label);
    if (f.guidance) block.appendChild(h('p', { class: 'hint', id: hintId }, f.guidance));
    block.appendChild(control);
    form.appendChild(block);
  }

  const actions = h(
    'div',
    { class: 'actions' },
    button({ label: view.back.label, icon: 'arrow-left', secondary: true, disabled: view.back.disabled, id: 'step-back', onClick: () => setStep(state!.step - 1) }),
    button({ label: view.skip.label, secondary: true, disabled: view.skip.disabled, id: 'step-skip', onClick: () => setStep(state!.step + 1) }),
    button({ label: view.next.label, iconAfter: 'arrow-right', secondary: true, disabled: view.next.disabled, id: 'step-next', onClick: () => setStep(state!.step + 1) }),
    h('span', { class: 'spacer' }),
  );
  if (view.openFile) {
    const openFile = h('button', { type: 'button', class: 'link' }, icon('go-to-file'), view.openFile.label);
    openFile.addEventListener('click', () => void rpc.request({ type: 'openFile' }).catch((err: unknown) => status.show('error', failureText(err))));
    actions.appendChild(openFile);
  }
  actions.appendChild(button({ label: view.primary.label, icon: view.primary.icon, disabled: view.primary.disabled, id: 'save', onClick: save }));
  form.appendChild(actions);
  if (view.readOnlyNotice) form.appendChild(h('p', { class: 'notice' }, icon('shield'), view.readOnlyNotice));

  root.appendChild(header);
  root.appendChild(h('div', { class: 'wizard' }, nav, h('main', {}, form, status.element)));

  /** As the user types, only the counts change: the focus and the caret stay where they are. */
  function updateCounts(): void {
    const next = contextFormView(init!, state!, fresh, busy);
    const buttons = nav.querySelectorAll('.step');
    next.steps.forEach((s, i) => {
      const b = buttons[i];
      if (!b) return;
      b.className = `step ${s.state}${s.current ? ' current' : ''}`;
      b.setAttribute('aria-label', s.ariaLabel);
      b.querySelector('.step-icon')?.replaceWith(icon(s.icon, 'step-icon'));
      const count = b.querySelector('.step-count');
      if (count) count.textContent = s.countText;
    });
    const p = nav.querySelector('.progress');
    if (p) p.textContent = next.progressText;
  }
}

function onMessage(m: ContextFormToWebview): void {
  switch (m.type) {
    case 'init': {
      init = m;
      fresh = freshValues(m);
      state = stateForInit(state, m);
      vscode.setState(state);
      render();
      markRendered();
      break;
    }
    case 'busy':
      busy = m.busy;
      {
        const primary = root.querySelector<HTMLElement & { disabled: boolean }>('#save');
        if (primary) primary.disabled = busy || !!init?.readOnly;
      }
      break;
  }
}

rpc.request({ type: 'ready' }).catch((err: unknown) => status.show('error', failureText(err)));
