import type { WorkflowContext } from '../event/context.js';
import { githubClient, type GitHubClientOptions } from './octokit.js';

/** The commit a branch of this repository points at now (one GitHub request). */
export async function readBranchHead(
  context: WorkflowContext,
  token: string,
  branch: string,
  options: GitHubClientOptions = {},
): Promise<string> {
  const { octokit, owner, repo, request } = await githubClient(context, token, options);
  const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}`, request: request() });
  const sha: unknown = data.object.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(sha)) throw new Error('GitHub answered without a commit sha');
  return sha;
}
