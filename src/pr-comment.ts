import * as core from '@actions/core';
import { renderComment, type CommentView } from './comment.js';
import type { WorkflowContext } from './github-context.js';
import type { RunReport } from './report.js';
import { loadUndici } from './undici.js';

/** The few REST calls the comment needs (a narrow view of @actions/github's Octokit). */
interface CommentsApi {
  list(): Promise<Array<{ id: number; body?: string | null; user?: { type?: string } | null }>>;
  create(body: string): Promise<number>;
  update(id: number, body: string): Promise<void>;
}

/** A pull request with more than 1,000 comments gets a new comment rather than a long search. */
const MAX_COMMENT_PAGES = 10;

export interface CommentClientOptions {
  /** Each GitHub call's deadline (Octokit's fetch has none of its own). */
  timeoutMs?: number;
  /** For tests: a fetch that nock can see (the default is @actions/github's proxy-aware undici fetch). */
  fetch?: typeof fetch;
}

/** Loads @actions/github only here: a step that asks for no comment never pays for it. */
async function commentsApi(
  context: WorkflowContext,
  token: string,
  issueNumber: number,
  options: CommentClientOptions,
): Promise<CommentsApi> {
  // @actions/github reads undici as it loads: undici first.
  await loadUndici();
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: context.apiUrl, ...(options.fetch && { request: { fetch: options.fetch } }) });
  const [owner = '', repo = ''] = context.repository.split('/');
  const target = { owner, repo, issue_number: issueNumber };
  const request = () => ({ signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  return {
    // Page by hand: octokit.paginate drops per-request options, the deadline among them.
    list: async () => {
      const comments = [];
      for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
        const { data } = await octokit.rest.issues.listComments({ ...target, per_page: 100, page, request: request() });
        comments.push(...data);
        if (data.length < 100) break;
      }
      return comments;
    },
    create: async (body) => (await octokit.rest.issues.createComment({ ...target, body, request: request() })).data.id,
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body, request: request() });
    },
  };
}

function reason(error: unknown): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? ` (HTTP ${String(error.status)})` : '';
  const hint = status.includes('403') ? " The token needs `pull-requests: write` (add it to the job's `permissions:`)." : '';
  return `${error instanceof Error ? error.message : String(error)}${status}.${hint}`;
}

/**
 * One comment per step on the pull request, created when the run starts and
 * edited in place after. Any failure is a warning and ends commenting: the
 * Mogplex run is what the step reports.
 */
export class PullRequestComment {
  private id: number | undefined;
  private lastBody = '';
  private disabled = false;
  /** Writes go one after another, so an older body never lands after a newer one. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly api: CommentsApi,
    private readonly view: CommentView,
  ) {}

  /** A comment for this step, or undefined when there is no pull request to comment on (said once in the log). */
  static async open(
    options: { context: WorkflowContext; token: string; view: CommentView } & CommentClientOptions,
  ): Promise<PullRequestComment | undefined> {
    const { context } = options;
    if (context.pullRequestNumber === undefined) {
      core.info(`comment-on-pr: no pull request in this ${context.eventName || 'workflow'} event; no comment is written.`);
      return undefined;
    }
    if (context.fromFork && context.eventName === 'pull_request') {
      core.warning('comment-on-pr: this pull request comes from a fork, whose GITHUB_TOKEN cannot write comments; no comment is written.');
      return undefined;
    }
    try {
      return new PullRequestComment(await commentsApi(context, options.token, context.pullRequestNumber, options), options.view);
    } catch (error) {
      core.warning(`comment-on-pr: could not load the GitHub client: ${reason(error)}`);
      return undefined;
    }
  }

  /** Writes the comment for the report as it is now; the first write creates it, or finds this step's earlier one. */
  publish(report: RunReport): Promise<void> {
    const body = renderComment(report, this.view);
    this.queue = this.queue.then(() => this.write(body));
    return this.queue;
  }

  private async write(body: string): Promise<void> {
    if (this.disabled || body === this.lastBody) return;
    try {
      if (this.id === undefined) {
        const mine = (await this.api.list()).find((c) => c.user?.type === 'Bot' && (c.body ?? '').startsWith(this.view.marker));
        if (mine) await this.api.update(mine.id, body);
        this.id = mine ? mine.id : await this.api.create(body);
      } else {
        await this.api.update(this.id, body);
      }
      this.lastBody = body;
    } catch (error) {
      this.disabled = true;
      core.warning(`comment-on-pr: could not write the pull request comment; the run goes on without it. ${reason(error)}`);
    }
  }
}
