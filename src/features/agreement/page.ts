import '../../webview/lib/l10n';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import type { AgreementChecklist, AgreementFromWebview, AgreementResults, AgreementToWebview } from './protocol';
import type { PanelContext } from '../../webview/protocol';
import { clear, h, icon, markRendered, vscodeApi } from '../../webview/lib/dom';
import { client, failureText, initialMessages, RequestFailed } from '../../webview/lib/rpc';
import { contextNote, statusLine } from '../../webview/lib/panel';
import { button, checkbox, fieldBlock, singleSelect, textControl, type TextControl } from '../../webview/lib/formControls';
// What the page shows is worked out by its view-model; this file only renders it and wires events.
import { DEFAULT_NOTICE_PERIOD, type AgreementState } from '../../core/agreement';
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

const vscode = vscodeApi<State>();
const root = document.getElementById('app') as HTMLElement;
let state: State | undefined = vscode.getState();
const status = statusLine();
let timer: ReturnType<typeof setTimeout> | undefined;
const refs: { counter?: HTMLElement; meter?: HTMLElement & { value: number; max: number }; nav: Map<string, HTMLElement>; sections: Map<string, HTMLElement> } = { nav: new Map(), sections: new Map() };
/** Labels that name a side follow the side's name as it is typed: the label and the control's own. */
const sideLabelled: [HTMLLabelElement, TextControl, keyof ReturnType<typeof sideLabels>][] = [];
const T = agreementText();

const first = initialMessages();
const rpc = client<AgreementFromWebview, AgreementResults>(vscode as never, (m) => onMessage(m as AgreementToWebview), first);

/** Sends a request; its message (or why it failed) goes to the status line. */
function send(message: Parameters<typeof rpc.request>[0]): void {
  rpc
    .request(message)
    .then((r) => {
      const text = r && typeof r === 'object' && 'message' in r ? r.message : undefined;
      if (typeof text === 'string') status.show('info', text);
    })
    .catch((err: unknown) => {
      // A question the user answered "no" to needs no error.
      if (!(err instanceof RequestFailed && err.code === 'cancelled')) status.show('error', failureText(err));
    });
}

function s(): AgreementState {
  return state!.checklist.state as AgreementState;
}

/** Saves in the page at once and in the workspace shortly after the last keystroke. */
function changed(): void {
  if (!state) return;
  vscode.setState(state);
  updateProgress();
  if (timer) clearTimeout(timer);
  timer = setTimeout(flush, 200);
}

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (state) send({ type: 'update', checklist: state.checklist });
}

// The panel may be closed right after a keystroke: what is pending goes at once.
window.addEventListener('pagehide', () => timer && flush());

let nextId = 0;
function text(label: string, get: () => string, set: (v: string) => void, o: { placeholder?: string; hint?: string; multiline?: boolean; side?: keyof ReturnType<typeof sideLabels>; date?: boolean } = {}): HTMLElement {
  const id = `f${nextId++}`;
  const hintId = `${id}-hint`;
  const hint = o.hint || o.date ? h('div', { class: 'hint', id: hintId }, o.hint ?? '') : null;
  const problem = o.date ? h('div', { class: 'field-problem', id: `${id}-problem`, role: 'alert' }) : null;
  const control = textControl({
    id,
    label,
    value: get(),
    multiline: o.multiline,
    placeholder: o.placeholder,
    disabled: state?.readOnly,
    describedBy: [hint ? hintId : '', problem ? problem.id : ''].filter(Boolean).join(' ') || undefined,
    onInput: (v, c) => {
      set(v);
      if (problem) showDateProblem(c, problem, v);
      changed();
    },
  });
  if (problem) showDateProblem(control, problem, get());
  const labelEl = h('label', { for: id }, label);
  if (o.side) sideLabelled.push([labelEl, control, o.side]);
  const block = fieldBlock(id, labelEl, control, hint);
  if (problem) block.appendChild(problem);
  return block;
}

function showDateProblem(control: TextControl, el: HTMLElement, value: string): void {
  const p = dateProblem(value);
  control.invalid = !!p;
  el.textContent = p ?? '';
}

function select(label: string, options: ReturnType<typeof typeOptions>, get: () => string, set: (v: string) => void): HTMLElement {
  const id = `f${nextId++}`;
  const control = singleSelect({ id, label, value: get(), options, disabled: state?.readOnly, onChange: (v) => (set(v), changed()) });
  return fieldBlock(id, label, control);
}

function section(id: string, title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  const statusEl = h('div', { class: 'item-status' });
  refs.sections.set(id, statusEl);
  return h('section', { class: 'item', id: `item-${id}`, 'aria-labelledby': `item-${id}-title` }, h('h2', { id: `item-${id}-title` }, title), statusEl, ...children);
}

function metricsEditor(): HTMLElement {
  const wrap = h('div', { class: 'metrics' });
  const draw = () => {
    clear(wrap);
    const st = s();
    completeChecklist(state!.checklist);
    st.metrics!.forEach((m, i) => {
      const remove = h('button', { type: 'button', class: 'icon', title: T.removeMetric, 'aria-label': T.removeMetricN(i + 1), disabled: state!.readOnly }, icon('trash'));
      remove.addEventListener('click', () => {
        st.metrics!.splice(i, 1);
        changed();
        draw();
      });
      wrap.appendChild(
        h(
          'div',
          { class: 'metric-row' },
          text(T.metric(i + 1), () => m.metric, (v) => (m.metric = v), { placeholder: T.metricPlaceholder }),
          text(T.target, () => m.target, (v) => (m.target = v), { placeholder: T.targetPlaceholder }),
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
        disabled: state!.readOnly,
        onClick: () => {
          st.metrics!.push({ metric: '', target: '' });
          changed();
          draw();
        },
      }),
    );
  };
  draw();
  return wrap;
}

function render(): void {
  if (!state) return;
  clear(root);
  refs.nav.clear();
  refs.sections.clear();
  sideLabelled.length = 0;
  completeChecklist(state.checklist);
  const st = s();
  const sides = state.checklist.sides;
  const ctx = state.context;
  const progress = progressView(state.checklist);

  // Left: progress over the ten points, each a link to its section.
  const counter = h('p', { class: 'progress-count', id: 'agreement-count' });
  const meter = h('vscode-progress-bar', { class: 'meter' });
  const list = h('ol', {});
  progress.nav.forEach((item, i) => {
    if (i === 5) list.appendChild(h('li', { class: 'list-heading', 'aria-hidden': 'true' }, T.runningIt));
    const b = h('button', { type: 'button', class: 'step' }, h('span', { class: 'step-icon-slot' }), h('span', { class: 'step-title' }, item.title));
    b.addEventListener('click', () => {
      const target = document.getElementById(item.target);
      target?.scrollIntoView({ block: 'start' });
      target?.querySelector<HTMLElement>('vscode-textfield, vscode-textarea, select, vscode-checkbox')?.focus();
    });
    refs.nav.set(item.id, b);
    list.appendChild(h('li', {}, b));
  });
  refs.counter = counter;
  refs.meter = meter as unknown as HTMLElement & { value: number; max: number };
  const nav = h('nav', { class: 'steps', 'aria-label': T.progress }, counter, meter, h('h3', {}, T.fiveItems), list);

  const form = h('form', { class: 'agreement-form', 'aria-label': T.form });
  form.addEventListener('submit', (e) => e.preventDefault());
  if (ctx && ctx.state !== 'ok') form.appendChild(contextNote(ctx, () => send({ type: 'openContext' })));
  const practices = st.practices!;
  form.append(
    h(
      'section',
      { class: 'item sides' },
      h('h2', {}, T.partnership),
      h(
        'div',
        { class: 'field-row' },
        text(T.yourCommunity, () => sides.yours, (v) => (sides.yours = v), { hint: fromContextHint(state.checklist, ctx) }),
        text(T.partnerCommunity, () => sides.theirs, (v) => (sides.theirs = v), { placeholder: T.partnerPlaceholder }),
      ),
      h(
        'div',
        { class: 'field-row' },
        select(T.type, typeOptions(), () => selectedType(state!.checklist), (v) => (st.collaboration = { ...st.collaboration, type: v })),
        text(T.topic, () => st.collaboration?.topic ?? '', (v) => (st.collaboration = { ...st.collaboration, topic: v }), { placeholder: T.topicPlaceholder, hint: T.topicHint }),
      ),
    ),
    section(
      'contributions',
      T.section(1, 'contributions'),
      h(
        'div',
        { class: 'field-row' },
        text('', () => lines(st.contributions!.yours), (v) => (st.contributions!.yours = v.split('\n')), { multiline: true, placeholder: T.yoursPlaceholder, hint: T.onePerLine, side: 'yoursWill' }),
        text('', () => lines(st.contributions!.theirs), (v) => (st.contributions!.theirs = v.split('\n')), { multiline: true, placeholder: T.theirsPlaceholder, hint: T.onePerLine, side: 'theirsWill' }),
      ),
    ),
    section(
      'timeline',
      T.section(2, 'timeline'),
      h(
        'div',
        { class: 'field-row three' },
        select(T.duration, durationOptions(), () => st.duration ?? '', (v) => (st.duration = v as AgreementState['duration'])),
        text(T.start, () => st.startDate ?? '', (v) => (st.startDate = v.trim()), { placeholder: T.datePlaceholder, date: true }),
        text(T.review, () => st.reviewDate ?? '', (v) => (st.reviewDate = v.trim()), { placeholder: T.datePlaceholder, hint: T.reviewHint, date: true }),
      ),
    ),
    section('success', T.section(3, 'success'), metricsEditor()),
    section(
      'communication',
      T.section(4, 'communication'),
      h(
        'div',
        { class: 'field-row' },
        text('', () => st.contacts!.yours ?? '', (v) => (st.contacts!.yours = v), { placeholder: T.contactPlaceholder, side: 'yourContact' }),
        text('', () => st.contacts!.theirs ?? '', (v) => (st.contacts!.theirs = v), { placeholder: T.contactPlaceholder, side: 'theirContact' }),
      ),
      text(T.cadence, () => st.cadence ?? '', (v) => (st.cadence = v), { placeholder: T.cadencePlaceholder, hint: T.cadenceHint }),
    ),
    section('exit', T.section(5, 'exit'), text(T.notice, () => st.noticePeriod ?? DEFAULT_NOTICE_PERIOD, (v) => (st.noticePeriod = v), { hint: T.noticeHint })),
    section(
      'running',
      T.runningIt,
      h('p', { class: 'description' }, T.runningDescription),
      h(
        'div',
        { class: 'field-row' },
        text('', () => st.owners!.yours ?? '', (v) => (st.owners!.yours = v), { placeholder: T.ownerPlaceholder, side: 'yourOwner' }),
        text('', () => st.owners!.theirs ?? '', (v) => (st.owners!.theirs = v), { placeholder: T.ownerPlaceholder, side: 'theirOwner' }),
      ),
      ...practiceBoxes(state.checklist).map((p) =>
        h('div', { class: 'checkbox' }, checkbox({ id: `practice-${p.id}`, label: p.label, checked: p.checked, disabled: state!.readOnly, onChange: (v) => ((practices[p.id] = v), changed()) })),
      ),
    ),
  );

  const actions = h(
    'div',
    { class: 'actions' },
    button({ label: T.generate, icon: 'new-file', id: 'generate', onClick: () => send({ type: 'generate', target: 'untitled', checklist: state!.checklist }) }),
    button({ label: T.saveAs, icon: 'save-as', secondary: true, id: 'save-as', disabled: state.readOnly, onClick: () => send({ type: 'generate', target: 'file', checklist: state!.checklist }) }),
    h('span', { class: 'spacer' }),
  );
  const reset = h('button', { type: 'button', class: 'link', id: 'clear-checklist', disabled: state.readOnly }, icon('clear-all'), T.clear);
  reset.addEventListener('click', () => send({ type: 'reset' }));
  actions.appendChild(reset);
  form.appendChild(actions);
  if (state.readOnly) form.appendChild(h('p', { class: 'notice' }, icon('shield'), T.readOnly));
  form.appendChild(status.element);

  root.append(h('header', { class: 'page-header' }, h('h1', {}, T.title), h('p', { class: 'description' }, T.description)), h('div', { class: 'wizard' }, nav, h('main', {}, form)));
  updateProgress();
}

function updateProgress(): void {
  if (!state) return;
  const labels = sideLabels(state.checklist);
  for (const [el, control, key] of sideLabelled) {
    el.textContent = labels[key];
    control.label = labels[key];
  }
  const p = progressView(state.checklist);
  if (refs.counter) refs.counter.textContent = p.text;
  if (refs.meter) {
    refs.meter.max = p.total;
    refs.meter.value = p.done;
    refs.meter.setAttribute('aria-label', p.text);
  }
  for (const item of p.nav) {
    const b = refs.nav.get(item.id);
    if (!b) continue;
    const slot = b.querySelector('.step-icon-slot');
    if (slot) {
      clear(slot);
      slot.appendChild(icon(item.done ? 'pass-filled' : 'circle-large', 'step-icon'));
    }
    b.setAttribute('aria-label', item.ariaLabel);
  }
  for (const [id, el] of refs.sections) {
    clear(el);
    const section = p.sections[id as keyof typeof p.sections];
    if (section) el.append(icon(section.done ? 'pass-filled' : 'circle-large', section.done ? 'ok' : ''), ` ${section.text}`);
  }
}

function onMessage(m: AgreementToWebview): void {
  switch (m.type) {
    case 'init':
      state = { checklist: completeChecklist(m.checklist), context: m.context, readOnly: m.readOnly };
      vscode.setState(state);
      render();
      markRendered();
      break;
    case 'context': {
      if (!state) break;
      const follows = followContext(state.checklist, state.context, m.context);
      state.context = m.context;
      vscode.setState(state);
      if (follows) changed();
      render();
      break;
    }
  }
}

// A restored page paints at once; the stored checklist is in the page (or follows with `ready`).
if (state) render();
for (const m of first) onMessage(m as AgreementToWebview);
send({ type: 'ready' });
