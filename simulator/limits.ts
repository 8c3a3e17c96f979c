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
    const decision = this.check(key, now);
    if (decision.allowed) this.record(key, now);
    return decision;
  }

  /** Whether a hit would be admitted now, recording nothing. */
  check(key: string, now = Date.now()): LimitDecision {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    this.hits.set(key, recent);
    if (recent.length < this.limit) return { allowed: true, retryAfterSeconds: 0 };
    const oldest = recent[0] ?? now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
  }

  record(key: string, now = Date.now()): void {
    this.hits.set(key, [...(this.hits.get(key) ?? []), now]);
  }
}

/**
 * Run starts per token (lib/request-limits/policy.ts,
 * evaluateExternalAgentRunLimitPolicy): a minute, an hour and a day window,
 * checked in that order; a start is recorded only when all admit it.
 */
export class RunStartLimiter {
  private readonly windows: Array<{ window: SlidingWindow; error: string }>;

  constructor(limits: { perMinute: number; minuteMs: number; perHour: number; perDay: number }) {
    this.windows = [
      { window: new SlidingWindow(limits.perMinute, limits.minuteMs), error: 'External Mogplex run rate limit exceeded' },
      { window: new SlidingWindow(limits.perHour, 3_600_000), error: 'External Mogplex run rate limit exceeded' },
      { window: new SlidingWindow(limits.perDay, 86_400_000), error: 'Daily external Mogplex run quota exceeded' },
    ];
  }

  take(key: string, now = Date.now()): LimitDecision & { error: string } {
    for (const { window, error } of this.windows) {
      const decision = window.check(key, now);
      if (!decision.allowed) return { ...decision, error };
    }
    for (const { window } of this.windows) window.record(key, now);
    return { allowed: true, retryAfterSeconds: 0, error: '' };
  }
}
