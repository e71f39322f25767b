// What other features may use of the planner: the one path into this folder from another feature
// (test/unit/layers.test.ts). The record index itself is src/features/records/ (`deps.apis.records()`).
export type { PlannerApi } from './impl';
export type { RecordService as PlannerService, WriteOutcome } from '../records/api';
export { pickPartnership, pickText } from './pick';
