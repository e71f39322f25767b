import * as yaml from 'js-yaml';
import { safeDump } from 'js-yaml/lib/js-yaml/dumper.js';
import { AGREEMENT_ITEMS, PLAYBOOKS, partnershipType, playbookFor, type PartnershipTypeId } from '../domain';
import { firstPerson, pitchDefaultsFromContext, renderPitch } from '../pitch';
import type { ContextLabel } from '../context/sections';
import type { ParsedContext } from '../context/parse';
import { isIsoDate, type PlaybookId } from './schema';

export interface NewRecordInput {
  partner: string;
  community?: string;
  types: PartnershipTypeId[];
  /** YYYY-MM-DD: the day the record is created. */
  today: string;
  /** Your community's name, for the agreement's title and contributions. */
  ourName?: string;
  /** The community context's values: the pitch is prefilled from them, as in the pitch panel. */
  context?: Readonly<Partial<Record<ContextLabel, string | undefined>>>;
}

/**
 * What a new record takes from the community context: your community's name and the values
 * the pitch is prefilled from. New Partnership, the assistant's tool and the tracker import all
 * take it from here, so their records read the same.
 */
export function recordContextInput(ctx: ParsedContext | undefined): Pick<NewRecordInput, 'ourName' | 'context'> {
  return ctx ? { ourName: ctx.values['Community Name'], context: ctx.values } : {};
}

const DUMP_OPTIONS = { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true };

/** One line of text for the body: names never break the Markdown structure around them. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** What each agreement item asks for; keyed by the item ids of AGREEMENT_ITEMS. */
function agreementBody(id: (typeof AGREEMENT_ITEMS)[number]['id'], ours: string, theirs: string, ourOwner: string | undefined): string[] {
  switch (id) {
    case 'contributions':
      return [`- ${ours}: [what you bring: a newsletter slot, a speaker, promotion to your members]`, `- ${theirs}: [what they bring]`];
    case 'timeline':
      return [
        'Duration: [3 months, 6 months or ongoing]. Start small: one event, piece or swap before anything ongoing.',
        'The start and review dates go in the front matter (`start`, `review`) once you agree on them.',
      ];
    case 'success':
      return ['- [A metric, such as cross-community joins]: [target]'];
    case 'communication':
      return [`Owners: ${ourOwner ?? '[name]'} for ${ours} and [name] for ${theirs}.`, 'Check-ins: as often as the `cadence` in the front matter says; both sides share the numbers.'];
    case 'exit':
      return ["Either side can end the partnership with two weeks' notice, and both tell their members in a friendly way."];
  }
}

/** "Co-hosted AMA, workshop or webinar and newsletter cross-promotion": what the partnership is. */
function typesText(types: readonly PartnershipTypeId[]): string {
  const titles = types.map((t, i) => {
    const title = partnershipType(t)?.title ?? t;
    return i === 0 ? title : title.charAt(0).toLowerCase() + title.slice(1);
  });
  if (titles.length <= 1) return titles[0] ?? '';
  return `${titles.slice(0, -1).join('; ')} and ${titles[titles.length - 1]}`;
}

/** The playbooks of these types, each once, in the types' order. */
export function playbooksOf(types: readonly PartnershipTypeId[]): PlaybookId[] {
  return [...new Set(types.map((t) => playbookFor(t)).filter((p): p is PlaybookId => p !== undefined))];
}

/**
 * A playbook's section of the record's body, as lines: its heading, its steps as checkboxes
 * (the steps in `done` ticked) and a blank line. New Partnership writes it for each type, the
 * planner when a type is added.
 */
export function playbookSection(id: PlaybookId, done: readonly number[] = []): string[] {
  return [`### ${PLAYBOOKS[id].title}`, '', ...PLAYBOOKS[id].steps.map((s, i) => `- [${done.includes(i + 1) ? 'x' : ' '}] ${s}`), ''];
}

/** The text of a new partnership record: front matter and the sections people fill in. */
export function newRecordText(input: NewRecordInput): string {
  if (!isIsoDate(input.today)) throw new RangeError(`today must be a date written YYYY-MM-DD (got ${JSON.stringify(input.today)}).`);
  const partner = oneLine(input.partner);
  if (partner === '') throw new RangeError('A partnership record needs a partner name.');
  const community = input.community === undefined ? '' : oneLine(input.community);

  const data: Record<string, unknown> = { partner };
  if (community) data.community = community;
  data.stage = 'prospect';
  data.types = [...new Set(input.types)];
  data.cadence = 'monthly';

  const ours = input.ourName && oneLine(input.ourName) ? oneLine(input.ourName) : '[your community]';
  const types = [...new Set(input.types)];
  // The same pitch as the pitch panel's, prefilled from the context and the record's partner.
  const defaults = input.context ? pitchDefaultsFromContext(input.context).input : {};
  const pitch = renderPitch({
    ...defaults,
    variant: 'classic',
    communityName: ours.startsWith('[') ? defaults.communityName : ours,
    partnerCommunity: community || partner,
    ideaType: types[0] ?? '',
  });
  const ourOwner = input.context ? firstPerson(input.context['Team']) : undefined;
  const lines: string[] = [
    '---',
    ...safeDump(data, DUMP_OPTIONS).replace(/\n$/, '').split('\n'),
    '---',
    '',
    `# Community Partnership - ${ours} x ${partner}`,
    '',
    '## Pitch',
    '',
    `**Subject:** ${pitch.subject}`,
    '',
    pitch.body,
    '',
    '## Agreement',
    '',
    `Drafted ${input.today}.${types.length ? ` The collaboration: ${typesText(types)}, on [topic].` : ' The collaboration: [what you will do together, and on what topic].'}`,
    '',
  ];
  for (const item of AGREEMENT_ITEMS) lines.push(`### ${item.title}`, '', ...agreementBody(item.id, ours, partner, ourOwner), '');
  lines.push(`Signed for ${ours}: [name], [date]. Signed for ${partner}: [name], [date].`, '');

  const playbooks = playbooksOf(input.types);
  if (playbooks.length) {
    lines.push('## Playbook', '');
    for (const id of playbooks) lines.push(...playbookSection(id));
  }
  lines.push('## Notes', '', `- ${input.today}: record created.`, '');
  return lines.join('\n');
}

// Names Windows keeps for devices, with or without an extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_SLUG = 60;

/** Without dashes at either end (a loop: `-+$` is quadratic on a long run of dashes). */
function trimDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '-') start++;
  while (end > start && text[end - 1] === '-') end--;
  return text.slice(start, end);
}

/** FNV-1a: a short, stable number for names that leave no letters to build a file name from. */
function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A file name for a partner's record: lowercase a-z, 0-9 and dashes, at most 60 characters
 * before `.md`, never empty, no dots or path separators. Accents are dropped (`Café` gives
 * `cafe`); a name with no such characters at all (`東京`) gives `partner-<hash>`, stable for
 * the same name.
 */
export function recordFileName(partner: string): string {
  const folded = String(partner)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ');
  let slug = trimDashes(folded.replace(/[^a-z0-9]+/g, '-'));
  if (slug.length > MAX_SLUG) slug = trimDashes(slug.slice(0, MAX_SLUG));
  if (slug === '') slug = `partner-${stableHash(String(partner))}`;
  if (RESERVED.test(slug)) slug = `${slug}-partner`;
  return `${slug}.md`;
}
