/*
 * The agreement checklist page's display logic, without the DOM: the progress over the ten
 * points, each section's state, the labels that name a side, the choices offered and the
 * messages. The page (src/features/agreement/page.ts) only renders it. Tested in plain Node
 * (test/unit/webview.agreement.test.ts).
 */
import { l10n } from '../../core/l10n';
import { agreementProgress, DURATIONS, type AgreementItemId, type AgreementState, type RunningPracticeId } from '../../core/agreement';
import { isIsoDate } from '../../core/dates';
import { AGREEMENT_ITEMS, PARTNERSHIP_CATEGORIES, RUNNING_PRACTICES, SUCCESS_METRICS, partnershipType } from '../../core/domain';
import type { AgreementChecklist } from './protocol';
import type { PanelContext } from '../../webview/protocol';
import { agreementItemTitle, categoryTitle, contextLabelText, durationTitle, typeText } from '../../webview/domainText';

export type Side = 'yours' | 'theirs';

/** The checklist with every part present, so the page can edit it in place. */
export function completeChecklist(c: AgreementChecklist): AgreementChecklist {
  const st = c.state as AgreementState;
  st.contributions ??= { yours: [], theirs: [] };
  st.contributions.yours ??= [];
  st.contributions.theirs ??= [];
  st.contacts ??= { yours: '', theirs: '' };
  st.owners ??= { yours: '', theirs: '' };
  st.practices ??= {};
  st.metrics ??= [];
  if (st.metrics.length === 0) st.metrics.push({ metric: '', target: '' });
  return c;
}

function sideName(c: AgreementChecklist, side: Side): string {
  return c.sides[side].trim();
}

/** The labels that name a side: they follow the names as they are typed. */
export function sideLabels(c: AgreementChecklist): Record<'yoursWill' | 'theirsWill' | 'yourContact' | 'theirContact' | 'yourOwner' | 'theirOwner', string> {
  const yours = sideName(c, 'yours');
  const theirs = sideName(c, 'theirs');
  return {
    yoursWill: yours ? l10n.t('{0} will', yours) : l10n.t('Your community will'),
    theirsWill: theirs ? l10n.t('{0} will', theirs) : l10n.t('The partner will'),
    yourContact: yours ? l10n.t('Primary contact for {0}', yours) : l10n.t('Your primary contact'),
    theirContact: theirs ? l10n.t('Primary contact for {0}', theirs) : l10n.t("The partner's primary contact"),
    yourOwner: yours ? l10n.t('Owner for {0}', yours) : l10n.t('Your owner'),
    theirOwner: theirs ? l10n.t('Owner for {0}', theirs) : l10n.t("The partner's owner"),
  };
}

export interface NavItem {
  id: string;
  title: string;
  done: boolean;
  /** What a screen reader says for the step. */
  ariaLabel: string;
  /** The section it scrolls to. */
  target: string;
}

export interface SectionStatus {
  done: boolean;
  text: string;
}

export interface ProgressView {
  done: number;
  total: number;
  text: string;
  nav: NavItem[];
  sections: Record<AgreementItemId | 'running', SectionStatus>;
}

export function progressView(c: AgreementChecklist): ProgressView {
  const p = agreementProgress(c.state as AgreementState);
  const isItem = (id: string) => AGREEMENT_ITEMS.some((i) => i.id === id);
  const nav = p.items.map((item) => {
    const title = agreementItemTitle(item.id);
    return {
      id: item.id,
      title,
      done: item.done,
      ariaLabel: item.done ? l10n.t('{0}: done', title) : l10n.t('{0}: still to fill: {1}', title, item.missing.join(', ')),
      target: `item-${isItem(item.id) ? item.id : 'running'}`,
    };
  });
  const sections = {} as Record<AgreementItemId | 'running', SectionStatus>;
  for (const i of AGREEMENT_ITEMS) {
    const item = p.items.find((x) => x.id === i.id)!;
    sections[i.id] = item.done ? { done: true, text: l10n.t('Done') } : { done: false, text: l10n.t('Still to fill: {0}', item.missing.join(', ')) };
  }
  const practices = p.items.filter((i) => i.kind === 'practice');
  const agreed = practices.filter((i) => i.done).length;
  sections.running = agreed === practices.length ? { done: true, text: l10n.t('Done') } : { done: false, text: l10n.t('{0} of {1} agreed', agreed, practices.length) };
  return { done: p.done, total: p.total, text: l10n.t('{0} of {1} agreed', p.done, p.total), nav, sections };
}

export interface Option {
  value: string;
  label: string;
  description?: string;
}

/**
 * The partnership types. The value is the English title, as the checklist keeps it and the
 * agreement document writes it; the label is in the display language.
 */
export function typeOptions(): Option[] {
  return [
    { value: '', label: l10n.t('Choose…') },
    ...PARTNERSHIP_CATEGORIES.flatMap((c) => c.types.map((t) => ({ value: t.title as string, label: typeText(t.id).title, description: categoryTitle(c.id) }))),
  ];
}

/** The type as the select shows it: the state may hold the type's id or its title. */
export function selectedType(c: AgreementChecklist): string {
  const type = (c.state as AgreementState).collaboration?.type ?? '';
  return partnershipType(type)?.title ?? type;
}

export function durationOptions(): Option[] {
  return [{ value: '', label: l10n.t('Choose…') }, ...DURATIONS.map((d) => ({ value: d as string, label: durationTitle(d) }))];
}

/** A date field's problem, if what is typed is not a date as the agreement writes it (YYYY-MM-DD). */
export function dateProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || isIsoDate(t)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? l10n.t('{0} is not a real date.', t) : l10n.t('Write the date as YYYY-MM-DD, such as 2026-03-01.');
}

/** The metric names the playbook tracks, offered as suggestions (the document writes them as they are). */
export function metricSuggestions(): string[] {
  return SUCCESS_METRICS.map((m) => m.title);
}

/** The running practices that are ticked (the owners are fields of their own). */
export function practiceBoxes(c: AgreementChecklist): { id: RunningPracticeId; label: string; checked: boolean }[] {
  const practices = (c.state as AgreementState).practices ?? {};
  return RUNNING_PRACTICES.filter((p) => p.id !== 'owners').map((p) => ({ id: p.id, label: agreementItemTitle(p.id), checked: !!practices[p.id] }));
}

/** Under "Your community": that the name came from the context, while it still is the context's. */
export function fromContextHint(c: AgreementChecklist, ctx: PanelContext | undefined): string | undefined {
  const name = ctx?.state === 'ok' ? ctx.values['Community Name'] : undefined;
  return name && c.sides.yours === name ? l10n.t('From your context: {0}', contextLabelText('Community Name')) : undefined;
}

/**
 * The context changed: the community's own name follows it until the user types their own.
 * True when the checklist changed.
 */
export function followContext(c: AgreementChecklist, before: PanelContext | undefined, after: PanelContext): boolean {
  const was = before?.values['Community Name'] ?? '';
  const now = after.values['Community Name'] ?? '';
  const follows = c.sides.yours === '' || c.sides.yours === was;
  if (!follows || !now || c.sides.yours === now) return false;
  c.sides.yours = now;
  return true;
}

/** One contribution a line; an empty line is dropped when the document is written. */
export function lines(v: readonly string[] | undefined): string {
  return (v ?? []).join('\n');
}

export function agreementText() {
  return {
    title: l10n.t('Partnership agreement'),
    description: l10n.t(
      'The five things both sides agree on, and five practices for running the partnership. Kept for this workspace as you type; generate the Markdown document when you are ready.',
    ),
    form: l10n.t('Agreement'),
    progress: l10n.t('Agreement progress'),
    fiveItems: l10n.t('The five items'),
    runningIt: l10n.t('Running it'),
    partnership: l10n.t('The partnership'),
    yourCommunity: l10n.t('Your community'),
    partnerCommunity: l10n.t('Partner community'),
    partnerPlaceholder: l10n.t('such as Design Systems Guild'),
    type: l10n.t('Partnership type'),
    topic: l10n.t('Topic'),
    topicPlaceholder: l10n.t('such as design tokens in APIs'),
    topicHint: l10n.t('What the collaboration is about, in a few words.'),
    section: (n: number, id: AgreementItemId) => l10n.t('{0}. {1}', n, agreementItemTitle(id)),
    yoursPlaceholder: l10n.t('For example: promote the event to our members'),
    theirsPlaceholder: l10n.t('For example: provide a speaker and the venue'),
    onePerLine: l10n.t('One contribution per line.'),
    duration: l10n.t('Duration'),
    start: l10n.t('Start date'),
    review: l10n.t('Review date'),
    datePlaceholder: l10n.t('YYYY-MM-DD'),
    reviewHint: l10n.t('When you decide together whether to continue.'),
    metric: (n: number) => l10n.t('Metric {0}', n),
    metricPlaceholder: l10n.t('Cross-community joins'),
    metricHint: (names: string) => l10n.t('The playbook tracks: {0}.', names),
    target: l10n.t('Target'),
    targetPlaceholder: l10n.t('such as 50 new members in 3 months'),
    removeMetric: l10n.t('Remove this metric'),
    removeMetricN: (n: number) => l10n.t('Remove metric {0}', n),
    addMetric: l10n.t('Add Metric'),
    contactPlaceholder: l10n.t('Name and email'),
    cadence: l10n.t('Check-in cadence'),
    cadencePlaceholder: l10n.t('such as a monthly call'),
    cadenceHint: l10n.t('The playbook suggests a monthly call or a bi-weekly async update.'),
    notice: l10n.t('Notice period'),
    noticeHint: l10n.t('Either side can end the partnership with this much notice, in writing.'),
    runningDescription: l10n.t('Five practices that keep a partnership alive. Tick what both sides agreed to.'),
    ownerPlaceholder: l10n.t('Defaults to the primary contact'),
    generate: l10n.t('Generate Agreement'),
    saveAs: l10n.t('Save to File…'),
    clear: l10n.t('Clear Checklist'),
    readOnly: l10n.t('Restricted Mode: the agreement can be opened as a new document, but nothing is written to the workspace.'),
  };
}
