// How the records' one-pass reader (src/core/records/parse.ts) reaches the full reading of a
// record (src/core/records/fullReading.ts). Here it is part of the same bundle (VS Code for the
// Web, the MCP server, the tests); the Node host's build swaps this file for
// src/recordReadingChunk.node.ts, which requires the chunk dist/lazy/recordReading.js on the
// first call (scripts/build.mjs).
import * as reading from './records/fullReading';

export function recordReading(): typeof reading {
  return reading;
}
