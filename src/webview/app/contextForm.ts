import type { ContextFormFromWebview, ContextFormResults, ContextFormSection, ContextFormToWebview } from '../protocol';
import { clear, h, icon, vscodeApi } from './lib/dom';
import { client, failureText } from './lib/rpc';
// The hints are only shown here, so they live in the webview's bundle, not the extension's.
import { LABEL_EXAMPLES, LABEL_GUIDANCE, MULTILINE_LABELS } from '../../core/context/hints';
import type { ContextLabel } from '../../core/context/labels';

interface State {
  mode: 'create' | 'update';
  /** The workspace folder's URI: what the extension restores the form to after a reload. */
  folder?: string;
  filePath: string;
  step: number;
  values: Record<string, string>;
}

const vscode = vscodeApi<State>();
const root = document.getElementById('app') as HTMLElement;
let sections: ContextFormSection[] = [];
let state: State | undefined = vscode.getState();
let init: Extract<ContextFormToWebview, { type: 'init' }> | undefined;
let busy = false;
const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });

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
      render();
      showStatus('info', r.changed === 0 ? 'Nothing changed: the file was left as it is.' : `Saved ${r.changed} change${r.changed === 1 ? '' : 's'} to ${r.filePath}.`);
    })
    .catch((err: unknown) => showStatus('error', failureText(err)));
}

/** What the user typed, kept by the extension until it is saved or discarded: closing the tab loses nothing. */
function keepDraft(): void {
  if (draftTimer) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => state && rpc.notify({ type: 'draft', values: state.values }), 250);
}

function unsaved(): number {
  return state ? Object.keys(state.values).filter((k) => (state!.values[k] ?? '').trim() !== (fresh[k] ?? '').trim()).length : 0;
}

function discard(): void {
  if (!state) return;
  state.values = { ...fresh };
  vscode.setState(state);
  rpc.notify({ type: 'draft', values: state.values });
  render();
  showStatus('info', 'Discarded your unsaved changes: the form shows the file again.');
}

function setStep(step: number): void {
  if (!state) return;
  state.step = Math.max(0, Math.min(sections.length - 1, step));
  vscode.setState(state);
  render();
  root.querySelector<HTMLElement>('.field input, .field textarea')?.focus();
}

function filledIn(section: ContextFormSection): number {
  return section.fields.filter((f) => (state?.values[f.label] ?? '').trim() !== '').length;
}

function render(): void {
  if (!state || !init) return;
  clear(root);
  const section = sections[state.step];
  const total = sections.reduce((n, s) => n + s.fields.length, 0);
  const filled = sections.reduce((n, s) => n + filledIn(s), 0);
  const creating = init.mode === 'create';

  const header = h(
    'header',
    { class: 'page-header' },
    h('h1', {}, creating ? 'Create community context' : 'Update community context'),
    h(
      'p',
      { class: 'description' },
      creating ? 'Writes ' : 'Edits ',
      h('code', {}, init.filePath),
      creating
        ? ', the file your community skills and this extension read. Every field is optional: skip what you do not know yet, and it is written as TBD.'
        : '. Only the fields you change are written; everything else in the file stays as it is.',
    ),
  );

  const nav = h('nav', { class: 'steps', 'aria-label': 'Sections' });
  const list = h('ol', {});
  sections.forEach((s, i) => {
    const n = filledIn(s);
    const done = n === s.fields.length;
    const button = h(
      'button',
      { type: 'button', class: 'step' + (i === state!.step ? ' current' : ''), 'aria-current': i === state!.step ? 'step' : undefined },
      icon(done ? 'pass-filled' : n > 0 ? 'circle-large-outline' : 'circle-large', 'step-icon'),
      h('span', { class: 'step-title' }, s.title),
      h('span', { class: 'step-count', 'aria-label': `${n} of ${s.fields.length} filled` }, `${n}/${s.fields.length}`),
    );
    button.addEventListener('click', () => setStep(i));
    list.appendChild(h('li', {}, button));
  });
  nav.appendChild(list);
  nav.appendChild(h('p', { class: 'progress' }, `${filled} of ${total} fields filled`));

  const form = h('form', { class: 'section-form', 'aria-labelledby': 'section-title' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (state!.step < sections.length - 1) setStep(state!.step + 1);
    else save();
  });
  form.appendChild(h('h2', { id: 'section-title' }, `${state.step + 1}. ${section.title}`));
  section.fields.forEach((f, i) => {
    const id = `field-${state!.step}-${i}`;
    const label = f.label as ContextLabel;
    // The family's guidance for the field, quoted as its template words it, under the label.
    const guidance = LABEL_GUIDANCE[label];
    const hintId = `${id}-hint`;
    const attrs = {
      id,
      name: f.label,
      placeholder: guidance ? '' : (LABEL_EXAMPLES[label] ?? ''),
      disabled: init!.readOnly,
      spellcheck: 'true',
      'aria-describedby': guidance ? hintId : undefined,
    };
    // A value written as a list (one item a line) needs a text area too.
    const multiline = MULTILINE_LABELS.has(label) || (state!.values[f.label] ?? '').includes('\n');
    const input = multiline ? h('textarea', { ...attrs, rows: 3 }) : h('input', { ...attrs, type: 'text' });
    input.value = state!.values[f.label] ?? '';
    input.addEventListener('input', () => {
      state!.values[f.label] = input.value;
      vscode.setState(state!);
      updateCounts();
      keepDraft();
    });
    input.addEventListener('keydown', (e) => {
      const ke = e as KeyboardEvent;
      if (ke.key === 'Enter' && (ke.ctrlKey || ke.metaKey)) {
        ke.preventDefault();
        save();
      }
    });
    const field = h('div', { class: 'field' }, h('label', { for: id }, f.label));
    if (guidance) field.appendChild(h('p', { class: 'hint', id: hintId }, guidance));
    field.appendChild(input);
    form.appendChild(field);
  });

  const last = state.step === sections.length - 1;
  const back = h('button', { type: 'button', class: 'secondary', disabled: state.step === 0 }, icon('arrow-left'), 'Back');
  back.addEventListener('click', () => setStep(state!.step - 1));
  const skip = h('button', { type: 'button', class: 'secondary', disabled: last }, 'Skip section');
  skip.addEventListener('click', () => setStep(state!.step + 1));
  const next = h('button', { type: 'submit', class: 'secondary', disabled: last }, 'Next', icon('arrow-right'));
  const primary = h('button', { type: 'button', class: 'primary', disabled: init.readOnly || busy }, icon(creating ? 'new-file' : 'save'), creating ? 'Create file' : 'Save changes');
  primary.addEventListener('click', save);
  const actions = h('div', { class: 'actions' }, back, skip, next, h('span', { class: 'spacer' }), primary);
  if (!creating) {
    const openFile = h('button', { type: 'button', class: 'link' }, icon('go-to-file'), 'Open file');
    openFile.addEventListener('click', () => void rpc.request({ type: 'openFile' }).catch((err: unknown) => showStatus('error', failureText(err))));
    actions.insertBefore(openFile, primary);
  }
  const changes = unsaved();
  if (changes > 0) {
    const drop = h('button', { type: 'button', class: 'link inline', id: 'discard-draft' }, 'Discard them');
    drop.addEventListener('click', discard);
    header.appendChild(h('p', { class: 'notice', id: 'unsaved' }, icon('circle-filled'), h('span', {}, `${changes} unsaved change${changes === 1 ? '' : 's'}: kept until you save or discard them, also when this tab is closed. `, drop)));
  }
  form.appendChild(actions);
  if (init.readOnly) form.appendChild(h('p', { class: 'notice' }, icon('shield'), 'Restricted Mode: this workspace is not trusted, so nothing is written.'));

  root.appendChild(header);
  root.appendChild(h('div', { class: 'wizard' }, nav, h('main', {}, form, status)));

  function updateCounts(): void {
    const counts = nav.querySelectorAll('.step-count');
    sections.forEach((s, i) => {
      const n = filledIn(s);
      counts[i].textContent = `${n}/${s.fields.length}`;
      counts[i].setAttribute('aria-label', `${n} of ${s.fields.length} filled`);
    });
    const p = nav.querySelector('.progress');
    if (p) p.textContent = `${sections.reduce((n, s) => n + filledIn(s), 0)} of ${total} fields filled`;
  }
}

function showStatus(kind: 'info' | 'error', text: string): void {
  clear(status);
  status.className = `status ${kind}`;
  status.appendChild(icon(kind === 'error' ? 'error' : 'check'));
  status.appendChild(document.createTextNode(' ' + text));
}

function onMessage(m: ContextFormToWebview): void {
  switch (m.type) {
    case 'init': {
      init = m;
      sections = m.sections;
      fresh = {};
      for (const s of m.sections) for (const f of s.fields) fresh[f.label] = f.value;
      // Keep what the user typed: when the panel was hidden and shown again (the page's state),
      // or when it was closed (the draft the extension kept).
      const keep = state && state.mode === m.mode && state.filePath === m.filePath;
      state = keep ? { ...state!, folder: m.folder, values: { ...fresh, ...state!.values } } : { mode: m.mode, folder: m.folder, filePath: m.filePath, step: 0, values: { ...fresh, ...(m.draft ?? {}) } };
      vscode.setState(state);
      render();
      if (!keep && m.draft && unsaved() > 0) showStatus('info', 'Restored the changes you typed before the form was closed.');
      break;
    }
    case 'busy':
      busy = m.busy;
      root.querySelector<HTMLButtonElement>('button.primary')?.toggleAttribute('disabled', busy || !!init?.readOnly);
      break;
  }
}

rpc.request({ type: 'ready' }).catch((err: unknown) => showStatus('error', failureText(err)));
