import { readFileSync } from 'node:fs';

/** What the action needs to know about the workflow run it is part of. */
export interface WorkflowContext {
  eventName: string;
  repository: string;
  runId: string;
  runAttempt: string;
  job: string;
  action: string;
  serverUrl: string;
  /** The pull request's head branch on pull_request(_target) events. */
  pullRequestHeadRef?: string;
  /** True when the pull request comes from a fork (no secrets are given to it). */
  fromFork: boolean;
}

interface PullRequestPayload {
  head?: { ref?: unknown; repo?: { full_name?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

function readEvent(path: string | undefined): { pull_request?: PullRequestPayload } {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // A missing or unreadable event file only loses the pull-request defaults.
    return {};
  }
}

export function readWorkflowContext(env: NodeJS.ProcessEnv = process.env): WorkflowContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const isPullRequest = eventName === 'pull_request' || eventName === 'pull_request_target';
  const pr = isPullRequest ? readEvent(env.GITHUB_EVENT_PATH).pull_request : undefined;
  const headRef = typeof pr?.head?.ref === 'string' && pr.head.ref !== '' ? pr.head.ref : undefined;
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name;
  return {
    eventName,
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? '',
    action: env.GITHUB_ACTION ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    ...(headRef !== undefined && { pullRequestHeadRef: headRef }),
    fromFork: typeof headRepo === 'string' && typeof baseRepo === 'string' && headRepo !== baseRepo,
  };
}
