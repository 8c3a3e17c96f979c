// Faults, rate limits, cancellation, timeouts, log injection and secrets,
// injected through the simulator and observed as a runner would observe them.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_BASE, SIM_TOKEN } from '../../simulator/server.js';
import { runPost } from '../support/run-action.js';
import { pullRequestEvent } from '../support/pull-request.js';
import { groupTitles, routes, run, signalOnStart, simulator } from './helpers.js';

const EVENTS = /\/events$/;

/** Milliseconds between the first request matching `a` and the next request after it. */
function gapAfter(requests: Array<{ at: number; status: number }>, index: number): number {
  return requests[index + 1]!.at - requests[index]!.at;
}

describe('faults', () => {
  it('retries a POST /runs whose answer was lost: the retry replays, one run exists', async () => {
    const sim = await simulator({ speed: 0.3 });
    sim.addFault({ match: { method: 'POST', path: '/runs' }, action: { destroy: 'after' } });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(sim.runs).toHaveLength(1);
    const posts = sim.requests.filter((r) => r.method === 'POST' && r.path === `${API_BASE}/runs`);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers['idempotency-key']).toBe(posts[0]!.headers['idempotency-key']);
    expect(posts[1]!.body).toBe(posts[0]!.body);
    expect(result.outputs['run-id']).toBe(sim.runs[0]!.id);
  });

  it('honours Retry-After on a 429 start and a 503 poll, and completes', async () => {
    const sim = await simulator({ server: 'august', speed: 0.5 });
    sim.addFault({ match: { method: 'POST', path: '/runs' }, action: { status: 429, headers: { 'Retry-After': '2' } } });
    sim.addFault({ match: { method: 'GET', path: EVENTS, nth: 2 }, action: { status: 503, headers: { 'Retry-After': '1' } } });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const limited = sim.requests.findIndex((r) => r.status === 429);
    const unavailable = sim.requests.findIndex((r) => r.status === 503);
    expect(gapAfter(sim.requests, limited)).toBeGreaterThanOrEqual(2_000);
    expect(gapAfter(sim.requests, unavailable)).toBeGreaterThanOrEqual(1_000);
    expect(result.outputs.status).toBe('success');
  });

  it('survives bursts of 500s, a reset socket, garbled and slow answers while polling: every event once', async () => {
    // Long enough (about 19 s) for ten polls under the sharing cadence, also on a loaded machine.
    const sim = await simulator({ server: 'august', scenario: 'slow', speed: 1.5 });
    // Counted among events requests, retries included: a burst of three 500s; later a reset, a proxy page and a garbled body in a row.
    sim.addFault({ match: { path: EVENTS, nth: 2, times: 3 }, action: { status: 500 } });
    sim.addFault({ match: { path: EVENTS, nth: 7 }, action: { destroy: 'before' } });
    sim.addFault({ match: { path: EVENTS, nth: 8 }, action: { status: 502, body: '<html><body>Bad Gateway</body></html>' } });
    sim.addFault({ match: { path: EVENTS, nth: 9 }, action: { garble: true } });
    sim.addFault({ match: { path: EVENTS, nth: 10 }, action: { delayMs: 1_500 } });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const answers = sim.requests.filter((r) => EVENTS.test(r.path)).map((r) => (r.faulted ? `${r.status}!` : `${r.status}`));
    expect(answers.slice(0, 10)).toEqual(['200', '500!', '500!', '500!', '200', '200', '0!', '502!', '200!', '200!']);
    const titles = groupTitles(result);
    expect(titles).toHaveLength(sim.runs[0]!.events.length);
    expect(new Set(titles.map((t) => t.replace(/^\+\d+:\d\d /, ''))).size).toBe(titles.length);
    expect(result.outputs.status).toBe('success');
  });
});

describe('cancellation and timeout', () => {
  it('on SIGINT cancels the run within 5 s, reports it and exits non-zero', async () => {
    const sim = await simulator({ scenario: 'endless' });
    let signalledAt = 0;
    const result = await run(sim, {
      onStdout: (_chunk: string, child: ChildProcess) => {
        if (!signalledAt && sim.runs[0]?.events.length) {
          signalledAt = Date.now();
          child.kill('SIGINT');
        }
      },
    });
    expect(result.code).not.toBe(0);
    const cancel = sim.requests.find((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
    expect(cancel).toBeDefined();
    expect(cancel!.at - signalledAt).toBeLessThan(5_000);
    expect(result.outputs['run-id']).toBe(sim.runs[0]!.id);
    expect(result.outputs.status).toBeTruthy();
    expect(result.summary).toContain('the job was cancelled');
    expect(result.commands.find((c) => c.command === 'error')?.data).toMatch(/The job was cancelled; cancellation of Mogplex run/);
    expect(result.state.done).toBe('true');
    // Groups are balanced: the log is not left inside a group.
    const kinds = result.commands.map((c) => c.command);
    expect(kinds.filter((k) => k === 'group').length).toBe(kinds.filter((k) => k === 'endgroup').length);
  });

  it('cancels a run whose start was in flight when SIGINT arrived', async () => {
    const sim = await simulator({ scenario: 'endless' });
    sim.addFault({ match: { method: 'POST', path: '/runs' }, action: { delayMs: 1_500 } });
    const result = await run(sim, {
      // Signal as soon as the start request reaches the simulator, while its answer is held back.
      onSpawn: signalOnStart(sim, 'SIGINT'),
    });
    expect(result.code).not.toBe(0);
    expect(sim.runs).toHaveLength(1);
    expect(routes(sim)).toContain('POST /runs/:id/cancel');
    expect(routes(sim).filter((r) => r.endsWith('/events'))).toEqual([]);
  });

  it('when the main step is killed, the post step cancels the run', async () => {
    const sim = await simulator({ scenario: 'endless' });
    const main = await run(sim, { signal: { when: /Mogplex run \S+ started/, name: 'SIGKILL' } });
    expect(main.signal).toBe('SIGKILL');
    expect(main.state.runId).toBe(sim.runs[0]!.id);
    expect(routes(sim)).not.toContain('POST /runs/:id/cancel');
    const post = await runPost(main);
    expect(post.code).toBe(0);
    expect(routes(sim).filter((r) => r === 'POST /runs/:id/cancel')).toHaveLength(1);
    expect(post.stdout).toContain('cancellation was requested');
    await post.cleanup();
  });

  it('the post step sends nothing when the main step saw the run end', async () => {
    const sim = await simulator({ speed: 0.3 });
    const main = await run(sim);
    const before = sim.requests.length;
    const post = await runPost(main);
    expect(post.code).toBe(0);
    expect(sim.requests.length).toBe(before);
    await post.cleanup();
  });

  it('at timeout-minutes cancels the run, sets outputs and fails naming the timeout', async () => {
    const sim = await simulator({ scenario: 'endless' });
    const result = await run(sim, { inputs: { 'timeout-minutes': '0.04' } });
    expect(result.code).toBe(1);
    expect(routes(sim)).toContain('POST /runs/:id/cancel');
    expect(result.outputs['run-id']).toBe(sim.runs[0]!.id);
    expect(result.outputs.error).toMatch(/Timed out after 0.04 minutes \(timeout-minutes\).*was cancelled/);
    expect(result.summary).toContain('timed out');
  });

  it('with cancel-on-timeout: false leaves the run going and says how to follow it', async () => {
    const sim = await simulator({ scenario: 'endless' });
    const result = await run(sim, { inputs: { 'timeout-minutes': '0.04', 'cancel-on-timeout': 'false' } });
    expect(result.code).toBe(1);
    expect(routes(sim)).not.toContain('POST /runs/:id/cancel');
    expect(result.outputs.error).toMatch(/goes on \(cancel-on-timeout: false\).*mogplex runs events/);
    expect(result.state.done).toBe('true');
  });
});

describe('the 200-event window', () => {
  it('says so once, follows the status with GET /runs/{id}, and ends correctly', async () => {
    const sim = await simulator({ server: 'august', scenario: 'many-events', speed: 0.6 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(groupTitles(result)).toHaveLength(200);
    expect(result.stdout.match(/Showing the first 200 events/g)).toHaveLength(1);
    const api = routes(sim);
    const firstStatusPoll = api.indexOf('GET /runs/:id');
    expect(firstStatusPoll).toBeGreaterThan(api.lastIndexOf('GET /runs/:id/events'));
    expect(result.summary).toContain('the first 200 events are shown');
    expect(result.outputs.status).toBe('success');
  });
});

describe('log injection', () => {
  it('no text from the API becomes a workflow command; the outputs are the real ones', async () => {
    const sim = await simulator({ scenario: 'injection', speed: 0.6 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const ours = new Set(['group', 'endgroup', 'stop-commands', 'add-mask', 'debug']);
    const foreign = result.commands.filter((c) => !ours.has(c.command) && c.effect !== 'resume');
    // The hostile git_delivery values are refused, each with one warning of ours, escaped onto one line.
    expect(foreign.map((c) => `${c.command}: ${c.data}`)).toEqual([
      expect.stringMatching(/^warning: Ignored a value from Mogplex: working_branch "::set-output name=working-branch::pwned"/),
      expect.stringMatching(
        /^warning: Ignored a value from Mogplex: pull_request_url "https:\/\/github.com\/acme\/web\/pull\/43\) ::error::pwned/,
      ),
    ]);
    expect(result.outputs).toMatchObject({ 'pull-request-url': '', changed: 'true', 'working-branch': 'main' });
    expect(result.commands.filter((c) => c.command === 'add-mask').map((c) => c.data)).toEqual([SIM_TOKEN]);
    expect(result.commands.filter((c) => c.rejected)).toEqual([]);
    expect(result.outputs.status).toBe('success');
    expect(Object.keys(result.outputs).sort()).toEqual([
      'base-branch',
      'changed',
      'duration-seconds',
      'error',
      'event-count',
      'events-file',
      'pull-request-url',
      'replayed',
      'run-id',
      'status',
      'tool-calls',
      'triggered',
      'working-branch',
    ]);
    expect(result.exportedEnv).toEqual({});
    expect(result.addedPath).toEqual([]);
    expect(result.stdout).not.toMatch(/[\u001b\u202e\u200b]/);
    expect(result.summary).not.toMatch(/<img|<script|\]\(http|@org/);
  });
});

describe('log injection through API errors', () => {
  it('error texts from the API, printed at log-level debug and in the failure, run no command', async () => {
    const sim = await simulator({ server: 'august', speed: 0.3 });
    const attack = JSON.stringify({
      ok: false,
      error: { code: '::error::code', message: 'x\n::error::pwned\r\n##[warning]y %0A::set-output name=status::success' },
    });
    sim.addFault({ match: { path: EVENTS }, action: { status: 503, body: attack } });
    sim.addFault({ match: { path: EVENTS, nth: 2 }, action: { status: 401, body: attack } });
    const result = await run(sim, { inputs: { 'log-level': 'debug' } });
    expect(result.code).toBe(1);
    // The follower tries a failed poll again itself, and says why (escaped, inside stop-commands).
    expect(result.stdout).toContain('Reading the run failed, will try again: Mogplex run events failed with HTTP 503');
    const commands = result.commands.filter(
      (c) => !['group', 'endgroup', 'stop-commands', 'add-mask', 'debug'].includes(c.command) && c.effect !== 'resume',
    );
    // The one annotation is the action's own failure, made with core.setFailed (its data escaped).
    expect(commands.map((c) => c.command)).toEqual(['error']);
    expect(commands[0]!.data).toMatch(/^Lost track of Mogplex run/);
    expect(result.outputs.status).not.toBe('success');
  });
});

describe('secrets', () => {
  function leaks(result: Awaited<ReturnType<typeof run>>, token: string): string[] {
    const places: Record<string, string> = {
      stdout: result.stdout
        .split('\n')
        .filter((line) => line !== `::add-mask::${token}`)
        .join('\n'),
      stderr: result.stderr,
      summary: result.summary,
      outputs: JSON.stringify(result.outputs),
      state: JSON.stringify(result.state),
    };
    return Object.entries(places)
      .filter(([, text]) => text.includes(token))
      .map(([where]) => where);
  }

  it('never shows the token, also with debug logging', async () => {
    const sim = await simulator({ speed: 0.3 });
    const result = await run(sim, { inputs: { 'log-level': 'debug' }, env: { RUNNER_DEBUG: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`::add-mask::${SIM_TOKEN}`)).toBe(true);
    expect(result.stdout).toContain('[debug] GET /runs/');
    expect(leaks(result, SIM_TOKEN)).toEqual([]);
  });

  it('never shows the token when it is rejected (401)', async () => {
    const sim = await simulator();
    const token = 'mog_revoked_0123456789abcdef';
    const result = await run(sim, { inputs: { token, 'log-level': 'debug' } });
    expect(result.code).toBe(1);
    expect(result.commands.find((c) => c.command === 'error')?.data).toMatch(/HTTP 401 UNAUTHORIZED.*Check the secret passed as `token`/);
    expect(leaks(result, token)).toEqual([]);
  });

  it('explains an empty token on a pull request from a fork, sending nothing', async () => {
    const sim = await simulator();
    const result = await run(sim, {
      inputs: { token: '' },
      ...pullRequestEvent({ headRef: 'patch-1', headRepo: 'someone/web' }),
    });
    expect(result.code).toBe(1);
    expect(result.commands.find((c) => c.command === 'error')?.data).toMatch(/comes from a fork.*does not give repository secrets/);
    expect(sim.requests).toEqual([]);
  });
});

describe('bad input', () => {
  it.each([
    ['api-url', { 'api-url': 'htp:/nope' }],
    ['api-url', { 'api-url': 'http://mogplex.example' }],
    ['prompt-file', { prompt: '', 'prompt-file': 'missing.md' }],
    ['prompt-file', { prompt: '', 'prompt-file': 'prompts' }],
    ['harness', { harness: 'cursor' }],
    ['base-branch', { 'base-branch': 'feature..x' }],
    ['timeout-minutes', { 'timeout-minutes': '-1' }],
    ['timeout-minutes', { 'timeout-minutes': 'soon' }],
    ['requests-per-minute', { 'requests-per-minute': '61' }],
    ['wait', { wait: 'maybe' }],
  ])('`%s` %j: an error naming it, zero requests', async (input, inputs) => {
    const sim = await simulator();
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    mkdirSync(join(workspace, 'prompts'));
    const result = await run(sim, { inputs, workspace });
    const errors = result.commands.filter((c) => c.command === 'error').map((c) => c.data);
    expect(result.code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^Input \`${input}\``));
    expect(sim.requests).toEqual([]);
  });
});
