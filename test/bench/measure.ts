/**
 * `npm run bench`, measures from exports, in plain Node through the same code the Node extension
 * host runs (the chunked file reader in src/platform/exportStream.ts, the CSV reader of
 * src/core/measure/csv.ts, Node's SHA-256):
 * - overlap of two 1,000,000-row member lists, end to end (the partner hashes theirs into a
 *   hashed file, you read your CSV and their file and count the shared members), against hashing
 *   the same 2,000,000 rows with the platform's SHA-256 alone on one thread (no reading, no
 *   parsing, no set); target at most 1.5x. The lists are hashed as the command hashes them: on a
 *   worker thread when there is a second core, beside the reading and parsing;
 * - a 100 MB sign-up export read and attributed with flat memory: the heap before and after (each
 *   after a full GC) and the live heap while reading (a full GC every 8 MB), against the same for a
 *   10 MB export; target: the growth for 100 MB at most 1.5x the one for 10 MB, or 1 MB if that is less (it does not grow
 *   with the file).
 * Each measurement runs in a child process of its own (`--expose-gc`), with generated files in
 * bench/tmp (never committed).
 *
 * Standalone: `node out/test/bench/measure.js` prints the rows.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './regex';

const ROOT = path.resolve(__dirname, '../../..');
const TMP = path.join(ROOT, 'bench', 'tmp', 'measure');
const ROWS = Number(process.env.BENCH_MEASURE_ROWS ?? 1_000_000);
const SHARED = Math.floor(ROWS / 4);
const SALT = '5f0c1e9a7b3d42c8a6e1f0b9d8c7a6b5';
/** Overlap runs, each against a hashing run of its own (as many as the other parts of `npm run bench`). */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function email(group: string, i: number): string {
  return `${group}.member${i}@${['gmail.com', 'example.org', 'proton.me', 'acme.io'][i % 4]}`;
}

/** Two member lists of ROWS rows, SHARED of them in both; some addresses written with capitals. */
function makeLists(): { ours: string; theirs: string } {
  fs.mkdirSync(TMP, { recursive: true });
  const ours = path.join(TMP, `ours-${ROWS}.csv`);
  const theirs = path.join(TMP, `theirs-${ROWS}.csv`);
  if (!fs.existsSync(ours) || !fs.existsSync(theirs)) {
    const write = (file: string, at: (i: number) => string) => {
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, 'email,name,joined_at\n');
      let buf = '';
      for (let i = 0; i < ROWS; i++) {
        const e = at(i);
        buf += `${i % 7 === 0 ? e.toUpperCase() : e},Member ${i},2026-0${1 + (i % 9)}-1${i % 10}T10:00:00Z\n`;
        if (buf.length > 1 << 20) {
          fs.writeSync(fd, buf);
          buf = '';
        }
      }
      fs.writeSync(fd, buf);
      fs.closeSync(fd);
    };
    write(ours, (i) => (i < SHARED ? email('both', i) : email('ours', i)));
    write(theirs, (i) => (i < SHARED ? email('both', SHARED - 1 - i) : email('theirs', i)));
  }
  return { ours, theirs };
}

/** A sign-up export of about `mb` MB: utm columns and a landing URL; 1 in 100 from one of three partners. */
function makeSignups(mb: number): string {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `signups-${mb}mb.csv`);
  if (fs.existsSync(file) && fs.statSync(file).size >= mb * 1e6) return file;
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'email,created_at,utm_source,utm_medium,utm_campaign,landing_page\n');
  let size = 0;
  let buf = '';
  for (let i = 0; size < mb * 1e6; i++) {
    const partner = i % 100 === 0 ? ['rust-berlin', 'design-systems-guild', 'figma-friends'][i % 3] : ['google', 'twitter', 'direct', 'hn'][i % 4];
    const campaign = i % 100 === 0 ? `partnership-${partner}` : 'brand';
    const line = `user${i}@${i % 2 ? 'example.org' : 'gmail.com'},2026-0${1 + (i % 9)}-1${i % 10}T09:30:00Z,${partner},newsletter,${campaign},"https://acme.dev/join?ref=x&utm_source=${partner}&utm_campaign=${campaign}"\n`;
    buf += line;
    size += line.length;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return file;
}

// ---------------------------------------------------------------------------------------------
// In the child

/**
 * The CPU time of this process's main thread in ms (Linux: /proc), else NaN. Not the process's
 * (`process.cpuUsage` adds the hash worker and the collector's threads): the main thread's work
 * is what a second core cannot take, and it does not depend on how busy the machine is.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded in the child only */
async function overlapRun(ours: string, theirs: string): Promise<{ ms: number; shared: number; cpu: number }> {
  const { readCsv } = require('../../src/core/measure/csv') as typeof import('../../src/core/measure/csv');
  const { MemberHasher, HashedListReader, overlapOf, estimateRows } = require('../../src/core/measure/lists') as typeof import('../../src/core/measure/lists');
  const { sha256Batch } = require('../../src/platform/sha256') as typeof import('../../src/platform/sha256');
  const { openLocalExport } = require('../../src/platform/exportStream') as typeof import('../../src/platform/exportStream');
  const hashList = async (file: string) => {
    const opened = openLocalExport(file);
    if (!opened?.ok) throw new Error(`cannot open ${file}`);
    let hasher: InstanceType<typeof MemberHasher> | undefined;
    await readCsv(opened.chunks, {
      onRows: (rows, table) => {
        // Sized as the command sizes it: from the file's size and its first rows.
        hasher ??= new MemberHasher(SALT, sha256Batch, { email: table.header.indexOf('email'), headerLength: table.header.length }, estimateRows(opened.size, rows.slice(0, 20)));
        return hasher.add(rows);
      },
    });
    return hasher!.finish();
  };
  const cpu = mainThreadCpuMs();
  const t = performance.now();
  // The partner: their CSV to a hashed file.
  const hashedFile = path.join(TMP, 'theirs.sha256');
  const partner = await hashList(theirs);
  fs.writeFileSync(hashedFile, partner.set.toHashedFile());
  // You: your CSV, and their hashed file read back.
  const mine = await hashList(ours);
  const opened = openLocalExport(hashedFile);
  if (!opened?.ok) throw new Error('cannot open the hashed file');
  const reader = new HashedListReader(Math.ceil(opened.size / 65));
  for await (const chunk of opened.chunks) reader.push(chunk);
  reader.end();
  const o = overlapOf(mine.set, reader.set);
  return { ms: performance.now() - t, shared: o.shared, cpu: mainThreadCpuMs() - cpu };
}

/** The floor: the same 2 x ROWS rows, salted and hashed with the platform's SHA-256 (the call the lists use), nothing else. */
function hashOnlyRun(): { ms: number; cpu: number } {
  const rows: string[] = [];
  for (let i = 0; i < ROWS; i++) rows.push(i < SHARED ? email('both', i) : email('ours', i));
  for (let i = 0; i < ROWS; i++) rows.push(i < SHARED ? email('both', SHARED - 1 - i) : email('theirs', i));
  const { sha256 } = require('../../src/platform/sha256') as typeof import('../../src/platform/sha256');
  const cpu = mainThreadCpuMs();
  const t = performance.now();
  let x = 0;
  for (const r of rows) x ^= sha256(SALT + r)[0];
  const ms = performance.now() - t;
  if (x === 256) console.error('never');
  return { ms, cpu: mainThreadCpuMs() - cpu };
}

async function importRun(file: string): Promise<{ before: number; after: number; peak: number; ms: number; rows: number; joins: number }> {
  const { readCsv } = require('../../src/core/measure/csv') as typeof import('../../src/core/measure/csv');
  const { SignupAttributor } = require('../../src/core/measure/attribution') as typeof import('../../src/core/measure/attribution');
  const { openLocalExport } = require('../../src/platform/exportStream') as typeof import('../../src/platform/exportStream');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const collect = () => {
    for (let i = 0; i < 4; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  const targets = ['rust-berlin', 'design-systems-guild', 'figma-friends'].map((p) => ({ id: p, source: p, medium: 'newsletter', campaign: `partnership-${p}`, from: '2026-01-01', to: '2026-12-31' }));
  const before = collect();
  let peak = before;
  let sampledAt = 0;
  const t = performance.now();
  const opened = openLocalExport(file);
  if (!opened?.ok) throw new Error(`cannot open ${file}`);
  let a: InstanceType<typeof SignupAttributor> | undefined;
  const summary = await readCsv(opened.chunks, {
    onRows: (rows, table) => {
      a ??= new SignupAttributor(targets, { email: 0, date: 1, source: 2, medium: 3, campaign: 4, url: 5, headerLength: table.header.length });
      a.add(rows);
    },
    onProgress: (bytes) => {
      // Every 8 MB: the live heap, after a full collection (garbage not yet collected is not memory kept).
      if (bytes - sampledAt >= 8 << 20) {
        sampledAt = bytes;
        peak = Math.max(peak, collect());
      }
    },
  });
  const ms = performance.now() - t;
  const joins = [...a!.result.results.values()].reduce((n, r) => n + r.joins, 0);
  const after = collect();
  return { before, after, peak, ms, rows: summary.rows, joins };
}
/* eslint-enable @typescript-eslint/no-require-imports */

// ---------------------------------------------------------------------------------------------
// In the parent

function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', __filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`measure bench child ${args.join(' ')} exited ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function measureRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const lists = makeLists();
  const overlap: number[] = [];
  const hashing: number[] = [];
  const overlapCpu: number[] = [];
  const hashingCpu: number[] = [];
  let shared = -1;
  // Alternated, so that the machine's load falls on both alike.
  for (let r = 0; r < RUNS; r++) {
    const h = await child<{ ms: number; cpu: number }>(['--hash-only']);
    hashing.push(h.ms);
    hashingCpu.push(h.cpu);
    const o = await child<{ ms: number; shared: number; cpu: number }>(['--overlap', lists.ours, lists.theirs]);
    overlap.push(o.ms);
    overlapCpu.push(o.cpu);
    shared = o.shared;
  }
  const ratio = median(overlap) / median(hashing);
  const cpuRatio = median(overlapCpu) / median(hashingCpu);
  const cpuNote = Number.isFinite(cpuRatio)
    ? `. In CPU time, which the machine's load does not change: the overlap's main thread ${median(overlapCpu).toFixed(0)} ms against the hashing's ${median(hashingCpu).toFixed(0)} ms, ${cpuRatio.toFixed(2)}x (medians; the work no second core can take: on an idle machine the overlap takes at least that)`
    : '';
  rows.push({
    name: `Measure: overlap of two ${ROWS.toLocaleString('en')}-row lists`,
    value: `${ratio.toFixed(2)}x (${median(overlap).toFixed(0)} ms vs ${median(hashing).toFixed(0)} ms hashing alone)`,
    target: '<= 1.5x',
    ok: ratio <= 1.5 && shared === SHARED,
    note: `median of ${RUNS} (each: ${overlap.map((o, i) => (o / hashing[i]).toFixed(2)).join(', ')}x); end to end: the partner's CSV to a hashed file, your CSV and their file read, the shared members counted: ${shared.toLocaleString('en')} (${SHARED.toLocaleString('en')} written). The lists hash on a worker thread while the main thread reads and parses the next rows, as the command does with a second core; the baseline hashes the same ${(2 * ROWS).toLocaleString('en')} rows with the same node:crypto call on the main thread alone${cpuNote}`,
  });

  type Import = { before: number; after: number; peak: number; ms: number; rows: number; joins: number };
  const small = await child<Import>(['--import', makeSignups(10)]);
  const large = await child<Import>(['--import', makeSignups(100)]);
  const growth = (x: Import) => x.peak - x.before;
  // Against at least 1 MB: below that, the 10 MB run's growth is the collector's noise, not memory the reader holds.
  const flat = growth(large) / Math.max(growth(small), 1 << 20);
  const size = fs.statSync(makeSignups(100)).size;
  rows.push({
    name: 'Measure: 100 MB sign-up CSV imported, heap growth while reading',
    value: `${flat.toFixed(2)}x (${mb(growth(large))} for ${mb(size)} vs ${mb(growth(small))} for 10 MB, counted as at least 1 MB)`,
    target: '<= 1.5x (flat)',
    ok: flat <= 1.5,
    note: `heapUsed before ${mb(large.before)}, after ${mb(large.after)} (each after a full GC), live heap at most ${mb(large.peak)} while reading (a full GC every 8 MB); ${large.rows.toLocaleString('en')} rows in ${(large.ms / 1000).toFixed(1)} s (${(size / 1e6 / (large.ms / 1000)).toFixed(0)} MB/s), ${large.joins.toLocaleString('en')} sign-ups attributed`,
  });
  return rows;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const print = (v: unknown) => process.stdout.write(JSON.stringify(v));
  if (args[0] === '--overlap') void overlapRun(args[1], args[2]).then(print);
  else if (args[0] === '--hash-only') print(hashOnlyRun());
  else if (args[0] === '--import') void importRun(args[1]).then(print);
  else
    void measureRows().then((rows) => {
      for (const r of rows) console.log(`${r.name}: ${r.value} (target ${r.target}, ${r.ok ? 'met' : 'MISSED'}) ${r.note}`);
    });
}
