import type { RunDetail, RunEvent, StartedRun } from '../api/schema.js';

export const RECENT_EVENTS = 5;

/** How the step ended, from the action's point of view. */
export type Outcome =
  | 'success' // the run succeeded
  | 'failed' // the run failed or was cancelled on the server
  | 'started' // wait: false, the run goes on
  | 'timeout' // timeout-minutes passed
  | 'cancelled' // the job was cancelled
  | 'error'; // the action could not follow the run (API error)

/**
 * What the run delivered, read from its `git_delivery` event's payload
 * (mogplex-api.md, "What a run delivers"): a pull request, or no changes.
 */
export interface Delivery {
  /** The pull request holding the work: a new one, or the one whose branch the agent worked on. */
  pullRequestUrl: string | null;
  /** Whether this run changed code (on a pull request's own branch: whether it added commits). */
  changed: boolean;
}

/** Everything the summary and the outputs are made from. Filled as the run goes. */
export interface RunReport {
  repo: string;
  harness: string;
  run: RunDetail;
  replayed: boolean;
  /** Started elsewhere (`run-id` input): this step follows it and started nothing. */
  attached?: boolean;
  /** An automation job rather than a run: its automation, and what only that route shows (tokens, cost, model). */
  automation?: { id: string; inputTokens?: number | null; outputTokens?: number | null; costUsd?: number | null; model?: string | null };
  startedAt: number;
  finishedAt?: number;
  eventCount: number;
  /** Tool calls started (`tool_started` events): what the agent did, and what `max-tool-calls` counts. */
  toolCalls: number;
  eventsByType: Map<string, number>;
  recentEvents: RunEvent[];
  /** The branch the agent really worked on, once a `git_sync` or `git_delivery` event named it. */
  agentBranch?: string;
  /** The run's artifacts (`artifact` input), once read: the value, and the file holding it whole. */
  artifact?: { value: unknown; file: string };
  /** Set when the run reached delivery. */
  delivery?: Delivery;
  /** The server's reason, when the agent finished but delivery to GitHub failed. */
  deliveryFailure?: string;
  /** The older server: set once its 200-event window filled (the events shown; the run went on). */
  windowFull?: number;
  /** Polling the newer server, more events came between two reads than one read holds: some were not seen. */
  eventsLost?: boolean;
  /**
   * The run's pauses at a checkpoint (awaiting_input): from the server's time
   * of the pause to the first sign of it going on (a newer status, or an
   * earlier event of its next pass); `to` is unset while it waits.
   */
  pauses: Array<{ from: number; to?: number }>;
  outcome?: Outcome;
  /** Why the step failed, when it did (already free of control characters). */
  failure?: string;
}

export function newReport(started: StartedRun, repo: string, now = Date.now()): RunReport {
  return {
    repo,
    harness: started.harness ?? '',
    run: started,
    replayed: started.replayed,
    startedAt: started.createdAt ? Date.parse(started.createdAt) || now : now,
    eventCount: 0,
    toolCalls: 0,
    eventsByType: new Map(),
    recentEvents: [],
    pauses: [],
  };
}

/** A few words of the agent's text (the newer server's `assistant_delta` log events). */
export function isAgentText(event: RunEvent): boolean {
  const payload = event.payload as { kind?: unknown } | null;
  return event.type === 'log' && typeof payload === 'object' && payload !== null && payload.kind === 'assistant_delta';
}

export function recordEvent(report: RunReport, event: RunEvent): void {
  report.eventCount++;
  if (event.type === 'tool_started') report.toolCalls++;
  report.eventsByType.set(event.type, (report.eventsByType.get(event.type) ?? 0) + 1);
  // An event of the next pass shows the pause ended no later than it was made.
  const pause = report.pauses.at(-1);
  const at = Date.parse(event.createdAt ?? '');
  if (pause?.to !== undefined && at > pause.from && at < pause.to) pause.to = at;
  // The agent's text comes a few words an event: the summary's last events are the others.
  if (isAgentText(event)) return;
  report.recentEvents.push(event);
  if (report.recentEvents.length > RECENT_EVENTS) report.recentEvents.shift();
}

/** Time spent waiting for input so far, the current wait included. */
export function waitedMs(report: RunReport, now = Date.now()): number {
  return report.pauses.reduce((sum, pause) => sum + Math.max(0, (pause.to ?? now) - pause.from), 0);
}

/** A run detail's time, when it is one (the server's clock), else `fallback`. */
function serverTime(text: string | null, fallback: number): number {
  const at = Date.parse(text ?? '');
  return Number.isNaN(at) ? fallback : Math.min(at, fallback);
}

/** The run was seen waiting for input: a pause from the server's time of it. */
export function startPause(report: RunReport, now = Date.now()): void {
  if (report.pauses.at(-1)?.to === undefined && report.pauses.length > 0) return;
  report.pauses.push({ from: serverTime(report.run.updatedAt, now) });
}

/** The run was seen going on (or ending) after a pause. */
export function endPause(report: RunReport, now = Date.now()): void {
  const pause = report.pauses.at(-1);
  if (pause && pause.to === undefined) pause.to = Math.max(pause.from, serverTime(report.run.updatedAt, now));
}

export function durationMs(report: RunReport, now = Date.now()): number {
  return Math.max(0, (report.finishedAt ?? now) - report.startedAt);
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${m}m ${s}s`;
  return m > 0 ? `${m}m ${s}s` : `${s}s`;
}
