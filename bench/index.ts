// npm run bench: drives the built dist/index.js exactly as a runner would
// (Node 24 binary, INPUT_* environment, default settings) against the local
// simulator on scripted run timelines, beside a baseline follower that
// behaves like the CLI's `--follow`, and prints one table. See docs/performance.md.
//
//   npm run bench                       the four timelines concurrently (~2.5 min)
//   npm run bench -- --serial           one follower at a time (~16 min, no CPU contention)
//   npm run bench -- --timelines steady,heavy
//   npm run bench -- --smoke            one short timeline (what npm test runs)
//   npm run bench -- --json out.json    also write every figure as JSON
//   npm run bench -- --cold-runs 20     cold-start runs (default 15, at least 10 outside smoke mode)
//   npm run bench -- --shared 1,10      steps sharing one token on the lifecycle timeline (default 1,3,6,10; `none` skips)
//   npm run bench -- --follow           only the follow targets: the newer server's stream and the August server's polling
//   npm run bench -- --no-follow        everything but them
//   npm run bench -- --follow --cases lone   the follow cases whose name holds `lone`
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getScenario } from '../simulator/server.js';
import { nodeBinary, REPO_ROOT } from '../test/support/run-action.js';
import { measureColdStart } from './cold-start.js';
import { measureFollower, type FollowerResult, type Timeline } from './measure.js';
import { measureSharedToken, type SharedTokenResult } from './shared-token.js';
import { measureFollowTargets, renderFollowTable } from './follow-targets.js';
import { renderTable, type BenchResults } from './report.js';
import { countBatches } from './stats.js';

const TIMELINES: readonly Timeline[] = [
  { name: 'steady', scenario: 'steady', speed: 1 },
  { name: 'bursty', scenario: 'bursty', speed: 1 },
  { name: 'quiet', scenario: 'quiet', speed: 1 },
  { name: 'heavy', scenario: 'heavy', speed: 1 },
];
const SMOKE_TIMELINE: Timeline = { name: 'smoke', scenario: 'success', speed: 0.5 };
/** A real run at real speed (~3 min): setup events early, a quiet agent, delivery and the end. */
const SHARED_TIMELINE: Timeline = { name: 'lifecycle', scenario: 'lifecycle', speed: 1 };
const SMOKE_SHARED_TIMELINE: Timeline = { name: 'smoke', scenario: 'success', speed: 1 };
const SHARED_KS = [1, 3, 6, 10];

/** Requests of a follower that knew exactly when events appear: 2 to start, 1 per batch, 1 for the end. */
function floorOf(timeline: Timeline): { requests: number; perMinute: number; batches: number } {
  const scenario = getScenario(timeline.scenario);
  if (!scenario) throw new Error(`unknown scenario ${timeline.scenario}`);
  const times = scenario.events.map((e) => e.at * timeline.speed);
  const batches = countBatches(times, 1000);
  const end = scenario.end.at * timeline.speed;
  const lastEvent = Math.max(0, ...times);
  const requests = 2 + batches + (times.length === 0 || end - lastEvent >= 1000 ? 1 : 0);
  return { requests, perMinute: requests / (end / 60_000), batches };
}

/** Newest source file, to warn when dist/index.js was built before it. */
function newestSource(dir: string): { path: string; mtimeMs: number } | null {
  let newest: { path: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(path) : { path, mtimeMs: statSync(path).mtimeMs };
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

function machine(): BenchResults['machine'] {
  let actionNode = '?';
  try {
    actionNode = execFileSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // reported as '?'
  }
  return {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    benchNode: process.version,
    actionNode,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

interface BenchOptions {
  smoke: boolean;
  serial: boolean;
  timelines: readonly Timeline[];
  coldRuns: number;
  /** Step counts for the shared-token part. */
  shared: readonly number[];
  /** Which parts run: the follow targets, the rest, or both. */
  parts: { follow: boolean; rest: boolean };
  /** Only the follow cases whose name holds this. */
  cases?: string;
}

async function runBench(options: BenchOptions): Promise<BenchResults> {
  const bundle = join(REPO_ROOT, 'dist', 'index.js');
  const bundleStat = statSync(bundle);
  const newest = newestSource(join(REPO_ROOT, 'src'));
  if (newest && newest.mtimeMs > bundleStat.mtimeMs) {
    log(`warning: ${newest.path} is newer than dist/index.js; the bench measures dist/ as built (npm run package rebuilds it)`);
  }

  const host = machine();
  // Measured alone: twenty steps at once must not share the two cores with the other parts.
  let follow: BenchResults['follow'] = [];
  if (options.parts.follow) {
    log(`follow targets (${options.smoke ? 'smoke' : 'all cases, concurrently, ~5 min'})`);
    follow = await measureFollowTargets(options.smoke, options.cases);
    for (const c of follow) log(`${c.name}: ${c.met ? 'met' : 'MISSED'}`);
  }
  const rest = options.parts.rest;
  log(`cold start: ${rest ? options.coldRuns : 0} interleaved runs of node -e 0, the action and the baseline`);
  const coldStart = await measureColdStart(rest ? options.coldRuns : 1);

  const jobs = (rest ? options.timelines : []).flatMap((t) => (['action', 'baseline'] as const).map((f) => ({ follower: f, timeline: t })));
  log(
    `timelines ${options.timelines.map((t) => t.name).join(', ')}: ${jobs.length} followers ${options.serial ? 'one at a time' : 'concurrently'}`,
  );
  const run = async (job: (typeof jobs)[number]): Promise<FollowerResult> => {
    const result = await inWorker<FollowerResult>(`${job.follower}:${job.timeline.name}`);
    log(`${job.timeline.name}/${job.follower} done: ${result.requests} requests, exit ${result.exitCode}`);
    return result;
  };
  let results: FollowerResult[];
  if (options.serial) {
    results = [];
    for (const job of jobs) results.push(await run(job));
  } else {
    results = await Promise.all(jobs.map(run));
  }

  const sharedTimeline = options.smoke ? SMOKE_SHARED_TIMELINE : SHARED_TIMELINE;
  let shared: SharedTokenResult[] = [];
  if (rest && options.shared.length > 0) {
    log(
      `shared token, ${sharedTimeline.name} timeline: K = ${options.shared.join(', ')} steps on one token, ${options.serial ? 'one K at a time' : 'each K against its own simulator, concurrently'}`,
    );
    const runShared = async (k: number): Promise<SharedTokenResult> => {
      const result = await inWorker<SharedTokenResult>(`shared:${k}:${sharedTimeline.name}`);
      log(`shared K=${k} done: 429s ${result.status429.join(' ')}, exits ${result.exitCodes.join(' ')}`);
      return result;
    };
    if (options.serial) for (const k of options.shared) shared.push(await runShared(k));
    else shared = await Promise.all(options.shared.map(runShared));
  }

  return {
    mode: options.smoke ? 'smoke' : 'full',
    concurrent: !options.serial,
    date: new Date().toISOString(),
    machine: host,
    timelines: [...options.timelines],
    floors: Object.fromEntries(options.timelines.map((t) => [t.name, floorOf(t)])),
    results,
    coldStart,
    shared,
    sharedTimeline,
    follow,
    bundleBytes: bundleStat.size,
    bundleSha256: createHash('sha256').update(readFileSync(bundle)).digest('hex'),
  };
}

/**
 * Each follower is measured in a bench process of its own (its simulator, its
 * counting proxy, its stdout clock), so one timeline's work (the heavy one
 * serializes 4 MB answers) never delays another's timestamps.
 */
function inWorker<T>(spec: string): Promise<T> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script, '--worker', spec], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`bench worker ${spec} exited with ${code}`));
      else resolve(JSON.parse(out) as T);
    });
  });
}

async function runWorker(spec: string): Promise<void> {
  const shared = /^shared:(\d+):(\w+)$/.exec(spec);
  if (shared) {
    const timeline = [SHARED_TIMELINE, SMOKE_SHARED_TIMELINE].find((t) => t.name === shared[2]);
    if (!timeline) throw new Error(`invalid --worker ${spec}`);
    process.stdout.write(JSON.stringify(await measureSharedToken(Number(shared[1]), timeline)));
    return;
  }
  const [follower, name] = spec.split(':');
  const timeline = [...TIMELINES, SMOKE_TIMELINE].find((t) => t.name === name);
  if ((follower !== 'action' && follower !== 'baseline') || !timeline) throw new Error(`invalid --worker ${spec}`);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const result = await measureFollower(follower, timeline);
  loop.disable();
  result.loopDelay = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
  process.stdout.write(JSON.stringify(result));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      serial: { type: 'boolean', default: false },
      timelines: { type: 'string' },
      json: { type: 'string' },
      'cold-runs': { type: 'string' },
      shared: { type: 'string' },
      follow: { type: 'boolean', default: false },
      'no-follow': { type: 'boolean', default: false },
      cases: { type: 'string' },
      worker: { type: 'string' },
    },
    strict: true,
  });
  if (values.worker !== undefined) return runWorker(values.worker);
  const smoke = values.smoke ?? false;
  let timelines: readonly Timeline[] = smoke ? [SMOKE_TIMELINE] : TIMELINES;
  if (values.timelines !== undefined) {
    const wanted = values.timelines.split(',').map((s) => s.trim());
    const unknown = wanted.filter((w) => !TIMELINES.some((t) => t.name === w));
    if (unknown.length > 0)
      throw new Error(`unknown timeline(s) ${unknown.join(', ')} (known: ${TIMELINES.map((t) => t.name).join(', ')})`);
    timelines = TIMELINES.filter((t) => wanted.includes(t.name));
  }
  const coldRuns = values['cold-runs'] === undefined ? (smoke ? 3 : 15) : Number(values['cold-runs']);
  if (!Number.isInteger(coldRuns) || coldRuns < 1) throw new Error(`invalid --cold-runs ${values['cold-runs']}`);
  if (!smoke && coldRuns < 10) log('note: the issue asks for the median of at least 10 cold starts');

  const sharedText = values.shared ?? (smoke ? '2' : SHARED_KS.join(','));
  const shared = sharedText === 'none' ? [] : sharedText.split(',').map((k) => Number(k.trim()));
  if (shared.some((k) => !Number.isInteger(k) || k < 1 || k > 10))
    throw new Error(`invalid --shared ${sharedText} (step counts 1 to 10, or none)`);

  const parts = { follow: !values['no-follow'], rest: !values.follow };
  const results = await runBench({
    smoke,
    serial: values.serial ?? false,
    timelines,
    coldRuns,
    shared,
    parts,
    ...(values.cases !== undefined && { cases: values.cases }),
  });
  const text = [
    ...(parts.rest ? [renderTable(results).text] : []),
    ...(parts.follow ? [`Following (issue 19's targets)\n${renderFollowTable(results.follow)}`] : []),
  ].join('\n\n');
  const m = results.machine;
  process.stdout.write(
    `Mogplex Run bench (${results.mode}) ${results.date}\n` +
      `${m.cpu}, ${m.cores} cores, ${m.memory}; bench on Node ${m.benchNode}, action on Node ${m.actionNode}; ` +
      `load average at start ${m.loadAverage.join(' ')}\n\n` +
      `${text}\n`,
  );
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(results, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
