// Comment mode through the built action: the simulator for Mogplex, the
// GitHub stand-in for the permission check, reactions, pull requests and the
// tracking comment.
import { describe, expect, it } from 'vitest';
import { issueCommentEvent } from '../support/comment-event.js';
import type { GitHubStandin } from '../support/github-standin.js';
import { github, run, simulator } from './helpers.js';

/** The stand-in with a maintainer, a reader and the pull request the simulator's acme/web has. */
async function githubWithUsers(): Promise<GitHubStandin> {
  const standin = await github();
  standin.permissions = {
    maintainer: { permission: 'write', role_name: 'maintain' },
    reader: { permission: 'read', role_name: 'read' },
  };
  // The simulator's acme/web has branch feature/login with open pull request #42 into main.
  standin.pulls[42] = {
    number: 42,
    head: { ref: 'feature/login', sha: BEFORE, repo: { full_name: 'acme/web' } },
    base: { ref: 'main', repo: { full_name: 'acme/web' } },
  };
  // GitHub after the agent pushed: the branch has moved on.
  standin.heads['feature/login'] = AFTER;
  return standin;
}

const inputs = { 'github-token': 'ghs_standin', prompt: '' };
const BEFORE = 'a'.repeat(40);
const AFTER = 'b'.repeat(40);

describe('comment mode', () => {
  it("a maintainer's comment on a pull request: a run on its head branch, one tracking comment, eyes then rocket", async () => {
    const sim = await simulator({ speed: 0.5 });
    const gh = await githubWithUsers();
    const result = await run(sim, {
      ...issueCommentEvent({ body: '@mogplex fix the failing login test', onPullRequest: true, number: 42 }),
      inputs,
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.triggered).toBe('true');
    expect(result.outputs.status).toBe('success');
    expect(sim.runs).toHaveLength(1);
    const request = sim.runs[0]!.request;
    const prompt = request.prompt as string;
    expect(request).toMatchObject({ workingBranch: 'feature/login', baseBranch: 'main' });
    expect(request.createBranch).toBeUndefined();
    expect(prompt).toMatch(/^Task from maintainer:\n\nfix the failing login test\n/);
    expect(prompt).toContain('https://github.com/acme/web/pull/42#issuecomment-321');
    expect(gh.comments).toHaveLength(1);
    const [comment] = gh.comments;
    expect(comment!.issue).toBe(42);
    expect(comment!.body).toContain('### ✅ Mogplex run succeeded');
    expect(comment!.body).toContain('Asked by `maintainer` in [this comment](https://github.com/acme/web/pull/42#issuecomment-321).');
    // The reply ends with the pull request the commits landed on: this one.
    expect(comment!.body.trimEnd().split('\n').at(-3)).toMatch(
      /^\*\*Pull request: \[.*\]\(https:\/\/github\.com\/acme\/web\/pull\/42\)\*\*$/,
    );
    expect(result.outputs['pull-request-url']).toBe('https://github.com/acme/web/pull/42');
    expect(result.outputs.changed).toBe('true');
    expect(result.outputs['working-branch']).toBe('feature/login');
    expect(comment!.body).toContain('> fix the failing login test');
    expect(gh.reactions).toEqual([
      { on: 'issue', commentId: 321, content: 'eyes' },
      { on: 'issue', commentId: 321, content: 'rocket' },
    ]);
    // The permission check, the eyes, the pull request, then the comment: eyes before the run started.
    expect(gh.calls.slice(0, 3)).toEqual([
      'GET /repos/acme/web/collaborators/maintainer/permission',
      'POST /repos/acme/web/issues/comments/321/reactions',
      'GET /repos/acme/web/pulls/42',
    ]);
    // After the run, one read of the branch head tells whether this run added commits.
    expect(gh.calls).toContain('GET /repos/acme/web/git/ref/heads/feature/login');
    expect(result.commands.filter((c) => c.command === 'warning')).toEqual([]);

    // A re-run replays the same Mogplex run and edits the same comment.
    const rerun = await run(sim, {
      ...issueCommentEvent({ body: '@mogplex fix the failing login test', onPullRequest: true, number: 42 }),
      inputs,
      env: { GITHUB_API_URL: gh.url, GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.replayed).toBe('true');
    expect(sim.runs).toHaveLength(1);
    expect(gh.comments).toHaveLength(1);
  });

  it('a comment on an issue: the default base, a new branch and pull request from the server, its link in the reply', async () => {
    const sim = await simulator({ speed: 0.5 });
    const gh = await githubWithUsers();
    const result = await run(sim, {
      ...issueCommentEvent({ body: 'Could you take this one, @Mogplex? Add a Safari test first.', number: 12 }),
      inputs: { ...inputs, prompt: 'Keep the change small.' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.triggered).toBe('true');
    const request = sim.runs[0]!.request;
    const prompt = request.prompt as string;
    expect(request.workingBranch).toBeUndefined();
    expect(request.baseBranch).toBeUndefined();
    expect(prompt).toMatch(/^Keep the change small\.\n\nTask from maintainer:\n\nCould you take this one, \? Add a Safari test first\.\n/);
    expect(prompt).toContain('not by the person who asked');
    expect(gh.calls).not.toContain('GET /repos/acme/web/pulls/12');
    expect(gh.comments.map((c) => c.issue)).toEqual([12]);
    expect(gh.comments[0]!.body).toContain('### ✅ Mogplex run succeeded');
    // The server moved the agent onto mogplex/agent-<id> and opened a new pull request (the simulator's #43).
    expect(result.outputs['working-branch']).toMatch(/^mogplex\/agent-[0-9a-f]{12}$/);
    expect(result.outputs['pull-request-url']).toBe('https://github.com/acme/web/pull/43');
    expect(gh.comments[0]!.body.trimEnd().split('\n').at(-3)).toMatch(
      /^\*\*Pull request: \[.*\]\(https:\/\/github\.com\/acme\/web\/pull\/43\)\*\*$/,
    );
    expect(gh.reactions.map((r) => r.content)).toEqual(['eyes', 'rocket']);
  });

  it('a read-only user: no Mogplex request, no comment, no reaction, one warning', async () => {
    const sim = await simulator();
    const gh = await githubWithUsers();
    const result = await run(sim, {
      ...issueCommentEvent({ body: '@mogplex delete the tests', login: 'reader', onPullRequest: true }),
      inputs,
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.triggered).toBe('false');
    expect(result.outputs['run-id']).toBeUndefined();
    expect(sim.requests).toEqual([]);
    expect(gh.calls).toEqual(['GET /repos/acme/web/collaborators/reader/permission']);
    expect(gh.comments).toEqual([]);
    expect(gh.reactions).toEqual([]);
    const warnings = result.commands.filter((c) => c.command === 'warning').map((c) => c.data);
    expect(warnings).toEqual([expect.stringMatching(/reader may not start a Mogplex run: role `read`/)]);
  });

  it('no phrase: no request at all, triggered=false, one log line', async () => {
    const sim = await simulator();
    const gh = await githubWithUsers();
    const result = await run(sim, {
      ...issueCommentEvent({ body: 'LGTM. Mail dev@mogplex.example, or write `@mogplex fix it`.', onPullRequest: true }),
      inputs,
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ triggered: 'false' });
    expect(sim.requests).toEqual([]);
    expect(gh.calls).toEqual([]);
    expect(result.stdout).toContain('comment trigger: no @mogplex in this comment; nothing to do');
    expect(result.commands.filter((c) => c.command === 'warning' || c.command === 'error')).toEqual([]);
  });

  it('a pull request from a fork: refused with a reply that says why, no Mogplex request', async () => {
    const sim = await simulator();
    const gh = await githubWithUsers();
    gh.pulls[42] = { ...gh.pulls[42]!, head: { ref: 'main', repo: { full_name: 'contributor/web' } } };
    const result = await run(sim, {
      ...issueCommentEvent({ body: '@mogplex fix it', onPullRequest: true, number: 42 }),
      inputs,
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.triggered).toBe('false');
    expect(sim.requests).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('comes from a fork');
    expect(gh.reactions.map((r) => r.content)).toEqual(['eyes', 'confused']);
  });
});
