import '../../webview/lib/l10n';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { ContextFormFromWebview, ContextFormResults, ContextFormToWebview } from './protocol';
import { clear, h, icon, markRendered, vscodeApi, type VsCodeApi } from '../../webview/lib/dom';
import { Page } from '../../webview/lib/page';
import { client, failureText, type Client } from '../../webview/lib/rpc';
import { statusLine } from '../../webview/lib/panel';
import { button, textControl } from '../../webview/lib/formControls';
// What the page shows is worked out by its view-model; this file only renders it and wires events.
import { contextFormView, discardedText, freshValues, savedText, stateForInit, type ContextFormInit, type ContextFormState, type ContextFormView, type FieldView } from './model';

/** The context form: one instance per page, owning all of the page's state. */
class ContextFormPage extends Page<ContextFormState> {
  private state: ContextFormState | undefined;
  private init: ContextFormInit | undefined;
  private busy = false;
  private readonly status = statusLine();
  private readonly rpc: Client<ContextFormFromWebview, ContextFormResults>;
  /** The values the form was filled with: a draft is what differs. */
  private fresh: Record<string, string> = {};

  constructor(root: HTMLElement, vscode: VsCodeApi<ContextFormState>) {
    super(root, vscode);
    this.state = vscode.getState();
    this.rpc = client<ContextFormFromWebview, ContextFormResults>(vscode as never, (m) => this.onMessage(m as ContextFormToWebview));
    this.rpc.request({ type: 'ready' }).catch((err: unknown) => this.status.show('error', failureText(err)));
  }

  private save(): void {
    if (!this.state || this.busy) return;
    this.rpc
      .request({ type: 'save', values: this.state.values })
      .then((r) => {
        const state = this.state;
        if (!r || !state) return; // the form closed: the new file is open
        this.fresh = { ...state.values };
        state.restored = false;
        this.vscode.setState(state);
        this.render();
        this.status.show('info', savedText(r));
      })
      .catch((err: unknown) => this.status.show('error', failureText(err)));
  }

  /**
   * What the user typed, kept by the extension until it is saved or discarded: closing the tab
   * loses nothing. Sent at every change, not after a pause: a tab closed right after a keystroke
   * is gone before a later message could leave it.
   */
  private keepDraft(): void {
    if (this.state) this.rpc.notify({ type: 'draft', values: this.state.values });
  }

  private discard(): void {
    const state = this.state;
    if (!state) return;
    state.values = { ...this.fresh };
    state.restored = false;
    this.vscode.setState(state);
    this.rpc.notify({ type: 'draft', values: state.values });
    this.render();
    this.status.show('info', discardedText());
  }

  private setStep(step: number): void {
    if (!this.state || !this.init) return;
    this.state.step = Math.max(0, Math.min(this.init.sections.length - 1, step));
    this.vscode.setState(this.state);
    this.render();
    this.root.querySelector<HTMLElement>('.field vscode-textfield, .field vscode-textarea')?.focus();
  }

  private render(): void {
    const { state, init } = this;
    if (!state || !init) return;
    clear(this.root);
    const view = contextFormView(init, state, this.fresh, this.busy);
    const nav = this.steps(view);
    const form = h('form', { class: 'section-form', 'aria-labelledby': 'section-title' });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (state.step < init.sections.length - 1) this.setStep(state.step + 1);
      else this.save();
    });
    form.appendChild(h('h2', { id: 'section-title' }, view.sectionTitle));
    for (const f of view.fields) form.appendChild(this.field(f, state, () => this.updateCounts(nav)));
    form.appendChild(this.actions(view, state));
    if (view.readOnlyNotice) form.appendChild(h('p', { class: 'notice' }, icon('shield'), view.readOnlyNotice));

    this.root.appendChild(this.header(view));
    this.root.appendChild(h('div', { class: 'wizard' }, nav, h('main', {}, form, this.status.element)));
  }

  private header(view: ContextFormView): HTMLElement {
    const header = h(
      'header',
      { class: 'page-header' },
      h('h1', {}, view.title),
      h('p', { class: 'description' }, `${view.description[0]} `, h('code', {}, view.description[1]), `: ${view.description[2]}`),
    );
    if (view.unsaved) {
      const drop = h('button', { type: 'button', class: 'link inline', id: 'discard-draft' }, view.unsaved.discard);
      drop.addEventListener('click', () => this.discard());
      header.appendChild(
        h('p', { class: `notice${view.unsaved.restored ? ' info' : ''}`, id: 'unsaved' }, icon(view.unsaved.restored ? 'history' : 'circle-filled'), h('span', {}, `${view.unsaved.text} · `, drop)),
      );
    }
    return header;
  }

  private steps(view: ContextFormView): HTMLElement {
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
      b.addEventListener('click', () => this.setStep(step.index));
      list.appendChild(h('li', {}, b));
    }
    nav.append(list, h('p', { class: 'progress' }, view.progressText));
    return nav;
  }

  private field(f: FieldView, state: ContextFormState, counted: () => void): HTMLElement {
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
        state.values[f.label] = value;
        this.vscode.setState(state);
        counted();
        this.keepDraft();
      },
    });
    control.addEventListener('keydown', (e) => {
      const ke = e as KeyboardEvent;
      if (ke.key === 'Enter' && (ke.ctrlKey || ke.metaKey)) {
        ke.preventDefault();
        this.save();
      }
    });
    // The family's guidance sits between the label and the field, as the template words it.
    const label = h('label', { for: f.id }, f.label);
    label.addEventListener('click', () => control.focus());
    const block = h('div', { class: 'field' }, label);
    if (f.guidance) block.appendChild(h('p', { class: 'hint', id: hintId }, f.guidance));
    block.appendChild(control);
    return block;
  }

  private actions(view: ContextFormView, state: ContextFormState): HTMLElement {
    const actions = h(
      'div',
      { class: 'actions' },
      button({ label: view.back.label, icon: 'arrow-left', secondary: true, disabled: view.back.disabled, id: 'step-back', onClick: () => this.setStep(state.step - 1) }),
      button({ label: view.skip.label, secondary: true, disabled: view.skip.disabled, id: 'step-skip', onClick: () => this.setStep(state.step + 1) }),
      button({ label: view.next.label, iconAfter: 'arrow-right', secondary: true, disabled: view.next.disabled, id: 'step-next', onClick: () => this.setStep(state.step + 1) }),
      h('span', { class: 'spacer' }),
    );
    if (view.openFile) {
      const openFile = h('button', { type: 'button', class: 'link' }, icon('go-to-file'), view.openFile.label);
      openFile.addEventListener('click', () => void this.rpc.request({ type: 'openFile' }).catch((err: unknown) => this.status.show('error', failureText(err))));
      actions.appendChild(openFile);
    }
    actions.appendChild(button({ label: view.primary.label, icon: view.primary.icon, disabled: view.primary.disabled, id: 'save', onClick: () => this.save() }));
    return actions;
  }

  /** As the user types, only the counts change: the focus and the caret stay where they are. */
  private updateCounts(nav: HTMLElement): void {
    if (!this.init || !this.state) return;
    const next = contextFormView(this.init, this.state, this.fresh, this.busy);
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

  private onMessage(m: ContextFormToWebview): void {
    switch (m.type) {
      case 'init': {
        this.init = m;
        this.fresh = freshValues(m);
        this.state = stateForInit(this.state, m);
        this.vscode.setState(this.state);
        this.render();
        markRendered();
        break;
      }
      case 'busy': {
        this.busy = m.busy;
        const primary = this.root.querySelector<HTMLElement & { disabled: boolean }>('#save');
        if (primary) primary.disabled = this.busy || !!this.init?.readOnly;
        break;
      }
    }
  }
}

new ContextFormPage(document.getElementById('app') as HTMLElement, vscodeApi<ContextFormState>());
