import type { RequestBudget } from './budget.js';
import { ApiError, TransportError } from './errors.js';
import { DEFAULT_RETRY, nextDelay, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from './retry.js';
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
import { send, type BodyReader, type HttpAnswer, type HttpRequest } from './transport.js';
import { sleep } from '../sleep.js';

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
  apiUrl: string;
  token: string;
  budget: RequestBudget;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Request timing lines for debug logging; never given headers or bodies, but may hold API error text (untrusted). */
  debug?: (line: string) => void;
  transport?: (request: HttpRequest) => Promise<HttpAnswer>;
}

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
  private readonly base: string;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly transport: (request: HttpRequest) => Promise<HttpAnswer>;

  constructor(private readonly options: ClientOptions) {
    this.base = `${options.apiUrl}/api/v1/mogplex`;
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
    return this.call({
      method: 'POST',
      path: '/runs',
      operation: 'start run',
      parse: parseStartedRun,
      body: JSON.stringify(request),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      signal,
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
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(options);
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

  private async attempt<T>(options: CallOptions<T>): Promise<T> {
    const slot = options.urgent ? this.options.budget.record() : await this.options.budget.acquire(options.signal);
    const sentAt = Date.now();
    let answer: HttpAnswer;
    try {
      answer = await this.transport({
        method: options.method,
        url: `${this.base}${options.path}`,
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
    return this.interpret(answer, options);
  }

  private interpret<T>(answer: HttpAnswer, options: CallOptions<T>): T {
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      json = undefined;
    }
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
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
    if (retryAfterMs !== undefined) this.options.budget.deferUntil(Date.now() + retryAfterMs);
    const envelope = parseErrorBody(json);
    if (answer.status >= 300 && answer.status < 400) {
      const location = answer.headers.location ?? 'elsewhere';
      throw new ApiError(answer.status, 'REDIRECT', `the API redirects to ${location}; set \`api-url\` to that origin`, options.operation);
    }
    const error = new ApiError(answer.status, envelope?.code ?? '', envelope?.message ?? '', options.operation);
    throw new AttemptFailure({ kind: 'status', status: answer.status, ...(retryAfterMs !== undefined && { retryAfterMs }) }, error);
  }
}
