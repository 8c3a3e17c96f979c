// What the server's middleware (proxy.ts) answers before any route runs: the
// www host goes to the canonical origin (308, buildCanonicalHostRedirectUrl),
// and a request the v1 routes may not see (no `Bearer ` token, or a path
// outside them) goes to the login page (307, buildLoginRedirectUrl).
import type { Reply } from './http.js';

export interface MiddlewareRequest {
  /** The URL as requested: its host from an absolute-form target, else from Host. */
  url: URL;
  headers: Record<string, string>;
}

/** The URL a request was made for, as Next.js sees it (request.nextUrl). */
export function requestedUrl(target: string, host: string | undefined): URL {
  if (/^https?:\/\//i.test(target)) {
    try {
      return new URL(target);
    } catch {
      // fall through: treat as a path
    }
  }
  try {
    return new URL(target, `http://${host ?? 'localhost'}`);
  } catch {
    return new URL(target.startsWith('/') ? target : '/', 'http://localhost');
  }
}

function redirect(status: 307 | 308, location: URL): Reply {
  return { status, headers: { location: location.href }, body: '' };
}

const PUBLIC_PATHS = [/^\/$/, /^\/login(?:\/|$)/, /^\/api\/v1\/mogplex\/mcp$/];

/** proxy(): a redirect, or null when the request goes on to the routes. */
export function middleware(req: MiddlewareRequest, apiBase: string, canonicalHost: string): Reply | null {
  const { url } = req;
  if (url.hostname === `www.${canonicalHost}`) {
    // The canonical origin keeps the scheme and port the client used.
    const canonical = new URL(`${url.protocol}//${canonicalHost}${url.port ? `:${url.port}` : ''}`);
    const location = new URL(url.pathname, canonical);
    location.search = url.search;
    return redirect(308, location);
  }
  const path = url.pathname;
  if (PUBLIC_PATHS.some((p) => p.test(path))) return null;
  const inApi = path === apiBase || path.startsWith(`${apiBase}/`);
  // isMogplexBearerApiRequest: "Bearer " with anything after it reaches the route.
  const authorization = req.headers['authorization'] ?? '';
  if (inApi && authorization.startsWith('Bearer ') && authorization.length > 'Bearer '.length) return null;
  const login = new URL('/login', url);
  if (sameOrigin(req.headers['referer'], url)) login.searchParams.set('expired', 'true');
  login.searchParams.set('next', `${path}${url.search}`);
  return redirect(307, login);
}

function sameOrigin(referer: string | undefined, url: URL): boolean {
  if (!referer) return false;
  try {
    return new URL(referer).origin === url.origin;
  } catch {
    return false;
  }
}
