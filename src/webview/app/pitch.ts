import type { PanelContext, PitchAction, PitchDraft, PitchFromWebview, PitchResults, PitchToWebview } from '../protocol';
import { clear, h, icon, vscodeApi } from './lib/dom';
import { client, failureText } from './lib/rpc';
import { contextNote, statusLine } from './lib/panel';
// Rendering and checking happen here, as the user types: the extension only receives the result.
import { checkPitch, countWords, pitchDefaultsFromContext, pitchMarkdown, PITCH_VARIANTS, PITCH_WORD_LIMITS, renderPitch, type PitchInput, type PitchVariant } from '../../core/pitch';
import { PARTNERSHIP_CATEGORIES, partnershipType, type PartnershipTypeId } from '../../core/domain';
import { formatCount, parseCount, readCount } from '../../core/numbers';
import type { ContextLabel } from '../../core/context/labels';

/** Fields the context can fill; each shows where its value came from. */
const CONTEXT_FIELDS = ['communityName', 'memberCount', 'audience', 'description', 'activeMembers', 'engagement', 'valueProp', 'yourName'] as const;
type ContextField = (typeof CONTEXT_FIELDS)[number];
type Field = ContextField | 'partnerName' | 'partnerCommunity' | 'to' | 'ideaType' | 'ideaText' | 'topic' | 'contribution' | 'hope';

const LABEL_OF: Record<ContextField, ContextLabel> = {
  communityName: 'Community Name',
  memberCount: 'Current size',
  audience: 'Who is this for',
  description: 'One-line description',
  activeMembers: 'Active members',
  engagement: 'Engagement level',
  valueProp: 'Core value proposition',
  yourName: 'Team',
};

interface State {
  variant: PitchVariant;
  /** What the user typed; for a context field only once it is overridden. */
  values: Partial<Record<Field, string>>;
  overridden: ContextField[];
  context?: PanelContext;
}

const VARIANT_TEXT: Record<PitchVariant, { title: string; hint: string }> = {
  classic: { title: 'Classic', hint: 'The playbook pitch: who you are, one idea, what you bring and hope for, a call.' },
  cold: { title: 'Cold', hint: 'To a community that does not know you yet: a subject line, why it is a win for them, a 15-minute call.' },
  warm: { title: 'Warm', hint: 'To a community you already know: the topic you share, one idea, a small first test.' },
};

const vscode = vscodeApi<State>();
const root = document.getElementById('app') as HTMLElement;
const restored = vscode.getState();
const state: State = restored ?? { variant: 'classic', values: {}, overridden: [] };
if (!PITCH_VARIANTS.includes(state.variant)) state.variant = 'classic';
const inputs = new Map<Field, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
const notes = new Map<ContextField, HTMLElement>();
const status = statusLine();
let defaults: Partial<Record<ContextField, string>> = {};
let sources: Partial<Record<ContextField, ContextLabel>> = {};
let missing = new Set<ContextField>();

const rpc = client<PitchFromWebview, PitchResults>(vscode as never, (m) => {
  const message = m as PitchToWebview;
  if (message.type === 'context') onContext(message.context);
});

function openContext(): void {
  rpc.request({ type: 'openContext' }).catch((err: unknown) => status.show('error', failureText(err)));
}

let draftTimer: ReturnType<typeof setTimeout> | undefined;

/** The draft as the extension keeps it for this workspace: what the user typed and picked. */
function draft(): PitchDraft | null {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.values)) if (typeof v === 'string' && v !== '') values[k] = v;
  if (Object.keys(values).length === 0 && state.variant === 'classic' && state.overridden.length === 0) return null;
  return { variant: state.variant, values, overridden: [...state.overridden] };
}

function save(): void {
  vscode.setState(state);
  // Kept by the extension too, so that closing the panel loses nothing: it comes back on the next open.
  if (draftTimer) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => rpc.notify({ type: 'draft', draft: draft() }), 250);
}

/** Empties the form: the context's values again, nothing typed. */
function startOver(): void {
  state.variant = 'classic';
  state.values = {};
  state.overridden = [];
  save();
  render();
  status.show('info', 'Started over: the form holds your context’s values only.');
}

/** The context's values as the form's strings, and which fields the context does not answer. */
function computeDefaults(context: PanelContext | undefined): void {
  const values = (context?.values ?? {}) as Partial<Record<ContextLabel, string>>;
  const d = pitchDefaultsFromContext(values);
  defaults = {};
  sources = {};
  missing = new Set();
  for (const f of CONTEXT_FIELDS) {
    const v = d.input[f];
    if (v !== undefined) {
      const asWritten = f === 'memberCount' ? d.input.memberCountText : f === 'activeMembers' ? d.input.activeMembersText : undefined;
      defaults[f] = asWritten ?? (typeof v === 'number' ? formatCount(v) : String(v));
      sources[f] = d.sources[f];
    }
    if (d.missing.includes(LABEL_OF[f]) || (f === 'yourName' && v === undefined)) missing.add(f);
  }
}

function value(f: Field): string {
  if ((CONTEXT_FIELDS as readonly string[]).includes(f) && !state.overridden.includes(f as ContextField)) return defaults[f as ContextField] ?? '';
  return state.values[f] ?? '';
}

/** A count written as a range ("3-5k") is shown as written. */
function rangeText(text: string): string | undefined {
  const r = readCount(text);
  return r?.high !== undefined ? r.text : undefined;
}

function pitchInput(): PitchInput {
  const ideaType = value('ideaType');
  const type = partnershipType(ideaType);
  return {
    variant: state.variant,
    yourName: value('yourName'),
    communityName: value('communityName'),
    memberCount: parseCount(value('memberCount')),
    memberCountText: rangeText(value('memberCount')),
    description: value('description'),
    audience: value('audience'),
    activeMembers: parseCount(value('activeMembers')),
    activeMembersText: rangeText(value('activeMembers')),
    engagement: value('engagement'),
    valueProp: value('valueProp'),
    partnerName: value('partnerName'),
    partnerCommunity: value('partnerCommunity'),
    ideaType: type ? (type.id as PartnershipTypeId) : '',
    ideaText: ideaType === 'own' ? value('ideaText') : '',
    topic: value('topic'),
    contribution: value('contribution'),
    hope: value('hope'),
  };
}

// ---- The form ---------------------------------------------------------------------------

function field(f: Field, label: string, options: { multiline?: boolean; placeholder?: string; hint?: string } = {}): HTMLElement {
  const id = `field-${f}`;
  const attrs = { id, name: f, placeholder: options.placeholder ?? '', spellcheck: 'true', 'aria-describedby': `${id}-note` };
  const input = options.multiline ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: 'text' });
  input.value = value(f);
  input.addEventListener('input', () => {
    state.values[f] = input.value;
    const cf = f as ContextField;
    if ((CONTEXT_FIELDS as readonly string[]).includes(f) && !state.overridden.includes(cf)) {
      state.overridden.push(cf);
      renderNote(cf);
    }
    save();
    update();
  });
  inputs.set(f, input);
  const note = h('div', { class: 'hint', id: `${id}-note` }, options.hint ?? '');
  if ((CONTEXT_FIELDS as readonly string[]).includes(f)) notes.set(f as ContextField, note);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, note);
}

/** Under a context field: where its value came from, that it was changed, or that the context lacks it. */
function renderNote(f: ContextField): void {
  const note = notes.get(f);
  if (!note) return;
  clear(note);
  note.className = 'hint source';
  const ctx = state.context;
  if (state.overridden.includes(f)) {
    const reset = h('button', { type: 'button', class: 'link inline', 'aria-label': `Use the context's value for ${LABEL_OF[f]}` }, icon('discard'), 'Use context value');
    reset.addEventListener('click', () => {
      state.overridden = state.overridden.filter((o) => o !== f);
      delete state.values[f];
      const input = inputs.get(f);
      if (input) input.value = value(f);
      save();
      renderNote(f);
      update();
    });
    note.append(icon('edit'), ` Your own value${defaults[f] !== undefined ? ` (the context says “${defaults[f]}”)` : ''}. `);
    if (defaults[f] !== undefined) note.append(reset);
    return;
  }
  if (defaults[f] !== undefined) {
    note.append(icon('file-text'), ` From your context: ${sources[f] ?? LABEL_OF[f]}`);
    return;
  }
  if (missing.has(f) && ctx?.state === 'ok') {
    note.classList.add('missing');
    const open = h('button', { type: 'button', class: 'link inline' }, 'Add it to the context');
    open.addEventListener('click', openContext);
    note.append(icon('warning'), ` ${LABEL_OF[f]} is not in ${ctx.contextPath}. `, open);
  }
}

function ideaSelect(): HTMLElement {
  const id = 'field-ideaType';
  const select = h('select', { id, name: 'ideaType', 'aria-describedby': `${id}-note` });
  select.appendChild(h('option', { value: '' }, 'Choose a partnership type…'));
  for (const c of PARTNERSHIP_CATEGORIES) {
    const group = h('optgroup', { label: c.title });
    for (const t of c.types) group.appendChild(h('option', { value: t.id }, t.title));
    select.appendChild(group);
  }
  select.appendChild(h('option', { value: 'own' }, 'My own idea (free text)'));
  select.value = value('ideaType');
  const note = h('div', { class: 'hint', id: `${id}-note` });
  const own = field('ideaText', 'Your idea', { multiline: true, placeholder: 'Such as a workshop on onboarding new contributors, streamed to both communities' });
  const sync = () => {
    const t = partnershipType(select.value);
    note.textContent = t ? `${capitalise(t.hint)}.` : select.value === 'own' ? 'Say it in one sentence: what, about what, when.' : 'Or write your own idea.';
    own.hidden = select.value !== 'own';
  };
  select.addEventListener('change', () => {
    state.values.ideaType = select.value;
    sync();
    save();
    update();
  });
  inputs.set('ideaType', select);
  sync();
  return h('div', {}, h('div', { class: 'field' }, h('label', { for: id }, 'Collaboration idea'), select, note), own);
}

function variantPicker(): HTMLElement {
  const group = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Pitch variant' });
  const hint = h('p', { class: 'hint' }, VARIANT_TEXT[state.variant].hint);
  for (const v of PITCH_VARIANTS) {
    const id = `variant-${v}`;
    const radio = h('input', { type: 'radio', name: 'variant', id, value: v, checked: state.variant === v });
    radio.addEventListener('change', () => {
      state.variant = v;
      hint.textContent = VARIANT_TEXT[v].hint;
      save();
      update();
    });
    group.append(radio, h('label', { for: id }, VARIANT_TEXT[v].title));
  }
  return h('div', { class: 'field' }, h('div', { class: 'label' }, 'Variant'), group, hint);
}

function fieldset(title: string, ...children: HTMLElement[]): HTMLElement {
  return h('fieldset', {}, h('legend', {}, title), ...children);
}

// ---- Preview, checks, actions -------------------------------------------------------------

const subjectEl = h('div', { class: 'preview-subject' });
const bodyEl = h('div', { class: 'preview-body', tabindex: 0, role: 'document', 'aria-label': 'Pitch preview' });
const wordsEl = h('span', { class: 'count' });
const checksEl = h('ul', { class: 'checks', 'aria-label': 'Checks' });
const contextBanner = h('div', {});
const headerNote = h('p', { class: 'description' });

function update(): void {
  const input = pitchInput();
  const rendered = renderPitch(input);
  subjectEl.textContent = rendered.subject ?? '';
  bodyEl.textContent = rendered.body;
  const words = countWords(rendered.body);
  wordsEl.textContent = `${words} / ${PITCH_WORD_LIMITS[state.variant]} words`;
  clear(checksEl);
  const checks = checkPitch(input, rendered);
  for (const c of checks) {
    checksEl.appendChild(
      h(
        'li',
        { class: c.ok ? 'pass' : 'hint-item' },
        icon(c.ok ? 'pass-filled' : 'lightbulb', 'check-icon'),
        h('div', {}, h('div', { class: 'check-title' }, c.title, h('span', { class: 'visually-hidden' }, c.ok ? ': passes' : ': needs work')), h('div', { class: 'check-hint' }, c.hint)),
      ),
    );
  }
}

function action(a: PitchAction): void {
  const input = pitchInput();
  const rendered = renderPitch(input);
  rpc
    .request({ type: 'action', action: a, subject: rendered.subject ?? '', body: rendered.body, markdown: pitchMarkdown(input), to: value('to') })
    .then((r) => status.show('info', r.message))
    .catch((err: unknown) => status.show('error', failureText(err)));
}

function button(label: string, codicon: string, kind: string, a: PitchAction, title: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: kind, title }, icon(codicon), label);
  b.addEventListener('click', () => action(a));
  return b;
}

function startOverButton(): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link', id: 'start-over', title: 'Empty the form: only your context’s values stay' }, icon('clear-all'), 'Start over');
  b.addEventListener('click', startOver);
  return b;
}

function render(): void {
  clear(root);
  inputs.clear();
  notes.clear();
  const form = h(
    'form',
    { class: 'pitch-form', 'aria-label': 'Pitch' },
    variantPicker(),
    fieldset(
      'Your community',
      contextBanner,
      field('communityName', 'Community name'),
      field('memberCount', 'Members', { placeholder: 'such as 12,000' }),
      field('audience', 'Who your members are', { placeholder: 'such as backend developers' }),
      field('description', 'One-line description'),
      field('activeMembers', 'Active members', { placeholder: 'such as 1,800' }),
      field('engagement', 'Engagement', { placeholder: 'such as 400 messages a week' }),
      field('valueProp', 'Core value proposition'),
      field('yourName', 'Your name (sign-off)'),
    ),
    fieldset(
      'The partner',
      field('partnerName', 'Contact name', { placeholder: 'such as Sam' }),
      field('partnerCommunity', 'Their community', { placeholder: 'such as Design Systems Guild' }),
      field('to', 'Their email address', { placeholder: 'such as sam@example.org', hint: 'Only used by “Open in Mail App”.' }),
    ),
    fieldset(
      'The idea',
      ideaSelect(),
      field('topic', 'Topic', { placeholder: 'such as API design reviews' }),
      field('contribution', 'What you contribute', { multiline: true, placeholder: 'such as a speaker from our team and a feature in our newsletter' }),
      field('hope', 'What you hope to gain', { multiline: true, placeholder: 'such as a slot in your newsletter' }),
    ),
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  const preview = h(
    'section',
    { class: 'preview-pane', 'aria-label': 'Preview and checks' },
    h('div', { class: 'pane-title' }, h('h2', {}, 'Preview'), wordsEl),
    h('div', { class: 'preview' }, subjectEl, bodyEl),
    h(
      'div',
      { class: 'actions' },
      button('Insert at Cursor', 'insert', 'primary', 'insert', 'Insert the pitch at the cursor of the last active editor'),
      button('Open as Document', 'new-file', 'secondary', 'newDocument', 'Open the pitch as a new Markdown document'),
      button('Copy', 'copy', 'secondary', 'copy', 'Copy the subject and the pitch to the clipboard'),
      button('Open in Mail App', 'mail', 'secondary', 'mail', 'Open the pitch in your mail app'),
      startOverButton(),
    ),
    status.element,
    h('h2', { class: 'checks-title' }, 'Checks'),
    checksEl,
  );

  root.append(
    h('header', { class: 'page-header' }, h('h1', {}, 'Draft outreach pitch'), headerNote),
    h('div', { class: 'two-pane' }, form, preview),
  );
  for (const f of CONTEXT_FIELDS) renderNote(f);
  renderContextBanner();
  update();
}

function renderContextBanner(): void {
  clear(contextBanner);
  const ctx = state.context;
  // Only a context that was read prefills anything.
  headerNote.textContent =
    ctx?.state === 'ok'
      ? 'Prefilled from your community context. Change any field: the preview and the checks follow as you type.'
      : 'Fill in the fields: the preview and the checks follow as you type.';
  if (!ctx || ctx.state === 'ok') return;
  contextBanner.appendChild(contextNote(ctx, openContext));
}

function onContext(context: PanelContext): void {
  state.context = context;
  computeDefaults(context);
  save();
  if (inputs.size === 0) {
    render();
    return;
  }
  // Only what the user has not overridden follows the context.
  for (const f of CONTEXT_FIELDS) {
    const input = inputs.get(f);
    if (input && !state.overridden.includes(f)) input.value = value(f);
    renderNote(f);
  }
  renderContextBanner();
  update();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Restored state paints at once; the host's context follows with `ready`, and with it the draft
// kept for this workspace when the panel was closed.
if (state.context) computeDefaults(state.context);
render();
rpc
  .request({ type: 'ready' })
  .then((r) => {
    if (restored || !r.draft) return;
    state.variant = r.draft.variant;
    state.values = r.draft.values as State['values'];
    state.overridden = r.draft.overridden.filter((f): f is ContextField => (CONTEXT_FIELDS as readonly string[]).includes(f));
    vscode.setState(state);
    render();
    status.show('info', 'Restored the pitch you were writing.');
  })
  .catch((err: unknown) => status.show('error', failureText(err)));
