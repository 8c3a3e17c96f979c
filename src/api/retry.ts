// One retry policy for every request. Pure: given what happened, say whether
// and when to try again.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry is scheduled past this much time since the first attempt. */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 20_000, maxElapsedMs: 150_000 };

/** What one attempt ended with, as far as retrying cares. */
export type AttemptOutcome = { kind: 'status'; status: number; retryAfterMs?: number } | { kind: 'network' } | { kind: 'garbled' };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryable(outcome: AttemptOutcome): boolean {
  return outcome.kind !== 'status' || RETRYABLE_STATUSES.has(outcome.status);
}

/**
 * Delay before the next attempt, or undefined to give up. `attempt` is the
 * 1-based number of the attempt that just failed. Retry-After is honoured
 * exactly; otherwise exponential backoff with full jitter.
 */
export function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  outcome: AttemptOutcome,
  elapsedMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (!isRetryable(outcome) || attempt >= policy.maxAttempts) return undefined;
  const retryAfter = outcome.kind === 'status' ? outcome.retryAfterMs : undefined;
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = retryAfter ?? Math.round(policy.baseDelayMs / 2 + random() * (cap - policy.baseDelayMs / 2));
  return elapsedMs + delay > policy.maxElapsedMs ? undefined : delay;
}

/**
 * The longest wait a Retry-After can impose. Mogplex asks for 60 s on its
 * request limit; a longer wait (an hourly run-start limit, or an absurd value)
 * is cut to this, and then to the step's own deadline, which aborts any wait.
 */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`, at most `maxMs`. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now(), maxMs = MAX_RETRY_AFTER_MS): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const ms = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Math.ceil(Number(raw) * 1000) : Date.parse(raw) - now;
  return Number.isNaN(ms) ? undefined : Math.min(maxMs, Math.max(0, ms));
}
