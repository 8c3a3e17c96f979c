// Steps sharing one token: K copies of the built dist/index.js, default
// settings, started together against one simulator with the real server's
// limits (60 requests per token in any sliding 60 s, 429 with Retry-After: 60;
// 10 run starts a minute), each on a run of its own on the same timeline.
// Each step talks through a counting proxy of its own, so every request is
// attributed to its step.
import { startSimulator } from '../simulator/server.js';
import { spawnAction, summarize, type FollowerResult, type Timeline } from './measure.js';
import { startCountingProxy } from './proxy.js';
import { maxInWindow, median } from './stats.js';

export interface SharedTokenResult {
  k: number;
  timeline: string;
  steps: FollowerResult[];
  /** 429 answers, per step. */
  status429: number[];
  /** The most requests the server answered other than 429 in any 60 s (its limit is 60). */
  busiestAnswered: number;
  /** The most requests sent in any 60 s, refused ones included. */
  busiestSent: number;
  endLagMedianMs: number | null;
  endLagMaxMs: number | null;
  /** Requests per step per minute, over each step's span. */
  perStepPerMinute: number;
  /** The longest time a step sent no request, per step. */
  longestSilenceMs: number[];
  /** Event to log line, every event of every step. */
  latencyMedianMs: number | null;
  exitCodes: Array<number | null>;
}

function longestGap(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < sorted.length; i += 1) gap = Math.max(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}

export async function measureSharedToken(k: number, timeline: Timeline, timeoutMs = 8 * 60_000): Promise<SharedTokenResult> {
  const sim = await startSimulator({ scenario: timeline.scenario, speed: timeline.speed });
  const proxies = await Promise.all(Array.from({ length: k }, () => startCountingProxy(sim.url)));
  try {
    // Each step its own prompt, so each derives its own idempotency key and starts its own run.
    const prompts = proxies.map((_, i) => `[sim:${timeline.scenario}] Shared-token bench, step ${i + 1} of ${k}.`);
    const spawned = await Promise.all(proxies.map((proxy, i) => spawnAction(proxy, prompts[i]!, timeoutMs)));
    const exits = await Promise.all(spawned.map((s) => s.exit));
    const steps = proxies.map((proxy, i) => {
      const run = sim.runs.find((r) => r.normalized.prompt === prompts[i]);
      return summarize('action', timeline, run, proxy.requests, spawned[i]!, exits[i]!);
    });
    const all = proxies.flatMap((p) => p.requests);
    const endLags = steps.flatMap((s) => (s.endLagMs === null ? [] : [s.endLagMs]));
    const latencies = steps.flatMap((s) => s.trace.events.flatMap((e) => (e.latencyMs === null ? [] : [e.latencyMs])));
    return {
      k,
      timeline: timeline.name,
      steps,
      status429: steps.map((s) => s.status429),
      busiestAnswered: maxInWindow(
        all.filter((r) => r.status !== 429).map((r) => r.at),
        60_000,
      ),
      busiestSent: maxInWindow(
        all.map((r) => r.at),
        60_000,
      ),
      endLagMedianMs: median(endLags),
      endLagMaxMs: endLags.length > 0 ? Math.max(...endLags) : null,
      perStepPerMinute: steps.reduce((sum, s) => sum + s.meanPerMinute, 0) / k,
      longestSilenceMs: proxies.map((p) => longestGap(p.requests.map((r) => r.at))),
      latencyMedianMs: median(latencies),
      exitCodes: steps.map((s) => s.exitCode),
    };
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await sim.close();
  }
}
