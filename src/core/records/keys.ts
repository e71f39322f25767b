/**
 * The keys of a record's nested mappings and entries, and the limits of its reading: what the
 * schemas (src/core/records/schema.ts, which re-exports them) and the one-pass reader
 * (src/core/records/fastDigest.ts) share. A module of its own, without zod, so that the record
 * index loads no schema builder.
 */
import { SCORECARD_CRITERIA, type ScorecardCriterionId } from '../domain';

/** A check-in's fields, in the order of its schema (checkInSchema). */
export const CHECK_IN_KEYS = ['date', 'notes', 'worthContinuing'] as const;
/** A metric entry's fields, in the order of its schema (metricEntrySchema). */
export const METRIC_ENTRY_KEYS = ['date', 'metric', 'value', 'note', 'count', 'of', 'source', 'cumulative'] as const;
export const OWNER_KEYS = ['ours', 'theirs'] as const;
export const SCORE_KEYS: readonly ScorecardCriterionId[] = SCORECARD_CRITERIA.map((c) => c.id);

/** Problems kept per file; past it, one more says how many were left out. */
export const MAX_PROBLEMS = 100;
/** Entries read of each list (types, check-ins, metrics, a playbook's steps). */
export const MAX_LIST_ENTRIES = 1000;
