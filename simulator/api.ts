// The /api/v1/mogplex routes. Check order follows the real route handlers:
// auth -> per-token rate limit -> scope -> route-specific validation.
import { getScenario, scenarioFromPrompt, scenarioNames } from './scenarios.js';
import { fail, nextNotFound, ok, type Reply } from './http.js';
import { presentEvent, presentRun, segmentEvents, type RunStore } from './runs.js';
import type { RepoGit } from './git.js';
import type { RunStartLimiter, SlidingWindow } from './limits.js';
import type { AutomationStore } from './automations.js';
import { normalizeStartRequest, optionalString, StartRequestError } from './validate.js';
import type { JsonObject, JsonValue, RepoRecord, Scope, ServerVersion } from './types.js';

export interface ApiContext {
  tokens: Record<string, Scope[]>;
  repos: RepoRecord[];
  /** Each repo's branches and pull requests, by repo id. */
  git: ReadonlyMap<string, RepoGit>;
  store: RunStore;
  defaultScenario: string;
  rateLimiter: SlidingWindow | null;
  rateLimitRetryAfter: number;
  startLimiter: RunStartLimiter | null;
  cancelShape: 'current' | 'legacy';
  server: ServerVersion;
  /** Keys set to "Automations only" (newer server). */
  automationOnly: ReadonlySet<string>;
  /** Files under .mogplex/artifacts/ of every successful run on its own branch, by file name. */
  artifacts: Readonly<Record<string, JsonValue | { raw: string }>>;
  automations: AutomationStore;
}

export interface ApiRequest {
  method: string;
  /** Path after /api/v1/mogplex, e.g. /runs/abc/events. */
  subPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

type Handler = (ctx: ApiContext, req: ApiRequest, token: string, params: string[], now: number) => Reply;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, { scope: Scope; handler: Handler }>>;
}

const AUGUST_ROUTES: Route[] = [
  { pattern: /^\/repos$/, methods: { GET: { scope: 'read', handler: listRepos } } },
  { pattern: /^\/runs$/, methods: { POST: { scope: 'write', handler: startRun } } },
  { pattern: /^\/runs\/([^/]+)$/, methods: { GET: { scope: 'read', handler: getRun } } },
  { pattern: /^\/runs\/([^/]+)\/events$/, methods: { GET: { scope: 'read', handler: listEvents } } },
  { pattern: /^\/runs\/([^/]+)\/cancel$/, methods: { POST: { scope: 'write', handler: cancelRun } } },
];
// The stream route authenticates like the others and has no scope check (a GET, like the others: read).
const NEWER_ROUTES: Route[] = [
  ...AUGUST_ROUTES,
  { pattern: /^\/runs\/([^/]+)\/events\/stream$/, methods: { GET: { scope: 'read', handler: streamEvents } } },
  { pattern: /^\/runs\/([^/]+)\/artifact$/, methods: { GET: { scope: 'read', handler: readArtifact } } },
  {
    pattern: /^\/automations\/([^/]+)\/trigger$/,
    methods: {
      POST: {
        scope: 'write',
        handler: (ctx, req, token, params, now) =>
          ctx.automations.trigger(token, params[0] ?? '', optionalString(req.headers['idempotency-key']), req.body, now),
      },
    },
  },
  {
    pattern: /^\/automations\/([^/]+)\/runs\/([^/]+)$/,
    methods: {
      GET: {
        scope: 'read',
        handler: (ctx, _req, token, params, now) => ctx.automations.detail(token, params[0] ?? '', params[1] ?? '', now),
      },
    },
  },
  {
    pattern: /^\/automations\/([^/]+)\/runs\/([^/]+)\/cancel$/,
    methods: {
      POST: {
        scope: 'write',
        handler: (ctx, _req, token, params, now) => ctx.automations.cancel(token, params[0] ?? '', params[1] ?? '', now),
      },
    },
  },
];
const ROUTES: Record<ServerVersion, Route[]> = { august: AUGUST_ROUTES, newer: NEWER_ROUTES };

export function handleApi(ctx: ApiContext, req: ApiRequest, now = Date.now()): Reply {
  const route = ROUTES[ctx.server].find((r) => r.pattern.test(req.subPath));
  // No route: Next.js answers its HTML 404 page before any handler runs.
  if (!route) return nextNotFound();
  const entry = route.methods[req.method];
  if (!entry) {
    // Next.js answers an unsupported method with an empty 405.
    return { status: 405, headers: { allow: Object.keys(route.methods).join(', ') }, body: '' };
  }
  const params = (route.pattern.exec(req.subPath) ?? []).slice(1).map(safeDecode);

  const authorization = req.headers['authorization'] ?? '';
  const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
  const scopes = token ? ctx.tokens[token] : undefined;
  if (!scopes) {
    return fail(401, 'UNAUTHORIZED', 'Unauthorized', { 'www-authenticate': 'Bearer realm="mogplex"' });
  }
  if (ctx.rateLimiter && !ctx.rateLimiter.take(token, now).allowed) {
    const retry = String(ctx.rateLimitRetryAfter);
    return fail(429, 'RATE_LIMITED', `Rate limit exceeded. Retry after ${retry}s.`, { 'retry-after': retry });
  }
  if (!scopes.includes(entry.scope)) {
    return fail(
      403,
      'FORBIDDEN',
      `Missing required scope: ${entry.scope}. Issue a new token with the '${entry.scope}' scope at /settings/api-keys.`,
    );
  }
  return entry.handler(ctx, req, token, params, now);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes simply match no run
  }
}

/** `limit` in 1..200, default 100; anything else is a 400 (null result). */
function parseLimit(value: string | null): number | null {
  if (value === null || value.trim() === '') return 100;
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= 200 ? n : null;
}

function listRepos(ctx: ApiContext, req: ApiRequest): Reply {
  const limit = parseLimit(req.query.get('limit'));
  if (limit === null) return fail(400, 'BAD_REQUEST', 'limit must be an integer from 1 to 200');
  const q = optionalString(req.query.get('q'))?.toLowerCase() ?? null;
  const id = optionalString(req.query.get('id'));
  const repos = ctx.repos
    .filter((r) => (id ? r.id === id : q ? r.full_name.toLowerCase().includes(q) : true))
    .sort((a, b) => a.full_name.localeCompare(b.full_name))
    .slice(0, limit);
  return ok({ repos });
}

const AUTOMATION_ONLY_MESSAGE =
  'This Mogplex API key is set to Automations only, so it can start work only through a configured automation. Call POST /api/v1/mogplex/automations/{automationId}/trigger for an enabled automation with an API trigger, or change the key to Full access in Settings → Mogplex Keys.';

function startRun(ctx: ApiContext, req: ApiRequest, token: string, _params: string[], now: number): Reply {
  // requireFullAccessKey (credential-boundary.ts) runs after the scope check, before anything else.
  if (ctx.server === 'newer' && ctx.automationOnly.has(token)) return fail(403, 'AUTOMATION_REQUIRED', AUTOMATION_ONLY_MESSAGE);
  const key = optionalString(req.headers['idempotency-key']);
  if (!key) return fail(400, 'BAD_REQUEST', 'Idempotency-Key is required');
  if (key.length > 200) return fail(400, 'BAD_REQUEST', 'Idempotency-Key exceeds maximum length of 200 characters');

  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    return fail(400, 'BAD_REQUEST', 'Invalid JSON body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(400, 'BAD_REQUEST', 'Invalid JSON body');
  }
  const body = parsed as JsonObject;

  // As on the server, the run-start budget is claimed before validation and
  // before the replay check, so retries and invalid starts spend it too.
  if (ctx.startLimiter) {
    const decision = ctx.startLimiter.take(token, now);
    if (!decision.allowed) {
      return fail(429, 'RATE_LIMITED', decision.error, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
  }

  let result: ReturnType<typeof normalizeStartRequest>;
  try {
    result = normalizeStartRequest(body, key, (id) => ctx.repos.find((r) => r.id === id), ctx.server);
  } catch (error) {
    if (error instanceof StartRequestError) return fail(error.status, error.code, error.message);
    throw error;
  }

  const existing = ctx.store.findByKey(token, key, now);
  if (existing) {
    if (existing.requestHash !== result.requestHash) {
      return fail(409, 'IDEMPOTENCY_CONFLICT', 'Idempotency key already used for a different request');
    }
    return ok({ ...presentRun(existing, ctx.server), replayed: true }, 202);
  }

  const scenarioName = scenarioFromPrompt(result.normalized.prompt) ?? ctx.defaultScenario;
  const scenario = getScenario(scenarioName);
  if (!scenario) {
    return fail(400, 'BAD_REQUEST', `Unknown simulator scenario '${scenarioName}' (known: ${scenarioNames().join(', ')})`);
  }
  const git = ctx.git.get(result.normalized.repoId);
  if (!git) throw new Error(`simulator: no git state for repo ${result.normalized.repoId}`);
  const run = ctx.store.create({ token, key, request: body, ...result, scenario, git }, now);
  return ok({ ...presentRun(run, ctx.server), replayed: false }, 202);
}

function getRun(ctx: ApiContext, _req: ApiRequest, token: string, params: string[], now: number): Reply {
  const run = ctx.store.get(params[0] ?? '', token, now);
  if (!run) return fail(404, 'NOT_FOUND', 'Run not found');
  return ok({ run: presentRun(run, ctx.server) });
}

function listEvents(ctx: ApiContext, req: ApiRequest, token: string, params: string[], now: number): Reply {
  const limit = parseLimit(req.query.get('limit'));
  if (limit === null) return fail(400, 'BAD_REQUEST', 'limit must be an integer from 1 to 200');
  const run = ctx.store.get(params[0] ?? '', token, now);
  if (!run) return fail(404, 'NOT_FOUND', 'Run not found');
  // Oldest first, no cursor. The August server lists the first `limit`; the
  // newer one the latest `limit` of the current agent call (run-control.ts).
  const events = ctx.server === 'august' ? run.events.slice(0, limit) : segmentEvents(run).slice(-limit);
  return ok({ run: presentRun(run, ctx.server), events: events.map(presentEvent) });
}

/**
 * GET /runs/{id}/events/stream (newer server): checks here, the frames in
 * server.ts. Without Last-Event-ID the latest `limit` events, with it every
 * event after that one; an id outside the run's current agent call is a 400.
 */
function streamEvents(ctx: ApiContext, req: ApiRequest, token: string, params: string[], now: number): Reply {
  const limit = parseLimit(req.query.get('limit'));
  if (limit === null) return fail(400, 'BAD_REQUEST', 'limit must be an integer from 1 to 200');
  const run = ctx.store.get(params[0] ?? '', token, now);
  if (!run) return fail(404, 'NOT_FOUND', 'Run not found');
  const segment = segmentEvents(run);
  const lastId = optionalString(req.headers['last-event-id']);
  let replay = segment.slice(-limit);
  if (lastId !== null) {
    const at = segment.findIndex((event) => event.id === lastId);
    if (at < 0) return fail(400, 'BAD_REQUEST', 'Last-Event-ID does not belong to this run');
    replay = segment.slice(at + 1);
  }
  return {
    status: 200,
    headers: {},
    body: '',
    stream: { runId: run.id, token, run: presentRun(run, ctx.server), aiCallId: run.aiCallId, liveFrom: run.events.length, replay },
  };
}

function cancelRun(ctx: ApiContext, _req: ApiRequest, token: string, params: string[], now: number): Reply {
  const result = ctx.store.cancel(params[0] ?? '', token, now);
  if (!result) return fail(404, 'NOT_FOUND', 'Run not found');
  const run = presentRun(result.run, ctx.server);
  if (ctx.cancelShape === 'legacy') {
    return ok({ run, status: result.alreadyTerminal ? 'already_terminal' : 'cancellation_requested' });
  }
  return ok({ run, status: result.run.status, alreadyTerminal: result.alreadyTerminal });
}

const ARTIFACT_PATH = /^\.mogplex\/artifacts\/[a-zA-Z0-9][a-zA-Z0-9_-]*\.json$/;
const MAX_ARTIFACT_BYTES = 1024 * 1024;

/**
 * GET /runs/{id}/artifact?path= (newer server; app/api/v1/mogplex/runs/[runId]/artifact/route.ts,
 * lib/mogplex-api/run-artifacts.ts): a JSON file the run committed, parsed; only for a successful
 * run on its own branch.
 */
function readArtifact(ctx: ApiContext, req: ApiRequest, token: string, params: string[], now: number): Reply {
  const path = req.query.get('path') ?? '';
  if (path.length > 240 || !ARTIFACT_PATH.test(path)) return fail(400, 'BAD_REQUEST', 'Use a JSON file in .mogplex/artifacts');
  const run = ctx.store.get(params[0] ?? '', token, now);
  if (!run) return fail(404, 'NOT_FOUND', 'Run not found');
  const ownBranch = run.normalized.createBranch && run.normalized.workingBranch !== run.normalized.baseBranch;
  if (run.status !== 'success' || !ownBranch) return fail(409, 'CONFLICT', 'Artifacts require a successful run on its own branch');
  const file = ctx.artifacts[path.slice('.mogplex/artifacts/'.length)];
  if (file === undefined) return fail(404, 'NOT_FOUND', 'Committed artifact not found');
  const raw =
    typeof file === 'object' && file !== null && !Array.isArray(file) && typeof file.raw === 'string' ? file.raw : JSON.stringify(file);
  if (Buffer.byteLength(raw) > MAX_ARTIFACT_BYTES) return fail(400, 'BAD_REQUEST', 'Artifact exceeds 1 MiB');
  let content: JsonValue;
  try {
    content = JSON.parse(raw) as JsonValue;
  } catch {
    return fail(400, 'BAD_REQUEST', 'Artifact is not valid JSON');
  }
  const response = ok({
    artifact: {
      runId: run.id,
      repoId: run.normalized.repoId,
      path,
      branch: run.normalized.workingBranch,
      commitSha: run.terminalCommitSha,
      content,
      pinned: run.terminalCommitSha !== null,
    },
  });
  return { ...response, headers: { ...response.headers, 'cache-control': 'private, no-store' } };
}
