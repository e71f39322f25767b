// Loaded on the first private overlap command: Start, Answer and Finish Private Overlap, the
// editor's side of the protocol in src/core/psi (the same code as the command-line entry point).
// The maths runs on worker threads in the Node host, and in batches on the web worker host's
// own thread; the starter's secret waits in VS Code's secret storage, never in a file.
import * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import { measureTools, type MeasureTools, type PlannerAccess } from '../measure/api';
import { mappingIndexes, type ColumnMapping } from '../../core/measure/mapping';
import { normaliseEmail } from '../../core/measure/email';
import {
  ExchangeError,
  MemberEmails,
  PointError,
  PsiCancelled,
  answerOverlap,
  finishAnswer,
  finishStart,
  readExchange,
  readSecret,
  secretText,
  startOverlap,
  stepOf,
  writeExchange,
  type StepOptions,
} from '../../core/psi';
import { groupWork } from '../../platform/psiWork';
import { randomBytes } from '../../platform/sha256';

export interface PrivateOverlapApi {
  start(arg?: unknown, options?: unknown): Promise<unknown>;
  answer(arg?: unknown, options?: unknown): Promise<unknown>;
  finish(arg?: unknown, options?: unknown): Promise<unknown>;
}

/** Options a test, a task or a keybinding passes to run a command without asking. */
interface Given {
  members?: string | vscode.Uri;
  /** The file from the partner: its start file (Answer), its answer or result file (Finish). */
  received?: string | vscode.Uri;
  /** Your own answer file, when you answered and now finish. */
  answer?: string | vscode.Uri;
  output?: string | vscode.Uri;
  mapping?: ColumnMapping;
  date?: string;
  setScore?: boolean;
}

function given(raw: unknown): Given {
  return raw && typeof raw === 'object' && !(raw instanceof vscode.Uri) ? (raw as Given) : {};
}

const secretKey = (run: string) => `communityPartnerships.privateOverlap.${run}`;
/** Workspace state: run id → the answer file written here, for the answering side's finish. */
const ANSWERS_KEY = 'communityPartnerships.privateOverlap.answers';
const CSV_FILTERS = { 'CSV exports': ['csv', 'tsv', 'txt'], 'All files': ['*'] };
const OVERLAP_FILTERS = { 'Private overlap files': ['json'], 'All files': ['*'] };
/** A file of 16 million points is about 1.1 GB: nothing larger is read. */
const MAX_FILE_BYTES = 1_500_000_000;

/** What the private overlap's commands share: the extension's context, the deps and the measure helpers once bound. */
interface Overlap {
  readonly context: vscode.ExtensionContext;
  readonly deps: Deps;
  /** The measures' helpers (src/features/measure/api.ts) on the planner's service; set by `bind`. */
  bound?: MeasureTools;
}

export function activate(context: vscode.ExtensionContext, deps: Deps): PrivateOverlapApi & { bind(planner: PlannerAccess): void } {
  const o: Overlap = { context, deps };
  return {
    bind: (planner) => {
      o.bound = measureTools(context, deps, planner);
    },
    start: (arg, raw) => start(o, arg, raw),
    answer: (arg, raw) => answer(o, arg, raw),
    finish: (arg, raw) => finish(o, arg, raw),
  };
}

function tools(o: Overlap): MeasureTools {
  if (!o.bound) throw new Error('The measure tools are not bound.');
  return o.bound;
}

function rel(uri: vscode.Uri) {
  return vscode.workspace.asRelativePath(uri);
}

/** Your member list's distinct emails (the column mapping asked as for every export). */
async function readMembers(o: Overlap, uri: vscode.Uri, mapping: ColumnMapping | undefined): Promise<{ emails: string[]; skipped: number } | undefined> {
  const read = await tools(o).readExport(uri, vscode.l10n.t('Reading your member list'), { roles: ['email', 'name', 'date'], required: ['email'], given: mapping }, (header, m) => {
    const at = mappingIndexes(header, m);
    const list = new MemberEmails({ email: at.email!, headerLength: header.length });
    // A file of one email a line has no header: its first line is a member.
    if (normaliseEmail(header[at.email!] ?? '').ok) list.add([{ line: 1, fields: header }]);
    return { add: (rows) => list.add(rows), done: () => list };
  });
  if (!read) return undefined;
  const skipped = tools(o).logBadRows(rel(uri), read.value.stats.bad, read.summary.problems);
  return { emails: [...read.value.emails], skipped };
}

/** A protocol file's text, read as exports are (no link followed, an editor's unsaved text wins). */
async function readText(o: Overlap, uri: vscode.Uri): Promise<string | undefined> {
  const opened = await tools(o).openExport(uri);
  if ('message' in opened) {
    void vscode.window.showErrorMessage(opened.message);
    return undefined;
  }
  if (opened.size > MAX_FILE_BYTES) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is too large to be a private overlap file.', rel(uri)));
    return undefined;
  }
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of opened.chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Reads a protocol file as `step`, or says why it cannot be used. */
function readStep<S extends 1 | 2 | 3>(uri: vscode.Uri, text: string, step: S, run?: string) {
  try {
    return readExchange(text, step, run);
  } catch (err) {
    if (!(err instanceof ExchangeError)) throw err;
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be used: {1}.', rel(uri), err.message));
    return undefined;
  }
}

/** The maths with a cancellable progress notification; undefined when cancelled or a point is refused. */
function compute<T>(title: string, body: (o: StepOptions) => Promise<T>): Thenable<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      let reported = 0;
      const { work, parallel } = groupWork();
      const o: StepOptions = {
        work,
        parallel,
        random: randomBytes,
        cancelled: () => token.isCancellationRequested,
        progress: (done, total) => {
          const pct = total ? (done / total) * 100 : 100;
          if (pct - reported < 1 && done !== total) return;
          progress.report({ increment: pct - reported, message: `${Math.round(pct)}%` });
          reported = pct;
        },
      };
      try {
        return await body(o);
      } catch (err) {
        if (err instanceof PsiCancelled) {
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Cancelled: nothing was written.'), 4000);
          return undefined;
        }
        if (err instanceof PointError || err instanceof ExchangeError) {
          void vscode.window.showErrorMessage(vscode.l10n.t("The partner's file cannot be used: {0}.", err.message));
          return undefined;
        }
        throw err;
      }
    });
}

function answers(o: Overlap): Record<string, string> {
  return o.context.workspaceState.get<Record<string, string>>(ANSWERS_KEY) ?? {};
}

function start(o: Overlap, arg?: unknown, raw?: unknown) {
  return tools(o).run('Start Private Overlap', async () => {
      const g = given(raw);
      const t = tools(o);
      if (!t.trusted()) return undefined;
      const s = await t.service();
      const id = await t.pickRecord(s, arg, vscode.l10n.t('Start a private overlap with which partnership?'));
      if (!id) return undefined;
      const file = await t.pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or one email a line)'), CSV_FILTERS);
      if (!file) return undefined;
      const members = await readMembers(o, file, g.mapping);
      if (!members) return undefined;
      const started = await compute(vscode.l10n.t('Blinding your member list'), (o) => startOverlap(members.emails, o));
      if (!started) return undefined;
      const out = await t.pickOutput(g.output, `${t.fileStem(s, id)}-overlap-start.json`, vscode.l10n.t('Save the start file for the partner'), OVERLAP_FILTERS);
      if (!out) return undefined;
      if (!(await t.writeOutput(out, writeExchange(started.file)))) return undefined;
      await o.context.secrets.store(secretKey(started.file.run), JSON.stringify({ record: id, secret: secretText(started.secret) }));
      o.deps.log.info(`Private overlap ${started.file.run} started for ${id}: ${started.file.startCount} members; the secret is in the secret storage`);
      const partner = s.index.get(id)?.summary.partner ?? '';
      t.showSkipped(
        vscode.l10n.t('Start file written to {0}: {1} members, blinded and shuffled (no email, no hash). Send it to {2}; the secret that finishes the run stays in VS Code on this machine.', rel(out), started.file.startCount.toLocaleString(), partner) + t.skippedNote(members.skipped),
        members.skipped,
      );
      return { file: out, run: started.file.run, members: started.file.startCount, skipped: members.skipped };
    });
}

function answer(o: Overlap, arg?: unknown, raw?: unknown) {
  return tools(o).run('Answer Private Overlap', async () => {
      const g = given(raw);
      const t = tools(o);
      if (!t.trusted()) return undefined;
      const s = await t.service();
      const id = await t.pickRecord(s, arg, vscode.l10n.t('Answer a private overlap for which partnership?'));
      if (!id) return undefined;
      const received = await t.pickFile(g.received, vscode.l10n.t("The partner's start file"), OVERLAP_FILTERS);
      if (!received) return undefined;
      const text = await readText(o, received);
      if (text === undefined) return undefined;
      const startFile = readStep(received, text, 1);
      if (!startFile) return undefined;
      const file = await t.pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or one email a line)'), CSV_FILTERS);
      if (!file) return undefined;
      const members = await readMembers(o, file, g.mapping);
      if (!members) return undefined;
      const answered = await compute(vscode.l10n.t("Blinding your list and the partner's"), (o) => answerOverlap(startFile, members.emails, o));
      if (!answered) return undefined;
      const out = await t.pickOutput(g.output, `${t.fileStem(s, id)}-overlap-answer.json`, vscode.l10n.t('Save the answer file for the partner'), OVERLAP_FILTERS);
      if (!out) return undefined;
      if (!(await t.writeOutput(out, writeExchange(answered)))) return undefined;
      await o.context.workspaceState.update(ANSWERS_KEY, { ...answers(o), [answered.run]: out.toString() });
      const partner = s.index.get(id)?.summary.partner ?? '';
      t.showSkipped(
        vscode.l10n.t('Answer file written to {0}: send it back to {1} and keep it. With their result file, Finish Private Overlap gives you the same count.', rel(out), partner) + t.skippedNote(members.skipped),
        members.skipped,
      );
      return { file: out, run: answered.run, members: answered.answerCount, skipped: members.skipped };
    });
}

function finish(o: Overlap, arg?: unknown, raw?: unknown) {
  return tools(o).run('Finish Private Overlap', async () => {
      const g = given(raw);
      const t = tools(o);
      if (!t.trusted()) return undefined;
      const s = await t.service();
      const id = await t.pickRecord(s, arg, vscode.l10n.t('Finish a private overlap for which partnership?'));
      if (!id) return undefined;
      const received = await t.pickFile(g.received, vscode.l10n.t("The partner's answer file (you started) or result file (you answered)"), OVERLAP_FILTERS);
      if (!received) return undefined;
      const text = await readText(o, received);
      if (text === undefined) return undefined;
      return stepOf(text) === 3 ? finishAnswered(o, s, id, g, received, text) : finishStarted(o, s, id, g, received, text);
    });
}

/** You started: the partner's answer, your secret, the count logged and the result file written for the partner. */
async function finishStarted(o: Overlap, s: Awaited<ReturnType<MeasureTools['service']>>, id: string, g: Given, received: vscode.Uri, text: string) {
  const t = tools(o);
  const answerFile = readStep(received, text, 2);
  if (!answerFile) return undefined;
  const stored = await o.context.secrets.get(secretKey(answerFile.run));
  if (!stored) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} answers run {1}, which was not started in this VS Code or is finished already: the secret to finish it is not here.', rel(received), answerFile.run));
    return undefined;
  }
  const secret = readSecret((JSON.parse(stored) as { secret: string }).secret);
  const finished = await compute(vscode.l10n.t('Counting the members in both'), (o) => finishStart(answerFile, secret, o));
  if (!finished) return undefined;
  const out = await t.pickOutput(g.output, `${t.fileStem(s, id)}-overlap-result.json`, vscode.l10n.t('Save the result file for the partner'), OVERLAP_FILTERS);
  if (!out) return undefined;
  if (!(await t.writeOutput(out, writeExchange(finished.file)))) return undefined;
  await o.context.secrets.delete(secretKey(answerFile.run));
  void vscode.window.showInformationMessage(vscode.l10n.t('Result file written to {0}: send it to the partner, who counts the same from it.', rel(out)));
  // The record says which file the count came from: the partner's answer.
  const logged = await t.logOverlap(s, id, finished.overlap, g, 'private set intersection', 0, [received]);
  return logged && { ...logged, role: 'start', file: out };
}

/** You answered: your own answer file and the partner's result give the count, checked against theirs. */
async function finishAnswered(o: Overlap, s: Awaited<ReturnType<MeasureTools['service']>>, id: string, g: Given, received: vscode.Uri, text: string) {
  const t = tools(o);
  const resultFile = readStep(received, text, 3);
  if (!resultFile) return undefined;
  const remembered = answers(o)[resultFile.run];
  const own = t.toUri(g.answer) ?? (remembered ? vscode.Uri.parse(remembered) : await t.pickFile(undefined, vscode.l10n.t('Your answer file of this run'), OVERLAP_FILTERS));
  if (!own) return undefined;
  const ownText = await readText(o, own);
  if (ownText === undefined) return undefined;
  const answerFile = readStep(own, ownText, 2, resultFile.run);
  if (!answerFile) return undefined;
  const counted = await compute(vscode.l10n.t('Counting the members in both'), (o) => finishAnswer(answerFile, resultFile, o));
  if (!counted) return undefined;
  if (!counted.agreed) void vscode.window.showWarningMessage(vscode.l10n.t("The partner's result file says {0} members are in both, but it counts {1} here: one of the files was changed. The count made here is logged.", resultFile.overlap, counted.overlap.shared));
  const logged = await t.logOverlap(s, id, counted.overlap, g, 'private set intersection', 0, [own, received]);
  return logged && { ...logged, role: 'answer', agreed: counted.agreed };
}

