import type { IncomingHttpHeaders } from 'node:http';
import { HttpClient } from '@actions/http-client';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Takes an answer's body as it streams in; `text()` is what the caller gets. */
export interface BodyReader {
  push(chunk: Buffer): void;
  text(): string;
}

function wholeBody(): BodyReader {
  const chunks: Buffer[] = [];
  return { push: (chunk) => chunks.push(chunk), text: () => Buffer.concat(chunks).toString('utf8') };
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Abandons the exchange early (the job is being cancelled, or the follow timed out). */
  signal?: AbortSignal;
  /** Reads the body as it arrives (default: all of it, as text). */
  reader?: BodyReader;
  /** Stops reading past this many bytes (default MAX_ANSWER_BYTES). */
  maxBytes?: number;
}

/**
 * No answer of this API comes near it: the events window holds 200 events of
 * at most about 20 KB each. Past it the answer is abandoned as garbled, so an
 * endless or huge body cannot grow the process.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The answer was abandoned for its size; retried like any unusable answer. */
export class AnswerTooLargeError extends Error {
  override name = 'AnswerTooLargeError';
  constructor(limit: number) {
    super(`the answer was larger than ${Math.round(limit / (1024 * 1024))} MB; stopped reading it`);
  }
}

const USER_AGENT = 'mogplex-run-action/1';

/**
 * One HTTP exchange with a hard deadline on the whole of it (connect, headers
 * and body). http-client only has an idle-socket timeout, so the deadline
 * aborts the request through its options' signal.
 */
export async function send(request: HttpRequest): Promise<HttpAnswer> {
  const controller = new AbortController();
  const client = new HttpClient(
    USER_AGENT,
    [
      {
        prepareRequest: (options) => {
          options.signal = controller.signal;
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('unsupported')),
      },
    ],
    { allowRedirects: false, allowRetries: false, socketTimeout: request.timeoutMs, keepAlive: false },
  );
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (reason: unknown): void => {
      controller.abort(reason);
      reject(reason);
    };
    timer = setTimeout(() => stop(new Error(`no answer within ${Math.round(request.timeoutMs / 1000)} s`)), request.timeoutMs);
    onAbort = () => stop(request.signal?.reason);
    if (request.signal?.aborted) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const exchange = (async () => {
    const response = await client.request(request.method, request.url, request.body ?? null, request.headers);
    const limit = request.maxBytes ?? MAX_ANSWER_BYTES;
    const tooLarge = (): never => {
      const error = new AnswerTooLargeError(limit);
      controller.abort(error);
      throw error;
    };
    if (Number(response.message.headers['content-length'] ?? 0) > limit) tooLarge();
    const reader = request.reader ?? wholeBody();
    let bytes = 0;
    for await (const chunk of response.message) {
      bytes += (chunk as Buffer).length;
      if (bytes > limit) tooLarge();
      reader.push(chunk as Buffer);
    }
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: reader.text() };
  })();
  try {
    return await Promise.race([exchange, stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) request.signal?.removeEventListener('abort', onAbort);
    // Whichever side lost the race must not surface as an unhandled rejection.
    exchange.catch(() => undefined);
    stopped.catch(() => undefined);
  }
}
