import type { WorkflowContext } from './context.js';

export interface GitHubClientOptions {
  /** Each GitHub call's deadline (Octokit's fetch has none of its own). */
  timeoutMs?: number;
  /** For tests: a fetch that nock can see (the default is @actions/github's proxy-aware undici fetch). */
  fetch?: typeof fetch;
}

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>;

/** An Octokit bound to this workflow's repository, with a fresh deadline for each call. */
export interface RepoClient {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Per-request options: a new deadline each time (a signal is spent once it fires). */
  request: () => { signal: AbortSignal };
}

/** Loads @actions/github only when a step needs GitHub: a step that makes no GitHub call never pays for it. */
export async function repoClient(context: WorkflowContext, token: string, options: GitHubClientOptions = {}): Promise<RepoClient> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: context.apiUrl, ...(options.fetch && { request: { fetch: options.fetch } }) });
  const [owner = '', repo = ''] = context.repository.split('/');
  return { octokit, owner, repo, request: () => ({ signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) }) };
}

/** A GitHub error as one line: its message, its HTTP status when it has one. */
export function describeGitHubError(error: unknown): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? ` (HTTP ${String(error.status)})` : '';
  return `${error instanceof Error ? error.message : String(error)}${status}`;
}
