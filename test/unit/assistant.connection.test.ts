import * as assert from 'node:assert/strict';
import { CONNECTION_FILES, SKILL_PATH, otherServerScript, proposedText, serverEntries, serverScriptOf, withoutEntry } from '../../src/core/assistant/connection';
import { ASSISTANT_TOOLS } from '../../src/core/assistant/tools';

const entries = serverEntries('/ext/dist/mcp/server.js', '/home/sam/community');
const [skill, claude, code] = CONNECTION_FILES;

describe('Connect AI Assistant: what it adds and takes out', () => {
  it('writes a skill named as its folder, naming every tool', () => {
    assert.equal(skill.path, SKILL_PATH);
    const text = proposedText(skill, undefined, entries).text;
    assert.match(text, /^---\nname: community-partnerships\ndescription: [^\n]{40,}\n---\n/);
    assert.equal(SKILL_PATH.split('/').at(-2), 'community-partnerships');
    for (const t of ASSISTANT_TOOLS) assert.ok(text.includes(`\`${t.name}\``), t.name);
  });

  it('adds the server beside other entries, keeping comments and layout, and takes out exactly that', () => {
    const before = '{\n  // ours\n  "mcpServers": {\n    "docs": { "command": "docs", "args": [] }\n  },\n  "other": 1\n}\n';
    const added = proposedText(claude, before, entries);
    assert.match(added.text, /\/\/ ours/);
    assert.match(added.text, /"docs": \{ "command": "docs", "args": \[\] \}/);
    assert.deepEqual(JSON.parse(added.text.replace('// ours', '')).mcpServers['community-partnerships'], { command: 'node', args: ['/ext/dist/mcp/server.js', '/home/sam/community'] });
    assert.deepEqual(withoutEntry(added.text, claude, added.value, added.previous, false), { text: before, unchanged: true });
  });

  it('creates a file of its own, and deletes it when nothing else is left', () => {
    const added = proposedText(code, undefined, entries);
    assert.deepEqual(JSON.parse(added.text), { servers: { 'community-partnerships': { type: 'stdio', command: 'node', args: ['/ext/dist/mcp/server.js', '${workspaceFolder}'] } } });
    assert.equal(withoutEntry(added.text, code, added.value, added.previous, true).text, undefined);
    // Someone added a server of their own since: the file stays, with theirs.
    const grown = added.text.replace('"servers": {', '"servers": {\n    "theirs": { "type": "stdio", "command": "x" },');
    const out = withoutEntry(grown, code, added.value, added.previous, true);
    assert.deepEqual(Object.keys(JSON.parse(out.text!).servers), ['theirs']);
  });

  it('leaves an entry that was changed since, and refuses a file that is not JSON', () => {
    const added = proposedText(code, undefined, entries);
    const edited = added.text.replace('"node"', '"/usr/bin/node"');
    assert.deepEqual(withoutEntry(edited, code, added.value, added.previous, true), { text: edited, unchanged: false });
    assert.throws(() => proposedText(claude, '{ "mcpServers": ', entries), /not a JSON object/);
    assert.throws(() => proposedText(claude, '[1, 2]', entries), /not a JSON object/);
  });

  it("points an entry of an earlier version at this one's server, and Disconnect then takes it out rather than putting the old path back", () => {
    const old = serverEntries('/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.3.0/dist/mcp/server.js', '/home/sam/community');
    const now = serverEntries('/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.4.0/dist/mcp/server.js', '/home/sam/community');
    for (const file of [claude, code]) {
      const first = proposedText(file, undefined, old).text;
      assert.equal(otherServerScript(first, file, '/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.4.0/dist/mcp/server.js'), '/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.3.0/dist/mcp/server.js');
      assert.equal(otherServerScript(first, file, '/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.3.0/dist/mcp/server.js'), undefined, "this version's entry is not another");
      const again = proposedText(file, first, now);
      assert.equal(again.previous, undefined, 'no earlier entry of ours to put back');
      assert.equal(otherServerScript(again.text, file, '/home/sam/.vscode/extensions/community-partnerships.community-partnerships-0.4.0/dist/mcp/server.js'), undefined);
    }
    // Entries that are not Connect's, and files that are not JSON, are never taken for ours.
    assert.equal(serverScriptOf({ command: 'node', args: ['/srv/other/server.js'] }), undefined);
    assert.equal(serverScriptOf({ command: 'node', args: 'dist/mcp/server.js' }), undefined);
    assert.equal(serverScriptOf(null), undefined);
    assert.equal(otherServerScript('{ "mcpServers": ', claude, '/x/dist/mcp/server.js'), undefined);
    assert.equal(otherServerScript('{"mcpServers":{"community-partnerships":{"command":"npx","args":["community-partnerships-mcp"]}}}', claude, '/x/dist/mcp/server.js'), undefined);
    assert.equal(otherServerScript('{"mcpServers":{"community-partnerships":{"command":"node","args":["C:\\\\Users\\\\sam\\\\ext\\\\dist\\\\mcp\\\\server.js","."]}}}', claude, '/x/dist/mcp/server.js'), 'C:\\Users\\sam\\ext\\dist\\mcp\\server.js');
  });
});
