// What the status bar and the planner's badge say, in the display language: the record index's
// status bar item (src/features/records/service.ts) loads this without the planner's labels.
import { l10n } from '../l10n';

/** What the status bar and the planner's badge say: check-ins and reviews past their date. */
export function attentionText(checkIns: number, reviews: number): string {
  const c = checkIns === 1 ? l10n.t('1 check-in overdue') : l10n.t('{0} check-ins overdue', checkIns);
  const r = reviews === 1 ? l10n.t('1 review overdue') : l10n.t('{0} reviews overdue', reviews);
  if (reviews === 0) return c;
  if (checkIns === 0) return r;
  return l10n.t('{0}, {1}', c, r);
}
