// The planner view's edits of a record and what the view says about them: a part of its own
// (`deps.loadChunk('plannerEdit')`, src/implementations.ts), loaded by the first edit or undo,
// not when the view opens.
import * as vscode from 'vscode';
import { changeRecordText, keptPlaybookSections, revertEdit, setStage } from '../../core/records/edit';
import { describeChange } from '../../core/planner/changes';
import { playbookTitle } from '../../core/planner/labels';
import type { PartnershipTypeId } from '../../core/domain';

export { changeRecordText, describeChange, revertEdit, setStage };

/** After a change of the types: the note on the playbook sections that stay in the text, if any. */
export function keptPlaybookNote(after: string, types: readonly PartnershipTypeId[]): string | undefined {
  const kept = keptPlaybookSections(after, types);
  if (kept.length === 0) return undefined;
  const titles = kept.map((id) => playbookTitle(id)).join(', ');
  return vscode.l10n.t('The playbook section "{0}" stays in the record\'s text with what was written in it: delete it there if it is no longer needed.', titles);
}
