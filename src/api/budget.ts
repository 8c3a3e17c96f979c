import { sleep } from '../sleep.js';

export const WINDOW_MS = 60_000;

/** One request's place in the window; settled when its exchange ends. */
export interface Slot {
  /**
   * Moves the request's time to now. The server counts a request when it
   * arrives, somewhere between sending and the answer; counting it at the
   * answer keeps the window on the safe side of the server's.
   */
  settle(): void;
}

/**
 * This step's share of the token's request budget: never more than `perMinute`
 * requests in any sliding 60-second window (every attempt counts, retries too),
 * and none before a time the server asked for with Retry-After.
 */
export class RequestBudget {
  private slots: Array<{ at: number }> = [];
  private notBefore = 0;

  constructor(readonly perMinute: number) {}

  /** Milliseconds until the next request may go out (0: now). */
  delay(now = Date.now()): number {
    this.forget(now);
    const times = this.slots.map((slot) => slot.at).sort((a, b) => a - b);
    const excess = times.length - this.perMinute;
    const windowWait = excess < 0 ? 0 : (times[excess] ?? now) + WINDOW_MS - now;
    return Math.max(0, windowWait, this.notBefore - now);
  }

  /** Waits for a slot and takes it. */
  async acquire(signal?: AbortSignal): Promise<Slot> {
    for (let wait = this.delay(); wait > 0; wait = this.delay()) await sleep(wait, signal);
    return this.record();
  }

  /** Takes a slot without waiting (an urgent cancel). */
  record(now = Date.now()): Slot {
    const slot = { at: now };
    this.slots.push(slot);
    return {
      settle: () => {
        slot.at = Math.max(slot.at, Date.now());
      },
    };
  }

  /** Honours Retry-After: no request to this token before `time`. */
  deferUntil(time: number): void {
    this.notBefore = Math.max(this.notBefore, time);
  }

  /** Requests counted in the last 60 seconds. */
  used(now = Date.now()): number {
    this.forget(now);
    return this.slots.length;
  }

  private forget(now: number): void {
    this.slots = this.slots.filter((slot) => slot.at > now - WINDOW_MS);
  }
}
