import type { ToolName } from './catalog';

/**
 * What each tool does, in words for the model: package.json's languageModelTools
 * (`modelDescription`, written by scripts/lm-tools.mjs), the MCP server's list of tools and the
 * skill Connect writes. VS Code reads the language-model tools' descriptions from package.json,
 * so running a tool in the editor never loads these.
 */
export const TOOL_DESCRIPTIONS: { readonly [N in ToolName]: string } = {
  list_partnerships:
    'Lists the partnership records, sorted by partner name, with stage, types, owners, fit score and verdict, and the next check-in; filters by words, stage, type or owner. Give a record\'s "name" to the other tools.',
  get_partnership:
    'One partnership record in full: every field, the fit score and verdict, each success metric against its benchmark, the next check-in and the review date, the playbook steps done.',
  pipeline:
    'The pipeline: how many partnerships are at each stage (prospect, contacted, agreed, active, ended; unreadable records as broken) and which ones, as the planner shows it.',
  check_ins:
    'Check-ins of agreed and active partnerships: overdue ones (as the planner\'s badge counts them, most overdue first), those due soon, and review dates that are near or past.',
  fit_score:
    'The partner scorecard\'s weighted total (audience overlap 25%, complementary 20%, similar size 15%, responsiveness 15%, values 15%, mutual benefit 10%) and verdict, for a record (name) or for scores you give; with a "similar size" score suggested from both communities\' sizes when known.',
  forecast:
    'Adds up the playbook\'s benchmark ranges for a plan (partnership types and how many of each): new members, engagement lift per benchmark, cost. A way to size a plan, not a promise.',
  playbook:
    'The community partnerships playbook: the 16 partnership types, the benchmarks (new members, engagement, cost per unit), the scorecard criteria and thresholds, the success metrics and the co-marketing playbooks\' steps.',
  community_context:
    'Your community\'s context (.claude/community-context.md) as the extension reads it: every field filled in, the ones missing, the member counts.',
  draft_pitch:
    'Drafts an outreach pitch (classic, cold with a subject line, or warm) from the community context and the partner and idea you give, with the five checks: offer before ask, one specific idea, a number about your community, short enough for a phone, no [placeholder] left.',
  check_pitch:
    'Checks a pitch you wrote against the playbook: offer before ask, one specific idea, a number about your community (from the context), short enough for a phone, no [placeholder] left. Give the offer and the ask as you wrote them so their order can be checked.',
  create_partnership:
    'Creates a partnership record in the partnerships folder, as New Partnership does: stage prospect, the types, a pitch drafted from the context, the agreement\'s sections, the playbook\'s steps. Never over an existing file (a second one gets "-2").',
  set_stage:
    'Moves a partnership to a stage (prospect, contacted, agreed, active, ended); only the stage line of the record changes.',
  log_metric:
    'Logs one measurement of a success metric in a record (appended to its metrics; the entries already there stay as written). Values: joins and overlap are counts, attendance, open rate and activation percents (45 = 45%), content engagement a multiplier (2.5).',
  log_check_in:
    'Logs a check-in between the owners in a record (appended to its checkIns): the date, notes (the numbers, what worked, what did not, next steps) and "Is this worth continuing?" (yes, no, unsure).',
  set_scores:
    'Sets scorecard criteria of a record (each a whole number 1-5); the criteria not given stay as they are. Returns the new weighted total and verdict.',
};
