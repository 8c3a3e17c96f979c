// Automations (mogplex-api.md section 8): POST /automations/{id}/trigger, the
// job it starts (GET /automations/{id}/runs/{jobRunId}, snake_case, events
// raw and unsanitized) and its cancel. A job's timeline is a run of the
// automation's scenario, kept out of the v1 run routes (its id is not the job's).
import { createHash, randomUUID } from 'node:crypto';
import { fail, ok, type Reply } from './http.js';
import type { RunStore } from './runs.js';
import type { JsonObject, JsonValue, RepoRecord, SimRun } from './types.js';
import type { RepoGit } from './git.js';
import { getScenario } from './scenarios.js';

export interface AutomationInputField {
  key: string;
  type: 'string' | 'integer' | 'boolean' | 'json';
  required?: boolean;
  maxLength?: number;
  enum?: string[];
}

export interface SimAutomation {
  id: string;
  trigger: 'api' | 'schedule';
  state: 'published' | 'draft' | 'disabled';
  /** Repo ids it is configured for. */
  repos: string[];
  inputs: AutomationInputField[];
  scenario: string;
  /** `suppressed`: nothing runs; `deferred`: held by the installation's concurrency limit, starts later by itself. */
  outcome?: 'suppressed' | 'deferred';
}

interface Job {
  id: string;
  automation: SimAutomation;
  token: string;
  key: string;
  input: string;
  run: SimRun | undefined;
  versionId: string;
  outcome: 'queued' | 'suppressed';
  workingBranch: string;
  cancelled: boolean;
}

export class AutomationStore {
  private readonly jobs = new Map<string, Job>();
  private readonly byKey = new Map<string, Job>();

  constructor(
    readonly automations: SimAutomation[],
    private readonly store: RunStore,
    private readonly repos: RepoRecord[],
    private readonly git: ReadonlyMap<string, RepoGit>,
    private readonly automationOnly: ReadonlySet<string>,
  ) {}

  trigger(token: string, automationId: string, key: string | null, rawBody: string, now: number): Reply {
    if (!key) return fail(400, 'BAD_REQUEST', 'Idempotency-Key is required');
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return fail(400, 'BAD_REQUEST', 'Invalid JSON body');
    }
    const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonObject) : {};
    const repoId = typeof record.repoId === 'string' ? record.repoId.trim() : '';
    if (repoId === '') return fail(400, 'BAD_REQUEST', 'repoId is required');
    const input = record.input ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(400, 'BAD_REQUEST', 'input must be an object');
    const automation = this.automations.find((a) => a.id === automationId);
    if (!automation)
      return fail(404, 'NOT_FOUND', 'Automation not found. Work must reference an existing automation owned by this account.');
    if (automation.state === 'draft') return fail(409, 'CONFLICT', 'Publish the automation before triggering it');
    if (automation.state === 'disabled')
      return fail(409, 'CONFLICT', 'This automation is disabled. Enable it in Mogplex before triggering it.');
    if (this.automationOnly.has(token) && automation.trigger !== 'api') {
      return fail(
        403,
        'AUTOMATION_REQUIRED',
        "This API key can trigger only automations with an API trigger. Set this automation's trigger to API in Mogplex and declare its inputs.",
      );
    }
    const repo = this.repos.find((r) => r.id === repoId);
    if (!repo) return fail(404, 'NOT_FOUND', 'Repository not found');
    if (!automation.repos.includes(repo.id)) return fail(403, 'FORBIDDEN', 'This automation is not configured for that repository.');
    const problems = checkInputs(automation.inputs, input);
    if (problems.length > 0) return fail(400, 'BAD_REQUEST', problems.join(' '));
    const inputText = stableJson(input);
    const existing = this.byKey.get(`${token}\n${automationId}\n${key}`);
    // Only the input is compared: the same key and input for another repoId replays the first job.
    if (existing) {
      if (existing.input !== inputText) {
        return fail(
          409,
          'IDEMPOTENCY_CONFLICT',
          'This Idempotency-Key was already used with different input. Use a new key for a new build.',
        );
      }
      return ok({ run: this.present(existing, 'replayed') }, 202);
    }
    const job = this.start(token, automation, key, inputText, repo, now);
    return ok({ run: this.present(job, job.outcome) }, 202);
  }

  detail(token: string, automationId: string, jobRunId: string, now: number): Reply {
    const job = this.jobs.get(jobRunId);
    if (!job || job.token !== token || job.automation.id !== automationId) return fail(404, 'NOT_FOUND', 'Automation run not found');
    const run = job.run ? this.store.get(job.run.id, undefined, now) : undefined;
    const status = jobStatus(job, run);
    const events = (run?.events ?? []).map((e) => ({
      id: e.id,
      event_type: e.type,
      tool_name: e.toolName,
      message: e.message,
      payload: e.payload,
      created_at: e.createdAt,
    }));
    const toolCalls = events.filter((e) => e.event_type === 'tool_started').length;
    return ok({
      run: {
        id: job.id,
        automation_id: job.automation.id,
        status,
        started_at: run?.streamingAtMs ? new Date(run.streamingAtMs).toISOString() : null,
        completed_at: run?.endedAtMs ? new Date(run.endedAtMs).toISOString() : null,
        duration_ms: run?.endedAtMs && run.streamingAtMs ? run.endedAtMs - run.streamingAtMs : null,
        error: run?.error ?? null,
        input_tokens: events.length * 120,
        output_tokens: events.length * 40,
        // Read by a query that does not select it (api-run-queries.ts): null today.
        cost_usd: null,
        active_wait_count: 0,
        latest_ai_call: run
          ? { id: run.aiCallId, status, model: 'gpt-5-codex', total_tokens: events.length * 160, tool_calls_count: toolCalls }
          : null,
        metadata: { working_branch: job.workingBranch },
        ai_calls: run ? [{ id: run.aiCallId, status, events }] : [],
      },
    });
  }

  cancel(token: string, automationId: string, jobRunId: string, now: number): Reply {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(automationId) || !uuid.test(jobRunId)) return fail(400, 'BAD_REQUEST', 'Invalid automation or run id');
    const job = this.jobs.get(jobRunId);
    if (!job || job.token !== token || job.automation.id !== automationId) return fail(404, 'NOT_FOUND', 'Automation run not found');
    const run = job.run ? this.store.get(job.run.id, undefined, now) : undefined;
    const status = jobStatus(job, run);
    if (status !== 'pending' && status !== 'running') return fail(409, 'CONFLICT', `Automation run is not cancelable (status: ${status})`);
    job.cancelled = true;
    if (run) this.store.cancel(run.id, run.token, now);
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ ok: true, status: 'cancelled', runId: job.id }),
    };
  }

  private start(token: string, automation: SimAutomation, key: string, input: string, repo: RepoRecord, now: number): Job {
    const id = randomUUID();
    const workingBranch = `mogplex/automation-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
    const job: Job = {
      id,
      automation,
      token,
      key,
      input,
      run: undefined,
      versionId: randomUUID(),
      outcome: automation.outcome === 'suppressed' ? 'suppressed' : 'queued',
      workingBranch,
      cancelled: false,
    };
    if (job.outcome === 'queued') {
      const scenario = getScenario(automation.scenario) ?? getScenario('success');
      const git = this.git.get(repo.id);
      if (!scenario || !git) throw new Error('simulator: automation without a scenario or repo');
      const normalized = {
        repoId: repo.id,
        prompt: `[automation ${automation.id}] ${input}`,
        harness: 'codex' as const,
        baseBranch: repo.default_branch ?? 'main',
        workingBranch,
        createBranch: true,
        rootDirectory: null,
        conversationId: null,
        workspaceSessionId: null,
        mode: null,
      };
      // A deferred job waits for a slot of the installation's concurrency limit before its sandbox starts.
      const timeline =
        automation.outcome === 'deferred'
          ? {
              ...scenario,
              launchAt: scenario.launchAt + 2_000,
              events: scenario.events.map((e) => ({ ...e, at: e.at + 2_000 })),
              end: { ...scenario.end, at: scenario.end.at + 2_000 },
            }
          : scenario;
      job.run = this.store.create(
        { token: `automation:${token}`, key: `automation:${id}`, request: {}, normalized, requestHash: id, scenario: timeline, git },
        now,
      );
    }
    this.jobs.set(id, job);
    this.byKey.set(`${token}\n${automation.id}\n${key}`, job);
    return job;
  }

  private present(job: Job, outcome: 'queued' | 'suppressed' | 'replayed'): JsonObject {
    const deferred = job.automation.outcome === 'deferred';
    return {
      automationId: job.automation.id,
      versionId: job.versionId,
      versionNumber: 3,
      jobRunId: job.outcome === 'suppressed' ? null : job.id,
      workingBranch: job.workingBranch,
      outcome,
      reason:
        job.outcome === 'suppressed'
          ? 'A run of this automation for this repository is already active'
          : deferred
            ? 'INSTALLATION_CONCURRENCY_LIMIT'
            : null,
      replayed: outcome === 'replayed',
      started: job.outcome !== 'suppressed' && !deferred,
      status: job.outcome === 'suppressed' ? 'suppressed' : 'pending',
      runtime: null,
    };
  }
}

function jobStatus(job: Job, run: SimRun | undefined): string {
  if (!run) return 'cancelled';
  if (run.status === 'pending') return 'pending';
  if (run.status === 'streaming' || run.status === 'awaiting_input') return 'running';
  return run.status;
}

/** lib/flows/automation-inputs.ts: declared fields, unknown keys refused, `null` as absent. */
function checkInputs(fields: AutomationInputField[], input: JsonObject): string[] {
  const problems: string[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.push(`Unknown input "${key}". This automation accepts: ${[...known].join(', ')}.`);
  }
  for (const field of fields) {
    const value: JsonValue | undefined = input[field.key];
    if (value === undefined || value === null) {
      if (field.required) problems.push(`Input "${field.key}" is required.`);
      continue;
    }
    if (field.type === 'string' && typeof value !== 'string') problems.push(`Input "${field.key}" must be a string.`);
    else if (field.type === 'integer' && !Number.isInteger(value)) problems.push(`Input "${field.key}" must be an integer.`);
    else if (field.type === 'boolean' && typeof value !== 'boolean') problems.push(`Input "${field.key}" must be a boolean.`);
    else if (typeof value === 'string' && field.maxLength !== undefined && value.length > field.maxLength) {
      problems.push(`Input "${field.key}" must be at most ${field.maxLength} characters.`);
    } else if (typeof value === 'string' && field.enum && !field.enum.includes(value)) {
      problems.push(`Input "${field.key}" must be one of: ${field.enum.join(', ')}.`);
    }
  }
  return problems;
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`)
    .join(',')}}`;
}
