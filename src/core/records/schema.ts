import { MAX_YEAR, MIN_YEAR, isIsoDate, isRecordDate } from '../dates';
import * as z from 'zod/mini';
import {
  PARTNERSHIP_TYPES,
  PLAYBOOKS,
  SUCCESS_METRICS,
  type PartnershipTypeId,
  type ScorecardCriterionId,
  type SuccessMetricId,
} from '../domain';
import { parseNumber } from '../numbers';
import { l10n } from '../l10n';
import { countText, findCadence, findMetric, findStage, findType, findWorthContinuing, toIsoDate } from './words';
import { SCORE_KEYS } from './keys';

/*
 * Partnership record front matter (one Markdown file per partnership, in `partnerships/`).
 * Keys are camelCase; every key but `partner` is optional.
 *
 *   partner: Design Systems Guild        # required: the partner's name
 *   community: Design Systems Guild Slack # their community
 *   contact: Ana Ruiz <ana@example.org>  # who to talk to on their side
 *   stage: active                        # prospect | contacted | agreed | active | ended (default prospect)
 *   types:                               # partnership type ids (see "Partnership types")
 *     - newsletter-cross-promotion
 *     - co-hosted-event
 *   owners:                              # the owner on each side
 *     ours: Sam
 *     theirs: Ana
 *   start: 2026-01-15                    # dates are written YYYY-MM-DD
 *   review: 2026-07-15                   # when to decide whether to go on
 *   cadence: monthly                     # weekly | bi-weekly | monthly | quarterly (default monthly)
 *   checkIns:                            # one entry per check-in between the owners
 *     - date: 2026-02-15
 *       notes: First swap went out; 80 clicks.
 *       worthContinuing: yes             # yes | no | unsure
 *   scores:                              # partner scorecard, each 1-5
 *     audienceOverlap: 4
 *     complementary: 5
 *     similarSize: 3
 *     responsiveness: 4
 *     valuesAlignment: 4
 *     mutualBenefit: 3
 *   partnerSize: 12k                     # their community size; 12,000 / 12k / ~12K all work
 *   metrics:                             # measurements, one entry per measurement
 *     - date: 2026-02-20
 *       metric: cross-community-joins    # cross-community-joins | content-engagement |
 *       value: 85                        #   event-attendance | member-overlap | satisfaction
 *       note: after the February swap
 *     - date: 2026-03-12                 # a measure command writes what it counted:
 *       metric: event-attendance
 *       value: 38
 *       count: 42                        #   the people the value counts (optional)
 *       of: 110                          #   out of how many (optional)
 *       source: luma-guests.csv          #   the file(s) it was measured from (optional)
 *     - date: 2026-03-31
 *       metric: cross-community-joins
 *       value: 140
 *       cumulative: true                 # a running total to the date, not one unit's result
 *       source: signups.csv
 *   playbook:                            # done steps of each co-marketing playbook, numbered from 1
 *     newsletter-swap: [1, 2]            # co-hosted-event | newsletter-swap | content-collab
 *
 * Metric values: joins and overlap are counts of people; event-attendance is the percent of
 * attendees from the other community (45 or "45%"); content-engagement is a multiplier of
 * your usual engagement (2.5 or "2.5x"); satisfaction is any number you track.
 * `count`, `of`, `source` and `cumulative` are optional (records without them read as before):
 * an entry with a `source` was measured from that export, one without it was typed; a
 * `cumulative` entry is a running total (all joins since the start, say), shown apart from the
 * entries of one swap, event or piece and never held against a per-unit benchmark. Member
 * overlap is a total by its nature.
 * Any other key is kept as it is and never rewritten.
 */

export { STAGES, type Stage } from './stages';
import { STAGES, type Stage } from './stages';

export { CADENCES, WORTH_CONTINUING, type Cadence, type WorthContinuing } from './vocabulary';
import { CADENCES, WORTH_CONTINUING, type Cadence, type WorthContinuing } from './vocabulary';

export type PlaybookId = keyof typeof PLAYBOOKS;
export const PLAYBOOK_IDS = Object.keys(PLAYBOOKS) as PlaybookId[];

export interface CheckIn {
  date: string;
  notes?: string;
  worthContinuing?: WorthContinuing;
}

export interface MetricEntry {
  date: string;
  metric: SuccessMetricId;
  value: number;
  note?: string;
  /** The people the value counts, as measured (42 of 110 attendees: 42). */
  count?: number;
  /** How many the value or count is out of (42 of 110 attendees: 110). */
  of?: number;
  /** The file or files the value was measured from, by name; absent for a typed value. */
  source?: string;
  /** A running total up to the entry's date, rather than the result of one unit. */
  cumulative?: boolean;
}

export interface Owners {
  ours?: string;
  theirs?: string;
}

export type Scores = Partial<Record<ScorecardCriterionId, number>>;

/** Done steps per playbook, as 1-based step numbers (the numbers people see in the body). */
export type PlaybookProgress = Partial<Record<PlaybookId, number[]>>;

export interface PartnershipRecord {
  partner: string;
  community?: string;
  contact?: string;
  stage: Stage;
  types: PartnershipTypeId[];
  owners: Owners;
  start?: string;
  review?: string;
  cadence: Cadence;
  checkIns: CheckIn[];
  scores: Scores;
  partnerSize?: number;
  metrics: MetricEntry[];
  playbook: PlaybookProgress;
}

/** The front matter keys this extension reads, in the order a new record writes them. */
export const RECORD_KEYS = [
  'partner',
  'community',
  'contact',
  'stage',
  'types',
  'owners',
  'start',
  'review',
  'cadence',
  'checkIns',
  'scores',
  'partnerSize',
  'metrics',
  'playbook',
] as const satisfies readonly (keyof PartnershipRecord)[];
export type RecordKey = (typeof RECORD_KEYS)[number];

// Compile-time check that RECORD_KEYS lists every field of PartnershipRecord.
type MissingKeys = Exclude<keyof PartnershipRecord, RecordKey>;
const everyKeyListed: MissingKeys extends never ? true : MissingKeys = true;
void everyKeyListed;

export function isRecordKey(key: string): key is RecordKey {
  return (RECORD_KEYS as readonly string[]).includes(key);
}

export { isIsoDate, isRecordDate };
export { looseKey, toIsoDate } from './words';
export { CHECK_IN_KEYS, METRIC_ENTRY_KEYS, OWNER_KEYS, SCORE_KEYS } from './keys';

/** Values a field takes when it is missing or cannot be read. */
export function recordDefaults(): Omit<PartnershipRecord, 'partner'> {
  return { stage: 'prospect', types: [], owners: {}, cadence: 'monthly', checkIns: [], scores: {}, metrics: [], playbook: {} };
}

// ---------------------------------------------------------------------------------------------
// Dates

// ---------------------------------------------------------------------------------------------
// Field schemas. Each takes a value as js-yaml returns it and gives the normalised value; their
// error messages are written for the person editing the file.

/** A closed set of words, read case- and punctuation-insensitively by `find` (src/core/records/words.ts). */
function oneOf<T extends string>(ids: readonly T[], find: (input: unknown) => T | undefined, message: () => string) {
  return z.pipe(
    z.transform((input: unknown) => find(input) ?? input),
    z.enum(ids as unknown as [T, ...T[]], { error: () => message() }),
  );
}

const textValue = z.union([z.string(), z.number()], { error: () => l10n.t('must be text') });

/** Text; a number is read as text (a community called 2600 is still a name). Empty gives undefined. */
export const optionalTextSchema = z.pipe(
  textValue,
  z.transform((v: string | number) => {
    const s = String(v).trim();
    return s === '' ? undefined : s;
  }),
);

export const partnerSchema = z.pipe(
  z.pipe(textValue, z.transform((v: string | number) => String(v).trim())),
  z.string().check(z.minLength(1, { error: () => l10n.t('must not be empty') })),
);

export const dateSchema = z.pipe(
  z.transform((input: unknown) => toIsoDate(input) ?? input),
  z.string({ error: () => l10n.t('must be a date written YYYY-MM-DD') }).check(
    z.refine(isIsoDate, { error: () => l10n.t('must be a real date written YYYY-MM-DD'), abort: true }),
    z.refine(isRecordDate, { error: () => l10n.t('must be a date between {0} and {1}', `${MIN_YEAR}-01-01`, `${MAX_YEAR}-12-31`) }),
  ),
);

export const stageSchema = oneOf(STAGES, findStage, () => l10n.t('must be one of {0}', STAGES.join(', ')));

export const cadenceSchema = oneOf(CADENCES, findCadence, () => l10n.t('must be one of {0}', CADENCES.join(', ')));

export const worthContinuingSchema = z.pipe(
  // `true`/`false` are what YAML makes of an unquoted yes/no in some editors' eyes; read them kindly.
  z.transform((input: unknown) => (input === true ? 'yes' : input === false ? 'no' : input)),
  oneOf(WORTH_CONTINUING, findWorthContinuing, () => l10n.t('must be one of {0}', WORTH_CONTINUING.join(', '))),
);

export const partnershipTypeSchema = oneOf(
  PARTNERSHIP_TYPES.map((t) => t.id),
  findType,
  () => l10n.t('is not a partnership type (use an id such as {0} or {1})', 'newsletter-cross-promotion', 'co-hosted-event'),
);

export const metricIdSchema = oneOf(
  SUCCESS_METRICS.map((m) => m.id),
  findMetric,
  () => l10n.t('must be one of {0}', SUCCESS_METRICS.map((m) => m.id).join(', ')),
);

/**
 * A measured value: a number, or text holding one (`45%`, `2.5x`, `1,200`, `1.2k`, `.5`,
 * `2.5e3`, `1,5`), read by the one number parser: what it cannot read without guessing (`1e400`,
 * two numbers, words) is no value, never a misread one. Decimals are kept: 2.5 stays 2.5.
 */
export function toMeasure(input: unknown): number | undefined {
  if (typeof input !== 'number' && typeof input !== 'string') return undefined;
  return parseNumber(input);
}

export const measureSchema = z.pipe(
  z.transform((input: unknown) => toMeasure(input) ?? input),
  z.number({ error: () => l10n.t('must be a number') }),
);

/** A community size: a whole number of people, written any way countText reads. */
export const sizeSchema = z.pipe(
  z.transform((input: unknown) => (typeof input === 'string' ? (countText(input) ?? input) : input)),
  z.number({ error: () => l10n.t('must be a number of members, such as 12000 or 12k') }).check(z.gte(0, { error: () => l10n.t('must not be negative') })),
);

export const scoreSchema = z.pipe(
  z.transform((input: unknown) => (typeof input === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(input) ? Number(input) : input)),
  z.number({ error: () => l10n.t('must be a score from 1 to 5') }).check(
    z.gte(1, { error: () => l10n.t('must be a score from 1 to 5') }),
    z.lte(5, { error: () => l10n.t('must be a score from 1 to 5') }),
  ),
);

export const stepNumberSchema = z.pipe(
  z.transform((input: unknown) => (typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : input)),
  z.int({ error: () => l10n.t('must be a step number') }).check(z.gte(1, { error: () => l10n.t('must be a step number from 1') })),
);

export const checkInSchema = z.object({
  date: dateSchema,
  notes: z.optional(optionalTextSchema),
  worthContinuing: z.optional(worthContinuingSchema),
});

/** A number of people in a measurement's figures: a whole number, not negative. */
const peopleSchema = z.pipe(
  z.transform((input: unknown) => (typeof input === 'string' ? (countText(input) ?? input) : input)),
  z.int({ error: () => l10n.t('must be a whole number of people') }).check(z.gte(0, { error: () => l10n.t('must not be negative') })),
);

const flagSchema = z.pipe(
  z.transform((input: unknown) => (typeof input === 'string' ? ({ yes: true, true: true, no: false, false: false } as Record<string, boolean>)[input.trim().toLowerCase()] ?? input : input)),
  z.boolean({ error: () => l10n.t('must be true or false') }),
);

export const metricEntrySchema = z.object({
  date: dateSchema,
  metric: metricIdSchema,
  value: measureSchema,
  note: z.optional(optionalTextSchema),
  count: z.optional(peopleSchema),
  of: z.optional(peopleSchema),
  source: z.optional(optionalTextSchema),
  cumulative: z.optional(flagSchema),
});


/**
 * The whole record, as this extension holds it after reading (defaults filled in). Used to check
 * records that cross a boundary, such as a webview message; files are read field by field by
 * parseRecord so that one bad field does not hide the rest.
 */
export const partnershipRecordSchema = z.object({
  partner: partnerSchema,
  community: z.optional(optionalTextSchema),
  contact: z.optional(optionalTextSchema),
  stage: stageSchema,
  types: z.array(partnershipTypeSchema),
  owners: z.object({ ours: z.optional(optionalTextSchema), theirs: z.optional(optionalTextSchema) }),
  start: z.optional(dateSchema),
  review: z.optional(dateSchema),
  cadence: cadenceSchema,
  checkIns: z.array(checkInSchema),
  scores: z.partialRecord(z.enum(SCORE_KEYS as [ScorecardCriterionId, ...ScorecardCriterionId[]]), scoreSchema),
  partnerSize: z.optional(sizeSchema),
  metrics: z.array(metricEntrySchema),
  playbook: z.partialRecord(z.enum(PLAYBOOK_IDS as [PlaybookId, ...PlaybookId[]]), z.array(stepNumberSchema)),
});
