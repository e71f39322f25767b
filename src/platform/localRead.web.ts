// The web worker extension host has no local file system: src/host/files.ts reads through
// workspace.fs there.
import type { LocalReader } from './localRead';

export function localReader(): LocalReader | undefined {
  return undefined;
}
