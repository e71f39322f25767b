import type { ContextService } from './contextService';
import type { Log } from './log';

/** What every feature gets besides the extension context. */
export interface Deps {
  readonly log: Log;
  readonly contexts: ContextService;
}
