import { sleep } from '../sleep.js';

export const WINDOW_MS = 60_000;

/**
 * This step's share of the token's request budget: never more than `perMinute`
 * requests in any sliding 60-second window (every attempt counts, retries too),
 * and none before a time the server asked for with Retry-After.
 */
export class RequestBudget {
  private readonly sent: number[] = [];
  private notBefore = 0;

  constructor(readonly perMinute: number) {}

  /** Milliseconds until the next request may go out (0: now). */
  delay(now = Date.now()): number {
    this.forget(now);
    const windowWait = this.sent.length < this.perMinute ? 0 : (this.sent[0] ?? now) + WINDOW_MS - now;
    return Math.max(0, windowWait, this.notBefore - now);
  }

  /** Waits for a slot and takes it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (let wait = this.delay(); wait > 0; wait = this.delay()) await sleep(wait, signal);
    this.record();
  }

  /** Counts a request sent without waiting (an urgent cancel). */
  record(now = Date.now()): void {
    this.sent.push(now);
  }

  /** Honours Retry-After: no request to this token before `time`. */
  deferUntil(time: number): void {
    this.notBefore = Math.max(this.notBefore, time);
  }

  /** Requests sent in the last 60 seconds. */
  used(now = Date.now()): number {
    this.forget(now);
    return this.sent.length;
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - WINDOW_MS) this.sent.shift();
  }
}
