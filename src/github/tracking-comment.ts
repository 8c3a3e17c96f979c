import * as core from '@actions/core';
import { renderComment, renderNotice, type CommentView, type Notice } from './comment-body.js';
import type { WorkflowContext } from '../event/context.js';
import { githubErrorText, githubClient, type GitHubClientOptions } from './octokit.js';
import type { RunReport } from '../report/report.js';

/** The few REST calls the comment needs (a narrow view of @actions/github's Octokit). */
interface CommentsApi {
  list(): Promise<Array<{ id: number; body?: string | null; user?: { type?: string } | null }>>;
  create(body: string): Promise<number>;
  update(id: number, body: string): Promise<void>;
}

/** A pull request with more than 1,000 comments gets a new comment rather than a long search. */
const MAX_COMMENT_PAGES = 10;

async function commentsApi(
  context: WorkflowContext,
  token: string,
  issueNumber: number,
  options: GitHubClientOptions,
): Promise<CommentsApi> {
  const { octokit, owner, repo, request } = await githubClient(context, token, options);
  const target = { owner, repo, issue_number: issueNumber };
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

function reason(error: unknown, permission: string): string {
  const hint = githubErrorText(error).includes('(HTTP 403)')
    ? ` The token needs \`${permission}\` (add it to the job's \`permissions:\`).`
    : '';
  return `${githubErrorText(error)}.${hint}`;
}

/** What this comment is called in warnings, and the permission its token needs. */
export interface CommentRole {
  label: string;
  noun: string;
  permission: string;
}

const PR_COMMENT: CommentRole = { label: 'comment-on-pr', noun: 'pull request comment', permission: 'pull-requests: write' };

/**
 * One comment per step on a pull request or issue, created when the run starts
 * and edited in place after. Any failure is a warning and ends commenting: the
 * Mogplex run is what the step reports.
 */
export class TrackingComment {
  private id: number | undefined;
  private lastBody = '';
  private disabled = false;
  /** Writes go one after another, so an older body never lands after a newer one. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly api: CommentsApi,
    private readonly view: CommentView,
    private readonly role: CommentRole,
  ) {}

  /** The `comment-on-pr` comment, or undefined when there is no pull request to comment on (said once in the log). */
  static async open(
    options: { context: WorkflowContext; token: string; view: CommentView } & GitHubClientOptions,
  ): Promise<TrackingComment | undefined> {
    const { context } = options;
    if (context.pullRequestNumber === undefined) {
      core.info(`comment-on-pr: no pull request in this ${context.eventName || 'workflow'} event; no comment is written.`);
      return undefined;
    }
    if (context.fromFork && context.eventName === 'pull_request') {
      core.warning('comment-on-pr: this pull request comes from a fork, whose GITHUB_TOKEN cannot write comments; no comment is written.');
      return undefined;
    }
    return TrackingComment.on({ ...options, issueNumber: context.pullRequestNumber, role: PR_COMMENT });
  }

  /** A comment on issue or pull request `issueNumber`; undefined (with a warning) when the GitHub client cannot load. */
  static async on(
    options: { context: WorkflowContext; token: string; view: CommentView; issueNumber: number; role: CommentRole } & GitHubClientOptions,
  ): Promise<TrackingComment | undefined> {
    try {
      return new TrackingComment(
        await commentsApi(options.context, options.token, options.issueNumber, options),
        options.view,
        options.role,
      );
    } catch (error) {
      core.warning(`${options.role.label}: could not load the GitHub client: ${reason(error, options.role.permission)}`);
      return undefined;
    }
  }

  /** Writes the comment for the report as it is now; the first write creates it, or finds this step's earlier one. */
  publish(report: RunReport): Promise<void> {
    return this.enqueue(renderComment(report, this.view));
  }

  /** Writes a comment for a step that started no run: why, and what to do. */
  publishNotice(notice: Notice): Promise<void> {
    return this.enqueue(renderNotice(notice, this.view));
  }

  private enqueue(body: string): Promise<void> {
    this.queue = this.queue.then(() => this.write(body));
    return this.queue;
  }

  private async write(body: string): Promise<void> {
    if (this.disabled || body === this.lastBody) return;
    try {
      if (this.id === undefined) {
        // The oldest bot comment with this step's marker: the marker cannot be computed without the Mogplex token,
        // and a copy of it made after this step's comment appeared comes later in the list.
        const mine = (await this.api.list()).find((c) => c.user?.type === 'Bot' && (c.body ?? '').startsWith(this.view.marker));
        if (mine) await this.api.update(mine.id, body);
        this.id = mine ? mine.id : await this.api.create(body);
      } else {
        await this.api.update(this.id, body);
      }
      this.lastBody = body;
    } catch (error) {
      this.disabled = true;
      core.warning(
        `${this.role.label}: could not write the ${this.role.noun}; the run goes on without it. ${reason(error, this.role.permission)}`,
      );
    }
  }
}
