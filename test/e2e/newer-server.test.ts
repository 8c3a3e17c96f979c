// The built action against the newer Mogplex server (the simulator's default)
// and, where it differs, the August one: the events stream, runs of thousands
// of events, a run that waits for input, the newer start rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIM_AUTOMATION_TOKEN } from '../../simulator/server.js';
import type { ActionResult } from '../support/run-action.js';
import { routes, run, simulator } from './helpers.js';

const STREAM = /\/events\/stream$/;

/** Lines a person sees in the job log: stdout less the workflow commands the runner takes (a group's title stays). */
function visibleLines(result: ActionResult): number {
  const lines = result.stdout.split('\n').filter((line) => line !== '').length;
  return lines - result.commands.filter((c) => c.command !== 'group').length;
}

/** The ids in the events file, in order. */
function eventsFileIds(result: ActionResult): string[] {
  return readFileSync(result.outputs['events-file']!, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{"event"'))
    .map((line) => (JSON.parse(line) as { event: { id: string } }).event.id);
}

const errors = (result: ActionResult): string[] => result.commands.filter((c) => c.command === 'error').map((c) => c.data);
const warnings = (result: ActionResult): string[] => result.commands.filter((c) => c.command === 'warning').map((c) => c.data);

describe('the events stream', () => {
  it('a run of 1,500 events: every event once, the pull request found, a short readable log, few requests', async () => {
    const sim = await simulator({ scenario: 'chatty', speed: 1 });
    const result = await run(sim, { inputs: { 'requests-per-minute': undefined } });
    expect(result.code).toBe(0);
    const created = sim.runs[0]!;
    expect(created.events.length).toBeGreaterThan(1500);
    expect(eventsFileIds(result)).toEqual(created.events.map((e) => e.id));
    expect(result.outputs['pull-request-url']).toMatch(/^https:\/\/github\.com\/acme\/web\/pull\/\d+$/);
    expect(result.outputs.status).toBe('success');
    // The agent's words are joined into lines, a tool call is one line; the log is bounded and says where the rest is.
    expect(visibleLines(result)).toBeLessThan(400);
    expect(result.commands.filter((c) => c.command === 'group').length).toBeLessThan(20);
    expect(result.stdout).toMatch(/⚙ read_file finished \(\d+\.\d s\)/);
    expect(result.stdout).toContain('I read the failing test and the handler it covers.');
    expect(result.stdout).toContain('every event is in the events file');
    expect(routes(sim)).toEqual(['GET /repos', 'POST /runs', 'GET /runs/:id/events/stream', 'GET /runs/:id/events']);
  });

  it('two cuts mid-frame: reconnects with Last-Event-ID, no event lost or shown twice', async () => {
    const sim = await simulator({ scenario: 'chatty', speed: 1 });
    sim.addFault({ match: { path: STREAM }, action: { cutStream: { afterEvents: 300, midFrame: true } } });
    sim.addFault({ match: { path: STREAM, nth: 2 }, action: { cutStream: { afterEvents: 400 } } });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(eventsFileIds(result)).toEqual(sim.runs[0]!.events.map((e) => e.id));
    const streams = sim.requests.filter((r) => STREAM.test(r.path));
    expect(streams.length).toBeGreaterThanOrEqual(3);
    expect(streams[0]!.headers['last-event-id']).toBeUndefined();
    // The frame cut in half was never taken: the reconnect names the last whole one.
    const ids = sim.runs[0]!.events.map((e) => e.id);
    expect(ids.indexOf(streams[1]!.headers['last-event-id']!)).toBe(299);
    expect(result.outputs['pull-request-url']).not.toBe('');
  });

  it('the platform cut (a shorter one here) is reconnected the same way', async () => {
    const sim = await simulator({ scenario: 'agent', speed: 1.5, streamMaxMs: 2_500 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(eventsFileIds(result)).toEqual(sim.runs[0]!.events.map((e) => e.id));
    expect(sim.requests.filter((r) => STREAM.test(r.path)).length).toBeGreaterThanOrEqual(2);
  });

  it('the August server (no stream route): polls the events list, says so, and ends right', async () => {
    const sim = await simulator({ server: 'august', speed: 0.5 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no events stream (an older version): following by polling');
    expect(eventsFileIds(result)).toEqual(sim.runs[0]!.events.map((e) => e.id));
    expect(routes(sim).filter((r) => r === 'GET /runs/:id/events/stream')).toHaveLength(1);
    expect(result.outputs['pull-request-url']).not.toBe('');
  });
});

describe('a run that waits for input (awaiting_input)', () => {
  it('warns at once, keeps following through the pause into the new agent call, and shows the wait', async () => {
    const sim = await simulator({ scenario: 'checkpoint', speed: 1 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const created = sim.runs[0]!;
    expect(warnings(result)).toEqual([expect.stringContaining(`Mogplex run ${created.id} is waiting for input`)]);
    // Both agent calls' events, each once.
    expect(eventsFileIds(result)).toEqual(created.events.map((e) => e.id));
    expect(result.stdout).toContain('The run resumed in a new agent call');
    expect(result.stdout).toMatch(/Status: \w+ -> awaiting_input/);
    // About the 3.5 s the scenario waits (the server's times), not the step's 10 s between status reads.
    expect(result.summary).toMatch(/Waited for input<\/th><td>[3-5]s/);
    expect(result.outputs.status).toBe('success');
  });

  it('at timeout-minutes cancels the waiting run (retrying the 409 race) and says it was waiting for input', async () => {
    const sim = await simulator({ scenario: 'waiting', speed: 1 });
    sim.addFault({
      match: { method: 'POST', path: /\/cancel$/ },
      action: {
        status: 409,
        body: JSON.stringify({ ok: false, error: { code: 'CONFLICT', message: 'Run state changed; retry cancellation' } }),
      },
    });
    const result = await run(sim, { inputs: { 'timeout-minutes': '0.15' } });
    expect(result.code).toBe(1);
    expect(errors(result)).toEqual([
      expect.stringMatching(/^Timed out after 0.15 minutes \(timeout-minutes\) while the run was waiting for input/),
    ]);
    expect(sim.runs[0]!.status).toBe('cancelled');
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel')).map((r) => r.status)).toEqual([409, 200]);
    expect(result.state.done).toBe('true');
  });
});

describe('the newer start rules', () => {
  it('sends the mode the server accepts and shows it and the commit in the summary', async () => {
    const sim = await simulator({ speed: 0.4 });
    const result = await run(sim, { inputs: { mode: 'Safe', harness: 'claude-code' } });
    expect(result.code).toBe(0);
    expect(JSON.parse(sim.requests.find((r) => r.method === 'POST')!.body)).toMatchObject({ mode: 'safe' });
    expect(result.summary).toContain('<th align="left">Mode</th><td>SAFE</td>');
    expect(result.summary).toMatch(/<th align="left">Commit<\/th><td><code>[0-9a-f]{40}<\/code>/);
  });

  it('runs the mogplex harness on a branch of its own, and refuses a mode with it before any request', async () => {
    const sim = await simulator({ speed: 0.4 });
    const ok = await run(sim, { inputs: { harness: 'mogplex' } });
    expect(ok.code).toBe(0);
    expect(sim.runs[0]!.normalized).toMatchObject({ harness: 'mogplex', createBranch: true });
    const before = sim.requests.length;
    const refused = await run(sim, { inputs: { harness: 'mogplex', mode: 'auto' }, env: { GITHUB_ACTION: '__run_2' } });
    expect(refused.code).toBe(1);
    expect(errors(refused)).toEqual([expect.stringMatching(/^Input `mode`: must be empty with `harness: mogplex`/)]);
    expect(sim.requests.length).toBe(before);
  });

  it('the mogplex harness on the August server: a clear message', async () => {
    const sim = await simulator({ server: 'august' });
    const result = await run(sim, { inputs: { harness: 'mogplex' } });
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toMatch(/`mogplex` needs a newer Mogplex server/);
  });

  it('a key limited to automations: a final error that says what to change, not retried', async () => {
    const sim = await simulator();
    const result = await run(sim, { inputs: { token: SIM_AUTOMATION_TOKEN } });
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toMatch(/AUTOMATION_REQUIRED.*only through a Mogplex automation.*Full access/);
    expect(errors(result)[0]).not.toMatch(/write` scope/);
    expect(routes(sim)).toEqual(['GET /repos', 'POST /runs']);
    expect(result.state.done).toBe('true');
  });
});

describe('a run started elsewhere (`run-id`)', () => {
  it('one step starts with wait: false, another follows it by id to the end and reports it', async () => {
    const sim = await simulator({ scenario: 'agent', speed: 1 });
    const started = await run(sim, { inputs: { wait: 'false' } });
    expect(started.code).toBe(0);
    const runId = started.outputs['run-id']!;
    const before = sim.requests.length;
    const awaited = await run(sim, { inputs: { prompt: undefined, 'run-id': runId }, env: { GITHUB_JOB: 'await' } });
    expect(awaited.code).toBe(0);
    expect(awaited.outputs).toMatchObject({ 'run-id': runId, status: 'success', triggered: 'true' });
    expect(awaited.outputs['pull-request-url']).toMatch(/^https:\/\/github\.com\/acme\/web\/pull\/\d+$/);
    expect(eventsFileIds(awaited)).toEqual(sim.runs[0]!.events.map((e) => e.id));
    expect(awaited.stdout).toContain(`Mogplex run ${runId} attached`);
    expect(awaited.summary).toContain('attached (started elsewhere, followed here)');
    // Nothing was started: one run, no POST /runs from the second step.
    expect(sim.runs).toHaveLength(1);
    expect(sim.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('cancels the run it follows at timeout-minutes, like a run it started', async () => {
    const sim = await simulator({ scenario: 'endless' });
    const started = await run(sim, { inputs: { wait: 'false' } });
    const awaited = await run(sim, { inputs: { prompt: undefined, 'run-id': started.outputs['run-id'], 'timeout-minutes': '0.05' } });
    expect(awaited.code).toBe(1);
    expect(errors(awaited)[0]).toMatch(/^Timed out after 0.05 minutes/);
    await expect.poll(() => sim.runs[0]!.status, { timeout: 5_000 }).toBe('cancelled');
  });

  it('an unknown id, or a start-only input beside it, is a clear error', async () => {
    const sim = await simulator();
    const unknown = await run(sim, { inputs: { prompt: undefined, 'run-id': '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.code).toBe(1);
    expect(errors(unknown)[0]).toMatch(/^Input `run-id`: no Mogplex run 00000000-0000-4000-8000-000000000000 is visible to this token/);
    expect(routes(sim)).toEqual(['GET /runs/:id']);
    const both = await run(sim, { inputs: { 'run-id': 'abc' } });
    expect(errors(both)[0]).toMatch(/^Input `prompt`: starts a run, but `run-id` is set/);
    const bad = await run(sim, { inputs: { prompt: undefined, 'run-id': 'a b' } });
    expect(errors(bad)[0]).toMatch(/^Input `run-id`: "a b" is not a Mogplex run id/);
    expect(routes(sim)).toEqual(['GET /runs/:id']);
  });
});

describe('what a run cost, and a cap', () => {
  it('outputs the duration, the events and the tool calls, also in the summary', async () => {
    const sim = await simulator({ scenario: 'agent', speed: 1 });
    const result = await run(sim);
    expect(result.code).toBe(0);
    const events = sim.runs[0]!.events;
    const toolCalls = events.filter((e) => e.type === 'tool_started').length;
    expect(toolCalls).toBeGreaterThan(10);
    expect(result.outputs).toMatchObject({ 'event-count': String(events.length), 'tool-calls': String(toolCalls) });
    expect(Number(result.outputs['duration-seconds'])).toBeGreaterThanOrEqual(5);
    expect(result.summary).toContain(`<tr><th align="left">Tool calls</th><td>${toolCalls}</td></tr>`);
  });

  it('max-tool-calls: past the limit the run is cancelled and the step fails naming it', async () => {
    const sim = await simulator({ scenario: 'chatty', speed: 1 });
    const result = await run(sim, { inputs: { 'max-tool-calls': '5' } });
    expect(result.code).toBe(1);
    expect(errors(result)).toEqual([
      expect.stringMatching(/started 6 tool calls, more than `max-tool-calls` \(5\) allows; the run was cancelled/),
    ]);
    expect(result.outputs['tool-calls']).toBe('6');
    await expect.poll(() => sim.runs[0]!.status, { timeout: 5_000 }).toBe('cancelled');
    expect(result.state.done).toBe('true');
  });
});

describe('artifacts: a result a workflow can act on', () => {
  const schema = JSON.stringify({
    type: 'object',
    required: ['area', 'risk'],
    properties: { area: { enum: ['api', 'web'] }, risk: { type: 'integer', maximum: 5 } },
  });

  it('reads the artifact after a success, checks it against the schema, and sets the outputs and the summary', async () => {
    const sim = await simulator({ speed: 0.4, artifacts: { 'triage.json': { area: 'web', risk: 2 } } });
    const result = await run(sim, { inputs: { artifact: 'triage', 'artifact-schema': schema } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.outputs.artifact!)).toEqual({ area: 'web', risk: 2 });
    expect(JSON.parse(readFileSync(result.outputs['artifact-file']!, 'utf8'))).toEqual({ area: 'web', risk: 2 });
    expect(result.summary).toContain('<h3>Artifact</h3>');
    expect(result.summary).toContain('<tr><td><code>risk</code></td><td><code>2</code></td></tr>');
    // The run got a branch of its own, and the agent was told where to write and what shape.
    const body = JSON.parse(sim.requests.find((r) => r.method === 'POST')!.body) as { createBranch?: boolean; prompt: string };
    expect(body.createBranch).toBe(true);
    expect(body.prompt).toContain('`.mogplex/artifacts/triage.json`');
    expect(body.prompt).toContain('"maximum": 5');
    expect(result.stdout).toContain('`artifact` is set: the run gets a branch of its own');
  });

  it('several names: an object keyed by name', async () => {
    const sim = await simulator({ speed: 0.4, artifacts: { 'a.json': [1, 2], 'b.json': 'text' } });
    const result = await run(sim, { inputs: { artifact: 'a\nb' } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.outputs.artifact!)).toEqual({ a: [1, 2], b: 'text' });
  });

  it.each([
    [
      'a value off the schema',
      { 'triage.json': { area: 'mobile', risk: 9 } },
      {},
      /does not match `artifact-schema`: triage\/area must be equal to one of the allowed values; triage\/risk must be <= 5/,
    ],
    ['a file the agent did not write', {}, {}, /The agent did not write `\.mogplex\/artifacts\/triage\.json`/],
    ['a file that is not JSON', { 'triage.json': { raw: '{oops' } }, {}, /triage\.json` could not be read: Artifact is not valid JSON/],
    [
      'an older server',
      {},
      { server: 'august' as const },
      /no artifact route \(it predates structured output\): upgrade Mogplex, or drop `artifact`/,
    ],
  ])('%s fails the step with its own message', async (_what, artifacts, extra, message) => {
    const sim = await simulator({ speed: 0.4, artifacts, ...extra });
    const result = await run(sim, { inputs: { artifact: 'triage', 'artifact-schema': schema } });
    expect(result.code).toBe(1);
    expect(errors(result)).toEqual([expect.stringMatching(message)]);
  });

  it('a 502 while reading is retried', async () => {
    const sim = await simulator({ speed: 0.4, artifacts: { 'triage.json': { area: 'web', risk: 1 } } });
    sim.addFault({ match: { path: /\/artifact$/, times: 2 }, action: { status: 502 } });
    const result = await run(sim, { inputs: { artifact: 'triage' } });
    expect(result.code).toBe(0);
    expect(sim.requests.filter((r) => r.path.endsWith('/artifact')).map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('`create-branch: false` with `artifact` is an input error before any request', async () => {
    const sim = await simulator();
    const result = await run(sim, { inputs: { artifact: 'triage', 'create-branch': 'false' } });
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toMatch(/^Input `create-branch`: is `false`, but `artifact` needs a run on a branch of its own/);
    const badSchema = await run(sim, { inputs: { artifact: 'triage', 'artifact-schema': '{"type": 12}' } });
    expect(errors(badSchema)[0]).toMatch(/^Input `artifact-schema`: is not a JSON Schema ajv can use/);
    expect(sim.requests).toEqual([]);
  });
});
