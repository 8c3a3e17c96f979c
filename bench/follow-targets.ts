// Following today's Mogplex server and the August one: the figures issue 19
// sets targets for. Each case drives the built dist/index.js as a runner
// would against a simulator of its own, with the real limits (60 requests a
// token in any sliding 60 s, answered 429 with Retry-After: 60; 10 run starts
// a minute), and reads the simulator's own record of requests and runs.
//
//   npm run bench -- --follow             every case (~5 min, cases run concurrently)
//   npm run bench -- --follow --smoke     two short cases (what the smoke test runs)
//   npm run bench -- --follow --cases lone   the cases whose name holds `lone`
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIM_TOKEN, startSimulator, type FaultRule, type Simulator, type SimulatorOptions } from '../simulator/server.js';
import { runAction, type ActionResult } from '../test/support/run-action.js';
import { maxInWindow, median } from './stats.js';

export interface LegResult {
  exitCode: number | null;
  /** From the run turning terminal on the server to the step's exit. */
  exitLagMs: number | null;
  requests: number;
  status429: number;
  /** Event created -> written by the step (the events file and the log line are written in the same tick). */
  latencyMedianMs: number | null;
  eventsOnServer: number;
  /** Every event once, in order, in the events file. */
  everyEventOnce: boolean;
  /** Log lines a person sees (stdout less the workflow commands the runner takes). */
  visibleLogLines: number;
  pullRequestUrl: string;
  status: string;
}

export interface CaseResult {
  name: string;
  server: 'newer' | 'august';
  target: string;
  legs: LegResult[];
  /** The most requests the simulator answered other than 429 in any 60 s, over every leg. */
  busiestMinute: number;
  status429: number;
  exitLagMaxMs: number | null;
  requestsPerLeg: number;
  latencyMedianMs: number | null;
  met: boolean;
}

interface LegPlan {
  scenario: string;
  /** Start this long after the case starts. */
  delayMs: number;
  /**
   * Start a minute after the first this-many runs were created: "a minute
   * later" as the run-start quota counts it (10 starts a token in any 60 s).
   */
  minuteAfterRuns?: number;
  inputs?: Record<string, string | undefined>;
}

interface CasePlan {
  name: string;
  target: string;
  sim: SimulatorOptions;
  faults?: FaultRule[];
  legs: LegPlan[];
  met: (result: Omit<CaseResult, 'met'>) => boolean;
}

const visible = (result: ActionResult): number =>
  result.stdout.split('\n').filter((line) => line !== '').length - result.commands.filter((c) => c.command !== 'group').length;

/** Watches the events file as the step writes it: when each event id first appears. */
function watchEventsFile(dir: string): { seenAt: Map<string, number>; stop: () => void } {
  const seenAt = new Map<string, number>();
  const timer = setInterval(() => {
    let text = '';
    try {
      const name = readdirSync(dir).find((f) => f.startsWith('mogplex-events-'));
      if (name) text = readFileSync(join(dir, name), 'utf8');
    } catch {
      return;
    }
    const now = Date.now();
    for (const match of text.matchAll(/^\{"event":\{"id":"([^"]+)"/gm)) if (!seenAt.has(match[1]!)) seenAt.set(match[1]!, now);
  }, 25);
  return { seenAt, stop: () => clearInterval(timer) };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function runLeg(sim: Simulator, plan: LegPlan, index: number, caseName: string): Promise<LegResult> {
  await pause(plan.delayMs);
  if (plan.minuteAfterRuns !== undefined) {
    while (sim.runs.length < plan.minuteAfterRuns) await pause(100);
    await pause(Math.max(...sim.runs.slice(0, plan.minuteAfterRuns).map((r) => r.createdAtMs)) + 60_500 - Date.now());
  }
  const runnerTemp = mkdtempSync(join(tmpdir(), 'mogplex-follow-bench-'));
  const watch = watchEventsFile(runnerTemp);
  const prompt = `[sim:${plan.scenario}] ${caseName}, leg ${index + 1}.`;
  let result: ActionResult;
  let exitAt = 0;
  try {
    result = await runAction({
      inputs: { token: SIM_TOKEN, 'api-url': sim.url, prompt, ...plan.inputs },
      runnerTemp,
      timeoutMs: 10 * 60_000,
      onSpawn: (child) => child.once('exit', () => (exitAt = Date.now())),
    });
  } finally {
    watch.stop();
  }
  const run = sim.runs.find((r) => r.normalized.prompt === prompt);
  const ids = readFileSync(result.outputs['events-file'] ?? '/dev/null', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{"event"'))
    .map((line) => (JSON.parse(line) as { event: { id: string } }).event.id);
  const latencies = (run?.events ?? []).flatMap((e) => {
    const at = watch.seenAt.get(e.id);
    return at === undefined ? [] : [Math.max(0, at - e.createdAtMs)];
  });
  const mine = sim.requests.filter((r) => r.body.includes(prompt) || (run && r.path.includes(run.id)));
  await result.cleanup();
  rmSync(runnerTemp, { recursive: true, force: true });
  return {
    exitCode: result.code,
    exitLagMs: run?.endedAtMs ? exitAt - run.endedAtMs : null,
    requests: mine.length + 1, // + the repo look-up, which names no run
    status429: mine.filter((r) => r.status === 429).length,
    latencyMedianMs: median(latencies),
    eventsOnServer: run?.events.length ?? 0,
    everyEventOnce: run !== undefined && JSON.stringify(ids) === JSON.stringify(run.events.map((e) => e.id)),
    visibleLogLines: visible(result),
    pullRequestUrl: result.outputs['pull-request-url'] ?? '',
    status: result.outputs.status ?? '',
  };
}

async function runCase(plan: CasePlan): Promise<CaseResult> {
  const sim = await startSimulator({ ...plan.sim });
  for (const fault of plan.faults ?? []) sim.addFault(fault);
  try {
    const legs = await Promise.all(plan.legs.map((leg, i) => runLeg(sim, leg, i, plan.name)));
    // What the server's limiter counts: an older server's HTML 404 for the stream route comes before it.
    const api = sim.requests.filter(
      (r) => r.path.startsWith('/api/') && !(plan.sim.server === 'august' && r.path.endsWith('/events/stream')),
    );
    const lags = legs.flatMap((l) => (l.exitLagMs === null ? [] : [l.exitLagMs]));
    const partial: Omit<CaseResult, 'met'> = {
      name: plan.name,
      server: plan.sim.server ?? 'newer',
      target: plan.target,
      legs,
      busiestMinute: maxInWindow(
        api.filter((r) => r.status !== 429).map((r) => r.at),
        60_000,
      ),
      status429: api.filter((r) => r.status === 429 && !r.faulted).length,
      exitLagMaxMs: lags.length > 0 ? Math.max(...lags) : null,
      requestsPerLeg: api.length / legs.length,
      latencyMedianMs: median(legs.flatMap((l) => (l.latencyMedianMs === null ? [] : [l.latencyMedianMs]))),
    };
    return { ...partial, met: plan.met(partial) };
  } finally {
    await sim.close();
  }
}

/** Every other events poll fails (a 503 from a proxy in front), from the second on. */
function everyOtherPollFails(): FaultRule[] {
  return Array.from({ length: 30 }, (_, i) => ({
    match: { method: 'GET', path: /\/events$/, nth: 2 * (i + 1) },
    action: { status: 503, body: '<html><body>503 Service Temporarily Unavailable</body></html>' },
  }));
}

/** The run-start quota's 429, as lib/request-limits answers it. */
const START_429: FaultRule = {
  match: { method: 'POST', path: '/runs' },
  action: {
    status: 429,
    headers: { 'Retry-After': '3' },
    body: JSON.stringify({ ok: false, error: { code: 'RATE_LIMITED', message: 'External Mogplex run rate limit exceeded' } }),
  },
};

const allLegs = (r: Omit<CaseResult, 'met'>, check: (l: LegResult) => boolean): boolean => r.legs.every(check);
const lagUnder = (ms: number) => (l: LegResult) => l.exitLagMs !== null && l.exitLagMs <= ms;

/** Ten legs started together, ten more a minute after their runs started. */
function twentyLegs(scenario: string): LegPlan[] {
  return Array.from({ length: 20 }, (_, i) => ({ scenario, delayMs: 0, ...(i >= 10 && { minuteAfterRuns: 10 }) }));
}

export function followPlans(smoke: boolean): CasePlan[] {
  const lone = (name: string, faults: FaultRule[]): CasePlan => ({
    name,
    target: 'exits within 5 s of the run\u2019s end',
    sim: { server: 'august', scenario: 'success', speed: 2 },
    faults,
    legs: [{ scenario: 'success', delayMs: 0, inputs: { 'requests-per-minute': undefined } }],
    met: (r) => allLegs(r, (l) => l.exitCode === 0 && lagUnder(5_000)(l)),
  });
  const thousands: CasePlan = {
    name: '2,000 events, two stream cuts',
    target: 'every event once, outputs right, log under 400 lines',
    sim: { scenario: 'thousands', speed: smoke ? 0.25 : 1 },
    faults: [
      { match: { path: /\/events\/stream$/ }, action: { cutStream: { afterEvents: 500, midFrame: true } } },
      { match: { path: /\/events\/stream$/, nth: 2 }, action: { cutStream: { afterEvents: 700 } } },
    ],
    legs: [{ scenario: 'thousands', delayMs: 0 }],
    met: (r) =>
      allLegs(
        r,
        (l) =>
          l.everyEventOnce && l.eventsOnServer >= 2_000 && l.visibleLogLines < 400 && l.pullRequestUrl !== '' && l.status === 'success',
      ),
  };
  if (smoke) return [thousands, lone('lone 6 s run, older server', [])];
  return [
    {
      name: '3-minute run, events flowing',
      target: '<= 6 requests, latency median < 1 s, exit within 3 s',
      sim: { scenario: 'agent-lifecycle', speed: 1 },
      legs: [{ scenario: 'agent-lifecycle', delayMs: 0, inputs: { 'requests-per-minute': undefined } }],
      met: (r) => allLegs(r, (l) => l.requests <= 6 && (l.latencyMedianMs ?? Infinity) < 1_000 && lagUnder(3_000)(l)),
    },
    thousands,
    {
      name: '20 legs on one token, newer server',
      target: '0 429s, each leg exits within 5 s of its run\u2019s end',
      sim: { scenario: 'agent-lifecycle', speed: 1 },
      legs: twentyLegs('agent-lifecycle'),
      met: (r) => r.status429 === 0 && allLegs(r, lagUnder(5_000)),
    },
    {
      name: '20 legs on one token, older server (polling)',
      target: '0 429s, each leg exits within 15 s of its run\u2019s end',
      sim: { server: 'august', scenario: 'minute', speed: 1 },
      legs: twentyLegs('minute'),
      met: (r) => r.status429 === 0 && allLegs(r, lagUnder(15_000)),
    },
    lone('lone 6 s run, older server', []),
    lone('lone 6 s run, older server, 429 on the start', [START_429]),
    lone('lone 6 s run, older server, every other poll failing', everyOtherPollFails()),
  ];
}

/** Every case concurrently (each against its own simulator), or those whose name holds `only`. */
export async function measureFollowTargets(smoke: boolean, only?: string): Promise<CaseResult[]> {
  return Promise.all(
    followPlans(smoke)
      .filter((plan) => only === undefined || plan.name.includes(only))
      .map(runCase),
  );
}

const seconds = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);

export function renderFollowTable(results: readonly CaseResult[]): string {
  const rows = results.map((r) => {
    const legs = r.legs.length;
    return [
      `${r.name} (${r.server}${legs > 1 ? `, ${legs} legs` : ''})`,
      r.requestsPerLeg.toFixed(1),
      String(r.status429),
      String(r.busiestMinute),
      seconds(r.latencyMedianMs),
      seconds(r.exitLagMaxMs),
      r.legs.every((l) => l.everyEventOnce) ? 'yes' : 'NO',
      String(Math.max(...r.legs.map((l) => l.visibleLogLines))),
      r.met ? 'met' : 'MISSED',
      r.target,
    ];
  });
  const head = [
    'case',
    'requests/leg',
    '429s',
    'busiest 60 s',
    'latency p50',
    'exit lag max',
    'every event once',
    'log lines',
    'target',
    'what it asks',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
