// HTTP plumbing: handlers return a Reply value instead of writing to the
// socket, so the server can still garble, delay or drop it for faults.
import type { IncomingMessage } from 'node:http';
import type { ErrorCode, SimEvent } from './types.js';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set by the events stream route: the server writes the stream itself (server.ts). */
  stream?: StreamPlan;
}

/** What an events stream connection sends: the run as it was, the replayed events, then live ones of its agent call. */
export interface StreamPlan {
  runId: string;
  token: string;
  /** The run detail JSON sent first (`event: run`). */
  run: unknown;
  /** The agent call it listens to: after a resume it stays silent. */
  aiCallId: string;
  /** Index into the run's events from which live events are read. */
  liveFrom: number;
  replay: SimEvent[];
}

/** Next.js's own 404 page, answered for a path no route handles, before any handler (no auth, no limiter). */
export function nextNotFound(): Reply {
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head><body><div><h1>404</h1><h2>This page could not be found.</h2></div></body></html>',
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function ok(data: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ ok: true, data }) };
}

export function fail(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify({ ok: false, error: { code, message } }),
  };
}

export function plainJson(data: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(data) };
}

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The answer of a fault that replaces the server's own. */
export function faultReply(status: number | undefined, body: string | undefined, headers: Record<string, string>): Reply {
  const code = status ?? 200;
  if (body === undefined) {
    if (code < 400) return { status: code, headers: { ...headers }, body: '' };
    const reply = fail(code, CODE_FOR_STATUS[code] ?? 'INTERNAL_ERROR', 'Injected fault');
    return { ...reply, headers: { ...reply.headers, ...headers } };
  }
  const hasType = 'content-type' in headers; // callers pass lower-case names
  const sniffed = /^\s*</.test(body) ? 'text/html; charset=utf-8' : /^\s*[[{]/.test(body) ? JSON_TYPE : 'text/plain; charset=utf-8';
  return { status: code, headers: hasType || body === '' ? { ...headers } : { 'content-type': sniffed, ...headers }, body };
}

/** Cuts a JSON answer in half so it no longer parses. */
export function garbled(reply: Reply, status: number | undefined): Reply {
  const cut = reply.body.length > 2 ? reply.body.slice(0, Math.floor(reply.body.length / 2)) : '{"ok":tr';
  return { status: status ?? 200, headers: { ...reply.headers }, body: cut };
}

export class BodyTooLargeError extends Error {}

/** Reads the request body as UTF-8, refusing more than maxBytes. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLargeError(`body exceeds ${maxBytes} bytes`));
        req.resume(); // keep draining so the socket can still answer
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
