import { SCORECARD_CRITERIA, SUCCESS_METRICS, partnershipType, type PartnershipTypeId, type ScorecardCriterionId } from '../domain';
import { formatCount } from '../numbers';
import type { Cadence, CheckIn, MetricEntry, Owners, PartnershipRecord, PlaybookId, Stage } from '../records/schema';

/*
 * One change the planner makes to a record. The same value is applied twice: to the record the
 * page shows, in the same frame (applyChange, here: pure and small, for the webview bundle), and
 * to the file's text by the extension (src/core/records/edit.ts). `null` clears a field.
 */

export type TextField = 'community' | 'contact';
export type DateField = 'start' | 'review';

export type RecordChange =
  | { kind: 'stage'; value: Stage }
  | { kind: 'cadence'; value: Cadence }
  | { kind: DateField; value: string | null }
  | { kind: TextField; value: string | null }
  | { kind: 'partnerSize'; value: number | null }
  | { kind: 'types'; value: PartnershipTypeId[] }
  | { kind: 'owners'; value: Owners }
  | { kind: 'score'; criterion: ScorecardCriterionId; value: number | null }
  | { kind: 'playbookStep'; playbook: PlaybookId; step: number; done: boolean }
  | { kind: 'addMetric'; entry: MetricEntry }
  | { kind: 'editMetric'; index: number; was: MetricEntry; entry: MetricEntry }
  | { kind: 'deleteMetric'; index: number; was: MetricEntry }
  | { kind: 'addCheckIn'; entry: CheckIn }
  | { kind: 'editCheckIn'; index: number; was: CheckIn; entry: CheckIn }
  | { kind: 'deleteCheckIn'; index: number; was: CheckIn };

export type RecordChangeKind = RecordChange['kind'];

function without<T extends object, K extends keyof T>(o: T, key: K): T {
  const out = { ...o };
  delete out[key];
  return out;
}

function set<K extends keyof PartnershipRecord>(record: PartnershipRecord, key: K, value: PartnershipRecord[K] | null | undefined): PartnershipRecord {
  if (value === null || value === undefined || value === '') return without(record, key);
  return { ...record, [key]: value };
}

function cleanOwners(o: Owners): Owners {
  const out: Owners = {};
  if (o.ours?.trim()) out.ours = o.ours.trim();
  if (o.theirs?.trim()) out.theirs = o.theirs.trim();
  return out;
}

/**
 * The record as it reads once the change is written: what the page shows at once, before the
 * file answers. Never throws; a change that no longer fits (an entry gone) leaves it as it was.
 */
export function applyChange(record: PartnershipRecord, change: RecordChange): PartnershipRecord {
  switch (change.kind) {
    case 'stage':
    case 'cadence':
      return { ...record, [change.kind]: change.value };
    case 'start':
    case 'review':
    case 'community':
    case 'contact':
      return set(record, change.kind, change.value?.trim() || null);
    case 'partnerSize':
      return set(record, 'partnerSize', change.value);
    case 'types':
      return { ...record, types: [...new Set(change.value)] };
    case 'owners':
      return { ...record, owners: cleanOwners(change.value) };
    case 'score': {
      const scores = { ...record.scores };
      if (change.value === null) delete scores[change.criterion];
      else scores[change.criterion] = change.value;
      return { ...record, scores };
    }
    case 'playbookStep': {
      const before = record.playbook[change.playbook] ?? [];
      const others = before.filter((s) => s !== change.step);
      const after = change.done ? [...others, change.step].sort((a, b) => a - b) : others;
      const playbook = { ...record.playbook };
      if (after.length) playbook[change.playbook] = after;
      else delete playbook[change.playbook];
      return { ...record, playbook };
    }
    case 'addMetric':
      return { ...record, metrics: [...record.metrics, change.entry] };
    case 'addCheckIn':
      return { ...record, checkIns: [...record.checkIns, change.entry] };
    case 'editMetric':
    case 'deleteMetric': {
      if (!sameAt(record.metrics, change.index, change.was)) return record;
      const metrics = [...record.metrics];
      if (change.kind === 'editMetric') metrics[change.index] = change.entry;
      else metrics.splice(change.index, 1);
      return { ...record, metrics };
    }
    case 'editCheckIn':
    case 'deleteCheckIn': {
      if (!sameAt(record.checkIns, change.index, change.was)) return record;
      const checkIns = [...record.checkIns];
      if (change.kind === 'editCheckIn') checkIns[change.index] = change.entry;
      else checkIns.splice(change.index, 1);
      return { ...record, checkIns };
    }
  }
}

function sameAt<T>(list: readonly T[], index: number, was: T): boolean {
  return index >= 0 && index < list.length && JSON.stringify(list[index]) === JSON.stringify(was);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const metricTitle = (id: string) => SUCCESS_METRICS.find((m) => m.id === id)?.title ?? id;

/** What the change did, in a few words: the confirmation, and the Undo button's subject. */
export function describeChange(change: RecordChange): string {
  switch (change.kind) {
    case 'stage':
      return `Stage set to ${change.value}`;
    case 'cadence':
      return `Check-ins ${change.value === 'bi-weekly' ? 'every two weeks' : change.value}`;
    case 'start':
    case 'review':
      return change.value ? `${change.kind === 'start' ? 'Start' : 'Review'} date set to ${change.value}` : `${change.kind === 'start' ? 'Start' : 'Review'} date cleared`;
    case 'community':
    case 'contact':
      return change.value ? `${cap(change.kind)} set to ${change.value}` : `${cap(change.kind)} cleared`;
    case 'partnerSize':
      return change.value === null ? 'Partner size cleared' : `Partner size set to ${formatCount(change.value)}`;
    case 'types':
      return change.value.length ? `Types set to ${change.value.map((t) => partnershipType(t)?.title ?? t).join(', ')}` : 'Types cleared';
    case 'owners':
      return 'Owners changed';
    case 'score': {
      const title = SCORECARD_CRITERIA.find((c) => c.id === change.criterion)?.title ?? change.criterion;
      return change.value === null ? `${title} score cleared` : `${title} scored ${change.value}`;
    }
    case 'playbookStep':
      return `Playbook step ${change.step} ${change.done ? 'done' : 'not done'}`;
    case 'addMetric':
      return `${metricTitle(change.entry.metric)} logged`;
    case 'editMetric':
      return `${metricTitle(change.entry.metric)} of ${change.entry.date} changed`;
    case 'deleteMetric':
      return `${metricTitle(change.was.metric)} of ${change.was.date} deleted`;
    case 'addCheckIn':
      return 'Check-in logged';
    case 'editCheckIn':
      return `Check-in of ${change.entry.date} changed`;
    case 'deleteCheckIn':
      return `Check-in of ${change.was.date} deleted`;
  }
}
