import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { HttpClient } from '@actions/http-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_API_ID,
  REPO_WEB_ID,
  SIM_AUTOMATION_TOKEN,
  SIM_READONLY_TOKEN,
  SIM_TOKEN,
  startSimulator,
  type Simulator,
  type SimRun,
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
  const res = await fetch(`${s.apiUrl}${path}`, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
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
const presentRunError = (a: Answer): unknown => runOf(a)['error'];
const runOf = (a: Answer): Record<string, unknown> => (a.json?.data?.['run'] ?? {}) as Record<string, unknown>;
/** Waits until the run is terminal (the simulator's clock, read directly). */
async function settled(s: Simulator, id: string): Promise<SimRun> {
  for (let i = 0; i < 200; i += 1) {
    const run = s.getRun(id);
    if (run && ['success', 'failed', 'cancelled'].includes(run.status)) return run;
    await sleep(20);
  }
  throw new Error(`run ${id} did not end`);
}

/** Starts a run and returns it once it ended. */
async function ended(s: Simulator, body: Record<string, unknown>): Promise<SimRun> {
  const a = await start(s, body);
  expect(a.status).toBe(202);
  return settled(s, String(a.json?.data?.['runId']));
}

/** branch.working as GET /runs/{id} would present the run. */
const presentedWorking = (run: SimRun): string => run.normalized.workingBranch;
const payloadOf = (run: SimRun, stage: string): Record<string, unknown> | undefined =>
  run.events.find((e) => e.payload['stage'] === stage)?.payload;
const eventsOf = (a: Answer): Array<Record<string, unknown>> => (a.json?.data?.['events'] ?? []) as Array<Record<string, unknown>>;

// --- tests -----------------------------------------------------------------

describe('auth and scopes', () => {
  it('answers 401 with WWW-Authenticate for unknown tokens', async () => {
    const s = await sim();
    for (const token of ['mog_nope', 'not-a-mogplex-token']) {
      const a = await call(s, 'GET', '/repos', { token });
      expect(a.status).toBe(401);
      expect(a.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(a.json).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
    }
  });

  it('sends a request without a `Bearer ` token to the login page (307), as the middleware does', async () => {
    const s = await sim();
    const login = `${s.url}/login?next=${encodeURIComponent('/api/v1/mogplex/repos?q=acme&limit=5')}`;
    for (const authorization of [undefined, 'Basic bW9nOng=', `bearer ${SIM_TOKEN}`, 'Bearer ']) {
      const a = await call(s, 'GET', '/repos?q=acme&limit=5', { token: null, headers: authorization ? { authorization } : {} });
      expect([a.status, a.headers.get('location'), a.text], String(authorization)).toEqual([307, login, '']);
    }
    // A link followed from the app itself says the session expired.
    const fromApp = await call(s, 'POST', '/runs', { token: null, headers: { referer: `${s.url}/acme` } });
    expect(fromApp.headers.get('location')).toBe(`${s.url}/login?expired=true&next=${encodeURIComponent('/api/v1/mogplex/runs')}`);
    // Outside the v1 routes a token does not help.
    const outside = await fetch(`${s.url}/api/other`, { headers: { authorization: `Bearer ${SIM_TOKEN}` }, redirect: 'manual' });
    expect(outside.status).toBe(307);
    expect(s.requests.map((r) => r.status)).toEqual([307, 307, 307, 307, 307, 307]);
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

  it('hides other tokens’ runs (404); an unknown route gets Next.js’s HTML 404 page, before authentication', async () => {
    const s = await sim({ tokens: { mog_a: ['read', 'write'], mog_b: ['read', 'write'] } });
    const run = await start(s, {}, 'k1', 'mog_a');
    const id = String(run.json?.data?.['runId']);
    expect((await call(s, 'GET', `/runs/${id}`, { token: 'mog_b' })).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${id}/events`, { token: 'mog_b' })).status).toBe(404);
    expect((await call(s, 'GET', `/runs/${id}`, { token: 'mog_a' })).status).toBe(200);
    const unknown = await call(s, 'GET', '/nope', { token: 'mog_unknown' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toBeNull();
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
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
  it('records the server’s lifecycle: pending with the accepted event, streaming once the sandbox is up, then success', async () => {
    const s = await sim({ speed: 0.15 });
    const a = await start(s, { prompt: 'Fix the login bug' });
    const id = String(a.json?.data?.['runId']);
    const created = await call(s, 'GET', `/runs/${id}/events`);
    expect(runOf(created)['status']).toBe('pending');
    expect(runOf(created)['sandboxId']).toBeNull();
    expect(eventsOf(created).map((e) => e['message'])).toEqual(['External Mogplex run accepted']);
    await sleep(80); // the sandbox is up at 300 ms * 0.15
    expect(runOf(await call(s, 'GET', `/runs/${id}`))['status']).toBe('streaming');
    await sleep(450); // end at 3000 ms * 0.15
    const done = await call(s, 'GET', `/runs/${id}/events`);
    const run = s.getRun(id)!;
    const agent = `mogplex/agent-${run.aiCallId.replace(/-/g, '').slice(0, 12)}`;
    expect(runOf(done)).toMatchObject({ status: 'success', error: null, branch: { base: 'main', working: 'main', createBranch: false } });
    expect(eventsOf(done).map((e) => [e['type'], e['message'], e['payload']])).toEqual([
      ['started', 'External Mogplex run accepted', { external_run_id: id, harness_id: 'codex', working_branch: 'main' }],
      ['started', 'Harness run started: codex', { harness_id: 'codex', ai_billing_source: 'platform_ai_gateway' }],
      ['log', `Synchronized ${agent}`, { stage: 'git_sync', base_branch: 'main', working_branch: agent, created_branch: true }],
      ['status_changed', 'Harness run streaming', { from: 'pending', to: 'streaming', runtime_command_id: run.runtimeCommandId }],
      ['log', 'Installed @openai/codex', { stage: 'install', logs: expect.stringContaining('added 1 package') }],
      [
        'log',
        'Pull request ready',
        {
          stage: 'git_delivery',
          changed: true,
          pull_request_url: 'https://github.com/acme/web/pull/43',
          base_branch: 'main',
          working_branch: agent,
          auto_committed_files: [],
        },
      ],
      ['finished', 'Harness run finished', { exit_code: 0, failure_code: null }],
    ]);
    expect(eventsOf(done).every((e) => e['toolName'] === null)).toBe(true);
    const events = s.scenarioEvents(id);
    expect(events[0]?.createdAtMs).toBe(run.createdAtMs);
    expect(events[2]?.createdAtMs).toBe(run.createdAtMs + 700 * 0.15);
    expect(run.streamingAtMs).toBe(run.createdAtMs + 300 * 0.15);
  });

  it('August server: never more than `limit` events, the first ones (no cursor), status still visible', async () => {
    const s = await sim({ speed: 0.2, server: 'august' });
    const a = await start(s, { prompt: '[sim:many-events]' });
    const id = String(a.json?.data?.['runId']);
    await sleep(1100); // 250 events by ~0.6 s, success at ~1.02 s
    const max = await call(s, 'GET', `/runs/${id}/events?limit=200`);
    expect(eventsOf(max)).toHaveLength(200);
    expect(runOf(max)['status']).toBe('success');
    expect(eventsOf(await call(s, 'GET', `/runs/${id}/events`))).toHaveLength(100);
    expect(eventsOf(await call(s, 'GET', `/runs/${id}/events?limit=7`)).map((e) => e['message'])).toEqual([
      'External Mogplex run accepted',
      'Harness run started: codex',
      expect.stringMatching(/^Synchronized mogplex\/agent-[0-9a-f]{12}$/),
      'Harness run streaming',
      'Installed @openai/codex',
      'Tool started: read_file',
      'Tool finished: read_file',
    ]);
    expect(
      s
        .scenarioEvents(id)
        .slice(-2)
        .map((e) => e.message),
    ).toEqual(['Pull request ready', 'Harness run finished']);
    expect((await call(s, 'GET', `/runs/${id}/events?limit=201`)).status).toBe(400);
    expect(s.scenarioEvents(id)).toHaveLength(250);
    expect(Object.keys(eventsOf(max)[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'message', 'payload', 'toolName', 'type']);
  });
});

describe('POST /runs/{id}/cancel', () => {
  it('current shape: {run, status, alreadyTerminal}', async () => {
    const s = await sim({ speed: 0.1, cancelDelayMs: 2000 });
    const id = String((await start(s, { prompt: '[sim:endless]' })).json?.data?.['runId']);
    await sleep(40);
    const first = await call(s, 'POST', `/runs/${id}/cancel`);
    expect(first.json?.data).toMatchObject({ status: 'streaming', alreadyTerminal: false });
    const second = await call(s, 'POST', `/runs/${id}/cancel`); // idempotent: no second event
    expect(second.json?.data).toMatchObject({ alreadyTerminal: false });
    await sleep(260); // cancellation lands 2000 ms * 0.1 later
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

  it('answers 429 with Retry-After of the whole window, and does not count the refused request', async () => {
    const s = await sim({ rateLimit: { limit: 1, windowMs: 2000 } });
    expect((await call(s, 'GET', '/repos')).status).toBe(200);
    await sleep(1200);
    const refused = await call(s, 'GET', '/repos');
    // The real server's constant (60 for its 60 s window), not the 0.8 s until the slot frees.
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '2']);
    await sleep(900);
    // Had the refused request been counted, the window would hold it until 3.2 s.
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

describe('run-start quota by the hour and the day', () => {
  it('refuses past 30 an hour / 150 a day (here 2 and 3) with Retry-After until a slot frees', async () => {
    const s = await sim({ runStartLimit: { perMinute: 100, perHour: 2, perDay: 3 } });
    expect((await start(s, {})).status).toBe(202);
    expect((await start(s, {})).status).toBe(202);
    const hourly = await start(s, {});
    expect([hourly.status, hourly.json?.error?.message]).toEqual([429, 'External Mogplex run rate limit exceeded']);
    expect(Number(hourly.headers.get('retry-after'))).toBeGreaterThan(3590);
    const daily = await sim({ runStartLimit: { perMinute: 100, perHour: 100, perDay: 1 } });
    expect((await start(daily, {})).status).toBe(202);
    const refused = await start(daily, {});
    expect([refused.status, refused.json?.error?.message]).toEqual([429, 'Daily external Mogplex run quota exceeded']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_390);
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

describe('branches and delivery, as the sandbox does them', () => {
  it('moves the agent onto mogplex/agent-<id> when working = base, and numbers new pull requests per repo', async () => {
    const s = await sim();
    const first = await ended(s, {});
    const second = await ended(s, { baseBranch: 'main', workingBranch: 'main' });
    const other = await ended(s, { repoId: REPO_API_ID });
    for (const run of [first, second]) {
      const agent = `mogplex/agent-${run.aiCallId.replace(/-/g, '').slice(0, 12)}`;
      expect(payloadOf(run, 'git_sync')).toEqual({ stage: 'git_sync', base_branch: 'main', working_branch: agent, created_branch: true });
      expect(payloadOf(run, 'git_delivery')).toMatchObject({ changed: true, base_branch: 'main', working_branch: agent });
      expect(presentedWorking(run)).toBe('main'); // the run detail keeps the requested name
    }
    expect([first, second, other].map((r) => payloadOf(r, 'git_delivery')?.['pull_request_url'])).toEqual([
      'https://github.com/acme/web/pull/43',
      'https://github.com/acme/web/pull/44',
      'https://github.com/acme/api/pull/1',
    ]);
  });

  it('falls back to the agent branch when the named working branch does not exist', async () => {
    const s = await sim();
    const run = await ended(s, { workingBranch: 'feature/nope' });
    const agent = `mogplex/agent-${run.aiCallId.replace(/-/g, '').slice(0, 12)}`;
    expect(run.events[0]?.payload['working_branch']).toBe('feature/nope');
    expect(run.events.find((e) => e.payload['stage'] === 'git_sync')?.message).toBe(`Synchronized ${agent}`);
    expect(payloadOf(run, 'git_sync')).toMatchObject({ working_branch: agent, created_branch: true });
    expect(presentedWorking(run)).toBe('feature/nope');
  });

  it('works on an existing branch with an open pull request and reports that pull request', async () => {
    const s = await sim();
    const run = await ended(s, { workingBranch: 'feature/login', baseBranch: 'main' });
    expect(payloadOf(run, 'git_sync')).toEqual({
      stage: 'git_sync',
      base_branch: 'main',
      working_branch: 'feature/login',
      created_branch: false,
    });
    expect(payloadOf(run, 'git_delivery')).toEqual({
      stage: 'git_delivery',
      changed: true,
      pull_request_url: 'https://github.com/acme/web/pull/42',
      base_branch: 'main',
      working_branch: 'feature/login',
      auto_committed_files: [],
    });
    // `changed` means "ahead of the base": true on that branch even when the agent did nothing.
    const idle = await ended(s, { workingBranch: 'feature/login', prompt: '[sim:no-changes]' });
    expect(payloadOf(idle, 'git_delivery')).toMatchObject({ changed: true, pull_request_url: 'https://github.com/acme/web/pull/42' });
  });

  it('uses a createBranch branch as made at launch (created_branch false) and opens a pull request from it', async () => {
    const s = await sim();
    const run = await ended(s, { createBranch: true });
    const working = run.normalized.workingBranch;
    expect(working).toMatch(/^mogplex\/external\//);
    expect(payloadOf(run, 'git_sync')).toMatchObject({ working_branch: working, created_branch: false });
    expect(payloadOf(run, 'git_delivery')).toMatchObject({
      working_branch: working,
      pull_request_url: 'https://github.com/acme/web/pull/43',
    });
    // A later run on that branch finds the pull request the first one opened.
    const again = await ended(s, { workingBranch: working });
    expect(payloadOf(again, 'git_delivery')?.['pull_request_url']).toBe('https://github.com/acme/web/pull/43');
  });

  it('takes branches and pull requests from options: a merged pull request’s branch falls back', async () => {
    const s = await sim({
      repoGit: {
        'acme/web': {
          branches: ['main', 'release', 'done'],
          pullRequests: [
            { number: 7, head: 'done', base: 'main', state: 'merged' },
            { number: 9, head: 'release', base: 'main', state: 'open' },
          ],
        },
      },
    });
    const merged = await ended(s, { workingBranch: 'done' });
    expect(payloadOf(merged, 'git_sync')).toMatchObject({
      working_branch: expect.stringMatching(/^mogplex\/agent-/),
      created_branch: true,
    });
    expect(payloadOf(merged, 'git_delivery')?.['pull_request_url']).toBe('https://github.com/acme/web/pull/10');
    const open = await ended(s, { workingBranch: 'release' });
    expect(payloadOf(open, 'git_delivery')?.['pull_request_url']).toBe('https://github.com/acme/web/pull/9');
  });
});

describe('scenarios', () => {
  it('no-changes: "No code changes to deliver", changed false, no URL, success', async () => {
    const s = await sim();
    const run = await ended(s, { prompt: '[sim:no-changes] Look around' });
    const delivery = run.events.find((e) => e.payload['stage'] === 'git_delivery');
    expect([delivery?.type, delivery?.message]).toEqual(['log', 'No code changes to deliver']);
    expect(delivery?.payload).toMatchObject({ changed: false, pull_request_url: null, auto_committed_files: [] });
    expect([run.status, run.events.at(-1)?.message]).toEqual(['success', 'Harness run finished']);
  });

  it('delivery-failed: no git_delivery, two failed events with the multi-line error, run failed with it', async () => {
    const s = await sim();
    const run = await ended(s, { prompt: '[sim:delivery-failed]' });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^The agent finished, but GitHub delivery failed: From https:\/\/github.com\/acme\/web\n/);
    expect(run.error).toContain('Untracked files remain after the agent run');
    expect(payloadOf(run, 'git_delivery')).toBeUndefined();
    expect(run.events.map((e) => e.type)).not.toContain('finished');
    expect(run.events.slice(-2).map((e) => [e.type, e.message, e.payload])).toEqual([
      ['failed', 'Harness stream failed', { error: run.error }],
      ['failed', 'External Mogplex run failed', { error: run.error }],
    ]);
    expect(presentRunError(await call(s, 'GET', `/runs/${run.id}`))).toBe(run.error);
  });

  it('failed and cancelled record what the server records', async () => {
    const s = await sim();
    const failed = await ended(s, { prompt: '[sim:failed]' });
    expect([failed.status, failed.error]).toEqual(['failed', 'Agent run exited with code 1.']);
    expect(failed.events.at(-1)).toMatchObject({
      type: 'failed',
      message: 'Harness run failed',
      payload: { exit_code: 1, failure_code: 'command_failed' },
    });
    expect(payloadOf(failed, 'git_delivery')).toBeUndefined();
    const cancelled = await ended(s, { prompt: '[sim:cancelled]' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.events.slice(-2).map((e) => [e.type, e.message, e.payload])).toEqual([
      ['cancel_requested', 'Cancellation requested', { runtime_command_id: cancelled.runtimeCommandId }],
      ['cancelled', 'Run cancelled', { runtime_command_id: cancelled.runtimeCommandId }],
    ]);
  });

  it('lifecycle (bench): setup early, a quiet middle of minutes, delivery and the end at ~3 min', async () => {
    const { getScenario } = await import('../simulator/server.js');
    const lifecycle = getScenario('lifecycle')!;
    const times = lifecycle.events.map((e) => e.at);
    expect(lifecycle.events.map((e) => ('step' in e ? e.step : e.type))).toEqual([
      'accepted',
      'started',
      'git_sync',
      'streaming',
      'installed',
      'delivery',
      'finished',
    ]);
    expect(times[4]).toBeLessThanOrEqual(15_000);
    expect(times[5]! - times[4]!).toBeGreaterThanOrEqual(150_000);
    expect(lifecycle.end.at).toBe(180_000);
  });
});

/** GET /{path} with a chosen Host header (fetch cannot set one). */
function rawGet(
  s: Simulator,
  path: string,
  host: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const port = Number(new URL(s.url).port);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the www host (proxy.ts buildCanonicalHostRedirectUrl)', () => {
  it('answers www.<canonical host> with 308 to the same path, query and port on the canonical host, before auth', async () => {
    const s = await sim();
    const port = new URL(s.url).port;
    expect([s.canonicalUrl, s.wwwUrl]).toEqual([`http://localhost:${port}`, `http://www.localhost:${port}`]);
    const path = '/api/v1/mogplex/repos?q=acme%2Fweb&limit=5';
    const a = await rawGet(s, path, `www.localhost:${port}`); // no token at all: still the 308
    expect([a.status, a.headers['location'], a.body]).toEqual([308, `http://localhost:${port}${path}`, '']);
    const b = await rawGet(s, path, `WWW.LOCALHOST:${port}`, { authorization: `Bearer ${SIM_TOKEN}` });
    expect([b.status, b.headers['location']]).toEqual([308, `http://localhost:${port}${path}`]);
    const canonical = await rawGet(s, path, `localhost:${port}`, { authorization: `Bearer ${SIM_TOKEN}` });
    expect(canonical.status).toBe(200);
    expect(s.requests.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
      ['GET', '/api/v1/mogplex/repos', { q: 'acme/web', limit: '5' }, 308],
      ['GET', '/api/v1/mogplex/repos', { q: 'acme/web', limit: '5' }, 308],
      ['GET', '/api/v1/mogplex/repos', { q: 'acme/web', limit: '5' }, 200],
    ]);
    expect(s.runs).toEqual([]);
  });

  it('takes the canonical host from options, and redirects POSTs too (308 keeps method and body)', async () => {
    const s = await sim({ canonicalHost: 'mogplex.test' });
    const port = new URL(s.url).port;
    expect((await rawGet(s, '/api/v1/mogplex/runs/x', `www.mogplex.test:${port}`)).headers['location']).toBe(
      `http://mogplex.test:${port}/api/v1/mogplex/runs/x`,
    );
    expect((await rawGet(s, '/api/v1/mogplex/repos', `www.localhost:${port}`, { authorization: `Bearer ${SIM_TOKEN}` })).status).toBe(200);
    const post = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: Number(port),
          method: 'POST',
          path: '/api/v1/mogplex/runs',
          headers: { host: `www.mogplex.test:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ repoId: REPO_WEB_ID, prompt: 'x' }));
    });
    expect(post).toBe(308);
    expect(s.runs).toEqual([]);
  });

  it('accepts an absolute-form target (a client using the simulator as its HTTP proxy)', async () => {
    const s = await sim();
    const port = Number(new URL(s.url).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `GET http://www.localhost:${port}/api/v1/mogplex/repos?q=web HTTP/1.1\r\nHost: www.localhost:${port}\r\nConnection: close\r\n\r\n`,
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 308 /);
    expect(answer).toMatch(new RegExp(`\r\nlocation: http://localhost:${port}/api/v1/mogplex/repos\\?q=web\r\n`, 'i'));
    expect(s.requests.map((r) => [r.path, r.status])).toEqual([['/api/v1/mogplex/repos', 308]]);
  });

  it('reaches www.localhost through http_proxy with @actions/http-client (CONNECT tunnel), as the action would', async () => {
    const s = await sim();
    const saved = process.env['http_proxy'];
    process.env['http_proxy'] = s.url;
    try {
      const client = new HttpClient('sim-test', [], { allowRedirects: false });
      const res = await client.get(`${s.wwwUrl}/api/v1/mogplex/repos?q=acme`, { authorization: `Bearer ${SIM_TOKEN}` });
      await res.readBody();
      expect([res.message.statusCode, res.message.headers['location']]).toEqual([308, `${s.canonicalUrl}/api/v1/mogplex/repos?q=acme`]);
      // localhost is loopback: the client goes there directly, past the proxy.
      const direct = await client.get(`${s.canonicalUrl}/api/v1/mogplex/repos?q=acme`, { authorization: `Bearer ${SIM_TOKEN}` });
      const repos = (JSON.parse(await direct.readBody()) as { data: { repos: Array<{ full_name: string }> } }).data.repos;
      expect(repos.map((r) => r.full_name)).toEqual(['acme/api', 'acme/web', 'acme/web-admin']);
      expect(s.requests.map((r) => [r.headers['host'], r.status])).toEqual([
        [`www.localhost:${new URL(s.url).port}`, 308],
        [`localhost:${new URL(s.url).port}`, 200],
      ]);
    } finally {
      if (saved === undefined) delete process.env['http_proxy'];
      else process.env['http_proxy'] = saved;
    }
  });
});

describe('the newer server (mogplex-api.md, "Since August 2026")', () => {
  /** Reads a whole events stream (it ends after the first finished, failed or cancelled event). */
  async function stream(
    s: Simulator,
    id: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string; frames: string[] }> {
    const res = await fetch(`${s.apiUrl}/runs/${id}/events/stream`, { headers: { authorization: `Bearer ${SIM_TOKEN}`, ...headers } });
    const text = await res.text();
    return { status: res.status, text, frames: text.split('\n\n').filter((f) => f !== '') };
  }
  const idsOf = (frames: string[]): string[] => frames.flatMap((f) => /^id: (\S+)$/m.exec(f)?.[1] ?? []);

  it('lists the latest `limit` events of a run past 200', async () => {
    const s = await sim({ speed: 0.1 });
    const id = String((await start(s, { prompt: '[sim:chatty]' })).json?.data?.['runId']);
    await settled(s, id);
    const all = s.scenarioEvents(id);
    expect(all.length).toBeGreaterThan(1500);
    const page = eventsOf(await call(s, 'GET', `/runs/${id}/events?limit=200`));
    expect(page.map((e) => e['id'])).toEqual(all.slice(-200).map((e) => e.id));
    expect(all.filter((e) => e.type === 'log' && e.payload['kind'] === 'assistant_delta').length).toBeGreaterThan(1000);
    expect(all.find((e) => e.type === 'tool_finished')).toMatchObject({
      message: expect.stringMatching(/ (finished|failed)$/),
      payload: { kind: 'tool' },
    });
  });

  it('streams: a comment, the run, every event as a frame with its id, closed after `finished`; Last-Event-ID resumes', async () => {
    const s = await sim({ speed: 0.2 });
    const id = String((await start(s, { prompt: '[sim:agent]' })).json?.data?.['runId']);
    const whole = await stream(s, id, {});
    expect(whole.status).toBe(200);
    expect(whole.frames[0]).toBe(': connected');
    expect(whole.frames[1]).toMatch(/^event: run\ndata: \{"runId":/);
    const events = s.scenarioEvents(id);
    expect(idsOf(whole.frames)).toEqual(events.map((e) => e.id));
    expect(whole.frames.at(-1)).toMatch(/^id: \S+\nevent: finished\ndata: /);
    const from = events[150]!.id;
    const rest = await stream(s, id, { 'last-event-id': ` ${from} ` });
    expect(idsOf(rest.frames)).toEqual(events.slice(151).map((e) => e.id));
    expect((await stream(s, id, { 'last-event-id': 'nope' })).status).toBe(400);
  });

  it('cuts a stream at the platform limit and on an injected mid-frame drop', async () => {
    const s = await sim({ speed: 1, streamMaxMs: 300 });
    const id = String((await start(s, { prompt: '[sim:endless]' })).json?.data?.['runId']);
    const started = Date.now();
    await expect(stream(s, id)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    const t = await sim({ speed: 0.1 });
    const run = String((await start(t, { prompt: '[sim:agent]' })).json?.data?.['runId']);
    await settled(t, run);
    t.addFault({ match: { path: /\/events\/stream$/ }, action: { cutStream: { afterEvents: 5, midFrame: true } } });
    await expect(stream(t, run)).rejects.toThrow();
  });

  it('awaiting_input: the pass ends with `finished`, no event marks the pause, a resume is a new agent call', async () => {
    const s = await sim({ speed: 1 });
    const a = await start(s, { prompt: '[sim:checkpoint]' });
    const id = String(a.json?.data?.['runId']);
    const first = await stream(s, id);
    expect(first.frames.at(-1)).toMatch(/event: finished/);
    const lastOfFirst = idsOf(first.frames).at(-1)!;
    await sleep(400);
    const paused = runOf(await call(s, 'GET', `/runs/${id}`));
    expect(paused['status']).toBe('awaiting_input');
    expect(paused['aiCallId']).toBe(a.json?.data?.['aiCallId']);
    await sleep(3600);
    const resumed = runOf(await call(s, 'GET', `/runs/${id}`));
    expect(resumed['status']).toBe('streaming');
    expect(resumed['aiCallId']).not.toBe(paused['aiCallId']);
    expect(resumed['sandboxRecordId']).not.toBe(paused['sandboxRecordId']);
    expect((await stream(s, id, { 'last-event-id': lastOfFirst })).status).toBe(400);
    const second = eventsOf(await call(s, 'GET', `/runs/${id}/events?limit=200`));
    expect(second.map((e) => e['id'])).not.toContain(lastOfFirst);
    const done = await settled(s, id);
    expect(done.status).toBe('success');
    expect(runOf(await call(s, 'GET', `/runs/${id}`))['terminalCommitSha']).toMatch(/^[0-9a-f]{40}$/);
  });

  it('cancelling a paused run: cancelled at once, no event written', async () => {
    const s = await sim({ speed: 0.2 });
    const id = String((await start(s, { prompt: '[sim:waiting]' })).json?.data?.['runId']);
    await sleep(800);
    expect(s.getRun(id)?.status).toBe('awaiting_input');
    const before = s.scenarioEvents(id).length;
    const answer = await call(s, 'POST', `/runs/${id}/cancel`, { body: {} });
    expect(answer.json?.data).toMatchObject({ status: 'cancelled', alreadyTerminal: false });
    expect(s.scenarioEvents(id)).toHaveLength(before);
  });

  it('validates modes (any case; legacy ones exact) and the mogplex harness rules; refuses keys limited to automations', async () => {
    const s = await sim();
    expect((await start(s, { mode: 'safe' })).json?.data?.['mode']).toBe('SAFE');
    expect((await start(s, { mode: 'fast' })).json?.error?.message).toBe('mode must be one of SAFE, AUTO, YOLO (got "fast")');
    expect((await start(s, { mode: 0 })).json?.error?.message).toBe('mode must be one of SAFE, AUTO, YOLO (got 0)');
    expect((await start(s, { mode: 'Single' })).status).toBe(400);
    expect((await start(s, { mode: 'single' })).status).toBe(202);
    expect((await start(s, { harness: 'mogplex', mode: 'AUTO' })).json?.error?.message).toBe(
      'CLI execution modes are not supported by the Mogplex harness',
    );
    const mogplex = await start(s, { harness: 'mogplex' });
    expect(mogplex.status).toBe(202);
    expect(mogplex.json?.data?.['branch']).toMatchObject({ createBranch: true, working: expect.stringMatching(/^mogplex\/external\//) });
    expect((await start(s, { harness: 'mogplex', createBranch: false })).json?.error?.message).toBe(
      'Mogplex runs require an isolated working branch',
    );
    const refused = await start(s, {}, 'k', SIM_AUTOMATION_TOKEN);
    expect(refused.status).toBe(403);
    expect(refused.json?.error).toMatchObject({ code: 'AUTOMATION_REQUIRED', message: expect.stringContaining('Automations only') });
  });

  it('the August server has no stream route (an HTML 404), no mogplex harness and free-form modes', async () => {
    const s = await sim({ server: 'august' });
    const id = String((await start(s, { mode: 'whatever' })).json?.data?.['runId']);
    // Before any handler: an unknown token gets the page too.
    const res = await fetch(`${s.apiUrl}/runs/${id}/events/stream`, {
      headers: { authorization: 'Bearer mog_unknown' },
      redirect: 'manual',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await start(s, { harness: 'mogplex' })).json?.error?.message).toBe('Invalid harness');
    expect(runOf(await call(s, 'GET', `/runs/${id}`))).not.toHaveProperty('terminalCommitSha');
  });
});
