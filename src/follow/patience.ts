import { ApiError, TransportError } from '../api/errors.js';
import { isRetryable } from '../api/retry.js';

/** A 404 while following may be a load balancer's blip: it is retried for this long before the run counts as lost. */
export const NOT_FOUND_PATIENCE_MS = 60_000;

/**
 * The wait before reading again after the `misses`-th 404 in a row, the first
 * of them at `since`; undefined once the patience is spent. Backoff doubles
 * from 1 s to 15 s, and the last try falls at the end of the patience.
 */
export function notFoundRetryDelay(since: number, misses: number, now: number, patienceMs = NOT_FOUND_PATIENCE_MS): number | undefined {
  const left = since + patienceMs - now;
  return left <= 0 ? undefined : Math.min(left, 15_000, 1_000 * 2 ** (misses - 1));
}

/** 404s in a row while following: the wait before the next read, until the patience is spent. */
export class NotFoundPatience {
  private streak: { since: number; misses: number } | undefined;

  /** After a 404: how long to wait before reading again, or undefined when the run counts as lost. */
  next(now = Date.now()): number | undefined {
    this.streak = { since: this.streak?.since ?? now, misses: (this.streak?.misses ?? 0) + 1 };
    return notFoundRetryDelay(this.streak.since, this.streak.misses, now);
  }

  /** A read got through. */
  reset(): void {
    this.streak = undefined;
  }
}

/** A failure the next read may not meet: the network, a garbled answer, a 429 or a 5xx. */
export function isPassing(error: unknown): error is Error {
  if (error instanceof TransportError) return true;
  return error instanceof ApiError && isRetryable({ kind: 'status', status: error.status });
}

export function isNotFound(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 404;
}
