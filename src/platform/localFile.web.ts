// The web worker extension host has no local file system: src/host/files.ts reads, checks
// and writes through workspace.fs there.
import type { LocalFiles } from './localFile';

export function localFiles(): LocalFiles | undefined {
  return undefined;
}
