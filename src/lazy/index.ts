// Everything the extension loads on first use, in one module: dist/lazy.js on the desktop (so
// no library is bundled twice), part of the single bundle in VS Code for the Web. Each part is
// initialised on its first call, not when this module loads.
/* eslint-disable @typescript-eslint/no-require-imports */
import * as vscode from 'vscode';
import { setTranslator } from '../core/l10n';

// This bundle carries its own copy of src/core: its messages in the display language too.
setTranslator(vscode.l10n.t);

export const lazyModules = {
  /** The context parser, with markdown-it, zod, gray-matter and js-yaml: on the first read of a context file. */
  contextParser: () => require('./contextParser') as typeof import('./contextParser'),
  contextForm: () => require('./contextForm') as typeof import('./contextForm'),
  pitch: () => require('./pitch') as typeof import('./pitch'),
  agreement: () => require('./agreement') as typeof import('./agreement'),
  markdownDocs: () => require('./markdownDocs') as typeof import('./markdownDocs'),
  planner: () => require('./planner') as typeof import('./planner'),
  /** Metrics from exports, the tracker import, the pipeline CSV and the calendar (with papaparse). */
  measure: () => require('./measure') as typeof import('./measure'),
  /** The pipeline board in the editor area, on the planner's index. */
  board: () => require('./board') as typeof import('./board'),
  /** The assistant's language-model tools and Connect / Disconnect AI Assistant. */
  assistant: () => require('../features/assistant/lazy') as typeof import('../features/assistant/lazy'),
};

export type LazyModules = typeof lazyModules;
