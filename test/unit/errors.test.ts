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

  it('keeps the server message on one clean line', () => {
    const text = describeError(new ApiError(400, 'BAD_REQUEST', 'bad\n\u001b[31mbranch', 'start run'));
    expect(text).toContain('(bad branch)');
    expect(text).not.toMatch(/[\n\u001b]/);
  });

  it('names the network problem and what to check', () => {
    expect(describeError(new TransportError('start run', 'connect ECONNREFUSED 127.0.0.1:1'))).toMatch(/ECONNREFUSED.*Check `api-url`/);
  });
});
