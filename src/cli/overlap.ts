// community-partnerships-overlap: the private overlap from the command line, for a partner who
// does not use the extension (or for either side): the same steps as the editor's commands,
// from the same code. Built to dist/overlap.js; `package.json`'s `bin` names it.
import * as fs from 'node:fs';
import { randomFillSync } from 'node:crypto';
import {
  ExchangeError,
  PointError,
  answerOverlap,
  finishAnswer,
  finishStart,
  readExchange,
  readMemberList,
  readSecret,
  secretText,
  startOverlap,
  writeExchange,
  type PrivateOverlap,
  type StepOptions,
} from '../core/psi';
import { groupWork } from '../platform/psiWork';

const HELP = `community-partnerships-overlap: how many members two communities share, without either
side sending an email, a name or a hash that can be tested against a list.

  start  --members LIST [--column NAME] [--out FILE] [--secret FILE]
         You begin. Writes the start file (send it to the partner) and a secret file
         (keep it on this machine, never send it: it is needed to finish).
  answer --members LIST --start FILE [--column NAME] [--out FILE]
         The partner answers the start file. Writes the answer file (send it back, and keep
         a copy: it is needed to read the result).
  finish --answer FILE --secret FILE [--out FILE]
         You finish: prints the overlap and writes the result file for the partner.
  finish --answer FILE --result FILE
         The partner finishes, with its own answer file and your result file: prints the
         same overlap, counted on its side, and whether your count agrees.

LIST is a CSV export with a header (the email column is found by its name, or given with
--column) or a text file with one email a line. Emails are trimmed and lower-cased; each
member counts once. Files are never overwritten (pass --force to allow it). --json prints
the outcome as JSON. Defaults: overlap-start.json, overlap-SECRET-keep-private.json,
overlap-answer.json, overlap-result.json in the current folder.`;

interface Args {
  command?: string;
  flags: Map<string, string | true>;
}

function parseArgs(argv: readonly string[]): Args {
  const flags = new Map<string, string | true>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') flags.set('help', true);
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (['help', 'json', 'force'].includes(name)) flags.set(name, true);
      else if (inline !== undefined) flags.set(name, inline);
      else if (i + 1 < argv.length) flags.set(name, argv[++i]);
      else throw new UsageError(`--${name} needs a value`);
    } else if (!command) command = a;
    else throw new UsageError(`unexpected argument ${JSON.stringify(a)}`);
  }
  return { command, flags };
}

class UsageError extends Error {}

function flag(args: Args, name: string, fallback?: string): string {
  const v = args.flags.get(name);
  if (typeof v === 'string' && v !== '') return v;
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} is needed`);
}

/** A file's bytes (protocol files are read from them, with no string a point). */
function readJson(file: string): Buffer {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
  return fs.readFileSync(file);
}

function write(file: string, text: string, force: boolean, mode = 0o644): void {
  fs.writeFileSync(file, text, { flag: force ? 'w' : 'wx', mode });
}

function steps(quiet: boolean): StepOptions {
  const { work, parallel } = groupWork();
  let shown = -1;
  return {
    work,
    parallel,
    random: (b) => randomFillSync(b),
    progress: (done, total) => {
      if (quiet || !process.stderr.isTTY) return;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (pct !== shown) process.stderr.write(`\r${pct}%`);
      shown = pct;
      if (done === total) process.stderr.write('\r     \r');
    },
  };
}

async function members(args: Args, out: (line: string) => void): Promise<string[]> {
  const file = flag(args, 'members');
  const list = await readMemberList(fs.createReadStream(file, { highWaterMark: 1 << 20 }), { column: args.flags.get('column') as string | undefined });
  const skipped = list.stats.bad.count + list.problems.length;
  out(`${file}: ${list.emails.length} members${list.stats.duplicates ? `, ${list.stats.duplicates} duplicate rows` : ''}${skipped ? `, ${skipped} rows skipped` : ''}`);
  for (const b of list.stats.bad.list.slice(0, 5)) out(`  line ${b.line}: ${b.reason}`);
  return list.emails;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function describe(o: PrivateOverlap): string {
  return `Members in both: ${o.shared} (${pct(o.ourShare)} of your ${o.ours}, ${pct(o.theirShare)} of the partner's ${o.theirs}).`;
}

export async function main(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.has('help') || !args.command || args.command === 'help') {
    out(HELP);
    return args.command || args.flags.has('help') ? 0 : 2;
  }
  const json = args.flags.has('json');
  const force = args.flags.has('force');
  const say = json ? () => undefined : out;
  const o = steps(json);
  let outcome: Record<string, unknown>;
  switch (args.command) {
    case 'start': {
      const emails = await members(args, say);
      const { file, secret } = await startOverlap(emails, o);
      const startFile = flag(args, 'out', 'overlap-start.json');
      const secretFile = flag(args, 'secret', 'overlap-SECRET-keep-private.json');
      write(secretFile, secretText(secret), force, 0o600);
      write(startFile, writeExchange(file), force);
      say(`Wrote ${startFile}: send it to the partner. Keep ${secretFile} on this machine, never send it: it is needed to finish (run ${file.run}).`);
      outcome = { step: 'start', run: file.run, members: file.startCount, file: startFile, secret: secretFile };
      break;
    }
    case 'answer': {
      const start = readExchange(readJson(flag(args, 'start')), 1);
      const emails = await members(args, say);
      const answer = await answerOverlap(start, emails, o);
      const answerFile = flag(args, 'out', 'overlap-answer.json');
      write(answerFile, writeExchange(answer), force);
      say(`Wrote ${answerFile}: send it back, and keep it: with the result file it gives you the count.`);
      outcome = { step: 'answer', run: answer.run, members: answer.answerCount, theirs: answer.startCount, file: answerFile };
      break;
    }
    case 'finish': {
      const answer = readExchange(readJson(flag(args, 'answer')), 2);
      if (args.flags.has('secret')) {
        const secret = readSecret(readJson(flag(args, 'secret')).toString('utf8'));
        const { overlap, file } = await finishStart(answer, secret, o);
        const resultFile = flag(args, 'out', 'overlap-result.json');
        write(resultFile, writeExchange(file), force);
        say(describe(overlap));
        say(`Wrote ${resultFile}: send it to the partner, who counts the same from it. The secret file can be deleted now.`);
        outcome = { step: 'finish', role: 'start', ...overlap, file: resultFile };
      } else if (args.flags.has('result')) {
        const result = readExchange(readJson(flag(args, 'result')), 3, answer.run);
        const { overlap, agreed } = await finishAnswer(answer, result, o);
        say(describe(overlap));
        say(agreed ? 'The other side counted the same.' : `The other side's file says ${result.overlap}: the counts differ, so one of the files was changed.`);
        outcome = { step: 'finish', role: 'answer', ...overlap, agreed };
      } else throw new UsageError('finish needs --secret (you started) or --result (you answered)');
      break;
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(args.command)}: start, answer or finish`);
  }
  if (json) out(JSON.stringify(outcome));
  return 0;
}

function reason(err: unknown): string {
  if (err instanceof UsageError) return `${err.message}. See --help.`;
  if (err instanceof ExchangeError || err instanceof PointError) return `The file cannot be used: ${err.message}.`;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EEXIST') return `${e.path ?? 'The output file'} exists already: choose another name with --out/--secret, or pass --force.`;
  if (e?.code === 'ENOENT') return `${e.path ?? 'A file'} does not exist.`;
  return err instanceof Error ? err.message : String(err);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(reason(err));
      process.exitCode = 1;
    },
  );
}
