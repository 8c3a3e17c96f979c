import type { RequestBudget } from './budget.js';
import { ApiError, TransportError } from './errors.js';
import { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, nextDelay, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from './retry.js';
import {
  parseArtifact,
  parseAutomationJob,
  parseAutomationTriggered,
  parseCancel,
  parseErrorBody,
  parseEventsPage,
  parseRepos,
  parseRunEnvelope,
  parseEvent,
  parseRunDetail,
  parseStartedRun,
  ParseError,
  successData,
  type Artifact,
  type AutomationJob,
  type AutomationTriggered,
  type CancelResult,
  type EventsPage,
  type Repo,
  type RunDetail,
  type RunEvent,
  type StartedRun,
} from './schema.js';
import { judgeRedirect } from './redirect.js';
import { MAX_ANSWER_BYTES, openStream, send, type HttpAnswer, type HttpRequest, type StreamAnswer, type StreamEnd } from './transport.js';

/** A whole frame of the events stream. */
export type StreamFrame = { kind: 'run'; run: RunDetail } | { kind: 'event'; event: RunEvent } | { kind: 'garbled'; reason: string };
import { sleep } from '../plumbing/sleep.js';

/** The body of POST /runs, as the API names its fields. */
export interface StartRunRequest {
  repoId: string;
  prompt: string;
  harness: string;
  baseBranch?: string;
  workingBranch?: string;
  createBranch?: boolean;
  rootDirectory?: string;
  mode?: string;
}

export interface ClientOptions {
  /** The origin (and any path prefix) the API lives under; /api/v1/mogplex is appended. */
  apiUrl: string;
  token: string;
  budget: RequestBudget;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Request timing lines for debug logging; never given headers or bodies, but may hold API error text (untrusted). */
  debug?: (line: string) => void;
  transport?: (request: HttpRequest) => Promise<HttpAnswer>;
  /** Opens a server-sent events stream (default: `openStream`). */
  streamTransport?: (request: HttpRequest, onChunk: (text: string) => void) => Promise<StreamAnswer>;
  /** Cuts secrets out of untrusted text as it comes in (answers, redirect targets); default: none. */
  redact?: (text: string) => string;
  /** Same, for a parsed answer, in place. */
  redactJson?: (value: unknown) => unknown;
  /** The API answered from another origin (www. moved to the apex, or back): said once, remembered for later calls. */
  onMoved?: (from: string, to: string) => void;
}

/** An answer about another run than the one asked about is garbled: it must not take over the followed run. */
function sameRun<T extends { runId: string }>(asked: string, answer: T): T {
  if (answer.runId !== asked) throw new ParseError(`the answer is about run ${answer.runId}, not ${asked}`);
  return answer;
}

/** At most this many redirects per request; Mogplex's own takes one. */
const MAX_REDIRECTS = 2;

interface CallOptions<T> {
  method: 'GET' | 'POST';
  path: string;
  operation: string;
  parse: (data: unknown) => T;
  body?: string;
  headers?: Record<string, string>;
  /** Skip the budget and retries: used for the cancel on a signal, which cannot wait. */
  urgent?: boolean;
  /** One attempt, no retries: the follower paces its own next try. */
  once?: boolean;
  /** The answer is `{ ok: true, ... }` without `data` (the automation cancel route): `parse` gets the whole body. */
  bare?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The answer was a redirect the client may follow: the API lives under `apiUrl` now. */
class Moved {
  constructor(readonly apiUrl: string) {}
}

/** Errors worth another attempt keep their outcome so the policy can decide. */
class AttemptFailure extends Error {
  constructor(
    readonly outcome: AttemptOutcome,
    readonly error: ApiError | TransportError,
  ) {
    super(error.message);
  }
}

/** The events stream route is not there: the server predates it (Next.js's HTML 404, not the route's JSON one). */
export class NoStreamRoute extends Error {
  override name = 'NoStreamRoute';
  constructor() {
    super('this Mogplex server has no events stream route');
  }
}

/** The run-start quota's 429 (lib/request-limits), which says nothing about the token's 60 requests a minute. */
function isStartQuota(error: ApiError): boolean {
  return /External Mogplex run|Daily external Mogplex run/i.test(error.detail);
}

/** The Mogplex v1 API: one method per route, one retry policy and budget for all. */
export class MogplexClient {
  private apiUrl: string;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly transport: (request: HttpRequest) => Promise<HttpAnswer>;
  private readonly streamTransport: (request: HttpRequest, onChunk: (text: string) => void) => Promise<StreamAnswer>;

  constructor(private readonly options: ClientOptions) {
    this.apiUrl = options.apiUrl;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.transport = options.transport ?? send;
    this.streamTransport = options.streamTransport ?? openStream;
  }

  /** Repos whose `owner/name` holds `query` (case-insensitive), or the one with id `{ id }`. */
  findRepos(query: string | { id: string }, signal?: AbortSignal): Promise<Repo[]> {
    const params = new URLSearchParams(typeof query === 'string' ? { q: query, limit: '200' } : { id: query.id });
    return this.call({ method: 'GET', path: `/repos?${params.toString()}`, operation: 'repo lookup', parse: parseRepos, signal });
  }

  /** Safe to retry: the same key and the very same body make a lost answer come back as a replay. */
  startRun(request: StartRunRequest, idempotencyKey: string, signal?: AbortSignal): Promise<StartedRun> {
    return this.sendStart(JSON.stringify(request), idempotencyKey, { ...(signal && { signal }) });
  }

  /** POST /runs with a body as it was first sent (byte for byte): finds the run that request started. */
  sendStart(
    body: string,
    idempotencyKey: string,
    options: { signal?: AbortSignal; urgent?: boolean; timeoutMs?: number },
  ): Promise<StartedRun> {
    return this.call({
      method: 'POST',
      path: '/runs',
      operation: 'start run',
      parse: parseStartedRun,
      body,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      ...options,
    });
  }

  /** `once`: a single attempt (the follower retries at its own pace). */
  getRun(runId: string, signal?: AbortSignal, once = false): Promise<RunDetail> {
    return this.call({
      method: 'GET',
      path: `/runs/${encodeURIComponent(runId)}`,
      operation: 'run status',
      parse: (data) => sameRun(runId, parseRunEnvelope(data)),
      signal,
      once,
    });
  }

  /**
   * The run and `limit` of its events, oldest first, no cursor: the August
   * server lists the first `limit`, the newer one the latest. A page about
   * another run, or longer than asked for, is garbled.
   */
  listEvents(runId: string, limit: number, signal?: AbortSignal, once = false): Promise<EventsPage> {
    return this.call({
      method: 'GET',
      path: `/runs/${encodeURIComponent(runId)}/events?limit=${limit}`,
      operation: 'run events',
      parse: (data) => {
        const page = parseEventsPage(data, limit);
        sameRun(runId, page.run);
        return page;
      },
      signal,
      once,
    });
  }

  /**
   * GET /runs/{id}/events/stream: one attempt, one request against the
   * budget however long it stays open. Each whole frame goes to `onFrame`,
   * parsed and with secrets cut out like any answer (a frame cut mid-way is
   * never dispatched, so its id is never taken), until the server closes the
   * stream, it drops, or the signal aborts (which rejects). Throws
   * NoStreamRoute for a server without the route, ApiError for an error answer.
   */
  async streamEvents(
    runId: string,
    options: { lastEventId?: string; signal: AbortSignal; onFrame: (frame: StreamFrame) => void },
  ): Promise<StreamEnd> {
    const operation = 'run events stream';
    const path = `/runs/${encodeURIComponent(runId)}/events/stream`;
    // Without Last-Event-ID the stream starts with the latest `limit` events: as many as it gives.
    const query = '?limit=200';
    // Loaded on the path that reads a stream only, so start-up stays at its floor.
    const { createParser } = await import('eventsource-parser');
    const parser = createParser({
      maxBufferSize: MAX_ANSWER_BYTES,
      onEvent: (message) => options.onFrame(this.frame(runId, message.event, message.data)),
      onError: (error) => options.onFrame({ kind: 'garbled', reason: error.message }),
    });
    const slot = await this.options.budget.acquire(options.signal);
    let answer: StreamAnswer;
    try {
      answer = await this.streamTransport(
        {
          method: 'GET',
          url: `${this.apiUrl}/api/v1/mogplex${path}${query}`,
          headers: {
            Accept: 'text/event-stream',
            Authorization: `Bearer ${this.options.token}`,
            ...(options.lastEventId !== undefined && { 'Last-Event-ID': options.lastEventId }),
          },
          timeoutMs: this.timeoutMs,
          signal: options.signal,
        },
        (text) => parser.feed(text),
      );
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      throw new TransportError(operation, error instanceof Error ? error.message : String(error));
    } finally {
      slot.settle();
    }
    this.options.debug?.(`GET ${path} -> ${answer.status}${answer.streamed ? `, stream ${answer.end}` : ''}`);
    if (answer.streamed) return answer.end;
    // Next.js answers a route it does not have with its HTML page, before any handler (and its limiter): not counted.
    if (answer.status === 404 && parseErrorBody(this.parse(answer.body)) === undefined) {
      slot.release();
      throw new NoStreamRoute();
    }
    try {
      this.interpret(answer, { method: 'GET', path, operation, parse: () => undefined });
    } catch (failure) {
      throw failure instanceof AttemptFailure ? failure.error : failure;
    }
    throw new TransportError(operation, `HTTP ${answer.status} that is not an event stream`);
  }

  /** Triggers an automation for a repository (a key limited to automations may): 202 even when nothing started. */
  triggerAutomation(automationId: string, body: string, idempotencyKey: string, signal?: AbortSignal): Promise<AutomationTriggered> {
    return this.call({
      method: 'POST',
      path: `/automations/${encodeURIComponent(automationId)}/trigger`,
      operation: 'trigger automation',
      parse: parseAutomationTriggered,
      body,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      signal,
    });
  }

  /** An automation job, with all its events so far (its answer grows with the run). */
  getAutomationJob(automationId: string, jobRunId: string, signal?: AbortSignal): Promise<AutomationJob> {
    return this.call({
      method: 'GET',
      path: `/automations/${encodeURIComponent(automationId)}/runs/${encodeURIComponent(jobRunId)}`,
      operation: 'automation run',
      parse: (data) => {
        const job = parseAutomationJob(data);
        if (job.id !== jobRunId) throw new ParseError(`the answer is about job ${job.id}, not ${jobRunId}`);
        return job;
      },
      signal,
      once: true,
    });
  }

  /** Cancels an automation job; not idempotent: an ended job answers 409, which is not an error here. */
  async cancelAutomationJob(
    automationId: string,
    jobRunId: string,
    options: { urgent?: boolean; timeoutMs?: number } = {},
  ): Promise<{ alreadyEnded: boolean }> {
    try {
      await this.call({
        method: 'POST',
        path: `/automations/${encodeURIComponent(automationId)}/runs/${encodeURIComponent(jobRunId)}/cancel`,
        operation: 'cancel automation run',
        parse: () => undefined,
        bare: true,
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
        ...options,
      });
      return { alreadyEnded: false };
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return { alreadyEnded: true };
      throw error;
    }
  }

  /** A JSON file the run committed under `.mogplex/artifacts/` (newer server; an older one answers its HTML 404). */
  getArtifact(runId: string, path: string, signal?: AbortSignal): Promise<Artifact> {
    return this.call({
      method: 'GET',
      path: `/runs/${encodeURIComponent(runId)}/artifact?${new URLSearchParams({ path }).toString()}`,
      operation: 'artifact',
      parse: parseArtifact,
      signal,
    });
  }

  cancelRun(runId: string, options: { urgent?: boolean; timeoutMs?: number } = {}): Promise<CancelResult> {
    return this.call({
      method: 'POST',
      path: `/runs/${encodeURIComponent(runId)}/cancel`,
      operation: 'cancel run',
      parse: (data) => {
        const result = parseCancel(data);
        if (result.run) sameRun(runId, result.run);
        return result;
      },
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
      ...options,
    });
  }

  /** One stream frame, typed: the run (as it was when the stream opened) or an event; anything else is garbled. */
  private frame(runId: string, type: string | undefined, data: string): StreamFrame {
    try {
      const json = this.parse(data);
      if (json === undefined) return { kind: 'garbled', reason: 'a frame whose data is not JSON' };
      if (type === 'run') return { kind: 'run', run: sameRun(runId, parseRunDetail(json, 'run')) };
      return { kind: 'event', event: parseEvent(json, 'event') };
    } catch (error) {
      return { kind: 'garbled', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async call<T>(options: CallOptions<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 1, redirects = 0; ; attempt++) {
      try {
        const result = await this.attempt(options);
        if (!(result instanceof Moved)) return result;
        // A redirect is not a failed attempt: the same request goes to the new origin.
        if (++redirects > MAX_REDIRECTS) throw new ApiError(308, 'REDIRECT', 'too many redirects', options.operation);
        this.options.onMoved?.(this.apiUrl, result.apiUrl);
        this.apiUrl = result.apiUrl;
        attempt--;
      } catch (failure) {
        if (!(failure instanceof AttemptFailure)) throw failure;
        const delay = options.urgent || options.once ? undefined : nextDelay(this.retry, attempt, failure.outcome, Date.now() - started);
        if (delay === undefined) throw failure.error;
        this.options.debug?.(`${options.operation}: attempt ${attempt} failed (${failure.error.message}); retrying in ${delay} ms`);
        // With Retry-After the budget also holds back every other request until then.
        await sleep(delay, options.signal);
      }
    }
  }

  private async attempt<T>(options: CallOptions<T>): Promise<T | Moved> {
    const slot = options.urgent ? this.options.budget.record() : await this.options.budget.acquire(options.signal);
    const sentAt = Date.now();
    const url = `${this.apiUrl}/api/v1/mogplex${options.path}`;
    let answer: HttpAnswer;
    try {
      answer = await this.transport({
        method: options.method,
        url,
        headers: { Accept: 'application/json', Authorization: `Bearer ${this.options.token}`, ...options.headers },
        ...(options.body !== undefined && { body: options.body }),
        timeoutMs: options.timeoutMs ?? this.timeoutMs,
        ...(options.signal && { signal: options.signal }),
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AttemptFailure({ kind: 'network' }, new TransportError(options.operation, reason));
    } finally {
      slot.settle();
    }
    this.options.debug?.(
      `${options.method} ${options.path.split('?')[0]} -> ${answer.status} in ${Date.now() - sentAt} ms, ${answer.body.length} bytes`,
    );
    if (answer.status >= 300 && answer.status < 400) return this.redirect(answer, url, options.operation);
    return this.interpret(answer, options);
  }

  /** Where the API moved, or an error that says where the redirect pointed: the token goes nowhere else. */
  private redirect(answer: HttpAnswer, url: string, operation: string): Moved {
    const location = answer.headers.location;
    const verdict = judgeRedirect(url, answer.status, location === undefined ? undefined : (this.options.redact?.(location) ?? location));
    if (verdict.follow) return new Moved(`${verdict.origin}${new URL(this.apiUrl).pathname.replace(/\/$/, '')}`);
    throw new ApiError(answer.status, 'REDIRECT', `redirected to ${verdict.location}`, operation);
  }

  /** The body as JSON, secrets cut out; undefined when it is not JSON. */
  private parse(body: string): unknown {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return undefined;
    }
    return this.options.redactJson?.(json) ?? json;
  }

  private interpret<T>(answer: HttpAnswer, options: CallOptions<T>): T {
    const json = this.parse(answer.body);
    if (answer.status >= 200 && answer.status < 300) {
      const data = options.bare
        ? typeof json === 'object' && json !== null && (json as { ok?: unknown }).ok === true
          ? json
          : undefined
        : successData(json);
      if (data === undefined) {
        throw new AttemptFailure(
          { kind: 'garbled' },
          new TransportError(options.operation, `HTTP ${answer.status} with a body that is not the API's JSON envelope`),
        );
      }
      try {
        return options.parse(data);
      } catch (error) {
        const reason = `unexpected answer shape: ${error instanceof Error ? error.message : String(error)}`;
        throw new AttemptFailure({ kind: 'garbled' }, new TransportError(options.operation, reason));
      }
    }
    // Waits are bounded; the error still tells the time the server asked for (an hourly quota).
    const askedMs = parseRetryAfter(answer.headers['retry-after'], Date.now(), Infinity);
    const retryAfterMs = askedMs === undefined ? undefined : Math.min(askedMs, MAX_RETRY_AFTER_MS);
    const envelope = parseErrorBody(json);
    const error = new ApiError(answer.status, envelope?.code ?? '', envelope?.message ?? '', options.operation, askedMs);
    // The token's limiter halves this step's pace; the run-start quota only holds back the start.
    if (answer.status === 429 && !isStartQuota(error)) this.options.budget.rateLimited();
    if (retryAfterMs !== undefined) this.options.budget.deferUntil(Date.now() + retryAfterMs);
    throw new AttemptFailure({ kind: 'status', status: answer.status, ...(retryAfterMs !== undefined && { retryAfterMs }) }, error);
  }
}
