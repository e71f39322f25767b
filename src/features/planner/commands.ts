import * as vscode from 'vscode';
import { PARTNERSHIP_CATEGORIES, SUCCESS_METRICS, type PartnershipTypeId, type SuccessMetricId } from '../../core/domain';
import { appendCheckIn, appendMetric, isRecordDate, recordContextInput, recordFileName, toMeasure, WORTH_CONTINUING, type WorthContinuing } from '../../core/records';
import { TEXT_LANGUAGES, TEXT_LANGUAGE_NAMES, textLanguage, type TextLanguage } from '../../core/textLanguage';
import type { TextLanguageStore } from '../../host/textLanguage';
import { categoryTitle, metricTitle, metricTracked, stageLabel, typeHint, typeTitle, worthLabel } from '../../core/planner/labels';
import { communityName } from '../../core/context/name';
import { mayWrite } from '../../host/trust';
import { dateProblem } from '../../core/dates';
import { pickFolder } from '../../host/folders';
import { openMarkdownDocument } from '../../host/partnershipPanels';
import type { RecordService, WriteOutcome } from '../records/api';
import { pickPartnership, pickText } from './pick';
import type { Deps } from '../../host/deps';

const TYPE_IDS = new Set<string>(PARTNERSHIP_CATEGORIES.flatMap((c) => c.types.map((t) => t.id)));
const METRIC_IDS = new Set<string>(SUCCESS_METRICS.map((m) => m.id));

function options<T>(raw: unknown): Partial<T> {
  return raw && typeof raw === 'object' && !(raw instanceof vscode.Uri) ? (raw as Partial<T>) : {};
}

export interface NewPartnershipOptions {
  partner: string;
  community: string;
  types: string[];
}

export interface LogMetricOptions {
  metric: string;
  value: number | string;
  date: string;
  note: string;
}

export interface LogCheckInOptions {
  date: string;
  notes: string;
  worthContinuing: WorthContinuing;
}

/** What the planner's commands work with. */
interface CommandContext {
  readonly service: RecordService;
  readonly deps: Deps;
  /** Selects a record in the planner view. */
  readonly onSelect: (id: string) => void;
  /** The record the planner view shows, if any: the likely pick. */
  readonly preferred: () => string | undefined;
  /** The language of the text last picked (pitch, agreement, report): the report's first offer. */
  readonly textLanguage?: TextLanguageStore;
}

/**
 * The planner's commands. Each asks what it needs through quick inputs; given an options
 * object (a keybinding, a task, a test) it uses those values and asks nothing.
 */
export function plannerCommands(service: RecordService, deps: Deps, onSelect: (id: string) => void, preferred: () => string | undefined = () => undefined, textLanguage?: TextLanguageStore) {
  const c: CommandContext = { service, deps, onSelect, preferred, textLanguage };
  return {
    newPartnership: (arg?: unknown, raw?: unknown) => newPartnership(c, arg, raw),
    logMetric: (arg?: unknown, raw?: unknown) => logMetric(c, arg, raw),
    logCheckIn: (arg?: unknown, raw?: unknown) => logCheckIn(c, arg, raw),
    exportReport: (arg?: unknown, raw?: unknown) => exportReport(c, arg, raw),
  };
}

function report(outcome: WriteOutcome, done: string): boolean {
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(outcome.message);
    return false;
  }
  if (outcome.inEditor) void vscode.window.showInformationMessage(vscode.l10n.t('{0} The change is in the open editor, beside your unsaved edits: save the file when ready.', done));
  else void vscode.window.setStatusBarMessage(`$(check) ${done}`, 4000);
  return true;
}

function pickRecord(c: CommandContext, arg: unknown, placeHolder: string, title?: string): Promise<string | undefined> {
  return pickPartnership(c.service, { arg, placeHolder, title, preferred: c.preferred() });
}

function askDate(c: CommandContext, title: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Date, written YYYY-MM-DD'),
    value: c.service.today(),
    ignoreFocusOut: true,
    validateInput: (v) => dateProblem(v.trim()),
  });
}

async function newPartnership(c: CommandContext, arg?: unknown, raw?: unknown): Promise<vscode.Uri | undefined> {
  const plainArg = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && !('uri' in arg) ? arg : undefined;
  const given = options<NewPartnershipOptions>(raw ?? plainArg);
  const folder = await pickFolder(arg, vscode.l10n.t('Create the partnership record in which folder?'));
  if (!folder || !mayWrite()) return undefined;
  const answers = await askNewPartnership(given);
  if (!answers) return undefined;
  const { partner, community, types } = answers;
  const ctx = c.deps.contexts.get(folder);
  // A chunk of its own (src/implementations.ts): the pitch's texts load with the first new record.
  const { newRecordText } = c.deps.loadChunk('newRecord') as typeof import('../../core/records/newRecord');
  const text = newRecordText({
    partner,
    community: community.trim() || undefined,
    types,
    today: c.service.today(),
    ...recordContextInput(ctx?.state === 'ok' ? ctx.parsed : undefined),
  });
  const root = c.service.roots().find((r) => r.folder.uri.toString() === folder.uri.toString());
  if (!root) return undefined;
  const made = await c.service.createRecord(root, recordFileName(partner).replace(/\.md$/, ''), text);
  if (!made.ok) {
    void vscode.window.showErrorMessage(made.message);
    return undefined;
  }
  const { uri, id } = made;
  await vscode.window.showTextDocument(uri, { preview: false });
  c.onSelect(id);
  return uri;
}

/** The three questions of New Partnership (those not given); undefined when one is dismissed. */
async function askNewPartnership(given: Partial<NewPartnershipOptions>): Promise<{ partner: string; community: string; types: PartnershipTypeId[] } | undefined> {
  const partner =
    given.partner ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Partnership ({0}/{1})', 1, 3),
      prompt: vscode.l10n.t("The partner's name"),
      placeHolder: vscode.l10n.t('such as Design Systems Guild'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A partnership needs a partner name.')),
    }));
  if (!partner?.trim()) return undefined;
  const community =
    given.community ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Partnership ({0}/{1})', 2, 3),
      prompt: vscode.l10n.t('Their community (optional): where their members are'),
      placeHolder: vscode.l10n.t('such as {0} Slack', partner.trim()),
      ignoreFocusOut: true,
    }));
  if (community === undefined) return undefined;
  let types = given.types?.filter((t) => TYPE_IDS.has(t)) as PartnershipTypeId[] | undefined;
  if (!types) {
    const items: (vscode.QuickPickItem & { id?: PartnershipTypeId })[] = [];
    for (const c of PARTNERSHIP_CATEGORIES) {
      items.push({ label: categoryTitle(c.id), kind: vscode.QuickPickItemKind.Separator });
      for (const t of c.types) items.push({ label: typeTitle(t.id), description: typeHint(t.id), id: t.id });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('New Partnership ({0}/{1})', 3, 3),
      placeHolder: vscode.l10n.t('Partnership types: pick one or more (you can change them in the file later)'),
      canPickMany: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    types = picked.flatMap((p) => (p.id ? [p.id] : []));
  }
  return { partner, community, types };
}

async function logMetric(c: CommandContext, arg?: unknown, raw?: unknown): Promise<WriteOutcome | undefined> {
  const given = options<LogMetricOptions>(raw);
  if (!mayWrite()) return undefined;
  const id = await pickRecord(c, arg, vscode.l10n.t('Log a metric for which partnership?'), vscode.l10n.t('Log Metric ({0}/{1})', 1, 5));
  if (!id) return undefined;
  let metric = given.metric && METRIC_IDS.has(given.metric) ? (given.metric as SuccessMetricId) : undefined;
  if (!metric) {
    const picked = await vscode.window.showQuickPick(
      SUCCESS_METRICS.map((m) => ({ label: metricTitle(m.id), detail: vscode.l10n.t('Tracked: {0}', metricTracked(m.id)), id: m.id })),
      { title: vscode.l10n.t('Log Metric ({0}/{1})', 2, 5), placeHolder: vscode.l10n.t('Which success metric?'), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    metric = picked.id;
  }
  let value = given.value !== undefined ? toMeasure(given.value) : undefined;
  if (value === undefined) {
    const hint =
      metric === 'event-attendance'
        ? vscode.l10n.t('Percent of attendees from the other community, such as 45')
        : metric === 'newsletter-open-rate'
          ? vscode.l10n.t('Percent of recipients who opened the partner feature, such as 15')
          : metric === 'feature-activation'
            ? vscode.l10n.t('Percent of members who used the integrated feature, such as 30')
            : metric === 'content-engagement'
              ? vscode.l10n.t('Times your usual engagement, such as 2.5')
              : vscode.l10n.t('A number, such as 85');
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Log Metric ({0}/{1})', 3, 5),
      prompt: hint,
      ignoreFocusOut: true,
      validateInput: (v) => (toMeasure(v) === undefined ? vscode.l10n.t('Write one number, such as 85, 45%, 2.5x or .5 (1,5 is read as 1.5).') : undefined),
    });
    if (text === undefined) return undefined;
    value = toMeasure(text);
    if (value === undefined) return undefined;
  }
  const date = await entryDate(c, given.date, vscode.l10n.t('Log Metric ({0}/{1}): when was it measured?', 4, 5));
  if (!date) return undefined;
  const note = given.note ?? (raw ? undefined : await vscode.window.showInputBox({ title: vscode.l10n.t('Log Metric ({0}/{1})', 5, 5), prompt: vscode.l10n.t('A note (optional), such as “after the March swap”'), ignoreFocusOut: true }));
  if (note === undefined && !raw) return undefined;
  const outcome = await c.service.write(id, (t) => appendMetric(t, { date: date.trim(), metric: metric!, value: value!, ...(note?.trim() ? { note: note.trim() } : {}) }));
  report(outcome, vscode.l10n.t('Metric logged.'));
  if (outcome.ok) c.onSelect(id);
  return outcome;
}

/** The date of a new entry, given or asked, checked: undefined (and said) when there is none to log. */
async function entryDate(c: CommandContext, given: string | undefined, title: string): Promise<string | undefined> {
  const date = given ?? (await askDate(c, title));
  if (!date) return undefined;
  if (!isRecordDate(date.trim())) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was logged: {0}', dateProblem(date.trim()) ?? ''));
    return undefined;
  }
  return date;
}

async function logCheckIn(c: CommandContext, arg?: unknown, raw?: unknown): Promise<WriteOutcome | undefined> {
  const given = options<LogCheckInOptions>(raw);
  if (!mayWrite()) return undefined;
  const id = await pickRecord(c, arg, vscode.l10n.t('Log a check-in for which partnership?'), vscode.l10n.t('Log Check-in ({0}/{1})', 1, 4));
  if (!id) return undefined;
  const date = await entryDate(c, given.date, vscode.l10n.t('Log Check-in ({0}/{1}): when did you meet?', 2, 4));
  if (!date) return undefined;
  const notes = given.notes ?? (raw ? undefined : await vscode.window.showInputBox({ title: vscode.l10n.t('Log Check-in ({0}/{1})', 3, 4), prompt: vscode.l10n.t('Notes: the numbers, what worked, what did not, next steps'), ignoreFocusOut: true }));
  if (notes === undefined && !raw) return undefined;
  let worth = given.worthContinuing && (WORTH_CONTINUING as readonly string[]).includes(given.worthContinuing) ? given.worthContinuing : undefined;
  if (!worth && !raw) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: worthLabel('yes'), id: 'yes' as const },
        { label: worthLabel('unsure'), id: 'unsure' as const },
        { label: worthLabel('no'), id: 'no' as const },
      ],
      { title: vscode.l10n.t('Log Check-in ({0}/{1})', 4, 4), placeHolder: vscode.l10n.t('Is this partnership worth continuing?'), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    worth = picked.id;
  }
  const outcome = await c.service.write(id, (t) => appendCheckIn(t, { date: date.trim(), ...(notes?.trim() ? { notes: notes.trim() } : {}), ...(worth ? { worthContinuing: worth } : {}) }));
  report(outcome, vscode.l10n.t('Check-in logged.'));
  if (outcome.ok) c.onSelect(id);
  return outcome;
}

/**
 * Which version of the report, in which language: given (a keybinding, a test: the team version
 * in the language given, else the one last picked), or asked. The question offers each version in
 * the language last picked for a partner text first, then in the other; the pick is remembered.
 */
async function reportVersion(c: CommandContext, given: Partial<{ audience: 'partner' | 'team'; language: TextLanguage }>, raw: unknown): Promise<{ audience: 'partner' | 'team'; language: TextLanguage } | undefined> {
  const remembered = c.textLanguage?.get() ?? 'en';
  const language = textLanguage(given.language) ?? remembered;
  const audience = given.audience === 'partner' || given.audience === 'team' ? given.audience : raw !== undefined ? 'team' : undefined;
  if (audience) return { audience, language };
  type Item = vscode.QuickPickItem & { audience?: 'partner' | 'team'; language?: TextLanguage };
  const versions = (l: TextLanguage): Item[] => [
    { label: TEXT_LANGUAGE_NAMES[l], kind: vscode.QuickPickItemKind.Separator },
    { label: vscode.l10n.t('To share with the partner'), description: TEXT_LANGUAGE_NAMES[l], detail: vscode.l10n.t('Stages, metrics and check-in dates, without your scores or your check-in notes'), audience: 'partner' as const, language: l },
    { label: vscode.l10n.t('For your team'), description: TEXT_LANGUAGE_NAMES[l], detail: vscode.l10n.t('Everything, with the partner scorecard and the check-in notes'), audience: 'team' as const, language: l },
  ];
  const picked = await vscode.window.showQuickPick([...versions(remembered), ...TEXT_LANGUAGES.filter((l) => l !== remembered).flatMap(versions)], {
    title: vscode.l10n.t('Export Partnership Report ({0}/{1})', 2, 2),
    placeHolder: vscode.l10n.t('Which version of the report, in which language?'),
    matchOnDescription: true,
  });
  if (!picked?.audience || !picked.language) return undefined;
  if (picked.language !== remembered) await c.textLanguage?.set(picked.language);
  return { audience: picked.audience, language: picked.language };
}

async function exportReport(c: CommandContext, arg?: unknown, raw?: unknown): Promise<vscode.TextDocument | undefined> {
  const given = options<{ all: boolean; audience: 'partner' | 'team'; language: TextLanguage }>(raw);
  await c.service.ensureLoaded();
  const readable = c.service.index.all().filter((r) => !r.summary.broken);
  if (readable.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no partnership records to report on yet.'));
    return undefined;
  }
  let ids: string[] | undefined;
  const one = typeof arg === 'string' ? (c.service.index.get(arg) ? arg : undefined) : arg instanceof vscode.Uri ? c.service.idOf(arg) : undefined;
  if (given.all) ids = readable.map((r) => r.id);
  else if (one && raw !== undefined) ids = [one];
  else {
    // The record in the active editor (or selected in the planner) comes first: the likely pick.
    const active = vscode.window.activeTextEditor?.document.uri;
    const current = one ?? (active && c.service.idOf(active)) ?? c.preferred();
    const first = readable.find((r) => r.id === current);
    const item = (r: (typeof readable)[number]) => ({ label: pickText(r.summary.partner), description: r.summary.stage && stageLabel(r.summary.stage), ids: [r.id] });
    const picked = await vscode.window.showQuickPick(
      [
        ...(first ? [{ ...item(first), description: first.summary.stage ? vscode.l10n.t('{0} · current', stageLabel(first.summary.stage)) : vscode.l10n.t('current') }] : []),
        { label: `$(list-unordered) ${vscode.l10n.t('All partnerships')}`, description: `${readable.length}`, ids: readable.map((r) => r.id) },
        { label: '', kind: vscode.QuickPickItemKind.Separator, ids: [] as string[] },
        ...readable.filter((r) => r !== first).map(item),
      ],
      { title: vscode.l10n.t('Export Partnership Report ({0}/{1})', 1, 2), placeHolder: vscode.l10n.t('Export a report of which partnerships?'), matchOnDescription: true },
    );
    ids = picked?.ids;
  }
  if (!ids?.length) return undefined;
  const version = await reportVersion(c, given, raw);
  if (!version) return undefined;
  const { audience, language } = version;
  // The index keeps digests: the report reads the whole records.
  const records = (await c.service.loader.openAll(ids)).flatMap((p) => (p?.ok ? [p.record] : []));
  const ctx = c.deps.contexts.active();
  // A chunk of its own (src/implementations.ts), loaded by the first report.
  const { renderReport } = c.deps.loadChunk('report') as typeof import('../../core/planner/report');
  const content = renderReport(records, { today: c.service.today(), communityName: ctx?.state === 'ok' ? communityName(ctx.parsed) : undefined, audience, language });
  // Not in the first group: the report goes where the user is, in the active group.
  return (await openMarkdownDocument(content, { preview: false })).document;
}
