import type { ContextService } from './contextService';
import type { Log } from './log';
import type { LiveWebviews } from './messages';

/** What every feature gets besides the extension context. */
export interface Deps {
  readonly log: Log;
  readonly contexts: ContextService;
  /** The message routers of the open webviews (tests drive them with hostile messages). */
  readonly webviews: LiveWebviews;
}
