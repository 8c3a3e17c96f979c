// Stands in for the `undici` package in the bundle (tsconfig.json `paths`, which
// ncc resolves through). @actions/http-client and @actions/github import undici
// at load time, but only use it for GitHub calls (its fetch, and its
// ProxyAgent when a proxy is set); the Mogplex requests go through node:https
// and http-client's own tunnel agent, proxy or not. Compiling undici's 0.9 MB
// was the biggest item of start-up, so it is loaded here, as a chunk of its
// own, only by a step that talks to GitHub.
type Undici = Pick<typeof import('undici/index.js'), 'ProxyAgent' | 'fetch'>;

let undici: Undici | undefined;

/** Loads undici; must finish before anything that uses it is loaded (@actions/github reads it at load time). */
export async function loadUndici(): Promise<void> {
  undici ??= await import('undici/index.js');
}

function loaded(): Undici {
  if (!undici) throw new Error('undici was used before loadUndici() finished');
  return undici;
}

/** The two names the bundled packages import; each forwards to the real undici. */
export class ProxyAgent {
  constructor(...args: ConstructorParameters<Undici['ProxyAgent']>) {
    return new (loaded().ProxyAgent)(...args);
  }
}

export function fetch(...args: Parameters<Undici['fetch']>): ReturnType<Undici['fetch']> {
  return loaded().fetch(...args);
}
