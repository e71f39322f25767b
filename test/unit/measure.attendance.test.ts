import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readCsvText } from '../../src/core/measure/csv';
import { DigestSet, DIGEST_BYTES } from '../../src/core/measure/hash';
import { AttendanceCounter, eventDateColumn, isCheckedInCell, isCheckedInStatus, type Attendance } from '../../src/core/measure/lists';
import { guessMapping, mappingIndexes } from '../../src/core/measure/mapping';
import { looksDayFirst } from '../../src/core/measure/dates';
import { normaliseEmail } from '../../src/core/measure/email';
import { sha256Batch } from '../../src/platform/sha256';

// Registration and attendance exports as the tools write them (test/fixtures/attendance), with
// who is in which list known by construction: our members (ana, bo, chidi, dana, emile), the
// partner's (dana, emile, farah, gustav, hana); dana and emile are in both; ifeoma and jonas in
// neither.
const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'attendance');
const SALT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

async function setOf(file: string): Promise<DigestSet> {
  const { summary, rows } = await readCsvText(fs.readFileSync(path.join(DIR, file), 'utf8'));
  const at = summary.header.indexOf('email');
  const emails = rows.map((r) => normaliseEmail(r.fields[at]!)).flatMap((e) => (e.ok ? [e.email] : []));
  const digests = await sha256Batch(emails.map((e) => SALT + e));
  const set = new DigestSet(16);
  for (let k = 0; k < emails.length; k++) set.add(digests, k * DIGEST_BYTES);
  return set;
}

async function measure(file: string, partner?: DigestSet): Promise<Attendance> {
  const ours = await setOf('our-members.csv');
  const { summary, rows } = await readCsvText(fs.readFileSync(path.join(DIR, file), 'utf8'));
  const at = mappingIndexes(summary.header, guessMapping(summary.header));
  const eventDate = eventDateColumn(summary.header);
  const dayFirst = looksDayFirst(rows.flatMap((r) => [at.checkIn, eventDate].map((k) => (k === undefined ? '' : (r.fields[k] ?? '')))));
  const counter = new AttendanceCounter(ours, SALT, sha256Batch, { email: at.email!, status: at.status, checkIn: at.checkIn, eventDate, headerLength: summary.header.length, dayFirst }, partner);
  // In two batches, as a stream gives them.
  await counter.add(rows.slice(0, 3));
  await counter.add(rows.slice(3));
  return counter.result;
}

interface Truth {
  file: string;
  basis: Attendance['basis'];
  registered: number;
  checkedIn: number;
  /** Checked in and in the partner's list (shared included), and of them in both. */
  partner: [number, number];
  /** Checked in and not in our list. */
  notOurs: number;
  notAttending: number;
  eventDate?: string;
  bad?: number;
  duplicates?: number;
}

const CORPUS: Truth[] = [
  // Luma: checked_in_at holds the check-in time; a declined guest; Farah registered twice (once checked in).
  { file: 'luma-guests.csv', basis: 'checked-in', registered: 8, checkedIn: 6, partner: [3, 1], notOurs: 4, notAttending: 1, eventDate: '2026-03-12', duplicates: 1 },
  // Eventbrite: BOM, CRLF, quoted commas; "Checked In" vs "Attending" in Attendee Status, "Not Attending"; "Name <address>".
  { file: 'eventbrite-attendees.csv', basis: 'checked-in', registered: 6, checkedIn: 4, partner: [2, 1], notOurs: 2, notAttending: 1 },
  // Meetup: semicolons, a quoted semicolon, RSVP Yes/No/Waitlist, Attended Yes/No/No show.
  { file: 'meetup-rsvps.csv', basis: 'checked-in', registered: 5, checkedIn: 3, partner: [2, 1], notOurs: 1, notAttending: 2 },
  // Zoom webinar attendee report: Attended Yes/No, a person who joined twice, the day from Join Time.
  { file: 'zoom-webinar-attendees.csv', basis: 'checked-in', registered: 5, checkedIn: 4, partner: [2, 1], notOurs: 2, notAttending: 0, eventDate: '2026-03-12', duplicates: 1 },
  // A hand-made sheet: semicolons, BOM, "x" for came, an Event date column written day first, a bad address.
  { file: 'handmade-sheet.csv', basis: 'checked-in', registered: 4, checkedIn: 3, partner: [1, 0], notOurs: 2, notAttending: 0, eventDate: '2026-03-12', bad: 1 },
];

describe('measure: event attendance from real-looking exports', () => {
  for (const t of CORPUS) {
    it(`${t.file}: only people checked in count, registrations apart; with the partner's list only its members`, async () => {
      const partner = await setOf('guild-members.csv');
      const withList = await measure(t.file, partner);
      assert.strictEqual(withList.basis, t.basis);
      assert.deepStrictEqual([withList.registered.people, withList.checkedIn.people, withList.attendees], [t.registered, t.checkedIn, t.checkedIn]);
      assert.deepStrictEqual([withList.fromOther, withList.shared], t.partner, 'in the partner list, and of them in both');
      assert.strictEqual(withList.percent, Math.round((t.partner[0] / t.checkedIn) * 1000) / 10);
      assert.strictEqual(withList.notAttending, t.notAttending);
      assert.strictEqual(withList.eventDate, t.eventDate);
      assert.strictEqual(withList.bad.count, t.bad ?? 0);
      assert.strictEqual(withList.duplicates, t.duplicates ?? 0);

      // Without it: what is measured is "not in our member list", people of neither community included.
      const without = await measure(t.file);
      assert.strictEqual(without.partnerList, false);
      assert.deepStrictEqual([without.attendees, without.fromOther, without.shared], [t.checkedIn, t.notOurs, 0]);
      assert.strictEqual(without.fromYours, t.checkedIn - t.notOurs);
    });
  }

  it('people of neither community never count as the partner’s, shared members do', async () => {
    const partner = await setOf('guild-members.csv');
    const a = await measure('luma-guests.csv', partner);
    // Ifeoma and Jonas came and are in neither list; Dana is in both.
    assert.strictEqual(a.checkedIn.neither, 2);
    assert.strictEqual(a.checkedIn.shared, 1);
    assert.strictEqual(a.fromOther, a.checkedIn.partner + a.checkedIn.shared);
  });

  it('an export with no check-in is measured by its registrations, and says so', async () => {
    const text = 'Email,Status\nana@acme.dev,going\nfarah@guild.io,going\nifeoma@gmail.com,declined\n';
    const { summary, rows } = await readCsvText(text);
    const counter = new AttendanceCounter(await setOf('our-members.csv'), SALT, sha256Batch, { email: 0, status: 1, headerLength: summary.header.length }, await setOf('guild-members.csv'));
    await counter.add(rows);
    const a = counter.result;
    assert.deepStrictEqual([a.basis, a.attendees, a.fromOther, a.notAttending], ['registered', 2, 1, 1]);
  });

  it('reads the ways check-ins are written', () => {
    for (const c of ['2026-03-12T18:04:51.000Z', 'Yes', 'x', 'TRUE', '1', 'checked in']) assert.ok(isCheckedInCell(c), c);
    for (const c of ['', ' ', 'No', 'false', '0', 'No show', 'absent', '--', 'n/a']) assert.ok(!isCheckedInCell(c), c);
    for (const s of ['Checked In', 'checked_in', 'Attended']) assert.ok(isCheckedInStatus(s), s);
    for (const s of ['Attending', 'approved', 'going']) assert.ok(!isCheckedInStatus(s), s);
    assert.strictEqual(eventDateColumn(['Email', 'Event Date']), 1);
    assert.strictEqual(eventDateColumn(['Email', 'Order Date']), undefined);
  });
});
