// Runs one follower (the action's dist/index.js, or the baseline) on one
// timeline against its own simulator, and measures it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_WEB_ID, SIM_TOKEN, startSimulator, type Simulator, type SimRun } from '../simulator/server.js';
import { nodeBinary, REPO_ROOT, runAction } from '../test/support/run-action.js';
import { startCountingProxy, type CountingProxy, type ProxiedRequest } from './proxy.js';
import { maxInWindow, median, quantile } from './stats.js';

export type Follower = 'action' | 'baseline';

export interface Timeline {
  /** Column name in the table. */
  name: string;
  /** Simulator scenario. */
  scenario: string;
  /** Simulator speed (1 = real time). */
  speed: number;
}

export interface FollowerResult {
  follower: Follower;
  timeline: string;
  exitCode: number | null;
  /** Every API request the follower sent. */
  requests: number;
  maxPerMinuteWindow: number;
  meanPerMinute: number;
  status429: number;
  /** Events the run had, and how many of them reached stdout. */
  events: number;
  eventsShown: number;
  /** stdout event lines whose text did not match the event at the same position. */
  mismatched: number;
  latencyMedianMs: number | null;
  latencyP95Ms: number | null;
  latencyMaxMs: number | null;
  /** From the run turning terminal to the process exiting. */
  endLagMs: number | null;
  bytes: number;
  bytesPerMinute: number;
  /** Mean and largest answer to the polls sent after the 200-event window filled (null: it never filled). */
  bytesPerPollAfterWindow: number | null;
  maxBytesPerPollAfterWindow: number | null;
  peakRssBytes: number | null;
  /** From the first request to the process exiting. */
  spanMs: number;
  /** Event-loop delay of the bench process that measured this follower (ms); set by the bench worker. */
  loopDelay?: { p99Ms: number; maxMs: number };
  /** The raw figures behind the summary, for docs/performance.md and debugging. */
  trace: Trace;
}

export interface Trace {
  /** ms epoch of the first request; every `t` below is ms after it. */
  origin: number;
  requests: Array<{ t: number; method: string; route: string; status: number; bytes: number }>;
  /** Per event shown, in order: when it was created, and its latency to stdout. */
  events: Array<{ t: number; latencyMs: number | null }>;
  runEndedT: number | null;
  exitT: number;
}

const EVENT_WINDOW = 200;
const BASELINE_SOURCE = join(REPO_ROOT, 'bench', 'baseline-follower.ts');
let baselineScript: string | undefined;

/**
 * The baseline follower as plain JavaScript in a temp file. Node 24 could run
 * the .ts file itself, but its type stripping loads a WebAssembly compiler
 * first, which would add ~100 ms and ~30 MB to a follower meant to be minimal.
 */
function baselineJs(): string {
  if (baselineScript) return baselineScript;
  const { outputText } = ts.transpileModule(readFileSync(BASELINE_SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'mogplex-bench-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  baselineScript = join(dir, 'baseline-follower.mjs');
  writeFileSync(baselineScript, outputText);
  return baselineScript;
}

/** VmHWM (peak resident set) of a live process, in bytes; null off Linux or once it is gone. */
export function readPeakRss(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a child's peak RSS until it exits (VmHWM only grows, so the last sample is the peak up to then). */
function watchRss(child: ChildProcess): () => number | null {
  let peak: number | null = null;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const value = readPeakRss(child.pid);
    if (value !== null) peak = Math.max(peak ?? 0, value);
  };
  sample();
  const timer = setInterval(sample, 50);
  child.once('exit', () => clearInterval(timer));
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** Splits stdout into lines, each stamped with the arrival time of the chunk that completed it. */
class LineClock {
  readonly lines: Array<{ text: string; at: number }> = [];
  private partial = '';

  feed(chunk: string, at = Date.now()): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const text of parts) this.lines.push({ text: text.replace(/\r$/, ''), at });
  }
}

/** The text an event's stdout line must end with. */
function eventText(message: string | null): string {
  return (message ?? '').trim();
}

export function benchPrompt(timeline: Timeline): string {
  return `[sim:${timeline.scenario}] Bench run on the ${timeline.name} timeline.`;
}

export interface Spawned {
  exit: Promise<{ code: number | null; at: number }>;
  peakRss: () => number | null;
  clock: LineClock;
  /** Marks the stdout lines that show an event. */
  isEventLine: (line: string) => boolean;
}

export function spawnAction(proxy: CountingProxy, prompt: string, timeoutMs: number): Promise<Spawned> {
  const clock = new LineClock();
  return new Promise((resolveSpawned, reject) => {
    let exitAt = 0;
    const result = runAction({
      inputs: { token: SIM_TOKEN, 'api-url': proxy.url, prompt },
      timeoutMs,
      onStdout: (chunk) => clock.feed(chunk),
      onSpawn: (child) => {
        child.once('exit', () => (exitAt = Date.now()));
        const peakRss = watchRss(child);
        resolveSpawned({
          exit: result.then(async (r) => {
            await r.cleanup();
            return { code: r.code, at: exitAt || Date.now() };
          }),
          peakRss,
          clock,
          isEventLine: (line) => line.startsWith('::group::'),
        });
      },
    });
    result.catch(reject);
  });
}

export function spawnBaseline(apiUrl: string, prompt: string, onStdout?: (chunk: string) => void): ChildProcess {
  const child = spawn(nodeBinary(), [baselineJs()], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      BENCH_API_URL: apiUrl,
      BENCH_TOKEN: SIM_TOKEN,
      BENCH_REPO_ID: REPO_WEB_ID,
      BENCH_PROMPT: prompt,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => onStdout?.(chunk));
  return child;
}

function startBaseline(sim: Simulator, proxy: CountingProxy, timeline: Timeline, timeoutMs: number): Spawned {
  const clock = new LineClock();
  const child = spawnBaseline(`${proxy.url}${sim.apiUrl.slice(sim.url.length)}`, benchPrompt(timeline), (chunk) => clock.feed(chunk));
  const peakRss = watchRss(child);
  const exit = new Promise<{ code: number | null; at: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`baseline follower did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    let at = 0;
    child.once('exit', () => (at = Date.now()));
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, at: at || Date.now() });
    });
  });
  return { exit, peakRss, clock, isEventLine: (line) => line.startsWith('event ') };
}

export function summarize(
  follower: Follower,
  timeline: Timeline,
  run: SimRun | undefined,
  proxied: readonly ProxiedRequest[],
  spawned: Spawned,
  exit: { code: number | null; at: number },
): FollowerResult {
  const events = run?.events ?? [];
  const eventLines = spawned.clock.lines.filter((l) => spawned.isEventLine(l.text));
  const latencies: number[] = [];
  const traced: Trace['events'] = [];
  let mismatched = 0;
  const times = proxied.map((r) => r.at);
  const first = Math.min(...times);
  eventLines.forEach((line, i) => {
    const event = events[i];
    if (!event || !line.text.endsWith(eventText(event.message))) {
      mismatched += 1;
      traced.push({ t: (event?.createdAtMs ?? first) - first, latencyMs: null });
      return;
    }
    latencies.push(line.at - event.createdAtMs);
    traced.push({ t: event.createdAtMs - first, latencyMs: line.at - event.createdAtMs });
  });

  const spanMs = Math.max(1, exit.at - first);
  const minutes = spanMs / 60_000;
  const bytes = proxied.reduce((sum, r) => sum + r.bytes, 0);

  // Polls that started after the poll that first saw the full 200-event window.
  const windowFilledAt = events.length >= EVENT_WINDOW ? events[EVENT_WINDOW - 1]?.createdAtMs : undefined;
  let afterWindow: ProxiedRequest[] = [];
  if (windowFilledAt !== undefined) {
    const polls = proxied.filter((r) => r.method === 'GET' && /\/runs\/[^/]+(\/events)?$/.test(r.path));
    const firstFull = polls.findIndex((r) => r.at >= windowFilledAt);
    afterWindow = firstFull < 0 ? [] : polls.slice(firstFull + 1);
  }

  return {
    follower,
    timeline: timeline.name,
    exitCode: exit.code,
    requests: proxied.length,
    maxPerMinuteWindow: maxInWindow(times, 60_000),
    meanPerMinute: proxied.length / minutes,
    status429: proxied.filter((r) => r.status === 429).length,
    events: events.length,
    eventsShown: eventLines.length,
    mismatched,
    latencyMedianMs: median(latencies),
    latencyP95Ms: quantile(latencies, 0.95),
    latencyMaxMs: latencies.length > 0 ? Math.max(...latencies) : null,
    endLagMs: run?.endedAtMs != null ? exit.at - run.endedAtMs : null,
    bytes,
    bytesPerMinute: bytes / minutes,
    bytesPerPollAfterWindow: afterWindow.length > 0 ? afterWindow.reduce((s, r) => s + r.bytes, 0) / afterWindow.length : null,
    maxBytesPerPollAfterWindow: afterWindow.length > 0 ? Math.max(...afterWindow.map((r) => r.bytes)) : null,
    peakRssBytes: spawned.peakRss(),
    spanMs,
    trace: {
      origin: first,
      requests: proxied.map((r) => ({
        t: r.at - first,
        method: r.method,
        route: r.path.replace(/^.*\/api\/v1\/mogplex/, '').replace(/\/runs\/[^/]+/, '/runs/:id'),
        status: r.status,
        bytes: r.bytes,
      })),
      events: traced,
      runEndedT: run?.endedAtMs != null ? run.endedAtMs - first : null,
      exitT: exit.at - first,
    },
  };
}

/** Runs one follower on one timeline, with its own simulator (so its own rate limit) and counting proxy. */
export async function measureFollower(follower: Follower, timeline: Timeline, timeoutMs = 5 * 60_000): Promise<FollowerResult> {
  const sim = await startSimulator({ scenario: timeline.scenario, speed: timeline.speed });
  const proxy = await startCountingProxy(sim.url);
  try {
    const spawned =
      follower === 'action' ? await spawnAction(proxy, benchPrompt(timeline), timeoutMs) : startBaseline(sim, proxy, timeline, timeoutMs);
    const exit = await spawned.exit;
    if (sim.requests.length !== proxy.requests.length) {
      throw new Error(
        `${follower}/${timeline.name}: the proxy saw ${proxy.requests.length} requests, the simulator ${sim.requests.length}`,
      );
    }
    if (sim.runs.length !== 1) throw new Error(`${follower}/${timeline.name}: expected one run, the simulator has ${sim.runs.length}`);
    return summarize(follower, timeline, sim.runs[0], proxy.requests, spawned, exit);
  } finally {
    await proxy.close();
    await sim.close();
  }
}
