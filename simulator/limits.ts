// Sliding-window counters, like the server's per-key limiter
// (lib/auth/api-key.ts): only admitted hits are stored, so a refused request
// does not extend the wait.

export interface LimitDecision {
  allowed: boolean;
  /** Seconds until a slot frees up (only meaningful when refused). */
  retryAfterSeconds: number;
}

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Admits and records a hit for `key`, or refuses without recording. */
  take(key: string, now = Date.now()): LimitDecision {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
