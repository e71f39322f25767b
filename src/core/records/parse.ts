import { fastDigest } from './fastDigest';
import type { CheckIn, MetricEntry, PartnershipRecord } from './schema';
import type { SuccessMetricId } from '../domain';
import { recordReading } from '../recordReadingChunk';

/*
 * Reading a record. The planner's index digests every record when it loads: a record written the
 * plain way is read in one pass (fastDigest.ts); any other, and a record read whole, goes to the
 * full reading (fullReading.ts), which the Node host loads on its first use
 * (src/core/recordReadingChunk.ts) with the front matter and block readers and js-yaml's types.
 * Both give the same results (test/unit/records.fastDigest.test.ts).
 */

export interface RecordProblem {
  /** 0-based line in the original text. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export type RecordParse =
  | { ok: true; record: PartnershipRecord; problems: RecordProblem[]; unknownKeys: string[] }
  | { ok: false; problems: RecordProblem[]; partial: Partial<PartnershipRecord> };

/**
 * What the planner's index keeps of a record: the fields its lists, filters, counts and badges
 * use, the latest check-in and the latest value of each metric. The rest (every check-in and
 * measurement, the playbook) is read when the record is opened.
 */
export interface RecordDigest {
  partner: string;
  community?: string;
  contact?: string;
  stage: PartnershipRecord['stage'];
  types: PartnershipRecord['types'];
  owners: PartnershipRecord['owners'];
  start?: string;
  review?: string;
  cadence: PartnershipRecord['cadence'];
  scores: PartnershipRecord['scores'];
  partnerSize?: number;
  /** The check-in with the latest date (the first of them when several share it). */
  lastCheckIn?: CheckIn;
  /** Per metric, the measurement with the latest date (the last written when several share it). */
  latestMetrics: Partial<Record<SuccessMetricId, MetricEntry>>;
}

export type DigestParse =
  | { ok: true; digest: RecordDigest; problems: RecordProblem[] }
  | { ok: false; problems: RecordProblem[]; partial: Partial<RecordDigest> };

export { MAX_PROBLEMS, MAX_LIST_ENTRIES } from './keys';

/**
 * Reads a partnership record. Never throws. A field that cannot be read is reported at its line
 * and takes its default; the record is only refused when it has no readable `partner` or its
 * front matter cannot be read at all.
 */
export function parseRecord(text: string): RecordParse {
  return recordReading().parseRecord(text);
}

/**
 * Reads what the planner's index keeps of a record (see RecordDigest), with every problem
 * parseRecord reports: all of the front matter is checked, but only the digest is built.
 */
export function digestRecord(text: string): DigestParse {
  // Most records are written the plain way and have nothing to report: read in one pass.
  const fast = typeof text === 'string' ? fastDigest(text) : undefined;
  if (fast) return { ok: true, digest: fast, problems: [] };
  return recordReading().digestFully(text);
}

/**
 * digestRecord by the full reading alone: the YAML read into data, then every key checked.
 * With `yamlOnly` the YAML is read by js-yaml itself (no faster reader in front of it): the
 * unit tests compare the fast digest with this.
 */
export function digestFully(text: string, options: { yamlOnly?: boolean } = {}): DigestParse {
  return recordReading().digestFully(text, options);
}
