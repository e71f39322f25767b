// Measure Event Attendance: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { pickText } from '../planner/api';
import { appendMetric } from '../../core/records/write';
import { AttendanceCounter, eventDateColumn, type Attendance } from '../../core/measure/lists';
import { newSalt } from '../../core/measure/hash';
import { looksDayFirst } from '../../core/measure/dates';
import { mappingIndexes } from '../../core/measure/mapping';
import { sha256Batch, randomBytes } from '../../platform/sha256';
import { CSV_FILTERS, HASHED_FILTERS, askDate, given, logBadRows, pickFile, pickRecord, reportWrite, run, service, showSkipped, skippedNote, sourceOf, toUri, trusted, type Given, type Measure } from './common';
import { readExport } from './reading';
import { looksHashed, memberSet, saltFor } from './memberLists';

export function measureAttendance(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Measure Event Attendance', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('Which partnership was the event with?'));
      if (!id) return undefined;
      const partnerName = s.index.get(id)!.summary.partner;
      const registrations = await pickFile(g.registrations, vscode.l10n.t('The registration export (Luma, Eventbrite, Meetup...)'), CSV_FILTERS);
      if (!registrations) return undefined;
      const mine = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or your hashed file)'), { ...CSV_FILTERS, ...HASHED_FILTERS });
      if (!mine) return undefined;
      const theirs = await partnerListFor(g, partnerName);
      if (theirs === null) return undefined;
      // Hashed lists are compared with the record's salt; plain ones alone can use any salt, so no record needs one.
      const hashed = await looksHashed(mine);
      const salt = hashed || theirs ? (await saltFor(s, id, false))?.salt : newSalt(randomBytes);
      if (!salt) return undefined;
      const members = await memberSet(m, mine, salt, vscode.l10n.t('Reading your member list'), hashed ? undefined : g.mapping && { email: g.mapping.email });
      if (!members) return undefined;
      const partner = theirs ? await memberSet(m, theirs, salt, vscode.l10n.t("Reading the partner's hashed list"), undefined) : undefined;
      if (theirs && !partner) return undefined;
      if (partner && !partner.hashed) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a hashed member list (one SHA-256 hash a line). Ask the partner for theirs, made with the salt in the record.', vscode.workspace.asRelativePath(theirs!)));
        return undefined;
      }
      const read = await readExport(m, registrations, vscode.l10n.t('Reading the registrations'), { roles: ['email', 'name', 'status', 'checkIn', 'date'], required: ['email'], given: g.mapping }, (header, mapping, sample) => {
        const at = mappingIndexes(header, mapping);
        const eventDate = eventDateColumn(header);
        const dayFirst = looksDayFirst(sample.flatMap((r) => [at.checkIn, eventDate].map((k) => (k === undefined ? '' : (r.fields[k] ?? '')))));
        const counter = new AttendanceCounter(members.set, salt, sha256Batch, { email: at.email!, status: at.status, checkIn: at.checkIn, eventDate, headerLength: header.length, dayFirst }, partner?.set);
        return { add: (rows) => counter.add(rows), done: () => counter.result };
      });
      if (!read) return undefined;
      const a = read.value;
      const skipped = members.skipped + (partner?.skipped ?? 0) + logBadRows(m, vscode.workspace.asRelativePath(registrations), a.bad, read.summary.problems);
      if (a.attendees === 0) {
        showSkipped(m, (a.basis === 'checked-in' ? vscode.l10n.t('Nobody is checked in in the registrations: nothing was logged.') : vscode.l10n.t('No attendees found in the registrations: nothing was logged.')) + skippedNote(skipped), skipped);
        return { ...a, skipped };
      }
      const date = await askDate(g, s, vscode.l10n.t('Measure Event Attendance: date of the event'), a.eventDate, a.eventDate ? vscode.l10n.t("The event's date, from the export (YYYY-MM-DD)") : undefined);
      if (!date) return undefined;
      const sources = theirs ? [registrations, mine, theirs] : [registrations, mine];
      const outcome = await s.write(id, (t) => appendMetric(t, { date, metric: 'event-attendance', value: a.percent, note: attendanceNote(a, partnerName), count: a.fromOther, of: a.attendees, ...sourceOf(...sources) }));
      if (!reportWrite(outcome, 'Event attendance logged.')) return undefined;
      showSkipped(m, attendanceMessage(a, partnerName) + skippedNote(skipped), skipped);
      return { ...a, skipped };
    });
}

/**
 * The partner's hashed member list, when there is one: given, or picked after the user says
 * so. Without it the measure counts the attendees who are not in your list, and says that.
 * null when the user dismisses the question.
 */
async function partnerListFor(g: Given, partner: string): Promise<vscode.Uri | undefined | null> {
  if (g.hashed !== undefined) return toUri(g.hashed);
  // Run with its files given (a task, a test): no partner's list unless given too.
  if (g.members !== undefined || g.registrations !== undefined) return undefined;
  const choice = await vscode.window.showQuickPick(
    [
      { label: `$(file) ${vscode.l10n.t("Use {0}'s hashed member list", pickText(partner))}`, description: vscode.l10n.t("counts only their members, and the members you share"), use: true },
      { label: `$(dash) ${vscode.l10n.t('Without it')}`, description: vscode.l10n.t('counts the attendees who are not in your member list'), use: false },
    ],
    { title: vscode.l10n.t('Measure Event Attendance'), placeHolder: vscode.l10n.t("Do you have {0}'s hashed member list (made with the record's salt)?", pickText(partner)), ignoreFocusOut: true },
  );
  if (!choice) return null;
  if (!choice.use) return undefined;
  return (await pickFile(undefined, vscode.l10n.t("The partner's hashed member list"), HASHED_FILTERS)) ?? null;
}

/** The metric's note in the record: what was counted, against which list. */
function attendanceNote(a: Attendance, partner: string): string {
  const who = a.basis === 'checked-in' ? 'checked-in attendees' : 'registrations (the export has no check-in)';
  const measured = a.partnerList ? `${a.fromOther} of ${a.attendees} ${who} in ${partner}'s member list (${a.shared} of them in both lists)` : `${a.fromOther} of ${a.attendees} ${who} not in our member list (no partner list given)`;
  return a.basis === 'checked-in' ? `${measured}; ${a.registered.people} registered` : measured;
}

/** The outcome as the user reads it: the share, what it is a share of, and what was left out. */
function attendanceMessage(a: Attendance, partner: string): string {
  const share = a.partnerList
    ? vscode.l10n.t("{0}% of attendees are {1}'s members ({2} of {3}; {4} of them are members of both communities).", a.percent, partner, a.fromOther, a.attendees, a.shared)
    : vscode.l10n.t("{0}% of attendees are not in your member list ({1} of {2}): without {3}'s hashed member list, people of neither community count too.", a.percent, a.fromOther, a.attendees, partner);
  const basis =
    a.basis === 'checked-in'
      ? vscode.l10n.t('Only people checked in count: {0} registered, {1} checked in.', a.registered.people, a.checkedIn.people)
      : vscode.l10n.t('The export has no check-in column: these are registrations, not attendance.');
  const left = a.notAttending ? ` ${vscode.l10n.t('Registrations declined, cancelled or waitlisted, left out: {0}.', a.notAttending)}` : '';
  return `${share} ${basis}${left} ${vscode.l10n.t('Logged as event-attendance.')}`;
}
