import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { ASSISTANT_TOOLS, callTool, type AssistantTool } from '../../src/core/assistant/tools';
import { AssistantRefusal, type AssistantStore } from '../../src/core/assistant/store';
import { LM_TOOL_PREFIX, inputJsonSchema, lmToolEntry } from '../../src/core/assistant/manifest';
import { TOOL_CATALOG, aboutLmTool } from '../../src/core/assistant/catalog';
import { TOOL_DESCRIPTIONS } from '../../src/core/assistant/descriptions';
import { READ_TOOLS } from '../../src/core/assistant/readTools';
import { GUIDE_TOOLS } from '../../src/core/assistant/guideTools';
import { WRITE_TOOLS } from '../../src/core/assistant/writeTools';
import { parseContext } from '../../src/core/context';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { languageModelTools: { name: string; inputSchema: object; modelDescription: string; when?: string; tags: string[] }[] };
  activationEvents: string[];
};
const tools = ASSISTANT_TOOLS as readonly AssistantTool[];

describe('language-model tools in package.json', () => {
  const declared = pkg.contributes.languageModelTools;

  it('declares exactly the tools the code registers, each as scripts/lm-tools.mjs writes it', () => {
    assert.deepEqual(
      declared.map((t) => t.name),
      tools.map((t) => `${LM_TOOL_PREFIX}${t.name}`),
    );
    for (const def of tools) assert.deepEqual(declared.find((t) => t.name === `${LM_TOOL_PREFIX}${def.name}`), lmToolEntry(def), `${def.name}: run node scripts/lm-tools.mjs`);
    for (const t of declared) assert.ok(pkg.activationEvents.includes(`onLanguageModelTool:${t.name}`), t.name);
  });

  it('describes each tool in the catalog as the tool itself does, in the same order', () => {
    // The confirmation before a write and the choice of the part to load read the catalog, the
    // skill Connect writes the catalog and the descriptions: not the tools.
    assert.deepEqual(
      TOOL_CATALOG.map((t) => ({ name: t.name, title: t.title, write: t.write, records: t.records })),
      tools.map((t) => ({ name: t.name, title: t.title, write: t.write, records: t.records })),
    );
    assert.deepEqual(Object.keys(TOOL_DESCRIPTIONS).sort(), tools.map((t) => t.name).sort());
    for (const t of tools) assert.ok(t.description.length > 40 && t.description === TOOL_DESCRIPTIONS[t.name as keyof typeof TOOL_DESCRIPTIONS], t.name);
    for (const t of tools) assert.equal(aboutLmTool(`${LM_TOOL_PREFIX}${t.name}`)?.name, t.name);
    assert.equal(aboutLmTool('list_partnerships'), undefined);
    assert.equal(aboutLmTool(`${LM_TOOL_PREFIX}no_such_tool`), undefined);
  });

  it('declares input schemas that accept the test inputs, and the code accepts them too', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const def of tools) {
      const schema = declared.find((t) => t.name === `${LM_TOOL_PREFIX}${def.name}`)!.inputSchema;
      assert.deepEqual(schema, inputJsonSchema(def));
      const validate = ajv.compile(schema);
      assert.ok(validate(def.example), `${def.name}: ${JSON.stringify(validate.errors)}`);
      assert.ok(def.input.safeParse(def.example).success, def.name);
      // And both refuse a field that is not there.
      assert.equal(validate({ ...def.example, surplus: 1 }), false, def.name);
      assert.equal(def.input.safeParse({ ...def.example, surplus: 1 }).success, false, def.name);
    }
  });

  it('marks the writes (only those) for trusted workspaces', () => {
    for (const def of tools) {
      const entry = declared.find((t) => t.name === `${LM_TOOL_PREFIX}${def.name}`)!;
      assert.equal(entry.when, def.write ? 'isWorkspaceTrusted' : undefined, def.name);
      assert.ok(entry.tags.includes(def.write ? 'write' : 'read'));
    }
    assert.deepEqual(tools.filter((t) => t.write).map((t) => t.name), ['create_partnership', 'set_stage', 'log_metric', 'log_check_in', 'set_scores']);
  });

  it('keeps each tool in the module the editor loads for it, as the catalog says', () => {
    // The editor picks the part to load by the catalog: writes, reads of records, the others.
    assert.deepEqual(READ_TOOLS.map((t) => t.name), TOOL_CATALOG.filter((t) => t.records && !t.write).map((t) => t.name));
    assert.deepEqual(WRITE_TOOLS.map((t) => t.name), TOOL_CATALOG.filter((t) => t.write).map((t) => t.name));
    assert.deepEqual(GUIDE_TOOLS.map((t) => t.name), TOOL_CATALOG.filter((t) => !t.records).map((t) => t.name));
    assert.ok(WRITE_TOOLS.every((t) => t.records));
  });

  it('runs the tools that need no record on the context alone, never asking for a record', async () => {
    const asked: string[] = [];
    const parsed = parseContext('## Community Overview\n- **Community Name:** Acme Devs\n- **Current Size:** 1,200 members\n');
    const store = new Proxy({ canWrite: true, context: () => Promise.resolve({ state: 'ok', path: '.claude/community-context.md', parsed, text: '' }) } as unknown as AssistantStore, {
      get: (target, key) => (key in target ? (target as unknown as Record<string | symbol, unknown>)[key] : (asked.push(String(key)), undefined)),
    });
    for (const def of GUIDE_TOOLS) assert.ok(await callTool(def, store, def.example), def.name);
    assert.equal(((await callTool(GUIDE_TOOLS.find((t) => t.name === 'community_context')!, store, {})) as { communityName: string }).communityName, 'Acme Devs');
    assert.deepEqual(asked, []);
  });

  it('refuses a write in a read-only store before touching it, and says why', async () => {
    const touched: string[] = [];
    const store = new Proxy({ canWrite: false, readOnlyReason: 'this workspace is in Restricted Mode' } as unknown as AssistantStore, {
      get: (target, key) => (key in target ? (target as unknown as Record<string | symbol, unknown>)[key] : () => touched.push(String(key))),
    });
    for (const def of tools.filter((t) => t.write)) {
      await assert.rejects(callTool(def, store, def.example), (err: unknown) => err instanceof AssistantRefusal && /Restricted Mode/.test(err.message) && /Nothing was written/.test(err.message));
    }
    assert.deepEqual(touched, []);
  });
});
