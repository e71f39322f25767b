import '../../webview/lib/l10n';
import type { PitchAction, PitchFromWebview, PitchResults, PitchToWebview } from './protocol';
import { textLanguagePicker } from '../../webview/lib/textLanguagePicker';
import { clear, h, icon, markRendered, vscodeApi } from '../../webview/lib/dom';
import { client, failureText, initialMessages } from '../../webview/lib/rpc';
import { contextNote, statusLine } from '../../webview/lib/panel';
import { button, fieldBlock, nativeTextControl, singleSelect, type NativeTextControl } from '../../webview/lib/formControls';
// What the page shows is worked out by its view-model; this file only renders it and wires events.
import {
  actionPayload,
  cleanState,
  CONTEXT_FIELDS,
  contextDefaults,
  draftOf,
  emptied,
  fieldNote,
  fieldValue,
  formGroups,
  fromDraft,
  headerView,
  ideaOptions,
  ideaView,
  isContextField,
  PITCH_ACTIONS_VIEW,
  pitchText,
  previewView,
  typed,
  useContextValue,
  variantView,
  type ContextDefaults,
  type ContextField,
  type Field,
  type FieldSpec,
  type PitchState,
} from './model';
import type { PanelContext } from '../../webview/protocol';

const vscode = vscodeApi<PitchState>();
const root = document.getElementById('app') as HTMLElement;
const restored = vscode.getState();
let state: PitchState = cleanState(restored);
let defaults: ContextDefaults = contextDefaults(state.context);
const inputs = new Map<Field, NativeTextControl>();
const notes = new Map<ContextField, HTMLElement>();
const status = statusLine();
const T = pitchText();

const first = initialMessages();
const onHostMessage = (m: { type: string }) => {
  const message = m as PitchToWebview;
  if (message.type === 'context') onContext(message.context);
  // The language last picked, for a form that has none of its own yet (a restored page keeps its own).
  else if (message.type === 'textLanguage' && !restored) {
    state.language = message.language;
    render();
  }
};
const rpc = client<PitchFromWebview, PitchResults>(vscode as never, onHostMessage, first);

function openContext(): void {
  rpc.request({ type: 'openContext' }).catch((err: unknown) => status.show('error', failureText(err)));
}

let draftTimer: ReturnType<typeof setTimeout> | undefined;

function save(): void {
  vscode.setState(state);
  // Kept by the extension too, so that closing the panel loses nothing: it comes back on the next open.
  if (draftTimer) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => rpc.notify({ type: 'draft', draft: draftOf(state) }), 250);
}

/** Empties the form: the context's values again, nothing typed. */
function startOver(message = T.startedOver): void {
  state = emptied(state);
  save();
  render();
  status.show('info', message);
  // The button that had the focus is gone with the old form: the focus goes to the first field.
  root.querySelector<HTMLElement>('.pitch-form input[type="text"], .pitch-form textarea')?.focus();
}

// ---- The form ---------------------------------------------------------------------------

function field(spec: FieldSpec): HTMLElement {
  const f = spec.field;
  const id = `field-${f}`;
  const control = nativeTextControl({
    id,
    name: f,
    label: spec.label,
    value: fieldValue(state, defaults, f),
    multiline: spec.multiline,
    rows: 2,
    placeholder: spec.placeholder,
    describedBy: `${id}-note`,
    onInput: (value) => {
      const wasOwn = isContextField(f) && state.overridden.includes(f);
      typed(state, f, value);
      if (isContextField(f) && !wasOwn) renderNote(f);
      save();
      update();
    },
  });
  inputs.set(f, control);
  const note = h('div', { class: 'hint', id: `${id}-note` }, spec.hint ?? '');
  if (isContextField(f)) notes.set(f, note);
  return fieldBlock(id, spec.label, control, note);
}

/** Under a context field: where its value came from, that it was changed, or that the context lacks it. */
function renderNote(f: ContextField): void {
  const el = notes.get(f);
  if (!el) return;
  clear(el);
  const note = fieldNote(state, defaults, f);
  el.className = `hint source${note.kind === 'missing' ? ' missing' : ''}`;
  switch (note.kind) {
    case 'own': {
      const text = h('span', {}, note.text, ' ');
      el.append(icon('edit'), text);
      if (note.reset) {
        const reset = h('button', { type: 'button', class: 'link inline', 'aria-label': note.reset.ariaLabel }, icon('discard'), note.reset.label);
        reset.addEventListener('click', () => {
          useContextValue(state, f);
          const input = inputs.get(f);
          if (input) input.value = fieldValue(state, defaults, f);
          save();
          renderNote(f);
          update();
        });
        text.append(reset);
      }
      return;
    }
    case 'context':
      el.append(icon('file-text'), h('span', {}, note.text));
      return;
    case 'missing': {
      const open = h('button', { type: 'button', class: 'link inline' }, note.link);
      open.addEventListener('click', openContext);
      el.append(icon('warning'), h('span', {}, note.text, ' ', open));
      return;
    }
    case 'plain':
      return;
  }
}

function ideaSelect(): HTMLElement {
  const id = 'field-ideaType';
  const view = ideaView(state);
  const note = h('div', { class: 'hint', id: `${id}-note` }, view.hint);
  const own = h('div', {});
  const ownField = field({ field: 'ideaText', label: view.ownLabel, multiline: true, placeholder: view.ownPlaceholder });
  own.appendChild(ownField);
  own.hidden = !view.ownShown;
  const select = singleSelect({
    id,
    label: view.label,
    value: state.values.ideaType ?? '',
    options: ideaOptions(),
    describedBy: `${id}-note`,
    onChange: (value) => {
      state.values.ideaType = value;
      const next = ideaView(state);
      note.textContent = next.hint;
      own.hidden = !next.ownShown;
      save();
      update();
    },
  });
  return h('div', {}, fieldBlock(id, view.label, select, note), own);
}

/**
 * The variant: a segmented control of native radio buttons, one Tab stop, the arrows move the
 * choice (the browser's own roving focus for a radio group). It stays a segmented row rather
 * than vscode-radio-group's column of round radios: three short, exclusive modes of the same
 * pitch read as one control on one line, and the picked one carries a check mark, the theme's
 * active border in High Contrast and a focus ring outside it.
 */
function variantPicker(): HTMLElement {
  const view = variantView(state);
  const group = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': view.label });
  const hint = h('p', { class: 'hint' }, view.hint);
  for (const o of view.options) {
    const id = `variant-${o.value}`;
    const radio = h('input', { type: 'radio', name: 'variant', id, value: o.value, checked: o.checked });
    radio.addEventListener('change', () => {
      state.variant = o.value;
      hint.textContent = variantView(state).hint;
      save();
      update();
    });
    group.append(radio, h('label', { for: id }, o.title));
  }
  return h('div', { class: 'field' }, h('div', { class: 'label' }, view.label), group, hint);
}

/** The language of the pitch's text, apart from the display language (shared with the agreement). */
function languagePicker(): HTMLElement {
  return textLanguagePicker(state.language, (language) => {
    state.language = language;
    rpc.notify({ type: 'textLanguage', language });
    save();
    update();
  });
}

// ---- Preview, checks, actions -------------------------------------------------------------

const subjectEl = h('div', { class: 'preview-subject' });
const bodyEl = h('div', { class: 'preview-body', tabindex: 0, role: 'document', 'aria-label': T.previewLabel });
const wordsEl = h('span', { class: 'count' });
const checksEl = h('ul', { class: 'checks', 'aria-labelledby': 'checks-title' });
const checksTitle = h('h2', { class: 'checks-title', id: 'checks-title' });
const contextBanner = h('div', {});
const headerNote = h('p', { class: 'description' });
const restoredLine = h('div', {});

function update(): void {
  const p = previewView(state, defaults);
  subjectEl.textContent = p.subject;
  bodyEl.textContent = p.body;
  bodyEl.lang = state.language;
  subjectEl.lang = state.language;
  wordsEl.textContent = p.wordsText;
  wordsEl.classList.toggle('over', p.words > p.limit);
  checksTitle.textContent = p.checksTitle;
  clear(checksEl);
  for (const c of p.checks) {
    checksEl.appendChild(
      h(
        'li',
        { class: c.ok ? 'pass' : 'hint-item' },
        icon(c.ok ? 'pass-filled' : 'lightbulb', 'check-icon'),
        h('div', {}, h('div', { class: 'check-title' }, c.title, h('span', { class: 'visually-hidden' }, `: ${c.result}`)), h('div', { class: 'check-hint' }, c.hint)),
      ),
    );
  }
}

/** Uses the pitch. A used pitch is finished: the host drops its draft, and no pending draft follows it. */
function action(a: PitchAction): void {
  if (draftTimer) clearTimeout(draftTimer);
  draftTimer = undefined;
  rpc
    .request({ type: 'action', action: a, ...actionPayload(state, defaults) })
    .then((r) => status.show('info', r.message))
    .catch((err: unknown) => {
      status.show('error', failureText(err));
      // Not used after all: it is kept as the draft again.
      save();
    });
}

function render(): void {
  clear(root);
  inputs.clear();
  notes.clear();
  const groups = formGroups();
  const [community, partner, idea] = groups;
  const form = h(
    'form',
    { class: 'pitch-form', 'aria-label': T.form },
    variantPicker(),
    languagePicker(),
    h('fieldset', {}, h('legend', {}, community.title), contextBanner, ...community.fields.map(field)),
    h('fieldset', {}, h('legend', {}, partner.title), ...partner.fields.map(field)),
    h('fieldset', {}, h('legend', {}, idea.title), ideaSelect(), ...idea.fields.map(field)),
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  const startOverButton = h('button', { type: 'button', class: 'link', id: 'start-over', title: T.startOverTitle }, icon('clear-all'), T.startOver);
  startOverButton.addEventListener('click', () => startOver());
  // The preview and its word count are a strip of their own: beside the form when there is
  // room, pinned above it while the user types when there is not (media/webview.css).
  const preview = h(
    'section',
    { class: 'preview-pane', 'aria-label': T.previewPane },
    h('div', { class: 'preview-strip' }, h('div', { class: 'pane-title' }, h('h2', {}, T.preview), wordsEl), h('div', { class: 'preview' }, subjectEl, bodyEl)),
    h(
      'div',
      { class: 'actions' },
      ...PITCH_ACTIONS_VIEW().map((a) => button({ label: a.label, icon: a.icon, secondary: !a.primary, title: a.title, onClick: () => action(a.action) })),
      startOverButton,
    ),
    status.element,
    checksTitle,
    checksEl,
  );

  const header = headerView(state);
  headerNote.textContent = header.description;
  root.append(h('header', { class: 'page-header' }, h('h1', {}, header.title), headerNote, restoredLine), h('div', { class: 'two-pane' }, form, preview));
  for (const f of CONTEXT_FIELDS) renderNote(f);
  renderContextBanner();
  update();
}

function renderContextBanner(): void {
  clear(contextBanner);
  headerNote.textContent = headerView(state).description;
  const ctx = state.context;
  // Only a context that was read prefills anything.
  if (!ctx || ctx.state === 'ok') return;
  contextBanner.appendChild(contextNote(ctx, openContext));
}

/** "Restored the pitch you were writing · Discard it": the draft kept when the panel was closed. */
function showRestored(): void {
  clear(restoredLine);
  const discard = h('button', { type: 'button', class: 'link inline', id: 'discard-pitch-draft' }, T.discardRestored);
  discard.addEventListener('click', () => {
    clear(restoredLine);
    startOver();
  });
  restoredLine.appendChild(h('p', { class: 'notice info', id: 'pitch-restored' }, icon('history'), h('span', {}, `${T.restored} · `, discard)));
}

function onContext(context: PanelContext): void {
  state.context = context;
  defaults = contextDefaults(context);
  vscode.setState(state);
  if (inputs.size === 0) render();
  else {
    // Only what the user has not overridden follows the context.
    for (const f of CONTEXT_FIELDS) {
      const input = inputs.get(f);
      if (input && !state.overridden.includes(f)) input.value = fieldValue(state, defaults, f);
      renderNote(f);
    }
    renderContextBanner();
    update();
  }
  markRendered();
}

// Restored state paints at once; the host's context is in the page (or follows with `ready`),
// and the draft kept for this workspace when the panel was closed follows with `ready`.
render();
first.forEach(onHostMessage);
rpc
  .request({ type: 'ready' })
  .then((r) => {
    if (restored || !r.draft) return;
    state = fromDraft(state, r.draft);
    vscode.setState(state);
    render();
    showRestored();
  })
  .catch((err: unknown) => status.show('error', failureText(err)));
