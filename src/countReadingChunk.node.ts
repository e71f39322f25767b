// The Node host's src/core/countReadingChunk.ts (scripts/build.mjs swaps it in): the reader of
// counts in free text is a chunk of its own (src/implementations.ts), required on the first count
// that is not one plain number.
import { loadChunk } from './chunks';

export function countReading(): typeof import('./core/countReading') {
  return loadChunk('countReading');
}
