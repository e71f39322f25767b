// What other features may use of the measures (the private overlap reads lists, writes files and
// logs its count with them): the one path into this folder from another feature. The helpers
// only; the measure commands are parts of their own (./impl.ts), which nothing here loads.
export type { MeasureApi } from './impl';
export { CSV_FILTERS, fileStem, logBadRows, openExport, pickFile, pickOutput, pickRecord, run, service, showSkipped, skippedNote, toUri, trusted, writeOutput, type Measure, type PlannerAccess } from './common';
// Reading a CSV export and logging an overlap: parts of their own (src/implementations.ts), which
// a step loads when it reads a list or logs a count (re-exported from here, each would load with
// every file that imports this one).
export type ListReader = typeof import('./reading');
export type OverlapLog = typeof import('./overlap');
