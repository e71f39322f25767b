// The text of a new partnership record, with its pitch prefilled as the pitch panel does: New
// Partnership, the assistant's tool and the tracker import write it. A module of its own (a chunk
// of src/implementations.ts in the Node host), so that what only reads or edits records does not
// load the pitch's texts and the YAML writer with it.
import CORE_SCHEMA from 'js-yaml/lib/js-yaml/schema/core.js';
import { safeDump } from 'js-yaml/lib/js-yaml/dumper.js';
import { AGREEMENT_ITEMS, partnershipType, type PartnershipTypeId } from '../domain';
import { firstPerson, pitchDefaultsFromContext, renderPitch } from '../pitch';
import { isIsoDate } from './schema';
import { playbookSection, playbooksOf, type NewRecordInput } from './template';

const DUMP_OPTIONS = { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true };

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
