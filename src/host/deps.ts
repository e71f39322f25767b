import type { ContextService } from './contextService';
import type { ChunkLoader } from './lazy';
import type { Log } from './log';
import type { LiveWebviews } from './messages';

/**
 * What a feature offers the others (and the tests), one member per feature. Empty here: each
 * feature that offers something adds its member from its own registration
 * (`declare module '../../host/deps'`), so this folder never imports a feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureApis {}

/** What every feature gets besides the extension context. */
export interface Deps {
  readonly log: Log;
  readonly contexts: ContextService;
  /** The message routers of the open webviews (tests drive them with hostile messages). */
  readonly webviews: LiveWebviews;
  /** Loads a feature's implementation on first use (src/host/lazy.ts). */
  readonly loadChunk: ChunkLoader;
  /** Filled in by the features' registrations, in the order of extension.ts. */
  readonly apis: FeatureApis;
}
