// A counting HTTP proxy on 127.0.0.1 between a follower and the simulator: it
// records each request's arrival time, answer status and the bytes the
// follower received for it (status line, headers and body, as written to the
// follower's socket). The simulator records no response sizes, so the bench
// measures them here.
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ProxiedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Arrival at the proxy, ms epoch. */
  at: number;
  /** Arrival at the proxy, performance.now(). */
  perfAt: number;
  /** Upstream answer status; 0 when there was none. */
  status: number;
  /** Bytes written to the follower's socket for this answer. */
  bytes: number;
}

export interface CountingProxy {
  /** Origin of the proxy, e.g. http://127.0.0.1:40123 */
  url: string;
  readonly requests: ProxiedRequest[];
  /** Resolves with the next request to arrive (for cold-start timing). */
  nextRequest(): Promise<ProxiedRequest>;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  // No reuse of upstream sockets: an events stream ends its answer while the simulator still holds the connection.
  const agent = new Agent({ keepAlive: false });
  const requests: ProxiedRequest[] = [];
  let waiters: Array<(r: ProxiedRequest) => void> = [];
  const written = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      at: Date.now(),
      perfAt: performance.now(),
      status: 0,
      bytes: 0,
    };
    requests.push(record);
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake(record);

    const socket = req.socket;
    res.on('finish', () => {
      const before = written.get(socket) ?? 0;
      record.bytes = socket.bytesWritten - before;
      written.set(socket, socket.bytesWritten);
    });
    const up = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        record.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  };

  const server = createServer(onRequest);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy did not bind a TCP port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    async close(): Promise<void> {
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await done;
    },
  };
}
