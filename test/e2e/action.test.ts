// The built action, end to end, against the local simulator: the paths a user
// meets. Each test spawns `node dist/index.js` (Node 24) as the runner would.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_API_ID, REPO_WEB_ID } from '../../simulator/server.js';
import { groupTitles, routes, run, simulator } from './helpers.js';
import { pullRequestEvent } from '../support/pull-request.js';
import { nodeBinary } from '../support/run-action.js';

describe('the action against the simulator', () => {
  it('runs the bundle on Node 24, as `runs.using: node24` does on GitHub', () => {
    // The `node` dev dependency provides it on a machine whose own Node is older.
    expect(execFileSync(nodeBinary(), ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  it('follows a successful run: every event once, summary, outputs, exit 0', async () => {
    const sim = await simulator({ speed: 0.4 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const [created] = sim.runs;
    expect(sim.runs).toHaveLength(1);
    expect(result.outputs).toMatchObject({ 'run-id': created!.id, status: 'success', replayed: 'false', 'base-branch': 'main', error: '' });
    expect(groupTitles(result)).toHaveLength(created!.events.length);
    expect(groupTitles(result).map((t) => t.replace(/^\+\d+:\d\d /, ''))).toEqual(
      created!.events.map((e) => [e.type, e.toolName ?? '', e.message ?? ''].filter(Boolean).join(' ')),
    );
    expect(result.stdout).toContain(`Mogplex run ${created!.id} started`);
    expect(result.stdout).toMatch(/Run \S+ ended: success after \d+s/);
    expect(result.summary).toContain('✅ Mogplex run succeeded');
    expect(result.summary).toContain(`<code>${created!.id}</code>`);
    expect(result.summary).toContain('<h3>Last events</h3>');
    expect(result.state).toMatchObject({ runId: created!.id, done: 'true' });
    expect(result.commands.filter((c) => c.command === 'error')).toEqual([]);
  });

  it("fails the step with the run's own error when the run fails", async () => {
    const sim = await simulator({ speed: 0.4, scenario: 'failed' });
    const result = await run(sim);
    expect(result.code).toBe(1);
    expect(result.outputs.status).toBe('failed');
    const errors = result.commands.filter((c) => c.command === 'error').map((c) => c.data);
    expect(errors).toEqual([`Mogplex run ${sim.runs[0]!.id} failed: ${sim.runs[0]!.error}`]);
    expect(result.outputs.error).toBe(errors[0]);
    expect(result.summary).toContain('❌ Mogplex run failed');
  });

  it('fails the step when the run is cancelled on the server', async () => {
    const sim = await simulator({ speed: 0.4, scenario: 'cancelled' });
    const result = await run(sim);
    expect(result.code).toBe(1);
    expect(result.outputs.status).toBe('cancelled');
    expect(result.commands.find((c) => c.command === 'error')?.data).toMatch(/was cancelled/);
  });

  it('replays the same run on a re-run of the workflow: one run created', async () => {
    const sim = await simulator({ speed: 0.3 });
    const first = await run(sim, { env: { GITHUB_RUN_ATTEMPT: '1' } });
    const second = await run(sim, { env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(sim.runs).toHaveLength(1);
    expect(second.outputs).toMatchObject({ 'run-id': first.outputs['run-id'], replayed: 'true', status: 'success' });
    expect(second.stdout).toContain('replayed');
    expect(second.summary).toContain('yes (started earlier by this workflow run)');
    // The replay still shows the run's events.
    expect(groupTitles(second)).toHaveLength(sim.runs[0]!.events.length);
  });

  it('starts a second run for another step with another prompt', async () => {
    const sim = await simulator({ speed: 0.3 });
    await run(sim);
    const other = await run(sim, { inputs: { prompt: 'Another task' }, env: { GITHUB_ACTION: '__run_2' } });
    expect(other.code).toBe(0);
    expect(sim.runs).toHaveLength(2);
  });

  it('resolves owner/name to the exact repo among substring matches', async () => {
    const sim = await simulator({ speed: 0.3 });
    const web = await run(sim, { inputs: { repo: 'ACME/Web' } });
    const api = await run(sim, { inputs: { repo: REPO_API_ID } });
    expect([web.code, api.code]).toEqual([0, 0]);
    expect(sim.runs.map((r) => r.request.repoId)).toEqual([REPO_WEB_ID, REPO_API_ID]);
    // A repo id is looked up too (by id): the delivered pull request must be in that repository.
    expect(sim.requests.filter((r) => r.path.endsWith('/repos')).map((r) => r.query)).toEqual([
      { q: 'ACME/Web', limit: '200' },
      { id: REPO_API_ID },
    ]);
  });

  it('fails with import advice when the repo is unknown, before starting anything', async () => {
    const sim = await simulator();
    const result = await run(sim, { inputs: { repo: 'acme/nope' } });
    expect(result.code).toBe(1);
    expect(result.commands.find((c) => c.command === 'error')?.data).toMatch(/no Mogplex repo named acme\/nope.*Import the repository/);
    expect(routes(sim)).toEqual(['GET /repos']);
  });

  it("puts the agent on a pull request's own branch, delivering into the branch it targets", async () => {
    const sim = await simulator({ speed: 0.3 });
    const result = await run(sim, {
      ...pullRequestEvent({ headRef: 'feature/login' }),
    });
    expect(result.code).toBe(0);
    expect(sim.runs[0]!.request).toMatchObject({ workingBranch: 'feature/login', baseBranch: 'main' });
    expect(sim.runs[0]!.request).not.toHaveProperty('createBranch');
    expect(result.outputs).toMatchObject({ 'working-branch': 'feature/login', 'base-branch': 'main' });
  });

  it('with wait: false, starts the run, reports it and exits 0 without following', async () => {
    const sim = await simulator({ scenario: 'endless' });
    const result = await run(sim, { inputs: { wait: 'false', 'create-branch': 'true' } });
    expect(result.code).toBe(0);
    expect(routes(sim)).toEqual(['GET /repos', 'POST /runs']);
    expect(result.outputs).toMatchObject({ 'run-id': sim.runs[0]!.id, status: 'pending' });
    expect(result.outputs['working-branch']).toMatch(/^mogplex\/external\//);
    expect(result.summary).toContain('not followed');
    expect(result.state.done).toBe('true');
  });

  it('with log-level: quiet prints status changes and the end, no event groups', async () => {
    const sim = await simulator({ speed: 0.3 });
    const result = await run(sim, { inputs: { 'log-level': 'quiet' } });
    expect(result.code).toBe(0);
    expect(groupTitles(result)).toEqual([]);
    expect(result.stdout).not.toContain('"path"');
    expect(result.stdout).toMatch(/Status: pending -> (streaming|success)/);
    expect(result.stdout).toMatch(/finished: Harness run finished/);
    expect(result.stdout).toMatch(/Run \S+ ended: success/);
    expect(result.summary).toContain('Last events');
  });

  it('rejects a bad input with an error naming it, and sends nothing', async () => {
    const sim = await simulator();
    const result = await run(sim, { inputs: { harness: 'gpt-9' } });
    expect(result.code).toBe(1);
    expect(result.commands.filter((c) => c.command === 'error').map((c) => c.data)).toEqual([
      'Input `harness`: must be one of `codex`, `claude-code`, `mogplex`, got "gpt-9".',
    ]);
    expect(sim.requests).toEqual([]);
  });
});
