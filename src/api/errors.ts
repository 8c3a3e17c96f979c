import { inline } from '../plumbing/sanitize.js';

/** The API answered with an error status (after any retries). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly operation: string,
    /** The server's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
    /** When the answer came, to turn Retry-After into a time. */
    readonly at = Date.now(),
  ) {
    super(`${operation}: HTTP ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`);
  }
}

/** Mogplex's run-start quota per user and token (lib/request-limits). */
const RUN_START_QUOTA = '10 run starts a minute, 30 an hour and 150 a day for each token';

/** No usable answer: connection error, timeout, or a body that is not the API's envelope. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`${operation}: ${reason}`);
  }
}

/** What to do about an API error, by status and code. */
function advice(error: ApiError): string {
  if (error.code === 'REDIRECT') {
    return error.detail.includes('/login')
      ? "Mogplex's middleware sent the request to its login page: it saw no `Bearer` token. Check that `token` holds a Mogplex token (`mog_...`) and that `api-url` points at the Mogplex API (default https://mogplex.com)."
      : "The action follows only the API's own move between `www.` and the bare host (HTTPS, same path), and never sends the token anywhere else. Set `api-url` to the Mogplex API's origin (default https://mogplex.com).";
  }
  switch (error.status) {
    case 401:
      return 'The token was rejected (missing, unknown, expired or revoked). Check the secret passed as `token` (MOGPLEX_TOKEN) and create a new personal access token in Mogplex settings if needed.';
    case 403:
      if (error.code === 'AUTOMATION_REQUIRED') {
        return (
          'This key may start work only through a Mogplex automation (the key is set to "Automations only", or its team requires that), so retrying cannot help. ' +
          'Set `automation-id` (and `automation-input`) to trigger a Mogplex automation with an API trigger instead, ' +
          "or change the key's access to Full access in Mogplex (Settings → Mogplex Keys; for a team rule, a team owner changes it in the team's settings)."
        );
      }
      return 'The token lacks the `write` scope, which starting and cancelling runs need. Create a token with `read` and `write` scopes.';
    case 404:
      return error.operation.startsWith('start run')
        ? 'The repo id is unknown or belongs to another user. Import the repo in Mogplex (Projects) and check the GitHub App coverage, or pass `repo: owner/name`.'
        : 'The run was not found for this token (another user, or a different Mogplex account).';
    case 409:
      return error.code === 'IDEMPOTENCY_CONFLICT'
        ? 'The idempotency key was already used for a different request (the prompt or options changed within the same workflow run). Set `idempotency-key` to a new value, e.g. include `${{ github.run_attempt }}`.'
        : "Mogplex could not reach the run's sandbox.";
    case 429:
      if (error.operation.startsWith('start run') && error.retryAfterMs !== undefined) {
        const at = new Date(error.at + error.retryAfterMs)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' UTC');
        return `The token's run-start quota is used up (${RUN_START_QUOTA}); the next start is allowed at ${at}, in ${Math.ceil(error.retryAfterMs / 60_000)} min. Start fewer runs, or re-run the job then.`;
      }
      return 'The token is rate limited (60 requests a minute, shared by every job that uses it, and run-start limits per user). Lower `requests-per-minute`, use one token per project, or start fewer runs at once.';
    case 400:
      if (/^Invalid harness$/i.test(error.detail)) {
        return 'This Mogplex server does not know that harness: `mogplex` needs a newer Mogplex server. Use `harness: codex` or `claude-code` with it.';
      }
      return 'Check the inputs against the Mogplex API documentation.';
    default:
      return error.status >= 500
        ? 'Mogplex had a server error and retries did not help; try again later.'
        : 'Check the inputs against the Mogplex API documentation.';
  }
}

/** A one-paragraph message for the step's failure annotation. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const detail = error.detail ? ` (${inline(error.detail, 300)})` : '';
    return `Mogplex ${error.operation} failed with HTTP ${error.status}${error.code ? ` ${error.code}` : ''}${detail}. ${advice(error)}`;
  }
  if (error instanceof TransportError) {
    return `Mogplex ${error.operation} failed: ${inline(error.reason, 300)}. Check \`api-url\` and the runner's network, then re-run.`;
  }
  return error instanceof Error ? error.message : String(error);
}
