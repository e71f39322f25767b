// What other features may use of the measures (the private overlap reads lists, writes files and
// logs its count with them): the one path into this folder from another feature. The helpers
// only (./tools.ts), not the measure commands, which load as parts of their own (./impl.ts).
export type { MeasureApi } from './impl';
export type { PlannerAccess } from './common';
export { measureTools, type MeasureTools } from './tools';
