// Copy Tracked Link: a part of its own (./impl.ts), loaded on its first use.
import * as vscode from 'vscode';
import { describeError } from '../../host/files';
import { trackedLink, utmFor } from '../../core/measure/utm';
import { frontMatterOf, given, pickRecord, run, service, type Measure } from './common';

const LINK_BASE_KEY = 'communityPartnerships.measure.linkBase';
/** Workspace state: a record's path → the page its last tracked link opened. */
const LINK_BASES_KEY = 'communityPartnerships.measure.linkBases';

export function copyTrackedLink(m: Measure, arg?: unknown, raw?: unknown) {
  return run(m, 'Copy Tracked Link', async () => {
      const g = given(raw);
      const s = await service(m);
      const id = await pickRecord(s, arg, vscode.l10n.t('A tracked link for which partnership?'));
      if (!id) return undefined;
      const parsed = await s.open(id);
      if (!parsed?.ok) {
        void vscode.window.showErrorMessage(vscode.l10n.t('That partnership record cannot be read: fix its problems first.'));
        return undefined;
      }
      const utm = utmFor({ ...parsed.record, fileName: s.uriOf(id)!.path.split('/').pop()! }, (await frontMatterOf(s, id)).utm);
      let base = g.base ?? utm.url;
      if (!base) {
        // The page last used for this record, else the last one in this workspace, is offered as it was.
        const key = vscode.workspace.asRelativePath(s.uriOf(id)!);
        const bases = m.context.workspaceState.get<Record<string, string>>(LINK_BASES_KEY) ?? {};
        const last = bases[key];
        base = await vscode.window.showInputBox({
          title: vscode.l10n.t('Copy Tracked Link'),
          prompt: last
            ? vscode.l10n.t('The page the link opens: the one you used last for this partnership, or another. To keep one in the record, set utm: url: there.')
            : vscode.l10n.t('The page the link opens (your sign-up or landing page). To keep one per partnership, set utm: url: in the record.'),
          value: last ?? m.context.workspaceState.get<string>(LINK_BASE_KEY) ?? 'https://',
          ignoreFocusOut: true,
          validateInput: (v) => {
            try {
              trackedLink(v, utm);
              return undefined;
            } catch {
              return vscode.l10n.t('An address starting with https:// or http://');
            }
          },
        });
        if (!base) return undefined;
        await m.context.workspaceState.update(LINK_BASE_KEY, base.trim());
        await m.context.workspaceState.update(LINK_BASES_KEY, { ...bases, [key]: base.trim() });
      }
      let link: string;
      try {
        link = trackedLink(base, utm);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t("The record's utm url cannot be used: {0}", describeError(err)));
        return undefined;
      }
      await vscode.env.clipboard.writeText(link);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied the tracked link for {0}: {1}', parsed.record.partner, link));
      return link;
    });
}
