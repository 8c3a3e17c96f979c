// Small statistics helpers for the bench.

/** Linear-interpolated quantile (q in 0..1) of the values, or null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The most timestamps falling in any window of `windowMs` (half-open: [t, t + windowMs)). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi += 1) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * Groups event times into batches: an event less than `gapMs` after the
 * previous one joins its batch. Returns how many batches there are.
 */
export function countBatches(times: readonly number[], gapMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let batches = 0;
  let last = -Infinity;
  for (const t of sorted) {
    if (t - last >= gapMs) batches += 1;
    last = t;
  }
  return batches;
}
