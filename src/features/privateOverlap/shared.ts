// What Start, Answer and Finish Private Overlap share: the options given, the protocol files read
// and checked, and the maths run with a cancellable progress. The maths runs on worker threads in
// the Node host, and in batches on the web worker host's own thread.
import * as vscode from 'vscode';
import type { ColumnMapping } from '../../core/measure/mapping';
import { ExchangeError, readExchange } from '../../core/psi/exchange';
import { PointError } from '../../core/psi/scalar';
import { PsiCancelled, type StepOptions } from '../../core/psi/steps';
import { openExport, type Measure } from '../measure/api';
import { groupWork } from '../../platform/psiWork';
import { randomBytes } from '../../platform/sha256';

/** Options a test, a task or a keybinding passes to run a command without asking. */
export interface Given {
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

export function given(raw: unknown): Given {
  return raw && typeof raw === 'object' && !(raw instanceof vscode.Uri) ? (raw as Given) : {};
}

export const secretKey = (run: string) => `communityPartnerships.privateOverlap.${run}`;
/** Workspace state: run id → the answer file written here, for the answering side's finish. */
export const ANSWERS_KEY = 'communityPartnerships.privateOverlap.answers';
export const OVERLAP_FILTERS = { 'Private overlap files': ['json'], 'All files': ['*'] };
/** A file of 16 million points is about 1.1 GB: nothing larger is read. */
const MAX_FILE_BYTES = 1_500_000_000;

export function rel(uri: vscode.Uri) {
  return vscode.workspace.asRelativePath(uri);
}

/** A protocol file's text, read as exports are (no link followed, an editor's unsaved text wins). */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const opened = await openExport(uri);
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
export function readStep<S extends 1 | 2 | 3>(uri: vscode.Uri, text: string, step: S, run?: string) {
  try {
    return readExchange(text, step, run);
  } catch (err) {
    if (!(err instanceof ExchangeError)) throw err;
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be used: {1}.', rel(uri), err.message));
    return undefined;
  }
}

/** The maths with a cancellable progress notification; undefined when cancelled or a point is refused. */
export function compute<T>(title: string, body: (o: StepOptions) => Promise<T>): Thenable<T | undefined> {
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

export function answers(o: Measure): Record<string, string> {
  return o.context.workspaceState.get<Record<string, string>>(ANSWERS_KEY) ?? {};
}
