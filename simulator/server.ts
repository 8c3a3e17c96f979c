// A local stand-in for the Mogplex v1 API (see /work/shared/mogplex-api.md):
// a real HTTP server on 127.0.0.1 with scripted run timelines, the server's
// limits, and request-keyed fault injection.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleApi, type ApiContext } from './api.js';
import { handleControl } from './control.js';
import { answersWithoutProcessing, FaultBook, sendEndless } from './faults.js';
import { RepoGit } from './git.js';
import { BodyTooLargeError, fail, faultReply, garbled, nextNotFound, readBody, type Reply, type StreamPlan } from './http.js';
import { RunStartLimiter, SlidingWindow } from './limits.js';
import { middleware, requestedUrl } from './middleware.js';
import { presentEvent, RunStore } from './runs.js';
import { AutomationStore, type SimAutomation } from './automations.js';
import { getScenario, scenarioNames } from './scenarios.js';
import type {
  FaultAction,
  FaultRule,
  RecordedRequest,
  RepoGitState,
  RepoRecord,
  Scope,
  Simulator,
  SimulatorOptions,
  SimEvent,
  SimRun,
} from './types.js';

export type * from './types.js';
export type { SimAutomation, AutomationInputField } from './automations.js';
export { SCENARIOS, getScenario, scenarioNames } from './scenarios.js';

export const API_BASE = '/api/v1/mogplex';
export const SIM_TOKEN = 'mog_sim_token';
export const SIM_READONLY_TOKEN = 'mog_sim_readonly';
/** A key set to "Automations only" (newer server): POST /runs answers 403 AUTOMATION_REQUIRED. */
export const SIM_AUTOMATION_TOKEN = 'mog_sim_automations';
export const REPO_WEB_ID = '8f3a2b1c-1234-4abc-9def-1234567890ab';
export const REPO_WEB_ADMIN_ID = '3b9d6c2e-5a41-4f0e-8c7b-2d1e0f9a8b7c';
export const REPO_API_ID = 'c4e8a1f2-7b3d-4e96-a5c0-9f8e7d6c5b4a';

export const DEFAULT_TOKENS: Readonly<Record<string, Scope[]>> = {
  [SIM_TOKEN]: ['read', 'write'],
  [SIM_READONLY_TOKEN]: ['read'],
  [SIM_AUTOMATION_TOKEN]: ['read', 'write'],
};

/** An automation with an API trigger on acme/web: a `ticket` (required) and `dry_run` input. */
export const AUTOMATION_ID = '5d1c9a7e-2f4b-4c8d-9e6a-0b1c2d3e4f50';
export const DEFAULT_AUTOMATIONS: readonly SimAutomation[] = [
  {
    id: AUTOMATION_ID,
    trigger: 'api',
    state: 'published',
    repos: [REPO_WEB_ID],
    inputs: [
      { key: 'ticket', type: 'string', required: true, maxLength: 200 },
      { key: 'dry_run', type: 'boolean' },
    ],
    scenario: 'agent',
  },
];

/** The platform ends the stream function after this long (`maxDuration = 800`). */
export const STREAM_MAX_MS = 800_000;
/** How often a stream looks for new events (the server's Postgres listener is push; this is near enough). */
const STREAM_TICK_MS = 20;

export const DEFAULT_REPOS: readonly RepoRecord[] = [
  { id: REPO_WEB_ID, full_name: 'acme/web', installation_id: 48213907, default_branch: 'main', root_directory: null },
  { id: REPO_WEB_ADMIN_ID, full_name: 'acme/web-admin', installation_id: 48213907, default_branch: 'main', root_directory: null },
  { id: REPO_API_ID, full_name: 'acme/api', installation_id: 48213907, default_branch: 'main', root_directory: null },
];

/** acme/web has a pull request open from feature/login; the others only their default branch. */
export const DEFAULT_REPO_GIT: Readonly<Record<string, RepoGitState>> = {
  'acme/web': {
    branches: ['main', 'feature/login'],
    pullRequests: [{ number: 42, head: 'feature/login', base: 'main', state: 'open' }],
  },
};

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  const defaultScenario = options.scenario ?? 'success';
  if (!getScenario(defaultScenario)) {
    throw new Error(`unknown scenario '${defaultScenario}' (known: ${scenarioNames().join(', ')})`);
  }
  const rateLimit = options.rateLimit === undefined ? { limit: 60, windowMs: 60_000 } : options.rateLimit;
  const startLimit = options.runStartLimit === undefined ? { perMinute: 10 } : options.runStartLimit;

  const canonicalHost = (options.canonicalHost ?? 'localhost').toLowerCase();
  const store = new RunStore(speed, options.cancelDelayMs ?? 300);
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  const repos = options.repos ?? [...DEFAULT_REPOS];
  const repoGit = options.repoGit ?? DEFAULT_REPO_GIT;
  const git = new Map(repos.map((r) => [r.id, new RepoGit(r.full_name, r.default_branch ?? 'main', repoGit[r.full_name])]));
  const automationOnly = new Set(options.automationOnlyTokens ?? [SIM_AUTOMATION_TOKEN]);
  const ctx: ApiContext = {
    tokens: options.tokens ?? { ...DEFAULT_TOKENS },
    repos,
    git,
    store,
    defaultScenario,
    rateLimiter: rateLimit ? new SlidingWindow(rateLimit.limit, rateLimit.windowMs) : null,
    rateLimitRetryAfter: rateLimit ? Math.ceil(rateLimit.windowMs / 1000) : 60,
    startLimiter: startLimit
      ? new RunStartLimiter({
          perMinute: startLimit.perMinute,
          minuteMs: startLimit.windowMs ?? 60_000,
          perHour: startLimit.perHour ?? 30,
          perDay: startLimit.perDay ?? 150,
        })
      : null,
    cancelShape: options.cancelShape ?? 'current',
    server: options.server ?? 'newer',
    automationOnly,
    artifacts: options.artifacts ?? {},
    automations: new AutomationStore(options.automations ?? [...DEFAULT_AUTOMATIONS], store, repos, git, automationOnly),
  };
  const streamMaxMs = options.streamMaxMs ?? STREAM_MAX_MS;

  // Fault delays are the only timers; close() cuts them short.
  let closed = false;
  const sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          sleepers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      sleepers.add(sleeper);
    });

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Absolute-form targets (`GET http://www.localhost:PORT/...`) come from clients using us as their proxy.
    const url = requestedUrl(req.url ?? '/', req.headers.host);
    const method = (req.method ?? 'GET').toUpperCase();

    if (url.pathname.startsWith('/_sim/')) {
      const body = await readBody(req, MAX_BODY_BYTES);
      send(res, handleControl({ requests: () => requests, runs: () => store.all(), faults }, method, url.pathname, body));
      return;
    }

    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      body: '',
      at: Date.now(),
      status: 0,
      faulted: false,
    };
    requests.push(record);

    try {
      record.body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) answer(res, record, fail(413, 'BAD_REQUEST', 'Request body too large'));
      else req.socket.destroy();
      return;
    }

    const inApi = url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`);
    const subPath = url.pathname.slice(API_BASE.length) || '/';
    const fault = inApi ? faults.take(method, subPath) : undefined;
    if (fault) {
      record.faulted = true;
      if (fault.delayMs && fault.delayMs > 0) await sleep(fault.delayMs);
      if (closed) return;
      if (fault.destroy === 'before') return drop(req, record);
      if (fault.endless) return endless(res, record);
      if (answersWithoutProcessing(fault)) return answer(res, record, faultReply(fault.status, fault.body, lowerKeys(fault.headers ?? {})));
    }

    let reply: Reply =
      middleware({ url, headers: record.headers }, API_BASE, canonicalHost) ??
      (inApi ? handleApi(ctx, { method, subPath, query: url.searchParams, headers: record.headers, body: record.body }) : nextNotFound());
    if (fault?.headers) reply = { ...reply, headers: { ...reply.headers, ...lowerKeys(fault.headers) } };
    if (fault?.rewrite) reply = { ...reply, body: fault.rewrite(reply.body) };
    if (fault?.garble) reply = garbled(reply, fault.status);
    if (fault?.destroy === 'after') return drop(req, record);
    if (reply.stream) {
      record.status = 200;
      streams.add(sendStream(res, reply.stream, fault?.cutStream));
      return;
    }
    answer(res, record, reply);
  }

  const streams = new Set<() => void>();
  /** Writes a server-sent events answer as the stream route does; returns its stopper. */
  function sendStream(res: ServerResponse, plan: StreamPlan, cut: FaultAction['cutStream']): () => void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' });
    res.write(': connected\n\n');
    res.write(`event: run\ndata: ${JSON.stringify(plan.run)}\n\n`);
    const seen = new Set<string>();
    let frames = 0;
    let next = plan.liveFrom;
    const stop = (): void => {
      clearInterval(ticker);
      clearTimeout(limit);
      streams.delete(stop);
    };
    const kill = (): void => {
      stop();
      res.socket?.destroy();
    };
    // The platform ends the function whatever it is doing: the client sees the connection end.
    const limit = setTimeout(kill, streamMaxMs);
    /** Sends one event; true once the stream is over. */
    const send = (event: SimEvent): boolean => {
      if (seen.has(event.id)) return false;
      seen.add(event.id);
      const frame = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(presentEvent(event))}\n\n`;
      if (cut && frames >= cut.afterEvents) {
        // What was written before the cut reaches the client; then the connection drops.
        stop();
        res.write(cut.midFrame ? frame.slice(0, Math.floor(frame.length / 2)) : '', () => res.socket?.destroy());
        return true;
      }
      frames += 1;
      res.write(frame);
      // The route closes after the first finished, failed or cancelled event.
      if (event.type === 'finished' || event.type === 'failed' || event.type === 'cancelled') {
        stop();
        res.end();
        return true;
      }
      return false;
    };
    // Live events of the agent call it listens to (a stream opened before a resume stays silent).
    const ticker = setInterval(() => {
      if (res.destroyed) return stop();
      const run = store.get(plan.runId);
      if (!run) return;
      for (; next < run.events.length; next += 1) {
        const event = run.events[next];
        if (event && event.aiCallId === plan.aiCallId && send(event)) return;
      }
    }, STREAM_TICK_MS);
    for (const event of plan.replay) if (send(event)) return stop;
    res.on('close', stop);
    return stop;
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      send(res, fail(500, 'INTERNAL_ERROR', error instanceof Error ? error.message : 'Simulator error'));
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // As a proxy for itself: a client with http_proxy pointing here (the way
  // @actions/http-client tunnels) reaches names like www.localhost that do
  // not resolve. CONNECT to this port under any name is served by this server.
  let port = 0;
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = /^\[?([^\]]*)\]?:(\d+)$/.exec(req.url ?? '');
    if (!target || Number(target[2]) !== port) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    server.emit('connection', socket);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator did not bind a TCP port');
  port = address.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url,
    apiUrl: `${url}${API_BASE}`,
    canonicalUrl: `http://${canonicalHost}:${port}`,
    wwwUrl: `http://www.${canonicalHost}:${port}`,
    requests,
    get runs(): SimRun[] {
      return store.all();
    },
    addFault(rule: FaultRule): void {
      faults.add(rule);
    },
    clearFaults(): void {
      faults.clear();
    },
    scenarioEvents(runId: string): SimEvent[] {
      return store.get(runId)?.events.slice() ?? [];
    },
    getRun(runId: string): SimRun | undefined {
      return store.get(runId);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const sleeper of sleepers) {
        clearTimeout(sleeper.timer);
        sleeper.wake();
      }
      sleepers.clear();
      for (const stop of [...streams]) stop();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await done;
    },
  };
}

function answer(res: ServerResponse, record: RecordedRequest, reply: Reply): void {
  record.status = reply.status;
  send(res, reply);
}

function endless(res: ServerResponse, record: RecordedRequest): void {
  record.status = 200;
  sendEndless(res);
}

function drop(req: IncomingMessage, record: RecordedRequest): void {
  record.status = 0;
  req.socket.destroy();
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
