// How the front matter reader and the record writer reach js-yaml's loader (src/core/yamlLoader.ts).
// Here it is part of the same bundle (VS Code for the Web, the MCP server, the tests); the Node
// host's build swaps this file for src/yamlLoaderChunk.node.ts, which requires the chunk
// dist/lazy/yamlLoader.js on the first call (scripts/build.mjs).
import * as loader from './yamlLoader';

export function yamlLoader(): typeof loader {
  return loader;
}
