// What a run delivered, end to end: the built action against the simulator's
// real-server lifecycle (git_sync, git_delivery), and Mogplex's www move.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GitHubStandin } from '../support/github-standin.js';
import { github, run, simulator } from './helpers.js';

const HEAD_SHA = '1'.repeat(40);

function notices(result: Awaited<ReturnType<typeof run>>): string[] {
  return result.commands.filter((c) => c.command === 'notice').map((c) => c.data);
}

describe('what the run delivered', () => {
  it('a new pull request: in the outputs, the log, a notice and the summary', async () => {
    const sim = await simulator({ speed: 0.3 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const created = sim.runs[0]!;
    const url = created.delivery?.pullRequestUrl;
    expect(url).toMatch(/^https:\/\/github\.com\/acme\/web\/pull\/\d+$/);
    expect(result.outputs).toMatchObject({
      'pull-request-url': url,
      changed: 'true',
      // The run detail says `main` (the requested branch); the agent was moved onto its own.
      'working-branch': `mogplex/agent-${created.aiCallId.replaceAll('-', '').slice(0, 12)}`,
      'base-branch': 'main',
    });
    expect(result.stdout).toContain(`Pull request: ${url}`);
    expect(notices(result)).toEqual([`Mogplex run ${created.id}: pull request ${url}`]);
    expect(result.summary).toContain(`<th align="left">Result</th><td>Pull request: <a href="${url}">`);
  });

  it('no changes: `changed` false, no URL, a green step', async () => {
    const sim = await simulator({ speed: 0.3, scenario: 'no-changes' });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ 'pull-request-url': '', changed: 'false', status: 'success' });
    expect(result.stdout).toMatch(/^No code changes$/m);
    expect(notices(result)).toEqual([]);
    expect(result.summary).toContain('<td>No code changes</td>');
  });

  it('no changes with require-changes: true fails the step and says why', async () => {
    const sim = await simulator({ speed: 0.3, scenario: 'no-changes' });
    const result = await run(sim, { inputs: { 'require-changes': 'true' } });
    expect(result.code).toBe(1);
    const errors = result.commands.filter((c) => c.command === 'error').map((c) => c.data);
    expect(errors).toEqual([`Mogplex run ${sim.runs[0]!.id} succeeded but changed no code, and \`require-changes\` is true.`]);
    expect(result.outputs).toMatchObject({ status: 'success', changed: 'false', error: errors[0] });
  });

  it("delivery failed: the server's reason in the log, the error and the summary", async () => {
    const sim = await simulator({ speed: 0.3, scenario: 'delivery-failed' });
    const result = await run(sim);
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'pull-request-url': '', changed: '' });
    expect(result.outputs.error).toMatch(/The agent finished, but GitHub delivery failed: .*Untracked files remain/);
    expect(result.stdout).toMatch(/^GitHub delivery failed: The agent finished, but GitHub delivery failed/m);
    expect(result.summary).toMatch(/<th align="left">Result<\/th><td>GitHub delivery failed: The agent finished/);
  });

  it('events-file: every event in order, then the final run detail, under RUNNER_TEMP', async () => {
    const sim = await simulator({ speed: 0.3 });
    const result = await run(sim);
    const path = result.outputs['events-file']!;
    expect(path.startsWith(result.files.runnerTemp)).toBe(true);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, { id?: string; status?: string }>);
    const created = sim.runs[0]!;
    expect(lines.slice(0, -1).map((line) => line.event?.id)).toEqual(created.events.map((e) => e.id));
    expect(lines.at(-1)?.run).toMatchObject({ runId: created.id, status: 'success' });
  });
});

describe("on a pull request's own branch", () => {
  let standin: GitHubStandin;
  const pullRequest = (headSha: string) => ({
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: 42,
        head: { ref: 'feature/login', sha: headSha, repo: { full_name: 'acme/web' } },
        base: { ref: 'main', repo: { full_name: 'acme/web' } },
      },
    },
  });

  async function onPullRequest(scenario: string, headAfter: string) {
    standin = await github();
    standin.heads['feature/login'] = headAfter;
    const sim = await simulator({ speed: 0.3, scenario });
    const result = await run(sim, {
      ...pullRequest(HEAD_SHA),
      inputs: { 'github-token': 'ghs_standin' },
      env: { GITHUB_API_URL: standin.url },
    });
    return { sim, result };
  }

  it('the agent commits to the pull request, and `changed` is true when its head moved', async () => {
    const { sim, result } = await onPullRequest('success', '2'.repeat(40));
    expect(result.code).toBe(0);
    expect(sim.runs[0]!.request).toMatchObject({ workingBranch: 'feature/login', baseBranch: 'main' });
    expect(result.outputs).toMatchObject({
      'working-branch': 'feature/login',
      'pull-request-url': 'https://github.com/acme/web/pull/42',
      changed: 'true',
    });
    expect(standin.calls.filter((c) => c.includes('/git/ref/'))).toHaveLength(1);
  });

  it('`changed` is false when the head did not move, though Mogplex says the branch is ahead', async () => {
    const { sim, result } = await onPullRequest('no-changes', HEAD_SHA);
    expect(sim.runs[0]!.delivery).toMatchObject({ changed: true });
    expect(result.outputs).toMatchObject({ 'pull-request-url': 'https://github.com/acme/web/pull/42', changed: 'false' });
    expect(result.stdout).toContain('No code changes (pull request: https://github.com/acme/web/pull/42)');
  });
});

describe("Mogplex's run-start quota", () => {
  it('a start refused for an hour ends the step at once, naming the quota and when it frees up', async () => {
    const sim = await simulator({ speed: 0.3, runStartLimit: { perMinute: 10, perHour: 1 } });
    expect((await run(sim, { inputs: { wait: 'false' } })).code).toBe(0);
    const started = Date.now();
    const result = await run(sim, { inputs: { prompt: 'Another task' } });
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const [error] = result.commands.filter((c) => c.command === 'error').map((c) => c.data);
    expect(error).toMatch(/run-start quota is used up \(10 run starts a minute, 30 an hour and 150 a day for each token\)/);
    const at = /next start is allowed at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC, in (\d+) min/.exec(error ?? '');
    expect(Number(at?.[2])).toBeGreaterThan(55);
    // Nothing started, so nothing is left for the post step to cancel.
    expect(result.state.done).toBe('true');
    expect(sim.runs).toHaveLength(1);
  });
});

describe("Mogplex's www move", () => {
  // The move is followed over HTTPS only (unit tests: redirect.test.ts, client.test.ts). Over plain http, allowed for loopback
  // alone, a name like www.localhost would go through http_proxy with the token in clear text.
  it('refuses http://www.localhost as api-url before any request, and never follows the move over plain http', async () => {
    const sim = await simulator({ speed: 0.3 });
    const refused = await run(sim, { inputs: { 'api-url': sim.wwwUrl }, env: { http_proxy: sim.url } });
    expect(refused.code).toBe(1);
    expect(refused.commands.find((c) => c.command === 'error')?.data).toMatch(/^Input `api-url`: must use https/);
    expect(sim.requests).toEqual([]);

    sim.addFault({
      match: { path: '/repos' },
      action: { status: 308, headers: { Location: `${sim.wwwUrl}/api/v1/mogplex/repos?q=acme%2Fweb&limit=200` } },
    });
    const moved = await run(sim, { env: { http_proxy: sim.url } });
    expect(moved.code).toBe(1);
    expect(moved.commands.find((c) => c.command === 'error')?.data).toMatch(/redirected to http:\/\/www\.localhost/);
    // The token went nowhere but the loopback origin it was given for.
    expect(sim.requests.map((r) => r.headers.host)).toEqual([new URL(sim.url).host]);
  });
});
