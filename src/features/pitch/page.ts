import '../../webview/lib/l10n';
import type { PitchAction, PitchFromWebview, PitchResults, PitchToWebview } from './protocol';
import { clear, h, icon, markRendered, vscodeApi, type VsCodeApi } from '../../webview/lib/dom';
import { Page } from '../../webview/lib/page';
import { client, failureText, initialMessages, type Client } from '../../webview/lib/rpc';
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
import { textLanguagePicker } from '../../webview/lib/textLanguagePicker';

/** The pitch form and its preview: one instance per page, owning all of the page's state. */
class PitchPage extends Page<PitchState> {
  private readonly restored: PitchState | undefined;
  private state: PitchState;
  private defaults: ContextDefaults;
  private readonly inputs = new Map<Field, NativeTextControl>();
  private readonly notes = new Map<ContextField, HTMLElement>();
  private readonly status = statusLine();
  private readonly T = pitchText();
  private readonly rpc: Client<PitchFromWebview, PitchResults>;

  // The preview, the checks and the header's parts: kept across renders, their text updated in place.
  private readonly subjectEl = h('div', { class: 'preview-subject' });
  private readonly bodyEl = h('div', { class: 'preview-body', tabindex: 0, role: 'document', 'aria-label': this.T.previewLabel });
  private readonly wordsEl = h('span', { class: 'count' });
  private readonly checksEl = h('ul', { class: 'checks', 'aria-labelledby': 'checks-title' });
  private readonly checksTitle = h('h2', { class: 'checks-title', id: 'checks-title' });
  private readonly contextBanner = h('div', {});
  private readonly headerNote = h('p', { class: 'description' });
  private readonly restoredLine = h('div', {});

  constructor(root: HTMLElement, vscode: VsCodeApi<PitchState>) {
    super(root, vscode);
    this.restored = vscode.getState();
    this.state = cleanState(this.restored);
    this.defaults = contextDefaults(this.state.context);
    const first = initialMessages();
    const onHostMessage = (m: { type: string }) => this.onHostMessage(m as PitchToWebview);
    this.rpc = client<PitchFromWebview, PitchResults>(vscode as never, onHostMessage, first);
    // Restored state paints at once; the host's context is in the page (or follows with `ready`),
    // and the draft kept for this workspace when the panel was closed follows with `ready`.
    this.render();
    first.forEach(onHostMessage);
    this.rpc
      .request({ type: 'ready' })
      .then((r) => {
        if (this.restored || !r.draft) return;
        this.state = fromDraft(this.state, r.draft);
        this.vscode.setState(this.state);
        this.render();
        this.showRestored();
      })
      .catch((err: unknown) => this.status.show('error', failureText(err)));
  }

  private onHostMessage(message: PitchToWebview): void {
    if (message.type === 'context') this.onContext(message.context);
    // The language last picked, for a form that has none of its own yet (a restored page keeps its own).
    else if (message.type === 'textLanguage' && !this.restored) {
      this.state.language = message.language;
      this.render();
    }
  }

  private openContext(): void {
    this.rpc.request({ type: 'openContext' }).catch((err: unknown) => this.status.show('error', failureText(err)));
  }

  private save(): void {
    this.vscode.setState(this.state);
    // Kept by the extension too, so that closing the panel loses nothing: it comes back on the next
    // open. Sent at every change, not after a pause: a panel closed right after a keystroke is gone
    // before a later message could leave it.
    this.rpc.notify({ type: 'draft', draft: draftOf(this.state) });
  }

  /** Empties the form: the context's values again, nothing typed. */
  private startOver(message = this.T.startedOver): void {
    this.state = emptied(this.state);
    this.save();
    this.render();
    this.status.show('info', message);
    // The button that had the focus is gone with the old form: the focus goes to the first field.
    this.root.querySelector<HTMLElement>('.pitch-form input[type="text"], .pitch-form textarea')?.focus();
  }

  // ---- The form ---------------------------------------------------------------------------

  private field(spec: FieldSpec): HTMLElement {
    const f = spec.field;
    const id = `field-${f}`;
    const control = nativeTextControl({
      id,
      name: f,
      label: spec.label,
      value: fieldValue(this.state, this.defaults, f),
      multiline: spec.multiline,
      rows: 2,
      placeholder: spec.placeholder,
      describedBy: `${id}-note`,
      onInput: (value) => {
        const wasOwn = isContextField(f) && this.state.overridden.includes(f);
        typed(this.state, f, value);
        if (isContextField(f) && !wasOwn) this.renderNote(f);
        this.save();
        this.update();
      },
    });
    this.inputs.set(f, control);
    const note = h('div', { class: 'hint', id: `${id}-note` }, spec.hint ?? '');
    if (isContextField(f)) this.notes.set(f, note);
    return fieldBlock(id, spec.label, control, note);
  }

  /** Under a context field: where its value came from, that it was changed, or that the context lacks it. */
  private renderNote(f: ContextField): void {
    const el = this.notes.get(f);
    if (!el) return;
    clear(el);
    const note = fieldNote(this.state, this.defaults, f);
    el.className = `hint source${note.kind === 'missing' ? ' missing' : ''}`;
    switch (note.kind) {
      case 'own': {
        const text = h('span', {}, note.text, ' ');
        el.append(icon('edit'), text);
        if (note.reset) {
          const reset = h('button', { type: 'button', class: 'link inline', 'aria-label': note.reset.ariaLabel }, icon('discard'), note.reset.label);
          reset.addEventListener('click', () => {
            useContextValue(this.state, f);
            const input = this.inputs.get(f);
            if (input) input.value = fieldValue(this.state, this.defaults, f);
            this.save();
            this.renderNote(f);
            this.update();
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
        open.addEventListener('click', () => this.openContext());
        el.append(icon('warning'), h('span', {}, note.text, ' ', open));
        return;
      }
      case 'plain':
        return;
    }
  }

  private ideaSelect(): HTMLElement {
    const id = 'field-ideaType';
    const view = ideaView(this.state);
    const note = h('div', { class: 'hint', id: `${id}-note` }, view.hint);
    const own = h('div', {});
    const ownField = this.field({ field: 'ideaText', label: view.ownLabel, multiline: true, placeholder: view.ownPlaceholder });
    own.appendChild(ownField);
    own.hidden = !view.ownShown;
    const select = singleSelect({
      id,
      label: view.label,
      value: this.state.values.ideaType ?? '',
      options: ideaOptions(),
      describedBy: `${id}-note`,
      onChange: (value) => {
        this.state.values.ideaType = value;
        const next = ideaView(this.state);
        note.textContent = next.hint;
        own.hidden = !next.ownShown;
        this.save();
        this.update();
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
  private variantPicker(): HTMLElement {
    const view = variantView(this.state);
    const group = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': view.label });
    const hint = h('p', { class: 'hint' }, view.hint);
    for (const o of view.options) {
      const id = `variant-${o.value}`;
      const radio = h('input', { type: 'radio', name: 'variant', id, value: o.value, checked: o.checked });
      radio.addEventListener('change', () => {
        this.state.variant = o.value;
        hint.textContent = variantView(this.state).hint;
        this.save();
        this.update();
      });
      group.append(radio, h('label', { for: id }, o.title));
    }
    return h('div', { class: 'field' }, h('div', { class: 'label' }, view.label), group, hint);
  }

  /** The language of the pitch's text, apart from the display language (shared with the agreement). */
  private languagePicker(): HTMLElement {
    return textLanguagePicker(this.state.language, (language) => {
      this.state.language = language;
      this.rpc.notify({ type: 'textLanguage', language });
      this.save();
      this.update();
    });
  }

  // ---- Preview, checks, actions -------------------------------------------------------------

  private update(): void {
    const p = previewView(this.state, this.defaults);
    this.subjectEl.textContent = p.subject;
    this.bodyEl.textContent = p.body;
    this.bodyEl.lang = this.state.language;
    this.subjectEl.lang = this.state.language;
    this.wordsEl.textContent = p.wordsText;
    this.wordsEl.classList.toggle('over', p.words > p.limit);
    this.checksTitle.textContent = p.checksTitle;
    clear(this.checksEl);
    for (const c of p.checks) {
      this.checksEl.appendChild(
        h(
          'li',
          { class: c.ok ? 'pass' : 'hint-item' },
          icon(c.ok ? 'pass-filled' : 'lightbulb', 'check-icon'),
          h('div', {}, h('div', { class: 'check-title' }, c.title, h('span', { class: 'visually-hidden' }, `: ${c.result}`)), h('div', { class: 'check-hint' }, c.hint)),
        ),
      );
    }
  }

  /** Uses the pitch. A used pitch is finished: the host drops its draft (each change went at once, none follows). */
  private action(a: PitchAction): void {
    this.rpc
      .request({ type: 'action', action: a, ...actionPayload(this.state, this.defaults) })
      .then((r) => this.status.show('info', r.message))
      .catch((err: unknown) => {
        this.status.show('error', failureText(err));
        // Not used after all: it is kept as the draft again.
        this.save();
      });
  }

  private render(): void {
    const T = this.T;
    clear(this.root);
    this.inputs.clear();
    this.notes.clear();
    const groups = formGroups();
    const [community, partner, idea] = groups;
    const field = (spec: FieldSpec) => this.field(spec);
    const form = h(
      'form',
      { class: 'pitch-form', 'aria-label': T.form },
      this.variantPicker(),
      this.languagePicker(),
      h('fieldset', {}, h('legend', {}, community.title), this.contextBanner, ...community.fields.map(field)),
      h('fieldset', {}, h('legend', {}, partner.title), ...partner.fields.map(field)),
      h('fieldset', {}, h('legend', {}, idea.title), this.ideaSelect(), ...idea.fields.map(field)),
    );
    form.addEventListener('submit', (e) => e.preventDefault());

    const startOverButton = h('button', { type: 'button', class: 'link', id: 'start-over', title: T.startOverTitle }, icon('clear-all'), T.startOver);
    startOverButton.addEventListener('click', () => this.startOver());
    // The preview and its word count are a strip of their own: beside the form when there is
    // room, pinned above it while the user types when there is not (media/webview.css).
    const preview = h(
      'section',
      { class: 'preview-pane', 'aria-label': T.previewPane },
      h('div', { class: 'preview-strip' }, h('div', { class: 'pane-title' }, h('h2', {}, T.preview), this.wordsEl), h('div', { class: 'preview' }, this.subjectEl, this.bodyEl)),
      h(
        'div',
        { class: 'actions' },
        ...PITCH_ACTIONS_VIEW().map((a) => button({ label: a.label, icon: a.icon, secondary: !a.primary, title: a.title, onClick: () => this.action(a.action) })),
        startOverButton,
      ),
      this.status.element,
      this.checksTitle,
      this.checksEl,
    );

    const header = headerView(this.state);
    this.headerNote.textContent = header.description;
    this.root.append(h('header', { class: 'page-header' }, h('h1', {}, header.title), this.headerNote, this.restoredLine), h('div', { class: 'two-pane' }, form, preview));
    for (const f of CONTEXT_FIELDS) this.renderNote(f);
    this.renderContextBanner();
    this.update();
  }

  private renderContextBanner(): void {
    clear(this.contextBanner);
    this.headerNote.textContent = headerView(this.state).description;
    const ctx = this.state.context;
    // Only a context that was read prefills anything.
    if (!ctx || ctx.state === 'ok') return;
    this.contextBanner.appendChild(contextNote(ctx, () => this.openContext()));
  }

  /** "Restored the pitch you were writing · Discard it": the draft kept when the panel was closed. */
  private showRestored(): void {
    clear(this.restoredLine);
    const discard = h('button', { type: 'button', class: 'link inline', id: 'discard-pitch-draft' }, this.T.discardRestored);
    discard.addEventListener('click', () => {
      clear(this.restoredLine);
      this.startOver();
    });
    this.restoredLine.appendChild(h('p', { class: 'notice info', id: 'pitch-restored' }, icon('history'), h('span', {}, `${this.T.restored} · `, discard)));
  }

  private onContext(context: PanelContext): void {
    this.state.context = context;
    this.defaults = contextDefaults(context);
    this.vscode.setState(this.state);
    if (this.inputs.size === 0) this.render();
    else {
      // Only what the user has not overridden follows the context.
      for (const f of CONTEXT_FIELDS) {
        const input = this.inputs.get(f);
        if (input && !this.state.overridden.includes(f)) input.value = fieldValue(this.state, this.defaults, f);
        this.renderNote(f);
      }
      this.renderContextBanner();
      this.update();
    }
    markRendered();
  }
}

new PitchPage(document.getElementById('app') as HTMLElement, vscodeApi<PitchState>());
