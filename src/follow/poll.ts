import type { MogplexClient } from '../api/client.js';
import { ApiError, TransportError } from '../api/errors.js';
import { isRetryable } from '../api/retry.js';
import { isTerminal, type RunDetail, type RunEvent } from '../api/schema.js';
import { announcesEnd, jittered, nextInterval, type Cadence } from './cadence.js';
import { sleep } from '../plumbing/sleep.js';

/** The events route shows a run's first 200 events and no more (there is no cursor). */
export const EVENT_WINDOW = 200;

/** A 404 while following may be a load balancer's blip: it is retried for this long before the run counts as lost. */
export const NOT_FOUND_PATIENCE_MS = 60_000;

/**
 * The wait before polling again after the `misses`-th 404 in a row, the first
 * of them at `since`; undefined once the patience is spent. Backoff doubles
 * from 1 s to 15 s, and the last try falls at the end of the patience.
 */
export function notFoundRetryDelay(since: number, misses: number, now: number, patienceMs = NOT_FOUND_PATIENCE_MS): number | undefined {
  const left = since + patienceMs - now;
  return left <= 0 ? undefined : Math.min(left, 15_000, 1_000 * 2 ** (misses - 1));
}

function isNotFound(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 404;
}

export type FollowEnd = 'terminal' | 'timeout' | 'aborted';

export interface FollowHandlers {
  onEvent(event: RunEvent): void;
  onRun(run: RunDetail): void;
  /** The 200-event window is full; from here on only the status is followed. */
  onWindowFull(shown: number): void;
  /** A poll failed for a passing reason after the client's retries; following goes on. */
  onPollError(error: Error): void;
}

export interface FollowOptions extends FollowHandlers {
  client: Pick<MogplexClient, 'listEvents' | 'getRun'>;
  run: RunDetail;
  cadence: Cadence;
  /** Epoch ms at which following gives up. */
  deadline: number;
  /** Aborts when the job is cancelled. */
  signal: AbortSignal;
  /** For tests: the jitter's randomness. */
  random?: () => number;
}

function isPassing(error: unknown): error is Error {
  if (error instanceof TransportError) return true;
  return error instanceof ApiError && isRetryable({ kind: 'status', status: error.status });
}

/**
 * Follows a run until it is terminal, the deadline passes or the signal
 * aborts. Every event is handed over once, in order. Non-passing API errors
 * (401, 403, and 404 once it has lasted NOT_FOUND_PATIENCE_MS) are thrown.
 */
export async function followRun(options: FollowOptions): Promise<{ end: FollowEnd; run: RunDetail }> {
  const { client, cadence, signal } = options;
  const seen = new Set<string>();
  let run = options.run;
  let windowFull = false;
  // Events come oldest first and stay in place, so a poll can drop unparsed all
  // but the last event the previous answer held; that one is kept to check the
  // answer still lines up. When it does not, the next poll reads everything.
  let lineUp: { skip: number; id: string } | undefined;
  let interval = cadence.firstMs;
  let ending = false;
  // The pace follows the time between answers as it was, budget waits included.
  let answeredAt: number | undefined;
  let notFound: { since: number; misses: number } | undefined;
  let wait = jittered(cadence, interval, options.random);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), Math.max(0, options.deadline - Date.now()));
  const stop = AbortSignal.any([signal, timeout.signal]);
  try {
    for (let first = true; first || !isTerminal(run.status); first = false) {
      await sleep(wait, stop);
      let active = false;
      let retryIn: number | undefined;
      try {
        if (windowFull) {
          run = await client.getRun(run.runId, stop);
        } else {
          const page = await client.listEvents(run.runId, EVENT_WINDOW, lineUp?.skip ?? 0, stop);
          run = page.run;
          for (const event of page.events) {
            if (seen.has(event.id)) continue;
            seen.add(event.id);
            active = true;
            ending ||= announcesEnd(event);
            options.onEvent(event);
          }
          const last = page.events.at(-1);
          const linedUp = lineUp === undefined || page.events[0]?.id === lineUp.id;
          lineUp = linedUp && last ? { skip: page.total - 1, id: last.id } : undefined;
          if (page.total >= EVENT_WINDOW) {
            windowFull = true;
            options.onWindowFull(seen.size);
          }
        }
        options.onRun(run);
        notFound = undefined;
      } catch (error) {
        if (stop.aborted) throw error;
        if (isNotFound(error)) {
          notFound = { since: notFound?.since ?? Date.now(), misses: (notFound?.misses ?? 0) + 1 };
          retryIn = notFoundRetryDelay(notFound.since, notFound.misses, Date.now());
          if (retryIn === undefined) throw error;
        } else if (!isPassing(error)) throw error;
        options.onPollError(error);
      }
      const sincePrevious = Date.now() - (answeredAt ?? Date.now() - interval);
      answeredAt = Date.now();
      if (retryIn === undefined)
        interval = windowFull ? cadence.statusMs : nextInterval(cadence, sincePrevious, { events: active, ending });
      // A 404's backoff is exact; the pace is jittered so steps started together do not poll in step.
      wait = retryIn ?? jittered(cadence, interval, options.random);
    }
    return { end: 'terminal', run };
  } catch (error) {
    if (signal.aborted) return { end: 'aborted', run };
    if (timeout.signal.aborted) return { end: 'timeout', run };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
