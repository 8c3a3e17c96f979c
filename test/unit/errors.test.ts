import { describe, expect, it } from 'vitest';
import { ApiError, describeError, TransportError } from '../../src/api/errors.js';

describe('describeError', () => {
  it.each([
    [401, 'UNAUTHORIZED', 'run status', /check the secret passed as `token`/i],
    [403, 'FORBIDDEN', 'start run', /lacks the `write` scope/],
    [404, 'NOT_FOUND', 'start run', /Import the repo in Mogplex/],
    [404, 'NOT_FOUND', 'run status', /run was not found/],
    [409, 'IDEMPOTENCY_CONFLICT', 'start run', /Set `idempotency-key`/],
    [409, 'CONFLICT', 'cancel run', /sandbox/],
    [429, 'RATE_LIMITED', 'run events', /HTTP 429 RATE_LIMITED.*60 requests a minute/],
    [503, 'SERVICE_UNAVAILABLE', 'run events', /HTTP 503 SERVICE_UNAVAILABLE.*server error/],
  ])('HTTP %i %s on %s', (status, code, operation, message) => {
    expect(describeError(new ApiError(status, code, 'detail', operation))).toMatch(message);
  });

  it('names the run-start quota and when it frees up, from a Retry-After longer than the retry policy waits', () => {
    const at = Date.parse('2026-11-30T10:00:00Z');
    const text = describeError(new ApiError(429, 'RATE_LIMITED', 'External Mogplex run rate limit exceeded', 'start run', 1_800_000, at));
    expect(text).toMatch(/run-start quota is used up \(10 run starts a minute, 30 an hour and 150 a day for each token\)/);
    expect(text).toContain('the next start is allowed at 2026-11-30 10:30:00 UTC, in 30 min');
  });

  it('says where a refused redirect pointed and what to set', () => {
    expect(describeError(new ApiError(308, 'REDIRECT', 'redirected to https://evil.example/x', 'run status'))).toMatch(
      /redirected to https:\/\/evil\.example\/x.*never sends the token anywhere else.*Set `api-url`/,
    );
    expect(describeError(new ApiError(307, 'REDIRECT', 'redirected to https://mogplex.com/login?next=%2F', 'start run'))).toMatch(
      /login page: it saw no `Bearer` token/,
    );
  });

  it('keeps the server message on one clean line', () => {
    const text = describeError(new ApiError(400, 'BAD_REQUEST', 'bad\n\u001b[31mbranch', 'start run'));
    expect(text).toContain('(bad branch)');
    expect(text).not.toMatch(/[\n\u001b]/);
  });

  it('names the network problem and what to check', () => {
    expect(describeError(new TransportError('start run', 'connect ECONNREFUSED 127.0.0.1:1'))).toMatch(/ECONNREFUSED.*Check `api-url`/);
  });
});
