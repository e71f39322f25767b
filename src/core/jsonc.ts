/*
 * JSON with comments (JSONC: VS Code's settings and MCP files, Claude Code's .mcp.json): read,
 * and one property set or removed with the rest of the text left exactly as written (comments,
 * layout, line ends, a byte order mark). Comments are `//` to the line's end and block
 * comments; a comma may follow the last member of an object or array. A file that is not such
 * JSON is refused with where it fails, and never changed.
 */

/** A value in the text: [start, end) and, for an object, its members in order. */
interface ValueNode {
  start: number;
  end: number;
  value: unknown;
  members?: Member[];
}

interface Member {
  key: string;
  /** The key's opening quote. */
  start: number;
  value: ValueNode;
  /** The comma after the value, or -1. */
  comma: number;
}

/** Text that is not JSON with comments: the message says where and what was expected. */
export class JsoncError extends Error {}

/** Deeper than this, a file is refused (a hostile file of nested brackets would overflow the stack). */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\r\n\v\f\u00a0\ufeff]/;

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): ValueNode {
    this.skip();
    const root = this.value(0);
    this.skip();
    if (this.pos < this.text.length) this.fail('the end of the file');
    return root;
  }

  /** Throws: at this line and column, `expected` was expected, and what was found instead. */
  private fail(expected: string): never {
    const before = this.text.slice(0, this.pos);
    const found = this.pos >= this.text.length ? 'the end of the file' : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
    throw new JsoncError(`line ${before.split('\n').length}, column ${this.pos - before.lastIndexOf('\n')}: ${expected} expected, found ${found}`);
  }

  /** Skips whitespace and comments. */
  private skip(): void {
    const t = this.text;
    for (;;) {
      if (WHITESPACE.test(t.charAt(this.pos))) this.pos++;
      else if (t.startsWith('//', this.pos)) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl < 0 ? t.length : nl;
      } else if (t.startsWith('/*', this.pos)) {
        const close = t.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail('the end of a /* comment */');
        this.pos = close + 2;
      } else return;
    }
  }

  private value(depth: number): ValueNode {
    if (depth > MAX_DEPTH) this.fail(`no more than ${MAX_DEPTH} levels of nesting; the end of one`);
    const start = this.pos;
    const c = this.text.charAt(start);
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { start, end: this.pos, value: this.string() };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, start)) {
        this.pos += word.length;
        return { start, end: this.pos, value };
      }
    }
    NUMBER.lastIndex = start;
    const n = NUMBER.exec(this.text);
    if (!n) this.fail('a value');
    this.pos += n[0].length;
    return { start, end: this.pos, value: Number(n[0]) };
  }

  private string(): string {
    STRING.lastIndex = this.pos;
    const s = STRING.exec(this.text);
    if (!s) this.fail('a string closed on its line, with valid escapes,');
    this.pos += s[0].length;
    return JSON.parse(s[0]) as string;
  }

  /** After a member: a comma (its place) or the closing bracket. */
  private separator(close: string): number {
    this.skip();
    if (this.text.charAt(this.pos) === ',') {
      const comma = this.pos++;
      this.skip();
      return comma;
    }
    if (this.text.charAt(this.pos) !== close) this.fail(`a comma or ${close}`);
    return -1;
  }

  private object(depth: number): ValueNode {
    const start = this.pos++;
    const value: Record<string, unknown> = {};
    const members: Member[] = [];
    this.skip();
    while (this.text.charAt(this.pos) !== '}') {
      const keyStart = this.pos;
      if (this.text.charAt(keyStart) !== '"') this.fail('a property name in double quotes or }');
      const key = this.string();
      this.skip();
      if (this.text.charAt(this.pos) !== ':') this.fail('a colon');
      this.pos++;
      this.skip();
      const node = this.value(depth + 1);
      // Defined, not assigned: a key "__proto__" is a key like any other.
      Object.defineProperty(value, key, { value: node.value, enumerable: true, writable: true, configurable: true });
      const comma = this.separator('}');
      members.push({ key, start: keyStart, value: node, comma });
      if (comma < 0) break;
    }
    this.pos++;
    return { start, end: this.pos, value, members };
  }

  private array(depth: number): ValueNode {
    const start = this.pos++;
    const value: unknown[] = [];
    this.skip();
    while (this.text.charAt(this.pos) !== ']') {
      value.push(this.value(depth + 1).value);
      if (this.separator(']') < 0) break;
    }
    this.pos++;
    return { start, end: this.pos, value };
  }
}

/** The value of JSON text with comments; throws a JsoncError saying where it is not. Empty text is an error too. */
export function parseJsonc(text: string): unknown {
  return new Reader(text).document().value;
}

/** The text's line end (CRLF if it has one) and one level of indentation (its first indented line's; two spaces when none). */
function layoutOf(text: string): { eol: string; unit: string } {
  const indented = /\n([ \t]+)\S/.exec(text);
  const unit = indented ? (indented[1].startsWith('\t') ? '\t' : indented[1]) : '  ';
  return { eol: text.includes('\r\n') ? '\r\n' : '\n', unit };
}

/** The whitespace at the start of the line `at` is on. */
function indentAt(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, at))![0];
}

/** Whether only spaces and tabs come between the start of the line and `at`. */
function startsLine(text: string, at: number): boolean {
  return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
}

/** `from` moved back over spaces and tabs and then one line break, never before `floor`. */
function backOverLine(text: string, from: number, floor: number): number {
  let i = from;
  while (i > floor && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i > floor && text[i - 1] === '\n') i--;
  if (i > floor && text[i - 1] === '\r') i--;
  return i;
}

function splice(text: string, start: number, end: number, insert = ''): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** The text with `member` taken out of `object`, its comma with it; the lines around stay as they were. */
function removeMember(text: string, object: ValueNode, index: number): string {
  const members = object.members!;
  const member = members[index];
  if (member.comma >= 0) {
    // Up to and with its own comma; its whole line when nothing else is on it.
    let end = member.comma + 1;
    while (text[end] === ' ' || text[end] === '\t') end++;
    const wholeLine = startsLine(text, member.start) && (end >= text.length || text[end] === '\r' || text[end] === '\n');
    const start = wholeLine ? text.lastIndexOf('\n', member.start - 1) + 1 : member.start;
    if (wholeLine && text[end] === '\r') end++;
    if (wholeLine && text[end] === '\n') end++;
    return splice(text, start, end);
  }
  if (index > 0) {
    // The last member: the comma before it goes, and its line.
    const comma = members[index - 1].comma;
    const start = backOverLine(text, member.start, comma + 1);
    return splice(splice(text, start, member.value.end), comma, comma + 1);
  }
  // The only member: its line goes; an object left with only whitespace in it is written {}.
  const start = backOverLine(text, member.start, object.start + 1);
  const rest = text.slice(member.value.end, object.end - 1);
  if (text.slice(object.start + 1, start).trim() === '' && rest.trim() === '') return splice(text, object.start + 1, object.end - 1);
  return splice(text, start, member.value.end);
}

/** `value` as JSON on one line, spaced as a person writes it: `{ "a": [1, 2] }`. */
function oneLineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value) ?? 'null';
}

/** `value` as JSON text laid out at `indent` (compact in an object written on one line). */
function valueText(value: unknown, layout: { eol: string; unit: string }, indent: string, oneLine: boolean): string {
  if (oneLine) return oneLineJson(value);
  return JSON.stringify(value, null, layout.unit).replace(/\n/g, layout.eol + indent);
}

/** The text with a member `key: value` added at the end of `object`. */
function addMember(text: string, object: ValueNode, key: string, value: unknown): string {
  const layout = layoutOf(text);
  const oneLine = !/[\r\n]/.test(text.slice(object.start, object.end));
  const members = object.members!;
  const last = members[members.length - 1];
  if (last && oneLine) return splice(text, last.value.end, last.value.end, `, ${JSON.stringify(key)}: ${valueText(value, layout, '', true)}`);
  const outer = indentAt(text, object.start);
  if (last) {
    const indent = startsLine(text, last.start) ? indentAt(text, last.start) : outer + layout.unit;
    const line = () => `${layout.eol}${indent}${JSON.stringify(key)}: ${valueText(value, layout, indent, false)}`;
    if (last.comma >= 0) return splice(text, last.comma + 1, last.comma + 1, `${line()},`);
    // After a comment that ends the last member's line (it stays with that member), with a comma after the member.
    let at = last.value.end;
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (text.startsWith('//', at)) {
      const nl = text.indexOf('\n', at);
      at = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    } else at = last.value.end;
    return splice(splice(text, at, at, line()), last.value.end, last.value.end, ',');
  }
  // An object with no member: in a line of other text, the member on that line; else on a line of
  // its own, after any comment in the object.
  if (oneLine && !/^[ \t]*(?:,[ \t]*)?(?:\/\/.*)?(?:\r?\n|$)/.test(text.slice(object.end))) {
    return splice(text, object.start + 1, object.end - 1, ` ${JSON.stringify(key)}: ${valueText(value, layout, '', true)} `);
  }
  let at = object.end - 1;
  while (at > object.start + 1 && /\s/.test(text[at - 1])) at--;
  const indent = outer + layout.unit;
  return splice(text, at, object.end - 1, `${layout.eol}${indent}${JSON.stringify(key)}: ${valueText(value, layout, indent, false)}${layout.eol}${outer}`);
}

/**
 * The text with the value at `path` (property names from the top object down) set to `value`,
 * or taken out when `value` is undefined; everything else stays as written. Objects missing on
 * the way are added. Throws a JsoncError for text that is not a JSON object with comments, or
 * when a step of the path is there but not an object.
 */
export function setJsonc(text: string, path: readonly string[], value: unknown): string {
  let node = new Reader(text).document();
  for (let depth = 0; depth < path.length; depth++) {
    if (!node.members) throw new JsoncError(depth === 0 ? 'the file is not a JSON object' : `"${path[depth - 1]}" is not an object`);
    const index = node.members.map((m) => m.key).lastIndexOf(path[depth]);
    if (index < 0) {
      if (value === undefined) return text;
      const rest = path.slice(depth + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      return addMember(text, node, path[depth], rest);
    }
    const member = node.members[index];
    if (depth === path.length - 1) {
      if (value === undefined) return removeMember(text, node, index);
      const oneLine = !/[\r\n]/.test(text.slice(node.start, node.end));
      return splice(text, member.value.start, member.value.end, valueText(value, layoutOf(text), indentAt(text, member.start), oneLine));
    }
    node = member.value;
  }
  return text;
}
