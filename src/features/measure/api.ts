// What other features may use of the measures (the private overlap reads lists, writes files and
// logs its count with them): the one path into this folder from another feature. The helpers
// only; the measure commands are parts (./impl.ts), which nothing here loads.
export type { MeasureApi } from './impl';
export { CSV_FILTERS, fileStem, logBadRows, openExport, pickFile, pickOutput, pickRecord, run, service, showSkipped, skippedNote, toUri, trusted, writeOutput, type Measure, type PlannerAccess } from './common';
// Reading a CSV export and logging an overlap (the private overlap's steps load both).
export { readExport } from './reading';
export { logOverlap } from './overlap';
