import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RequestBudget } from '../../src/api/budget.js';
import { MogplexClient } from '../../src/api/client.js';
import { ApiError, TransportError } from '../../src/api/errors.js';
import { parseAutomationJob, type AutomationJob } from '../../src/api/schema.js';
import { followAutomationJob } from '../../src/follow/automation-job.js';
import type { Cadence } from '../../src/follow/cadence.js';
import { readAutomationInput } from '../../src/inputs/settings.js';
import { triggerAutomation } from '../../src/run/automation.js';
import type { WorkflowContext } from '../../src/event/context.js';

const API = 'https://mogplex.test';
const BASE = '/api/v1/mogplex';
const AUTOMATION = '5d1c9a7e-2f4b-4c8d-9e6a-0b1c2d3e4f50';
const FAST: Cadence = {
  activeMs: 1,
  quietMs: 4,
  endingMs: 1,
  statusMs: 2,
  firstMs: 0,
  jitter: 0,
  streamQuietMs: 30,
  streamQuietLongMs: 30,
  pausedMs: 2,
};
const client = () =>
  new MogplexClient({
    apiUrl: API,
    token: 'mog_t',
    budget: new RequestBudget(60),
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 10 },
  });

const row = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  event_type: 'log',
  tool_name: null,
  message: `m ${id}`,
  payload: {},
  created_at: null,
  ...extra,
});
const jobData = (status: string, events: unknown[]) => ({
  run: {
    id: 'job-1',
    status,
    error: null,
    input_tokens: 10,
    output_tokens: 5,
    cost_usd: null,
    latest_ai_call: { model: 'gpt-5-codex' },
    metadata: { working_branch: 'mogplex/automation-1' },
    ai_calls: [{ id: 'c', events }],
  },
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('parseAutomationJob', () => {
  it('maps raw snake_case rows and caps them as the server caps v1 payloads', () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    const job = parseAutomationJob(
      jobData('running', [
        row('e1', {
          event_type: 'tool_started',
          tool_name: 'shell',
          payload: { long: 'x'.repeat(3_000), deep, list: Array.from({ length: 40 }, (_, i) => i) },
        }),
      ]),
    );
    expect(job).toMatchObject({
      id: 'job-1',
      status: 'running',
      inputTokens: 10,
      outputTokens: 5,
      costUsd: null,
      model: 'gpt-5-codex',
      workingBranch: 'mogplex/automation-1',
    });
    const payload = job.events[0]!.payload as { long: string; deep: unknown; list: unknown[] };
    expect(job.events[0]).toMatchObject({ id: 'e1', type: 'tool_started', toolName: 'shell' });
    expect(payload.long).toHaveLength(2_001);
    expect(payload.deep).toEqual({ a: { b: '[deeper than 3 levels]' } });
    expect(payload.list).toHaveLength(25);
  });
});

describe('followAutomationJob', () => {
  function scripted(steps: Array<AutomationJob | Error>) {
    let i = 0;
    return {
      getAutomationJob: vi.fn(async () => {
        const step = steps[Math.min(i++, steps.length - 1)]!;
        if (step instanceof Error) throw step;
        return step;
      }),
    };
  }
  const job = (status: string, ids: string[]): AutomationJob =>
    parseAutomationJob(
      jobData(
        status,
        ids.map((id) => row(id)),
      ),
    );

  it('hands each event once as the answer grows, through passing errors, to a terminal status', async () => {
    const seen: string[] = [];
    const statuses: string[] = [];
    const notes: string[] = [];
    const end = await followAutomationJob({
      client: scripted([
        job('pending', []),
        job('running', ['e1']),
        new TransportError('automation run', 'reset'),
        job('running', ['e1', 'e2']),
        job('success', ['e1', 'e2', 'e3']),
      ]),
      automationId: AUTOMATION,
      jobRunId: 'job-1',
      cadence: FAST,
      deadline: Date.now() + 5_000,
      signal: new AbortController().signal,
      onEvent: (e) => seen.push(e.id),
      onJob: (j) => statuses.push(j.status),
      onNote: (n) => notes.push(n.kind),
    });
    expect(end).toBe('terminal');
    expect(seen).toEqual(['e1', 'e2', 'e3']);
    expect(statuses.at(-1)).toBe('success');
    expect(notes).toEqual(['poll-error']);
  });

  it('throws what reading again cannot fix, and ends at the deadline or on a cancel', async () => {
    const base = {
      automationId: AUTOMATION,
      jobRunId: 'job-1',
      cadence: FAST,
      onEvent: () => undefined,
      onJob: () => undefined,
      onNote: () => undefined,
    };
    await expect(
      followAutomationJob({
        ...base,
        client: scripted([new ApiError(401, 'UNAUTHORIZED', '', 'automation run')]),
        deadline: Date.now() + 5_000,
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ status: 401 });
    expect(
      await followAutomationJob({
        ...base,
        client: scripted([job('running', [])]),
        deadline: Date.now() + 30,
        signal: new AbortController().signal,
      }),
    ).toBe('timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(
      await followAutomationJob({
        ...base,
        client: scripted([job('running', [])]),
        deadline: Date.now() + 5_000,
        signal: controller.signal,
      }),
    ).toBe('aborted');
  });
});

describe('automation settings', () => {
  it('refuses inputs only a run takes, but keeps idempotency-key', async () => {
    const { readSettings } = await import('../../src/inputs/settings.js');
    const context: WorkflowContext = {
      eventName: 'push',
      repository: 'acme/web',
      runId: '1',
      runAttempt: '1',
      job: 'j',
      action: 'a',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      fromFork: false,
    };
    const read = (inputs: Record<string, string>) =>
      readSettings({ getInput: (name) => ({ token: 'mog_t', 'automation-id': AUTOMATION, ...inputs })[name] ?? '', context, env: {} });
    expect(read({ 'idempotency-key': 'k-2' })).toMatchObject({
      automation: { id: AUTOMATION, inputText: '' },
      idempotencyKey: 'k-2',
      prompt: '',
    });
    expect(() => read({ mode: 'safe' })).toThrow(/^Input `mode`: is for starting a run/);
    expect(() => read({ 'run-id': 'r' })).toThrow(/^Input `run-id`: cannot be set with `automation-id`/);
    expect(() => read({ 'automation-id': 'nope' })).toThrow(/^Input `automation-id`: "nope" is not an automation id/);
    expect(() => read({ 'automation-id': '', 'automation-input': 'a: 1', prompt: 'p' })).toThrow(
      /^Input `automation-input`: is set without `automation-id`/,
    );
  });
});

describe('automation input', () => {
  it('takes JSON or YAML objects with keys as the server accepts them', async () => {
    expect(await readAutomationInput('{"ticket": "WEB-1"}')).toEqual({ ticket: 'WEB-1' });
    expect(await readAutomationInput('ticket: WEB-1\ndry_run: true')).toEqual({ ticket: 'WEB-1', dry_run: true });
    expect(await readAutomationInput('')).toEqual({});
    await expect(readAutomationInput('[1]')).rejects.toThrow(/must be an object/);
    await expect(readAutomationInput('{"1x": 1}')).rejects.toThrow(/key "1x"/);
    await expect(readAutomationInput('{')).rejects.toThrow(/neither JSON nor YAML/);
    await expect(
      readAutomationInput(JSON.stringify(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])))),
    ).rejects.toThrow(/33 keys/);
  });
});

describe('triggerAutomation', () => {
  const context: WorkflowContext = {
    eventName: 'push',
    repository: 'acme/web',
    runId: '1',
    runAttempt: '1',
    job: 'j',
    action: 'a',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    fromFork: false,
  };
  const cancel = { signal: new AbortController().signal, hurry: new AbortController().signal };
  const settings = {
    repo: { kind: 'name' as const, fullName: 'acme/web' },
    automation: { id: AUTOMATION, inputText: '{"ticket": "X"}' },
  } as Parameters<typeof triggerAutomation>[0];
  const repos = () =>
    nock(API)
      .get(`${BASE}/repos`)
      .query(true)
      .reply(200, { ok: true, data: { repos: [{ id: 'r-1', full_name: 'acme/web', installation_id: 1, default_branch: 'main' }] } });

  it('reports the job it started, and fails with the reason when nothing started', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    repos();
    nock(API)
      .post(`${BASE}/automations/${AUTOMATION}/trigger`, { repoId: 'r-1', input: { ticket: 'X' } })
      .reply(202, {
        ok: true,
        data: {
          run: {
            jobRunId: 'job-1',
            outcome: 'queued',
            reason: 'INSTALLATION_CONCURRENCY_LIMIT',
            status: 'pending',
            started: false,
            replayed: false,
            workingBranch: 'mogplex/automation-1',
          },
        },
      });
    const { report } = await triggerAutomation(settings, context, client(), cancel);
    expect(report).toMatchObject({
      automation: { id: AUTOMATION },
      run: { runId: 'job-1', branch: { working: 'mogplex/automation-1' } },
      repo: 'acme/web',
    });
    repos();
    nock(API)
      .post(`${BASE}/automations/${AUTOMATION}/trigger`)
      .reply(202, {
        ok: true,
        data: {
          run: { jobRunId: null, outcome: 'suppressed', reason: 'Already running', status: 'suppressed', started: false, replayed: false },
        },
      });
    await expect(triggerAutomation(settings, context, client(), cancel)).rejects.toThrow(
      /started nothing .* \(outcome suppressed\): Already running/,
    );
    vi.restoreAllMocks();
  });

  it('cancels a job; a job that ended answers 409, which is no error', async () => {
    nock(API).post(`${BASE}/automations/${AUTOMATION}/runs/job-1/cancel`).reply(200, { ok: true, status: 'cancelled' });
    await expect(client().cancelAutomationJob(AUTOMATION, 'job-1')).resolves.toEqual({ alreadyEnded: false });
    nock(API)
      .post(`${BASE}/automations/${AUTOMATION}/runs/job-1/cancel`)
      .reply(409, { ok: false, error: { code: 'CONFLICT', message: 'Automation run is not cancelable (status: success)' } });
    await expect(client().cancelAutomationJob(AUTOMATION, 'job-1')).resolves.toEqual({ alreadyEnded: true });
  });
});

describe('an automation job in the outputs and the summary', () => {
  it('shows tokens, cost and model; a model that is not one clean word is left out', async () => {
    const { newReport } = await import('../../src/report/report.js');
    const { outputsOf } = await import('../../src/report/outputs.js');
    const { renderSummary } = await import('../../src/report/summary.js');
    const { startedRun } = await import('./fixtures.js');
    const report = newReport(startedRun({ runId: 'job-1', status: 'running' }), 'acme/web');
    report.automation = { id: AUTOMATION, inputTokens: 1200, outputTokens: 300, costUsd: 0.0123, model: 'gpt-5-codex' };
    expect(outputsOf(report).values).toMatchObject({
      status: 'running',
      'input-tokens': '1200',
      'output-tokens': '300',
      'cost-usd': '0.0123',
      model: 'gpt-5-codex',
    });
    const html = renderSummary(report);
    expect(html).toContain('<tr><th align="left">Tokens</th><td>1200 in, 300 out</td></tr>');
    expect(html).toContain('<tr><th align="left">Cost</th><td>$0.0123</td></tr>');
    report.automation.model = 'gpt\n::error::x';
    expect(outputsOf(report).values.model).toBe('');
  });
});
