export * from './schema';
export { parseRecord, digestRecord, scanKeyBlocks, MAX_PROBLEMS, MAX_LIST_ENTRIES, type RecordParse, type DigestParse, type RecordDigest, type RecordProblem, type KeyBlock } from './parse';
export {
  updateRecordText,
  appendCheckIn,
  appendMetric,
  setStage,
  setScores,
  setPlaybookStep,
  setOwners,
  replaceListEntry,
  setTypes,
  keptPlaybookSections,
  RecordWriteError,
  type RecordChanges,
  type RecordUpdate,
  type TextEdit,
} from './write';
export { recordContextInput, recordFileName, playbookSection, type NewRecordInput } from './template';
export { partnerKey } from './identity';
