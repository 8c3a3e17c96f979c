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
