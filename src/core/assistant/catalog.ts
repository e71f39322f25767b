/*
 * What each of the assistant's tools is, without its code: name, title, description, whether it
 * writes and whether it works on the records. The skill Connect writes lists them, the editor's
 * confirmation names them and picks the module that holds a tool by them, and the tools
 * themselves (./readTools.ts, ./guideTools.ts, ./writeTools.ts) take them from here, so these
 * need none of the tools' code (its schemas, the pitch, the record writers).
 */

/** The prefix of the language-model tools' names: `communityPartnerships_list_partnerships`. */
export const LM_TOOL_PREFIX = 'communityPartnerships_';

export interface ToolAbout<N extends string = string> {
  readonly name: N;
  readonly title: string;
  readonly description: string;
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
    description: 'Lists the partnership records, sorted by partner name, with stage, types, owners, fit score and verdict, and the next check-in; filters by words, stage, type or owner. Give a record\'s "name" to the other tools.',
    write: false,
    records: true,
  },
  {
    name: 'get_partnership',
    title: 'One partnership',
    description: 'One partnership record in full: every field, the fit score and verdict, each success metric against its benchmark, the next check-in and the review date, the playbook steps done.',
    write: false,
    records: true,
  },
  {
    name: 'pipeline',
    title: 'Pipeline by stage',
    description: 'The pipeline: how many partnerships are at each stage (prospect, contacted, agreed, active, ended; unreadable records as broken) and which ones, as the planner shows it.',
    write: false,
    records: true,
  },
  {
    name: 'check_ins',
    title: 'Check-ins due',
    description: 'Check-ins of agreed and active partnerships: overdue ones (as the planner\'s badge counts them, most overdue first), those due soon, and review dates that are near or past.',
    write: false,
    records: true,
  },
  {
    name: 'fit_score',
    title: 'Partner fit score',
    description: 'The partner scorecard\'s weighted total (audience overlap 25%, complementary 20%, similar size 15%, responsiveness 15%, values 15%, mutual benefit 10%) and verdict, for a record (name) or for scores you give; with a "similar size" score suggested from both communities\' sizes when known.',
    write: false,
    records: true,
  },
  {
    name: 'forecast',
    title: 'Forecast a plan',
    description: 'Adds up the playbook\'s benchmark ranges for a plan (partnership types and how many of each): new members, engagement lift per benchmark, cost. A way to size a plan, not a promise.',
    write: false,
    records: false,
  },
  {
    name: 'playbook',
    title: 'Playbook: benchmarks and steps',
    description: 'The community partnerships playbook: the 16 partnership types, the benchmarks (new members, engagement, cost per unit), the scorecard criteria and thresholds, the success metrics and the co-marketing playbooks\' steps.',
    write: false,
    records: false,
  },
  {
    name: 'community_context',
    title: 'Community context',
    description: 'Your community\'s context (.claude/community-context.md) as the extension reads it: every field filled in, the ones missing, the member counts.',
    write: false,
    records: false,
  },
  {
    name: 'draft_pitch',
    title: 'Draft an outreach pitch',
    description: 'Drafts an outreach pitch (classic, cold with a subject line, or warm) from the community context and the partner and idea you give, with the five checks: offer before ask, one specific idea, a number about your community, short enough for a phone, no [placeholder] left.',
    write: false,
    records: false,
  },
  {
    name: 'check_pitch',
    title: 'Check a pitch',
    description: 'Checks a pitch you wrote against the playbook: offer before ask, one specific idea, a number about your community (from the context), short enough for a phone, no [placeholder] left. Give the offer and the ask as you wrote them so their order can be checked.',
    write: false,
    records: false,
  },
  {
    name: 'create_partnership',
    title: 'New partnership',
    description: 'Creates a partnership record in the partnerships folder, as New Partnership does: stage prospect, the types, a pitch drafted from the context, the agreement\'s sections, the playbook\'s steps. Never over an existing file (a second one gets "-2").',
    write: true,
    records: true,
  },
  {
    name: 'set_stage',
    title: 'Set the stage',
    description: 'Moves a partnership to a stage (prospect, contacted, agreed, active, ended); only the stage line of the record changes.',
    write: true,
    records: true,
  },
  {
    name: 'log_metric',
    title: 'Log a metric',
    description: 'Logs one measurement of a success metric in a record (appended to its metrics; the entries already there stay as written). Values: joins and overlap are counts, attendance, open rate and activation percents (45 = 45%), content engagement a multiplier (2.5).',
    write: true,
    records: true,
  },
  {
    name: 'log_check_in',
    title: 'Log a check-in',
    description: 'Logs a check-in between the owners in a record (appended to its checkIns): the date, notes (the numbers, what worked, what did not, next steps) and "Is this worth continuing?" (yes, no, unsure).',
    write: true,
    records: true,
  },
  {
    name: 'set_scores',
    title: 'Score a partner',
    description: 'Sets scorecard criteria of a record (each a whole number 1-5); the criteria not given stay as they are. Returns the new weighted total and verdict.',
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
