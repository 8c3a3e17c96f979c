import type { IncomingHttpHeaders } from 'node:http';
import { HttpClient } from '@actions/http-client';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Abandons the exchange early (the job is being cancelled, or the follow timed out). */
  signal?: AbortSignal;
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

/** An http-client whose requests the controller aborts (its own timeout is only for an idle socket). */
function clientFor(controller: AbortController, socketTimeout: number | undefined): HttpClient {
  return new HttpClient(
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
    { allowRedirects: false, allowRetries: false, keepAlive: false, ...(socketTimeout !== undefined && { socketTimeout }) },
  );
}

/**
 * One HTTP exchange with a hard deadline on the whole of it (connect, headers
 * and body). http-client only has an idle-socket timeout, so the deadline
 * aborts the request through its options' signal.
 */
export async function send(request: HttpRequest): Promise<HttpAnswer> {
  const controller = new AbortController();
  const client = clientFor(controller, request.timeoutMs);
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
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of response.message) {
      bytes += (chunk as Buffer).length;
      if (bytes > limit) tooLarge();
      chunks.push(chunk as Buffer);
    }
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: Buffer.concat(chunks).toString('utf8') };
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

/** How a server-sent events answer ended: `closed` by the server, or `dropped` (cut, reset, a body cut short). */
export type StreamEnd = 'closed' | 'dropped';

/** A streamed answer: an event stream was read to its end, or another answer was read whole (an error). */
export type StreamAnswer = { streamed: true; end: StreamEnd; status: number } | ({ streamed: false } & HttpAnswer);

const ERROR_BODY_BYTES = 1024 * 1024;

/**
 * GET of a server-sent events stream. The deadline covers the connection and
 * the headers only: the stream stays open as long as the server keeps it (no
 * idle timeout: it sends no heartbeat). Each chunk goes to `onChunk` as text;
 * the signal ends it. An answer that is not an event stream is read whole,
 * within a bound, for the caller to judge as an error.
 */
export async function openStream(request: HttpRequest, onChunk: (text: string) => void): Promise<StreamAnswer> {
  const controller = new AbortController();
  const client = clientFor(controller, undefined);
  const onAbort = (): void => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) throw request.signal.reason;
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${Math.round(request.timeoutMs / 1000)} s`)),
    request.timeoutMs,
  );
  try {
    const response = await client.request('GET', request.url, null, request.headers);
    clearTimeout(timer);
    const status = response.message.statusCode ?? 0;
    const type = String(response.message.headers['content-type'] ?? '');
    if (status !== 200 || !/^text\/event-stream\b/i.test(type)) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of response.message) {
        bytes += (chunk as Buffer).length;
        if (bytes > ERROR_BODY_BYTES) break;
        chunks.push(chunk as Buffer);
      }
      return { streamed: false, status, headers: response.message.headers, body: Buffer.concat(chunks).toString('utf8') };
    }
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.message) onChunk(decoder.decode(chunk as Buffer, { stream: true }));
    } catch {
      if (request.signal?.aborted) throw request.signal.reason;
      return { streamed: true, end: 'dropped', status };
    }
    // A body cut short without the chunked terminator ends as an error above, or here as not complete.
    return { streamed: true, end: response.message.complete ? 'closed' : 'dropped', status };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}
