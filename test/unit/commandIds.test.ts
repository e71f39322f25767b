import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, INTERNAL_COMMANDS } from '../../src/host/commandIds';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  activationEvents?: string[];
  contributes: { commands: { command: string }[]; menus?: Record<string, { command?: string }[]>; keybindings?: { command: string }[]; walkthroughs?: unknown };
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('command ids (src/host/commandIds.ts)', () => {
  it('lists exactly the commands package.json contributes', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(Object.values(COMMANDS).sort(), contributed);
  });

  it('knows every command package.json names in menus and keybindings', () => {
    const known = new Set<string>([...Object.values(COMMANDS), ...Object.values(INTERNAL_COMMANDS)]);
    const named = [...Object.values(manifest.contributes.menus ?? {}).flat().map((m) => m.command), ...(manifest.contributes.keybindings ?? []).map((k) => k.command)].filter(
      (c): c is string => typeof c === 'string' && c.startsWith('communityPartnerships.'),
    );
    assert.ok(named.length > 0, 'package.json has menus');
    assert.deepStrictEqual(named.filter((c) => !known.has(c)), []);
  });

  it('has no id twice, and no command id written as a string anywhere else in src/', () => {
    const ids = [...Object.values(COMMANDS), ...Object.values(INTERNAL_COMMANDS)];
    assert.strictEqual(new Set(ids).size, ids.length);
    const table = path.join(ROOT, 'src', 'host', 'commandIds.ts');
    const offenders = filesUnder(path.join(ROOT, 'src'))
      .filter((f) => f !== table)
      .flatMap((f) => {
        const text = fs.readFileSync(f, 'utf8');
        return ids.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}\``)).map((id) => `${path.relative(ROOT, f)}: ${id}`);
      });
    assert.deepStrictEqual(offenders, []);
  });
});
