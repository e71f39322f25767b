// Everything the extension loads on first use, in one module: dist/lazy.js on the desktop (so
// no library is bundled twice), part of the single bundle in VS Code for the Web. Each part is
// initialised on its first call, not when this module loads.
/* eslint-disable @typescript-eslint/no-require-imports */
import * as vscode from 'vscode';
import { setDisplayLocale, setTranslator } from './core/l10n';

// This bundle carries its own copy of src/core: its messages in the display language too.
setTranslator(vscode.l10n.t);
setDisplayLocale(vscode.env.language);

export const chunks = {
  /** The context parser, with markdown-it, zod, gray-matter and js-yaml: on the first read of a context file. */
  contextParser: () => require('./host/contextParser') as typeof import('./host/contextParser'),
  contextForm: () => require('./features/contextForm/impl') as typeof import('./features/contextForm/impl'),
  pitch: () => require('./features/pitch/impl') as typeof import('./features/pitch/impl'),
  agreement: () => require('./features/agreement/impl') as typeof import('./features/agreement/impl'),
  markdownDocs: () => require('./features/markdownDocs/impl') as typeof import('./features/markdownDocs/impl'),
  planner: () => require('./features/planner/impl') as typeof import('./features/planner/impl'),
  /** Metrics from exports, the tracker import, the pipeline CSV and the calendar (with papaparse). */
  measure: () => require('./features/measure/impl') as typeof import('./features/measure/impl'),
  /** The pipeline board in the editor area, on the planner's index. */
  board: () => require('./features/board/impl') as typeof import('./features/board/impl'),
  /** Start, Answer and Finish Private Overlap (the group maths is in dist/psiWorker.js, or the web bundle). */
  privateOverlap: () => require('./features/privateOverlap/impl') as typeof import('./features/privateOverlap/impl'),
  /** The assistant's language-model tools and Connect / Disconnect AI Assistant. */
  assistant: () => require('./features/assistant/impl') as typeof import('./features/assistant/impl'),
};

export type Chunks = typeof chunks;
