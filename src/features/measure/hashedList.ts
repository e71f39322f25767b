// Export Hashed Member List: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { mappingIndexes } from '../../core/measure/mapping';
import { MemberHasher } from '../../core/measure/lists';
import { sha256Batch } from '../../platform/sha256';
import { formatCount } from '../../core/numbers';
import { CSV_FILTERS, fileStem, given, logBadRows, pickFile, pickOutput, pickRecord, run, service, showSkipped, skippedNote, trusted, writeOutput, type Measure } from './common';
import { readExport } from './reading';
import { keepSalt, saltFor } from './memberLists';

export function exportHashedList(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Export Hashed Member List', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('Export a hashed member list for which partnership? (its salt is kept in the record)'));
      if (!id) return undefined;
      // The record's salt checked and where to save asked first: nothing is written until the list is hashed.
      const salted = await saltFor(s, id, true);
      if (!salted) return undefined;
      const { salt, made } = salted;
      const out = await pickOutput(g.output, `${fileStem(s, id)}-members.sha256`, vscode.l10n.t('Save the hashed member list'), { 'Hashed member lists': ['sha256'] });
      if (!out) return undefined;
      const file = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export)'), CSV_FILTERS);
      if (!file) return undefined;
      const read = await readExport(m, file, vscode.l10n.t('Hashing the member list'), { roles: ['email', 'name', 'date'], required: ['email'], given: g.mapping }, (header, m, _sample, expected) => {
        const at = mappingIndexes(header, m);
        const hasher = new MemberHasher(salt, sha256Batch, { email: at.email!, headerLength: header.length }, expected);
        return { add: (rows) => hasher.add(rows), done: () => hasher.finish() };
      });
      if (!read) return undefined;
      const skipped = logBadRows(m, vscode.workspace.asRelativePath(file), read.value.stats.bad, read.summary.problems);
      const summary = s.index.get(id)!.summary;
      if (made && !(await keepSalt(m, s, id, salt))) return undefined;
      if (!(await writeOutput(out, new TextDecoder().decode(read.value.set.toHashedFile())))) return undefined;
      const members = read.value.stats.members;
      showSkipped(m, vscode.l10n.t('Hashed members written to {0}: {1} (no email, no name). Send the file to {2} with the salt {3}.', vscode.workspace.asRelativePath(out), formatCount(members), summary.partner, salt) + skippedNote(skipped), skipped, [
        { label: vscode.l10n.t('Copy Salt'), run: () => vscode.env.clipboard.writeText(salt) },
      ]);
      return { file: out, members, skipped, salt };
    });
}
