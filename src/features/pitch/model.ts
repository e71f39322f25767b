/*
 * The Draft Outreach Pitch page's display logic, without the DOM: from what the user typed and
 * the context of the folder, what each field holds and says under it, the preview, the word
 * count, the checks and the messages. The page (src/features/pitch/page.ts) only renders it.
 * Tested in plain Node (test/unit/webview.pitch.test.ts).
 */
import { l10n } from '../../core/l10n';
import { checkPitch, countWords, pitchDefaultsFromContext, pitchMarkdown, PITCH_VARIANTS, PITCH_WORD_LIMITS, renderPitch, TEXT_LANGUAGES, type PitchInput, type PitchVariant, type TextLanguage } from '../../core/pitch';
import { PARTNERSHIP_CATEGORIES, partnershipType, type PartnershipTypeId } from '../../core/domain';
import { formatCount } from '../../core/numbers';
import { parseCount, readCount } from '../../core/countReading';
import type { ContextLabel } from '../../core/context/sections';
import type { PanelContext } from '../../webview/protocol';
import type { PitchDraft } from './protocol';
import { categoryTitle, contextLabelText, typeText, variantText } from '../../webview/domainText';

/** Fields the context can fill; each shows where its value came from. */
export const CONTEXT_FIELDS = ['communityName', 'memberCount', 'audience', 'description', 'activeMembers', 'engagement', 'valueProp', 'yourName'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];
export type Field = ContextField | 'partnerName' | 'partnerCommunity' | 'to' | 'ideaType' | 'ideaText' | 'topic' | 'contribution' | 'hope';
export const IDEA_OWN = 'own';

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

export interface PitchState {
  variant: PitchVariant;
  /** The language of the pitch's text, whatever the display language. */
  language: TextLanguage;
  /** What the user typed; for a context field only once it is overridden. */
  values: Partial<Record<Field, string>>;
  overridden: ContextField[];
  context?: PanelContext;
}

export function isContextField(f: string): f is ContextField {
  return (CONTEXT_FIELDS as readonly string[]).includes(f);
}

/** A state from anything (a page state kept by VS Code): unknown parts dropped. */
export function cleanState(raw: unknown): PitchState {
  const r = raw && typeof raw === 'object' ? (raw as Partial<PitchState>) : {};
  const values: Partial<Record<Field, string>> = {};
  if (r.values && typeof r.values === 'object') for (const [k, v] of Object.entries(r.values)) if (typeof v === 'string') values[k as Field] = v;
  return {
    variant: PITCH_VARIANTS.includes(r.variant as PitchVariant) ? (r.variant as PitchVariant) : 'classic',
    language: TEXT_LANGUAGES.find((l) => l === r.language) ?? 'en',
    values,
    overridden: Array.isArray(r.overridden) ? r.overridden.filter(isContextField) : [],
    context: r.context,
  };
}

/** What the context gives the form: each field's value as the form shows it, where it came from, and what it lacks. */
export interface ContextDefaults {
  values: Partial<Record<ContextField, string>>;
  sources: Partial<Record<ContextField, ContextLabel>>;
  missing: Set<ContextField>;
}

export function contextDefaults(context: PanelContext | undefined): ContextDefaults {
  const raw = (context?.state === 'ok' ? context.values : {}) as Partial<Record<ContextLabel, string>>;
  const d = pitchDefaultsFromContext(raw);
  const out: ContextDefaults = { values: {}, sources: {}, missing: new Set() };
  for (const f of CONTEXT_FIELDS) {
    const v = d.input[f];
    if (v !== undefined) {
      const asWritten = f === 'memberCount' ? d.input.memberCountText : f === 'activeMembers' ? d.input.activeMembersText : undefined;
      out.values[f] = asWritten ?? (typeof v === 'number' ? formatCount(v) : String(v));
      out.sources[f] = d.sources[f];
    }
    if (d.missing.includes(LABEL_OF[f]) || (f === 'yourName' && v === undefined)) out.missing.add(f);
  }
  return out;
}

export function fieldValue(state: PitchState, defaults: ContextDefaults, f: Field): string {
  if (isContextField(f) && !state.overridden.includes(f)) return defaults.values[f] ?? '';
  return state.values[f] ?? '';
}

/** The user typed into a field: a context field is then their own value. */
export function typed(state: PitchState, f: Field, value: string): void {
  state.values[f] = value;
  if (isContextField(f) && !state.overridden.includes(f)) state.overridden.push(f);
}

/** "Use context value": the field follows the context again. */
export function useContextValue(state: PitchState, f: ContextField): void {
  state.overridden = state.overridden.filter((o) => o !== f);
  delete state.values[f];
}

/** A count written as a range ("3-5k") is shown as written. */
function rangeText(text: string): string | undefined {
  const r = readCount(text);
  return r?.high !== undefined ? r.text : undefined;
}

export function pitchInput(state: PitchState, defaults: ContextDefaults): PitchInput {
  const value = (f: Field) => fieldValue(state, defaults, f);
  const ideaType = value('ideaType');
  const type = partnershipType(ideaType);
  return {
    variant: state.variant,
    language: state.language,
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
    ideaText: ideaType === IDEA_OWN ? value('ideaText') : '',
    topic: value('topic'),
    contribution: value('contribution'),
    hope: value('hope'),
  };
}

// ---- What the page shows ------------------------------------------------------------------

/** Under a context field: where its value came from, that it is the user's own, or that the context lacks it. */
export type FieldNote =
  | { kind: 'context'; text: string }
  | { kind: 'own'; text: string; reset?: { label: string; ariaLabel: string } }
  | { kind: 'missing'; text: string; link: string }
  | { kind: 'plain'; text: string };

export function fieldNote(state: PitchState, defaults: ContextDefaults, f: ContextField): FieldNote {
  const contextValue = defaults.values[f];
  if (state.overridden.includes(f)) {
    if (contextValue === undefined) return { kind: 'own', text: l10n.t('Your own value.') };
    return {
      kind: 'own',
      text: l10n.t('Your own value (the context says “{0}”).', contextValue),
      reset: { label: l10n.t('Use context value'), ariaLabel: l10n.t("Use the context's value for {0}", contextLabelText(LABEL_OF[f])) },
    };
  }
  if (contextValue !== undefined) return { kind: 'context', text: l10n.t('From your context: {0}', contextLabelText(defaults.sources[f] ?? LABEL_OF[f])) };
  const ctx = state.context;
  if (defaults.missing.has(f) && ctx?.state === 'ok') return { kind: 'missing', text: l10n.t('{0} is not in {1}.', contextLabelText(LABEL_OF[f]), ctx.contextPath), link: l10n.t('Add it to the context') };
  return { kind: 'plain', text: '' };
}

export interface FieldSpec {
  field: Field;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
}

/** The form's fields, group by group, in the display language. */
export function formGroups(): { title: string; fields: FieldSpec[] }[] {
  return [
    {
      title: l10n.t('Your community'),
      fields: [
        { field: 'communityName', label: l10n.t('Community name') },
        { field: 'memberCount', label: l10n.t('Members'), placeholder: l10n.t('such as 12,000') },
        { field: 'audience', label: l10n.t('Who your members are'), placeholder: l10n.t('such as backend developers') },
        { field: 'description', label: l10n.t('One-line description') },
        { field: 'activeMembers', label: l10n.t('Active members'), placeholder: l10n.t('such as 1,800') },
        { field: 'engagement', label: l10n.t('Engagement'), placeholder: l10n.t('such as 400 messages a week') },
        { field: 'valueProp', label: l10n.t('Core value proposition') },
        { field: 'yourName', label: l10n.t('Your name (sign-off)') },
      ],
    },
    {
      title: l10n.t('The partner'),
      fields: [
        { field: 'partnerName', label: l10n.t('Contact name'), placeholder: l10n.t('such as Sam') },
        { field: 'partnerCommunity', label: l10n.t('Their community'), placeholder: l10n.t('such as Design Systems Guild') },
        { field: 'to', label: l10n.t('Their email address'), placeholder: l10n.t('such as sam@example.org'), hint: l10n.t('Only used by “Open in Mail App”.') },
      ],
    },
    {
      title: l10n.t('The idea'),
      fields: [
        { field: 'topic', label: l10n.t('Topic'), placeholder: l10n.t('such as API design reviews') },
        { field: 'contribution', label: l10n.t('What you contribute'), multiline: true, placeholder: l10n.t('such as a speaker from our team and a feature in our newsletter') },
        { field: 'hope', label: l10n.t('What you hope to gain'), multiline: true, placeholder: l10n.t('such as a slot in your newsletter') },
      ],
    },
  ];
}

export interface IdeaOption {
  value: string;
  label: string;
  /** The category, shown beside the type's title in the list. */
  description?: string;
}

/** The idea list: nothing picked, the 16 types by category, or the user's own words. */
export function ideaOptions(): IdeaOption[] {
  return [
    { value: '', label: l10n.t('Choose a partnership type…') },
    ...PARTNERSHIP_CATEGORIES.flatMap((c) => c.types.map((t) => ({ value: t.id as string, label: typeText(t.id).title, description: categoryTitle(c.id) }))),
    { value: IDEA_OWN, label: l10n.t('My own idea (free text)') },
  ];
}

export function ideaView(state: PitchState): { hint: string; ownShown: boolean; label: string; ownLabel: string; ownPlaceholder: string } {
  const picked = state.values.ideaType ?? '';
  const type = partnershipType(picked);
  return {
    label: l10n.t('Collaboration idea'),
    ownLabel: l10n.t('Your idea'),
    ownPlaceholder: l10n.t('Such as a workshop on onboarding new contributors, streamed to both communities'),
    hint: type ? typeText(type.id as PartnershipTypeId).hint : picked === IDEA_OWN ? l10n.t('Say it in one sentence: what, about what, when.') : l10n.t('Or write your own idea.'),
    ownShown: picked === IDEA_OWN,
  };
}

export interface VariantOption {
  value: PitchVariant;
  title: string;
  checked: boolean;
}

export function variantView(state: PitchState): { label: string; options: VariantOption[]; hint: string } {
  return {
    label: l10n.t('Variant'),
    options: PITCH_VARIANTS.map((v) => ({ value: v, title: variantText(v).title, checked: v === state.variant })),
    hint: variantText(state.variant).hint,
  };
}

export interface CheckView {
  id: string;
  ok: boolean;
  title: string;
  hint: string;
  /** For a screen reader, after the title. */
  result: string;
}

export interface PreviewView {
  subject: string;
  body: string;
  words: number;
  limit: number;
  wordsText: string;
  checks: CheckView[];
  /** How many checks pass, for the heading. */
  passed: number;
  checksTitle: string;
}

/** The pitch as the user's words make it, its length and the five checks. */
export function previewView(state: PitchState, defaults: ContextDefaults): PreviewView {
  const input = pitchInput(state, defaults);
  const rendered = renderPitch(input);
  const words = countWords(rendered.body);
  const limit = PITCH_WORD_LIMITS[state.variant];
  const checks = checkPitch(input, rendered).map((c) => ({ id: c.id, ok: c.ok, title: c.title, hint: c.hint, result: c.ok ? l10n.t('passes') : l10n.t('needs work') }));
  const passed = checks.filter((c) => c.ok).length;
  return {
    subject: rendered.subject ?? '',
    body: rendered.body,
    words,
    limit,
    wordsText: l10n.t('{0} / {1} words', words, limit),
    checks,
    passed,
    checksTitle: l10n.t('Checks: {0} of {1} pass', passed, checks.length),
  };
}

/** What an action sends: the pitch as the preview shows it, and as a document. */
export function actionPayload(state: PitchState, defaults: ContextDefaults): { subject: string; body: string; markdown: string; to: string } {
  const input = pitchInput(state, defaults);
  const rendered = renderPitch(input);
  return { subject: rendered.subject ?? '', body: rendered.body, markdown: pitchMarkdown(input), to: fieldValue(state, defaults, 'to') };
}

export function headerView(state: PitchState): { title: string; description: string } {
  return {
    title: l10n.t('Draft outreach pitch'),
    description:
      state.context?.state === 'ok'
        ? l10n.t('Prefilled from your community context. Change any field: the preview and the checks follow as you type.')
        : l10n.t('Fill in the fields: the preview and the checks follow as you type.'),
  };
}

export const PITCH_ACTIONS_VIEW = () =>
  [
    { action: 'insert', label: l10n.t('Insert at Cursor'), icon: 'insert', primary: true, title: l10n.t('Insert the pitch at the cursor of the last active editor') },
    { action: 'newDocument', label: l10n.t('Open as Document'), icon: 'new-file', primary: false, title: l10n.t('Open the pitch as a new Markdown document') },
    { action: 'copy', label: l10n.t('Copy'), icon: 'copy', primary: false, title: l10n.t('Copy the subject and the pitch to the clipboard') },
    { action: 'mail', label: l10n.t('Open in Mail App'), icon: 'mail', primary: false, title: l10n.t('Open the pitch in your mail app') },
  ] as const;

/** The page's other words. */
export function pitchText() {
  return {
    form: l10n.t('Pitch'),
    previewPane: l10n.t('Preview and checks'),
    preview: l10n.t('Preview'),
    previewLabel: l10n.t('Pitch preview'),
    startOver: l10n.t('Start over'),
    startOverTitle: l10n.t('Empty the form: only your context’s values stay'),
    startedOver: l10n.t('Started over: the form holds your context’s values only.'),
    restored: l10n.t('Restored the pitch you were writing.'),
    discardRestored: l10n.t('Discard it'),
  };
}

// ---- The draft kept for the workspace -----------------------------------------------------

/** The draft as the extension keeps it for this workspace: what the user typed and picked; null when there is nothing. */
export function draftOf(state: PitchState): PitchDraft | null {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.values)) if (typeof v === 'string' && v !== '') values[k] = v;
  if (Object.keys(values).length === 0 && state.variant === 'classic' && state.overridden.length === 0) return null;
  return { variant: state.variant, values, overridden: [...state.overridden], language: state.language };
}

/** The form from a kept draft; the context stays. */
export function fromDraft(state: PitchState, draft: PitchDraft): PitchState {
  const values: Partial<Record<Field, string>> = {};
  for (const [k, v] of Object.entries(draft.values)) values[k as Field] = v;
  return { variant: draft.variant, language: draft.language ?? state.language, values, overridden: draft.overridden.filter(isContextField), context: state.context };
}

/** Start over: nothing typed, the context's values again. */
export function emptied(state: PitchState): PitchState {
  return { variant: 'classic', language: state.language, values: {}, overridden: [], context: state.context };
}
