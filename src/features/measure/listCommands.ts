// The measure commands that read a CSV export (a member list, registrations, sign-ups, a
// tracker): one part (src/implementations.ts), since they share the CSV reader, the column
// mapping, the hashing and the record writer, and each file of the split build costs its
// loading and its glue.
export { exportHashedList } from './hashedList';
export { compareLists } from './compareLists';
export { measureAttendance } from './attendance';
export { countSignups } from './signups';
export { importTracker } from './trackerImport';
