// Which redirects the client follows. Mogplex's middleware moves `www.<host>`
// to `<host>` with a 308 (proxy.ts, buildCanonicalHostRedirectUrl); nothing
// else is a redirect the token may follow.

export type RedirectVerdict = { follow: true; origin: string } | { follow: false; location: string };

function withoutWww(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : hostname;
}

/**
 * Follow only a 307/308 (they keep the method and body) to the same scheme,
 * port, path and query, on the host with or without its `www.` prefix, and
 * only over HTTPS: plain `http:` is allowed for loopback alone, and the move
 * would lead off it. `origin` is where the API lives now.
 */
export function judgeRedirect(from: string, status: number, location: string | undefined): RedirectVerdict {
  const refused = { follow: false as const, location: location ?? '(no Location header)' };
  if ((status !== 307 && status !== 308) || location === undefined) return refused;
  let source: URL;
  let target: URL;
  try {
    source = new URL(from);
    target = new URL(location, source);
  } catch {
    return refused;
  }
  const sameExceptHost =
    source.protocol === 'https:' &&
    target.protocol === source.protocol &&
    target.port === source.port &&
    target.pathname === source.pathname &&
    target.search === source.search &&
    target.username === '' &&
    target.password === '';
  const wwwMove = target.hostname !== source.hostname && withoutWww(target.hostname) === withoutWww(source.hostname);
  return sameExceptHost && wwwMove ? { follow: true, origin: target.origin } : { ...refused, location: target.href };
}
