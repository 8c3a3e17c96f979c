// What the workflow run and its event say: the environment and the event payload, read once.
import { readFileSync } from 'node:fs';
import { isCommentEvent, isFork, readCommentEvent, readHandoffEvent, readPullRequestRefs, type CommentEvent } from './comment-event.js';

/** What the action needs to know about the workflow run it is part of. */
export interface WorkflowContext {
  eventName: string;
  repository: string;
  runId: string;
  runAttempt: string;
  job: string;
  action: string;
  serverUrl: string;
  /** The REST API of this GitHub (api.github.com, or a GitHub Enterprise Server's). */
  apiUrl: string;
  /** The pull request's head branch on pull_request(_target) events. */
  pullRequestHeadRef?: string;
  /** The commit the pull request's head pointed at when the event fired. */
  pullRequestHeadSha?: string;
  /** The branch the pull request targets, on pull_request(_target) events. */
  pullRequestBaseRef?: string;
  /** The pull request this run is about: pull_request(_target), or issue_comment on a pull request. */
  pullRequestNumber?: number;
  /** True when the pull request's head is not in this repository (a fork; secrets are not given to it). */
  fromFork: boolean;
  /** On issue_comment, pull_request_review_comment and pull_request_review: the comment (comment mode). */
  comment?: CommentEvent;
  /** On issues and pull_request(_target) `labeled` or `assigned`: the hand-over (label or assignee trigger). */
  handoff?: CommentEvent;
}

interface EventPayload {
  pull_request?: { number?: unknown };
  issue?: { number?: unknown; pull_request?: unknown };
}

function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // A missing or unreadable event file only loses the pull-request defaults.
    return {};
  }
}

function pullRequestNumber(eventName: string, event: EventPayload): number | undefined {
  const number = eventName === 'issue_comment' ? (event.issue?.pull_request ? event.issue.number : undefined) : event.pull_request?.number;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

export function readWorkflowContext(env: NodeJS.ProcessEnv = process.env): WorkflowContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const isPullRequest = eventName === 'pull_request' || eventName === 'pull_request_target';
  const event = isPullRequest || isCommentEvent(eventName) || eventName === 'issues' ? readEvent(env.GITHUB_EVENT_PATH) : {};
  const refs = isPullRequest ? readPullRequestRefs(event.pull_request) : undefined;
  const number = pullRequestNumber(eventName, event);
  const comment = readCommentEvent(eventName, event);
  const handoff = readHandoffEvent(eventName, event);
  return {
    eventName,
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? '',
    action: env.GITHUB_ACTION ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    ...(refs && { pullRequestHeadRef: refs.headRef, pullRequestBaseRef: refs.baseRef }),
    ...(refs?.headSha !== undefined && { pullRequestHeadSha: refs.headSha }),
    ...(number !== undefined && { pullRequestNumber: number }),
    // Same repository only when the payload says so: a deleted fork has no head repo.
    fromFork: refs !== undefined && isFork(refs),
    ...(comment !== undefined && { comment }),
    ...(handoff !== undefined && { handoff }),
  };
}
