import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/api/budget.js';
import { MogplexClient, NoStreamRoute, type StreamFrame } from '../../src/api/client.js';
import { ApiError, describeError, TransportError } from '../../src/api/errors.js';
import type { RetryPolicy } from '../../src/api/retry.js';
import type { HttpAnswer } from '../../src/api/transport.js';

const API = 'https://mogplex.test';
const BASE = '/api/v1/mogplex';
const FAST: RetryPolicy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 20, maxElapsedMs: 5_000 };
const run = {
  runId: 'r1',
  status: 'pending',
  harness: 'codex',
  repoId: 'repo',
  branch: { base: 'main', working: 'main', createBranch: false },
};

function client(options: Partial<ConstructorParameters<typeof MogplexClient>[0]> = {}): MogplexClient {
  return new MogplexClient({ apiUrl: API, token: 'mog_secret', budget: new RequestBudget(60), retry: FAST, ...options });
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1:1');
});
afterEach(() => {
  nock.cleanAll();
});

describe('MogplexClient', () => {
  it('sends the bearer token and parses the envelope', async () => {
    const scope = nock(API, { reqheaders: { authorization: 'Bearer mog_secret' } })
      .get(`${BASE}/runs/r1`)
      .reply(200, { ok: true, data: { run: { ...run, status: 'streaming' } } });
    await expect(client().getRun('r1')).resolves.toMatchObject({ runId: 'r1', status: 'streaming', branch: { base: 'main' } });
    scope.done();
  });

  it('treats an events page about another run, or longer than asked for, as garbled', async () => {
    const events = [1, 2, 3].map((n) => ({ id: `e${n}`, type: 'log', toolName: null, message: `m${n}`, payload: { n }, createdAt: null }));
    nock(API).get(`${BASE}/runs/r1/events`).query({ limit: '2' }).reply(200, { ok: true, data: { run, events } });
    await expect(client({ retry: { ...FAST, maxAttempts: 1 } }).listEvents('r1', 2)).rejects.toThrow(/3 events, more than the 2 asked for/);
    nock(API)
      .get(`${BASE}/runs/r1/events`)
      .query({ limit: '200' })
      .reply(200, { ok: true, data: { run: { ...run, runId: 'other' }, events } });
    await expect(client({ retry: { ...FAST, maxAttempts: 1 } }).listEvents('r1', 200)).rejects.toThrow(/about run other, not r1/);
    nock(API)
      .get(`${BASE}/runs/r1`)
      .reply(200, { ok: true, data: { run: { ...run, runId: 'other' } } });
    await expect(client({ retry: { ...FAST, maxAttempts: 1 } }).getRun('r1')).rejects.toThrow(/about run other/);
  });

  it('retries a lost POST /runs answer with the same key and body', async () => {
    const bodies: string[] = [];
    const keys: string[] = [];
    const scope = nock(API)
      .post(`${BASE}/runs`)
      .times(2)
      .reply(function (_uri, body) {
        bodies.push(JSON.stringify(body));
        keys.push(String(this.req.headers['idempotency-key']));
        return bodies.length === 1 ? [502, '<html>Bad gateway</html>'] : [202, { ok: true, data: { ...run, replayed: true } }];
      });
    const started = await client().startRun({ repoId: 'repo', prompt: 'p', harness: 'codex' }, 'key-1');
    expect(started).toMatchObject({ runId: 'r1', replayed: true });
    expect(keys).toEqual(['key-1', 'key-1']);
    expect(bodies[0]).toBe(bodies[1]);
    scope.done();
  });

  // nock 14 cannot make http-client see a socket error (replyWithError hangs it), so
  // connection errors come from a scripted transport here and from a real closed port below.
  it('retries connection resets and garbled bodies', async () => {
    const answers: Array<Error | HttpAnswer> = [
      new Error('read ECONNRESET'),
      { status: 200, headers: {}, body: '{"ok":true,"da' },
      { status: 200, headers: {}, body: JSON.stringify({ ok: true, data: { run } }) },
    ];
    let calls = 0;
    const transport = async (): Promise<HttpAnswer> => {
      const answer = answers[calls++];
      if (answer instanceof Error || answer === undefined) throw answer ?? new Error('no more answers');
      return answer;
    };
    await expect(client({ transport }).getRun('r1')).resolves.toMatchObject({ runId: 'r1' });
    expect(calls).toBe(3);
  });

  it('reports a refused connection after its retries', async () => {
    const error = await new MogplexClient({
      apiUrl: 'http://127.0.0.1:1',
      token: 'mog_secret',
      budget: new RequestBudget(60),
      retry: { ...FAST, maxAttempts: 2 },
    })
      .getRun('r1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(String(error)).toMatch(/ECONNREFUSED/);
    expect(String(error)).not.toContain('mog_secret');
  });

  it.each([400, 401, 403, 404, 409])('does not retry HTTP %i', async (status) => {
    const scope = nock(API)
      .post(`${BASE}/runs`)
      .once()
      .reply(status, { ok: false, error: { code: 'SOME_CODE', message: 'nope' } });
    const error = await client()
      .startRun({ repoId: 'repo', prompt: 'p', harness: 'codex' }, 'k')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code: 'SOME_CODE', detail: 'nope' });
    scope.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('gives up after the policy has no more attempts', async () => {
    const scope = nock(API).get(`${BASE}/runs/r1`).times(4).reply(503, 'unavailable');
    await expect(client().getRun('r1')).rejects.toMatchObject({ status: 503 });
    scope.done();
  });

  it('honours Retry-After before the next attempt', async () => {
    const times: number[] = [];
    nock(API)
      .get(`${BASE}/runs/r1`)
      .reply(() => {
        times.push(Date.now());
        return [429, { ok: false, error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'Retry-After': '1' }];
      })
      .get(`${BASE}/runs/r1`)
      .reply(() => {
        times.push(Date.now());
        return [200, { ok: true, data: { run } }];
      });
    const budget = new RequestBudget(20);
    await client({ budget }).getRun('r1');
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    // The step slows down for the rest of the run, not only for this request.
    expect(budget.limit()).toBe(10);
  });

  it('times out a request that does not answer', async () => {
    nock(API).get(`${BASE}/runs/r1`).delay(2_000).reply(200, { ok: true, data: { run } });
    const error = await client({ timeoutMs: 100, retry: { ...FAST, maxAttempts: 1 } })
      .getRun('r1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(String(error)).toMatch(/no answer within/);
  });

  it('rejects an answer whose shape is wrong instead of casting it', async () => {
    nock(API)
      .get(`${BASE}/runs/r1`)
      .reply(200, { ok: true, data: { run: { runId: 7 } } });
    const error = await client({ retry: { ...FAST, maxAttempts: 1 } })
      .getRun('r1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(String(error)).toMatch(/runId is not a string/);
  });

  it('rejects a run id that is not a plain id (it ends up in URLs, state and log lines)', async () => {
    nock(API)
      .get(`${BASE}/runs/r1`)
      .reply(200, { ok: true, data: { run: { ...run, runId: '##[error]x' } } });
    await expect(client({ retry: { ...FAST, maxAttempts: 1 } }).getRun('r1')).rejects.toThrow(/runId is not a run id/);
  });

  it('sends an urgent cancel at once, ignoring the budget, and accepts both answer shapes', async () => {
    const budget = new RequestBudget(1);
    budget.record();
    nock(API)
      .post(`${BASE}/runs/r1/cancel`)
      .reply(200, { ok: true, data: { run, status: 'cancellation_requested' } });
    await expect(client({ budget }).cancelRun('r1', { urgent: true })).resolves.toMatchObject({ alreadyTerminal: false });
    nock(API)
      .post(`${BASE}/runs/r1/cancel`)
      .reply(200, { ok: true, data: { run: { ...run, status: 'success' }, status: 'success', alreadyTerminal: true } });
    await expect(client({ budget }).cancelRun('r1', { urgent: true })).resolves.toMatchObject({ alreadyTerminal: true });
    nock(API)
      .post(`${BASE}/runs/r1/cancel`)
      .reply(200, { ok: true, data: { run, status: 'already_terminal' } });
    await expect(client({ budget }).cancelRun('r1', { urgent: true })).resolves.toMatchObject({ alreadyTerminal: true });
  });

  describe('redirects', () => {
    const WWW = 'https://www.mogplex.test';

    it("follows Mogplex's www -> apex 308 for a POST, with the same body and key, and remembers the origin", async () => {
      const moved: string[] = [];
      const www = nock(WWW)
        .post(`${BASE}/runs`)
        .reply(308, '', { Location: `${API}${BASE}/runs` });
      const seen: Array<{ body: string; key: string; auth: string }> = [];
      const apex = nock(API)
        .post(`${BASE}/runs`)
        .reply(function (_uri, body) {
          seen.push({
            body: JSON.stringify(body),
            key: String(this.req.headers['idempotency-key']),
            auth: String(this.req.headers.authorization),
          });
          return [202, { ok: true, data: { ...run, replayed: false } }];
        })
        .get(`${BASE}/runs/r1`)
        .reply(200, { ok: true, data: { run } });
      const c = client({ apiUrl: WWW, onMoved: (from, to) => moved.push(`${from} -> ${to}`) });
      await c.startRun({ repoId: 'repo', prompt: 'p', harness: 'codex' }, 'key-1');
      await c.getRun('r1');
      expect(seen).toEqual([
        { body: JSON.stringify({ repoId: 'repo', prompt: 'p', harness: 'codex' }), key: 'key-1', auth: 'Bearer mog_secret' },
      ]);
      expect(moved).toEqual([`${WWW} -> ${API}`]);
      www.done();
      apex.done();
    });

    it('follows the apex -> www move too, keeping a path prefix', async () => {
      nock(API)
        .get('/prefix/api/v1/mogplex/runs/r1')
        .reply(307, '', { Location: `${WWW}/prefix/api/v1/mogplex/runs/r1` });
      const www = nock(WWW).get('/prefix/api/v1/mogplex/runs/r1').reply(200, { ok: true, data: { run } });
      await expect(client({ apiUrl: `${API}/prefix` }).getRun('r1')).resolves.toMatchObject({ runId: 'r1' });
      www.done();
    });

    it.each([
      ['another host', 308, 'https://elsewhere.test/api/v1/mogplex/runs/r1'],
      ['a downgrade to http', 308, 'http://mogplex.test/api/v1/mogplex/runs/r1'],
      ['a 301', 301, `https://www.mogplex.test${BASE}/runs/r1`],
      ['a 302', 302, `https://www.mogplex.test${BASE}/runs/r1`],
      ['a 303', 303, `https://www.mogplex.test${BASE}/runs/r1`],
      ['the login page', 307, '/login?next=%2Fapi%2Fv1%2Fmogplex%2Fruns%2Fr1'],
      ['another port', 308, `https://www.mogplex.test:8443${BASE}/runs/r1`],
      ['another path', 308, `https://www.mogplex.test${BASE}/runs/r2`],
    ])('refuses %s, naming where it pointed, and sends the token nowhere else', async (_name, status, location) => {
      const unmatched: unknown[] = [];
      const record = (req: unknown): number => unmatched.push(req);
      nock.emitter.on('no match', record);
      nock(API).get(`${BASE}/runs/r1`).reply(status, '', { Location: location });
      const error = await client()
        .getRun('r1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const absolute = new URL(location, API).href;
      expect(describeError(error)).toContain(absolute);
      expect(describeError(error)).toMatch(/api-url/);
      nock.emitter.off('no match', record);
      expect(unmatched).toEqual([]);
      expect(nock.pendingMocks()).toEqual([]);
    });

    it('gives up after two redirects', async () => {
      nock(WWW)
        .get(`${BASE}/runs/r1`)
        .times(2)
        .reply(308, '', { Location: `${API}${BASE}/runs/r1` });
      nock(API)
        .get(`${BASE}/runs/r1`)
        .times(2)
        .reply(308, '', { Location: `${WWW}${BASE}/runs/r1` });
      await expect(client({ apiUrl: WWW }).getRun('r1')).rejects.toThrow(/too many redirects/);
    });
  });
});

describe('MogplexClient.streamEvents', () => {
  const frame = (id: string, type: string, data: unknown): string => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  const ev = (id: string, message: string) => ({ id, type: 'log', toolName: null, message, payload: {}, createdAt: null });

  async function collect(c: MogplexClient, body: string, headers: Record<string, string> = {}) {
    nock(API, { reqheaders: { accept: 'text/event-stream', ...headers } })
      .get(`${BASE}/runs/r1/events/stream`)
      .query({ limit: '200' })
      .reply(200, body, { 'content-type': 'text/event-stream' });
    const frames: StreamFrame[] = [];
    const end = await c.streamEvents('r1', { signal: new AbortController().signal, onFrame: (f) => frames.push(f) });
    return { end, frames };
  }

  it('hands on whole frames, parsed: the run, events (multi-line data, comments skipped), a cut frame never', async () => {
    const body =
      ': connected\n\n' +
      frame('run', 'run', run).replace(/^id: run\n/, '') +
      frame('e1', 'log', ev('e1', 'one')) +
      `id: e2\nevent: log\ndata: {"id":"e2","type":"log",\ndata: "message":"two"}\n\n` +
      ': a comment\n\n' +
      'id: e3\nevent: log\ndata: {"id":"e3","type":"lo';
    const { end, frames } = await collect(client(), body);
    expect(end).toBe('closed');
    expect(frames.map((f) => (f.kind === 'event' ? f.event.id : f.kind))).toEqual(['run', 'e1', 'e2']);
    expect(frames[2]).toMatchObject({ kind: 'event', event: { id: 'e2', message: 'two' } });
  });

  it('sends Last-Event-ID, cuts secrets out of frames, and calls a frame about another run garbled', async () => {
    nock(API, { reqheaders: { 'last-event-id': 'e9' } })
      .get(`${BASE}/runs/r1/events/stream`)
      .query({ limit: '200' })
      .reply(200, frame('x', 'run', { ...run, runId: 'other' }) + frame('e10', 'log', ev('e10', 'the token is mog_secret')), {
        'content-type': 'text/event-stream',
      });
    const frames: StreamFrame[] = [];
    const redacting = client({ redactJson: (v) => JSON.parse(JSON.stringify(v).replaceAll('mog_secret', '***')) as unknown });
    await redacting.streamEvents('r1', { lastEventId: 'e9', signal: new AbortController().signal, onFrame: (f) => frames.push(f) });
    expect(frames[0]).toMatchObject({ kind: 'garbled', reason: expect.stringMatching(/about run other/) });
    expect(frames[1]).toMatchObject({ kind: 'event', event: { message: 'the token is ***' } });
  });

  it("tells a server without the route (Next.js's HTML 404, not counted) from the route's own JSON 404", async () => {
    const budget = new RequestBudget(60);
    nock(API).get(`${BASE}/runs/r1/events/stream`).query(true).reply(404, '<!DOCTYPE html><h1>404</h1>', { 'content-type': 'text/html' });
    const onFrame = (): void => undefined;
    await expect(client({ budget }).streamEvents('r1', { signal: new AbortController().signal, onFrame })).rejects.toBeInstanceOf(
      NoStreamRoute,
    );
    expect(budget.used()).toBe(0);
    nock(API)
      .get(`${BASE}/runs/r1/events/stream`)
      .query(true)
      .reply(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Run not found' } });
    await expect(client({ budget }).streamEvents('r1', { signal: new AbortController().signal, onFrame })).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(budget.used()).toBe(1);
    nock(API)
      .get(`${BASE}/runs/r1/events/stream`)
      .query(true)
      .reply(400, { ok: false, error: { code: 'BAD_REQUEST', message: 'Last-Event-ID does not belong to this run' } });
    await expect(client().streamEvents('r1', { lastEventId: 'old', signal: new AbortController().signal, onFrame })).rejects.toBeInstanceOf(
      ApiError,
    );
  });
});
