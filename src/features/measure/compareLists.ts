// Compare Member Lists: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { overlapOf } from '../../core/measure/lists';
import { CSV_FILTERS, HASHED_FILTERS, given, pickFile, pickRecord, run, service, trusted, type Measure } from './common';
import { looksHashed, memberSet, saltFor } from './memberLists';
import { logOverlap } from './overlap';

export function compareLists(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Compare Member Lists', async () => {
      const g = given(raw);
      if (!trusted()) return undefined;
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('Compare member lists for which partnership?'));
      if (!id) return undefined;
      const salt = (await saltFor(s, id, false))?.salt;
      if (!salt) return undefined;
      const mine = await pickFile(g.members, vscode.l10n.t('Your member list (CSV export, or your hashed file)'), CSV_FILTERS);
      if (!mine) return undefined;
      const theirs = await pickFile(g.hashed, vscode.l10n.t("The partner's hashed member list"), HASHED_FILTERS);
      if (!theirs) return undefined;
      // The kind of the partner's file first: a CSV is refused before any column is asked.
      if (!(await looksHashed(theirs))) {
        void vscode.window.showErrorMessage(vscode.l10n.t("{0} is not a hashed member list (one SHA-256 hash a line): it looks like a member export, which is not compared as the partner's file. Ask the partner for theirs, made with the salt in the record.", vscode.workspace.asRelativePath(theirs)));
        return undefined;
      }
      const ours = await memberSet(m, mine, salt, vscode.l10n.t('Reading your member list'), g.mapping);
      if (!ours) return undefined;
      const other = await memberSet(m, theirs, salt, vscode.l10n.t("Reading the partner's hashed list"), undefined);
      if (!other) return undefined;
      return logOverlap(m, s, id, overlapOf(ours.set, other.set), g, 'salted hashes', ours.skipped + other.skipped, [mine, theirs]);
    });
}
