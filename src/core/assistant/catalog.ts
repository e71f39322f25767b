/*
 * What each of the assistant's tools is, without its code: name, title, whether it writes and
 * whether it works on the records. The editor's confirmation names a tool by it and picks the
 * module that holds it, the skill Connect writes lists them (with ./descriptions.ts), and the
 * tools themselves (./readTools.ts, ./guideTools.ts, ./writeTools.ts) take theirs from here, so
 * these need none of the tools' code (its schemas, the pitch, the record writers).
 */

/** The prefix of the language-model tools' names: `communityPartnerships_list_partnerships`. */
export const LM_TOOL_PREFIX = 'communityPartnerships_';

export interface ToolAbout<N extends string = string> {
  readonly name: N;
  readonly title: string;
  /** Writes a record: refused in Restricted Mode, confirmed first in the editor. */
  readonly write: boolean;
  /**
   * Works on the partnership records (the planner's index in the editor): every write, and the
   * reads of records. The others read only the playbook and the community context, and the
   * editor runs them without loading the records (./guideTools.ts).
   */
  readonly records: boolean;
}

/** Every tool, in the order the server lists them and package.json declares them. */
export const TOOL_CATALOG = [
  {
    name: 'list_partnerships',
    title: 'List partnerships',
    write: false,
    records: true,
  },
  {
    name: 'get_partnership',
    title: 'One partnership',
    write: false,
    records: true,
  },
  {
    name: 'pipeline',
    title: 'Pipeline by stage',
    write: false,
    records: true,
  },
  {
    name: 'check_ins',
    title: 'Check-ins due',
    write: false,
    records: true,
  },
  {
    name: 'fit_score',
    title: 'Partner fit score',
    write: false,
    records: true,
  },
  {
    name: 'forecast',
    title: 'Forecast a plan',
    write: false,
    records: false,
  },
  {
    name: 'playbook',
    title: 'Playbook: benchmarks and steps',
    write: false,
    records: false,
  },
  {
    name: 'community_context',
    title: 'Community context',
    write: false,
    records: false,
  },
  {
    name: 'draft_pitch',
    title: 'Draft an outreach pitch',
    write: false,
    records: false,
  },
  {
    name: 'check_pitch',
    title: 'Check a pitch',
    write: false,
    records: false,
  },
  {
    name: 'create_partnership',
    title: 'New partnership',
    write: true,
    records: true,
  },
  {
    name: 'set_stage',
    title: 'Set the stage',
    write: true,
    records: true,
  },
  {
    name: 'log_metric',
    title: 'Log a metric',
    write: true,
    records: true,
  },
  {
    name: 'log_check_in',
    title: 'Log a check-in',
    write: true,
    records: true,
  },
  {
    name: 'set_scores',
    title: 'Score a partner',
    write: true,
    records: true,
  },] as const satisfies readonly ToolAbout[];

export type ToolName = (typeof TOOL_CATALOG)[number]['name'];

/** One tool's entry. */
export function about<N extends ToolName>(name: N): ToolAbout<N> {
  return TOOL_CATALOG.find((t) => t.name === name) as ToolAbout<N>;
}

/** The entry of a language-model tool's name (`communityPartnerships_<name>`), or undefined. */
export function aboutLmTool(lmName: string): ToolAbout | undefined {
  if (!lmName.startsWith(LM_TOOL_PREFIX)) return undefined;
  const name = lmName.slice(LM_TOOL_PREFIX.length);
  return (TOOL_CATALOG as readonly ToolAbout[]).find((t) => t.name === name);
}
