import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, sleep, timerDelay } from '../../src/plumbing/sleep.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('sleep', () => {
  it('never hands setTimeout more than 2^31-1 ms', () => {
    expect(timerDelay(3_000_000_000)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Infinity)).toBe(MAX_TIMER_MS);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(Number.NaN)).toBe(0);
  });

  it('sleeps a delay longer than one timer can hold in turns, to its end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const spy = vi.spyOn(globalThis, 'setTimeout');
    let done = false;
    void sleep(MAX_TIMER_MS + 5_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(true);
    expect(Math.max(...spy.mock.calls.map((call) => Number(call[1])))).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const slept = sleep(3_000_000_000, controller.signal);
    controller.abort(new Error('job cancelled'));
    await expect(slept).rejects.toThrow('job cancelled');
  });
});
