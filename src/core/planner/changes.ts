import { type PartnershipTypeId, type ScorecardCriterionId } from '../domain';
import { l10n } from '../l10n';
import { cadenceLabel, criterionTitle, metricTitle, stageLabel, typeTitle } from './labels';
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

/** What the change did, in a few words, in the display language: the confirmation, and the Undo button's subject. */
export function describeChange(change: RecordChange): string {
  switch (change.kind) {
    case 'stage':
      return l10n.t('Stage set to {0}', stageLabel(change.value));
    case 'cadence':
      return l10n.t('Check-ins: {0}', cadenceLabel(change.value));
    case 'start':
      return change.value ? l10n.t('Start date set to {0}', change.value) : l10n.t('Start date cleared');
    case 'review':
      return change.value ? l10n.t('Review date set to {0}', change.value) : l10n.t('Review date cleared');
    case 'community':
      return change.value ? l10n.t('Community set to {0}', change.value) : l10n.t('Community cleared');
    case 'contact':
      return change.value ? l10n.t('Contact set to {0}', change.value) : l10n.t('Contact cleared');
    case 'partnerSize':
      return change.value === null ? l10n.t('Partner size cleared') : l10n.t('Partner size set to {0}', formatCount(change.value));
    case 'types':
      return change.value.length ? l10n.t('Types set to {0}', change.value.map((t) => typeTitle(t)).join(', ')) : l10n.t('Types cleared');
    case 'owners':
      return l10n.t('Owners changed');
    case 'score': {
      const title = criterionTitle(change.criterion);
      return change.value === null ? l10n.t('{0} score cleared', title) : l10n.t('{0} scored {1}', title, change.value);
    }
    case 'playbookStep':
      return change.done ? l10n.t('Playbook step {0} done', change.step) : l10n.t('Playbook step {0} not done', change.step);
    case 'addMetric':
      return l10n.t('{0} logged', metricTitle(change.entry.metric));
    case 'editMetric':
      return l10n.t('{0} of {1} changed', metricTitle(change.entry.metric), change.entry.date);
    case 'deleteMetric':
      return l10n.t('{0} of {1} deleted', metricTitle(change.was.metric), change.was.date);
    case 'addCheckIn':
      return l10n.t('Check-in logged');
    case 'editCheckIn':
      return l10n.t('Check-in of {0} changed', change.entry.date);
    case 'deleteCheckIn':
      return l10n.t('Check-in of {0} deleted', change.was.date);
  }
}
