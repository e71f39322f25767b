// What the private overlap's commands (src/features/privateOverlap/) use of the measures: the
// record picker, the files asked, read and written, the outcome shown and the overlap logged.
// Through ./api.ts, so that they load these and not the measure commands.
import type * as vscode from 'vscode';
import type { Deps } from '../../host/deps';
import type { PlannerService } from '../planner/api';
import type { CsvRow, ReadSummary } from '../../core/measure/csv';
import type { BadRows, Overlap } from '../../core/measure/lists';
import type { ColumnMapping, ColumnRole } from '../../core/measure/mapping';
import { fileStem, logBadRows, pickFile, pickOutput, pickRecord, run, service, showSkipped, skippedNote, toUri, trusted, writeOutput, type Measure, type PlannerAccess } from './common';
import { openExport, readExport } from './reading';
import { logOverlap } from './overlap';

export interface MeasureTools {
  trusted(): boolean;
  service(): Promise<PlannerService>;
  pickRecord(s: PlannerService, arg: unknown, placeHolder: string): Promise<string | undefined>;
  pickFile(value: string | vscode.Uri | undefined, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined>;
  pickOutput(value: string | vscode.Uri | undefined, fileName: string, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined>;
  writeOutput(uri: vscode.Uri, text: string): Promise<boolean>;
  openExport(uri: vscode.Uri): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> } | { message: string }>;
  readExport<T>(
    uri: vscode.Uri,
    title: string,
    needs: { roles: readonly ColumnRole[]; required: readonly ColumnRole[]; given?: ColumnMapping },
    start: (header: string[], mapping: ColumnMapping, sample: CsvRow[], expectedRows: number) => { add(rows: CsvRow[]): void | Promise<void>; done(): T | Promise<T> },
  ): Promise<{ value: T; summary: ReadSummary } | undefined>;
  logBadRows(what: string, bad: BadRows, problems?: readonly { line: number; message: string }[]): number;
  showSkipped(message: string, skipped: number, actions?: { label: string; run: () => unknown }[]): void;
  skippedNote(n: number): string;
  logOverlap(s: PlannerService, id: string, o: Overlap, g: { date?: string; setScore?: boolean }, method: string, skipped: number, sources?: readonly vscode.Uri[]): Promise<(Overlap & { score: number; skipped: number }) | undefined>;
  run<T>(what: string, body: () => Promise<T>): Promise<T | undefined>;
  fileStem(s: PlannerService, id: string): string;
  toUri(v: string | vscode.Uri | undefined): vscode.Uri | undefined;
}

/** The measure helpers for the private overlap's commands, on the planner's service as `planner` gives it. */
export function measureTools(context: vscode.ExtensionContext, deps: Deps, planner: PlannerAccess): MeasureTools {
  const m: Measure = { context, deps, planner };
  return {
    trusted,
    service: () => service(m),
    pickRecord,
    pickFile,
    pickOutput,
    writeOutput,
    openExport,
    readExport: (...a) => readExport(m, ...a),
    logBadRows: (...a) => logBadRows(m, ...a),
    showSkipped: (...a) => showSkipped(m, ...a),
    skippedNote,
    logOverlap: (...a) => logOverlap(m, ...a),
    run: (...a) => run(m, ...a),
    fileStem,
    toUri,
  };
}
