import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestBudget } from '../../src/api/budget.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-22T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** Takes slots as fast as the budget allows for `ms` of fake time; returns when each was granted. */
async function drain(budget: RequestBudget, ms: number): Promise<number[]> {
  const start = Date.now();
  const granted: number[] = [];
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      await budget.acquire();
      if (!stop) granted.push(Date.now() - start);
    }
  })();
  await vi.advanceTimersByTimeAsync(ms);
  stop = true;
  await vi.advanceTimersByTimeAsync(120_000);
  await loop;
  return granted.filter((t) => t < ms);
}

describe('RequestBudget', () => {
  it('never grants more than perMinute in any sliding 60 s window', async () => {
    const granted = await drain(new RequestBudget(20), 180_000);
    expect(granted.length).toBe(60);
    for (const t of granted) {
      expect(granted.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(20);
    }
  });

  it('holds every request until a Retry-After time', async () => {
    const budget = new RequestBudget(60);
    budget.deferUntil(Date.now() + 2_000);
    let granted = false;
    const pending = budget.acquire().then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(granted).toBe(true);
  });

  it('counts a request at the end of its exchange, where the server has surely seen it', async () => {
    const budget = new RequestBudget(1);
    const slot = await budget.acquire();
    await vi.advanceTimersByTimeAsync(5_000); // a slow answer
    slot.settle();
    expect(budget.delay()).toBe(60_000);
  });

  it('gives back a slot the server never counted', () => {
    const budget = new RequestBudget(2);
    budget.record();
    budget.record().release();
    expect(budget.used()).toBe(1);
    expect(budget.delay()).toBe(0);
  });

  it('counts urgent requests recorded without waiting', () => {
    const budget = new RequestBudget(2);
    budget.record();
    budget.record();
    expect(budget.used()).toBe(2);
    expect(budget.delay()).toBe(60_000);
  });

  it('holds to the first-minute share, then to perMinute', async () => {
    const granted = await drain(new RequestBudget(20, { firstMinute: 6 }), 120_000);
    expect(granted.filter((t) => t < 60_000)).toHaveLength(6);
    for (const t of granted) {
      expect(granted.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(20);
    }
    expect(granted.filter((t) => t >= 60_000 && t < 120_000).length).toBeGreaterThan(6);
  });

  it('halves the limit on a 429 and grows it back by one a minute', () => {
    const budget = new RequestBudget(20);
    const t0 = Date.now();
    budget.rateLimited(t0);
    expect(budget.limit(t0)).toBe(10);
    budget.rateLimited(t0);
    expect(budget.limit(t0)).toBe(5);
    expect(budget.limit(t0 + 59_999)).toBe(5);
    expect(budget.limit(t0 + 60_000)).toBe(6);
    expect(budget.limit(t0 + 10 * 60_000)).toBe(15);
    expect(budget.limit(t0 + 60 * 60_000)).toBe(20);
    for (let i = 0; i < 10; i++) budget.rateLimited(t0);
    expect(budget.limit(t0)).toBe(1);
  });

  it('wakes a waiting acquire when its signal aborts', async () => {
    const budget = new RequestBudget(1);
    budget.record();
    const controller = new AbortController();
    const pending = budget.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });
});
