// The MCP server's view of one workspace folder on disk: the context file and the partnership
// records, read and written with Node's fs. Every path is checked component by component with
// lstat (a symbolic link anywhere inside the workspace is refused, never followed), files are
// opened with O_NOFOLLOW, and nothing outside the context file and the partnerships folder is
// read or written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseContext } from '../core/context';
import { parseJsonc } from '../core/jsonc';
import { DEFAULT_CONTEXT_PATH } from '../core/context/sections';
import { localToday } from '../core/dates';
import { workspaceRelativePath } from '../core/paths';
import { RecordIndex } from '../core/planner/recordIndex';
import { digestRecord, parseRecord, type DigestParse, type RecordParse, type RecordUpdate } from '../core/records';
import { applyTextEdits } from '../core/textEdits';
import { AssistantRefusal, type AssistantStore, type StoreContext, type StoreWrite } from '../core/assistant/store';
import { localReader } from '../platform/localRead';
import { localFiles } from '../platform/localFile';

export const DEFAULT_PARTNERSHIPS_FOLDER = 'partnerships';
const MAX_TEXT_BYTES = 10 * 1024 * 1024;
const MAX_DEPTH = 12;
const MAX_FILES = 200_000;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file's bytes, or why it is not text (as the extension reads records). */
function decode(bytes: Uint8Array): { text: string } | { message: string } {
  if (bytes.includes(0)) return { message: 'is not a text file (it contains binary data)' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { message: 'is not valid UTF-8 text' };
  }
}

/** Checks the folder given on the command line: it must be a folder, and not a link. */
export function checkWorkspaceRoot(given: string | undefined): string {
  if (!given) throw new AssistantRefusal('Give the workspace folder as the first argument: community-partnerships-mcp <folder>.');
  if (given.length > 4096 || given.includes('\0')) throw new AssistantRefusal('The workspace folder path is not a usable path.');
  const root = path.resolve(given);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(root);
  } catch {
    throw new AssistantRefusal(`The workspace folder ${root} does not exist.`);
  }
  if (st.isSymbolicLink()) throw new AssistantRefusal(`The workspace folder ${root} is a symbolic link; give the folder itself (links are never followed).`);
  if (!st.isDirectory()) throw new AssistantRefusal(`${root} is not a folder.`);
  return root;
}

type Walked = { files: string[]; refused: Map<string, string> };

export class NodeWorkspace implements AssistantStore {
  readonly canWrite: boolean;
  readonly readOnlyReason?: string;
  private readonly refused = new Map<string, string>();

  constructor(
    readonly root: string,
    options: { readOnly?: boolean; today?: () => string } = {},
  ) {
    this.canWrite = !options.readOnly;
    if (options.readOnly) this.readOnlyReason = 'the server was started read-only (--read-only)';
    if (options.today) this.today = options.today;
  }

  today(): string {
    return localToday();
  }

  /** The settings the extension reads from `.vscode/settings.json` (workspace settings). */
  private setting(key: 'partnershipsFolder' | 'contextFile', fallback: string): string {
    const rel = '.vscode/settings.json';
    if (this.checkFolders(rel) !== 'ok') return fallback;
    let text: string;
    try {
      const fd = fs.openSync(path.join(this.root, rel), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
      try {
        const st = fs.fstatSync(fd);
        if (!st.isFile() || st.size > 1024 * 1024) return fallback;
        text = fs.readFileSync(fd, 'utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return fallback;
    }
    let data: unknown;
    try {
      data = parseJsonc(text);
    } catch {
      return fallback; // not JSON with comments: the defaults, as for a file that is not there
    }
    const raw = data && typeof data === 'object' ? (data as Record<string, unknown>)[`communityPartnerships.${key}`] : undefined;
    return typeof raw === 'string' && raw.trim() !== '' ? (workspaceRelativePath(raw) ?? fallback) : fallback;
  }

  partnershipsFolder(): string {
    return this.setting('partnershipsFolder', DEFAULT_PARTNERSHIPS_FOLDER);
  }

  /**
   * Checks the folders on the way to `rel` (not its last part, which is opened without following
   * a link): 'ok' when they all are real folders, 'missing' from the first one that is not there.
   * Throws a refusal for a link or a file on the way.
   */
  private checkFolders(rel: string, includeLast = false): 'ok' | 'missing' {
    const parts = rel.split('/');
    const upto = includeLast ? parts.length : parts.length - 1;
    let at = this.root;
    for (let i = 0; i < upto; i++) {
      at = path.join(at, parts[i]);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(at);
      } catch {
        return 'missing';
      }
      const shown = parts.slice(0, i + 1).join('/');
      if (st.isSymbolicLink()) throw new AssistantRefusal(`${shown} is a symbolic link; links are never followed.`);
      if (!st.isDirectory()) throw new AssistantRefusal(`${shown} is not a folder.`);
    }
    return 'ok';
  }

  private async readRel(rel: string): Promise<{ text: string } | { missing: true } | { message: string }> {
    try {
      if (this.checkFolders(rel) === 'missing') return { missing: true };
    } catch (err) {
      return { message: (err as Error).message };
    }
    const read = await localReader()!.read(path.join(this.root, rel), MAX_TEXT_BYTES);
    switch (read.kind) {
      case 'bytes': {
        const d = decode(read.bytes);
        return 'text' in d ? d : { message: `${rel} ${d.message}` };
      }
      case 'missing':
        return { missing: true };
      case 'link':
        return { message: `${rel} is a symbolic link; links are never followed.` };
      case 'folder':
        return { message: `${rel} is a folder, not a file.` };
      case 'special':
        return { message: `${rel} is not a regular file.` };
      case 'tooBig':
        return { message: `${rel} is larger than 10 MB.` };
      case 'error':
        return { message: `${rel} could not be read (${read.code}).` };
    }
  }

  async context(): Promise<StoreContext> {
    const rel = this.setting('contextFile', DEFAULT_CONTEXT_PATH);
    const read = await this.readRel(rel);
    if ('missing' in read) return { state: 'missing', path: rel };
    if ('message' in read) return { state: 'unreadable', path: rel, message: read.message };
    return { state: 'ok', path: rel, parsed: parseContext(read.text), text: read.text };
  }

  /** Lists the records as the planner does: `.md` files, links and other non-files refused. */
  private walk(): Walked {
    const out: Walked = { files: [], refused: new Map() };
    const folder = this.partnershipsFolder();
    try {
      if (this.checkFolders(folder, true) === 'missing') return out;
    } catch (err) {
      out.refused.set(folder, `${(err as Error).message} No partnership record in it is read.`);
      return out;
    }
    const visit = (rel: string, depth: number) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(this.root, rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const child = `${rel}/${e.name}`;
        const md = /\.md$/i.test(e.name);
        if (e.isSymbolicLink()) {
          if (md) out.refused.set(child, 'is a symbolic link; links are never followed.');
        } else if (e.isDirectory()) {
          if (!e.name.startsWith('.') && e.name !== 'node_modules' && depth < MAX_DEPTH) visit(child, depth + 1);
        } else if (md) {
          if (!e.isFile()) out.refused.set(child, 'is not a regular file, so it is not read.');
          else if (out.files.length < MAX_FILES) out.files.push(child);
        }
      }
    };
    visit(folder, 0);
    return out;
  }

  async records(): Promise<RecordIndex> {
    const walked = this.walk();
    this.refused.clear();
    for (const [k, v] of walked.refused) this.refused.set(k, v);
    const unreadable = (id: string) => {
      const message = this.refused.get(id);
      return message === undefined ? undefined : { ok: false as const, problems: [{ line: 0, message: `${id} ${message}`, severity: 'error' as const }], partial: {} };
    };
    const index = new RecordIndex(
      (t) => (t.startsWith('\u0000') ? unreadable(t.slice(1))! : digestRecord(t)) as DigestParse,
      (t) => (t.startsWith('\u0000') ? unreadable(t.slice(1))! : parseRecord(t)) as RecordParse,
    );
    for (const id of walked.refused.keys()) index.set(id, `\u0000${id}`);
    for (const id of walked.files) {
      const read = await this.readRel(id);
      if ('text' in read) index.set(id, read.text);
      else if ('message' in read) {
        this.refused.set(id, read.message.replace(`${id} `, ''));
        index.set(id, `\u0000${id}`);
      }
    }
    return index;
  }

  nameOf(id: string): string {
    return id.slice(id.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  }

  pathOf(id: string): string {
    return id;
  }

  /** A record id the tools may use: a listed `.md` path inside the partnerships folder. */
  private checkId(id: string): void {
    const folder = this.partnershipsFolder();
    if (!id.startsWith(`${folder}/`) || id.split('/').includes('..') || !/\.md$/i.test(id)) throw new AssistantRefusal(`${id} is not a record in ${folder}/.`);
  }

  async open(id: string): Promise<RecordParse | undefined> {
    const text = await this.text(id);
    return text === undefined ? undefined : parseRecord(text);
  }

  async text(id: string): Promise<string | undefined> {
    this.checkId(id);
    if (this.refused.has(id)) return undefined;
    const read = await this.readRel(id);
    return 'text' in read ? read.text : undefined;
  }

  async write(id: string, change: (text: string) => RecordUpdate): Promise<StoreWrite> {
    if (!this.canWrite) return { ok: false, message: this.readOnlyReason ?? 'read-only' };
    this.checkId(id);
    this.checkFolders(id);
    const result = localFiles()!.update(
      path.join(this.root, id),
      decode,
      (text) => {
        const u = change(text);
        return { edits: u.edits, value: u.text };
      },
      applyTextEdits,
      { attempts: 5, maxBytes: MAX_TEXT_BYTES, linkMessage: 'is a symbolic link; links are never followed', overLimit: () => 'is larger than 10 MB' },
    );
    switch (result.kind) {
      case 'written':
        return { ok: true, changed: true, text: result.text };
      case 'unchanged':
        return { ok: true, changed: false, text: result.text };
      case 'missing':
        return { ok: false, message: `${id} is no longer there. Nothing was written.` };
      case 'changing':
        return { ok: false, message: `${id} kept changing while it was being written; nothing was written. Try again.` };
      case 'refused':
        return { ok: false, message: `${id} ${result.message}. Nothing was written.` };
    }
  }

  async create(base: string, text: string): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    if (!this.canWrite) return { ok: false, message: this.readOnlyReason ?? 'read-only' };
    if (!/^[a-z0-9][a-z0-9-]*$/.test(base)) return { ok: false, message: `${base} is not a record file name.` };
    const folder = this.partnershipsFolder();
    // The partnerships folder, created one level at a time, each checked: never through a link.
    const parts = folder.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const rel = parts.slice(0, i).join('/');
      if (this.checkFolders(rel, true) === 'missing') {
        try {
          fs.mkdirSync(path.join(this.root, rel));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, message: `${rel} could not be created (${(err as NodeJS.ErrnoException).code}).` };
        }
        this.checkFolders(rel, true);
      }
    }
    for (let n = 1; n < 100; n++) {
      const id = `${folder}/${base}${n === 1 ? '' : `-${n}`}.md`;
      try {
        if (localFiles()!.create(path.join(this.root, id), text) === 'created') return { ok: true, id };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return { ok: false, message: `${id} could not be created (${code === 'ELOOP' ? 'a symbolic link is in the way' : (code ?? String(err))}). Nothing was written.` };
      }
    }
    return { ok: false, message: `Could not find a free file name for ${base}.md in ${folder}.` };
  }
}
