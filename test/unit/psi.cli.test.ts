import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'overlap.js');

/** Runs the built command-line entry point with node in `cwd`. */
function cli(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('community-partnerships-overlap (the built bundle)', function () {
  this.timeout(600_000);
  let ours: string;
  let theirs: string;

  before(() => {
    if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, 'dist', 'psiWorker.js'))) {
      const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(built.status, 0, built.stderr);
    }
    ours = fs.mkdtempSync(path.join(os.tmpdir(), 'overlap-ours-'));
    theirs = fs.mkdtempSync(path.join(os.tmpdir(), 'overlap-theirs-'));
    // 150 of ours, 120 of theirs, 44 in both (written differently on the two sides).
    const a = Array.from({ length: 150 }, (_, i) => `Member ${i},member${i}@ours.example`);
    fs.writeFileSync(path.join(ours, 'members.csv'), `Name,Email\n${a.join('\n')}\nBroken row,not-an-email\n`);
    const b = [...Array.from({ length: 76 }, (_, i) => `person${i}@theirs.example`), ...Array.from({ length: 44 }, (_, i) => `  MEMBER${i * 3}@Ours.Example`)];
    fs.writeFileSync(path.join(theirs, 'list.txt'), `${b.join('\n')}\n`);
  });

  after(() => {
    for (const dir of [ours, theirs]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says how to use it', () => {
    const help = cli(ours, '--help');
    assert.strictEqual(help.code, 0);
    assert.match(help.out, /start {2}--members LIST/);
    assert.match(help.out, /finish --answer FILE --result FILE/);
    const none = cli(ours);
    assert.strictEqual(none.code, 2);
  });

  it('runs both sides in separate folders, each ending with the same count', () => {
    const start = cli(ours, 'start', '--members', 'members.csv', '--json');
    assert.strictEqual(start.code, 0, start.err);
    assert.deepStrictEqual(JSON.parse(start.out).members, 150);
    const mode = fs.statSync(path.join(ours, 'overlap-SECRET-keep-private.json')).mode & 0o777;
    if (process.platform !== 'win32') assert.strictEqual(mode, 0o600, 'the secret file is private');
    fs.copyFileSync(path.join(ours, 'overlap-start.json'), path.join(theirs, 'from-partner.json'));

    const answer = cli(theirs, 'answer', '--members', 'list.txt', '--start', 'from-partner.json');
    assert.strictEqual(answer.code, 0, answer.err);
    assert.match(answer.out, /list\.txt: 120 members/);
    fs.copyFileSync(path.join(theirs, 'overlap-answer.json'), path.join(ours, 'answer.json'));

    const finish = cli(ours, 'finish', '--answer', 'answer.json', '--secret', 'overlap-SECRET-keep-private.json', '--json');
    assert.strictEqual(finish.code, 0, finish.err);
    const mine = JSON.parse(finish.out) as { shared: number; ours: number; theirs: number };
    assert.deepStrictEqual([mine.shared, mine.ours, mine.theirs], [44, 150, 120]);
    fs.copyFileSync(path.join(ours, 'overlap-result.json'), path.join(theirs, 'result.json'));

    const count = cli(theirs, 'finish', '--answer', 'overlap-answer.json', '--result', 'result.json');
    assert.strictEqual(count.code, 0, count.err);
    assert.match(count.out, /Members in both: 44 \(36\.7% of your 120, 29\.3% of the partner's 150\)/);
    assert.match(count.out, /counted the same/);

    for (const f of ['overlap-start.json', 'answer.json', 'overlap-result.json']) {
      const text = fs.readFileSync(path.join(ours, f), 'utf8');
      assert.ok(!text.includes('@') && !/member\d/i.test(text), `${f} holds no email`);
    }
  });

  it('refuses to overwrite a file, and a file of another run, with the reason', () => {
    const again = cli(ours, 'start', '--members', 'members.csv');
    assert.strictEqual(again.code, 1);
    assert.match(again.err, /exists already/);
    const other = cli(ours, 'start', '--members', 'members.csv', '--out', 'second.json', '--secret', 'second-secret.json');
    assert.strictEqual(other.code, 0, other.err);
    const wrong = cli(theirs, 'finish', '--answer', 'overlap-answer.json', '--result', path.join(ours, 'second.json'));
    assert.strictEqual(wrong.code, 1);
    assert.match(wrong.err, /The file cannot be used: this is the start file \(step 1\); the result file \(step 3\) is needed here/);
    const mixed = cli(ours, 'finish', '--answer', 'answer.json', '--secret', 'second-secret.json', '--out', 'r2.json');
    assert.strictEqual(mixed.code, 1);
    assert.match(mixed.err, /another run/);
  });
});
