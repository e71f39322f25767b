/*
 * The words a record is written with, read loosely (stages, cadences, "worth continuing?",
 * partnership types, metrics), and its dates: what the record schemas
 * (src/core/records/schema.ts) and their zod-free checks (src/core/records/valueChecks.ts) both
 * read values with, so that both give the same answer. Without zod.
 */
import { PARTNERSHIP_TYPES, SUCCESS_METRICS, type PartnershipTypeId, type SuccessMetricId } from '../domain';
import { isIsoDate } from '../dates';
import { parseCount } from '../parseCount';
import { STAGES } from './stages';
import { CADENCES, WORTH_CONTINUING } from './vocabulary';

/**
 * A number of people written as text in a record (a community's size, a measurement's count):
 * what parseCount reads, except that a minus sign just before the figure (`-5`, `−12k`) makes it
 * negative, so that the schemas say it must not be negative. parseCount reads free text, where a
 * dash before a figure is a list's or a range's, and skips it.
 */
export function countText(text: string): number | undefined {
  const sign = /^\s*[-\u2212](?=\d)/.exec(text);
  if (!sign) return parseCount(text);
  const n = parseCount(text.slice(sign[0].length));
  return n === undefined || n === 0 ? n : -n;
}

/** Folds a loosely written word to compare it with ids: `Bi-Weekly`, `bi weekly`, `biweekly`. */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The id a word of a closed set stands for, read case- and punctuation-insensitively (the ids,
 * then `extra`'s other words for them), or undefined. The ids and extra words as written are
 * answered from a table worked out once, with the same answer.
 */
export function lookup<T extends string>(ids: readonly T[], extra: Record<string, T> = {}): (input: unknown) => T | undefined {
  const map = new Map<string, T>();
  for (const id of ids) map.set(looseKey(id), id);
  for (const [k, v] of Object.entries(extra)) map.set(looseKey(k), v);
  const exact = new Map<string, T | undefined>();
  for (const word of [...ids, ...Object.keys(extra)]) exact.set(word, map.get(looseKey(word)));
  return (input) => {
    if (typeof input !== 'string') return undefined;
    const known = exact.get(input);
    return known !== undefined ? known : map.get(looseKey(input));
  };
}

export const findStage = lookup(STAGES);
export const findCadence = lookup(CADENCES, { fortnightly: 'bi-weekly', biweekly: 'bi-weekly' });
export const findWorthContinuing = lookup(WORTH_CONTINUING, { maybe: 'unsure' });
export const findType = lookup<PartnershipTypeId>(
  PARTNERSHIP_TYPES.map((t) => t.id),
  Object.fromEntries(PARTNERSHIP_TYPES.map((t) => [t.title, t.id])),
);
export const findMetric = lookup<SuccessMetricId>(
  SUCCESS_METRICS.map((m) => m.id),
  Object.fromEntries(SUCCESS_METRICS.map((m) => [m.title, m.id])),
);

/**
 * The YYYY-MM-DD date a front matter value stands for. A timestamp such as
 * `2026-03-01T10:00:00Z` counts as its date: people paste them from calendars.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const head = /^\d{4}-\d{2}-\d{2}(?=$|[T ]\d)/.exec(text)?.[0];
  return head !== undefined && isIsoDate(head) ? head : undefined;
}
