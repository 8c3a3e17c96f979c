// The pull-request comment through the built action: the simulator for
// Mogplex, a local stand-in for GitHub's comment routes.
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/pull-request.js';
import { github, run, simulator } from './helpers.js';

const pullRequest = pullRequestEvent({ headRef: 'feature/login' });

describe('comment-on-pr', () => {
  it('keeps one comment that tracks the run from start to end, with a handful of calls', async () => {
    const sim = await simulator({ speed: 0.5 });
    const gh = await github();
    const result = await run(sim, {
      ...pullRequest,
      inputs: { 'comment-on-pr': 'true', 'github-token': 'ghs_standin', 'create-branch': 'true' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    const [comment] = gh.comments;
    expect(comment!.issue).toBe(7);
    expect(comment!.body).toMatch(/^<!-- mogplex-run-action job=build step=__run key=[0-9a-f]{24} -->/);
    expect(comment!.body).toContain('### ✅ Mogplex run succeeded');
    expect(comment!.body).toContain(sim.runs[0]!.id);
    expect(comment!.body).toContain('/compare/feature/login...mogplex/external/');
    expect(gh.calls[0]).toBe('GET /repos/acme/web/issues/7/comments');
    expect(gh.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(gh.calls.length).toBeLessThanOrEqual(5);
    expect(result.commands.filter((c) => c.command === 'warning')).toEqual([]);

    // A re-run of the workflow replays the run and edits the same comment.
    const rerun = await run(sim, {
      ...pullRequest,
      inputs: { 'comment-on-pr': 'true', 'github-token': 'ghs_standin', 'create-branch': 'true' },
      env: { GITHUB_API_URL: gh.url, GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(rerun.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('/attempts/2)');
  });

  it('makes no GitHub call when it is off', async () => {
    const sim = await simulator({ speed: 0.3 });
    const gh = await github();
    const result = await run(sim, { ...pullRequest, inputs: { 'github-token': 'ghs_standin' }, env: { GITHUB_API_URL: gh.url } });
    expect(result.code).toBe(0);
    expect(gh.calls).toEqual([]);
  });

  it('warns once and passes when the token may not write comments', async () => {
    const sim = await simulator({ speed: 0.3 });
    const gh = await github();
    gh.failWrites = 403;
    const result = await run(sim, {
      ...pullRequest,
      inputs: { 'comment-on-pr': 'true', 'github-token': 'ghs_standin' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('success');
    const warnings = result.commands.filter((c) => c.command === 'warning').map((c) => c.data);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/pull-requests: write/);
    expect(gh.calls.filter((c) => !c.startsWith('GET'))).toHaveLength(1);
  });
});
