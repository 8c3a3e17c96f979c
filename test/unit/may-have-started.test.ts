import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/api/budget.js';
import { MogplexClient } from '../../src/api/client.js';
import { cancelMaybeStarted } from '../../src/run/may-have-started.js';

const API = 'https://mogplex.test';
const BASE = '/api/v1/mogplex';
const run = { runId: 'r1', status: 'streaming', harness: 'codex', repoId: 'repo', branch: { base: 'main', working: 'main' } };
const attempt = { key: 'gha-1-abc', body: '{"repoId":"repo","prompt":"p","harness":"codex"}' };

function client(): MogplexClient {
  return new MogplexClient({ apiUrl: API, token: 'mog_t', budget: new RequestBudget(60) });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('cancelMaybeStarted', () => {
  it('replays the very same start request (key and body byte for byte) and cancels the run it answers with', async () => {
    const seen: Array<{ key: unknown; body: string }> = [];
    const scope = nock(API)
      .post(`${BASE}/runs`)
      .reply(function (_uri, body) {
        seen.push({ key: this.req.headers['idempotency-key'], body: JSON.stringify(body) });
        return [202, { ok: true, data: { ...run, replayed: true } }];
      })
      .post(`${BASE}/runs/r1/cancel`)
      .reply(200, { ok: true, data: { run: { ...run, status: 'cancelled' }, status: 'cancelled', alreadyTerminal: false } });
    const result = await cancelMaybeStarted(client(), attempt);
    expect(seen).toEqual([{ key: attempt.key, body: attempt.body }]);
    expect(result).toMatchObject({ runId: 'r1', settled: true });
    expect(result.said).toMatch(/was found and its cancellation requested/);
    scope.done();
  });

  it('says when the run had already ended', async () => {
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...run, status: 'success', replayed: true } })
      .post(`${BASE}/runs/r1/cancel`)
      .reply(200, { ok: true, data: { run: { ...run, status: 'success' }, status: 'success', alreadyTerminal: true } });
    expect(await cancelMaybeStarted(client(), attempt)).toMatchObject({ settled: true, said: expect.stringMatching(/had already ended/) });
  });

  it('leaves the run for the post step when the replay or the cancel fails, never throwing', async () => {
    nock(API)
      .post(`${BASE}/runs`)
      .reply(503, { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } });
    expect(await cancelMaybeStarted(client(), attempt)).toEqual({ settled: false, said: expect.stringMatching(/Could not replay/) });
    nock(API)
      .post(`${BASE}/runs`)
      .reply(202, { ok: true, data: { ...run, replayed: true } })
      .post(`${BASE}/runs/r1/cancel`)
      .reply(500, { ok: false, error: { code: 'CONFLICT', message: 'kill failed' } });
    expect(await cancelMaybeStarted(client(), attempt)).toMatchObject({
      runId: 'r1',
      settled: false,
      said: expect.stringMatching(/could not cancel/),
    });
  });
});
