// Run bookkeeping. Timelines are materialized lazily from the clock whenever
// a run is read, so no timers are needed and every event's createdAt is the
// scenario's intended time (run creation + at * speed), not the read time.
import { randomUUID } from 'node:crypto';
import type { RepoGit } from './git.js';
import { deliveryFailure, stepEvent } from './lifecycle.js';
import type {
  ApiEvent,
  JsonObject,
  LifecycleStep,
  NormalizedStartRequest,
  RunDetail,
  Scenario,
  SimEvent,
  SimRun,
  TerminalStatus,
} from './types.js';

interface RunState {
  run: SimRun;
  scenario: Scenario;
  /** The run's repository on GitHub: sync and delivery change it. */
  git: RepoGit;
  /** Index of the next scripted event to materialize. */
  next: number;
  /** When a requested cancellation lands, else null. */
  cancelAtMs: number | null;
}

export interface NewRunInput {
  token: string;
  key: string;
  request: JsonObject;
  normalized: NormalizedStartRequest;
  requestHash: string;
  scenario: Scenario;
  git: RepoGit;
}

const TERMINAL = new Set(['success', 'failed', 'cancelled']);

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

export class RunStore {
  private readonly states = new Map<string, RunState>();
  private readonly byKey = new Map<string, RunState>();
  private readonly order: RunState[] = [];

  constructor(
    private readonly speed: number,
    private readonly cancelDelayMs: number,
  ) {}

  /** All runs in creation order, brought up to `now`. */
  all(now = Date.now()): SimRun[] {
    return this.order.map((s) => this.advance(s, now));
  }

  /** The run created with this token and Idempotency-Key, if any. */
  findByKey(token: string, key: string, now = Date.now()): SimRun | undefined {
    const state = this.byKey.get(`${token}\n${key}`);
    return state && this.advance(state, now);
  }

  create(input: NewRunInput, now = Date.now()): SimRun {
    const run: SimRun = {
      id: randomUUID(),
      key: input.key,
      token: input.token,
      scenario: input.scenario.name,
      request: input.request,
      normalized: input.normalized,
      requestHash: input.requestHash,
      aiCallId: randomUUID(),
      sandboxRecordId: randomUUID(),
      sandboxId: `vsb_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      runtimeRunId: randomUUID(),
      status: 'pending',
      error: null,
      events: [],
      createdAtMs: now,
      updatedAtMs: now,
      streamingAtMs: null,
      endedAtMs: null,
      cancelRequestedAtMs: null,
      runtimeCommandId: `cmd_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      sync: null,
      delivery: null,
    };
    const state: RunState = { run, scenario: input.scenario, git: input.git, next: 0, cancelAtMs: null };
    this.states.set(run.id, state);
    this.byKey.set(`${input.token}\n${input.key}`, state);
    this.order.push(state);
    return this.advance(state, now);
  }

  /** The run, if it exists; pass `token` to hide other tokens' runs. */
  get(id: string, token?: string, now = Date.now()): SimRun | undefined {
    const state = this.states.get(id);
    if (!state || (token !== undefined && state.run.token !== token)) return undefined;
    return this.advance(state, now);
  }

  /**
   * Requests cancellation (idempotent). Appends `cancel_requested` now; the
   * run turns `cancelled` cancelDelayMs * speed later.
   */
  cancel(id: string, token: string, now = Date.now()): { run: SimRun; alreadyTerminal: boolean } | undefined {
    const state = this.states.get(id);
    if (!state || state.run.token !== token) return undefined;
    const run = this.advance(state, now);
    if (isTerminal(run.status)) return { run, alreadyTerminal: true };
    if (run.cancelRequestedAtMs === null) {
      run.cancelRequestedAtMs = now;
      this.push(run, {
        type: 'cancel_requested',
        message: 'Cancellation requested',
        payload: { external_run_id: run.id, runtime_command_id: commandOf(run) },
        atMs: now,
      });
      state.cancelAtMs = now + this.cancelDelayMs * this.speed;
    }
    return { run: this.advance(state, now), alreadyTerminal: false };
  }

  private advance(state: RunState, now: number): SimRun {
    const { run, scenario } = state;
    if (run.endedAtMs !== null) return run;
    const endAt = run.createdAtMs + scenario.end.at * this.speed;
    // The run row turns streaming once the sandbox is up (run-execution.ts).
    const launchAt = run.createdAtMs + scenario.launchAt * this.speed;
    if (run.status === 'pending' && launchAt <= Math.min(now, endAt, state.cancelAtMs ?? Infinity)) {
      run.status = 'streaming';
      run.streamingAtMs = launchAt;
      run.updatedAtMs = Math.max(run.updatedAtMs, launchAt);
    }
    // Scripted events stop once cancellation was requested (the agent was signalled).
    while (run.cancelRequestedAtMs === null && state.next < scenario.events.length) {
      const event = scenario.events[state.next];
      if (!event) break;
      const atMs = run.createdAtMs + event.at * this.speed;
      if (atMs > now || atMs > endAt) break;
      const text = 'step' in event ? this.step(state, event.step) : event;
      this.push(run, {
        type: text.type,
        toolName: 'toolName' in text ? text.toolName : undefined,
        message: text.message,
        payload: text.payload,
        atMs,
      });
      state.next += 1;
    }
    if (run.cancelRequestedAtMs === null && endAt <= now) {
      const error =
        scenario.end.error ??
        (scenario.end.status === 'failed' && scenario.leaves === 'untracked-files' ? deliveryFailure(run, state.git.fullName) : null);
      this.finish(run, scenario.end.status, error, endAt);
    } else if (state.cancelAtMs !== null && state.cancelAtMs <= now) {
      this.push(run, {
        type: 'cancelled',
        message: 'External Mogplex run cancelled',
        payload: { external_run_id: run.id, runtime_command_id: commandOf(run) },
        atMs: state.cancelAtMs,
      });
      this.finish(run, 'cancelled', null, state.cancelAtMs);
    }
    return run;
  }

  /** Applies a lifecycle step to the repo (branch pushed, pull request opened) and returns its event. */
  private step(state: RunState, step: LifecycleStep): ReturnType<typeof stepEvent> {
    const { run, git } = state;
    if (step === 'git_sync' || step === 'delivery' || step === 'stream_failed') {
      run.sync ??= git.sync({
        aiCallId: run.aiCallId,
        baseBranch: run.normalized.baseBranch,
        workingBranch: run.normalized.workingBranch,
        createBranch: run.normalized.createBranch,
      });
    }
    if (step === 'delivery' && run.sync) run.delivery ??= git.deliver(run.sync, state.scenario.leaves === 'commits');
    return stepEvent(step, run, git.fullName);
  }

  private push(
    run: SimRun,
    e: { type: string; toolName?: string | undefined; message: string; payload?: JsonObject | undefined; atMs: number },
  ): void {
    const event: SimEvent = {
      id: randomUUID(),
      type: e.type,
      toolName: e.toolName ?? null,
      message: e.message,
      payload: e.payload ?? {},
      createdAt: new Date(e.atMs).toISOString(),
      createdAtMs: e.atMs,
    };
    run.events.push(event);
    run.updatedAtMs = Math.max(run.updatedAtMs, e.atMs);
  }

  private finish(run: SimRun, status: TerminalStatus, error: string | null, atMs: number): void {
    run.status = status;
    run.error = error;
    run.endedAtMs = atMs;
    run.updatedAtMs = Math.max(run.updatedAtMs, atMs);
  }
}

/** The runtime command, once the harness command started (status_changed), else null. */
function commandOf(run: SimRun): string | null {
  return run.events.some((e) => e.type === 'status_changed') ? run.runtimeCommandId : null;
}

export function presentRun(run: SimRun): RunDetail {
  return {
    runId: run.id,
    aiCallId: run.aiCallId,
    sandboxRecordId: run.sandboxRecordId,
    // The sandbox id is only known once the runtime picked the run up.
    sandboxId: run.status === 'pending' ? null : run.sandboxId,
    repoId: run.normalized.repoId,
    harness: run.normalized.harness,
    status: run.status,
    branch: {
      base: run.normalized.baseBranch,
      working: run.normalized.workingBranch,
      createBranch: run.normalized.createBranch,
    },
    rootDirectory: run.normalized.rootDirectory,
    eventsUrl: `/api/v1/mogplex/runs/${run.id}/events`,
    cancelUrl: `/api/v1/mogplex/runs/${run.id}/cancel`,
    createdAt: new Date(run.createdAtMs).toISOString(),
    updatedAt: new Date(run.updatedAtMs).toISOString(),
    error: run.error,
    runtime: { provider: 'trigger', runId: run.runtimeRunId },
  };
}

export function presentEvent(event: SimEvent): ApiEvent {
  const { createdAtMs: _omit, ...api } = event;
  return api;
}
