import '../../webview/lib/l10n';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import type { AgreementChecklist, AgreementFromWebview, AgreementResults, AgreementToWebview } from './protocol';
import type { PanelContext } from '../../webview/protocol';
import { clear, h, icon, markRendered, vscodeApi, type VsCodeApi } from '../../webview/lib/dom';
import { client, failureText, initialMessages, RequestFailed, type Client } from '../../webview/lib/rpc';
import { textLanguagePicker } from '../../webview/lib/textLanguagePicker';
import { contextNote, statusLine } from '../../webview/lib/panel';
import { button, checkbox, fieldBlock, singleSelect, textControl, type TextControl } from '../../webview/lib/formControls';
// What the page shows is worked out by its view-model; this file only renders it and wires events.
import { noticeInLanguage, type AgreementState } from '../../core/agreement';
import type { TextLanguage } from '../../core/textLanguage';
import {
  agreementText,
  completeChecklist,
  dateProblem,
  durationOptions,
  followContext,
  fromContextHint,
  lines,
  metricSuggestions,
  practiceBoxes,
  progressView,
  selectedType,
  sideLabels,
  typeOptions,
} from './model';

interface State {
  checklist: AgreementChecklist;
  context?: PanelContext;
  readOnly: boolean;
}

type SideLabel = keyof ReturnType<typeof sideLabels>;
interface TextOptions {
  placeholder?: string;
  hint?: string;
  multiline?: boolean;
  side?: SideLabel;
  date?: boolean;
  /** Given the control once made, to update its value later. */
  made?: (control: { value: string }) => void;
}

/** The agreement checklist: one instance per page, owning all of the page's state. */
class AgreementPage {
  private state: State | undefined;
  private readonly status = statusLine();
  private readonly rpc: Client<AgreementFromWebview, AgreementResults>;
  private readonly refs: { counter?: HTMLElement; meter?: HTMLElement & { value: number; max: number }; notice?: { value: string }; nav: Map<string, HTMLElement>; sections: Map<string, HTMLElement> } = {
    nav: new Map(),
    sections: new Map(),
  };
  /** Labels that name a side follow the side's name as it is typed: the label and the control's own. */
  private readonly sideLabelled: [HTMLLabelElement, TextControl, SideLabel][] = [];
  private readonly T = agreementText();
  private nextId = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly vscode: VsCodeApi<State>,
  ) {
    this.state = vscode.getState();
    const first = initialMessages();
    this.rpc = client<AgreementFromWebview, AgreementResults>(vscode as never, (m) => this.onMessage(m as AgreementToWebview), first);
    // A restored page paints at once; the stored checklist is in the page (or follows with `ready`).
    if (this.state) this.render();
    for (const m of first) this.onMessage(m as AgreementToWebview);
    this.send({ type: 'ready' });
  }

  /** Sends a request; its message (or why it failed) goes to the status line. */
  private send(message: Parameters<Client<AgreementFromWebview, AgreementResults>['request']>[0]): void {
    this.rpc
      .request(message)
      .then((r) => {
        const text = r && typeof r === 'object' && 'message' in r ? r.message : undefined;
        if (typeof text === 'string') this.status.show('info', text);
      })
      .catch((err: unknown) => {
        // A question the user answered "no" to needs no error.
        if (!(err instanceof RequestFailed && err.code === 'cancelled')) this.status.show('error', failureText(err));
      });
  }

  private s(): AgreementState {
    return this.state!.checklist.state as AgreementState;
  }

  /**
   * Saves in the page and in the workspace at every change, not after a pause: a panel closed
   * right after a keystroke is gone before a later message could leave it.
   */
  private changed(): void {
    if (!this.state) return;
    this.vscode.setState(this.state);
    this.updateProgress();
    this.send({ type: 'update', checklist: this.state.checklist });
  }

  /** The language the document is written in: kept with the checklist, and remembered for the next pitch or agreement. */
  private pickLanguage(language: TextLanguage): void {
    if (!this.state) return;
    this.state.checklist.language = language;
    // The default notice follows the language ("two weeks", "zwei Wochen"); a written one stays.
    const st = this.state.checklist.state;
    st.noticePeriod = noticeInLanguage(st.noticePeriod, language);
    if (this.refs.notice && this.refs.notice.value !== st.noticePeriod) this.refs.notice.value = st.noticePeriod;
    this.rpc.notify({ type: 'textLanguage', language });
    this.changed();
  }

  private text(label: string, get: () => string, set: (v: string) => void, o: TextOptions = {}): HTMLElement {
    const id = `f${this.nextId++}`;
    const hintId = `${id}-hint`;
    const hint = o.hint || o.date ? h('div', { class: 'hint', id: hintId }, o.hint ?? '') : null;
    const problem = o.date ? h('div', { class: 'field-problem', id: `${id}-problem`, role: 'alert' }) : null;
    const control = textControl({
      id,
      label,
      value: get(),
      multiline: o.multiline,
      placeholder: o.placeholder,
      disabled: this.state?.readOnly,
      describedBy: [hint ? hintId : '', problem ? problem.id : ''].filter(Boolean).join(' ') || undefined,
      onInput: (v, c) => {
        set(v);
        if (problem) showDateProblem(c, problem, v);
        this.changed();
      },
    });
    if (problem) showDateProblem(control, problem, get());
    o.made?.(control);
    const labelEl = h('label', { for: id }, label);
    if (o.side) this.sideLabelled.push([labelEl, control, o.side]);
    const block = fieldBlock(id, labelEl, control, hint);
    if (problem) block.appendChild(problem);
    return block;
  }

  private select(label: string, options: ReturnType<typeof typeOptions>, get: () => string, set: (v: string) => void): HTMLElement {
    const id = `f${this.nextId++}`;
    const control = singleSelect({ id, label, value: get(), options, disabled: this.state?.readOnly, onChange: (v) => (set(v), this.changed()) });
    return fieldBlock(id, label, control);
  }

  private section(id: string, title: string, ...children: (HTMLElement | null)[]): HTMLElement {
    const statusEl = h('div', { class: 'item-status' });
    this.refs.sections.set(id, statusEl);
    return h('section', { class: 'item', id: `item-${id}`, 'aria-labelledby': `item-${id}-title` }, h('h2', { id: `item-${id}-title` }, title), statusEl, ...children);
  }

  private metricsEditor(): HTMLElement {
    const T = this.T;
    const wrap = h('div', { class: 'metrics' });
    const draw = () => {
      const state = this.state!;
      clear(wrap);
      const st = this.s();
      completeChecklist(state.checklist);
      st.metrics!.forEach((m, i) => {
        const remove = h('button', { type: 'button', class: 'icon', title: T.removeMetric, 'aria-label': T.removeMetricN(i + 1), disabled: state.readOnly }, icon('trash'));
        remove.addEventListener('click', () => {
          st.metrics!.splice(i, 1);
          this.changed();
          draw();
        });
        wrap.appendChild(
          h(
            'div',
            { class: 'metric-row' },
            this.text(T.metric(i + 1), () => m.metric, (v) => (m.metric = v), { placeholder: T.metricPlaceholder }),
            this.text(T.target, () => m.target, (v) => (m.target = v), { placeholder: T.targetPlaceholder }),
            remove,
          ),
        );
      });
      wrap.appendChild(h('p', { class: 'hint' }, T.metricHint(metricSuggestions().join(', '))));
      wrap.appendChild(
        button({
          label: T.addMetric,
          icon: 'add',
          secondary: true,
          disabled: state.readOnly,
          onClick: () => {
            st.metrics!.push({ metric: '', target: '' });
            this.changed();
            draw();
          },
        }),
      );
    };
    draw();
    return wrap;
  }

  /** Left: progress over the ten points, each a link to its section. */
  private nav(): HTMLElement {
    const progress = progressView(this.state!.checklist);
    const counter = h('p', { class: 'progress-count', id: 'agreement-count' });
    const meter = h('vscode-progress-bar', { class: 'meter' });
    const list = h('ol', {});
    progress.nav.forEach((item, i) => {
      if (i === 5) list.appendChild(h('li', { class: 'list-heading', 'aria-hidden': 'true' }, this.T.runningIt));
      const b = h('button', { type: 'button', class: 'step' }, h('span', { class: 'step-icon-slot' }), h('span', { class: 'step-title' }, item.title));
      b.addEventListener('click', () => {
        const target = document.getElementById(item.target);
        target?.scrollIntoView({ block: 'start' });
        target?.querySelector<HTMLElement>('vscode-textfield, vscode-textarea, select, input')?.focus();
      });
      this.refs.nav.set(item.id, b);
      list.appendChild(h('li', {}, b));
    });
    this.refs.counter = counter;
    this.refs.meter = meter as unknown as HTMLElement & { value: number; max: number };
    return h('nav', { class: 'steps', 'aria-label': this.T.progress }, counter, meter, h('h3', {}, this.T.fiveItems), list);
  }

  /** The two sides, the type and topic, and the language the document is written in. */
  private partnershipSection(): HTMLElement {
    const { T } = this;
    const state = this.state!;
    const st = this.s();
    const sides = state.checklist.sides;
    return h(
      'section',
      { class: 'item sides' },
      h('h2', {}, T.partnership),
      h(
        'div',
        { class: 'field-row' },
        this.text(T.yourCommunity, () => sides.yours, (v) => (sides.yours = v), { hint: fromContextHint(state.checklist, state.context) }),
        this.text(T.partnerCommunity, () => sides.theirs, (v) => (sides.theirs = v), { placeholder: T.partnerPlaceholder }),
      ),
      h(
        'div',
        { class: 'field-row' },
        this.select(T.type, typeOptions(), () => selectedType(state.checklist), (v) => (st.collaboration = { ...st.collaboration, type: v })),
        this.text(T.topic, () => st.collaboration?.topic ?? '', (v) => (st.collaboration = { ...st.collaboration, topic: v }), { placeholder: T.topicPlaceholder, hint: T.topicHint }),
      ),
      textLanguagePicker(state.checklist.language ?? 'en', (l) => this.pickLanguage(l)),
    );
  }

  /** The five items and the running practices, each a section. */
  private itemSections(): HTMLElement[] {
    const { T } = this;
    const state = this.state!;
    const st = this.s();
    const practices = st.practices!;
    return [
      this.section(
        'contributions',
        T.section(1, 'contributions'),
        h(
          'div',
          { class: 'field-row' },
          this.text('', () => lines(st.contributions!.yours), (v) => (st.contributions!.yours = v.split('\n')), { multiline: true, placeholder: T.yoursPlaceholder, hint: T.onePerLine, side: 'yoursWill' }),
          this.text('', () => lines(st.contributions!.theirs), (v) => (st.contributions!.theirs = v.split('\n')), { multiline: true, placeholder: T.theirsPlaceholder, hint: T.onePerLine, side: 'theirsWill' }),
        ),
      ),
      this.section(
        'timeline',
        T.section(2, 'timeline'),
        h(
          'div',
          { class: 'field-row three' },
          this.select(T.duration, durationOptions(), () => st.duration ?? '', (v) => (st.duration = v as AgreementState['duration'])),
          this.text(T.start, () => st.startDate ?? '', (v) => (st.startDate = v.trim()), { placeholder: T.datePlaceholder, date: true }),
          this.text(T.review, () => st.reviewDate ?? '', (v) => (st.reviewDate = v.trim()), { placeholder: T.datePlaceholder, hint: T.reviewHint, date: true }),
        ),
      ),
      this.section('success', T.section(3, 'success'), this.metricsEditor()),
      this.section(
        'communication',
        T.section(4, 'communication'),
        h(
          'div',
          { class: 'field-row' },
          this.text('', () => st.contacts!.yours ?? '', (v) => (st.contacts!.yours = v), { placeholder: T.contactPlaceholder, side: 'yourContact' }),
          this.text('', () => st.contacts!.theirs ?? '', (v) => (st.contacts!.theirs = v), { placeholder: T.contactPlaceholder, side: 'theirContact' }),
        ),
        this.text(T.cadence, () => st.cadence ?? '', (v) => (st.cadence = v), { placeholder: T.cadencePlaceholder, hint: T.cadenceHint }),
      ),
      this.section('exit', T.section(5, 'exit'), this.text(T.notice, () => noticeInLanguage(st.noticePeriod, this.state?.checklist.language ?? 'en'), (v) => (st.noticePeriod = v), { hint: T.noticeHint, made: (c) => (this.refs.notice = c) })),
      this.section(
        'running',
        T.runningIt,
        h('p', { class: 'description' }, T.runningDescription),
        h(
          'div',
          { class: 'field-row' },
          this.text('', () => st.owners!.yours ?? '', (v) => (st.owners!.yours = v), { placeholder: T.ownerPlaceholder, side: 'yourOwner' }),
          this.text('', () => st.owners!.theirs ?? '', (v) => (st.owners!.theirs = v), { placeholder: T.ownerPlaceholder, side: 'theirOwner' }),
        ),
        ...practiceBoxes(state.checklist).map((p) =>
          h('div', { class: 'checkbox' }, checkbox({ id: `practice-${p.id}`, label: p.label, checked: p.checked, disabled: state.readOnly, onChange: (v) => ((practices[p.id] = v), this.changed()) })),
        ),
      ),
    ];
  }

  private actions(): HTMLElement {
    const { T } = this;
    const state = this.state!;
    const actions = h(
      'div',
      { class: 'actions' },
      button({ label: T.generate, icon: 'new-file', id: 'generate', onClick: () => this.send({ type: 'generate', target: 'untitled', checklist: state.checklist }) }),
      button({ label: T.saveAs, icon: 'save-as', secondary: true, id: 'save-as', disabled: state.readOnly, onClick: () => this.send({ type: 'generate', target: 'file', checklist: state.checklist }) }),
      h('span', { class: 'spacer' }),
    );
    const reset = h('button', { type: 'button', class: 'link', id: 'clear-checklist', disabled: state.readOnly }, icon('clear-all'), T.clear);
    reset.addEventListener('click', () => this.send({ type: 'reset' }));
    actions.appendChild(reset);
    return actions;
  }

  private render(): void {
    const state = this.state;
    if (!state) return;
    clear(this.root);
    this.refs.nav.clear();
    this.refs.sections.clear();
    this.sideLabelled.length = 0;
    completeChecklist(state.checklist);
    const ctx = state.context;
    const nav = this.nav();
    const form = h('form', { class: 'agreement-form', 'aria-label': this.T.form });
    form.addEventListener('submit', (e) => e.preventDefault());
    if (ctx && ctx.state !== 'ok') form.appendChild(contextNote(ctx, () => this.send({ type: 'openContext' })));
    form.append(this.partnershipSection(), ...this.itemSections(), this.actions());
    if (state.readOnly) form.appendChild(h('p', { class: 'notice' }, icon('shield'), this.T.readOnly));
    form.appendChild(this.status.element);
    this.root.append(h('header', { class: 'page-header' }, h('h1', {}, this.T.title), h('p', { class: 'description' }, this.T.description)), h('div', { class: 'wizard' }, nav, h('main', {}, form)));
    this.updateProgress();
  }

  private updateProgress(): void {
    if (!this.state) return;
    const labels = sideLabels(this.state.checklist);
    for (const [el, control, key] of this.sideLabelled) {
      el.textContent = labels[key];
      control.label = labels[key];
    }
    const p = progressView(this.state.checklist);
    const { counter, meter } = this.refs;
    if (counter) counter.textContent = p.text;
    if (meter) {
      meter.max = p.total;
      meter.value = p.done;
      meter.setAttribute('aria-label', p.text);
    }
    for (const item of p.nav) {
      const b = this.refs.nav.get(item.id);
      if (!b) continue;
      const slot = b.querySelector('.step-icon-slot');
      if (slot) {
        clear(slot);
        slot.appendChild(icon(item.done ? 'pass-filled' : 'circle-large', 'step-icon'));
      }
      b.setAttribute('aria-label', item.ariaLabel);
    }
    for (const [id, el] of this.refs.sections) {
      clear(el);
      const section = p.sections[id as keyof typeof p.sections];
      if (section) el.append(icon(section.done ? 'pass-filled' : 'circle-large', section.done ? 'ok' : ''), ` ${section.text}`);
    }
  }

  private onMessage(m: AgreementToWebview): void {
    switch (m.type) {
      case 'init':
        this.state = { checklist: completeChecklist(m.checklist), context: m.context, readOnly: m.readOnly };
        this.vscode.setState(this.state);
        this.render();
        markRendered();
        break;
      case 'context': {
        const state = this.state;
        if (!state) break;
        const follows = followContext(state.checklist, state.context, m.context);
        state.context = m.context;
        this.vscode.setState(state);
        if (follows) this.changed();
        this.render();
        break;
      }
    }
  }
}

function showDateProblem(control: TextControl, el: HTMLElement, value: string): void {
  const p = dateProblem(value);
  control.invalid = !!p;
  el.textContent = p ?? '';
}

new AgreementPage(document.getElementById('app') as HTMLElement, vscodeApi<State>());
