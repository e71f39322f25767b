/**
 * Runs inside the VS Code extension host for `npm run bench`. The launcher writes a job file:
 * - activation: activates the empty baseline extension and Community Partnerships the same way
 *   (an explicit activate(), no activation event fired first), in the order given;
 * - index: lists and reads the workspace's partnership records with Node's fs in this process
 *   (the floor, see nodeFloor) and reads them with plain workspace.fs reads (bytes, no parsing;
 *   16 and 64 at once), then loads them into the planner's index, then into the index alone
 *   (over workspace.fs, and over Node's fs), then changes one file and counts what that costs;
 *   the time of one workspace.fs call against Node's fs; and the extension host's heap growth,
 *   measured after a forced garbage collection.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const OUT = path.resolve(__dirname, '../../../.test-output');
const OURS = 'community-partnerships.community-partnerships';

export async function run(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(path.join(OUT, 'bench-job.json'), 'utf8')) as { kind: 'activation' | 'index'; order?: string[]; profile?: boolean };
  try {
    const result = job.kind === 'index' ? await index(job.profile === true) : await activation(job.order ?? [], job.profile === true);
    fs.writeFileSync(path.join(OUT, 'bench-result.json'), JSON.stringify({ ok: true, result }));
  } catch (err) {
    fs.writeFileSync(path.join(OUT, 'bench-result.json'), JSON.stringify({ ok: false, error: String((err as Error)?.stack ?? err) }));
  }
}

async function activation(order: string[], profile = false): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const id of order) {
    const ext = vscode.extensions.getExtension(id);
    if (!ext) throw new Error(`${id} is not installed`);
    if (ext.isActive) throw new Error(`${id} was already active: the measurement would be empty`);
    const started = performance.now();
    const api = (await profiled(profile && id === OURS, `bench-activation-${Date.now()}.cpuprofile`, async () => ext.activate())) as ExtensionApi | undefined;
    result[id] = performance.now() - started;
    if (api?.contexts) {
      await api.contexts.ready;
      result[`${id}#contextReady`] = performance.now() - started;
    }
  }
  return result;
}

async function rawRead(folder: vscode.WorkspaceFolder, options: { parse?: (text: string) => unknown; concurrency?: number } = {}): Promise<{ ms: number; files: number; bytes: number }> {
  const started = performance.now();
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, 'records/**/*.md'));
  let bytes = 0;
  let next = 0;
  // By default the same bounded concurrency as the planner's loader.
  const worker = async () => {
    while (next < found.length) {
      const uri = found[next++];
      const read = await vscode.workspace.fs.readFile(uri);
      bytes += read.length;
      if (options.parse) options.parse(new TextDecoder().decode(read));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  return { ms: performance.now() - started, files: found.length, bytes };
}

/**
 * The time of one call, made one after another: workspace.fs.readFile and Node's fs of the same
 * small file. What a workspace.fs call waits for beyond the read itself (in this host, a message
 * to the workbench and back before every call, even for `file:`).
 */
async function perCall(uri: vscode.Uri, calls = 200): Promise<{ fsMs: number; nodeMs: number }> {
  let started = performance.now();
  for (let i = 0; i < calls; i++) await vscode.workspace.fs.readFile(uri);
  const fsMs = (performance.now() - started) / calls;
  started = performance.now();
  for (let i = 0; i < calls; i++) await fs.promises.readFile(uri.fsPath);
  return { fsMs, nodeMs: (performance.now() - started) / calls };
}

/**
 * A full garbage collection in the extension host, which runs without --expose-gc: the flag is
 * set at run time and `gc` taken from a fresh context, where V8 then defines it. Collected a few
 * times over, so that what is left is what something still holds.
 */
function forcedGc(): () => number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  if (typeof gc !== 'function') throw new Error('could not force a garbage collection in the extension host');
  return () => {
    for (let i = 0; i < 4; i++) gc();
    return process.memoryUsage().heapUsed;
  };
}

/** The same files read with Node's fs from this process, with the same bounded concurrency. */
async function nodeRead(uris: readonly vscode.Uri[], parse?: (text: string) => unknown, readFile: (file: string) => Promise<Uint8Array> = (f) => fs.promises.readFile(f)): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < uris.length) {
      const read = await readFile(uris[next++].fsPath);
      bytes += read.length;
      if (parse) parse(new TextDecoder().decode(read));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { ms: performance.now() - started, bytes };
}

/**
 * The floor: what any reader of these records has to do, done with Node's fs in this process and
 * nothing else. It lists the records folder (fs.promises.readdir with each entry's type, into
 * every subfolder), then reads every `.md` file in it whole with fs.promises.readFile, 16 at
 * once. No decoding, no parsing, no checks, no URIs: the bytes only.
 */
async function nodeFloor(dir: string): Promise<{ ms: number; bytes: number; files: number }> {
  const started = performance.now();
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const sub: string[] = [];
    for (const e of await fs.promises.readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) sub.push(path.join(d, e.name));
      else if (e.isFile() && /\.md$/i.test(e.name)) files.push(path.join(d, e.name));
    }
    await Promise.all(sub.map(walk));
  };
  await walk(dir);
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const read = await fs.promises.readFile(files[next++]);
      bytes += read.length;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { ms: performance.now() - started, bytes, files: files.length };
}

/** A CPU profile of the extension host while `run` runs (BENCH_PROFILE=1), for Chrome's DevTools. */
async function profiled<T>(on: boolean, file: string, run: () => Promise<T>): Promise<T> {
  if (!on) return run();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(path.join(OUT, file), JSON.stringify(profile));
    session.disconnect();
  }
}

async function index(profile = false): Promise<Record<string, number>> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const ext = vscode.extensions.getExtension<ExtensionApi>(OURS);
  if (!ext) throw new Error('extension missing');
  if (ext.isActive) throw new Error('the extension was activated before the measurement');
  // Warm the file system cache and the API once, so neither side pays the first touch. The
  // records sit in a folder the setting names (records/), so nothing activated the extension
  // at start-up and its own start-up load (3 s after activation) cannot run before this one.
  await rawRead(folder);
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, 'records/**/*.md'));
  const recordsDir = path.join(folder.uri.fsPath, 'records');
  await nodeFloor(recordsDir);
  // The baseline is not held back by the loader's bound: the same reads with 64 in flight are
  // measured too, and the faster of the two is the baseline.
  const raw1 = await rawRead(folder);
  const wide1 = await rawRead(folder, { concurrency: 64 });
  const floor1 = await nodeFloor(recordsDir);
  if (floor1.bytes !== raw1.bytes || wide1.bytes !== raw1.bytes || floor1.files !== raw1.files) throw new Error(`the reads disagree on the bytes: ${raw1.bytes}, ${wide1.bytes}, ${floor1.bytes} (${floor1.files} files)`);
  const calls = await perCall(uris[0]);
  const api = await ext.activate();
  const heap = forcedGc();
  const heapBefore = heap();
  const heapBeforeNoGc = process.memoryUsage().heapUsed;
  // planner() loads the planner's module and its index: both are what opening the planner costs.
  const started = performance.now();
  const planner = await profiled(profile, 'bench-index.cpuprofile', async () => {
    const p = await api.planner();
    await p.ensureLoaded();
    return p;
  });
  const indexMs = performance.now() - started;
  const heapAfterNoGc = process.memoryUsage().heapUsed;
  const heapAfter = heap();
  const raw2 = await profiled(profile, 'bench-raw.cpuprofile', () => rawRead(folder));
  const wide2 = await rawRead(folder, { concurrency: 64 });
  const floor2 = await nodeFloor(recordsDir);
  // The floor's reads with the index's own reader of each record (decode and digest): how much of
  // the index's cost is that work, and how much is the rest (listing, the service, the messages).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { digestRecord } = require('../../src/core/records') as typeof import('../../src/core/records');
  const floorDigest = await nodeRead(uris, digestRecord);
  // The extension's own reader of local files (no link followed, regular files only), the same way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localReader } = require('../../src/platform/localRead') as typeof import('../../src/platform/localRead');
  const ours = await nodeRead(uris, undefined, async (file) => {
    const r = await localReader()!.read(file, 10 * 1024 * 1024);
    if (r.kind !== 'bytes') throw new Error(`${file}: ${r.kind}`);
    return r.bytes;
  });
  if (ours.bytes !== raw1.bytes) throw new Error(`the extension's reader saw ${ours.bytes} bytes, not ${raw1.bytes}`);
  // The index alone, filled by its loader from workspace.fs reads: no planner service around it
  // (no status bar, watchers or Problems panel), and the reads of a host without Node's fs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RecordIndex } = require('../../src/core/planner/recordIndex') as typeof import('../../src/core/planner/recordIndex');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RecordLoader } = require('../../src/core/planner/loader') as typeof import('../../src/core/planner/loader');
  const coreStarted = performance.now();
  const core = new RecordIndex();
  await profiled(profile, 'bench-core.cpuprofile', () =>
    new RecordLoader(core, {
      list: async () => (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, 'records/**/*.md'))).map((u) => u.toString()),
      read: async (id) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(id))),
    }).load(),
  );
  const coreMs = performance.now() - coreStarted;
  if (core.size !== raw1.files) throw new Error(`the index alone holds ${core.size} records`);
  // The same over Node's fs, read as the extension reads a local folder (readMany: synchronous
  // reads in slices), from the same list: what the planner service adds is the difference.
  const nodeStarted = performance.now();
  const coreNode = new RecordIndex();
  const decoder = new TextDecoder();
  await new RecordLoader(coreNode, {
    list: async () => uris.map((u) => u.toString()),
    read: async (id) => decoder.decode(await fs.promises.readFile(vscode.Uri.parse(id).fsPath)),
    readMany: (ids, onText) =>
      localReader()!.readMany(
        ids.map((id) => vscode.Uri.parse(id).fsPath),
        10 * 1024 * 1024,
        (i, r) => onText(i, r.kind === 'bytes' ? decoder.decode(r.bytes) : undefined),
        16,
      ),
  }).load();
  const coreNodeMs = performance.now() - nodeStarted;
  if (coreNode.size !== raw1.files) throw new Error(`the index alone over Node fs holds ${coreNode.size} records`);
  const listed = planner.query({ offset: 0, limit: 1 }).total;
  const broken = planner.counts().broken;

  // One changed file: how many reads, and how long until the index shows it.
  const readsBefore = planner.reads();
  const target = vscode.Uri.joinPath(folder.uri, 'records', 'partner-00007.md');
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  const changedAt = performance.now();
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text.replace('partner: Partner Community 7', 'partner: Renamed Community 7')));
  for (;;) {
    const hit = planner.query({ text: 'Renamed Community 7', offset: 0, limit: 1 }).total;
    if (hit === 1) break;
    if (performance.now() - changedAt > 30_000) {
      const old = planner.query({ text: 'Partner Community 7', offset: 0, limit: 3 });
      throw new Error(`the index never showed the changed file: reads +${planner.reads() - readsBefore}, old name matches ${old.total} (${old.items.map((x) => x.id).join(', ')}), target ${target.toString()}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const changeMs = performance.now() - changedAt;
  await new Promise((r) => setTimeout(r, 500)); // let any stray extra read show up in the count
  return {
    files: raw1.files,
    bytes: raw1.bytes,
    listed,
    broken,
    raw16Ms: (raw1.ms + raw2.ms) / 2,
    raw64Ms: (wide1.ms + wide2.ms) / 2,
    rawMs: Math.min(raw1.ms + raw2.ms, wide1.ms + wide2.ms) / 2,
    floorDigestMs: floorDigest.ms,
    localReadMs: ours.ms,
    fsCallMs: calls.fsMs,
    nodeCallMs: calls.nodeMs,
    coreMs,
    coreNodeMs,
    floorMs: (floor1.ms + floor2.ms) / 2,
    floorBytes: floor1.bytes,
    indexMs,
    heapGrowthBytes: heapAfter - heapBefore,
    heapGrowthNoGcBytes: heapAfterNoGc - heapBeforeNoGc,
    changeReads: planner.reads() - readsBefore,
    changeMs,
  };
}
