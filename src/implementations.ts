// Everything the extension loads on first use, by chunk name. On the desktop each entry is a file
// of its own, dist/lazy/<name>.js (scripts/build.mjs reads this list; src/chunks.ts requires the
// file), sharing one copy of src/core and each library with the entry and the other chunks, so
// the translator activation sets (src/extension.ts) serves them too. In VS Code for the Web this
// module is part of the single bundle, each part initialised on its first call.
/* eslint-disable @typescript-eslint/no-require-imports */

export const chunks = {
  /** The context parser, with its Markdown scanner, zod, gray-matter and js-yaml: on the first read of a context file. */
  contextParser: () => require('./host/contextParser') as typeof import('./host/contextParser'),
  contextForm: () => require('./features/contextForm/impl') as typeof import('./features/contextForm/impl'),
  pitch: () => require('./features/pitch/impl') as typeof import('./features/pitch/impl'),
  agreement: () => require('./features/agreement/impl') as typeof import('./features/agreement/impl'),
  markdownDocs: () => require('./features/markdownDocs/impl') as typeof import('./features/markdownDocs/impl'),
  /** The partnership records' index, loading, watching and writing: one for the planner, the board, the measures and the assistant. */
  records: () => require('./features/records/impl') as typeof import('./features/records/impl'),
  planner: () => require('./features/planner/impl') as typeof import('./features/planner/impl'),
  /** Metrics from exports, the tracker import, the pipeline CSV and the calendar: each command a part (below). */
  measure: () => require('./features/measure/impl') as typeof import('./features/measure/impl'),
  /** The pipeline board in the editor area, on the record index. */
  board: () => require('./features/board/impl') as typeof import('./features/board/impl'),
  /** Start, Answer and Finish Private Overlap (the group maths is in dist/psiWorker.js, or the web bundle). */
  privateOverlap: () => require('./features/privateOverlap/impl') as typeof import('./features/privateOverlap/impl'),
  /** The assistant's language-model tools and Connect / Disconnect AI Assistant (each a part below). */
  assistant: () => require('./features/assistant/impl') as typeof import('./features/assistant/impl'),
  // Parts a feature loads on the first use of one of its actions, not with the feature itself
  // (`deps.loadChunk('name')` in the feature's folder; scripts/lib/bundles.mjs measures each with
  // the feature).
  /** The planner's New Partnership, Log Metric, Log Check-in and Export Partnership Report. */
  plannerCommands: () => require('./features/planner/commands') as typeof import('./features/planner/commands'),
  /** The planner's edits of a record (its view's clicks and forms, undo, the stage set by the API), with their words. */
  plannerEdit: () => require('./features/planner/edits') as typeof import('./features/planner/edits'),
  /** The edits of a record alone: the board's move. */
  recordEdit: () => require('./core/records/edit') as typeof import('./core/records/edit'),
  /** A new record's text with its pitch: the planner's New Partnership. */
  newRecord: () => require('./core/records/newRecord') as typeof import('./core/records/newRecord'),
  /**
   * js-yaml's loader and gray-matter: the first front matter the block reader gives up on, or the
   * first record written (src/core/yamlLoaderChunk.ts; the Node build swaps in src/yamlLoaderChunk.node.ts).
   */
  yamlLoader: () => require('./core/yamlLoader') as typeof import('./core/yamlLoader'),
  /**
   * A record's full reading, with the front matter reader and js-yaml's types: the first record
   * the one-pass reader gives up on, or the first record opened (src/core/recordReadingChunk.ts).
   */
  recordReading: () => require('./core/records/fullReading') as typeof import('./core/records/fullReading'),
  /** The count in free text, in every language it knows: the first count that is not one plain number (src/core/countReadingChunk.ts). */
  countReading: () => require('./core/countReading') as typeof import('./core/countReading'),
  /** Export Partnership Report: the report's text in four languages. */
  report: () => require('./core/planner/report') as typeof import('./core/planner/report'),
  /** The measures' commands on a CSV export: Export Hashed Member List, Compare Member Lists, Measure Event Attendance, Count Attributed Sign-ups, Import Partnership Tracker. */
  measureLists: () => require('./features/measure/listCommands') as typeof import('./features/measure/listCommands'),
  /** The measures' Copy Tracked Link. */
  measureLink: () => require('./features/measure/trackedLink') as typeof import('./features/measure/trackedLink'),
  /** The measures' Export Pipeline as CSV. */
  measurePipelineCsv: () => require('./features/measure/pipelineCsv') as typeof import('./features/measure/pipelineCsv'),
  /** The measures' Export Calendar. */
  measureCalendar: () => require('./features/measure/calendar') as typeof import('./features/measure/calendar'),
  /** Connect / Disconnect AI Assistant and the check of server entries an earlier version wrote. */
  assistantConnect: () => require('./features/assistant/connect') as typeof import('./features/assistant/connect'),
  /** The assistant's tools that read the records, over the planner's record index (which they ask for). */
  assistantReads: () => require('./features/assistant/readPart') as typeof import('./features/assistant/readPart'),
  /** The assistant's tools that write the records, through the planner's writer (which they ask for). */
  assistantWrites: () => require('./features/assistant/writePart') as typeof import('./features/assistant/writePart'),
  /** The assistant's tools that need no record: the forecast, the playbook, the context, the pitch. */
  assistantGuide: () => require('./features/assistant/guidePart') as typeof import('./features/assistant/guidePart'),
};

export type Chunks = typeof chunks;
