/*
 * The community context form's display logic, without the DOM: the steps and their state, the
 * current section's fields, the counts, which buttons are enabled, the unsaved changes and the
 * messages. The page (src/features/contextForm/page.ts) only renders it. Tested in plain Node
 * (test/unit/webview.contextForm.test.ts).
 *
 * The field labels and section titles are the context file's own (the family's template, in
 * English): the user finds them in the file as the form names them. The rest is in the display
 * language.
 */
import { l10n } from '../../core/l10n';
import { LABEL_EXAMPLES, LABEL_GUIDANCE, MULTILINE_LABELS } from '../../core/context/hints';
import type { ContextLabel } from '../../core/context/sections';
import type { ContextFormSection, ContextFormToWebview } from './protocol';

export type ContextFormInit = Extract<ContextFormToWebview, { type: 'init' }>;

export interface ContextFormState {
  mode: 'create' | 'update';
  /** The workspace folder's URI: what the extension restores the form to after a reload. */
  folder?: string;
  filePath: string;
  step: number;
  values: Record<string, string>;
  /** The values came back from a draft kept when the form was closed (shown until saved or discarded). */
  restored?: boolean;
}

/** The values the form was filled with, label → value. */
export function freshValues(init: ContextFormInit): Record<string, string> {
  const fresh: Record<string, string> = {};
  for (const s of init.sections) for (const f of s.fields) fresh[f.label] = f.value;
  return fresh;
}

/**
 * The form's state for an `init`: what the user typed is kept when the panel was hidden and
 * shown again (the page's own state, same mode and file), or comes back from the draft the
 * extension kept when it was closed.
 */
export function stateForInit(previous: ContextFormState | undefined, init: ContextFormInit): ContextFormState {
  const fresh = freshValues(init);
  const keep = previous && previous.mode === init.mode && previous.filePath === init.filePath;
  if (keep) return { ...previous, folder: init.folder, step: clampStep(previous.step, init.sections), values: { ...fresh, ...previous.values } };
  const draft = init.draft ?? {};
  const values = { ...fresh, ...draft };
  return { mode: init.mode, folder: init.folder, filePath: init.filePath, step: 0, values, restored: unsavedCount(values, fresh) > 0 };
}

function clampStep(step: number, sections: readonly unknown[]): number {
  return Number.isInteger(step) ? Math.max(0, Math.min(sections.length - 1, step)) : 0;
}

/** How many fields differ from what the form was filled with (spaces around a value do not count). */
export function unsavedCount(values: Record<string, string>, fresh: Record<string, string>): number {
  return Object.keys(values).filter((k) => (values[k] ?? '').trim() !== (fresh[k] ?? '').trim()).length;
}

export function filledIn(section: ContextFormSection, values: Record<string, string>): number {
  return section.fields.filter((f) => (values[f.label] ?? '').trim() !== '').length;
}

export type StepState = 'done' | 'partial' | 'empty';

export interface StepView {
  index: number;
  title: string;
  filled: number;
  total: number;
  state: StepState;
  current: boolean;
  /** The codicon for the state: one glyph per state, never two. */
  icon: 'pass-filled' | 'pie-chart' | 'circle-large';
  countText: string;
  countLabel: string;
  /** What a screen reader says for the step. */
  ariaLabel: string;
}

export function stepsView(sections: readonly ContextFormSection[], state: ContextFormState): StepView[] {
  return sections.map((s, i) => {
    const filled = filledIn(s, state.values);
    const total = s.fields.length;
    const st: StepState = filled === total ? 'done' : filled > 0 ? 'partial' : 'empty';
    const stateText = st === 'done' ? l10n.t('complete') : st === 'partial' ? l10n.t('partly filled') : l10n.t('not started');
    return {
      index: i,
      title: s.title,
      filled,
      total,
      state: st,
      current: i === state.step,
      icon: st === 'done' ? 'pass-filled' : st === 'partial' ? 'pie-chart' : 'circle-large',
      countText: `${filled}/${total}`,
      countLabel: l10n.t('{0} of {1} filled', filled, total),
      ariaLabel: l10n.t('{0}, {1}: {2} of {3} filled', s.title, stateText, filled, total),
    };
  });
}

export interface FieldView {
  id: string;
  label: string;
  value: string;
  guidance?: string;
  placeholder: string;
  multiline: boolean;
  disabled: boolean;
}

export function fieldsView(sections: readonly ContextFormSection[], state: ContextFormState, readOnly: boolean): FieldView[] {
  const section = sections[state.step];
  if (!section) return [];
  return section.fields.map((f, i) => {
    const label = f.label as ContextLabel;
    // The family's guidance for the field, quoted as its template words it, under the label.
    const guidance = LABEL_GUIDANCE[label];
    const value = state.values[f.label] ?? '';
    return {
      id: `field-${state.step}-${i}`,
      label: f.label,
      value,
      guidance,
      placeholder: guidance ? '' : (LABEL_EXAMPLES[label] ?? ''),
      // A value written as a list (one item a line) needs a text area too.
      multiline: MULTILINE_LABELS.has(label) || value.includes('\n'),
      disabled: readOnly,
    };
  });
}

export interface ContextFormView {
  title: string;
  /** The description around the file's path: before, the path, after. */
  description: [string, string, string];
  steps: StepView[];
  progressText: string;
  sectionTitle: string;
  fields: FieldView[];
  back: { label: string; disabled: boolean };
  skip: { label: string; disabled: boolean };
  next: { label: string; disabled: boolean };
  primary: { label: string; icon: 'new-file' | 'save'; disabled: boolean };
  openFile?: { label: string };
  /** Unsaved changes: what the line says, and whether they came back from a closed form. */
  unsaved?: { count: number; text: string; discard: string; restored: boolean };
  readOnlyNotice?: string;
  sectionsLabel: string;
}

export function contextFormView(init: ContextFormInit, state: ContextFormState, fresh: Record<string, string>, busy: boolean): ContextFormView {
  const sections = init.sections;
  const creating = init.mode === 'create';
  const total = sections.reduce((n, s) => n + s.fields.length, 0);
  const filled = sections.reduce((n, s) => n + filledIn(s, state.values), 0);
  const last = state.step >= sections.length - 1;
  const count = unsavedCount(state.values, fresh);
  const restored = !!state.restored && count > 0;
  const description: [string, string, string] = creating
    ? [l10n.t('Writes'), init.filePath, l10n.t('the file your community skills and this extension read. Every field is optional: skip what you do not know yet, and it is written as TBD.')]
    : [l10n.t('Edits'), init.filePath, l10n.t('only the fields you change are written; everything else in the file stays as it is.')];
  const changes = count === 1 ? l10n.t('1 unsaved change') : l10n.t('{0} unsaved changes', count);
  return {
    title: creating ? l10n.t('Create community context') : l10n.t('Update community context'),
    description,
    steps: stepsView(sections, state),
    progressText: l10n.t('{0} of {1} fields filled', filled, total),
    sectionTitle: sections[state.step] ? l10n.t('{0}. {1}', state.step + 1, sections[state.step].title) : '',
    fields: fieldsView(sections, state, init.readOnly),
    back: { label: l10n.t('Back'), disabled: state.step === 0 },
    skip: { label: l10n.t('Skip section'), disabled: last },
    next: { label: l10n.t('Next'), disabled: last },
    primary: { label: creating ? l10n.t('Create file') : l10n.t('Save changes'), icon: creating ? 'new-file' : 'save', disabled: init.readOnly || busy },
    ...(creating ? {} : { openFile: { label: l10n.t('Open file') } }),
    ...(count > 0
      ? {
          unsaved: {
            count,
            text: restored
              ? l10n.t('Draft restored: {0}, typed before the form was closed.', changes)
              : l10n.t('{0}: kept until saved or discarded, also when this tab is closed.', changes),
            discard: l10n.t('Discard'),
            restored,
          },
        }
      : {}),
    ...(init.readOnly ? { readOnlyNotice: l10n.t('Restricted Mode: this workspace is not trusted, so nothing is written.') } : {}),
    sectionsLabel: l10n.t('Sections'),
  };
}

/** What a save answered, for the status line. */
export function savedText(result: { filePath: string; changed: number }): string {
  if (result.changed === 0) return l10n.t('Nothing changed: the file was left as it is.');
  return result.changed === 1 ? l10n.t('Saved 1 change to {0}.', result.filePath) : l10n.t('Saved {0} changes to {1}.', result.changed, result.filePath);
}

export function discardedText(): string {
  return l10n.t('Discarded your unsaved changes: the form shows the file again.');
}
