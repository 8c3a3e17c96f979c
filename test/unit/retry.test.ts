import { describe, expect, it } from 'vitest';
import { isRetryable, MAX_RETRY_AFTER_MS, nextDelay, parseRetryAfter, type RetryPolicy } from '../../src/api/retry.js';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000, maxElapsedMs: 60_000 };

describe('retry policy', () => {
  it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(isRetryable({ kind: 'status', status })).toBe(true);
  });
  it.each([400, 401, 403, 404, 409, 422])('does not retry HTTP %i', (status) => {
    expect(nextDelay(policy, 1, { kind: 'status', status }, 0)).toBeUndefined();
  });
  it('retries network errors and garbled bodies', () => {
    expect(nextDelay(policy, 1, { kind: 'network' }, 0)).toBeDefined();
    expect(nextDelay(policy, 1, { kind: 'garbled' }, 0)).toBeDefined();
  });
  it('backs off exponentially with jitter, within a cap', () => {
    const low = (attempt: number) => nextDelay(policy, attempt, { kind: 'network' }, 0, () => 0);
    const high = (attempt: number) => nextDelay(policy, attempt, { kind: 'network' }, 0, () => 1);
    expect([high(1), high(2), high(3), high(4)]).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(low(3)).toBe(500);
    expect(nextDelay(policy, 3, { kind: 'network' }, 0, () => 0.5)).toBeGreaterThan(low(3)!);
  });
  it('uses Retry-After exactly', () => {
    expect(nextDelay(policy, 1, { kind: 'status', status: 429, retryAfterMs: 2_000 }, 0, () => 0)).toBe(2_000);
    expect(nextDelay(policy, 1, { kind: 'status', status: 503, retryAfterMs: 30_000 }, 0, () => 1)).toBe(30_000);
  });
  it('is bounded in attempts and in total time', () => {
    expect(nextDelay(policy, 5, { kind: 'network' }, 0)).toBeUndefined();
    expect(nextDelay(policy, 1, { kind: 'status', status: 429, retryAfterMs: 60_000 }, 1_000)).toBeUndefined();
  });
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter(['60'], now)).toBe(60_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('Retry-After bounds', () => {
  it('clamps a huge or far-off Retry-After to a sane maximum, and a past date to 0', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('3000000', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('1e400'.replace('e400', '0'.repeat(400)), now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Wed, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('60', now)).toBe(60_000);
    expect(MAX_RETRY_AFTER_MS).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});
