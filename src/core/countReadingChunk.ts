// How src/core/numbers.ts reaches the reader of counts in free text (src/core/countReading.ts).
// Here it is part of the same bundle (VS Code for the Web, the webview pages, the MCP server, the
// tests); the Node host's build swaps this file for src/countReadingChunk.node.ts, which requires
// the chunk dist/lazy/countReading.js on the first call (scripts/build.mjs).
import * as reading from './countReading';

export function countReading(): typeof reading {
  return reading;
}
