// Automations through the built action (mogplex-api.md section 8): a key
// limited to automations triggers one, follows its job, and sees its log,
// result and cost in the job.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTOMATION_ID, DEFAULT_AUTOMATIONS, SIM_AUTOMATION_TOKEN, type SimAutomation } from '../../simulator/server.js';
import type { ActionResult } from '../support/run-action.js';
import { routes, run, simulator } from './helpers.js';

const errors = (result: ActionResult): string[] => result.commands.filter((c) => c.command === 'error').map((c) => c.data);
const base = { token: SIM_AUTOMATION_TOKEN, prompt: undefined, 'automation-id': AUTOMATION_ID };
const automation = (changes: Partial<SimAutomation>): SimAutomation[] => [{ ...DEFAULT_AUTOMATIONS[0]!, ...changes }];

describe('automations', () => {
  it('a key limited to automations triggers one: its log, result, tokens and model reach the job', async () => {
    const sim = await simulator({ speed: 1 });
    const result = await run(sim, { inputs: { ...base, 'automation-input': 'ticket: WEB-42\ndry_run: false' } });
    expect(result.code).toBe(0);
    const trigger = sim.requests.find((r) => r.method === 'POST')!;
    expect(trigger.path).toBe(`/api/v1/mogplex/automations/${AUTOMATION_ID}/trigger`);
    expect(JSON.parse(trigger.body)).toEqual({ repoId: expect.any(String), input: { ticket: 'WEB-42', dry_run: false } });
    const jobId = result.outputs['run-id']!;
    expect(result.outputs).toMatchObject({ status: 'success', model: 'gpt-5-codex', 'cost-usd': '' });
    expect(Number(result.outputs['input-tokens'])).toBeGreaterThan(0);
    expect(result.outputs['pull-request-url']).toMatch(/^https:\/\/github\.com\/acme\/web\/pull\/\d+$/);
    expect(result.outputs['working-branch']).toMatch(/^mogplex\//);
    expect(result.stdout).toContain(`Mogplex automation ${AUTOMATION_ID}: job ${jobId} triggered`);
    expect(result.stdout).toMatch(/⚙ \w+ finished/);
    expect(result.summary).toContain('<tr><th align="left">Model</th><td>gpt-5-codex</td></tr>');
    expect(result.summary).toContain('<tr><th align="left">Cost</th><td>not reported</td></tr>');
    // Every event of the job once, and never through the v1 run routes (the job's id is not a run id).
    const ids = readFileSync(result.outputs['events-file']!, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"event"'))
      .map((line) => (JSON.parse(line) as { event: { id: string } }).event.id);
    expect(ids).toEqual(sim.runs[0]!.events.map((e) => e.id));
    expect(routes(sim).filter((r) => r.startsWith('GET /runs') || r === 'POST /runs')).toEqual([]);
  });

  it('a re-run replays the job; the server’s own message when it refuses an input', async () => {
    const sim = await simulator({ speed: 1 });
    const first = await run(sim, { inputs: { ...base, 'automation-input': '{"ticket": "WEB-1"}' }, env: { GITHUB_RUN_ATTEMPT: '1' } });
    const again = await run(sim, { inputs: { ...base, 'automation-input': '{"ticket": "WEB-1"}' }, env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(again.outputs['run-id']).toBe(first.outputs['run-id']);
    expect(again.outputs.replayed).toBe('true');
    const refused = await run(sim, {
      inputs: { ...base, 'automation-input': '{"ticket": 42, "colour": "red"}' },
      env: { GITHUB_ACTION: 'other' },
    });
    expect(refused.code).toBe(1);
    expect(errors(refused)[0]).toContain(
      'Unknown input "colour". This automation accepts: ticket, dry_run. Input "ticket" must be a string.',
    );
  });

  it('a suppressed trigger fails with its reason; a deferred one is queued and followed to its end', async () => {
    const suppressed = await simulator({ automations: automation({ outcome: 'suppressed' }) });
    const none = await run(suppressed, { inputs: { ...base, 'automation-input': '{"ticket": "WEB-2"}' } });
    expect(none.code).toBe(1);
    expect(errors(none)[0]).toMatch(/Mogplex started nothing for automation .* \(outcome suppressed\): A run of this automation/);
    const deferred = await simulator({ speed: 1, automations: automation({ outcome: 'deferred', scenario: 'success' }) });
    const queued = await run(deferred, { inputs: { ...base, 'automation-input': '{"ticket": "WEB-3"}' } });
    expect(queued.code).toBe(0);
    expect(queued.stdout).toContain('is queued: the installation runs at most 8 jobs at once');
  });

  it('cancels the job at timeout-minutes through its own route', async () => {
    const sim = await simulator({ automations: automation({ scenario: 'endless' }) });
    const result = await run(sim, { inputs: { ...base, 'automation-input': '{"ticket": "WEB-4"}', 'timeout-minutes': '0.05' } });
    expect(result.code).toBe(1);
    expect(routes(sim)).toContain(`POST /automations/${AUTOMATION_ID}/runs/${result.outputs['run-id']}/cancel`);
    await expect.poll(() => sim.runs[0]!.status, { timeout: 5_000 }).toBe('cancelled');
  });

  it('inputs only a run takes are refused with automation-id, and a bad input shape before any request', async () => {
    const sim = await simulator();
    const withPrompt = await run(sim, { inputs: { ...base, prompt: 'Fix it' } });
    expect(errors(withPrompt)[0]).toMatch(/^Input `prompt`: is for starting a run, but `automation-id` is set/);
    const list = await run(sim, { inputs: { ...base, 'automation-input': '- a\n- b' } });
    expect(errors(list)[0]).toMatch(/^Input `automation-input`: must be an object/);
    const badKey = await run(sim, { inputs: { ...base, 'automation-input': '{"Ticket": "x"}' } });
    expect(errors(badKey)[0]).toMatch(/^Input `automation-input`: key "Ticket" is not one Mogplex accepts/);
    expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('a start refused with AUTOMATION_REQUIRED names automation-id', async () => {
    const sim = await simulator();
    const result = await run(sim, { inputs: { token: SIM_AUTOMATION_TOKEN } });
    expect(errors(result)[0]).toMatch(/AUTOMATION_REQUIRED.*Set `automation-id`/);
  });
});
