import { sleep } from '../plumbing/sleep.js';

export const WINDOW_MS = 60_000;
/** A token's 60 requests a minute over the 10 runs it may start a minute. */
export const FIRST_MINUTE_SHARE = 6;

/** One request's place in the window; settled when its exchange ends. */
export interface Slot {
  /**
   * Moves the request's time to now. The server counts a request when it
   * arrives, somewhere between sending and the answer; counting it at the
   * answer keeps the window on the safe side of the server's.
   */
  settle(): void;
  /** The server never counted it (a page answered before its limiter, such as Next.js's 404): the slot is given back. */
  release(): void;
}

export interface BudgetOptions {
  /**
   * At most this many requests in the first 60 s (from the first request):
   * steps of a matrix start together, and FIRST_MINUTE_SHARE each keeps the
   * most a token can start in a minute within its 60 requests.
   */
  firstMinute?: number;
}

/**
 * This step's share of the token's request budget: never more than the
 * current limit in any sliding 60-second window (every attempt counts,
 * retries too), and none before a time the server asked for with Retry-After.
 * The limit is `perMinute` (the first-minute share while that lasts); a 429
 * halves it, and it grows back by one a minute (AIMD), for the rest of the run.
 */
export class RequestBudget {
  private slots: Array<{ at: number }> = [];
  private notBefore = 0;
  private firstAt: number | undefined;
  private cut: { limit: number; at: number } | undefined;

  constructor(
    readonly perMinute: number,
    private readonly options: BudgetOptions = {},
  ) {}

  /** Requests allowed in the window ending at `now`. */
  limit(now = Date.now()): number {
    let limit = this.perMinute;
    const first = this.options.firstMinute;
    if (first !== undefined && (this.firstAt === undefined || now < this.firstAt + WINDOW_MS)) limit = Math.min(limit, first);
    if (this.cut) limit = Math.min(limit, this.cut.limit + Math.floor((now - this.cut.at) / WINDOW_MS));
    return limit;
  }

  /** The server refused a request with 429: halve this step's rate. */
  rateLimited(now = Date.now()): void {
    this.cut = { limit: Math.max(1, Math.floor(this.limit(now) / 2)), at: now };
  }

  /** Milliseconds until the next request may go out (0: now). */
  delay(now = Date.now()): number {
    this.forget(now);
    const times = this.slots.map((slot) => slot.at).sort((a, b) => a - b);
    const excess = times.length - this.limit(now);
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
    this.firstAt ??= now;
    const slot = { at: now };
    this.slots.push(slot);
    return {
      settle: () => {
        slot.at = Math.max(slot.at, Date.now());
      },
      release: () => {
        this.slots = this.slots.filter((other) => other !== slot);
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
