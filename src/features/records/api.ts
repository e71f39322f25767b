// What other features may use of the partnership records (the planner's view, the board, the
// measures and the assistant work on the one record index): the one path into this folder from
// another feature (test/unit/layers.test.ts). The service itself is reached through
// `deps.apis.records()` (./registration.ts).
export type { RecordService, WriteOutcome } from './service';
