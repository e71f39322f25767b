// What other features may use of the measure commands (the private overlap reads lists, writes
// files and logs its count with them): the one path into this folder from another feature.
export type { MeasureApi, MeasureTools } from './impl';
