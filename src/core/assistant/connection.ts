import { JsoncError, parseJsonc, setJsonc } from '../jsonc';
import { SERVER_NAME, SKILL_NAME, skillMarkdown } from './prompts';

/*
 * What "Connect AI Assistant" adds to a workspace, and how "Disconnect AI Assistant" takes it
 * out again: the skill file and the server's entry in the two MCP configuration files. The JSON
 * files are changed in place (src/core/jsonc.ts), so their other entries, comments and layout stay.
 */

export const SKILL_PATH = `.claude/skills/${SKILL_NAME}/SKILL.md`;

export interface ConnectionFile {
  /** Relative to the workspace folder. */
  readonly path: string;
  /** The key path of the server's entry, for a JSON file. */
  readonly key?: readonly [string, string];
}

export const CONNECTION_FILES: readonly ConnectionFile[] = [
  { path: SKILL_PATH },
  { path: '.mcp.json', key: ['mcpServers', SERVER_NAME] },
  { path: '.vscode/mcp.json', key: ['servers', SERVER_NAME] },
];

/** The server's entries: Claude Code's `.mcp.json` and VS Code's `.vscode/mcp.json`. */
export function serverEntries(serverScript: string, folderPath: string): Record<string, unknown> {
  return {
    '.mcp.json': { command: 'node', args: [serverScript, folderPath] },
    '.vscode/mcp.json': { type: 'stdio', command: 'node', args: [serverScript, '${workspaceFolder}'] },
  };
}

function notChangeable(path: string, err?: unknown): Error {
  const where = err instanceof JsoncError ? ` (${err.message})` : '';
  return new Error(`${path} is not a JSON object that can be changed safely${where}; fix it first, or add the entry by hand.`);
}

/**
 * Sets (or, with undefined, removes) one value, laid out as the file is: the entries around it
 * stay exactly as written.
 */
function setValue(text: string, path: string, key: readonly string[], value: unknown): string {
  try {
    return setJsonc(text, key, value);
  } catch (err) {
    throw err instanceof JsoncError ? notChangeable(path, err) : err;
  }
}

/** The file's object (undefined for an empty file); throws, saying where, for any other text. */
function readJson(text: string, path: string): unknown {
  if (text.trim() === '') return undefined;
  let data: unknown;
  try {
    data = parseJsonc(text);
  } catch (err) {
    throw err instanceof JsoncError ? notChangeable(path, err) : err;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw notChangeable(path);
  return data;
}

function valueAt(data: unknown, key: readonly string[]): unknown {
  let at: unknown = data;
  for (const k of key) {
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, k)) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * The file's text with the entry set (the rest kept), and the value it had before. Throws on a
 * file that is not a JSON object. An entry Connect wrote earlier (another version of the
 * extension, another machine's path) is no value to put back: `previous` is then undefined, so
 * Disconnect takes the entry out.
 */
export function withEntry(current: string | undefined, file: ConnectionFile, value: unknown): { text: string; previous: unknown } {
  if (!file.key) throw new Error(`${file.path} holds no entry`);
  if (current === undefined || current.trim() === '') return { text: `${JSON.stringify({ [file.key[0]]: { [file.key[1]]: value } }, null, 2)}\n`, previous: undefined };
  const found = valueAt(readJson(current, file.path), file.key);
  const previous = serverScriptOf(found) === undefined ? found : undefined;
  if (sameJson(found, value)) return { text: current, previous };
  return { text: withNewline(setValue(current, file.path, file.key, value)), previous };
}

/** The server script a server entry Connect writes starts (`node <…/dist/mcp/server.js> <folder>`), or undefined for any other value. */
export function serverScriptOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const args = (value as { args?: unknown }).args;
  const script = Array.isArray(args) ? args[0] : undefined;
  return typeof script === 'string' && /[\\/]dist[\\/]mcp[\\/]server\.js$/.test(script) ? script : undefined;
}

/**
 * The server script this file's entry starts when it is not `script` (an entry written by another
 * version of the extension, whose folder an update replaced, or on another machine); undefined
 * when the entry is missing, is this version's, is not Connect's, or the file is not JSON.
 */
export function otherServerScript(text: string, file: ConnectionFile, script: string): string | undefined {
  if (!file.key) return undefined;
  let data: unknown;
  try {
    data = readJson(text, file.path);
  } catch {
    return undefined;
  }
  const found = serverScriptOf(valueAt(data, file.key));
  return found !== undefined && found !== script ? found : undefined;
}

/**
 * The file's text with the entry taken out (or the value it had before Connect put back), or
 * `undefined` when nothing else is left in a file Connect created (delete it). `unchanged` false:
 * the entry is no longer what Connect wrote, so it is left alone.
 */
export function withoutEntry(current: string, file: ConnectionFile, written: unknown, previous: unknown, created: boolean): { text: string | undefined; unchanged: boolean } {
  if (!file.key) throw new Error(`${file.path} holds no entry`);
  const data = readJson(current, file.path);
  if (!sameJson(valueAt(data, file.key), written)) return { text: current, unchanged: false };
  const text = setValue(current, file.path, file.key, previous);
  const left = readJson(text, file.path) as Record<string, unknown>;
  const container = left[file.key[0]];
  const empty = Object.keys(left).length === 0 || (Object.keys(left).length === 1 && container !== null && typeof container === 'object' && Object.keys(container).length === 0);
  return { text: created && empty ? undefined : withNewline(text), unchanged: true };
}

/** What Connect writes into each file, given what is there now (undefined: missing). */
export function proposedText(file: ConnectionFile, current: string | undefined, entries: Record<string, unknown>): { text: string; previous?: unknown; value?: unknown } {
  if (!file.key) return { text: skillMarkdown() };
  const value = entries[file.path];
  return { ...withEntry(current, file, value), value };
}
