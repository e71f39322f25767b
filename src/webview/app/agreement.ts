import type { AgreementChecklist, AgreementFromWebview, AgreementResults, AgreementToWebview, PanelContext } from '../protocol';
import { clear, h, icon, vscodeApi } from './lib/dom';
import { client, failureText, RequestFailed } from './lib/rpc';
import { contextNote, statusLine } from './lib/panel';
// Progress is display-only: it is computed here, as the user types.
import { agreementProgress, CHECK_IN_CADENCES, DEFAULT_NOTICE_PERIOD, DURATIONS, type AgreementState } from '../../core/agreement';
import { AGREEMENT_ITEMS, PARTNERSHIP_TYPES, RUNNING_PRACTICES, SUCCESS_METRICS, partnershipType } from '../../core/domain';

/** The type's title, whether the state holds its id or its title. */
function collaborationType(st: AgreementState): string {
  const type = st.collaboration?.type ?? '';
  return partnershipType(type)?.title ?? type;
}

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
const progressRefs: { counter?: HTMLElement; meter?: HTMLProgressElement; nav: Map<string, HTMLElement>; sections: Map<string, HTMLElement> } = { nav: new Map(), sections: new Map() };

const rpc = client<AgreementFromWebview, AgreementResults>(vscode as never, (m) => onMessage(m as AgreementToWebview));

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
  timer = setTimeout(() => send({ type: 'update', checklist: state!.checklist }), 300);
}

/** Labels that name a side follow the side's name as it is typed. */
const dynamicLabels: [HTMLElement, () => string][] = [];
type Label = string | (() => string);
function labelEl(id: string, label: Label): HTMLLabelElement {
  const el = h('label', { for: id }, typeof label === 'string' ? label : label());
  if (typeof label !== 'string') dynamicLabels.push([el, label]);
  return el;
}

let nextId = 0;
function input(label: Label, get: () => string, set: (v: string) => void, options: { type?: string; placeholder?: string; list?: string; hint?: string } = {}): HTMLElement {
  const id = `f${nextId++}`;
  const el = h('input', { id, type: options.type ?? 'text', placeholder: options.placeholder ?? '', list: options.list, disabled: state?.readOnly });
  el.value = get();
  el.addEventListener('input', () => {
    set(el.value);
    changed();
  });
  return h('div', { class: 'field' }, labelEl(id, label), el, options.hint ? h('div', { class: 'hint' }, options.hint) : null);
}

function textarea(label: Label, get: () => string, set: (v: string) => void, placeholder: string, hint: string): HTMLElement {
  const id = `f${nextId++}`;
  const el = h('textarea', { id, rows: 3, placeholder, disabled: state?.readOnly });
  el.value = get();
  el.addEventListener('input', () => {
    set(el.value);
    changed();
  });
  return h('div', { class: 'field' }, labelEl(id, label), el, h('div', { class: 'hint' }, hint));
}

function select(label: string, options: readonly string[], get: () => string, set: (v: string) => void): HTMLElement {
  const id = `f${nextId++}`;
  const el = h('select', { id, disabled: state?.readOnly }, h('option', { value: '' }, 'Choose…'), ...options.map((o) => h('option', { value: o }, o)));
  el.value = get();
  el.addEventListener('change', () => {
    set(el.value);
    changed();
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

function checkbox(label: string, get: () => boolean, set: (v: boolean) => void): HTMLElement {
  const id = `f${nextId++}`;
  const el = h('input', { id, type: 'checkbox', checked: get(), disabled: state?.readOnly });
  el.addEventListener('change', () => {
    set(el.checked);
    changed();
  });
  return h('div', { class: 'checkbox' }, el, h('label', { for: id }, label));
}

function sideNames(): { yours: string; theirs: string } {
  const c = state!.checklist.sides;
  return { yours: c.yours.trim() || 'Your community', theirs: c.theirs.trim() || 'The partner' };
}

/** "Primary contact for Acme Devs", or "Your primary contact" / "The partner's primary contact" before a name is given. */
function forSide(side: 'yours' | 'theirs', what: string): string {
  const name = state!.checklist.sides[side].trim();
  if (name) return `${what.charAt(0).toUpperCase()}${what.slice(1)} for ${name}`;
  return side === 'yours' ? `Your ${what}` : `The partner's ${what}`;
}

function section(id: string, title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  const statusEl = h('div', { class: 'item-status' });
  progressRefs.sections.set(id, statusEl);
  return h('section', { class: 'item', id: `item-${id}`, 'aria-labelledby': `item-${id}-title` }, h('h2', { id: `item-${id}-title` }, title), statusEl, ...children);
}

function lines(v: string[] | undefined): string {
  return (v ?? []).join('\n');
}

function metricsEditor(): HTMLElement {
  const wrap = h('div', { class: 'metrics' });
  const draw = () => {
    clear(wrap);
    const st = s();
    if (!st.metrics || st.metrics.length === 0) st.metrics = [{ metric: '', target: '' }];
    st.metrics.forEach((m, i) => {
      const remove = h('button', { type: 'button', class: 'icon', title: 'Remove this metric', 'aria-label': `Remove metric ${i + 1}`, disabled: state!.readOnly }, icon('trash'));
      remove.addEventListener('click', () => {
        st.metrics!.splice(i, 1);
        changed();
        draw();
      });
      wrap.appendChild(
        h(
          'div',
          { class: 'metric-row' },
          input(`Metric ${i + 1}`, () => m.metric, (v) => (m.metric = v), { list: 'metric-names', placeholder: 'Cross-community joins' }),
          input('Target', () => m.target, (v) => (m.target = v), { placeholder: 'such as 50 new members in 3 months' }),
          remove,
        ),
      );
    });
    const add = h('button', { type: 'button', class: 'secondary', disabled: state!.readOnly }, icon('add'), 'Add Metric');
    add.addEventListener('click', () => {
      st.metrics!.push({ metric: '', target: '' });
      changed();
      draw();
    });
    wrap.appendChild(add);
  };
  draw();
  return h('div', {}, h('datalist', { id: 'metric-names' }, ...SUCCESS_METRICS.map((m) => h('option', { value: m.title }))), wrap);
}

function render(): void {
  if (!state) return;
  clear(root);
  progressRefs.nav.clear();
  progressRefs.sections.clear();
  const st = s();
  st.contributions ??= { yours: [], theirs: [] };
  st.contacts ??= { yours: '', theirs: '' };
  st.owners ??= { yours: '', theirs: '' };
  st.practices ??= {};
  const sides = state.checklist.sides;
  dynamicLabels.length = 0;
  const ctx = state.context;
  const fromContext = ctx?.state === 'ok' && ctx.values['Community Name'] && sides.yours === ctx.values['Community Name'] ? `From your context: Community Name` : undefined;

  // Left: progress over the ten points, each a link to its section.
  const counter = h('p', { class: 'progress-count' });
  const meter = h('progress', { class: 'meter', max: 10, value: 0, 'aria-label': 'Agreement progress' });
  const list = h('ol', {});
  for (const item of [...AGREEMENT_ITEMS, ...RUNNING_PRACTICES]) {
    const b = h('button', { type: 'button', class: 'step' }, h('span', { class: 'step-icon-slot' }), h('span', { class: 'step-title' }, item.title));
    b.addEventListener('click', () => {
      const target = document.getElementById(`item-${AGREEMENT_ITEMS.some((i) => i.id === item.id) ? item.id : 'running'}`);
      target?.scrollIntoView({ block: 'start' });
      target?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    });
    progressRefs.nav.set(item.id, b);
    list.appendChild(h('li', {}, b));
  }
  progressRefs.counter = counter;
  progressRefs.meter = meter;
  const nav = h(
    'nav',
    { class: 'steps', 'aria-label': 'Agreement progress' },
    counter,
    meter,
    h('h3', {}, 'The five items'),
    list,
  );
  // The practices get their own heading inside the list.
  list.insertBefore(h('li', { class: 'list-heading', 'aria-hidden': 'true' }, 'Running it'), list.children[AGREEMENT_ITEMS.length]);

  const form = h('form', { class: 'agreement-form', 'aria-label': 'Agreement' });
  form.addEventListener('submit', (e) => e.preventDefault());
  if (ctx && ctx.state !== 'ok') form.appendChild(contextNote(ctx, () => send({ type: 'openContext' })));
  form.append(
    h(
      'section',
      { class: 'item sides' },
      h('h2', {}, 'The partnership'),
      h(
        'div',
        { class: 'field-row' },
        input('Your community', () => sides.yours, (v) => (sides.yours = v), { hint: fromContext }),
        input('Partner community', () => sides.theirs, (v) => (sides.theirs = v), { placeholder: 'such as Design Systems Guild' }),
      ),
      h(
        'div',
        { class: 'field-row' },
        select('Partnership type', PARTNERSHIP_TYPES.map((t) => t.title), () => collaborationType(st), (v) => (st.collaboration = { ...st.collaboration, type: v })),
        input('Topic', () => st.collaboration?.topic ?? '', (v) => (st.collaboration = { ...st.collaboration, topic: v }), { placeholder: 'such as design tokens in APIs', hint: 'What the collaboration is about, in a few words.' }),
      ),
    ),
    section(
      'contributions',
      '1. What each side contributes',
      h(
        'div',
        { class: 'field-row' },
        textarea(() => `${sideNames().yours} will`, () => lines(st.contributions!.yours), (v) => (st.contributions!.yours = v.split('\n')), 'For example: promote the event to our members', 'One contribution per line.'),
        textarea(() => `${sideNames().theirs} will`, () => lines(st.contributions!.theirs), (v) => (st.contributions!.theirs = v.split('\n')), 'For example: provide a speaker and the venue', 'One contribution per line.'),
      ),
    ),
    section(
      'timeline',
      '2. Timeline and cadence',
      h(
        'div',
        { class: 'field-row three' },
        select('Duration', DURATIONS, () => st.duration ?? '', (v) => (st.duration = v as AgreementState['duration'])),
        input('Start date', () => st.startDate ?? '', (v) => (st.startDate = v), { type: 'date' }),
        input('Review date', () => st.reviewDate ?? '', (v) => (st.reviewDate = v), { type: 'date', hint: 'When you decide together whether to continue.' }),
      ),
    ),
    section('success', '3. How success is measured', metricsEditor()),
    section(
      'communication',
      '4. Communication rhythm',
      h(
        'div',
        { class: 'field-row' },
        input(() => forSide('yours', 'primary contact'), () => st.contacts!.yours ?? '', (v) => (st.contacts!.yours = v), { placeholder: 'Name and email' }),
        input(() => forSide('theirs', 'primary contact'), () => st.contacts!.theirs ?? '', (v) => (st.contacts!.theirs = v), { placeholder: 'Name and email' }),
      ),
      h('datalist', { id: 'cadences' }, ...CHECK_IN_CADENCES.map((c) => h('option', { value: c }))),
      input('Check-in cadence', () => st.cadence ?? '', (v) => (st.cadence = v), { list: 'cadences', placeholder: 'such as a monthly call' }),
    ),
    section('exit', '5. Exit clause', input('Notice period', () => st.noticePeriod ?? DEFAULT_NOTICE_PERIOD, (v) => (st.noticePeriod = v), { hint: 'Either side can end the partnership with this much notice, in writing.' })),
    section(
      'running',
      'Running it',
      h('p', { class: 'description' }, 'Five practices that keep a partnership alive. Tick what both sides agreed to.'),
      h(
        'div',
        { class: 'field-row' },
        input(() => forSide('yours', 'owner'), () => st.owners!.yours ?? '', (v) => (st.owners!.yours = v), { placeholder: 'Defaults to the primary contact' }),
        input(() => forSide('theirs', 'owner'), () => st.owners!.theirs ?? '', (v) => (st.owners!.theirs = v), { placeholder: 'Defaults to the primary contact' }),
      ),
      ...RUNNING_PRACTICES.filter((p) => p.id !== 'owners').map((p) =>
        checkbox(p.title, () => !!st.practices![p.id], (v) => (st.practices![p.id] = v)),
      ),
    ),
  );

  const generate = h('button', { type: 'button', class: 'primary' }, icon('new-file'), 'Generate Agreement');
  generate.addEventListener('click', () => send({ type: 'generate', target: 'untitled', checklist: state!.checklist }));
  const saveAs = h('button', { type: 'button', class: 'secondary', disabled: state.readOnly }, icon('save-as'), 'Save to File…');
  saveAs.addEventListener('click', () => send({ type: 'generate', target: 'file', checklist: state!.checklist }));
  const reset = h('button', { type: 'button', class: 'link', disabled: state.readOnly }, icon('clear-all'), 'Clear Checklist');
  reset.addEventListener('click', () => send({ type: 'reset' }));
  form.appendChild(h('div', { class: 'actions' }, generate, saveAs, h('span', { class: 'spacer' }), reset));
  if (state.readOnly) form.appendChild(h('p', { class: 'notice' }, icon('shield'), 'Restricted Mode: the agreement can be opened as a new document, but nothing is written to the workspace.'));
  form.appendChild(status.element);

  root.append(
    h(
      'header',
      { class: 'page-header' },
      h('h1', {}, 'Partnership agreement'),
      h('p', { class: 'description' }, 'The five things both sides agree on, and five practices for running the partnership. Kept for this workspace; generate the Markdown document when you are ready.'),
    ),
    h('div', { class: 'wizard' }, nav, h('main', {}, form)),
  );
  updateProgress();
}

function updateProgress(): void {
  if (!state) return;
  for (const [el, text] of dynamicLabels) el.textContent = text();
  const p = agreementProgress(s());
  if (progressRefs.counter) progressRefs.counter.textContent = `${p.done} of ${p.total} agreed`;
  if (progressRefs.meter) {
    progressRefs.meter.max = p.total;
    progressRefs.meter.value = p.done;
  }
  for (const item of p.items) {
    const b = progressRefs.nav.get(item.id);
    if (b) {
      const slot = b.querySelector('.step-icon-slot');
      if (slot) {
        clear(slot);
        slot.appendChild(icon(item.done ? 'pass-filled' : 'circle-large', 'step-icon'));
      }
      b.setAttribute('aria-label', `${item.title}: ${item.done ? 'done' : 'still to fill: ' + item.missing.join(', ')}`);
    }
  }
  for (const [id, el] of progressRefs.sections) {
    clear(el);
    const items = id === 'running' ? p.items.filter((i) => i.kind === 'practice') : p.items.filter((i) => i.id === id);
    const missing = items.filter((i) => !i.done);
    if (missing.length === 0) el.append(icon('pass-filled', 'ok'), ' Done');
    else if (id === 'running') el.append(icon('circle-large'), ` ${items.length - missing.length} of ${items.length} agreed`);
    else el.append(icon('circle-large'), ` Still to fill: ${missing.flatMap((i) => i.missing).join(', ')}`);
  }
}

function onMessage(m: AgreementToWebview): void {
  switch (m.type) {
    case 'init':
      state = { checklist: m.checklist, context: m.context, readOnly: m.readOnly };
      vscode.setState(state);
      render();
      break;
    case 'context': {
      if (!state) break;
      const before = state.context?.values['Community Name'] ?? '';
      const after = m.context.values['Community Name'] ?? '';
      const sides = state.checklist.sides;
      // The community's own name follows the context until the user types their own.
      const follow = sides.yours === '' || sides.yours === before;
      state.context = m.context;
      if (follow && after) sides.yours = after;
      vscode.setState(state);
      if (follow) changed();
      render();
      break;
    }
  }
}

// A restored page paints at once; the stored checklist follows with `ready`.
if (state) render();
send({ type: 'ready' });
