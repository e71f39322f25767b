import type { ParsedContext } from './parse';

/**
 * The community's name in a parsed context. A module of its own, so that code which only shows
 * the name (the planner, the board, the measures) does not bring the parser with it.
 */
export function communityName(ctx: ParsedContext): string | undefined {
  return ctx.values['Community Name'];
}
