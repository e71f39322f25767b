// Loaded with the first Markdown document (diagnostics) or the first completion request in
// Markdown: the checker for partnership documents, its Quick Fixes, and the snippets of
// snippets/partnerships.code-snippets with the community context's values filled in.
import { textLanguageStore } from '../../host/textLanguage';
import { INTERNAL_COMMANDS } from '../../host/commandIds';
import * as vscode from 'vscode';
import { Debouncer } from '../../host/timers';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../../host/diagnostics';
import type { Deps } from '../../host/deps';
import type { FolderContext } from '../../host/contextService';
import { diagnosePartnershipDoc, type PartnershipDiagnostic } from '../../core/partnershipDocs';
import { agreementSnippet } from '../../core/agreement';
import { firstPerson, pitchDefaultsFromContext, pitchSnippet, type PitchVariant } from '../../core/pitch';
import { escapeSnippetText } from '../../core/placeholders';
import { dateVariables, snippetEntries, snippetPreview, type Snippet } from '../../core/snippetText';
import { formatCount } from '../../core/numbers';
import { parseCount } from '../../core/countReading';
import { MAX_TEXT_FILE_BYTES } from '../../host/files';

export interface MarkdownDocsApi {
  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]>;
  startDiagnostics(): void;
}

const SOURCE = DIAGNOSTIC_SOURCE;
const SELECT_COMMAND = INTERNAL_COMMANDS.selectPlaceholder;
const DEBOUNCE_MS = 300;

/** The pitch snippets, by prefix, and the variant each writes. */
const PITCH_SNIPPETS: Readonly<Record<string, PitchVariant | undefined>> = { 'cp-pitch': 'classic', 'cp-pitch-cold': 'cold', 'cp-pitch-warm': 'warm' };

export function activate(context: vscode.ExtensionContext, deps: Deps): MarkdownDocsApi {
  let snippets: Promise<Snippet[]> | undefined;
  const loadSnippets = () =>
    (snippets ??= (async () => {
      const uri = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'partnerships.code-snippets');
      const entries = snippetEntries(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
      if (!entries) deps.log.error('snippets/partnerships.code-snippets does not match the snippet format');
      return entries ?? [];
    })());

  let diagnostics: Diagnostics | undefined;
  const textLanguages = textLanguageStore(context);
  return {
    async provideCompletionItems(doc, position) {
      const c = contextFor(doc, deps);
      if (c?.state !== 'ok') return [];
      const values = c.parsed.values;
      const fills = contextFills(values);
      const name = fills['[your community]'];
      if (!name) return [];
      const range = doc.getWordRangeAtPosition(position, /[\w-]+/);
      const items: vscode.CompletionItem[] = [];
      const variables = dateVariables(new Date());
      // The agreement and the pitches in the language last picked for them in their panels.
      const language = textLanguages.get() ?? 'en';
      for (const s of await loadSnippets()) {
        const variant = PITCH_SNIPPETS[s.prefix];
        // The pitches come from the same composer as the pitch panel, so they read the same.
        const body = s.prefix === 'cp-agreement' ? agreementSnippet(values, language) : variant ? pitchSnippet({ ...pitchDefaultsFromContext(values).input, variant, language }) : fillSnippet(s.body, fills);
        // A snippet the context has nothing to add to is already offered by the static one.
        if (body === s.body) continue;
        const item = new vscode.CompletionItem({ label: `${s.prefix} (${name})`, description: vscode.l10n.t('from your community context') }, vscode.CompletionItemKind.Snippet);
        item.filterText = s.prefix;
        item.sortText = s.prefix;
        item.insertText = new vscode.SnippetString(body);
        item.detail = s.description;
        // What the snippet inserts, rendered: the context's values, each slot as its name.
        item.documentation = new vscode.MarkdownString(snippetPreview(body, variables));
        if (range) item.range = range;
        items.push(item);
      }
      return items;
    },
    startDiagnostics() {
      if (diagnostics) return;
      diagnostics = new Diagnostics(deps);
      context.subscriptions.push(diagnostics);
    },
  };
}

function contextFor(doc: vscode.TextDocument, deps: Deps): FolderContext | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  return (folder && deps.contexts.get(folder)) || deps.contexts.active();
}

/** Placeholder text of the snippets → the context's value for it. */
export function contextFills(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const known = (v: string | undefined) => {
    const t = (v ?? '').replace(/\s+/g, ' ').trim();
    return t && !/^tbd\.?$/i.test(t) ? t : '';
  };
  const fills: Record<string, string> = {};
  const set = (placeholder: string, value: string) => {
    if (value) fills[placeholder] = value;
  };
  const size = parseCount(known(values['Current size']));
  const active = parseCount(known(values['Active members']));
  const engagement = known(values['Engagement level']).replace(/\.$/, '');
  const person = firstPerson(known(values['Team'])) ?? '';
  set('[your community]', known(values['Community Name']));
  set('[member count]', size ? formatCount(size) : '');
  set('[who your members are]', known(values['Who is this for']));
  const activity = [size ? `${formatCount(size)} members` : '', active && (!size || active < size) ? `${formatCount(active)} of them active` : ''].filter(Boolean).join(', ');
  set('[numbers that show your community is active]', activity && engagement ? `${activity} (${engagement})` : activity || engagement);
  set('[your name]', person);
  set('[your owner]', person);
  return fills;
}

/** `${4:[member count]}` → `${4:12,000}`: the tab stop stays, its default is the context's value. */
export function fillSnippet(body: string, fills: Readonly<Record<string, string>>): string {
  return body.replace(/\$\{(\d+):(\[[^\]$}]*\])\}/g, (whole, n: string, placeholder: string) => (fills[placeholder] ? `\${${n}:${escapeSnippetText(fills[placeholder])}}` : whole));
}

/** Diagnostics for partnership documents, with Quick Fixes. Other Markdown is left alone. */
class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('communityPartnerships.docs');
  private readonly timers = new Debouncer<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: Deps) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d);
        this.collection.delete(d.uri);
      }),
      vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, { provideCodeActions: (d, r, c) => this.codeActions(d, r, c) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
      vscode.commands.registerCommand(SELECT_COMMAND, async (uri: vscode.Uri, range: vscode.Range) => {
        const editor = await vscode.window.showTextDocument(uri);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.check(d);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'markdown') return;
    this.timers.schedule(doc.uri.toString(), DEBOUNCE_MS, () => this.check(doc));
  }

  private cancel(doc: vscode.TextDocument): void {
    this.timers.cancel(doc.uri.toString());
  }

  private diagnose(doc: vscode.TextDocument): PartnershipDiagnostic[] {
    if (doc.languageId !== 'markdown' || doc.isClosed) return [];
    const text = doc.getText();
    if (text.length > MAX_TEXT_FILE_BYTES) return [];
    try {
      return diagnosePartnershipDoc(text);
    } catch (err) {
      this.deps.log.error(`Checking ${doc.uri.toString()} failed`, err);
      return [];
    }
  }

  private check(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'markdown') {
      // A document switched from Markdown to another language keeps no stale problems.
      if (this.collection.has(doc.uri)) this.collection.delete(doc.uri);
      return;
    }
    if (doc.isClosed) return;
    const found = this.diagnose(doc).map((p) =>
      toDiagnostic({ message: p.message, severity: p.code === 'placeholder' ? 'information' : 'warning', code: p.code }, new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end))),
    );
    this.collection.set(doc.uri, found);
  }

  private codeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) return [];
    // Recomputed on the current text, so the fix's offsets can't be stale.
    const current = this.diagnose(doc);
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const start = doc.offsetAt(d.range.start);
      const match = current.find((p) => p.code === d.code && (p.code !== 'placeholder' || p.start === start));
      if (!match) continue;
      if (match.fix) {
        const a = new vscode.CodeAction(match.fix.title, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.insert(doc.uri, doc.positionAt(match.fix.insertAt), match.fix.text);
        a.diagnostics = [d];
        a.isPreferred = true;
        actions.push(a);
      } else if (match.code === 'placeholder') {
        const c = contextFor(doc, this.deps);
        const fills = c?.state === 'ok' ? contextFills(c.parsed.values) : {};
        const group = match.placeholders ?? [{ start: match.start, end: match.end, text: doc.getText(new vscode.Range(doc.positionAt(match.start), doc.positionAt(match.end))) }];
        // One fix per placeholder the context can answer, then one to select the first.
        const offered = new Set<string>();
        for (const p of group) {
          const known = fills[p.text];
          if (!known || offered.has(p.text)) continue;
          offered.add(p.text);
          const ranges = group.filter((q) => q.text === p.text).map((q) => new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end)));
          const fill = new vscode.CodeAction(vscode.l10n.t('Replace {0} with “{1}” from the community context', p.text, known), vscode.CodeActionKind.QuickFix);
          fill.edit = new vscode.WorkspaceEdit();
          for (const r of ranges) fill.edit.replace(doc.uri, r, known);
          fill.diagnostics = [d];
          fill.isPreferred = offered.size === 1;
          actions.push(fill);
        }
        const first = new vscode.Range(doc.positionAt(group[0].start), doc.positionAt(group[0].end));
        const select = new vscode.CodeAction(vscode.l10n.t('Select {0} to fill it in', group[0].text), vscode.CodeActionKind.QuickFix);
        select.command = { command: SELECT_COMMAND, title: select.title, arguments: [doc.uri, first] };
        select.diagnostics = [d];
        actions.push(select);
      }
    }
    return actions;
  }

  dispose(): void {
    this.timers.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
