import { TOOL_CATALOG } from './catalog';
import { TOOL_DESCRIPTIONS } from './descriptions';

/** The MCP server's name: in `.mcp.json`, `.vscode/mcp.json` and the server's own hello. */
export const SERVER_NAME = 'community-partnerships';
/** The skill's folder and name: `.claude/skills/community-partnerships/SKILL.md`. */
export const SKILL_NAME = 'community-partnerships';

function quoted(text: string | undefined, fallback: string): string {
  const t = (text ?? '').replace(/[\r\n]+/g, ' ').trim().slice(0, 200);
  return t ? `"${t}"` : fallback;
}

/** The prompt "plan a partnership": the method, step by step, over the tools. */
export function planPartnershipPrompt(args: { partner?: string; goal?: string }): string {
  return [
    `Plan a community partnership${args.partner ? ` with ${quoted(args.partner, '')}` : ''}${args.goal ? `, towards this goal: ${quoted(args.goal, '')}` : ''}.`,
    '',
    'Work from the workspace, not from memory:',
    '1. Call community_context for who we are (size, audience, value proposition, goals). If fields are missing, say which.',
    '2. Call list_partnerships (and get_partnership for one we already have) so you do not propose a partner twice.',
    '3. Score the partner with fit_score: six criteria from 1 to 5; say why for each score. Pursue at 3.5 or more, proceed cautiously from 2.5, pass below.',
    '4. Pick one or two partnership types that fit both sides; size the plan with forecast (it adds up the playbook\'s benchmark ranges: a way to size the plan, not a promise).',
    '5. Propose a small first step (one event, one swap or one piece), the success metrics with targets, an owner on each side and a check-in cadence.',
    '6. Only when I agree: create_partnership, then set_scores. Never edit the records by hand.',
  ].join('\n');
}

/** The prompt "draft an outreach pitch": drafted by the tool, checked, then improved. */
export function draftPitchPrompt(args: { partner?: string; idea?: string; variant?: string }): string {
  const variant = args.variant === 'cold' || args.variant === 'warm' ? args.variant : 'classic';
  return [
    `Draft an outreach pitch (${variant}) to ${quoted(args.partner, 'the partner I name')}${args.idea ? ` about this idea: ${quoted(args.idea, '')}` : ''}.`,
    '',
    '1. Call draft_pitch with the variant, the partner, one specific idea (a partnership type and a topic, or a sentence), what we would bring (the offer) and what we hope for (the ask). It fills in our community from the context.',
    '2. Read its checks. Fix what fails: lead with the offer, one specific idea, at least one number about our community, short enough for a phone (150 words cold, 200 otherwise), no [placeholder] left.',
    '3. If you rewrite it, run check_pitch on your text with the same offer and ask, and show me the result with the checks.',
    '4. Do not send anything; I send it myself.',
  ].join('\n');
}

/** The skill file: what the method is, which tool for what, how a record is written. */
export function skillMarkdown(): string {
  const reads = TOOL_CATALOG.filter((t) => !t.write);
  const writes = TOOL_CATALOG.filter((t) => t.write);
  return [
    '---',
    `name: ${SKILL_NAME}`,
    'description: Plan, pitch and run partnerships between communities from the workspace\'s community context and partnership records, through the community-partnerships MCP tools. Use when the user asks about partners, the partnership pipeline, check-ins, fit scores, forecasts or an outreach pitch.',
    '---',
    '',
    '# Community partnerships',
    '',
    'This workspace keeps its community in `.claude/community-context.md` and one Markdown file per',
    'partnership in the partnerships folder (`partnerships/` unless the workspace setting',
    '`communityPartnerships.partnershipsFolder` says otherwise). The Community Partnerships extension',
    'and the `community-partnerships` MCP server read and write them with the same code, so the',
    'numbers you get from the tools are the ones the sidebar shows.',
    '',
    '## The method',
    '',
    '1. Know your own community first: its size, audience, value proposition and goals (the context).',
    '2. Find partners whose members would value yours, who do not compete with you, of a similar size.',
    '3. Score each candidate on the six-criterion scorecard before reaching out; pursue at 3.5 or more.',
    '4. Pitch one specific idea, offer before ask, with one number about your community.',
    '5. Start small (one event, one swap, one piece), agree on owners, metrics, a review date and an exit.',
    '6. Check in on the agreed cadence, log the numbers, and decide at the review whether to go on.',
    '',
    '## Which tool when',
    '',
    ...reads.map((t) => `- \`${t.name}\`: ${TOOL_DESCRIPTIONS[t.name]}`),
    '',
    'Writes (only into the partnerships folder; ask the user first, and use these instead of editing files):',
    '',
    ...writes.map((t) => `- \`${t.name}\`: ${TOOL_DESCRIPTIONS[t.name]}`),
    '',
    'Every record is named by its file name without `.md` (as `list_partnerships` gives it). A refused',
    'call says why; nothing is written then.',
    '',
    '## The records\' format',
    '',
    'YAML front matter holds the data; the body holds the pitch, the agreement and notes:',
    '',
    '```yaml',
    'partner: Design Systems Guild',
    'community: Design Systems Guild Slack',
    'stage: active            # prospect | contacted | agreed | active | ended',
    'types: [newsletter-cross-promotion]',
    'owners: { ours: Sam, theirs: Ana }',
    'start: 2026-01-15        # dates YYYY-MM-DD',
    'review: 2026-07-15',
    'cadence: monthly         # weekly | bi-weekly | monthly | quarterly',
    'checkIns:',
    '  - date: 2026-02-15',
    '    notes: First swap went out; 80 clicks.',
    '    worthContinuing: yes  # yes | no | unsure',
    'scores: { audienceOverlap: 4, complementary: 5, similarSize: 3, responsiveness: 4, valuesAlignment: 4, mutualBenefit: 3 }',
    'metrics:',
    '  - date: 2026-02-20',
    '    metric: cross-community-joins',
    '    value: 85',
    '```',
    '',
    'The write tools change only the lines they need; comments, key order and the body stay as they are.',
    '',
  ].join('\n');
}
