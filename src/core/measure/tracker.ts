import { PARTNERSHIP_TYPES, type PartnershipTypeId } from '../domain';
import { formatCount } from '../numbers';
import { parseCount } from '../parseCount';
import { recordFileName, type NewRecordInput } from '../records/template';
import { newRecordText } from '../records/newRecord';
import { updateRecordText, type RecordChanges } from '../records/write';
import { looseKey, type Cadence, type Stage } from '../records/schema';
import { partnerKey } from '../records/identity';
import { readCsv, type CsvRow, type ReadSummary } from './csv';
import { looksDayFirst, parseExportDate } from './dates';
import { BadRows } from './lists';
import { l10n } from '../l10n';

/*
 * The spreadsheet or Notion / Airtable board a team used before: its columns mapped to record
 * keys, one record per row. Values are read the loose ways trackers write them ("In talks",
 * "Webinar, Newsletter", "15/03/2026", "12.5k"); what cannot be read goes to the record's notes
 * with a warning, never lost. The pipeline goes back out as CSV with the same column names, so
 * an export imports again.
 */

export const TRACKER_FIELDS = ['partner', 'community', 'contact', 'stage', 'types', 'ours', 'theirs', 'start', 'review', 'cadence', 'partnerSize', 'notes'] as const;
export type TrackerField = (typeof TRACKER_FIELDS)[number];

export const TRACKER_FIELD_TITLES: Readonly<Record<TrackerField, string>> = {
  partner: 'Partner',
  community: 'Community',
  contact: 'Contact',
  stage: 'Stage',
  types: 'Types',
  ours: 'Our owner',
  theirs: 'Their owner',
  start: 'Start',
  review: 'Review',
  cadence: 'Cadence',
  partnerSize: 'Partner size',
  notes: 'Notes',
};

export type TrackerMapping = Partial<Record<TrackerField, number>>;

const GUESSES: Readonly<Record<TrackerField, readonly string[]>> = {
  partner: ['partner', 'name', 'partnername', 'organization', 'organisation', 'company', 'community name', 'title'],
  community: ['community', 'platform', 'where', 'channel', 'communitylink', 'link'],
  contact: ['contact', 'pointofcontact', 'partnercontact', 'email', 'contactemail', 'contactinfo'],
  stage: ['stage', 'status', 'pipelinestage', 'state'],
  types: ['types', 'type', 'partnershiptype', 'partnershiptypes', 'format', 'tags', 'category', 'kind'],
  ours: ['ourowner', 'owner', 'owners', 'assignee', 'dri', 'lead', 'assignedto'],
  theirs: ['theirowner', 'partnerowner', 'theircontactperson', 'partnerlead'],
  start: ['start', 'startdate', 'started', 'kickoff', 'launchdate', 'date'],
  review: ['review', 'reviewdate', 'renewal', 'renewaldate', 'enddate', 'nextreview'],
  cadence: ['cadence', 'checkincadence', 'frequency', 'checkinfrequency'],
  partnerSize: ['partnersize', 'size', 'members', 'membercount', 'audiencesize', 'communitysize', 'audience'],
  notes: ['notes', 'note', 'description', 'comments', 'details', 'summary', 'nextsteps'],
};

export function guessTrackerMapping(header: readonly string[]): TrackerMapping {
  const folded = header.map(looseKey);
  const taken = new Set<number>();
  const out: TrackerMapping = {};
  for (const field of TRACKER_FIELDS) {
    for (const g of GUESSES[field]) {
      const at = folded.findIndex((h, i) => h === looseKey(g) && !taken.has(i));
      if (at >= 0) {
        out[field] = at;
        taken.add(at);
        break;
      }
    }
  }
  return out;
}

const STAGE_WORDS: readonly [Stage, readonly string[]][] = [
  ['prospect', ['prospect', 'lead', 'idea', 'backlog', 'todo', 'new', 'researching', 'shortlist', 'notstarted', 'toreachout', 'wishlist']],
  ['contacted', ['contacted', 'reachedout', 'outreach', 'pitched', 'intalks', 'talking', 'negotiating', 'negotiation', 'waiting', 'awaitingreply', 'followup', 'inconversation', 'meetingbooked']],
  ['agreed', ['agreed', 'signed', 'confirmed', 'accepted', 'won', 'closedwon', 'scheduled', 'ready']],
  ['active', ['active', 'live', 'running', 'inprogress', 'ongoing', 'doing', 'launched']],
  ['ended', ['ended', 'done', 'closed', 'complete', 'completed', 'finished', 'paused', 'declined', 'lost', 'closedlost', 'cancelled', 'canceled', 'archived', 'churned', 'rejected', 'nogo']],
];

export function readStage(cell: string): Stage | undefined {
  const k = looseKey(cell);
  if (k === '') return undefined;
  for (const [stage, words] of STAGE_WORDS) if (words.includes(k)) return stage;
  for (const [stage, words] of STAGE_WORDS) if (words.some((w) => w.length >= 4 && k.includes(w))) return stage;
  return undefined;
}

const TYPE_WORDS: readonly [PartnershipTypeId, readonly string[]][] = [
  ['newsletter-cross-promotion', ['newsletter', 'newsletterswap', 'emailswap']],
  ['co-hosted-event', ['event', 'webinar', 'workshop', 'ama', 'livestream', 'cohostedevent', 'panel', 'talk']],
  ['joint-hackathon', ['hackathon', 'challenge', 'gamejam']],
  ['conference-sharing', ['conference', 'booth', 'sponsorship', 'sponsor']],
  ['meetup-cross-promotion', ['meetup', 'meetups']],
  ['co-created-content', ['content', 'blog', 'blogpost', 'guide', 'research', 'report', 'cocreatedcontent', 'ebook']],
  ['guest-contributions', ['guestpost', 'guestcontribution', 'guestcontributions', 'guestarticle', 'guest']],
  ['podcast-video', ['podcast', 'video', 'youtube', 'episode']],
  ['mutual-promotion', ['mutualpromotion', 'crosspromotion', 'shoutout', 'promotion', 'socialswap']],
  ['shared-referral', ['referral', 'referrals', 'sharedreferral']],
  ['bundle-offering', ['bundle', 'discount', 'bundleoffering']],
  ['cross-platform-presence', ['crossplatformpresence', 'guestchannel', 'sharedchannel', 'slackconnect']],
  ['integration-partnership', ['integration', 'integrationpartnership', 'api', 'plugin']],
  ['joint-resource-library', ['resourcelibrary', 'jointresourcelibrary', 'resources']],
  ['shared-ambassador-network', ['ambassador', 'ambassadors', 'ambassadornetwork']],
  ['industry-coalition', ['coalition', 'industrycoalition', 'alliance']],
];

/** Partnership types in a cell (`Webinar, Newsletter swap`); words no type fits come back as `unknown`. */
export function readTypes(cell: string): { types: PartnershipTypeId[]; unknown: string[] } {
  const types: PartnershipTypeId[] = [];
  const unknown: string[] = [];
  // Titles hold commas ("Co-hosted AMA, workshop or webinar"): taken out whole first.
  let rest = cell;
  for (const t of [...PARTNERSHIP_TYPES].sort((a, b) => b.title.length - a.title.length)) {
    const at = rest.toLowerCase().indexOf(t.title.toLowerCase());
    if (at < 0) continue;
    if (!types.includes(t.id)) types.push(t.id);
    rest = `${rest.slice(0, at)},${rest.slice(at + t.title.length)}`;
  }
  for (const part of rest.split(/[,;|/\n]/)) {
    const word = part.trim();
    if (word === '') continue;
    const k = looseKey(word);
    const id =
      PARTNERSHIP_TYPES.find((t) => looseKey(t.id) === k || looseKey(t.title) === k)?.id ??
      TYPE_WORDS.find(([, words]) => words.includes(k))?.[0] ??
      TYPE_WORDS.find(([, words]) => words.some((w) => w.length >= 5 && k.includes(w)))?.[0];
    if (id) {
      if (!types.includes(id)) types.push(id);
    } else unknown.push(word);
  }
  return { types, unknown };
}

export function readCadence(cell: string): Cadence | undefined {
  const k = looseKey(cell);
  if (k === '') return undefined;
  if (k.includes('biweekly') || k.includes('fortnight') || k.includes('every2weeks') || k.includes('everytwoweeks')) return 'bi-weekly';
  if (k.includes('week')) return 'weekly';
  if (k.includes('quarter') || k.includes('every3months')) return 'quarterly';
  if (k.includes('month')) return 'monthly';
  return undefined;
}

/** A tracker export is read whole before the preview: at most this many bytes and rows. */
export const MAX_TRACKER_BYTES = 10 * 1024 * 1024;
export const MAX_TRACKER_ROWS = 10_000;

export type TrackerRead = { ok: true; summary: ReadSummary; rows: CsvRow[] } | { ok: false; message: string };

/**
 * A tracker export, read as it streams in: reading stops as soon as it passes the byte or row
 * limit (a 400 MB file is not held, nor read to its end), and the file is refused with a message.
 */
export async function readTracker(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limits: { maxBytes?: number; maxRows?: number } = {}): Promise<TrackerRead> {
  const maxBytes = limits.maxBytes ?? MAX_TRACKER_BYTES;
  const maxRows = limits.maxRows ?? MAX_TRACKER_ROWS;
  const rows: CsvRow[] = [];
  let bytes = 0;
  const over = () => bytes > maxBytes || rows.length > maxRows;
  const summary = await readCsv(chunks, {
    onRows: (batch) => {
      if (!over()) for (const row of batch) rows.push(row);
    },
    onProgress: (n) => void (bytes = n),
    cancelled: over,
  });
  if (bytes > maxBytes) return { ok: false, message: l10n.t('the tracker is over {0} MB: nothing was imported (export only the table, or split it)', (maxBytes / 1024 / 1024).toFixed(0)) };
  if (rows.length > maxRows) return { ok: false, message: l10n.t('the tracker has over {0} rows: nothing was imported (split it first)', maxRows.toLocaleString('en')) };
  return { ok: true, summary, rows };
}

export interface TrackerRow {
  line: number;
  partner: string;
  fileName: string;
  changes: RecordChanges;
  types: PartnershipTypeId[];
  community?: string;
  notes: string[];
  warnings: string[];
}

export interface TrackerPlan {
  rows: TrackerRow[];
  bad: BadRows;
  /** Rows for a partner that already has a record (or appears twice): skipped, never overwritten. */
  skipped: { line: number; partner: string; reason: string }[];
}

/**
 * The records a tracker's rows make. `existing` holds the partner names and file names already
 * in the workspace: their rows are skipped, so importing the same tracker twice adds nothing.
 * Names are compared by `partnerKey` (a look-alike of an existing partner's name is that partner).
 */
export function planTrackerImport(header: readonly string[], rows: readonly CsvRow[], mapping: TrackerMapping, existing: { partners: Iterable<string>; fileNames: ReadonlySet<string> }): TrackerPlan {
  const bad = new BadRows();
  const skipped: TrackerPlan['skipped'] = [];
  const out: TrackerRow[] = [];
  const cell = (row: CsvRow, f: TrackerField) => (mapping[f] === undefined ? '' : (row.fields[mapping[f]!] ?? '').trim());
  const dayFirst = looksDayFirst(rows.flatMap((r) => [cell(r, 'start'), cell(r, 'review')]));
  const seen = new Map<string, number>();
  const known = new Set<string>();
  for (const p of existing.partners) known.add(partnerKey(p));
  const names = new Set(existing.fileNames);
  for (const row of rows) {
    if (row.fields.length > header.length) {
      bad.add(row.line, `${row.fields.length} fields where the header has ${header.length} (a comma or quote out of place?)`);
      continue;
    }
    const partner = cell(row, 'partner').replace(/\s+/g, ' ');
    if (partner === '') {
      if (row.fields.some((f) => f.trim() !== '')) bad.add(row.line, 'no partner name');
      continue;
    }
    if (partner.length > 200) {
      bad.add(row.line, 'the partner name is over 200 characters');
      continue;
    }
    const lower = partnerKey(partner);
    if (known.has(lower)) {
      skipped.push({ line: row.line, partner, reason: 'already has a record' });
      continue;
    }
    if (seen.has(lower)) {
      skipped.push({ line: row.line, partner, reason: `same partner as line ${seen.get(lower)}` });
      continue;
    }
    seen.set(lower, row.line);
    const warnings: string[] = [];
    const notes: string[] = [];
    const changes: RecordChanges = {};
    const keepAsNote = (field: TrackerField, value: string, why: string) => {
      warnings.push(`${TRACKER_FIELD_TITLES[field]} "${value}" ${why}: kept in the notes`);
      notes.push(`${TRACKER_FIELD_TITLES[field]}: ${value}`);
    };
    const stageText = cell(row, 'stage');
    if (stageText) {
      const stage = readStage(stageText);
      if (stage) changes.stage = stage;
      else keepAsNote('stage', stageText, 'is not a stage this extension knows');
    }
    const typeText = cell(row, 'types');
    const { types, unknown } = readTypes(typeText);
    if (unknown.length) keepAsNote('types', unknown.join(', '), unknown.length === 1 ? 'is not a partnership type' : 'are not partnership types');
    for (const f of ['contact'] as const) {
      const v = cell(row, f);
      if (v) changes[f] = v.replace(/\s+/g, ' ').slice(0, 300);
    }
    const ours = cell(row, 'ours');
    const theirs = cell(row, 'theirs');
    if (ours || theirs) changes.owners = { ...(ours ? { ours: ours.replace(/\s+/g, ' ') } : {}), ...(theirs ? { theirs: theirs.replace(/\s+/g, ' ') } : {}) };
    for (const f of ['start', 'review'] as const) {
      const v = cell(row, f);
      if (!v) continue;
      const date = parseExportDate(v, { dayFirst });
      if (date) changes[f] = date;
      else keepAsNote(f, v, 'is not a date');
    }
    const cadenceText = cell(row, 'cadence');
    if (cadenceText) {
      const cadence = readCadence(cadenceText);
      if (cadence) changes.cadence = cadence;
      else keepAsNote('cadence', cadenceText, 'is not weekly, bi-weekly, monthly or quarterly');
    }
    const sizeText = cell(row, 'partnerSize');
    if (sizeText) {
      const size = parseCount(sizeText);
      if (size !== undefined && size >= 0) changes.partnerSize = size;
      else keepAsNote('partnerSize', sizeText, 'is not a number of members');
    }
    const noteText = cell(row, 'notes');
    if (noteText) notes.push(noteText);
    let base = recordFileName(partner).replace(/\.md$/, '');
    let fileName = `${base}.md`;
    for (let n = 2; names.has(fileName); n++) fileName = `${base}-${n}.md`;
    names.add(fileName);
    base = fileName;
    const community = cell(row, 'community');
    out.push({ line: row.line, partner, fileName, changes, types, ...(community ? { community: community.replace(/\s+/g, ' ') } : {}), notes, warnings });
  }
  return { rows: out, bad, skipped };
}

/**
 * The text of the record a tracker row makes: a new record as New Partnership makes it (its
 * pitch prefilled from the context, given by `recordContextInput`), its keys set, the notes
 * under "## Notes".
 */
export function trackerRecordText(row: TrackerRow, today: string, fromContext: Pick<NewRecordInput, 'ourName' | 'context'> = {}): string {
  let text = newRecordText({ partner: row.partner, community: row.community, types: row.types, today, ...fromContext });
  if (Object.keys(row.changes).length) text = updateRecordText(text, row.changes).text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = [`- ${today}: imported from the partnership tracker (line ${row.line}).`];
  for (const note of row.notes) {
    const [first, ...rest] = note.split(/\r\n|\r|\n/);
    lines.push(`- ${first}`, ...rest.map((l) => (l.trim() === '' ? '' : `  ${l}`)));
  }
  return text.replace(/(## Notes\r?\n\r?\n- [^\r\n]*record created\.)/, `$1${eol}${lines.join(eol)}`);
}

/** One record of the import preview: its file, and every value it gets, by the tracker's field titles. */
export interface TrackerRowPreview {
  partner: string;
  fileName: string;
  /** [title, value] for each field with a value, in TRACKER_FIELDS order, then the warnings. */
  fields: [string, string][];
}

/**
 * What a row becomes, for the preview shown before anything is written: the stage and cadence
 * a new record starts with when the tracker gives none, the types by their titles, the size as
 * a count, the notes on one line.
 */
export function trackerRowPreview(row: TrackerRow): TrackerRowPreview {
  const line = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const c = row.changes;
  const values: Record<TrackerField, string> = {
    partner: row.partner,
    community: line(row.community),
    contact: line(c.contact),
    stage: c.stage ?? 'prospect',
    types: row.types.map((t) => PARTNERSHIP_TYPES.find((x) => x.id === t)?.title ?? t).join(', '),
    ours: line(c.owners?.ours),
    theirs: line(c.owners?.theirs),
    start: c.start ?? '',
    review: c.review ?? '',
    cadence: c.cadence ?? 'monthly',
    partnerSize: c.partnerSize === undefined ? '' : formatCount(c.partnerSize),
    notes: row.notes.map(line).filter(Boolean).join(' / '),
  };
  const fields = TRACKER_FIELDS.filter((f) => f !== 'partner' && values[f]).map((f): [string, string] => [l10n.t(TRACKER_FIELD_TITLES[f]), values[f]]);
  if (row.warnings.length) fields.push([l10n.t('Warnings'), row.warnings.join('; ')]);
  return { partner: row.partner, fileName: row.fileName, fields };
}
