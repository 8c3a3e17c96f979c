import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_API_ID,
  REPO_WEB_ID,
  SIM_READONLY_TOKEN,
  SIM_TOKEN,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../simulator/server.js';

// --- helpers ---------------------------------------------------------------

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } } | null;
}

interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  key?: string;
  headers?: Record<string, string>;
}

let sims: Simulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

async function sim(options: SimulatorOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ speed: 0.1, runStartLimit: false, ...options });
  sims.push(s);
  return s;
}

async function call(s: Simulator, method: string, path: string, opts: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? SIM_TOKEN : opts.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (opts.key !== undefined) headers['idempotency-key'] = opts.key;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${s.apiUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const start = (s: Simulator, body: Record<string, unknown>, key: string = crypto.randomUUID(), token?: string): Promise<Answer> =>
  call(s, 'POST', '/runs', { body: { repoId: REPO_WEB_ID, prompt: 'Fix the tests', ...body }, key, ...(token ? { token } : {}) });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const runOf = (a: Answer): Record<string, unknown> => (a.json?.data?.['run'] ?? {}) as Record<string, unknown>;
const eventsOf = (a: Answer): Array<Record<string, unknown>> => (a.json?.data?.['events'] ?? []) as Array<Record<string, unknown>>;

// --- tests -----------------------------------------------------------------

describe('auth and scopes', () => {
  it('answers 401 with WWW-Authenticate for missing or unknown tokens', async () => {
    const s = await sim();
    for (const token of [null, 'mog_nope']) {
      const a = await call(s, 'GET', '/repos', { token });
      expect(a.status).toBe(401);
      expect(a.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(a.json).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
    }
  });

  it('needs write for POST /runs and cancel, read for GETs', async () => {
    const s = await sim();
    expect((await call(s, 'GET', '/repos', { token: SIM_READONLY_TOKEN })).status).toBe(200);
    const denied = await start(s, {}, 'k', SIM_READONLY_TOKEN);
    expect(denied.status).toBe(403);
    expect(denied.json?.error?.code).toBe('FORBIDDEN');
    const run = await start(s, { prompt: '[sim:endless]' });
    const id = String(run.json?.data?.['runId']);
    expect((await call(s, 'POST', `/runs/${id}/cancel`, { token: SIM_READONLY_TOKEN })).status).toBe(403);
  });

  it('hides other tokens’ runs (404) and unknown routes (404 envelope)', async () => {
    const s = await sim({ tokens: { mog_a: ['read', 'write'], mog_b: ['read', 'write'] } });
    const run = await start(s, {}, 'k1', 'mog_a');
    const id = String(run.json?.data?.['runId']);
    expect((await call(s, 'GET', `/runs/${id}`, { token: 'mog_b' })).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${id}/events`, { token: 'mog_b' })).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${id}`, { token: 'mog_a' })).status).toBe(200);
    const unknown = await call(s, 'GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json?.error?.code).toBe('NOT_FOUND');
  });
});

describe('GET /repos', () => {
  it('matches a case-insensitive substring of full_name', async () => {
    const s = await sim();
    const names = async (q: string, extra = ''): Promise<string[]> => {
      const a = await call(s, 'GET', `/repos?q=${encodeURIComponent(q)}${extra}`);
      return ((a.json?.data?.['repos'] ?? []) as Array<{ full_name: string }>).map((r) => r.full_name);
    };
    expect(await names('ACME/WEB')).toEqual(['acme/web', 'acme/web-admin']);
    expect(await names('api')).toEqual(['acme/api']);
    expect(await names('web', '&limit=1')).toHaveLength(1);
    const repo = ((await call(s, 'GET', '/repos?q=api')).json?.data?.['repos'] as Array<Record<string, unknown>>)[0];
    expect(repo).toEqual({
      id: REPO_API_ID,
      full_name: 'acme/api',
      installation_id: expect.any(Number),
      default_branch: 'main',
      root_directory: null,
    });
    for (const limit of ['0', '201', 'x']) expect((await call(s, 'GET', `/repos?limit=${limit}`)).status).toBe(400);
  });
});

describe('POST /runs', () => {
  it('creates a pending run with the documented detail shape', async () => {
    const s = await sim();
    const a = await start(s, { prompt: 'Fix it [sim:success]' });
    expect(a.status).toBe(202);
    const d = a.json?.data ?? {};
    expect(d).toMatchObject({
      repoId: REPO_WEB_ID,
      harness: 'codex',
      status: 'pending',
      branch: { base: 'main', working: 'main', createBranch: false },
      rootDirectory: null,
      error: null,
      runtime: { provider: 'trigger' },
      replayed: false,
    });
    expect(d['eventsUrl']).toBe(`/api/v1/mogplex/runs/${String(d['runId'])}/events`);
    expect(s.runs).toHaveLength(1);
  });

  it('replays the same key + body, 409s the same key + another body', async () => {
    const s = await sim();
    const first = await start(s, { prompt: 'A' }, 'key-1');
    const again = await start(s, { prompt: '  A  ' }, ' key-1 '); // normalized: trimmed
    expect(again.status).toBe(202);
    expect(again.json?.data?.['replayed']).toBe(true);
    expect(again.json?.data?.['runId']).toBe(first.json?.data?.['runId']);
    const conflict = await start(s, { prompt: 'B' }, 'key-1');
    expect(conflict.status).toBe(409);
    expect(conflict.json?.error?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(s.runs).toHaveLength(1);
  });

  it('validates the key, the body and branch names', async () => {
    const s = await sim();
    expect((await call(s, 'POST', '/runs', { body: { repoId: REPO_WEB_ID, prompt: 'x' } })).status).toBe(400);
    expect((await start(s, {}, 'k'.repeat(201))).status).toBe(400);
    expect((await call(s, 'POST', '/runs', { rawBody: '{oops', key: 'k' })).status).toBe(400);
    expect((await start(s, { repoId: crypto.randomUUID() })).status).toBe(404);
    expect((await start(s, { prompt: '' })).status).toBe(400);
    expect((await start(s, { prompt: 'x'.repeat(100_001) })).status).toBe(400);
    expect((await start(s, { harness: 'gpt' })).status).toBe(400);
    expect((await start(s, { rootDirectory: 'apps/../..' })).status).toBe(400);
    const bad = ['has space', 'a..b', 'a//b', 'a@{1}', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b', '/a', 'a/', 'a.', 'a.lock'];
    for (const name of bad) {
      const a = await start(s, { workingBranch: name });
      expect(a.status, name).toBe(400);
      expect(a.json?.error?.code).toBe('BAD_REQUEST');
    }
    expect((await start(s, { baseBranch: 'release..1' })).status).toBe(400);
    expect((await start(s, { workingBranch: 'feature/x-1.2_b' })).status).toBe(202);
    expect((await start(s, { createBranch: true, workingBranch: 'main' })).status).toBe(400);
    const gen = await start(s, { createBranch: true }, 'gen-key');
    expect((gen.json?.data?.['branch'] as { working: string }).working).toMatch(/^mogplex\/external\/[0-9a-f]{8}-[0-9a-f]{8}$/);
    const stringTrue = await start(s, { createBranch: 'true' });
    expect((stringTrue.json?.data?.['branch'] as { createBranch: boolean }).createBranch).toBe(false);
  });
});

describe('run timeline and events', () => {
  it('goes pending -> streaming -> success with createdAt at the scripted times', async () => {
    const s = await sim({ speed: 0.15 });
    const a = await start(s, { prompt: '[sim:success]' });
    const id = String(a.json?.data?.['runId']);
    await sleep(80); // first event at 200 ms * 0.15
    expect(runOf(await call(s, 'GET', `/runs/${id}`))['status']).toBe('streaming');
    await sleep(450); // end at 3200 ms * 0.15
    const done = await call(s, 'GET', `/runs/${id}/events`);
    expect(runOf(done)['status']).toBe('success');
    const run = s.getRun(id);
    const events = s.scenarioEvents(id);
    expect(events.map((e) => e.type)).toEqual(eventsOf(done).map((e) => e['type']));
    expect(events[0]?.createdAtMs).toBe((run?.createdAtMs ?? 0) + 200 * 0.15);
    expect(events.at(-1)?.type).toBe('finished');
  });

  it('never returns more than `limit` events (200-event window), status still visible', async () => {
    const s = await sim({ speed: 0.2 });
    const a = await start(s, { prompt: '[sim:many-events]' });
    const id = String(a.json?.data?.['runId']);
    await sleep(1100); // 250 events by ~0.6 s, success at ~1.02 s
    const max = await call(s, 'GET', `/runs/${id}/events?limit=200`);
    expect(eventsOf(max)).toHaveLength(200);
    expect(runOf(max)['status']).toBe('success');
    expect(eventsOf(await call(s, 'GET', `/runs/${id}/events`))).toHaveLength(100);
    expect(eventsOf(await call(s, 'GET', `/runs/${id}/events?limit=5`)).map((e) => e['message'])).toEqual([
      'Agent started',
      'step 2',
      'step 3',
      'step 4',
      'step 5',
    ]);
    expect((await call(s, 'GET', `/runs/${id}/events?limit=201`)).status).toBe(400);
    expect(s.scenarioEvents(id)).toHaveLength(250);
    expect(Object.keys(eventsOf(max)[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'message', 'payload', 'toolName', 'type']);
  });
});

describe('POST /runs/{id}/cancel', () => {
  it('current shape: {run, status, alreadyTerminal}', async () => {
    const s = await sim({ speed: 0.1 });
    const id = String((await start(s, { prompt: '[sim:endless]' })).json?.data?.['runId']);
    await sleep(40);
    const first = await call(s, 'POST', `/runs/${id}/cancel`);
    expect(first.json?.data).toMatchObject({ status: 'streaming', alreadyTerminal: false });
    const second = await call(s, 'POST', `/runs/${id}/cancel`); // idempotent: no second event
    expect(second.json?.data).toMatchObject({ alreadyTerminal: false });
    await sleep(60); // cancellation lands 300 ms * 0.1 later
    const events = eventsOf(await call(s, 'GET', `/runs/${id}/events`)).map((e) => e['type']);
    expect(events.filter((t) => t === 'cancel_requested')).toHaveLength(1);
    expect(events.at(-1)).toBe('cancelled');
    const third = await call(s, 'POST', `/runs/${id}/cancel`);
    expect(third.json?.data).toMatchObject({ status: 'cancelled', alreadyTerminal: true });
    expect(runOf(third)['status']).toBe('cancelled');
  });

  it('legacy shape: cancellation_requested / already_terminal', async () => {
    const s = await sim({ speed: 0.1, cancelShape: 'legacy' });
    const id = String((await start(s, { prompt: '[sim:endless]' })).json?.data?.['runId']);
    const first = await call(s, 'POST', `/runs/${id}/cancel`);
    expect(first.json?.data?.['status']).toBe('cancellation_requested');
    expect(first.json?.data).not.toHaveProperty('alreadyTerminal');
    await sleep(60);
    expect((await call(s, 'POST', `/runs/${id}/cancel`)).json?.data?.['status']).toBe('already_terminal');
    expect((await call(s, 'POST', '/runs/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404);
  });
});

describe('limits', () => {
  it('rate-limits every authenticated request per token (sliding window)', async () => {
    const s = await sim({ rateLimit: { limit: 3, windowMs: 1000 } });
    expect((await call(s, 'GET', '/repos', { token: 'mog_bad' })).status).toBe(401); // not counted
    for (let i = 0; i < 3; i += 1) expect((await call(s, 'GET', '/repos')).status).toBe(200);
    const limited = await call(s, 'GET', '/runs/whatever');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json?.error?.code).toBe('RATE_LIMITED');
    expect((await call(s, 'GET', '/repos', { token: SIM_READONLY_TOKEN })).status).toBe(200); // own budget
    await sleep(1050);
    expect((await call(s, 'GET', '/repos')).status).toBe(200);
  });

  it('limits run starts per token with Retry-After; an injected 429 costs no budget', async () => {
    const s = await sim({ runStartLimit: { perMinute: 2 }, rateLimit: { limit: 4, windowMs: 60_000 } });
    s.addFault({ match: { path: '/repos' }, action: { status: 429, headers: { 'Retry-After': '7' } } });
    const injected = await call(s, 'GET', '/repos');
    expect([injected.status, injected.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await start(s, {})).status).toBe(202);
    expect((await start(s, {})).status).toBe(202);
    const third = await start(s, {});
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(s, 'GET', '/repos')).status).toBe(200); // 4th counted request: injected one was free
    expect((await call(s, 'GET', '/repos')).status).toBe(429);
  });
});

describe('faults', () => {
  it("destroy: 'after' creates the run but drops the answer; a retry replays it", async () => {
    const s = await sim();
    s.addFault({ match: { method: 'POST', path: '/runs' }, action: { destroy: 'after' } });
    await expect(start(s, {}, 'lost-answer')).rejects.toThrow();
    expect(s.runs).toHaveLength(1);
    const record = s.requests.at(-1);
    expect(record).toMatchObject({ method: 'POST', path: '/api/v1/mogplex/runs', status: 0, faulted: true });
    expect(record?.headers['idempotency-key']).toBe('lost-answer');
    const retry = await start(s, {}, 'lost-answer');
    expect(retry.json?.data).toMatchObject({ replayed: true, runId: s.runs[0]?.id });
  });

  it("destroy: 'before' drops unprocessed; nth/times pick requests; HTML and garbled bodies", async () => {
    const s = await sim();
    s.addFault({ match: { method: 'POST', path: '/runs' }, action: { destroy: 'before' } });
    await expect(start(s, {})).rejects.toThrow();
    expect(s.runs).toHaveLength(0);

    s.addFault({ match: { path: /^\/repos/, nth: 2, times: 2 }, action: { status: 502, body: '<html><body>Bad gateway</body></html>' } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(s, 'GET', '/repos')).status);
    expect(statuses).toEqual([200, 502, 502, 200]);
    expect(s.requests.filter((r) => r.faulted)).toHaveLength(3);

    s.addFault({ match: { path: '/repos' }, action: { garble: true } });
    const garbled = await call(s, 'GET', '/repos');
    expect(garbled.status).toBe(200);
    expect(garbled.json).toBeNull();
    expect(garbled.text.length).toBeGreaterThan(0);
  });

  it('delays, is controllable over /_sim, and close() cuts pending delays short', async () => {
    const s = await sim();
    const control = await fetch(`${s.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ match: { path: { regex: '/events$' } }, action: { status: 503 } }),
    });
    expect(control.status).toBe(201);
    const id = String((await start(s, {})).json?.data?.['runId']);
    expect((await call(s, 'GET', `/runs/${id}/events`)).status).toBe(503);
    const runs = (await (await fetch(`${s.url}/_sim/runs`)).json()) as { runs: Array<{ id: string }> };
    expect(runs.runs.map((r) => r.id)).toEqual([id]);
    const requests = (await (await fetch(`${s.url}/_sim/requests`)).json()) as { requests: unknown[] };
    expect(requests.requests).toHaveLength(2);

    s.addFault({ match: { path: '/repos' }, action: { delayMs: 150 } });
    const t0 = Date.now();
    expect((await call(s, 'GET', '/repos')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

    s.addFault({ match: { path: '/repos' }, action: { delayMs: 20_000 } });
    const hanging = call(s, 'GET', '/repos').catch(() => 'dropped');
    await sleep(50);
    const c0 = Date.now();
    await s.close();
    expect(Date.now() - c0).toBeLessThan(1000);
    expect(await hanging).toBe('dropped');
  });
});
