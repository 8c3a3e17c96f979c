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
  startedAt: number;
  finishedAt?: number;
  eventCount: number;
  eventsByType: Map<string, number>;
  recentEvents: RunEvent[];
  /** The branch the agent really worked on, once a `git_sync` or `git_delivery` event named it. */
  agentBranch?: string;
  /** Set when the run reached delivery. */
  delivery?: Delivery;
  /** The server's reason, when the agent finished but delivery to GitHub failed. */
  deliveryFailure?: string;
  /** Set once the 200-event window filled: the events shown, the run went on. */
  windowFull?: number;
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
    eventsByType: new Map(),
    recentEvents: [],
  };
}

export function recordEvent(report: RunReport, event: RunEvent): void {
  report.eventCount++;
  report.eventsByType.set(event.type, (report.eventsByType.get(event.type) ?? 0) + 1);
  report.recentEvents.push(event);
  if (report.recentEvents.length > RECENT_EVENTS) report.recentEvents.shift();
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
