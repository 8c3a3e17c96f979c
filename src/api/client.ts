import type { RequestBudget } from './budget.js';
import { ApiError, TransportError } from './errors.js';
import { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, nextDelay, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from './retry.js';
import {
  parseCancel,
  parseErrorBody,
  parseEventsPage,
  parseRepos,
  parseRunEnvelope,
  parseStartedRun,
  successData,
  type CancelResult,
  type EventsPage,
  type Repo,
  type RunDetail,
  type StartedRun,
} from './schema.js';
import { EventsElider } from './events-scan.js';
import { judgeRedirect } from './redirect.js';
import { send, type BodyReader, type HttpAnswer, type HttpRequest } from './transport.js';
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
  /** Cuts secrets out of untrusted text as it comes in (answers, redirect targets); default: none. */
  redact?: (text: string) => string;
  /** Same, for a parsed answer, in place. */
  redactJson?: (value: unknown) => unknown;
  /** The API answered from another origin (www. moved to the apex, or back): said once, remembered for later calls. */
  onMoved?: (from: string, to: string) => void;
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
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A fresh body reader for each attempt. */
  reader?: () => BodyReader;
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

/** The Mogplex v1 API: one method per route, one retry policy and budget for all. */
export class MogplexClient {
  private apiUrl: string;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly transport: (request: HttpRequest) => Promise<HttpAnswer>;

  constructor(private readonly options: ClientOptions) {
    this.apiUrl = options.apiUrl;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.transport = options.transport ?? send;
  }

  findRepos(query: string, signal?: AbortSignal): Promise<Repo[]> {
    const params = new URLSearchParams({ q: query, limit: '200' });
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

  getRun(runId: string, signal?: AbortSignal): Promise<RunDetail> {
    return this.call({
      method: 'GET',
      path: `/runs/${encodeURIComponent(runId)}`,
      operation: 'run status',
      parse: parseRunEnvelope,
      signal,
    });
  }

  /**
   * The run and its first `limit` events. The first `skip` events are dropped
   * unparsed as the answer streams in (the caller has shown them already);
   * `total` still counts them.
   */
  listEvents(runId: string, limit: number, skip = 0, signal?: AbortSignal): Promise<EventsPage> {
    return this.call({
      method: 'GET',
      path: `/runs/${encodeURIComponent(runId)}/events?limit=${limit}`,
      operation: 'run events',
      parse: parseEventsPage,
      signal,
      ...(skip > 0 && { reader: () => new EventsElider(skip) }),
    });
  }

  cancelRun(runId: string, options: { urgent?: boolean; timeoutMs?: number } = {}): Promise<CancelResult> {
    return this.call({
      method: 'POST',
      path: `/runs/${encodeURIComponent(runId)}/cancel`,
      operation: 'cancel run',
      parse: parseCancel,
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
      ...options,
    });
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
        const delay = options.urgent ? undefined : nextDelay(this.retry, attempt, failure.outcome, Date.now() - started);
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
        ...(options.reader && { reader: options.reader() }),
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

  private interpret<T>(answer: HttpAnswer, options: CallOptions<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      json = undefined;
    }
    json = this.options.redactJson?.(json) ?? json;
    if (answer.status >= 200 && answer.status < 300) {
      const data = successData(json);
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
    if (answer.status === 429) this.options.budget.rateLimited();
    // Waits are bounded; the error still tells the time the server asked for (an hourly quota).
    const askedMs = parseRetryAfter(answer.headers['retry-after'], Date.now(), Infinity);
    const retryAfterMs = askedMs === undefined ? undefined : Math.min(askedMs, MAX_RETRY_AFTER_MS);
    if (retryAfterMs !== undefined) this.options.budget.deferUntil(Date.now() + retryAfterMs);
    const envelope = parseErrorBody(json);
    const error = new ApiError(answer.status, envelope?.code ?? '', envelope?.message ?? '', options.operation, askedMs);
    throw new AttemptFailure({ kind: 'status', status: answer.status, ...(retryAfterMs !== undefined && { retryAfterMs }) }, error);
  }
}
