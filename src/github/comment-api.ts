// The GitHub calls comment mode makes besides the tracking comment: the
// commenter's permission, reactions on the triggering comment, and the pull
// request behind an issue_comment (whose payload lacks the branches).
import type { CommentEvent, PullRequestRefs } from '../event/comment-event.js';
import { readPullRequestRefs } from '../event/comment-event.js';
import { githubClient, type GitHubClientOptions } from './octokit.js';
import type { WorkflowContext } from '../event/context.js';

export type Reaction = 'eyes' | 'rocket' | 'confused';

export interface CommentApi {
  /** The raw answer of `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
  permission(login: string): Promise<unknown>;
  /** Adds a reaction to the triggering comment (reviews take none: GitHub has no reactions on them). */
  react(event: CommentEvent, content: Reaction): Promise<void>;
  /** The pull request's branches, from `GET /pulls/{n}`. */
  pullRequestRefs(number: number): Promise<PullRequestRefs>;
  /** Takes a label off an issue or pull request (`remove-label`). */
  removeLabel(number: number, name: string): Promise<void>;
}

export async function commentApi(context: WorkflowContext, token: string, options: GitHubClientOptions = {}): Promise<CommentApi> {
  const { octokit, owner, repo, request } = await githubClient(context, token, options);
  return {
    permission: async (username) =>
      (await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username, request: request() })).data,
    react: async (event, content) => {
      if (event.eventName === 'issue_comment') {
        await octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: event.id, content, request: request() });
      } else if (event.eventName === 'pull_request_review_comment') {
        await octokit.rest.reactions.createForPullRequestReviewComment({ owner, repo, comment_id: event.id, content, request: request() });
      }
    },
    removeLabel: async (number, name) => {
      await octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name, request: request() });
    },
    pullRequestRefs: async (number) => {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number, request: request() });
      const refs = readPullRequestRefs(data);
      if (!refs) throw new Error(`pull request #${number} came back without its branches`);
      return refs;
    },
  };
}
