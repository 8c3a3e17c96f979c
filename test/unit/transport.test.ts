// The transport against a real local server: an answer past the size limit is
// abandoned as it streams in, whichever reader takes it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerTooLargeError, MAX_ANSWER_BYTES, send } from '../../src/api/transport.js';

let server: Server;
let base = '';
let endlessClosed = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"ok":true,"data":{"events":[');
      const chunk = `{"id":"e","message":"${'x'.repeat(16_384)}"},`;
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => endlessClosed++);
      pump();
    } else if (req.url === '/announced') {
      res.writeHead(200, { 'content-length': String(MAX_ANSWER_BYTES + 1) });
      res.write('{');
    } else {
      res.end('{"ok":true,"data":{}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, extra: object = {}) => send({ method: 'GET', url: `${base}${path}`, headers: {}, timeoutMs: 20_000, ...extra });

describe('send: bounded answers', () => {
  it('stops reading an endless answer at the limit and hangs up', async () => {
    const started = Date.now();
    await expect(get('/endless', { maxBytes: 1_000_000 })).rejects.toBeInstanceOf(AnswerTooLargeError);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect.poll(() => endlessClosed).toBeGreaterThanOrEqual(1);
  });

  it('refuses an answer that announces more than 16 MB before reading it', async () => {
    await expect(get('/announced')).rejects.toBeInstanceOf(AnswerTooLargeError);
  });

  it('reads an answer within the limit', async () => {
    await expect(get('/small')).resolves.toMatchObject({ status: 200, body: '{"ok":true,"data":{}}' });
  });
});
