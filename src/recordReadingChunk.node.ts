// The Node host's src/core/recordReadingChunk.ts (scripts/build.mjs swaps it in): the full reading
// of a record, with the front matter and block readers and js-yaml's types, is a chunk of its own
// (src/implementations.ts), required on the first record the one-pass reader gives up on, or the
// first record opened.
import { loadChunk } from './chunks';

export function recordReading(): typeof import('./core/records/fullReading') {
  return loadChunk('recordReading');
}
