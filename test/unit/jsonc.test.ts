// JSON with comments read and edited in place (src/core/jsonc.ts), on files as people and tools
// write them: VS Code's settings and mcp.json with comments, trailing commas, tabs, CRLF, a byte
// order mark; and on broken files, which are refused with where they fail.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsoncError, parseJsonc, setJsonc } from '../../src/core/jsonc';
import { proposedText, serverEntries, withoutEntry, CONNECTION_FILES } from '../../src/core/assistant/connection';

const ENTRY = { type: 'stdio', command: 'node', args: ['/ext/dist/mcp/server.js', '${workspaceFolder}'] };
const KEY = ['servers', 'community-partnerships'] as const;

/** Sets the entry, checks the result reads back with it and the rest, then removes it and checks the text is exactly as before. */
function roundTrip(before: string): string {
  const added = setJsonc(before, KEY, ENTRY);
  const data = parseJsonc(added) as { servers: Record<string, unknown> };
  assert.deepEqual(data.servers['community-partnerships'], ENTRY);
  const was = parseJsonc(before) as { servers?: Record<string, unknown> };
  for (const [k, v] of Object.entries(was.servers ?? {})) assert.deepEqual(data.servers[k], v, k);
  const removed = setJsonc(added, KEY, undefined);
  if (was.servers) assert.equal(removed, before, 'taken out again, the text is as it was');
  return added;
}

describe('JSON with comments: reading', () => {
  it('reads what JSON.parse reads, the same', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value, null, 2);
        assert.deepEqual(parseJsonc(text), JSON.parse(text));
        assert.deepEqual(parseJsonc(JSON.stringify(value)), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads comments, trailing commas, a byte order mark, CRLF and tabs', () => {
    const text = '\uFEFF{\r\n\t// the team\'s servers\r\n\t"servers": {\r\n\t\t"docs": { "command": "docs", "args": ["--port", 8080,], }, /* after */\r\n\t},\r\n\t"inputs": [],\r\n}\r\n';
    assert.deepEqual(parseJsonc(text), { servers: { docs: { command: 'docs', args: ['--port', 8080] } }, inputs: [] });
    assert.deepEqual(parseJsonc('{"a": "http://x//y /* not a comment */", "b": -1.5e3, "c": [true, false, null]}'), { a: 'http://x//y /* not a comment */', b: -1500, c: [true, false, null] });
  });

  it('keeps "__proto__" a key like any other', () => {
    const data = parseJsonc('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(data), ['__proto__', 'a']);
  });

  it('refuses broken text with its line and column', () => {
    const cases: [string, RegExp][] = [
      ['{ "servers": ', /line 1, column 14: a value expected, found the end of the file/],
      ['{\n  "a": 1\n  "b": 2\n}', /line 3, column 3: a comma or \} expected, found "\\"b\\": 2\\n}"/],
      ['{ a: 1 }', /line 1, column 3: a property name in double quotes or \} expected/],
      ["{ 'a': 1 }", /property name in double quotes/],
      ['{ "a": 1 } }', /the end of the file expected/],
      ['{ "a": "line\nbreak" }', /a string closed on its line/],
      ['{ "a": "\\x" }', /valid escapes/],
      ['{ "a": 1 /* never closed', /the end of a \/\* comment \*\/ expected/],
      ['{ "a": NaN }', /a value expected/],
      ['{ "a": 01 }', /a comma or \} expected/],
      ['[1,, 2]', /a value expected/],
      ['', /a value expected, found the end of the file/],
      ['// only a comment', /a value expected/],
      ['['.repeat(100_000), /levels of nesting/],
    ];
    for (const [text, message] of cases)
      assert.throws(
        () => parseJsonc(text),
        (e: unknown) => e instanceof JsoncError && message.test(e.message),
        JSON.stringify(text.slice(0, 40)),
      );
  });
});

describe('JSON with comments: one value set and taken out', () => {
  it('adds beside other servers with comments, and taking it out gives the text back exactly', () => {
    const before = '{\n  // servers for this repo\n  "servers": {\n    "docs": { "type": "stdio", "command": "docs" } // theirs\n  },\n  "inputs": []\n}\n';
    const added = roundTrip(before);
    assert.equal(
      added,
      '{\n  // servers for this repo\n  "servers": {\n    "docs": { "type": "stdio", "command": "docs" }, // theirs\n    "community-partnerships": {\n      "type": "stdio",\n      "command": "node",\n      "args": [\n        "/ext/dist/mcp/server.js",\n        "${workspaceFolder}"\n      ]\n    }\n  },\n  "inputs": []\n}\n',
    );
  });

  it("keeps a file's tabs, CRLF and byte order mark in what it adds", () => {
    const before = '\uFEFF{\r\n\t"servers": {\r\n\t\t"docs": {\r\n\t\t\t"command": "docs"\r\n\t\t}\r\n\t}\r\n}\r\n';
    const added = roundTrip(before);
    assert.ok(added.startsWith('\uFEFF{\r\n'));
    assert.ok(!/[^\r]\n/.test(added), 'every line ends with CRLF');
    assert.match(added, /\r\n\t\t"community-partnerships": \{\r\n\t\t\t"type": "stdio",\r\n/);
  });

  it('after a trailing comma, in a one-line object, in an empty one, and where the container is missing', () => {
    assert.match(roundTrip('{\n  "servers": {\n    "docs": { "command": "docs" },\n  },\n}\n'), /"docs": \{ "command": "docs" \},\n {4}"community-partnerships": \{\n[\s\S]*\n {4}\},\n {2}\},\n\}\n$/);
    assert.equal(
      roundTrip('{ "servers": { "docs": { "command": "docs" } } }'),
      '{ "servers": { "docs": { "command": "docs" }, "community-partnerships": { "type": "stdio", "command": "node", "args": ["/ext/dist/mcp/server.js", "${workspaceFolder}"] } } }',
    );
    assert.equal(setJsonc('{ "servers": {} }', KEY, { command: 'x' }), '{ "servers": { "community-partnerships": { "command": "x" } } }');
    assert.equal(setJsonc('{ "servers": { "community-partnerships": { "command": "x" } } }', KEY, undefined), '{ "servers": {} }');
    assert.match(roundTrip('{\n  "servers": {}\n}\n'), /^\{\n {2}"servers": \{\n {4}"community-partnerships": \{\n[\s\S]*\n {4}\}\n {2}\}\n\}\n$/);
    assert.match(roundTrip('{\n  "servers": {\n    // none yet\n  }\n}\n'), /\/\/ none yet\n {4}"community-partnerships": \{/);
    const created = roundTrip('{\n  // settings\n  "inputs": []\n}\n');
    assert.match(created, /"inputs": \[\],\n {2}"servers": \{\n {4}"community-partnerships": \{\n {6}"type": "stdio"/);
    assert.deepEqual(Object.keys(parseJsonc(created) as object), ['inputs', 'servers']);
  });

  it('replaces a value in place and takes out a first or middle member with its line', () => {
    const text = '{\n  "servers": {\n    "community-partnerships": { "command": "old" }, // ours\n    "docs": { "command": "docs" }\n  }\n}\n';
    const replaced = setJsonc(text, KEY, { command: 'new' });
    assert.equal(replaced, '{\n  "servers": {\n    "community-partnerships": {\n      "command": "new"\n    }, // ours\n    "docs": { "command": "docs" }\n  }\n}\n');
    assert.equal(
      setJsonc(text, KEY, undefined),
      '{\n  "servers": {\n    "community-partnerships": { "command": "old" }, // ours\n    "docs": { "command": "docs" }\n  }\n}\n'.replace(
        '    "community-partnerships": { "command": "old" }, ',
        '    ',
      ),
    );
    const middle = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';
    assert.equal(setJsonc(middle, ['b'], undefined), '{\n  "a": 1,\n  "c": 3\n}\n');
    assert.equal(setJsonc(middle, ['c'], undefined), '{\n  "a": 1,\n  "b": 2\n}\n');
    assert.equal(setJsonc(middle, ['a'], undefined), '{\n  "b": 2,\n  "c": 3\n}\n');
    assert.equal(setJsonc('{\n  "only": 1\n}\n', ['only'], undefined), '{}\n');
    assert.equal(setJsonc(middle, ['missing', 'x'], undefined), middle, 'nothing to take out: unchanged');
  });

  it('refuses a path through a value that is not an object, and broken text, changing nothing', () => {
    assert.throws(() => setJsonc('{ "servers": [] }', KEY, ENTRY), /"servers" is not an object/);
    assert.throws(() => setJsonc('[1]', KEY, ENTRY), /not a JSON object/);
    assert.throws(() => setJsonc('{ "servers": { ', KEY, ENTRY), JsoncError);
  });
});

describe('Connect AI Assistant on real configuration files', () => {
  const entries = serverEntries('/ext/dist/mcp/server.js', '/home/sam/community');
  const code = CONNECTION_FILES.find((f) => f.path === '.vscode/mcp.json')!;

  it('says where a broken file fails, and writes nothing', () => {
    assert.throws(
      () => proposedText(code, '{\n  "servers": {\n    "docs": { "command": "docs" }\n  \n', entries),
      /\.vscode\/mcp\.json is not a JSON object that can be changed safely \(line 5, column 1: a comma or \} expected, found the end of the file\); fix it first/,
    );
    assert.throws(() => proposedText(code, '{ "servers": "none" }', entries), /"servers" is not an object/);
  });

  it('connects and disconnects a tab-indented CRLF file with comments, giving it back exactly', () => {
    const before = '{\r\n\t// inputs the servers ask for\r\n\t"inputs": [],\r\n\t"servers": {\r\n\t\t"docs": { "type": "stdio", "command": "docs" },\r\n\t},\r\n}\r\n';
    const added = proposedText(code, before, entries);
    assert.ok(added.text.includes('\t\t"community-partnerships": {\r\n\t\t\t"type": "stdio",'));
    assert.deepEqual(withoutEntry(added.text, code, added.value, added.previous, false), { text: before, unchanged: true });
  });
});
