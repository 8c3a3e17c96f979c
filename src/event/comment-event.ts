// The comment events that put the action in comment mode, read from the
// webhook payload into one shape. Parsed field by field, never cast: the
// payload is GitHub's, but its text fields are written by anyone who can comment.

export const COMMENT_EVENTS = ['issue_comment', 'pull_request_review_comment', 'pull_request_review'] as const;
export type CommentEventName = (typeof COMMENT_EVENTS)[number];

export function isCommentEvent(eventName: string): eventName is CommentEventName {
  return (COMMENT_EVENTS as readonly string[]).includes(eventName);
}

/** A pull request's branches and where they live; `headRepo` is null when the fork is gone. */
export interface PullRequestRefs {
  headRef: string;
  /** The head commit when the event (or `GET /pulls/{n}`) was made. */
  headSha?: string;
  headRepo: string | null;
  baseRef: string;
  baseRepo: string;
}

export interface GitHubUser {
  login: string;
  isBot: boolean;
}

/** The issue or pull request a comment is on. */
export interface CommentThread {
  number: number;
  isPullRequest: boolean;
  title: string;
  body: string;
  author: string;
  /** Present when the event carries them (review events); issue_comment needs `GET /pulls/{n}`. */
  refs?: PullRequestRefs;
}

/** Events where a label or an assignment can hand an issue or pull request over to the agent. */
export const HANDOFF_EVENTS = ['issues', 'pull_request', 'pull_request_target'] as const;
export type HandoffEventName = (typeof HANDOFF_EVENTS)[number];

/** A hand-over: the label added, or the login assigned. */
export interface Handoff {
  kind: 'label' | 'assignment';
  name: string;
}

export interface CommentEvent {
  eventName: CommentEventName | HandoffEventName;
  /** `created`, `submitted`, `edited`, ... */
  action: string;
  /** The comment's (or review's) id. */
  id: number;
  /** The comment's (or review's) text. */
  body: string;
  author: GitHubUser;
  thread: CommentThread;
  /** Where a review comment points. */
  location?: { path: string; line?: number };
  /** A label or an assignment rather than a comment: `author` is who labelled or assigned, `id` the thread's number. */
  handoff?: Handoff;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function user(value: unknown): GitHubUser | undefined {
  const u = record(value);
  const login = text(u?.login);
  if (login === '') return undefined;
  return { login, isBot: u?.type === 'Bot' || login.endsWith('[bot]') };
}

/** A pull request's branches from a payload's `pull_request` (or `GET /pulls/{n}`); undefined when any is missing. */
export function readPullRequestRefs(value: unknown): PullRequestRefs | undefined {
  const pr = record(value);
  const head = record(pr?.head);
  const base = record(pr?.base);
  const headRef = text(head?.ref);
  const baseRef = text(base?.ref);
  const baseRepo = text(record(base?.repo)?.full_name);
  if (headRef === '' || baseRef === '' || baseRepo === '') return undefined;
  const headRepo = text(record(head?.repo)?.full_name);
  const headSha = text(head?.sha);
  return { headRef, ...(headSha !== '' && { headSha }), headRepo: headRepo === '' ? null : headRepo, baseRef, baseRepo };
}

/** A pull request whose head is not in the base repository (also when the fork is gone). */
export function isFork(refs: PullRequestRefs): boolean {
  return refs.headRepo !== refs.baseRepo;
}

function thread(value: unknown, isPullRequest: boolean): CommentThread | undefined {
  const t = record(value);
  const number = positive(t?.number);
  if (number === undefined) return undefined;
  const refs = isPullRequest ? readPullRequestRefs(t) : undefined;
  return {
    number,
    isPullRequest,
    title: text(t?.title),
    body: text(t?.body),
    author: user(t?.user)?.login ?? '',
    ...(refs && { refs }),
  };
}

/** The comment event in `payload`, or undefined when the payload lacks what comment mode needs. */
export function readCommentEvent(eventName: string, payload: unknown): CommentEvent | undefined {
  if (!isCommentEvent(eventName)) return undefined;
  const event = record(payload);
  const action = text(event?.action);
  const item = record(eventName === 'pull_request_review' ? event?.review : event?.comment);
  const id = positive(item?.id);
  const author = user(item?.user);
  const issue = record(event?.issue);
  const on = eventName === 'issue_comment' ? thread(issue, record(issue?.pull_request) !== undefined) : thread(event?.pull_request, true);
  if (id === undefined || author === undefined || on === undefined) return undefined;
  const path = text(item?.path);
  const line = positive(item?.line);
  return {
    eventName,
    action,
    id,
    body: text(item?.body),
    author,
    thread: on,
    ...(eventName === 'pull_request_review_comment' && path !== '' && { location: { path, ...(line !== undefined && { line }) } }),
  };
}

/**
 * A label added to, or an assignment on, an issue or pull request, read into
 * the comment shape: the sender (who labelled or assigned) asks, the thread
 * is what is handed over. Undefined for any other event or action.
 */
export function readHandoffEvent(eventName: string, payload: unknown): CommentEvent | undefined {
  if (!(HANDOFF_EVENTS as readonly string[]).includes(eventName)) return undefined;
  const event = record(payload);
  const action = text(event?.action);
  const kind = action === 'labeled' ? 'label' : action === 'assigned' ? 'assignment' : undefined;
  if (kind === undefined) return undefined;
  const name = kind === 'label' ? text(record(event?.label)?.name) : text(record(event?.assignee)?.login);
  const sender = user(event?.sender);
  const issue = record(event?.issue);
  const on = eventName === 'issues' ? thread(issue, record(issue?.pull_request) !== undefined) : thread(event?.pull_request, true);
  if (name === '' || sender === undefined || on === undefined) return undefined;
  return { eventName: eventName as HandoffEventName, action, id: on.number, body: '', author: sender, thread: on, handoff: { kind, name } };
}
