// What other features may use of the planner (the measure commands and the board work on its
// record index): the one path into this folder from another feature (test/unit/layers.test.ts).
export type { PlannerApi } from './impl';
export { localToday, type PlannerService, type WriteOutcome } from './service';
export { pickPartnership, pickText } from './pick';
