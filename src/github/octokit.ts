import type { WorkflowContext } from '../event/context.js';
import { loadUndici } from '../plumbing/undici.js';

export interface GitHubClientOptions {
  /** Each GitHub call's deadline (Octokit's fetch has none of its own). */
  timeoutMs?: number;
  /** For tests: a fetch that nock can see (the default is @actions/github's proxy-aware undici fetch). */
  fetch?: typeof fetch;
}

/**
 * An Octokit for this repository, on this GitHub's API (GITHUB_API_URL).
 * @actions/github is loaded only here: a step that makes no GitHub call never pays for it.
 */
export async function githubClient(context: WorkflowContext, token: string, options: GitHubClientOptions = {}) {
  // @actions/github reads undici as it loads: undici first (a chunk of its own, off the start-up path).
  await loadUndici();
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: context.apiUrl, ...(options.fetch && { request: { fetch: options.fetch } }) });
  const [owner = '', repo = ''] = context.repository.split('/');
  /** Per-call request options: a fresh deadline each. */
  const request = () => ({ signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  return { octokit, owner, repo, request };
}

/** A GitHub error in one line, with its HTTP status when it has one. */
export function githubErrorText(error: unknown): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? ` (HTTP ${String(error.status)})` : '';
  return `${error instanceof Error ? error.message : String(error)}${status}`;
}
