// How a record's fields are checked: each key's schema (src/core/records/schema.ts), with the
// results for the values records repeat worked out once. Shared by the full reader (parse.ts)
// and the fast digest (fastDigest.ts), so that both give the same values and messages.
import {
  cadenceSchema,
  checkInSchema,
  dateSchema,
  metricEntrySchema,
  optionalTextSchema,
  partnerSchema,
  partnershipTypeSchema,
  scoreSchema,
  sizeSchema,
  stageSchema,
  stepNumberSchema,
} from './schema';
import { l10n, translatorGeneration } from '../l10n';
import * as valueChecks from './valueChecks';
import { UNSURE } from './valueChecks';

export { MAX_PROBLEMS, MAX_LIST_ENTRIES } from './keys';

export type SafeResult = { success: boolean; data?: unknown; error?: { issues: readonly { message: string; path: readonly PropertyKey[] }[] } };
interface Schema {
  safeParse(v: unknown): SafeResult;
}

export function firstMessage(result: SafeResult): string {
  const issue = result.error?.issues[0];
  if (!issue) return l10n.t('could not be read');
  return issue.path.length ? l10n.t('{0} {1}', issue.path.map(String).join('.'), issue.message) : issue.message;
}

/**
 * A schema's results for the scalar values records repeat (stages, types, dates, scores), worked
 * out once each. The schemas are pure functions of the value, so a remembered result is the
 * result. Text that is different in every record (names, notes) is not remembered. A key is
 * kept as a copy of its own: a string cut from a record's text could keep the whole text alive.
 */
function remembered(schema: Schema, direct?: (value: unknown) => SafeResult | undefined): (value: unknown) => SafeResult {
  const seen = new Map<unknown, SafeResult>();
  // The results hold messages: in another language they are stale.
  let language = translatorGeneration();
  return (value) => {
    const t = typeof value;
    if ((t !== 'string' || (value as string).length > 40) && t !== 'number' && t !== 'boolean' && t !== 'undefined') return schema.safeParse(value);
    if (language !== translatorGeneration()) {
      seen.clear();
      language = translatorGeneration();
    }
    let r = seen.get(value);
    if (r === undefined) {
      r = direct?.(value) ?? schema.safeParse(value);
      if (seen.size >= 2000) seen.clear();
      seen.set(t === 'string' ? ownCopy(value as string) : value, r);
    }
    return r;
  };
}

function ownCopy(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * Free text (optionalTextSchema, also inside z.optional): a string is trimmed, and empty is
 * undefined, which is what the schema gives for any string; anything else goes to the schema.
 */
const freeText =
  (schema: Schema) =>
  (value: unknown): SafeResult => {
    if (typeof value !== 'string') return schema.safeParse(value);
    const s = value.trim();
    return { success: true, data: s === '' ? undefined : s };
  };

/** The partner's name (partnerSchema): a string trimmed, and not empty; the rest goes to the schema. */
const partnerName =
  (schema: Schema) =>
  (value: unknown): SafeResult => {
    const s = typeof value === 'string' ? value.trim() : '';
    return s === '' ? schema.safeParse(value) : { success: true, data: s };
  };

/** A zod-free check's answer as a schema's result, when it has one (src/core/records/valueChecks.ts). */
const sure =
  (check: (value: unknown) => unknown) =>
  (value: unknown): SafeResult | undefined => {
    const data = check(value);
    return data === UNSURE ? undefined : { success: true, data };
  };

/**
 * A community size (sizeSchema): a number the zod-free check accepts is itself, as the schema
 * gives it (sizes differ from record to record, so remembering them would only fill the table);
 * the rest goes to the schema, remembered.
 */
const communitySize = (schema: Schema): ((value: unknown) => SafeResult) => {
  const other = remembered(schema);
  const direct = sure(valueChecks.size);
  return (value) => (typeof value === 'number' ? direct(value) : undefined) ?? other(value);
};

/**
 * A date (dateSchema) the zod-free check accepts (written YYYY-MM-DD, real and within the
 * records' years) is itself, as the schema gives it; anything else is left to the schema.
 */
const plainDate = sure(valueChecks.date);

export const read = {
  partner: partnerName(partnerSchema),
  text: freeText(optionalTextSchema),
  date: remembered(dateSchema, plainDate),
  stage: remembered(stageSchema),
  cadence: remembered(cadenceSchema),
  size: communitySize(sizeSchema),
  type: remembered(partnershipTypeSchema),
  score: remembered(scoreSchema),
  step: remembered(stepNumberSchema),
};

/**
 * Reads entries of one kind (`checkIns` or `metrics`): `keys` are its fields in the schema's
 * order; `values` reads an entry given as its values in that order and the bits of the fields
 * present (bit k for keys[k]), without an object made for the entry first.
 */
export interface EntryFields {
  readonly keys: readonly string[];
  values(values: readonly unknown[], present: number): SafeResult;
}

/**
 * Checks an entry of `checkIns` or `metrics` field by field with the object schema's own field
 * schemas, giving what the object schema gives: its fields in order, a field present in the
 * entry kept even when it reads as empty, the first failing field's message. Free text fields
 * (`notes`, `note`) are not remembered.
 */
function entryFields(schema: { shape: Record<string, Schema> }): EntryFields {
  // Free text is not remembered; what an absent field reads as is, for every field.
  const shape = Object.entries(schema.shape);
  const keys = shape.map(([key]) => key);
  const checks = shape.map(([key, s]) => (key === 'notes' || key === 'note' || key === 'source' ? freeText(s) : remembered(s, s === dateSchema ? plainDate : undefined)));
  const absents = shape.map(([, s]) => remembered(s));
  return {
    keys,
    values(values, present) {
      const out: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        const has = (present & (1 << k)) !== 0;
        const r = has ? checks[k](values[k]) : absents[k](undefined);
        if (!r.success) {
          const issue = r.error?.issues[0];
          return { success: false, error: { issues: [{ message: issue?.message ?? l10n.t('could not be read'), path: [key, ...(issue?.path ?? [])] }] } };
        }
        if (has || r.data !== undefined) out[key] = r.data;
      }
      return { success: true, data: out };
    },
  };
}

/** The same for an entry given as an object (as the YAML reader gives it). */
function entryReader(fields: EntryFields): (item: Record<string, unknown>) => SafeResult {
  const has = Object.prototype.hasOwnProperty;
  return (item) => {
    const values: unknown[] = [];
    let present = 0;
    fields.keys.forEach((key, k) => {
      values.push(item[key]);
      if (has.call(item, key)) present |= 1 << k;
    });
    return fields.values(values, present);
  };
}

export const checkInFields = entryFields(checkInSchema as unknown as { shape: Record<string, Schema> });
export const metricEntryFields = entryFields(metricEntrySchema as unknown as { shape: Record<string, Schema> });
export const readCheckIn = entryReader(checkInFields);
export const readMetricEntry = entryReader(metricEntryFields);
