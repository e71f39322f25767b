export * from './schema';
export { parseRecord, scanKeyBlocks, type RecordParse, type RecordProblem, type KeyBlock } from './parse';
export {
  updateRecordText,
  appendCheckIn,
  appendMetric,
  setStage,
  setScores,
  setPlaybookStep,
  RecordWriteError,
  type RecordChanges,
  type RecordUpdate,
  type TextEdit,
} from './write';
export { newRecordText, recordFileName, type NewRecordInput } from './template';
