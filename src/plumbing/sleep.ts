/** setTimeout takes at most 2^31-1 ms; a longer delay fires at once, with a TimeoutOverflowWarning. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay setTimeout can take: finite, 0..MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.min(MAX_TIMER_MS, Math.max(0, ms));
}

/** Resolves after `ms` (any length: a longer wait is slept in turns), or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const until = Date.now() + (Number.isNaN(ms) ? 0 : Math.max(0, ms));
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const wait = (): void => {
      const left = until - Date.now();
      if (left > 0) {
        timer = setTimeout(wait, timerDelay(left));
        return;
      }
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(wait, timerDelay(until - Date.now()));
  });
}
