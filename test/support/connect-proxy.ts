// A forward proxy as a self-hosted runner's network would have one: it answers
// CONNECT (how a client reaches an https origin through a proxy) and routes
// made-up host names to local servers, each behind a TLS front with a
// throw-away self-signed certificate. The action can only reach those hosts
// through the proxy: their names resolve nowhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export interface TestCertificate {
  /** A PEM file to trust with NODE_EXTRA_CA_CERTS. */
  certPath: string;
  cert: string;
  key: string;
  remove(): void;
}

/** A self-signed certificate for `hosts`, made with openssl (node:crypto cannot make one). */
export function selfSignedCertificate(hosts: readonly string[]): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'mogplex-cert-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const config = join(dir, 'openssl.cnf');
  writeFileSync(
    config,
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = ext',
      'prompt = no',
      '[dn]',
      `CN = ${hosts[0] ?? 'localhost'}`,
      '[ext]',
      'basicConstraints = critical, CA:TRUE',
      `subjectAltName = ${hosts.map((h) => `DNS:${h}`).join(', ')}`,
      '',
    ].join('\n'),
  );
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-config', config, '-keyout', keyPath, '-out', certPath],
    {
      stdio: 'ignore',
    },
  );
  return {
    certPath,
    cert: readFileSync(certPath, 'utf8'),
    key: readFileSync(keyPath, 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ConnectProxy {
  /** Use as https_proxy. */
  url: string;
  /** `host:port` of every CONNECT, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Routes `CONNECT <host>:443` to a TLS front for `routes[host]` (an http
 * origin on 127.0.0.1); other targets get 502.
 */
export async function startConnectProxy(certificate: TestCertificate, routes: Record<string, string>): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const fronts = new Map<string, { server: Server; port: number }>();
  for (const [host, origin] of Object.entries(routes)) {
    const upstream = new URL(origin);
    const server = createTlsServer({ cert: certificate.cert, key: certificate.key }, (clear) => {
      const plain = connect(Number(upstream.port), upstream.hostname);
      track(plain);
      clear.pipe(plain).pipe(clear);
      plain.on('error', () => clear.destroy());
      clear.on('error', () => plain.destroy());
    });
    server.on('connection', track);
    fronts.set(`${host}:443`, { server, port: await listen(server) });
  }
  const tunnels: string[] = [];
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end('CONNECT only\n'));
  proxy.on('connection', track);
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const front = fronts.get(target);
    if (!front) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(front.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listen(proxy);
  const closing = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    async close(): Promise<void> {
      const done = Promise.all([proxy, ...[...fronts.values()].map((f) => f.server)].map(closing));
      for (const socket of sockets) socket.destroy();
      await done;
    },
  };
}
