export * from './schema';
export { parseRecord, digestRecord, MAX_PROBLEMS, MAX_LIST_ENTRIES, type RecordParse, type DigestParse, type RecordDigest, type RecordProblem } from './parse';
export { scanKeyBlocks, type KeyBlock } from './keyBlocks';
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
