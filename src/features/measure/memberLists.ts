// What Export Hashed Member List, Compare Member Lists and Measure Event Attendance share: the
// partnership's salt, and a member list read as a set of salted hashes.
import * as vscode from 'vscode';
import type { PlannerService } from '../planner/api';
import { updateRecordText, type RecordChanges } from '../../core/records/write';
import { DigestSet, newSalt, saltProblem } from '../../core/measure/hash';
import { HashedListReader, MemberHasher } from '../../core/measure/lists';
import { mappingIndexes, type ColumnMapping } from '../../core/measure/mapping';
import { sha256Batch, randomBytes } from '../../platform/sha256';
import { frontMatterOf, logBadRows, openExport, reportWrite, type Measure } from './common';
import { readExport, readHead } from './reading';

/** The partnership's salt: the record's, or (with `create`) a new one when it has none, not written yet. */
export async function saltFor(s: PlannerService, id: string, create: boolean): Promise<{ salt: string; made: boolean } | undefined> {
  const data = await frontMatterOf(s, id);
  const existing = typeof data.hashSalt === 'string' || typeof data.hashSalt === 'number' ? String(data.hashSalt).trim() : undefined;
  if (existing !== undefined) {
    const problem = saltProblem(existing);
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t("The record's hashSalt cannot be used: {0}. Agree on a new one with the partner (or remove the line to have one made).", problem));
      return undefined;
    }
    return { salt: existing, made: false };
  }
  if (!create) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This partnership has no hashSalt yet: run "Export Hashed Member List" first, which makes one and keeps it in the record, and send it to the partner with your file.'));
    return undefined;
  }
  // Made here, written to the record only once the export is certain (keepSalt).
  return { salt: newSalt(randomBytes), made: true };
}

/** Writes a salt made for this export into the record (hashSalt is a key this extension keeps; the writer leaves every other line alone). */
export async function keepSalt(m: Measure, s: PlannerService, id: string, salt: string): Promise<boolean> {
  const outcome = await s.write(id, (t) => updateRecordText(t, { hashSalt: salt } as unknown as RecordChanges));
  if (!reportWrite(outcome, vscode.l10n.t('The salt is in the record.'))) return false;
  m.deps.log.info(`Made a salt for ${vscode.workspace.asRelativePath(s.uriOf(id)!)} (hashSalt in its front matter)`);
  return true;
}

/** A member list as a set of salted hashes: a CSV (hashed here) or a hashed file (read as it is). */
export async function memberSet(m: Measure, uri: vscode.Uri, salt: string, title: string, mapping: ColumnMapping | undefined): Promise<{ set: DigestSet; members: number; skipped: number; hashed: boolean } | undefined> {
  if (await looksHashed(uri)) {
    const opened = await openExport(uri);
    if ('message' in opened) {
      void vscode.window.showErrorMessage(opened.message);
      return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}: ${vscode.workspace.asRelativePath(uri)}`, cancellable: true }, async (_progress, token) => {
      const reader = new HashedListReader(Math.ceil(opened.size / 65));
      for await (const chunk of opened.chunks) {
        reader.push(chunk);
        if (token.isCancellationRequested) return undefined;
      }
      const stats = reader.end();
      const skipped = logBadRows(m, `${vscode.workspace.asRelativePath(uri)} (hashed)`, stats.bad);
      if (stats.members === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no SHA-256 hash (64 hexadecimal characters a line): it is empty or not a hashed member list. Nothing was compared or logged.', vscode.workspace.asRelativePath(uri)));
        return undefined;
      }
      return { set: reader.set, members: stats.members, skipped, hashed: true };
    });
  }
  const read = await readExport(m, uri, title, { roles: ['email', 'name', 'date'], required: ['email'], given: mapping }, (header, m, _sample, expected) => {
    const at = mappingIndexes(header, m);
    const hasher = new MemberHasher(salt, sha256Batch, { email: at.email!, headerLength: header.length }, expected);
    return { add: (rows) => hasher.add(rows), done: () => hasher.finish() };
  });
  if (!read) return undefined;
  const skipped = logBadRows(m, vscode.workspace.asRelativePath(uri), read.value.stats.bad, read.summary.problems);
  if (read.value.stats.members === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no email address in the chosen column: nothing was compared or logged.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  return { set: read.value.set, members: read.value.stats.members, skipped, hashed: false };
}

/** A hashed file: its first line that is not blank, a comment or a header is 64 hexadecimal characters. */
export async function looksHashed(uri: vscode.Uri): Promise<boolean> {
  if (/\.sha256$/i.test(uri.path)) return true;
  const head = await readHead(uri, true);
  if (!head) return false;
  const first = [head.header.join(','), ...head.rows.map((r) => r.fields.join(','))].find((l) => /^[0-9a-f]{64}$/i.test(l.trim()));
  return first !== undefined && head.header.length === 1;
}
