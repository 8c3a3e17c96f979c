// Behind a proxy, as on a self-hosted runner: https_proxy / HTTPS_PROXY set, the
// API and GitHub reachable only through the proxy's CONNECT tunnels, over TLS
// with a certificate the action trusts through NODE_EXTRA_CA_CERTS. The
// Mogplex requests go through @actions/http-client's tunnel agent; the GitHub
// comment through @actions/github's undici ProxyAgent (loaded lazily).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectProxy, selfSignedCertificate, type ConnectProxy, type TestCertificate } from '../support/connect-proxy.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { pullRequestEvent } from '../support/pull-request.js';
import { routes, run, simulator } from './helpers.js';

const API_HOST = 'mogplex.test';
const GITHUB_HOST = 'api.github.test';

let certificate: TestCertificate;
beforeAll(() => {
  certificate = selfSignedCertificate([API_HOST, GITHUB_HOST]);
});
afterAll(() => certificate.remove());

const closers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
});

async function proxyTo(routesByHost: Record<string, string>): Promise<ConnectProxy> {
  const proxy = await startConnectProxy(certificate, routesByHost);
  closers.push(proxy);
  return proxy;
}

describe('behind a proxy', () => {
  it('follows a run through https_proxy', async () => {
    const sim = await simulator({ speed: 0.3 });
    const proxy = await proxyTo({ [API_HOST]: sim.url });
    const result = await run(sim, {
      inputs: { 'api-url': `https://${API_HOST}`, repo: 'acme/web' },
      env: { https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: certificate.certPath },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.status).toBe('success');
    expect(routes(sim)).toContain('POST /runs');
    // Every request went through a tunnel (keep-alive is off: one tunnel each).
    expect(proxy.tunnels.length).toBe(routes(sim).length);
    expect(new Set(proxy.tunnels)).toEqual(new Set([`${API_HOST}:443`]));
  });

  it('follows a run and keeps the pull request comment through HTTPS_PROXY', async () => {
    const sim = await simulator({ speed: 0.3 });
    const gh: GitHubStandin = await startGitHubStandin();
    closers.push(gh);
    const proxy = await proxyTo({ [API_HOST]: sim.url, [GITHUB_HOST]: gh.url });
    const result = await run(sim, {
      ...pullRequestEvent({ headRef: 'feature/login' }),
      inputs: { 'api-url': `https://${API_HOST}`, 'comment-on-pr': 'true', 'github-token': 'ghs_standin' },
      env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: certificate.certPath, GITHUB_API_URL: `https://${GITHUB_HOST}` },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.commands.filter((c) => c.command === 'warning')).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('### ✅ Mogplex run succeeded');
    expect(proxy.tunnels).toContain(`${API_HOST}:443`);
    expect(proxy.tunnels).toContain(`${GITHUB_HOST}:443`);
  });

  it('cannot reach the API without the proxy (the names resolve nowhere)', async () => {
    const sim = await simulator({ speed: 0.3 });
    const result = await run(sim, {
      inputs: { 'api-url': `https://${API_HOST}` },
      env: { NODE_EXTRA_CA_CERTS: certificate.certPath },
    });
    expect(result.code).not.toBe(0);
    expect(routes(sim)).toEqual([]);
  }, 200_000);
});
