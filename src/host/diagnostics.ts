import * as vscode from 'vscode';

/** The source every diagnostic of the extension carries (Quick Fixes find theirs by it). */
export const DIAGNOSTIC_SOURCE = 'Community Partnerships';

export type ProblemSeverity = 'error' | 'warning' | 'information';

/** A problem as the domain reports it (src/core): a message, a severity and what it applies to. */
export interface Problem {
  readonly message: string;
  readonly severity: ProblemSeverity;
  /** Says which Quick Fix applies. */
  readonly code?: string;
}

const SEVERITY: Record<ProblemSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Whole lines, from `line` to `endLine` (0-based). */
export function linesRange(line: number, endLine = line): vscode.Range {
  return new vscode.Range(line, 0, endLine, Number.MAX_SAFE_INTEGER);
}

/** The one converter from a problem of the domain to a diagnostic in the Problems view. */
export function toDiagnostic(problem: Problem, range: vscode.Range): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  if (problem.code) d.code = problem.code;
  return d;
}
