// The Node host's src/core/yamlLoaderChunk.ts (scripts/build.mjs swaps it in): js-yaml's loader and
// gray-matter are a chunk of their own (src/implementations.ts), required on the first front
// matter the block reader gives up on, or the first record written.
import { loadChunk } from './chunks';

export function yamlLoader(): typeof import('./core/yamlLoader') {
  return loadChunk('yamlLoader');
}
