// Who may start a run from a comment: people with write access, asked of the
// GitHub API (author_association cannot tell `write` from `read` or `triage`),
// and bots only when the workflow lists them.
import type { GitHubUser } from '../event/comment-event.js';
import { githubErrorText } from './octokit.js';

/** `*` (every bot), or bot logins in lower case without the `[bot]` suffix. */
export type AllowedBots = '*' | ReadonlySet<string>;

function botName(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

/** The `allowed-bots` input: comma-separated logins (with or without `[bot]`), or `*`. */
export function parseAllowedBots(raw: string): AllowedBots {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.includes('*') ? '*' : new Set(names.map(botName));
}

const GRANTING = new Set(['admin', 'maintain', 'write']);
/** The built-in roles; any other `role_name` is an organization's custom role, judged by its base `permission`. */
const BUILT_IN = new Set(['admin', 'maintain', 'write', 'triage', 'read', 'none']);

/**
 * Reads `GET /repos/{owner}/{repo}/collaborators/{username}/permission`:
 * `role_name` tells `maintain` and `triage` apart; the older `permission`
 * (admin, write, read, none) is the fallback when it is missing or custom.
 */
export function roleOf(answer: unknown): { role: string; grants: boolean } {
  const fields = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
  const roleName = typeof fields.role_name === 'string' ? fields.role_name.toLowerCase() : '';
  if (BUILT_IN.has(roleName)) return { role: roleName, grants: GRANTING.has(roleName) };
  const permission = typeof fields.permission === 'string' ? fields.permission.toLowerCase() : 'none';
  const role = roleName === '' ? permission : `${roleName} (${permission})`;
  return { role, grants: permission === 'admin' || permission === 'write' };
}

export type Authorization = { allowed: true; why: string } | { allowed: false; why: string };

/** `lookup` answers the permission route for a login; any error refuses (a check that failed is not a yes). */
export async function authorize(
  author: GitHubUser,
  allowedBots: AllowedBots,
  lookup: (login: string) => Promise<unknown>,
): Promise<Authorization> {
  if (author.isBot) {
    const listed = allowedBots === '*' || allowedBots.has(botName(author.login));
    return listed
      ? { allowed: true, why: 'a bot listed in `allowed-bots`' }
      : { allowed: false, why: 'a bot, and not listed in `allowed-bots`' };
  }
  let answer: unknown;
  try {
    answer = await lookup(author.login);
  } catch (error) {
    return { allowed: false, why: `its permission on the repository could not be checked: ${githubErrorText(error)}` };
  }
  const { role, grants } = roleOf(answer);
  return grants
    ? { allowed: true, why: `role \`${role}\`` }
    : { allowed: false, why: `role \`${role}\` on the repository; \`write\`, \`maintain\` or \`admin\` is needed` };
}
