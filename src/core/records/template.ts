import { PLAYBOOKS, playbookFor, type PartnershipTypeId } from '../domain';
import type { ContextLabel } from '../context/sections';
import type { ParsedContext } from '../context/parse';
import type { PlaybookId } from './schema';

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
