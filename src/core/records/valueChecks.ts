/*
 * A record's values checked without zod, for the one-pass reader (src/core/records/fastDigest.ts)
 * and the record index that loads it: each check gives the value its field's schema
 * (src/core/records/schema.ts) gives, or UNSURE. They are conservative: a value is accepted only
 * when the schema certainly accepts it, and gives exactly what the schema gives; anything else
 * (what the schema refuses, and what is not worth deciding here) is UNSURE, and the full reading
 * decides with the schemas themselves. The words (stages, cadences, types, metrics) are read by
 * the same finders the schemas use (src/core/records/words.ts). The unit test
 * (test/unit/records.valueChecks.test.ts) compares each check with its schema on values around
 * its edges.
 */
import type { PartnershipTypeId, SuccessMetricId } from '../domain';
import { MAX_YEAR, MIN_YEAR, isRecordDate } from '../dates';
import { parseNumber } from '../numbers';
import type { Stage } from './stages';
import type { Cadence, WorthContinuing } from './vocabulary';
import { countText, findCadence, findMetric, findStage, findType, findWorthContinuing, toIsoDate } from './words';

/** What a check gives when it does not decide: the full reading does. */
export const UNSURE: unique symbol = Symbol('unsure');
export type Unsure = typeof UNSURE;

/** A number the schemas' z.number() takes: not NaN, not infinite. */
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Not negative, and not -0 (which z.gte(0) takes, and which is left to the full reading). */
const isPlus = (n: number) => n > 0 || (n === 0 && !Object.is(n, -0));

/** Free text (optionalTextSchema): trimmed, and empty is undefined; a number is read as text. */
export function text(v: unknown): string | undefined | Unsure {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  return isFiniteNumber(v) ? String(v) : UNSURE;
}

/** The partner's name (partnerSchema): text, trimmed, not empty. */
export function partner(v: unknown): string | Unsure {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? UNSURE : s;
  }
  return isFiniteNumber(v) ? String(v) : UNSURE;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `i` of `s` as a number, or NaN. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 0x30;
  return c >= 0 && c <= 9 ? c : NaN;
}

/**
 * True for a real date written YYYY-MM-DD (exactly: 10 characters) within the records' years,
 * as isRecordDate decides it, read digit by digit: nearly every date of a record.
 */
function plainRecordDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  // NaN (not a digit) fails every comparison.
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= MONTH_DAYS[month - 1])) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A date (dateSchema): YYYY-MM-DD or a timestamp's date, real, within the records' years. */
export function date(v: unknown): string | Unsure {
  if (typeof v === 'string' && plainRecordDate(v)) return v;
  const d = toIsoDate(v);
  return d !== undefined && isRecordDate(d) ? d : UNSURE;
}

export const stage = (v: unknown): Stage | Unsure => findStage(v) ?? UNSURE;
export const cadence = (v: unknown): Cadence | Unsure => findCadence(v) ?? UNSURE;
export const type = (v: unknown): PartnershipTypeId | Unsure => findType(v) ?? UNSURE;
export const metric = (v: unknown): SuccessMetricId | Unsure => findMetric(v) ?? UNSURE;

/** "Worth continuing?" (worthContinuingSchema): true and false are yes and no. */
export function worthContinuing(v: unknown): WorthContinuing | Unsure {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  return findWorthContinuing(v) ?? UNSURE;
}

/** A count read as sizeSchema and the people's schema read text: countText, when it gives a number. */
const countOf = (v: unknown): number | Unsure => (typeof v === 'number' ? v : typeof v === 'string' ? (countText(v) ?? UNSURE) : UNSURE);

/** A community size (sizeSchema): a number from 0, or text countText reads. */
export function size(v: unknown): number | Unsure {
  const n = countOf(v);
  return n !== UNSURE && isFiniteNumber(n) && isPlus(n) ? n : UNSURE;
}

/** A number of people in a measurement (`count`, `of`): a whole number from 0, or text countText reads. */
export function people(v: unknown): number | Unsure {
  const n = countOf(v);
  return n !== UNSURE && Number.isSafeInteger(n) && isPlus(n) ? n : UNSURE;
}

/** A measured value (measureSchema): a number, or text parseNumber reads. */
export function measure(v: unknown): number | Unsure {
  const n = typeof v === 'number' || typeof v === 'string' ? parseNumber(v) : undefined;
  return isFiniteNumber(n) ? n : UNSURE;
}

const SCORE_TEXT = /^\s*\d+(\.\d+)?\s*$/;
const STEP_TEXT = /^\s*\d+\s*$/;

/** A score (scoreSchema): a number from 1 to 5, or text that is one written plainly. */
export function score(v: unknown): number | Unsure {
  const n = typeof v === 'string' && SCORE_TEXT.test(v) ? Number(v) : v;
  return isFiniteNumber(n) && n >= 1 && n <= 5 ? n : UNSURE;
}

/** A playbook's step number (stepNumberSchema): a whole number from 1, or text that is one written plainly. */
export function step(v: unknown): number | Unsure {
  const n = typeof v === 'string' && STEP_TEXT.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : UNSURE;
}

const FLAGS = new Map<string, boolean>([
  ['yes', true],
  ['true', true],
  ['no', false],
  ['false', false],
]);

/** A flag (`cumulative`): true or false, or yes/no/true/false written in any case. */
export function flag(v: unknown): boolean | Unsure {
  if (typeof v === 'boolean') return v;
  return typeof v === 'string' ? (FLAGS.get(v.trim().toLowerCase()) ?? UNSURE) : UNSURE;
}

/**
 * Reads entries of one kind (`checkIns` or `metrics`) as its object schema does: `keys` are its
 * fields in the schema's order, `checks` each field's check, `required` the bits of the fields
 * that must be present (bit k for keys[k]). `values` reads an entry given as its values in that
 * order and the bits of the fields present, without an object made for it first: the fields in
 * order, a present field kept even when it reads as empty (undefined), or UNSURE.
 */
export interface EntryChecks {
  readonly keys: readonly string[];
  values(values: readonly unknown[], present: number): Record<string, unknown> | Unsure;
}

function entryChecks(fields: readonly (readonly [key: string, check: (v: unknown) => unknown, required: boolean])[]): EntryChecks {
  const keys = fields.map(([key]) => key);
  const checks = fields.map(([, check]) => check);
  const required = fields.reduce((bits, [, , must], k) => (must ? bits | (1 << k) : bits), 0);
  return {
    keys,
    values(values, present) {
      if ((present & required) !== required) return UNSURE;
      const out: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        if ((present & (1 << k)) === 0) continue;
        const v = checks[k](values[k]);
        if (v === UNSURE) return UNSURE;
        out[keys[k]] = v;
      }
      return out;
    },
  };
}

/** A check-in (checkInSchema), its fields in CHECK_IN_KEYS' order. */
export const checkInChecks = entryChecks([
  ['date', date, true],
  ['notes', text, false],
  ['worthContinuing', worthContinuing, false],
]);

/** A metric entry (metricEntrySchema), its fields in METRIC_ENTRY_KEYS' order. */
export const metricEntryChecks = entryChecks([
  ['date', date, true],
  ['metric', metric, true],
  ['value', measure, true],
  ['note', text, false],
  ['count', people, false],
  ['of', people, false],
  ['source', text, false],
  ['cumulative', flag, false],
]);
