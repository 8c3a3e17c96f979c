import { describe, expect, it } from 'vitest';
import type { StartRunRequest } from '../../src/api/client.js';
import type { WorkflowContext } from '../../src/event/context.js';
import { readCommentEvent } from '../../src/event/comment-event.js';
import { deriveIdempotencyKey } from '../../src/run/idempotency.js';

const context: WorkflowContext = {
  eventName: 'push',
  repository: 'acme/web',
  runId: '987654321',
  runAttempt: '1',
  job: 'agent',
  action: '__run',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  fromFork: false,
};
const request: StartRunRequest = { repoId: 'repo', prompt: 'Fix it', harness: 'codex' };
const key = deriveIdempotencyKey(context, request);

describe('deriveIdempotencyKey', () => {
  it('is the same on a re-run of the same workflow run (a new attempt)', () => {
    expect(deriveIdempotencyKey({ ...context, runAttempt: '2' }, { ...request })).toBe(key);
  });
  it.each([
    ['another step', { action: '__run_2' }, {}],
    ['another job', { job: 'other' }, {}],
    ['another workflow run', { runId: '987654322' }, {}],
    ['another repository', { repository: 'acme/api' }, {}],
    ['a matrix leg with another prompt', {}, { prompt: 'Fix it on Windows' }],
    ['another harness', {}, { harness: 'claude-code' }],
    ['another base branch', {}, { baseBranch: 'dev' }],
  ])('differs for %s', (_what, ctx, body) => {
    expect(deriveIdempotencyKey({ ...context, ...ctx }, { ...request, ...body })).not.toBe(key);
  });
  it('differs for another triggering comment (comment mode), and keeps the key of a step without one', () => {
    const comment = readCommentEvent('issue_comment', {
      action: 'created',
      issue: { number: 7 },
      comment: { id: 321, body: '@mogplex fix it', user: { login: 'm' } },
    });
    const first = deriveIdempotencyKey({ ...context, comment: comment! }, request);
    expect(first).not.toBe(key);
    expect(deriveIdempotencyKey({ ...context, comment: { ...comment!, id: 322 } }, request)).not.toBe(first);
    expect(deriveIdempotencyKey({ ...context, runAttempt: '2', comment: comment! }, request)).toBe(first);
  });
  it('fits the API limit of 200 characters, also for huge inputs', () => {
    const long = deriveIdempotencyKey({ ...context, runId: '9'.repeat(300) }, { ...request, prompt: 'x'.repeat(100_000) });
    expect(long.length).toBeLessThanOrEqual(200);
    expect(key).toMatch(/^gha-987654321-[0-9a-f]{48}$/);
  });
});
