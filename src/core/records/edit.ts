import type { RecordChange } from '../planner/changes';
import { appendCheckIn, appendMetric, replaceListEntry, setOwners, setPlaybookStep, setScores, setStage, setTypes, updateRecordText, type RecordUpdate } from './write';

// What the planner's view and API write with, from this module: in the Node host it is a chunk of
// its own (src/implementations.ts), loaded with the first edit, not when the view opens.
export { keptPlaybookSections, setStage } from './write';

/** The planner's change, made to a record's text by the record writer (only its lines change). */
export function changeRecordText(text: string, change: RecordChange): RecordUpdate {
  switch (change.kind) {
    case 'stage':
      return setStage(text, change.value);
    case 'cadence':
      return updateRecordText(text, { cadence: change.value });
    case 'start':
    case 'review':
    case 'community':
    case 'contact':
      return updateRecordText(text, { [change.kind]: change.value?.trim() || undefined });
    case 'partnerSize':
      return updateRecordText(text, { partnerSize: change.value ?? undefined });
    case 'types':
      return setTypes(text, change.value);
    case 'owners':
      return setOwners(text, change.value);
    case 'score':
      return setScores(text, { [change.criterion]: change.value ?? undefined });
    case 'playbookStep':
      return setPlaybookStep(text, change.playbook, change.step, change.done);
    case 'addMetric':
      return appendMetric(text, change.entry);
    case 'addCheckIn':
      return appendCheckIn(text, change.entry);
    case 'editMetric':
      return replaceListEntry(text, 'metrics', change.index, change.was, change.entry);
    case 'deleteMetric':
      return replaceListEntry(text, 'metrics', change.index, change.was, undefined);
    case 'editCheckIn':
      return replaceListEntry(text, 'checkIns', change.index, change.was, change.entry);
    case 'deleteCheckIn':
      return replaceListEntry(text, 'checkIns', change.index, change.was, undefined);
  }
}

/**
 * The one edit that turns `current` into `wanted`: the span between their common start and
 * their common end (what an undo of one change replaces).
 */
export function revertEdit(current: string, wanted: string): RecordUpdate {
  if (current === wanted) return { text: current, edits: [] };
  let start = 0;
  const max = Math.min(current.length, wanted.length);
  while (start < max && current.charCodeAt(start) === wanted.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && current.charCodeAt(current.length - 1 - end) === wanted.charCodeAt(wanted.length - 1 - end)) end++;
  return { text: wanted, edits: [{ start, end: current.length - end, newText: wanted.slice(start, wanted.length - end) }] };
}
